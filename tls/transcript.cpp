// SPDX-License-Identifier: MIT
// Transcript hash (see transcript.h). RFC 5246 §7.4.9: handshake_messages
// is every handshake message up to but not including this one, header
// included, HelloRequest excluded (the caller does not feed it).
#include "tls/transcript.h"

namespace baretls::tls {

void Transcript::update(std::span<const std::uint8_t> handshake_message) noexcept {
  if (!selected_ || *selected_ == crypto::HashId::sha256) sha256_.update(handshake_message);
  if (!selected_ || *selected_ == crypto::HashId::sha384) sha384_.update(handshake_message);
  if (keep_) messages_.insert(messages_.end(), handshake_message.begin(), handshake_message.end());
}

std::size_t Transcript::snapshot(std::span<std::uint8_t, crypto::kMaxDigestSize> out) const noexcept {
  crypto::AnyHash copy = (selected_ && *selected_ == crypto::HashId::sha384) ? sha384_ : sha256_;
  return copy.final(out);
}

}  // namespace baretls::tls

// SPDX-License-Identifier: MIT
// The handshake transcript: the running hash of every handshake message
// (header included) sent and received, RFC 5246 §7.4.9 handshake_messages.
// Until ServerHello fixes the PRF hash both SHA-256 and SHA-384 run; after
// select() only the suite's hash does. Snapshots feed the RFC 7627
// session_hash and the Finished verify_data.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "baretls/crypto/hash.h"

namespace baretls::tls {

class Transcript {
 public:
  Transcript() noexcept : sha256_(crypto::HashId::sha256), sha384_(crypto::HashId::sha384) {}

  void update(std::span<const std::uint8_t> handshake_message) noexcept;
  // Keep only the suite's hash from now on.
  void select(crypto::HashId id) noexcept { selected_ = id; }
  [[nodiscard]] std::optional<crypto::HashId> selected() const noexcept { return selected_; }

  // Hash of everything so far with the selected hash; the transcript keeps
  // running. Returns the digest length. Needs select() first.
  std::size_t snapshot(std::span<std::uint8_t, crypto::kMaxDigestSize> out) const noexcept;

  // RFC 5246 §7.4.8: CertificateVerify signs handshake_messages themselves,
  // with the scheme's hash (which may differ from the PRF hash), so a
  // connection that may need it keeps the raw messages too. Bounded by the
  // handshake; dropped by stop_keeping().
  void keep_messages() { keep_ = true; }
  void stop_keeping() noexcept {
    keep_ = false;
    messages_ = {};
  }
  [[nodiscard]] bool keeping() const noexcept { return keep_; }
  [[nodiscard]] std::span<const std::uint8_t> messages() const noexcept { return messages_; }

 private:
  bool keep_ = false;
  std::vector<std::uint8_t> messages_;
  crypto::AnyHash sha256_;
  crypto::AnyHash sha384_;
  std::optional<crypto::HashId> selected_;
};

}  // namespace baretls::tls

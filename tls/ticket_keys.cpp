// SPDX-License-Identifier: MIT
// RFC 5077 ticket keys (see include/baretls/tls/ticket_keys.h): key
// generation and rotation (RFC 5077 §5.5), sealing and opening tickets in
// the layout key_name || IV || ciphertext || tag (RFC 5077 §4 shape, with
// AES-256-GCM in place of AES-CBC + HMAC).
#include "baretls/tls/ticket_keys.h"

#include "baretls/crypto/secret.h"

namespace baretls::tls {

TicketKeys::TicketKeys(std::int64_t rotation_interval_s, std::int64_t ticket_lifetime_s)
    : rotation_interval_(rotation_interval_s < 1 ? 1 : rotation_interval_s),
      ticket_lifetime_(ticket_lifetime_s < 0 ? 0 : ticket_lifetime_s) {}

namespace {
// Due after the interval; a clock that went back by more than the interval also rotates.
bool due(std::int64_t created, std::int64_t now, std::int64_t interval) {
  return now - created >= interval || created - now >= interval;
}
}  // namespace

Error TicketKeys::rotate_locked(const crypto::RandomSource& rng, std::int64_t now) {
  Key k;
  crypto::Secret<32> key;
  if (rng(k.name) != crypto::Error::ok || rng(key.expose()) != crypto::Error::ok) return Error::random_failure;
  if (k.aead.init(key.expose()) != crypto::Error::ok) return Error::internal_error;
  k.created = now;
  previous_ = std::move(current_);
  current_ = std::move(k);
  return Error::ok;
}

Error TicketKeys::rotate(const crypto::RandomSource& rng, std::int64_t now) {
  detail::SharedLock lock(mutex_);
  return rotate_locked(rng, now);
}

Error TicketKeys::rotate_if_due(const crypto::RandomSource& rng, std::int64_t now) {
  detail::SharedLock lock(mutex_);
  if (current_ && !due(current_->created, now, rotation_interval_)) return Error::ok;
  return rotate_locked(rng, now);
}

Result<std::vector<std::uint8_t>> TicketKeys::seal(const crypto::RandomSource& rng, std::int64_t now,
                                                   std::span<const std::uint8_t> state) {
  detail::SharedLock lock(mutex_);
  if (!current_ || due(current_->created, now, rotation_interval_)) BARETLS_TRY(rotate_locked(rng, now));
  std::vector<std::uint8_t> t(kOverhead + state.size());
  const auto out = std::span(t);
  const auto name = out.first<kKeyNameSize>();
  const auto iv = out.subspan<kKeyNameSize, kIvSize>();
  const auto body = out.subspan(kKeyNameSize + kIvSize, state.size());
  const auto tag = out.last<kTagSize>();
  std::copy(current_->name.begin(), current_->name.end(), name.begin());
  if (rng(iv) != crypto::Error::ok) return Error::random_failure;
  if (current_->aead.seal(iv, name, state, body, tag) != crypto::Error::ok) return Error::internal_error;
  return t;
}

std::optional<TicketKeys::Opened> TicketKeys::open(std::span<const std::uint8_t> ticket) const {
  if (ticket.size() < kOverhead) return std::nullopt;
  const auto name = ticket.first<kKeyNameSize>();
  const auto iv = ticket.subspan<kKeyNameSize, kIvSize>();
  const auto body = ticket.subspan(kKeyNameSize + kIvSize, ticket.size() - kOverhead);
  const auto tag = ticket.last<kTagSize>();
  detail::SharedLock lock(mutex_);
  const auto matches = [&](const std::optional<Key>& k) {  // key names are public
    return k && std::equal(name.begin(), name.end(), k->name.begin());
  };
  const Key* key = matches(current_) ? &*current_ : matches(previous_) ? &*previous_ : nullptr;
  if (key == nullptr) return std::nullopt;
  Opened o;
  o.state.resize(body.size());
  if (key->aead.open(iv, name, body, o.state, tag) != crypto::Error::ok) return std::nullopt;
  o.under_previous_key = previous_.has_value() && key == &*previous_;
  return o;
}

std::optional<TicketKeys::KeyName> TicketKeys::current_key_name() const {
  detail::SharedLock lock(mutex_);
  if (!current_) return std::nullopt;
  return current_->name;
}

std::optional<TicketKeys::KeyName> TicketKeys::previous_key_name() const {
  detail::SharedLock lock(mutex_);
  if (!previous_) return std::nullopt;
  return previous_->name;
}

}  // namespace baretls::tls

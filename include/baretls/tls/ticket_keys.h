// SPDX-License-Identifier: MIT
// RFC 5077 session-ticket protection keys for a server: each key is a
// 16-byte key name (RFC 5077 §4) and an AES-256-GCM key, drawn from the
// caller's RandomSource. Keys rotate every `rotation_interval` seconds; the
// previous key still opens tickets, older ones do not (RFC 5077 §5.5).
// Tickets are key_name(16) || IV(12) || AES-256-GCM(state) || tag(16), the
// key name being the additional data. Thread-safe (one mutex; shared_lock.h).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "baretls/crypto/aes_gcm.h"
#include "baretls/crypto/random.h"
#include "baretls/tls/errors.h"
#include "baretls/tls/shared_lock.h"

namespace baretls::tls {

class TicketKeys {
 public:
  static constexpr std::size_t kKeyNameSize = 16;
  static constexpr std::size_t kIvSize = 12;
  static constexpr std::size_t kTagSize = 16;
  static constexpr std::size_t kOverhead = kKeyNameSize + kIvSize + kTagSize;
  using KeyName = std::array<std::uint8_t, kKeyNameSize>;

  // rotation_interval_s: seconds a key seals tickets before the next one
  // replaces it; ticket_lifetime_s: how long a ticket opens after its
  // session was created (also sent as ticket_lifetime_hint).
  explicit TicketKeys(std::int64_t rotation_interval_s = 3600, std::int64_t ticket_lifetime_s = 7200);
  TicketKeys(const TicketKeys&) = delete;
  TicketKeys& operator=(const TicketKeys&) = delete;

  // A new current key now; the current one becomes the previous, the
  // previous one is dropped (and wiped).
  [[nodiscard]] Error rotate(const crypto::RandomSource& rng, std::int64_t now);
  // rotate() if there is no key yet or the current one is older than the interval.
  [[nodiscard]] Error rotate_if_due(const crypto::RandomSource& rng, std::int64_t now);

  // Seals `state` under the current key (rotating first when due).
  // CT: time depends only on state.size().
  [[nodiscard]] Result<std::vector<std::uint8_t>> seal(const crypto::RandomSource& rng, std::int64_t now,
                                                       std::span<const std::uint8_t> state);
  struct Opened {
    std::vector<std::uint8_t> state;  // the caller wipes it
    bool under_previous_key = false;  // worth renewing
  };
  // The state inside `ticket` if its key name is the current or previous
  // key and the tag verifies; nullopt otherwise (never an error: a bad
  // ticket only means a full handshake). CT: the tag check is constant time.
  [[nodiscard]] std::optional<Opened> open(std::span<const std::uint8_t> ticket) const;

  [[nodiscard]] std::optional<KeyName> current_key_name() const;
  [[nodiscard]] std::optional<KeyName> previous_key_name() const;
  [[nodiscard]] std::int64_t rotation_interval() const noexcept { return rotation_interval_; }
  [[nodiscard]] std::int64_t ticket_lifetime() const noexcept { return ticket_lifetime_; }

 private:
  struct Key {
    KeyName name{};
    crypto::AesGcm aead;  // wipes itself
    std::int64_t created = 0;
  };
  [[nodiscard]] Error rotate_locked(const crypto::RandomSource& rng, std::int64_t now);

  const std::int64_t rotation_interval_;
  const std::int64_t ticket_lifetime_;
  mutable detail::SharedMutex mutex_;
  std::optional<Key> current_;
  std::optional<Key> previous_;
};

}  // namespace baretls::tls

// SPDX-License-Identifier: MIT
// The server's session-ID cache (RFC 5246 §7.3 "session identifier"): a
// bounded LRU map from session ID to Session, with a lifetime after which an
// entry is never resumed. Thread-safe (one mutex; shared_lock.h), so one cache can serve
// every connection of a ServerConfig. Evicted and expired entries are
// destroyed at once, which wipes their master secrets.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <list>
#include <map>
#include <optional>
#include <span>
#include <vector>

#include "baretls/tls/session.h"
#include "baretls/tls/shared_lock.h"

namespace baretls::tls {

class SessionCache {
 public:
  // capacity: entries kept (at least 1); lifetime_s: seconds after
  // Session::created during which an entry may be resumed.
  SessionCache(std::size_t capacity, std::int64_t lifetime_s);
  SessionCache(const SessionCache&) = delete;
  SessionCache& operator=(const SessionCache&) = delete;

  // Inserts or replaces; the least recently used entry goes when full.
  // An empty or over-long (> 32 bytes) ID is ignored.
  void store(std::span<const std::uint8_t> session_id, const Session& session);
  // The entry for `session_id` if present and not expired at `now` (an
  // expired one is removed); a hit becomes the most recently used.
  [[nodiscard]] std::optional<Session> find(std::span<const std::uint8_t> session_id, std::int64_t now);
  void remove(std::span<const std::uint8_t> session_id);
  void clear();

  [[nodiscard]] std::size_t size() const;
  [[nodiscard]] std::size_t capacity() const noexcept { return capacity_; }
  [[nodiscard]] std::int64_t lifetime() const noexcept { return lifetime_; }

 private:
  using Key = std::array<std::uint8_t, 1 + Session::kMaxSessionIdSize>;  // length, then the ID
  [[nodiscard]] static Key make_key(std::span<const std::uint8_t> session_id) noexcept;
  struct Entry {
    Key id;
    Session session;
  };
  const std::size_t capacity_;
  const std::int64_t lifetime_;
  mutable detail::SharedMutex mutex_;
  std::list<Entry> lru_;  // front: most recently used
  std::map<Key, std::list<Entry>::iterator> index_;
};

}  // namespace baretls::tls

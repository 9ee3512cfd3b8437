// SPDX-License-Identifier: MIT
// The server's session-ID cache (see include/baretls/tls/session_cache.h):
// a std::list in recency order plus an index by ID, under one mutex.
#include "baretls/tls/session_cache.h"

namespace baretls::tls {

SessionCache::Key SessionCache::make_key(std::span<const std::uint8_t> session_id) noexcept {
  Key k{};
  const std::size_t n = session_id.size() < k.size() - 1 ? session_id.size() : k.size() - 1;
  k[0] = static_cast<std::uint8_t>(n);
  for (std::size_t i = 0; i < n; ++i) k[1 + i] = session_id[i];
  return k;
}

SessionCache::SessionCache(std::size_t capacity, std::int64_t lifetime_s)
    : capacity_(capacity == 0 ? 1 : capacity), lifetime_(lifetime_s < 0 ? 0 : lifetime_s) {}

void SessionCache::store(std::span<const std::uint8_t> session_id, const Session& session) {
  if (session_id.empty() || session_id.size() > Session::kMaxSessionIdSize) return;
  const Key key = make_key(session_id);
  detail::SharedLock lock(mutex_);
  if (const auto it = index_.find(key); it != index_.end()) {
    lru_.erase(it->second);  // the Session's destructor wipes its secret
    index_.erase(it);
  }
  while (lru_.size() >= capacity_) {
    index_.erase(lru_.back().id);
    lru_.pop_back();
  }
  lru_.push_front(Entry{key, session});
  index_.emplace(key, lru_.begin());
}

std::optional<Session> SessionCache::find(std::span<const std::uint8_t> session_id, std::int64_t now) {
  if (session_id.empty() || session_id.size() > Session::kMaxSessionIdSize) return std::nullopt;
  const Key key = make_key(session_id);
  detail::SharedLock lock(mutex_);
  const auto it = index_.find(key);
  if (it == index_.end()) return std::nullopt;
  const Session& s = it->second->session;
  // A clock that went backwards by more than the lifetime also expires it.
  if (now - s.created > lifetime_ || s.created - now > lifetime_) {
    lru_.erase(it->second);
    index_.erase(it);
    return std::nullopt;
  }
  lru_.splice(lru_.begin(), lru_, it->second);  // iterators stay valid
  return lru_.front().session;
}

void SessionCache::remove(std::span<const std::uint8_t> session_id) {
  if (session_id.size() > Session::kMaxSessionIdSize) return;
  const Key key = make_key(session_id);
  detail::SharedLock lock(mutex_);
  if (const auto it = index_.find(key); it != index_.end()) {
    lru_.erase(it->second);
    index_.erase(it);
  }
}

void SessionCache::clear() {
  detail::SharedLock lock(mutex_);
  index_.clear();
  lru_.clear();
}

std::size_t SessionCache::size() const {
  detail::SharedLock lock(mutex_);
  return lru_.size();
}

}  // namespace baretls::tls

// SPDX-License-Identifier: MIT
// see server_timers.h
#include "tools/server_timers.h"

#include <time.h>

namespace baretls::cli {

std::int64_t monotonic_ms() {
  timespec ts{};
  ::clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<std::int64_t>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

void TimerList::arm(TimerNode& n, std::int64_t now_ms) noexcept {
  disarm(n);
  // now_ms never decreases and delay_ms_ is fixed: the back is the place.
  n.deadline_ms = now_ms + delay_ms_;
  n.list = this;
  n.prev = tail_;
  n.next = nullptr;
  if (tail_ != nullptr) {
    tail_->next = &n;
  } else {
    head_ = &n;
  }
  tail_ = &n;
}

void TimerList::disarm(TimerNode& n) noexcept {
  if (n.list != nullptr) n.list->unlink(n);
}

void TimerList::unlink(TimerNode& n) noexcept {
  if (n.prev != nullptr) {
    n.prev->next = n.next;
  } else {
    head_ = n.next;
  }
  if (n.next != nullptr) {
    n.next->prev = n.prev;
  } else {
    tail_ = n.prev;
  }
  n.prev = n.next = nullptr;
  n.list = nullptr;
}

TimerNode* TimerList::expired(std::int64_t now_ms) const noexcept {
  return head_ != nullptr && head_->deadline_ms <= now_ms ? head_ : nullptr;
}

}  // namespace baretls::cli

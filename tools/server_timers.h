// SPDX-License-Identifier: MIT
// Timers of `baretls server`'s event loop: a monotonic millisecond clock and
// intrusive deadline lists. Each list has one fixed delay (the handshake
// timeout, the idle timeout, the closing bound), so a node appended at
// now + delay always belongs at the back: the list stays ordered with O(1)
// insert, refresh and removal, and the earliest deadline is its front.
// 10,000 connections cost no more per event than one.
#pragma once

#include <cstdint>

namespace baretls::cli {

// Milliseconds on CLOCK_MONOTONIC (never jumps with the wall clock).
std::int64_t monotonic_ms();

class TimerList;

// A connection derives from TimerNode to sit in at most one list at a time.
struct TimerNode {
  TimerNode* prev = nullptr;
  TimerNode* next = nullptr;
  TimerList* list = nullptr;  // nullptr: in no list
  std::int64_t deadline_ms = 0;
};

class TimerList {
 public:
  explicit TimerList(std::int64_t delay_ms) : delay_ms_(delay_ms) {}
  TimerList(const TimerList&) = delete;
  TimerList& operator=(const TimerList&) = delete;

  // Puts `n` at the back with deadline now + delay, taking it out of
  // whatever list held it first (a refresh when that is this list).
  void arm(TimerNode& n, std::int64_t now_ms) noexcept;
  static void disarm(TimerNode& n) noexcept;
  // The node whose deadline is at or before now, oldest first; nullptr when none.
  [[nodiscard]] TimerNode* expired(std::int64_t now_ms) const noexcept;
  [[nodiscard]] const TimerNode* front() const noexcept { return head_; }
  [[nodiscard]] std::int64_t delay_ms() const noexcept { return delay_ms_; }

 private:
  void unlink(TimerNode& n) noexcept;
  const std::int64_t delay_ms_;
  TimerNode* head_ = nullptr;
  TimerNode* tail_ = nullptr;
};

}  // namespace baretls::cli

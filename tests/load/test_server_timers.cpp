// SPDX-License-Identifier: MIT
// The deadline lists of `baretls server`'s event loop (tools/server_timers.h):
// order by arming time, refresh to the back, moves between lists, removal,
// and only expired fronts reported.
#include <doctest/doctest.h>

#include <array>
#include <vector>

#include "tools/server_timers.h"

using baretls::cli::TimerList;
using baretls::cli::TimerNode;

namespace {
// The nodes in list order, by index into `nodes` (-1 for a stranger).
template <std::size_t N>
std::vector<int> order(const TimerList& l, const std::array<TimerNode, N>& nodes) {
  std::vector<int> out;
  for (const TimerNode* n = l.front(); n != nullptr; n = n->next) out.push_back(static_cast<int>(n - nodes.data()));
  return out;
}
}  // namespace

TEST_CASE("TimerList: armed in time order, the front expires first") {
  TimerList l(1000);
  std::array<TimerNode, 3> n{};
  l.arm(n[0], 10);
  l.arm(n[1], 20);
  l.arm(n[2], 20);
  CHECK(order(l, n) == std::vector<int>{0, 1, 2});
  CHECK(n[0].deadline_ms == 1010);
  CHECK(l.expired(1009) == nullptr);
  CHECK(l.expired(1010) == &n[0]);
  TimerList::disarm(n[0]);
  CHECK(n[0].list == nullptr);
  CHECK(l.expired(1015) == nullptr);  // n[1] is due at 1020
  CHECK(l.expired(1020) == &n[1]);
}

TEST_CASE("TimerList: a refresh moves the node to the back with a new deadline") {
  TimerList l(500);
  std::array<TimerNode, 3> n{};
  for (auto& x : n) l.arm(x, 0);
  l.arm(n[0], 100);  // traffic on the first: it is now the last due
  CHECK(order(l, n) == std::vector<int>{1, 2, 0});
  CHECK(n[0].deadline_ms == 600);
  l.arm(n[2], 200);
  CHECK(order(l, n) == std::vector<int>{1, 0, 2});
  TimerList::disarm(n[0]);  // from the middle
  CHECK(order(l, n) == std::vector<int>{1, 2});
  TimerList::disarm(n[2]);  // the back
  TimerList::disarm(n[1]);  // the last one
  CHECK(l.front() == nullptr);
  CHECK(l.expired(1000000) == nullptr);
  TimerList::disarm(n[1]);  // in no list: nothing happens
}

TEST_CASE("TimerList: arming in another list takes the node out of the first") {
  TimerList handshake(10000), idle(60000);
  std::array<TimerNode, 2> n{};
  handshake.arm(n[0], 0);
  handshake.arm(n[1], 5);
  idle.arm(n[0], 7);  // established: from the handshake list to the idle list
  CHECK(order(handshake, n) == std::vector<int>{1});
  CHECK(order(idle, n) == std::vector<int>{0});
  CHECK(n[0].list == &idle);
  CHECK(n[0].deadline_ms == 60007);
  CHECK(handshake.expired(10005) == &n[1]);
}

// SPDX-License-Identifier: MIT
// Two in-memory connections; see baretls/tls/pump.h.
#include "baretls/tls/pump.h"

namespace baretls::tls {

namespace {

// Everything `from` has to send that `to` takes now. True if a byte moved;
// `first_error` keeps the first failure.
bool move_pending(Connection& from, Connection& to, Error& first_error) {
  bool moved = false;
  for (auto out = from.outgoing(); !out.empty(); out = from.outgoing()) {
    const auto taken = to.feed(out);
    if (!taken) {
      if (first_error == Error::ok) first_error = taken.error();
      from.consume_outgoing(out.size());  // lost, as on a network
      return true;
    }
    if (*taken == 0) break;  // the receiver waits for its application to read
    from.consume_outgoing(*taken);
    moved = true;
  }
  return moved;
}

}  // namespace

Error pump(Connection& a, Connection& b) {
  Error first_error = Error::ok;
  for (std::size_t round = 0; round < kMaxPumpRounds; ++round) {
    const bool a_to_b = move_pending(a, b, first_error);
    const bool b_to_a = move_pending(b, a, first_error);
    if (!a_to_b && !b_to_a) break;
  }
  return first_error;
}

}  // namespace baretls::tls

// SPDX-License-Identifier: MIT
// Test support: the RFC 8448 traces of vectors/tls13/rfc8448-*.txt (one
// record per printed step: Actor, Step, values) and the handshake
// transcript as a trace builds it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tests/support/hex.h"
#include "tests/support/vector_file.h"
#include "tls/key_schedule13.h"

namespace baretls::test::rfc8448 {

struct Trace {
  std::string name;  // file name, for messages
  std::vector<VectorRecord> steps;
};

// The five traces: simple 1-RTT, resumed 0-RTT, HelloRetryRequest, client
// authentication, compatibility mode (RFC 8448 §3-7).
inline constexpr std::size_t kTraceCount = 5;
[[nodiscard]] std::vector<Trace> load_traces();
[[nodiscard]] Trace load_trace(std::string_view file);

[[nodiscard]] bool step_is(const VectorRecord& r, std::string_view prefix);
// The label in quotes without its "tls13 " prefix: "c hs traffic" for
// `derive secret "tls13 c hs traffic"`.
[[nodiscard]] std::string step_label(const VectorRecord& r);
// "ClientHello" for `construct a ClientHello handshake message`, else "".
[[nodiscard]] std::string constructed_message(const VectorRecord& r);

// The handshake messages in the order the trace constructs them. A
// ClientHello printed only up to its binders (RFC 8448 §4) is completed by the
// client's next handshake record; a HelloRetryRequest replaces ClientHello1
// by message_hash (RFC 8446 §4.4.1).
class TraceTranscript {
 public:
  void on_step(const VectorRecord& r);
  [[nodiscard]] tls::TranscriptHash hash() const;
  [[nodiscard]] std::size_t messages() const noexcept { return count_; }

 private:
  void add(const Bytes& message);
  Bytes transcript_;
  Bytes pending_prefix_;
  std::size_t count_ = 0;
};

}  // namespace baretls::test::rfc8448

// SPDX-License-Identifier: MIT
// `--trace` (README.md): one line per handshake message sent or received
// with its decoded fields, per ChangeCipherSpec and alert, and at the end of
// the handshake. A formatter of Inspector events (include/baretls/tls/
// inspect.h): the library only reports events, and only to an inspector.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "baretls/tls/inspect.h"

namespace baretls::cli {

// ">>> ClientHello version=0x0303 ...", "<<< Alert warning no_renegotiation",
// "=== handshake complete: TLS_...", or nullopt for an event the trace does
// not show (values, secrets, records other than alerts and ChangeCipherSpec).
[[nodiscard]] std::optional<std::string> trace_line(const tls::InspectEvent& e);

// Writes "trace: LINE" to stderr, the peer's bytes in it escaped.
void print_trace_line(std::string_view line);

// An inspector that prints every trace line of a connection to stderr.
[[nodiscard]] tls::Inspector stderr_trace() noexcept;

}  // namespace baretls::cli

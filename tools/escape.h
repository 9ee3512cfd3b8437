// SPDX-License-Identifier: MIT
// The one escaping helper for everything the CLI prints that a peer or a
// certificate chose (SNI, ALPN, certificate fields, trace lines): no byte
// that a terminal would act on reaches it.
#pragma once

#include <string>
#include <string_view>

namespace baretls::cli {

// Printable ASCII and well-formed UTF-8 pass unchanged. Written as \xNN
// instead: C0 controls and DEL, every byte that is not part of well-formed
// UTF-8 (so 8-bit C1 such as 0x9B, CSI, never passes), and the UTF-8 of the
// C1 controls U+0080..U+009F, the bidirectional overrides and isolates
// (U+202A..U+202E, U+2066..U+2069) and the line/paragraph separators
// (U+2028, U+2029). A backslash passes as it is: escaped text (x509::Name
// escapes its own) stays as it was.
[[nodiscard]] std::string escape_peer_text(std::string_view text);

}  // namespace baretls::cli

// SPDX-License-Identifier: MIT
// Internal: the RFC 4518 string preparation of name_match.cpp, as Name::parse
// needs it.
#pragma once

#include <cstdint>

#include "x509/der.h"

namespace baretls::x509 {

// A DirectoryString-like value (PrintableString, UTF8String, ...) that
// decodes and whose every code point our preparation handles completely, so
// that a difference after preparation is final. CT: none (public data).
[[nodiscard]] bool prepares_in_full(std::uint8_t tag, der::Bytes value) noexcept;

}  // namespace baretls::x509

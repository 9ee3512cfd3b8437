// SPDX-License-Identifier: MIT
// Test support: hex conversion. from_hex() throws std::invalid_argument on
// an odd length or a non-hex digit, so a bad vector is an error, not a skip.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace baretls::test {

using Bytes = std::vector<std::uint8_t>;

[[nodiscard]] Bytes from_hex(std::string_view hex);
[[nodiscard]] std::string to_hex(std::span<const std::uint8_t> bytes);
// Bytes of an ASCII string (no terminator).
[[nodiscard]] Bytes from_ascii(std::string_view s);

}  // namespace baretls::test

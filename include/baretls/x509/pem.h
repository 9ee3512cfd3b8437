// SPDX-License-Identifier: MIT
// PEM (RFC 7468): "-----BEGIN LABEL-----", base64 (RFC 4648 §4), "-----END
// LABEL-----". Any number of blocks; text outside blocks is ignored; the END
// label must equal the BEGIN label; base64 is strict (alphabet, padding,
// zero pad bits) with whitespace allowed between characters.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "baretls/x509/error.h"

namespace baretls::x509 {

struct PemBlock {
  std::string label;
  std::vector<std::uint8_t> data;
};

// Largest PEM text we decode (a system bundle is ~200 KB).
inline constexpr std::size_t kMaxPemText = 64u << 20;

// Every block, in file order. A malformed block fails the whole text.
[[nodiscard]] Result<std::vector<PemBlock>> pem_decode_blocks(std::string_view text);
// Every block with the given label ("CERTIFICATE"), decoded, in file order;
// blocks with other labels are skipped. No block at all gives an empty list.
[[nodiscard]] Result<std::vector<std::vector<std::uint8_t>>> pem_decode_all(std::string_view text,
                                                                           std::string_view label);
// RFC 7468 §2 strict form: 64-character lines.
[[nodiscard]] std::string pem_encode(std::string_view label, std::span<const std::uint8_t> data);

// RFC 4648 §4 base64, strict; whitespace between characters is skipped.
[[nodiscard]] Result<std::vector<std::uint8_t>> base64_decode(std::string_view text);

}  // namespace baretls::x509

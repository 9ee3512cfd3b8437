// SPDX-License-Identifier: MIT
// What the engine derives from suites, groups and schemes beyond the public
// table of include/baretls/tls/suite_info.h: which code points are known,
// public-value sizes, ECDSA schemes.
#pragma once

#include <cstddef>
#include <cstdint>

#include "baretls/tls/names.h"
#include "baretls/tls/suite_info.h"
#include "baretls/tls/types.h"

namespace baretls::tls {

[[nodiscard]] constexpr bool is_known_group(std::uint16_t code) noexcept {
  return code == 23 || code == 24 || code == 29;
}
// Public-value size on the wire: 32 for x25519, 65/97 for uncompressed P-256/P-384.
[[nodiscard]] constexpr std::size_t group_public_size(NamedGroup g) noexcept {
  return g == NamedGroup::x25519 ? 32 : g == NamedGroup::secp256r1 ? 65 : 97;
}

[[nodiscard]] constexpr bool is_known_scheme(std::uint16_t code) noexcept {
  switch (code) {
    case 0x0401: case 0x0501: case 0x0601: case 0x0403: case 0x0503:
    case 0x0804: case 0x0805: case 0x0806: return true;
    default: return false;
  }
}
[[nodiscard]] constexpr bool is_ecdsa(SignatureScheme s) noexcept {
  return s == SignatureScheme::ecdsa_secp256r1_sha256 || s == SignatureScheme::ecdsa_secp384r1_sha384;
}

}  // namespace baretls::tls

// SPDX-License-Identifier: MIT
// HKDF (RFC 5869): HKDF-Extract and HKDF-Expand over HMAC-SHA-256/384/512
// (hmac.h). Fixed-size, no allocation; intermediate blocks are wiped. TLS 1.3
// builds its key schedule on these (tls/key_schedule13.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "baretls/crypto/error.h"
#include "baretls/crypto/hash.h"

namespace baretls::crypto {

// RFC 5869 §2.3: L <= 255*HashLen.
[[nodiscard]] constexpr std::size_t hkdf_max_output(HashId id) noexcept { return 255 * digest_size(id); }

// RFC 5869 §2.2: PRK = HMAC-Hash(salt, IKM). An empty salt is the same as
// HashLen zero bytes (HMAC pads its key with zeros). Writes digest_size(id)
// bytes to prk; buffer_too_small if prk is shorter.
// CT: time depends only on the lengths.
[[nodiscard]] Error hkdf_extract(HashId id, std::span<const std::uint8_t> salt, std::span<const std::uint8_t> ikm,
                                 std::span<std::uint8_t> prk) noexcept;

// RFC 5869 §2.3: OKM = first L octets of T(1) | T(2) | ..., with
//   T(i) = HMAC-Hash(PRK, T(i-1) | info | i), T(0) empty,
// where L = out.size(). message_too_long when L > 255*HashLen (out is left
// untouched); bad_length when prk is shorter than HashLen ("a pseudorandom key
// of at least HashLen octets"). CT: time depends only on the lengths.
[[nodiscard]] Error hkdf_expand(HashId id, std::span<const std::uint8_t> prk, std::span<const std::uint8_t> info,
                                std::span<std::uint8_t> out) noexcept;

// Extract then Expand (RFC 5869 §2.1), with the PRK wiped afterwards.
[[nodiscard]] Error hkdf(HashId id, std::span<const std::uint8_t> salt, std::span<const std::uint8_t> ikm,
                         std::span<const std::uint8_t> info, std::span<std::uint8_t> out) noexcept;

}  // namespace baretls::crypto

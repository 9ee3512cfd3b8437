// SPDX-License-Identifier: MIT
// Fixed-capacity unsigned big integers: little-endian arrays of 64-bit limbs
// held in caller storage (no heap), sized for 8192-bit RSA moduli. The
// helpers here are the building blocks of Montgomery arithmetic (mont.h) and
// RSA (rsa.h). Sizes (limb counts) are public; values may be secret unless a
// function ends in _vartime.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "baretls/crypto/ct.h"

namespace baretls::crypto {

using Limb = std::uint64_t;
inline constexpr std::size_t kLimbBits = 64;
inline constexpr std::size_t kMaxBigIntBits = 8192;
inline constexpr std::size_t kMaxLimbs = kMaxBigIntBits / kLimbBits;

[[nodiscard]] constexpr std::size_t limbs_for_bytes(std::size_t bytes) noexcept { return (bytes + 7) / 8; }
[[nodiscard]] constexpr std::size_t limbs_for_bits(std::size_t bits) noexcept { return (bits + 63) / 64; }

namespace bigint {

// out = the big-endian integer `in`; every limb of out is written. Returns
// false when the value does not fit in out (non-zero bytes beyond its
// capacity). CT: time depends only on the sizes.
[[nodiscard]] bool from_bytes_be(std::span<Limb> out, std::span<const std::uint8_t> in) noexcept;

// Writes the low out.size() bytes of a, big-endian (higher bytes dropped,
// missing ones zero). CT: time depends only on the sizes.
void to_bytes_be(std::span<std::uint8_t> out, std::span<const Limb> a) noexcept;

// CT: all of the following run in time that depends only on the sizes.
void set_zero(std::span<Limb> r) noexcept;
void copy(std::span<Limb> r, std::span<const Limb> a) noexcept;  // zero-extends or truncates
// r = a + b, r/a/b of one size (r may alias a or b); returns the carry (0/1).
Limb add(std::span<Limb> r, std::span<const Limb> a, std::span<const Limb> b) noexcept;
// r = a - b, same sizes (aliasing allowed); returns the borrow (0/1).
Limb sub(std::span<Limb> r, std::span<const Limb> a, std::span<const Limb> b) noexcept;
// a < b (same size).
[[nodiscard]] ct::Mask less_than(std::span<const Limb> a, std::span<const Limb> b) noexcept;
[[nodiscard]] ct::Mask equal(std::span<const Limb> a, std::span<const Limb> b) noexcept;
[[nodiscard]] ct::Mask is_zero(std::span<const Limb> a) noexcept;
// r = m ? a : r (same size).
void cond_copy(ct::Mask m, std::span<Limb> r, std::span<const Limb> a) noexcept;
// r = a * b; r.size() == a.size() + b.size(); r must not alias a or b.
void mul(std::span<Limb> r, std::span<const Limb> a, std::span<const Limb> b) noexcept;
// r = (a + b) mod m and (a - b) mod m, for a, b < m (all one size; aliasing allowed).
void mod_add(std::span<Limb> r, std::span<const Limb> a, std::span<const Limb> b, std::span<const Limb> m) noexcept;
void mod_sub(std::span<Limb> r, std::span<const Limb> a, std::span<const Limb> b, std::span<const Limb> m) noexcept;

// CT: none (public inputs only).
[[nodiscard]] std::size_t bit_length_vartime(std::span<const Limb> a) noexcept;
[[nodiscard]] bool is_odd_vartime(std::span<const Limb> a) noexcept;

// r = a^-1 mod m for an odd modulus m > 1 and a < m (one size, at most
// kMaxLimbs limbs). Returns false when gcd(a, m) != 1. Binary extended
// Euclid. CT: none — time depends on a and m; callers pass only public values
// or values blinded by a fresh random factor.
[[nodiscard]] bool mod_inverse_vartime(std::span<Limb> r, std::span<const Limb> a, std::span<const Limb> m) noexcept;

}  // namespace bigint
}  // namespace baretls::crypto

// SPDX-License-Identifier: MIT
// Internal: double-width limb arithmetic for the portable code. Limbs are
// 64-bit words on every target (bigint.h). Where the compiler has a 128-bit
// integer (__SIZEOF_INT128__; GCC/Clang on 64-bit targets) their sums and
// products use it; elsewhere (i686, armhf, Cortex-M) BARETLS_WIDE64 is 0 and
// the helpers below, and the 32-bit kernels of the multiplication-heavy code
// (mont_portable.cpp, ec_field_impl.h, fe25519_impl.h, ghash_portable.cpp,
// poly1305.cpp), use 32 x 32 -> 64-bit multiplies only. The build option
// BARETLS_MUL32 selects the 32-bit code on 64-bit hosts too, to test it there.
//
// Constant time: the 32-bit code's secret products are 32 x 32 -> 64-bit
// multiplies (UMULL/UMLAL on ARM, MUL on x86), which run in constant time on
// Cortex-M4/M7, Cortex-A and x86. Not on every core (BearSSL documents them,
// bearssl.org/ctmul.html): Cortex-M3's UMULL takes 3 to 5 cycles, the short
// counts when operands are below 2^16; Armv6-M (Cortex-M0/M0+) has no 64-bit
// product, and the compiler's helper routine for it is not constant time.
// There, these multiplications leak timing on secrets.
#pragma once

#include <cstddef>
#include <cstdint>

#include "baretls/build_config.h"

#if defined(__SIZEOF_INT128__)
namespace baretls::crypto::detail {
// The x86-64 kernels (mont_bmi2.cpp, ec_field_bmi2.h, ...) use it directly.
__extension__ typedef unsigned __int128 u128;
}  // namespace baretls::crypto::detail
#endif

#if defined(__SIZEOF_INT128__) && !BARETLS_MUL32
#define BARETLS_WIDE64 1
#else
#define BARETLS_WIDE64 0
#endif

namespace baretls::crypto::detail {

// r = a + b + carry (carry 0 or 1); returns the carry out. CT.
constexpr std::uint64_t add_carry(std::uint64_t& r, std::uint64_t a, std::uint64_t b,
                                  std::uint64_t carry) noexcept {
#if BARETLS_WIDE64
  const u128 s = u128{a} + b + carry;
  r = static_cast<std::uint64_t>(s);
  return static_cast<std::uint64_t>(s >> 64);
#else
  r = a + b + carry;
  // Carry out of the top bit of a full adder: majority(a, b, carry into it).
  return ((a & b) | ((a | b) & ~r)) >> 63;
#endif
}

// r = a - b - borrow (borrow 0 or 1); returns the borrow out. CT.
constexpr std::uint64_t sub_borrow(std::uint64_t& r, std::uint64_t a, std::uint64_t b,
                                   std::uint64_t borrow) noexcept {
#if BARETLS_WIDE64
  const u128 d = u128{a} - b - borrow;
  r = static_cast<std::uint64_t>(d);
  return static_cast<std::uint64_t>(d >> 64) & 1;
#else
  r = a - b - borrow;
  return ((~a & b) | ((~a | b) & r)) >> 63;
#endif
}

// hi:lo = a * b + c + d (never overflows 128 bits); returns hi. CT.
constexpr std::uint64_t mul_add(std::uint64_t& lo, std::uint64_t a, std::uint64_t b, std::uint64_t c,
                                std::uint64_t d) noexcept {
#if BARETLS_WIDE64
  const u128 p = u128{a} * b + c + d;
  lo = static_cast<std::uint64_t>(p);
  return static_cast<std::uint64_t>(p >> 64);
#else
  const std::uint64_t a0 = a & 0xffffffff, a1 = a >> 32, b0 = b & 0xffffffff, b1 = b >> 32;
  const std::uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  const std::uint64_t mid = (p00 >> 32) + (p01 & 0xffffffff) + (p10 & 0xffffffff);  // < 3 * 2^32
  std::uint64_t hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
  const std::uint64_t low = (mid << 32) | (p00 & 0xffffffff);
  hi += add_carry(lo, low, c, 0);
  hi += add_carry(lo, lo, d, 0);
  return hi;
#endif
}

// One step of Montgomery multiplication over w 32-bit words, as CIOS does it
// (Koc, Acar, Kaliski 1996, "Analyzing and comparing Montgomery
// multiplication algorithms", §4): t += a * b_i, then t = (t + u*m) / 2^32
// with u = t_0 * n0 mod 2^32 (n0 = -m^-1 mod 2^32), which makes the low word
// zero. t has w + 2 words. The 32-bit kernels of mont_portable.cpp and
// ec_field_impl.h run it once per word of b. CT.
constexpr void mont_step32(std::uint32_t* t, const std::uint32_t* a, std::uint64_t bi, const std::uint32_t* m,
                           std::uint32_t n0, std::size_t w) noexcept {
  std::uint64_t c = 0;
  for (std::size_t j = 0; j < w; ++j) {
    const std::uint64_t x = a[j] * bi + t[j] + c;
    t[j] = static_cast<std::uint32_t>(x);
    c = x >> 32;
  }
  std::uint64_t x = t[w] + c;
  t[w] = static_cast<std::uint32_t>(x);
  t[w + 1] = static_cast<std::uint32_t>(x >> 32);
  const std::uint64_t u = static_cast<std::uint32_t>(t[0] * n0);
  c = (u * m[0] + t[0]) >> 32;  // the low word cancels
  for (std::size_t j = 1; j < w; ++j) {
    x = u * m[j] + t[j] + c;
    t[j - 1] = static_cast<std::uint32_t>(x);
    c = x >> 32;
  }
  x = t[w] + c;
  t[w - 1] = static_cast<std::uint32_t>(x);
  t[w] = t[w + 1] + static_cast<std::uint32_t>(x >> 32);
}

}  // namespace baretls::crypto::detail

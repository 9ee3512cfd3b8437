// SPDX-License-Identifier: MIT
// Poly1305 blocks with AVX-512 IFMA (VPMADD52LUQ/HUQ), eight lanes (RFC 8439
// §2.5). Numbers mod 2^130-5 are held in radix 2^44 (limbs of 44, 44, 42
// bits; 2^132 = 20 mod p). Two accumulators take alternate groups of eight
// blocks by Horner's rule in r^16; at the end lane j is multiplied by
// r^(8-j) and the lanes are summed. CT: time depends only on count.
#include "crypto/arch.h"

#if BARETLS_X86_64

// GCC 12's AVX-512 intrinsics start from _mm512_undefined_epi32(), which
// -Wmaybe-uninitialized reports once inlined; the value is never read.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <immintrin.h>

#include "baretls/crypto/secret.h"
#include "crypto/poly1305_impl.h"

namespace baretls::crypto::detail {
namespace {

__extension__ typedef unsigned __int128 u128;

constexpr std::uint64_t kMask44 = (std::uint64_t{1} << 44) - 1;
constexpr std::uint64_t kMask42 = (std::uint64_t{1} << 42) - 1;

// a * b mod p in radix 2^44, partially reduced (limbs < 2^44 + 2^3).
void mul44(const std::uint64_t a[3], const std::uint64_t b[3], std::uint64_t out[3]) noexcept {
  const std::uint64_t s1 = 20 * b[1], s2 = 20 * b[2];
  const u128 d0 = u128{a[0]} * b[0] + u128{a[1]} * s2 + u128{a[2]} * s1;
  u128 d1 = u128{a[0]} * b[1] + u128{a[1]} * b[0] + u128{a[2]} * s2;
  u128 d2 = u128{a[0]} * b[2] + u128{a[1]} * b[1] + u128{a[2]} * b[0];
  d1 += static_cast<std::uint64_t>(d0 >> 44);
  d2 += static_cast<std::uint64_t>(d1 >> 44);
  std::uint64_t o0 = static_cast<std::uint64_t>(d0) & kMask44;
  std::uint64_t o1 = static_cast<std::uint64_t>(d1) & kMask44;
  const std::uint64_t o2 = static_cast<std::uint64_t>(d2) & kMask42;
  o0 += 5 * static_cast<std::uint64_t>(d2 >> 42);
  o1 += o0 >> 44;
  o0 &= kMask44;
  out[0] = o0;
  out[1] = o1;
  out[2] = o2;
}

#define BARETLS_IFMA __attribute__((target("avx512f,avx512ifma"), always_inline)) inline

// d = a * b (+ carries), vectors of limbs; bs1 = 20 * b1, bs2 = 20 * b2.
// Each 52x52 product splits into a low and a high 52-bit half (IFMA).
BARETLS_IFMA void mul_vec(__m512i& h0, __m512i& h1, __m512i& h2, __m512i b0, __m512i b1, __m512i b2,
                          __m512i bs1, __m512i bs2) {
  const __m512i z = _mm512_setzero_si512();
  __m512i l0 = _mm512_madd52lo_epu64(z, h0, b0), u0 = _mm512_madd52hi_epu64(z, h0, b0);
  __m512i l1 = _mm512_madd52lo_epu64(z, h0, b1), u1 = _mm512_madd52hi_epu64(z, h0, b1);
  __m512i l2 = _mm512_madd52lo_epu64(z, h0, b2), u2 = _mm512_madd52hi_epu64(z, h0, b2);
  l0 = _mm512_madd52lo_epu64(l0, h1, bs2); u0 = _mm512_madd52hi_epu64(u0, h1, bs2);
  l1 = _mm512_madd52lo_epu64(l1, h1, b0); u1 = _mm512_madd52hi_epu64(u1, h1, b0);
  l2 = _mm512_madd52lo_epu64(l2, h1, b1); u2 = _mm512_madd52hi_epu64(u2, h1, b1);
  l0 = _mm512_madd52lo_epu64(l0, h2, bs1); u0 = _mm512_madd52hi_epu64(u0, h2, bs1);
  l1 = _mm512_madd52lo_epu64(l1, h2, bs2); u1 = _mm512_madd52hi_epu64(u1, h2, bs2);
  l2 = _mm512_madd52lo_epu64(l2, h2, b0); u2 = _mm512_madd52hi_epu64(u2, h2, b0);
  // High halves weigh 2^52 = 2^8 * 2^44 relative to their limb: they join
  // the next limb shifted left by 8; above limb 2 (bit 88 + 52 = 2^130 * 2^10)
  // they wrap to limb 0 times 5 * 2^10.
  const __m512i u2_5k = _mm512_add_epi64(_mm512_slli_epi64(u2, 10), _mm512_slli_epi64(u2, 12));
  __m512i d0 = _mm512_add_epi64(l0, u2_5k);
  __m512i d1 = _mm512_add_epi64(l1, _mm512_slli_epi64(u0, 8));
  __m512i d2 = _mm512_add_epi64(l2, _mm512_slli_epi64(u1, 8));
  // Partial reduction; bits 130 and up come back times 5.
  const __m512i m44 = _mm512_set1_epi64(static_cast<long long>(kMask44));
  const __m512i m42 = _mm512_set1_epi64(static_cast<long long>(kMask42));
  d1 = _mm512_add_epi64(d1, _mm512_srli_epi64(d0, 44));
  d0 = _mm512_and_si512(d0, m44);
  d2 = _mm512_add_epi64(d2, _mm512_srli_epi64(d1, 44));
  d1 = _mm512_and_si512(d1, m44);
  const __m512i c = _mm512_srli_epi64(d2, 42);
  d2 = _mm512_and_si512(d2, m42);
  d0 = _mm512_add_epi64(d0, _mm512_add_epi64(c, _mm512_slli_epi64(c, 2)));
  d1 = _mm512_add_epi64(d1, _mm512_srli_epi64(d0, 44));
  d0 = _mm512_and_si512(d0, m44);
  h0 = d0;
  h1 = d1;
  h2 = d2;
}

// Three limb vectors of a number mod p (one per lane) and a broadcast power.
struct Lanes {
  __m512i l0, l1, l2;
};
struct Power {
  __m512i b0, b1, b2, s1, s2;  // limbs, then 20 * limbs 1 and 2
};

BARETLS_IFMA Power broadcast(const std::uint64_t pw[5]) {
  return Power{_mm512_set1_epi64(static_cast<long long>(pw[0])), _mm512_set1_epi64(static_cast<long long>(pw[1])),
               _mm512_set1_epi64(static_cast<long long>(pw[2])), _mm512_set1_epi64(static_cast<long long>(pw[3])),
               _mm512_set1_epi64(static_cast<long long>(pw[4]))};
}

BARETLS_IFMA void mul_by(Lanes& a, const Power& b) { mul_vec(a.l0, a.l1, a.l2, b.b0, b.b1, b.b2, b.s1, b.s2); }

// a += eight message blocks (128 bytes) with their 2^128 bits, split into
// radix-2^44 limbs. Lane q receives block q/2 + 4*(q odd).
BARETLS_IFMA void add_blocks(Lanes& a, const std::uint8_t* m) {
  const __m512i m44 = _mm512_set1_epi64(static_cast<long long>(kMask44));
  const __m512i hibit = _mm512_set1_epi64(static_cast<long long>(std::uint64_t{1} << 40));  // 2^128
  const __m512i x = _mm512_loadu_si512(m);
  const __m512i y = _mm512_loadu_si512(m + 64);
  const __m512i lo = _mm512_unpacklo_epi64(x, y);  // low halves of blocks 0,4,1,5,2,6,3,7
  const __m512i hi = _mm512_unpackhi_epi64(x, y);
  a.l0 = _mm512_add_epi64(a.l0, _mm512_and_si512(lo, m44));
  a.l1 = _mm512_add_epi64(
      a.l1, _mm512_and_si512(_mm512_or_si512(_mm512_srli_epi64(lo, 44), _mm512_slli_epi64(hi, 20)), m44));
  a.l2 = _mm512_add_epi64(a.l2, _mm512_or_si512(_mm512_srli_epi64(hi, 24), hibit));
}

// h (radix 2^64, h[2] <= 4) into lane 0, zeros elsewhere.
BARETLS_IFMA Lanes from_h(const std::uint64_t h[3]) {
  const auto limb = [](std::uint64_t v) { return static_cast<long long>(v); };
  return Lanes{_mm512_setr_epi64(limb(h[0] & kMask44), 0, 0, 0, 0, 0, 0, 0),
               _mm512_setr_epi64(limb(((h[0] >> 44) | (h[1] << 20)) & kMask44), 0, 0, 0, 0, 0, 0, 0),
               _mm512_setr_epi64(limb((h[1] >> 24) | (h[2] << 40)), 0, 0, 0, 0, 0, 0, 0)};
}

// h = the sum of the lanes (each limb < 2^46, so sums < 2^49), carried and
// back in radix 2^64 with h[2] <= 4.
BARETLS_IFMA void to_h(const Lanes& a, std::uint64_t h[3]) {
  alignas(64) std::uint64_t lanes[3][8];
  _mm512_store_si512(lanes[0], a.l0);
  _mm512_store_si512(lanes[1], a.l1);
  _mm512_store_si512(lanes[2], a.l2);
  std::uint64_t s0 = 0, s1 = 0, s2 = 0;
  for (int q = 0; q < 8; ++q) {
    s0 += lanes[0][q];
    s1 += lanes[1][q];
    s2 += lanes[2][q];
  }
  secure_wipe(lanes, sizeof lanes);
  s1 += s0 >> 44; s0 &= kMask44;
  s2 += s1 >> 44; s1 &= kMask44;
  const std::uint64_t c = s2 >> 42;
  s2 &= kMask42;
  s0 += 5 * c;
  s1 += s0 >> 44; s0 &= kMask44;
  s2 += s1 >> 44; s1 &= kMask44;
  h[0] = s0 | (s1 << 44);
  h[1] = (s1 >> 20) | (s2 << 24);
  h[2] = s2 >> 40;
}

void store_power(const std::uint64_t pw[3], std::uint64_t out[5]) noexcept {
  for (int i = 0; i < 3; ++i) out[i] = pw[i];
  out[3] = 20 * pw[1];
  out[4] = 20 * pw[2];
}

}  // namespace

void poly1305_powers_ifma(const std::uint64_t r[2], Poly1305Powers& p) noexcept {
  // r in radix 2^44, then r^1 .. r^8 and r^16 = (r^8)^2.
  std::uint64_t pw[9][3];
  pw[1][0] = r[0] & kMask44;
  pw[1][1] = ((r[0] >> 44) | (r[1] << 20)) & kMask44;
  pw[1][2] = r[1] >> 24;
  for (int k = 2; k <= 8; ++k) mul44(pw[k - 1], pw[1], pw[k]);
  std::uint64_t r16[3];
  mul44(pw[8], pw[8], r16);
  // Lane q holds block j(q) = q/2 + 4*(q odd) of each group of eight (the
  // order UNPCKLQDQ/UNPCKHQDQ leave them in); its last factor is r^(8-j).
  for (int q = 0; q < 8; ++q) {
    const int j = q / 2 + 4 * (q & 1);
    std::uint64_t last[5];
    store_power(pw[8 - j], last);
    for (int i = 0; i < 5; ++i) p.last[i][q] = last[i];
  }
  store_power(pw[8], p.r8);
  store_power(r16, p.r16);
  secure_wipe(pw, sizeof pw);
  secure_wipe(r16, sizeof r16);
}

__attribute__((target("avx512f,avx512ifma")))
void poly1305_blocks_ifma(std::uint64_t h[3], const Poly1305Powers& p, const std::uint8_t* m,
                          std::size_t count) noexcept {
  const Power last{_mm512_loadu_si512(p.last[0]), _mm512_loadu_si512(p.last[1]), _mm512_loadu_si512(p.last[2]),
                   _mm512_loadu_si512(p.last[3]), _mm512_loadu_si512(p.last[4])};
  // Groups of sixteen: accumulator a takes blocks 0..7 of each group, b
  // blocks 8..15, both stepping by r^16, so two multiplication chains run
  // side by side. At the end a * r^8 + b lines a up with b, and lane j of
  // the sum takes r^(8-j).
  if (count >= 16) {
    const Power r16 = broadcast(p.r16);
    const Power r8 = broadcast(p.r8);
    const __m512i z = _mm512_setzero_si512();
    Lanes a = from_h(h), b{z, z, z};
    for (std::size_t left = count / 16; left > 0; --left, m += 256) {
      add_blocks(a, m);
      add_blocks(b, m + 128);
      if (left > 1) {
        mul_by(a, r16);
        mul_by(b, r16);
      }
    }
    mul_by(a, r8);
    a.l0 = _mm512_add_epi64(a.l0, b.l0);
    a.l1 = _mm512_add_epi64(a.l1, b.l1);
    a.l2 = _mm512_add_epi64(a.l2, b.l2);
    mul_by(a, last);
    to_h(a, h);
    count %= 16;
  }
  // A last group of eight.
  if (count >= 8) {
    Lanes a = from_h(h);
    add_blocks(a, m);
    mul_by(a, last);
    to_h(a, h);
  }
}

#undef BARETLS_IFMA

}  // namespace baretls::crypto::detail

#endif  // BARETLS_X86_64

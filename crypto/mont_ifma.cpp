// SPDX-License-Identifier: MIT
// Montgomery exponentiation with AVX-512 IFMA (VPMADD52LUQ/VPMADD52HUQ):
// numbers in radix 2^52, eight digits per register, "almost Montgomery"
// multiplication (results below 2m; S. Gueron and V. Krasnov, "Accelerating
// big integer arithmetic using Intel IFMA extensions", ARITH 2016). Two
// independent exponentiations — the two halves of an RSA CRT private
// operation — run in lockstep so that the serial step of one (the
// Montgomery factor of the lowest digit) overlaps the work of the other.
// Fixed 5-bit windows; every table entry is read under a mask.
#if defined(__x86_64__)

// GCC 12's AVX-512 headers build some intrinsics on _mm512_undefined_*(),
// whose self-initialisation trips -Wmaybe-uninitialized once inlined here
// (a false positive inside the compiler's own headers).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include <immintrin.h>

#include <array>

#include "baretls/crypto/ct.h"
#include "baretls/crypto/secret.h"
#include "crypto/mont_impl.h"

namespace baretls::crypto::detail {
namespace {

constexpr std::uint64_t kMask52 = (std::uint64_t{1} << 52) - 1;
constexpr unsigned kWindow = 5;
constexpr std::size_t kTableSize = std::size_t{1} << kWindow;

// Digits for an n-limb modulus: 52L >= 64n + 2 so that 4m < R = 2^(52L).
constexpr std::size_t digits_for(std::size_t n) { return (64 * n + 2 + 51) / 52; }

template <std::size_t Z>
struct alignas(64) Num52 {
  std::uint64_t d[8 * Z];
};

template <std::size_t Z>
void to52(Num52<Z>& out, const Limb* x, std::size_t n) noexcept {
  for (auto& v : out.d) v = 0;
  for (std::size_t j = 0; j < static_cast<std::size_t>(8 * Z); ++j) {
    const std::size_t bit = 52 * j;
    const std::size_t li = bit / 64;
    const unsigned off = static_cast<unsigned>(bit % 64);
    if (li >= n) break;  // public: sizes only
    std::uint64_t v = x[li] >> off;
    if (off > 12 && li + 1 < n) v |= x[li + 1] << (64 - off);
    out.d[j] = v & kMask52;
  }
}

// out has n + 1 limbs.
template <std::size_t Z>
void from52(Limb* out, const Num52<Z>& x, std::size_t n, std::size_t digits) noexcept {
  for (std::size_t i = 0; i <= n; ++i) out[i] = 0;
  for (std::size_t j = 0; j < digits; ++j) {
    const std::size_t bit = 52 * j;
    const std::size_t li = bit / 64;
    const unsigned off = static_cast<unsigned>(bit % 64);
    out[li] |= x.d[j] << off;
    if (off > 12 && li + 1 <= n) out[li + 1] |= x.d[j] >> (64 - off);
  }
}

template <std::size_t Z>
struct Job52 {
  Num52<Z> m;
  std::uint64_t k0;  // -m^-1 mod 2^52
  std::uint64_t m0;  // lowest digit of m
  std::size_t digits;
};

// r1 = a1*b1/R mod m1 and r2 = a2*b2/R mod m2 (each below 2m), interleaved.
// Inputs below 2m; r may alias a or b.
template <std::size_t Z>
__attribute__((target("avx512f,avx512ifma"))) void amm2(Num52<Z>& r1, const Num52<Z>& a1, const Num52<Z>& b1,
                                                        const Job52<Z>& j1, Num52<Z>& r2, const Num52<Z>& a2,
                                                        const Num52<Z>& b2, const Job52<Z>& j2) noexcept {
  __m512i acc1[Z], acc2[Z], va1[Z], va2[Z], vm1[Z], vm2[Z];
  for (std::size_t z = 0; z < Z; ++z) {
    acc1[z] = _mm512_setzero_si512();
    acc2[z] = _mm512_setzero_si512();
    va1[z] = _mm512_load_si512(a1.d + 8 * z);
    va2[z] = _mm512_load_si512(a2.d + 8 * z);
    vm1[z] = _mm512_load_si512(j1.m.d + 8 * z);
    vm2[z] = _mm512_load_si512(j2.m.d + 8 * z);
  }
  const __m512i zero = _mm512_setzero_si512();
  const std::size_t digits = j1.digits;
  for (std::size_t i = 0; i < digits; ++i) {
    const __m512i bi1 = _mm512_set1_epi64(static_cast<long long>(b1.d[i]));
    const __m512i bi2 = _mm512_set1_epi64(static_cast<long long>(b2.d[i]));
    // acc += a * b_i (low halves).
    for (std::size_t z = 0; z < Z; ++z) {
      acc1[z] = _mm512_madd52lo_epu64(acc1[z], va1[z], bi1);
      acc2[z] = _mm512_madd52lo_epu64(acc2[z], va2[z], bi2);
    }
    // y = acc_0 * k0 mod 2^52 makes acc + y*m divisible by 2^52.
    const auto x1 = static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm512_castsi512_si128(acc1[0])));
    const auto x2 = static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm512_castsi512_si128(acc2[0])));
    const std::uint64_t y1 = (x1 * j1.k0) & kMask52;
    const std::uint64_t y2 = (x2 * j2.k0) & kMask52;
    const std::uint64_t carry1 = (x1 + ((j1.m0 * y1) & kMask52)) >> 52;
    const std::uint64_t carry2 = (x2 + ((j2.m0 * y2) & kMask52)) >> 52;
    const __m512i vy1 = _mm512_set1_epi64(static_cast<long long>(y1));
    const __m512i vy2 = _mm512_set1_epi64(static_cast<long long>(y2));
    for (std::size_t z = 0; z < Z; ++z) {
      acc1[z] = _mm512_madd52lo_epu64(acc1[z], vm1[z], vy1);
      acc2[z] = _mm512_madd52lo_epu64(acc2[z], vm2[z], vy2);
    }
    // Divide by 2^52: move every digit down one lane; digit 0 (zero in its
    // low 52 bits) leaves only its carry.
    for (std::size_t z = 0; z < Z; ++z) {
      const __m512i next1 = z + 1 < Z ? acc1[z + 1] : zero;
      const __m512i next2 = z + 1 < Z ? acc2[z + 1] : zero;
      acc1[z] = _mm512_alignr_epi64(next1, acc1[z], 1);
      acc2[z] = _mm512_alignr_epi64(next2, acc2[z], 1);
    }
    acc1[0] = _mm512_add_epi64(acc1[0], _mm512_maskz_set1_epi64(1, static_cast<long long>(carry1)));
    acc2[0] = _mm512_add_epi64(acc2[0], _mm512_maskz_set1_epi64(1, static_cast<long long>(carry2)));
    // High halves of a*b_i and y*m belong one digit up: after the shift,
    // that is the same lane.
    for (std::size_t z = 0; z < Z; ++z) {
      acc1[z] = _mm512_madd52hi_epu64(acc1[z], va1[z], bi1);
      acc2[z] = _mm512_madd52hi_epu64(acc2[z], va2[z], bi2);
      acc1[z] = _mm512_madd52hi_epu64(acc1[z], vm1[z], vy1);
      acc2[z] = _mm512_madd52hi_epu64(acc2[z], vm2[z], vy2);
    }
  }
  // Normalise: propagate the excess of each 64-bit lane into the next digit.
  for (std::size_t z = 0; z < Z; ++z) {
    _mm512_store_si512(r1.d + 8 * z, acc1[z]);
    _mm512_store_si512(r2.d + 8 * z, acc2[z]);
  }
  std::uint64_t c1 = 0, c2 = 0;
  for (std::size_t j = 0; j < static_cast<std::size_t>(8 * Z); ++j) {
    const std::uint64_t v1 = r1.d[j] + c1, v2 = r2.d[j] + c2;
    r1.d[j] = v1 & kMask52;
    r2.d[j] = v2 & kMask52;
    c1 = v1 >> 52;
    c2 = v2 >> 52;
  }
}

// Bits [pos, pos + kWindow) of e (pos public).
Limb window_at(const Limb* e, std::size_t e_limbs, std::size_t pos) noexcept {
  const std::size_t limb = pos / 64;
  const unsigned off = static_cast<unsigned>(pos % 64);
  Limb v = limb < e_limbs ? e[limb] >> off : 0;
  if (off + kWindow > 64 && limb + 1 < e_limbs) v |= e[limb + 1] << (64 - off);
  return v & (kTableSize - 1);
}

// CT: every entry is read; the wanted one survives its mask.
template <std::size_t Z>
__attribute__((target("avx512f"))) void lookup(Num52<Z>& out, const Num52<Z>* table, Limb index) noexcept {
  __m512i acc[Z];
  for (std::size_t z = 0; z < Z; ++z) acc[z] = _mm512_setzero_si512();
  for (std::size_t k = 0; k < kTableSize; ++k) {
    const __m512i mask = _mm512_set1_epi64(static_cast<long long>(ct::eq(k, index).word()));
    for (std::size_t z = 0; z < Z; ++z)
      acc[z] = _mm512_or_si512(acc[z], _mm512_and_si512(mask, _mm512_load_si512(table[k].d + 8 * z)));
  }
  for (std::size_t z = 0; z < Z; ++z) _mm512_store_si512(out.d + 8 * z, acc[z]);
}

template <std::size_t Z>
struct ExpState {
  Job52<Z> job;
  Num52<Z> table[kTableSize];
  Num52<Z> acc, pick, r64;
};

// Digits of m, R64 = 2^(64n) mod m and C = 2^(104L - 64n) mod m (so that
// AMM(x R64, C) = x R52), and the base in radix 2^52. CT: sizes only.
template <std::size_t Z>
void setup(ExpState<Z>& s, const MontExpJob& j, std::size_t digits) noexcept {
  to52(s.job.m, j.m, j.n);
  s.job.k0 = j.m0inv & kMask52;
  s.job.m0 = s.job.m.d[0];
  s.job.digits = digits;
  to52(s.r64, j.r64, j.n);
  std::array<Limb, kMaxLimbs> c;
  for (std::size_t i = 0; i < j.n; ++i) c[i] = j.r64[i];
  for (std::size_t k = 0; k < 104 * digits - 128 * j.n; ++k) {
    Limb top = 0;
    for (std::size_t i = 0; i < j.n; ++i) {
      const Limb v = c[i];
      c[i] = (v << 1) | top;
      top = v >> 63;
    }
    mont_final_sub(c.data(), c.data(), top, j.m, j.n);
  }
  to52(s.acc, c.data(), j.n);
  to52(s.pick, j.a, j.n);
}

template <std::size_t Z>
void finish(const ExpState<Z>& s, const MontExpJob& j) noexcept {
  std::array<Limb, kMaxLimbs + 1> t;
  from52(t.data(), s.acc, j.n, s.job.digits);
  mont_final_sub(j.r, t.data(), t[j.n], j.m, j.n);
  secure_wipe(t.data(), sizeof t);
}

template <std::size_t Z>
bool exp2_z(const MontExpJob& x, const MontExpJob& y) noexcept {
  const std::size_t digits = digits_for(x.n);
  ExpState<Z> s1, s2;
  setup(s1, x, digits);
  setup(s2, y, digits);
  // table[1] = a R52 = AMM(a R64, C); table[0] = R52 = AMM(C, R64).
  amm2(s1.table[1], s1.pick, s1.acc, s1.job, s2.table[1], s2.pick, s2.acc, s2.job);
  amm2(s1.table[0], s1.acc, s1.r64, s1.job, s2.table[0], s2.acc, s2.r64, s2.job);
  for (std::size_t k = 2; k < kTableSize; ++k) {
    const std::size_t u = k % 2 == 0 ? k / 2 : k - 1, v = k % 2 == 0 ? k / 2 : 1;
    amm2(s1.table[k], s1.table[u], s1.table[v], s1.job, s2.table[k], s2.table[u], s2.table[v], s2.job);
  }
  const std::size_t windows = (64 * x.e_limbs + kWindow - 1) / kWindow;
  lookup(s1.acc, s1.table, window_at(x.e, x.e_limbs, (windows - 1) * kWindow));
  lookup(s2.acc, s2.table, window_at(y.e, y.e_limbs, (windows - 1) * kWindow));
  for (std::size_t w = windows - 1; w > 0; --w) {
    for (unsigned b = 0; b < kWindow; ++b) amm2(s1.acc, s1.acc, s1.acc, s1.job, s2.acc, s2.acc, s2.acc, s2.job);
    lookup(s1.pick, s1.table, window_at(x.e, x.e_limbs, (w - 1) * kWindow));
    lookup(s2.pick, s2.table, window_at(y.e, y.e_limbs, (w - 1) * kWindow));
    amm2(s1.acc, s1.acc, s1.pick, s1.job, s2.acc, s2.acc, s2.pick, s2.job);
  }
  // Back to 64-bit Montgomery form: AMM(r R52, R64) = r R64, then reduce.
  amm2(s1.acc, s1.acc, s1.r64, s1.job, s2.acc, s2.acc, s2.r64, s2.job);
  finish(s1, x);
  finish(s2, y);
  secure_wipe_object(s1);
  secure_wipe_object(s2);
  return true;
}

bool mont_exp2_ifma(const MontExpJob& x, const MontExpJob& y) noexcept {
  if (x.n != y.n || x.e_limbs != y.e_limbs || x.e_limbs == 0) return false;
  switch (x.n) {  // public: the modulus size
    case 16: return exp2_z<3>(x, y);
    case 24: return exp2_z<4>(x, y);
    case 32: return exp2_z<5>(x, y);
    default: return false;
  }
}

}  // namespace

const MontKernel kMontIfma = {mont_mul_bmi2, mont_sqr_bmi2, redc_bmi2, mont_exp2_ifma, "avx512ifma"};

}  // namespace baretls::crypto::detail

#endif  // __x86_64__

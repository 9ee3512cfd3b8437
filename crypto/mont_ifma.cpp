// SPDX-License-Identifier: MIT
// Montgomery exponentiation with AVX-512 IFMA (VPMADD52LUQ/VPMADD52HUQ):
// numbers in radix 2^52, eight digits per register, "almost Montgomery"
// multiplication (results below 2m; S. Gueron and V. Krasnov, "Accelerating
// big integer arithmetic using Intel IFMA extensions", ARITH 2016). Two
// independent exponentiations — the two halves of an RSA CRT private
// operation — run in lockstep so that the serial step of one (the
// Montgomery factor of the lowest digit) overlaps the work of the other.
// Fixed 5-bit windows; every table entry is read under a mask.
#include "crypto/arch.h"

#if BARETLS_X86_64

// GCC 12's AVX-512 headers build some intrinsics on _mm512_undefined_*(),
// whose self-initialisation trips -W(maybe-)uninitialized once inlined
// here (a false positive inside the compiler's own headers).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
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

__attribute__((target("avx512f"))) inline std::uint64_t lane0(__m512i v) noexcept {
  return static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm512_castsi512_si128(v)));
}

// One AMM in registers. Low halves of the digit products accumulate in `lo`
// (lane j = digit j); the high halves of one step go to `hi` (lane j =
// digit j + 1), which lands unshifted on `lo` when lo moves down one lane
// (the division by 2^52). Digit 0 is never needed in the vectors: its value,
// the scalar x, is rebuilt from lo lane 0, the carry out of the previous
// digit 0 (`pend`) and lo(a_0 b_i), which keeps the vector work off the
// serial path y_i -> y_{i+1}.
template <std::size_t Z>
struct Amm {
  __m512i lo[Z], hi[Z], va[Z], vm[Z];
  std::uint64_t pend = 0;
  std::uint64_t a0, k0, m0;

  __attribute__((target("avx512f,avx512ifma"))) void start(const Num52<Z>& a, const Job52<Z>& j) noexcept {
    for (std::size_t z = 0; z < Z; ++z) {
      lo[z] = _mm512_setzero_si512();
      hi[z] = _mm512_setzero_si512();
      va[z] = _mm512_load_si512(a.d + 8 * z);
      vm[z] = _mm512_load_si512(j.m.d + 8 * z);
    }
    a0 = a.d[0];
    k0 = j.k0;
    m0 = j.m0;
  }

  __attribute__((target("avx512f,avx512ifma"))) void step(std::uint64_t b) noexcept {
    const std::uint64_t x = lane0(lo[0]) + pend + ((a0 * b) & kMask52);
    const std::uint64_t y = (x * k0) & kMask52;  // x + y*m0 = 0 mod 2^52
    const std::uint64_t carry = (x + ((m0 * y) & kMask52)) >> 52;
    const __m512i vb = _mm512_set1_epi64(static_cast<long long>(b));
    const __m512i vy = _mm512_set1_epi64(static_cast<long long>(y));
    for (std::size_t z = 0; z < Z; ++z) {
      lo[z] = _mm512_madd52lo_epu64(lo[z], va[z], vb);
      hi[z] = _mm512_madd52hi_epu64(_mm512_setzero_si512(), va[z], vb);
      lo[z] = _mm512_madd52lo_epu64(lo[z], vm[z], vy);
      hi[z] = _mm512_madd52hi_epu64(hi[z], vm[z], vy);
    }
    pend = carry;
    // Divide by 2^52: lo moves down one lane; hi (lane j = digit j + 1)
    // lands on lane j unshifted.
    const __m512i zero = _mm512_setzero_si512();
    for (std::size_t z = 0; z < Z; ++z)
      lo[z] = _mm512_add_epi64(_mm512_alignr_epi64(z + 1 < Z ? lo[z + 1] : zero, lo[z], 1), hi[z]);
  }

  // r = lo + pend, normalised to 52-bit digits.
  __attribute__((target("avx512f,avx512ifma"))) void finish(Num52<Z>& r) const noexcept {
    for (std::size_t z = 0; z < Z; ++z) _mm512_store_si512(r.d + 8 * z, lo[z]);
    std::uint64_t c = pend;
    for (std::size_t j = 0; j < 8 * Z; ++j) {
      const std::uint64_t v = r.d[j] + c;
      r.d[j] = v & kMask52;
      c = v >> 52;
    }
  }
};

// 1024-bit moduli (n = 16) use L = 20 digits: two full registers and a
// 256-bit tail, which saves a sixth of the multiply-adds of a third zmm.
template <>
struct Amm<3> {
  __m512i lo0, lo1, hi0, hi1, va0, va1, vm0, vm1;
  __m256i lo2, hi2, va2, vm2;
  std::uint64_t pend = 0;
  std::uint64_t a0, k0, m0;

  __attribute__((target("avx512f,avx512vl,avx512ifma"))) void start(const Num52<3>& a, const Job52<3>& j) noexcept {
    lo0 = lo1 = hi0 = hi1 = _mm512_setzero_si512();
    lo2 = hi2 = _mm256_setzero_si256();
    va0 = _mm512_load_si512(a.d);
    va1 = _mm512_load_si512(a.d + 8);
    va2 = _mm256_load_si256(reinterpret_cast<const __m256i*>(a.d + 16));
    vm0 = _mm512_load_si512(j.m.d);
    vm1 = _mm512_load_si512(j.m.d + 8);
    vm2 = _mm256_load_si256(reinterpret_cast<const __m256i*>(j.m.d + 16));
    a0 = a.d[0];
    k0 = j.k0;
    m0 = j.m0;
  }

  __attribute__((target("avx512f,avx512vl,avx512ifma"))) void step(std::uint64_t b) noexcept {
    const std::uint64_t x = lane0(lo0) + pend + ((a0 * b) & kMask52);
    const std::uint64_t y = (x * k0) & kMask52;
    const std::uint64_t carry = (x + ((m0 * y) & kMask52)) >> 52;
    const __m512i vb = _mm512_set1_epi64(static_cast<long long>(b));
    const __m512i vy = _mm512_set1_epi64(static_cast<long long>(y));
    const __m256i vb2 = _mm512_castsi512_si256(vb), vy2 = _mm512_castsi512_si256(vy);
    lo0 = _mm512_madd52lo_epu64(lo0, va0, vb);
    lo1 = _mm512_madd52lo_epu64(lo1, va1, vb);
    lo2 = _mm256_madd52lo_epu64(lo2, va2, vb2);
    hi0 = _mm512_madd52hi_epu64(_mm512_setzero_si512(), va0, vb);
    hi1 = _mm512_madd52hi_epu64(_mm512_setzero_si512(), va1, vb);
    hi2 = _mm256_madd52hi_epu64(_mm256_setzero_si256(), va2, vb2);
    lo0 = _mm512_madd52lo_epu64(lo0, vm0, vy);
    lo1 = _mm512_madd52lo_epu64(lo1, vm1, vy);
    lo2 = _mm256_madd52lo_epu64(lo2, vm2, vy2);
    hi0 = _mm512_madd52hi_epu64(hi0, vm0, vy);
    hi1 = _mm512_madd52hi_epu64(hi1, vm1, vy);
    hi2 = _mm256_madd52hi_epu64(hi2, vm2, vy2);
    pend = carry;
    const __m256i zero = _mm256_setzero_si256();
    lo0 = _mm512_add_epi64(_mm512_alignr_epi64(lo1, lo0, 1), hi0);
    lo1 = _mm512_add_epi64(_mm512_alignr_epi64(_mm512_castsi256_si512(lo2), lo1, 1), hi1);
    lo2 = _mm256_add_epi64(_mm256_alignr_epi64(zero, lo2, 1), hi2);
  }

  __attribute__((target("avx512f,avx512vl,avx512ifma"))) void finish(Num52<3>& r) const noexcept {
    _mm512_store_si512(r.d, lo0);
    _mm512_store_si512(r.d + 8, lo1);
    _mm256_store_si256(reinterpret_cast<__m256i*>(r.d + 16), lo2);
    for (std::size_t j = 20; j < 24; ++j) r.d[j] = 0;
    std::uint64_t c = pend;
    for (std::size_t j = 0; j < 24; ++j) {
      const std::uint64_t v = r.d[j] + c;
      r.d[j] = v & kMask52;
      c = v >> 52;
    }
  }
};

// r1 = a1*b1/R mod m1 and r2 = a2*b2/R mod m2 (each below 2m), interleaved.
// Inputs below 2m; r may alias a or b.
template <std::size_t Z>
__attribute__((target("avx512f,avx512vl,avx512ifma"))) void amm2(Num52<Z>& r1, const Num52<Z>& a1, const Num52<Z>& b1,
                                                        const Job52<Z>& j1, Num52<Z>& r2, const Num52<Z>& a2,
                                                        const Num52<Z>& b2, const Job52<Z>& j2) noexcept {
  Amm<Z> x, y;
  x.start(a1, j1);
  y.start(a2, j2);
  for (std::size_t i = 0; i < j1.digits; ++i) {
    x.step(b1.d[i]);
    y.step(b2.d[i]);
  }
  x.finish(r1);
  y.finish(r2);
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
  // C = R64 * 2^s mod m with s = 104L - 128n < 64n: one 64-bit Montgomery
  // multiplication of R64^2 by 2^s.
  std::array<Limb, kMaxLimbs> c{}, pow2{};
  const std::size_t shift = 104 * digits - 128 * j.n;
  pow2[shift / 64] = Limb{1} << (shift % 64);
  mont_mul_bmi2(c.data(), j.r2, pow2.data(), j.m, j.m0inv, j.n);
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

// One AMM (public exponentiations run a single chain).
template <std::size_t Z>
__attribute__((target("avx512f,avx512vl,avx512ifma"))) void amm1(Num52<Z>& r, const Num52<Z>& a, const Num52<Z>& b,
                                                                 const Job52<Z>& j) noexcept {
  Amm<Z> x;
  x.start(a, j);
  for (std::size_t i = 0; i < j.digits; ++i) x.step(b.d[i]);
  x.finish(r);
}

// r = a^e for a public exponent: square-and-multiply from the top bit.
template <std::size_t Z>
bool exp_vartime_z(const MontExpJob& x) noexcept {
  std::size_t bits = 64 * x.e_limbs;
  while (bits > 0 && ((x.e[(bits - 1) / 64] >> ((bits - 1) % 64)) & 1) == 0) --bits;
  if (bits == 0) return false;
  ExpState<Z> s;
  setup(s, x, digits_for(x.n));
  // table[1] = a R52 = AMM(a R64, C); acc = table[1].
  amm1(s.table[1], s.pick, s.acc, s.job);
  s.acc = s.table[1];
  for (std::size_t i = bits - 1; i > 0; --i) {
    amm1(s.acc, s.acc, s.acc, s.job);
    if ((x.e[(i - 1) / 64] >> ((i - 1) % 64)) & 1) amm1(s.acc, s.acc, s.table[1], s.job);
  }
  amm1(s.acc, s.acc, s.r64, s.job);
  finish(s, x);
  secure_wipe(s.table[1].d, sizeof s.table[1]);
  secure_wipe(s.acc.d, sizeof s.acc);
  return true;
}

bool mont_exp_vartime_ifma(const MontExpJob& x) noexcept {
  switch (x.n) {  // public: the modulus size
    case 16: return exp_vartime_z<3>(x);
    case 24: return exp_vartime_z<4>(x);
    case 32: return exp_vartime_z<5>(x);
    case 48: return exp_vartime_z<8>(x);
    case 64: return exp_vartime_z<10>(x);
    default: return false;
  }
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

const MontKernel kMontIfma = {mont_mul_bmi2, mont_sqr_bmi2, redc_bmi2, mont_exp2_ifma, mont_exp_vartime_ifma, "avx512ifma"};

}  // namespace baretls::crypto::detail

#endif  // BARETLS_X86_64

// SPDX-License-Identifier: MIT
// Internal: arithmetic modulo the P-256 group order n (FIPS 186-4 App.
// D.1.2.3) with MULX/ADCX/ADOX as register-resident GCC inline assembly, for
// ECDSA signing: product (or square) into eight limbs, then four
// word-by-word Montgomery rounds over the low half (q = t_i * -n^-1 mod
// 2^64), the high half added, one conditional subtraction. Same Montgomery
// form and interface as P256Scalar (ec_field_impl.h), the reference.
// Inversion is a^(n-2) with a sliding window over the public exponent.
// Selected only when cpu_has(bmi2) and cpu_has(adx).
// CT: straight-line code; the exponentiation's sequence depends only on n.
#pragma once

#include "crypto/adx_asm.h"
#include "crypto/arch.h"
#include "crypto/p256_field.h"

#if BARETLS_X86_64

#define BARETLS_P256N_INLINE __attribute__((always_inline)) inline

// ROUND: Montgomery round on the four-limb window (x0 x1 x2 x3): q = x0 *
// n0, (x0..x3) + q*n, whose low limb cancels; x0 then takes the top word
// (the window moves up by one limb).
#define BARETLS_P256N_ROUND(x0, x1, x2, x3) \
  "movq %[" x0 "], %[d]\n\t"                \
  "imulq %[n0], %[d]\n\t"                   \
  "xorl %k[lo], %k[lo]\n\t"                 \
  "mulxq %[m0], %[lo], %[hi]\n\t"           \
  "adcxq %[lo], %[" x0 "]\n\t"              \
  "adoxq %[hi], %[" x1 "]\n\t"              \
  "mulxq %[m1], %[lo], %[hi]\n\t"           \
  "adcxq %[lo], %[" x1 "]\n\t"              \
  "adoxq %[hi], %[" x2 "]\n\t"              \
  "mulxq %[m2], %[lo], %[hi]\n\t"           \
  "adcxq %[lo], %[" x2 "]\n\t"              \
  "adoxq %[hi], %[" x3 "]\n\t"              \
  "mulxq %[m3], %[lo], %[" x0 "]\n\t"       \
  "adcxq %[lo], %[" x3 "]\n\t"              \
  "movl $0, %k[lo]\n\t"                     \
  "adcxq %[lo], %[" x0 "]\n\t"              \
  "adoxq %[lo], %[" x0 "]\n\t"
// PRODUCT_ROW: (x0..x3) += a * b into five limbs, x4 (zeroed) the top: low
// products on the CF chain, high ones on OF.
#define BARETLS_P256N_PRODUCT_ROW(b, x0, x1, x2, x3, x4) \
  "movq %[" b "], %[d]\n\t"                             \
  "xorl %k[" x4 "], %k[" x4 "]\n\t"                     \
  BARETLS_ADX_MULADD4(x0, x1, x2, x3, x4)              \
  "adcq $0, %[" x4 "]\n\t"
// TAIL: the four rounds, the high half (x4..x7) added with its carry in x4,
// then the result minus n into lo, hi, d, x7, kept where that borrows.
#define BARETLS_P256N_TAIL                  \
  BARETLS_P256N_ROUND("x0", "x1", "x2", "x3") \
  BARETLS_P256N_ROUND("x1", "x2", "x3", "x0") \
  BARETLS_P256N_ROUND("x2", "x3", "x0", "x1") \
  BARETLS_P256N_ROUND("x3", "x0", "x1", "x2") \
  "addq %[x4], %[x0]\n\t"                   \
  "adcq %[x5], %[x1]\n\t"                   \
  "adcq %[x6], %[x2]\n\t"                   \
  "adcq %[x7], %[x3]\n\t"                   \
  "movl $0, %k[x4]\n\t"                     \
  "adcq $0, %[x4]\n\t"                      \
  "movq %[x0], %[lo]\n\t"                   \
  "movq %[x1], %[hi]\n\t"                   \
  "movq %[x2], %[d]\n\t"                    \
  "movq %[x3], %[x7]\n\t"                   \
  "subq %[m0], %[lo]\n\t"                   \
  "sbbq %[m1], %[hi]\n\t"                   \
  "sbbq %[m2], %[d]\n\t"                    \
  "sbbq %[m3], %[x7]\n\t"                   \
  "sbbq $0, %[x4]\n\t"                      \
  "cmovcq %[x0], %[lo]\n\t"                 \
  "cmovcq %[x1], %[hi]\n\t"                 \
  "cmovcq %[x2], %[d]\n\t"                  \
  "cmovcq %[x3], %[x7]\n\t"

namespace baretls::crypto::detail {

// One step of a fixed exponentiation: `squarings` squarings, then a
// multiply by a^(2*index+1) (the first step loads it instead).
struct ExpStep {
  std::uint8_t squarings;
  std::uint8_t index;
};
struct ExpSchedule {
  static constexpr std::size_t kMaxSteps = 64;
  ExpStep steps[kMaxSteps] = {};
  std::size_t count = 0;
  std::size_t tail = 0;  // squarings after the last step
};

// Left-to-right sliding windows of up to five bits over a public 256-bit
// exponent e (top bit set, e odd: here n - 2).
constexpr ExpSchedule sliding_window_schedule(const Limbs<4>& e) noexcept {
  auto ebit = [&](int i) { return static_cast<int>((e[static_cast<std::size_t>(i) / 64] >> (i % 64)) & 1); };
  ExpSchedule s;
  int pending = 0;  // squarings owed before the next window
  for (int i = 255; i >= 0;) {
    if (ebit(i) == 0) {
      ++pending;
      --i;
      continue;
    }
    int low = i - 4 < 0 ? 0 : i - 4;  // the window [low, i] ends in a one
    while (ebit(low) == 0) ++low;
    int value = 0;
    for (int j = i; j >= low; --j) value = 2 * value + ebit(j);
    pending += i - low + 1;
    s.steps[s.count] = ExpStep{static_cast<std::uint8_t>(s.count == 0 ? 0 : pending), static_cast<std::uint8_t>(value / 2)};
    ++s.count;
    pending = 0;
    i = low - 1;
  }
  s.tail = static_cast<std::size_t>(pending);
  return s;
}

struct P256ScalarAdx : MontField<P256OrderParams, MontAdxKernel<P256OrderParams>> {
  using Base = MontField<P256OrderParams, MontAdxKernel<P256OrderParams>>;
  using Fe = Base::Fe;
  // Hidden, so that -fPIC code reads them RIP-relative.
  __attribute__((visibility("hidden"))) static constexpr Fe kN = Base::kM;
  __attribute__((visibility("hidden"))) static constexpr std::uint64_t kN0Inv = Base::kN0;

  // r = a * b / 2^256 mod n.
  static BARETLS_P256N_INLINE void mul(Fe& r, const Fe& a, const Fe& b) noexcept {
#if defined(BARETLS_EC_ASAN)
    // 11 registers plus two operand bases: more than AddressSanitizer
    // builds leave free; the generic MULX/ADX kernel instead.
    Base::mul(r, a, b);
#else
    std::uint64_t x0, x1, x2, x3, x4, x5, x6, x7, lo, hi, d;
    __asm__(
        // Row 0: x0..x4 = a * b0.
        BARETLS_ADX_ROW0("b0", "x0", "x1", "x2", "x3", "x4")
        // Rows 1-3: x_i..x_{i+4} += a * b_i (low products on CF, high on OF).
        BARETLS_P256N_PRODUCT_ROW("b1", "x1", "x2", "x3", "x4", "x5")
        BARETLS_P256N_PRODUCT_ROW("b2", "x2", "x3", "x4", "x5", "x6")
        BARETLS_P256N_PRODUCT_ROW("b3", "x3", "x4", "x5", "x6", "x7")
        BARETLS_P256N_TAIL
        : [x0] "=&r"(x0), [x1] "=&r"(x1), [x2] "=&r"(x2), [x3] "=&r"(x3), [x4] "=&r"(x4), [x5] "=&r"(x5),
          [x6] "=&r"(x6), [x7] "=&r"(x7), [lo] "=&r"(lo), [hi] "=&r"(hi), [d] "=&d"(d)
        : [a0] "rm"(a[0]), [a1] "rm"(a[1]), [a2] "rm"(a[2]), [a3] "rm"(a[3]), [b0] "rm"(b[0]), [b1] "rm"(b[1]),
          [b2] "rm"(b[2]), [b3] "rm"(b[3]), [m0] "m"(kN[0]), [m1] "m"(kN[1]), [m2] "m"(kN[2]), [m3] "m"(kN[3]),
          [n0] "m"(kN0Inv)
        : "cc");
    r = Fe{lo, hi, d, x7};
#endif
  }

  // r = a^2 / 2^256 mod n: cross products doubled plus squares, then as mul.
  static BARETLS_P256N_INLINE void sqr(Fe& r, const Fe& a) noexcept {
    std::uint64_t x0, x1, x2, x3, x4, x5, x6, x7, lo, hi, d;
    __asm__(
        BARETLS_ADX_SQR4_PRODUCT
        BARETLS_P256N_TAIL
        : [x0] "=&r"(x0), [x1] "=&r"(x1), [x2] "=&r"(x2), [x3] "=&r"(x3), [x4] "=&r"(x4), [x5] "=&r"(x5),
          [x6] "=&r"(x6), [x7] "=&r"(x7), [lo] "=&r"(lo), [hi] "=&r"(hi), [d] "=&d"(d)
        : [a0] "rm"(a[0]), [a1] "rm"(a[1]), [a2] "rm"(a[2]), [a3] "rm"(a[3]), [m0] "m"(kN[0]), [m1] "m"(kN[1]),
          [m2] "m"(kN[2]), [m3] "m"(kN[3]), [n0] "m"(kN0Inv)
        : "cc");
    r = Fe{lo, hi, d, x7};
  }

  static constexpr ExpSchedule kSchedule = sliding_window_schedule({Base::kM[0] - 2, Base::kM[1], Base::kM[2], Base::kM[3]});
  static_assert(kSchedule.count > 0 && kSchedule.count <= ExpSchedule::kMaxSteps);

  // r = a^(n-2) = a^-1 (0 maps to 0), along kSchedule with the odd powers
  // a^1..a^31. CT in a: the squarings and the table entries used depend
  // only on n.
  static void invert(Fe& r, const Fe& a) noexcept {
    Fe odd[16], a2, acc;
    odd[0] = a;
    sqr(a2, a);
    for (std::size_t i = 1; i < 16; ++i) mul(odd[i], odd[i - 1], a2);
    acc = odd[kSchedule.steps[0].index];
    for (std::size_t k = 1; k < kSchedule.count; ++k) {
      for (std::size_t j = 0; j < kSchedule.steps[k].squarings; ++j) sqr(acc, acc);
      mul(acc, acc, odd[kSchedule.steps[k].index]);
    }
    for (std::size_t j = 0; j < kSchedule.tail; ++j) sqr(acc, acc);
    r = acc;
    for (auto& t : odd) secure_fill(t);
    secure_fill(a2);
    secure_fill(acc);
  }
};

}  // namespace baretls::crypto::detail

#undef BARETLS_P256N_ROUND
#undef BARETLS_P256N_PRODUCT_ROW
#undef BARETLS_P256N_TAIL
#undef BARETLS_P256N_INLINE

#endif  // BARETLS_X86_64

// SPDX-License-Identifier: MIT
// Internal: the P-256 field (p = 2^256 - 2^224 + 2^192 + 2^96 - 1) with
// MULX/ADCX/ADOX, as register-resident GCC inline assembly that inlines into
// the point formulas: operands are named limb by limb ("m" constraints, no
// "memory" clobber), results come back in registers, and the final
// conditional subtraction is part of each block. Same Montgomery form and
// interface as P256Field (ec_field_impl.h), which stays the reference.
// Selected only when cpu_has(bmi2) and cpu_has(adx).
// CT: straight-line code, no data-dependent branches or addresses.
#pragma once

#include "crypto/adx_asm.h"
#include "crypto/arch.h"
#include "crypto/p256_field.h"

#if BARETLS_X86_64

#define BARETLS_P256_INLINE __attribute__((always_inline)) inline

// Assembly fragments of P256FieldAdx (operand names as string arguments).
// FOLD: add q*p for q = limb `q`, which then cancels: q*2^32 (one MULX:
// q<<32 and q>>32) into a1, a2 (the q*2^96 term), q*kP3 into a3, a4, the
// carry into a5.
#define BARETLS_P256_FOLD(q, a1, a2, a3, a4, a5) \
  "movq %[" q "], %[d]\n\t"                      \
  "mulxq %[k32], %[lo], %[hi]\n\t"               \
  "addq %[lo], %[" a1 "]\n\t"                    \
  "adcq %[hi], %[" a2 "]\n\t"                    \
  "mulxq %[c], %[lo], %[hi]\n\t"                 \
  "adcq %[lo], %[" a3 "]\n\t"                    \
  "adcq %[hi], %[" a4 "]\n\t"                    \
  "adcq $0, %[" a5 "]\n\t"
// SQR_FOLD: as FOLD within the low half of a square; limb q then takes the
// fold's top word (the window of four limbs moves up by one).
#define BARETLS_P256_SQR_FOLD(q, a1, a2, a3) \
  "movq %[" q "], %[d]\n\t"                   \
  "mulxq %[k32], %[lo], %[hi]\n\t"            \
  "addq %[lo], %[" a1 "]\n\t"                 \
  "adcq %[hi], %[" a2 "]\n\t"                 \
  "mulxq %[c], %[lo], %[" q "]\n\t"           \
  "adcq %[lo], %[" a3 "]\n\t"                 \
  "adcq $0, %[" q "]\n\t"
// FINAL: (r0..r3) + 2^256 top < 2p, minus p into lo, hi, d, x3; where that
// borrows, the value was already below p and is kept.
#define BARETLS_P256_FINAL(r0, r1, r2, r3, top) \
  "movq %[" r0 "], %[lo]\n\t"                    \
  "movq %[" r1 "], %[hi]\n\t"                    \
  "movq %[" r2 "], %[d]\n\t"                     \
  "movq %[" r3 "], %[x3]\n\t"                    \
  "subq $-1, %[lo]\n\t"                          \
  "sbbq %[p1], %[hi]\n\t"                        \
  "sbbq $0, %[d]\n\t"                            \
  "sbbq %[c], %[x3]\n\t"                         \
  "sbbq $0, %[" top "]\n\t"                      \
  "cmovcq %[" r0 "], %[lo]\n\t"                  \
  "cmovcq %[" r1 "], %[hi]\n\t"                  \
  "cmovcq %[" r2 "], %[d]\n\t"                   \
  "cmovcq %[" r3 "], %[x3]\n\t"

namespace baretls::crypto::detail {

struct P256FieldAdx : MontField<P256FieldParams> {
  using Base = MontField<P256FieldParams>;
  using Fe = Base::Fe;
  // p's two limbs that are not 0 or 2^64-1 (kP3 is also q*p's folding
  // constant). Hidden, so that -fPIC code reads them RIP-relative instead of
  // spending a register on a GOT entry.
  __attribute__((visibility("hidden"))) static constexpr std::uint64_t kP1 = 0x00000000ffffffff;
  __attribute__((visibility("hidden"))) static constexpr std::uint64_t kP3 = 0xffffffff00000001;
  __attribute__((visibility("hidden"))) static constexpr std::uint64_t kTwo32 = std::uint64_t{1} << 32;

  // r = a * b / 2^256 mod p. Word-by-word Montgomery: -p^-1 = 1 mod 2^64, so
  // each row's quotient q is the low accumulator limb, and q*p = q*2^256 -
  // q*2^224 + q*2^192 + q*2^96 - q adds q*2^96 and q*kP3*2^192 once the low
  // limb cancels. The result (< 2p) is reduced once at the end.
  static BARETLS_P256_INLINE void mul(Fe& r, const Fe& a, const Fe& b) noexcept {
    std::uint64_t x0, x1, x2, x3, x4, x5, lo, hi, d;
    __asm__(
        // Row 0: x0..x4 = a * b0, then fold q = x0.
        "xorl %k[x5], %k[x5]\n\t"
        BARETLS_ADX_ROW0("b0", "x0", "x1", "x2", "x3", "x4")
        BARETLS_P256_FOLD("x0", "x1", "x2", "x3", "x4", "x5")
        // Row 1: x1..x5 += a * b1 (CF and OF chains), then fold q = x1.
        BARETLS_ADX_ROW("b1", "x1", "x2", "x3", "x4", "x5", "x0")
        BARETLS_P256_FOLD("x1", "x2", "x3", "x4", "x5", "x0")
        BARETLS_ADX_ROW("b2", "x2", "x3", "x4", "x5", "x0", "x1")
        BARETLS_P256_FOLD("x2", "x3", "x4", "x5", "x0", "x1")
        BARETLS_ADX_ROW("b3", "x3", "x4", "x5", "x0", "x1", "x2")
        BARETLS_P256_FOLD("x3", "x4", "x5", "x0", "x1", "x2")
        // (x4 x5 x0 x1) + 2^256 x2 < 2p: subtract p, keep the sum on borrow.
        BARETLS_P256_FINAL("x4", "x5", "x0", "x1", "x2")
        : [x0] "=&r"(x0), [x1] "=&r"(x1), [x2] "=&r"(x2), [x3] "=&r"(x3), [x4] "=&r"(x4), [x5] "=&r"(x5),
          [lo] "=&r"(lo), [hi] "=&r"(hi), [d] "=&d"(d)
        : [a0] "rm"(a[0]), [a1] "rm"(a[1]), [a2] "rm"(a[2]), [a3] "rm"(a[3]), [b0] "rm"(b[0]), [b1] "rm"(b[1]),
          [b2] "rm"(b[2]), [b3] "rm"(b[3]), [c] "m"(kP3), [p1] "m"(kP1), [k32] "m"(kTwo32)
        : "cc");
    r = Fe{lo, hi, d, x3};
  }

  // r = a^2 / 2^256 mod p: the 8-limb square (cross products doubled, plus
  // the squares), the low half folded four times, the high half added.
  static BARETLS_P256_INLINE void sqr(Fe& r, const Fe& a) noexcept {
    std::uint64_t x0, x1, x2, x3, x4, x5, x6, x7, lo, hi, d;
    __asm__(
        BARETLS_ADX_SQR4_PRODUCT
        // Fold the low half four times (each q*p as in mul); limb i is
        // replaced by the top word of its fold.
        BARETLS_P256_SQR_FOLD("x0", "x1", "x2", "x3")
        BARETLS_P256_SQR_FOLD("x1", "x2", "x3", "x0")
        BARETLS_P256_SQR_FOLD("x2", "x3", "x0", "x1")
        BARETLS_P256_SQR_FOLD("x3", "x0", "x1", "x2")
        // Add the high half; the carry goes to x4.
        "addq %[x4], %[x0]\n\t"
        "adcq %[x5], %[x1]\n\t"
        "adcq %[x6], %[x2]\n\t"
        "adcq %[x7], %[x3]\n\t"
        "movl $0, %k[x4]\n\t"
        "adcq $0, %[x4]\n\t"
        "movq %[x3], %[x7]\n\t"
        BARETLS_P256_FINAL("x0", "x1", "x2", "x7", "x4")
        : [x0] "=&r"(x0), [x1] "=&r"(x1), [x2] "=&r"(x2), [x3] "=&r"(x3), [x4] "=&r"(x4), [x5] "=&r"(x5),
          [x6] "=&r"(x6), [x7] "=&r"(x7), [lo] "=&r"(lo), [hi] "=&r"(hi), [d] "=&d"(d)
        : [a0] "rm"(a[0]), [a1] "rm"(a[1]), [a2] "rm"(a[2]), [a3] "rm"(a[3]), [c] "m"(kP3), [p1] "m"(kP1), [k32] "m"(kTwo32)
        : "cc");
    r = Fe{lo, hi, d, x3};
  }

  // r = a + b mod p (inputs < p).
  static BARETLS_P256_INLINE void add(Fe& r, const Fe& a, const Fe& b) noexcept {
    std::uint64_t t0, t1, t2, t3, u0, u1, u2, u3, c;
    __asm__(
        "xorl %k[c], %k[c]\n\t"
        "movq %[a0], %[t0]\n\t"
        "movq %[a1], %[t1]\n\t"
        "movq %[a2], %[t2]\n\t"
        "movq %[a3], %[t3]\n\t"
        "addq %[b0], %[t0]\n\t"
        "adcq %[b1], %[t1]\n\t"
        "adcq %[b2], %[t2]\n\t"
        "adcq %[b3], %[t3]\n\t"
        "adcq $0, %[c]\n\t"
        "movq %[t0], %[u0]\n\t"
        "movq %[t1], %[u1]\n\t"
        "movq %[t2], %[u2]\n\t"
        "movq %[t3], %[u3]\n\t"
        "subq $-1, %[u0]\n\t"
        "sbbq %[p1], %[u1]\n\t"
        "sbbq $0, %[u2]\n\t"
        "sbbq %[c3], %[u3]\n\t"
        "sbbq $0, %[c]\n\t"
        // Borrow: the sum was below p, keep it.
        "cmovcq %[t0], %[u0]\n\t"
        "cmovcq %[t1], %[u1]\n\t"
        "cmovcq %[t2], %[u2]\n\t"
        "cmovcq %[t3], %[u3]\n\t"
        : [t0] "=&r"(t0), [t1] "=&r"(t1), [t2] "=&r"(t2), [t3] "=&r"(t3), [u0] "=&r"(u0), [u1] "=&r"(u1),
          [u2] "=&r"(u2), [u3] "=&r"(u3), [c] "=&r"(c)
        : [a0] "rm"(a[0]), [a1] "rm"(a[1]), [a2] "rm"(a[2]), [a3] "rm"(a[3]), [b0] "rm"(b[0]), [b1] "rm"(b[1]),
          [b2] "rm"(b[2]), [b3] "rm"(b[3]), [c3] "m"(kP3), [p1] "m"(kP1)
        : "cc");
    r = Fe{u0, u1, u2, u3};
  }

  // r = a - b mod p (inputs < p): the difference, plus p when it borrowed
  // (p masked by the borrow: limbs m, m & kP1, 0, m & kP3).
  static BARETLS_P256_INLINE void sub(Fe& r, const Fe& a, const Fe& b) noexcept {
    std::uint64_t t0, t1, t2, t3, m, u1, u3;
    __asm__(
        "movq %[a0], %[t0]\n\t"
        "movq %[a1], %[t1]\n\t"
        "movq %[a2], %[t2]\n\t"
        "movq %[a3], %[t3]\n\t"
        "subq %[b0], %[t0]\n\t"
        "sbbq %[b1], %[t1]\n\t"
        "sbbq %[b2], %[t2]\n\t"
        "sbbq %[b3], %[t3]\n\t"
        "sbbq %[m], %[m]\n\t"
        "movq %[m], %[u1]\n\t"
        "shrq $32, %[u1]\n\t"
        "movq %[m], %[u3]\n\t"
        "andq %[c3], %[u3]\n\t"
        "addq %[m], %[t0]\n\t"
        "adcq %[u1], %[t1]\n\t"
        "adcq $0, %[t2]\n\t"
        "adcq %[u3], %[t3]\n\t"
        : [t0] "=&r"(t0), [t1] "=&r"(t1), [t2] "=&r"(t2), [t3] "=&r"(t3), [m] "=&r"(m), [u1] "=&r"(u1),
          [u3] "=&r"(u3)
        : [a0] "rm"(a[0]), [a1] "rm"(a[1]), [a2] "rm"(a[2]), [a3] "rm"(a[3]), [b0] "rm"(b[0]), [b1] "rm"(b[1]),
          [b2] "rm"(b[2]), [b3] "rm"(b[3]), [c3] "m"(kP3)
        : "cc");
    r = Fe{t0, t1, t2, t3};
  }

  // r = a / 2 mod p: a + (a odd ? p : 0), 257 bits, shifted right by one.
  static BARETLS_P256_INLINE void half(Fe& r, const Fe& a) noexcept {
    std::uint64_t t0, t1, t2, t3, m, u1, u3, c;
    __asm__(
        "movq %[a0], %[t0]\n\t"
        "movq %[a1], %[t1]\n\t"
        "movq %[a2], %[t2]\n\t"
        "movq %[a3], %[t3]\n\t"
        "movl $1, %k[m]\n\t"
        "andq %[t0], %[m]\n\t"
        "negq %[m]\n\t"
        "movq %[m], %[u1]\n\t"
        "shrq $32, %[u1]\n\t"
        "movq %[m], %[u3]\n\t"
        "andq %[c3], %[u3]\n\t"
        "xorl %k[c], %k[c]\n\t"
        "addq %[m], %[t0]\n\t"
        "adcq %[u1], %[t1]\n\t"
        "adcq $0, %[t2]\n\t"
        "adcq %[u3], %[t3]\n\t"
        "adcq $0, %[c]\n\t"
        "shrdq $1, %[t1], %[t0]\n\t"
        "shrdq $1, %[t2], %[t1]\n\t"
        "shrdq $1, %[t3], %[t2]\n\t"
        "shrdq $1, %[c], %[t3]\n\t"
        : [t0] "=&r"(t0), [t1] "=&r"(t1), [t2] "=&r"(t2), [t3] "=&r"(t3), [m] "=&r"(m), [u1] "=&r"(u1),
          [u3] "=&r"(u3), [c] "=&r"(c)
        : [a0] "rm"(a[0]), [a1] "rm"(a[1]), [a2] "rm"(a[2]), [a3] "rm"(a[3]), [c3] "m"(kP3)
        : "cc");
    r = Fe{t0, t1, t2, t3};
  }

  static BARETLS_P256_INLINE void neg(Fe& r, const Fe& a) noexcept { sub(r, Fe{}, a); }

  static void to_mont(Fe& r, const Fe& a) noexcept { mul(r, a, Base::kR2); }
  static void from_mont(Fe& r, const Fe& a) noexcept { mul(r, a, Fe{1, 0, 0, 0}); }

  static void sqr_n(Fe& r, const Fe& a, int k) noexcept {
    r = a;
    for (int i = 0; i < k; ++i) sqr(r, r);
  }

  // a^(p-2) by the addition chain of P256FieldParams, on these kernels.
  static void invert(Fe& r, const Fe& a) noexcept { P256FieldParams::invert<P256FieldAdx>(r, a); }
};

}  // namespace baretls::crypto::detail

#undef BARETLS_P256_FOLD
#undef BARETLS_P256_SQR_FOLD
#undef BARETLS_P256_FINAL
#undef BARETLS_P256_INLINE

#endif  // BARETLS_X86_64

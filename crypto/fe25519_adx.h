// SPDX-License-Identifier: MIT
// Internal: GF(2^255 - 19) (RFC 7748 §4.1 field) in four 64-bit limbs with
// MULX/ADCX/ADOX, as GCC inline assembly that inlines into the X25519 ladder
// (x25519.cpp): operands named limb by limb, results in registers. Values are
// kept below 2^256, not below p: since 2^256 = 38 mod p, a carry out of the
// top limb is folded back as + 38 (and a borrow as - 38). to_bytes gives
// the canonical encoding. Same interface as Fe51Ops (fe25519_impl.h), which
// stays the reference. Selected only when cpu_has(bmi2) and cpu_has(adx).
// CT: straight-line code, no data-dependent branches or addresses.
#pragma once

#include <cstdint>

#include "baretls/crypto/ct.h"
#include "crypto/adx_asm.h"
#include "crypto/arch.h"
#include "crypto/bytes.h"
#include "crypto/fe25519_impl.h"

#if BARETLS_X86_64

#define BARETLS_FE64_INLINE __attribute__((always_inline)) inline

// REDUCE: x0..x7 (a 512-bit product) to x0..x3 below 2^256: x4..x7 times
// 38 added to x0..x3 (low halves on CF, high on OF), the top word (at most
// 39) times 38 added again, and a last carry folded as + 38 (x0 is then
// small, so that add cannot carry).
#define BARETLS_FE64_REDUCE         \
  "movl $38, %k[d]\n\t"             \
  "xorl %k[lo], %k[lo]\n\t"         \
  "mulxq %[x4], %[lo], %[hi]\n\t"   \
  "adcxq %[lo], %[x0]\n\t"          \
  "adoxq %[hi], %[x1]\n\t"          \
  "mulxq %[x5], %[lo], %[hi]\n\t"   \
  "adcxq %[lo], %[x1]\n\t"          \
  "adoxq %[hi], %[x2]\n\t"          \
  "mulxq %[x6], %[lo], %[hi]\n\t"   \
  "adcxq %[lo], %[x2]\n\t"          \
  "adoxq %[hi], %[x3]\n\t"          \
  "mulxq %[x7], %[lo], %[x4]\n\t"   \
  "adcxq %[lo], %[x3]\n\t"          \
  "movl $0, %k[lo]\n\t"             \
  "adoxq %[lo], %[x4]\n\t"          \
  "adcxq %[lo], %[x4]\n\t"          \
  "imulq $38, %[x4], %[x4]\n\t"     \
  "addq %[x4], %[x0]\n\t"           \
  "adcq $0, %[x1]\n\t"              \
  "adcq $0, %[x2]\n\t"              \
  "adcq $0, %[x3]\n\t"              \
  "sbbq %[x4], %[x4]\n\t"           \
  "andq $38, %[x4]\n\t"             \
  "addq %[x4], %[x0]\n\t"

// CARRY38(op, t): after a four-limb add (op = add, adc) or subtract (op =
// sub, sbb), fold the carry (borrow) out of the top limb as +-38 into r0..r3,
// twice; the second can only touch r0, which is then far from wrapping.
#define BARETLS_FE64_CARRY38(op, opc) \
  "sbbq %[t], %[t]\n\t"               \
  "andq $38, %[t]\n\t"                \
  op "q %[t], %[r0]\n\t"              \
  opc "q $0, %[r1]\n\t"               \
  opc "q $0, %[r2]\n\t"               \
  opc "q $0, %[r3]\n\t"               \
  "sbbq %[t], %[t]\n\t"               \
  "andq $38, %[t]\n\t"                \
  op "q %[t], %[r0]\n\t"

// LIMBWISE(op, opc): r0..r3 = a op b over four limbs (op = add, adc or
// sub, sbb), with its operand list (r0..r3 and t out, a and b in).
#define BARETLS_FE64_LIMBWISE(op, opc) \
  "movq %[a0], %[r0]\n\t"             \
  "movq %[a1], %[r1]\n\t"             \
  "movq %[a2], %[r2]\n\t"             \
  "movq %[a3], %[r3]\n\t"             \
  op "q %[b0], %[r0]\n\t"             \
  opc "q %[b1], %[r1]\n\t"            \
  opc "q %[b2], %[r2]\n\t"            \
  opc "q %[b3], %[r3]\n\t"
#define BARETLS_FE64_LIMBWISE_OPERANDS                                                                     \
  [r0] "=&r"(r0), [r1] "=&r"(r1), [r2] "=&r"(r2), [r3] "=&r"(r3), [t] "=&r"(t)                            \
      : [a0] "rm"(a.v[0]), [a1] "rm"(a.v[1]), [a2] "rm"(a.v[2]), [a3] "rm"(a.v[3]), [b0] "rm"(b.v[0]),     \
        [b1] "rm"(b.v[1]), [b2] "rm"(b.v[2]), [b3] "rm"(b.v[3])                                            \
      : "cc"

namespace baretls::crypto::detail {

struct Fe64 {
  std::uint64_t v[4];
};

struct Fe64Ops {
  using Fe = Fe64;

  static Fe from_u64(std::uint64_t x) noexcept { return Fe{{x, 0, 0, 0}}; }

  // 32 little-endian bytes; bit 255 is ignored (RFC 7748 §5 masks it).
  static Fe from_bytes(const std::uint8_t b[32]) noexcept {
    return Fe{{load_le64(b), load_le64(b + 8), load_le64(b + 16), load_le64(b + 24) & (~std::uint64_t{0} >> 1)}};
  }

  static BARETLS_FE64_INLINE Fe add(const Fe& a, const Fe& b) noexcept {
    std::uint64_t r0, r1, r2, r3, t;
    __asm__(BARETLS_FE64_LIMBWISE("add", "adc") BARETLS_FE64_CARRY38("add", "adc")
            : BARETLS_FE64_LIMBWISE_OPERANDS);
    return Fe{{r0, r1, r2, r3}};
  }

  // a - b: a borrow out of the top limb means 2^256 was added; take 38 off.
  static BARETLS_FE64_INLINE Fe sub(const Fe& a, const Fe& b) noexcept {
    std::uint64_t r0, r1, r2, r3, t;
    __asm__(BARETLS_FE64_LIMBWISE("sub", "sbb") BARETLS_FE64_CARRY38("sub", "sbb")
            : BARETLS_FE64_LIMBWISE_OPERANDS);
    return Fe{{r0, r1, r2, r3}};
  }

  // a * b: rows of MULX products (low halves on the CF chain, high on OF)
  // into x0..x7, then REDUCE.
  static BARETLS_FE64_INLINE Fe mul(const Fe& a, const Fe& b) noexcept {
#if defined(BARETLS_EC_ASAN)
    // 11 registers plus two operand bases: more than AddressSanitizer
    // builds leave free.
    return mul_portable(a, b);
#else
    std::uint64_t x0, x1, x2, x3, x4, x5, x6, x7, lo, hi, d;
    __asm__(
        "xorl %k[x5], %k[x5]\n\t"
        BARETLS_ADX_ROW0("b0", "x0", "x1", "x2", "x3", "x4")
        BARETLS_ADX_ROW("b1", "x1", "x2", "x3", "x4", "x5", "x6")
        BARETLS_ADX_ROW("b2", "x2", "x3", "x4", "x5", "x6", "x7")
        // Last row: the product is below 2^512, so nothing carries past x7.
        "movq %[b3], %[d]\n\t"
        "xorl %k[lo], %k[lo]\n\t"
        BARETLS_ADX_MULADD4("x3", "x4", "x5", "x6", "x7")
        "movl $0, %k[lo]\n\t"
        "adcxq %[lo], %[x7]\n\t"
        BARETLS_FE64_REDUCE
        : [x0] "=&r"(x0), [x1] "=&r"(x1), [x2] "=&r"(x2), [x3] "=&r"(x3), [x4] "=&r"(x4), [x5] "=&r"(x5),
          [x6] "=&r"(x6), [x7] "=&r"(x7), [lo] "=&r"(lo), [hi] "=&r"(hi), [d] "=&d"(d)
        : [a0] "m"(a.v[0]), [a1] "m"(a.v[1]), [a2] "m"(a.v[2]), [a3] "m"(a.v[3]), [b0] "m"(b.v[0]),
          [b1] "m"(b.v[1]), [b2] "m"(b.v[2]), [b3] "m"(b.v[3])
        : "cc");
    return Fe{{x0, x1, x2, x3}};
#endif
  }

  // a^2: cross products doubled plus squares (BARETLS_ADX_SQR4_PRODUCT), then
  // REDUCE.
  static BARETLS_FE64_INLINE Fe sqr(const Fe& a) noexcept {
    std::uint64_t x0, x1, x2, x3, x4, x5, x6, x7, lo, hi, d;
    __asm__(
        BARETLS_ADX_SQR4_PRODUCT
        BARETLS_FE64_REDUCE
        : [x0] "=&r"(x0), [x1] "=&r"(x1), [x2] "=&r"(x2), [x3] "=&r"(x3), [x4] "=&r"(x4), [x5] "=&r"(x5),
          [x6] "=&r"(x6), [x7] "=&r"(x7), [lo] "=&r"(lo), [hi] "=&r"(hi), [d] "=&d"(d)
        : [a0] "m"(a.v[0]), [a1] "m"(a.v[1]), [a2] "m"(a.v[2]), [a3] "m"(a.v[3])
        : "cc");
    return Fe{{x0, x1, x2, x3}};
  }

  // a * 121665 (RFC 7748 §5, a24): a five-limb product whose top word
  // (below 2^17) is folded as * 38.
  static BARETLS_FE64_INLINE Fe mul_a24(const Fe& a) noexcept {
    std::uint64_t r0, r1, r2, r3, t, lo, d;
    __asm__(
        "movl $121665, %k[d]\n\t"
        "mulxq %[a0], %[r0], %[r1]\n\t"
        "mulxq %[a1], %[lo], %[r2]\n\t"
        "addq %[lo], %[r1]\n\t"
        "mulxq %[a2], %[lo], %[r3]\n\t"
        "adcq %[lo], %[r2]\n\t"
        "mulxq %[a3], %[lo], %[t]\n\t"
        "adcq %[lo], %[r3]\n\t"
        "adcq $0, %[t]\n\t"
        "imulq $38, %[t], %[t]\n\t"
        "addq %[t], %[r0]\n\t"
        "adcq $0, %[r1]\n\t"
        "adcq $0, %[r2]\n\t"
        "adcq $0, %[r3]\n\t"
        "sbbq %[t], %[t]\n\t"
        "andq $38, %[t]\n\t"
        "addq %[t], %[r0]\n\t"
        : [r0] "=&r"(r0), [r1] "=&r"(r1), [r2] "=&r"(r2), [r3] "=&r"(r3), [t] "=&r"(t), [lo] "=&r"(lo),
          [d] "=&d"(d)
        : [a0] "rm"(a.v[0]), [a1] "rm"(a.v[1]), [a2] "rm"(a.v[2]), [a3] "rm"(a.v[3])
        : "cc");
    return Fe{{r0, r1, r2, r3}};
  }

  // Swaps a and b when bit is 1, with masks only.
  static void cswap(Fe& a, Fe& b, std::uint64_t bit) noexcept { limbs_cswap(a.v, b.v, bit); }

  // The canonical encoding: fold bit 255 (2^255 = 19), giving a value below
  // 2^255 + 19; then h + 19 reaches bit 255 exactly when h >= p, and h - p
  // is h + 19 with bit 255 cleared.
  static void to_bytes(std::uint8_t out[32], const Fe& f) noexcept {
    std::uint64_t h[4] = {f.v[0], f.v[1], f.v[2], f.v[3] & (~std::uint64_t{0} >> 1)};
    fe_u128 c = 19 * (f.v[3] >> 63);
    for (auto& limb : h) {
      c += limb;
      limb = static_cast<std::uint64_t>(c);
      c >>= 64;
    }
    std::uint64_t s[4];
    c = 19;
    for (int i = 0; i < 4; ++i) {
      c += h[i];
      s[i] = static_cast<std::uint64_t>(c);
      c >>= 64;
    }
    const std::uint64_t take = ct::value_barrier(std::uint64_t{0} - (s[3] >> 63));
    s[3] &= ~std::uint64_t{0} >> 1;
    for (int i = 0; i < 4; ++i) store_le64(out + 8 * i, (s[i] & take) | (h[i] & ~take));
  }

  // The same product in portable C++ (for AddressSanitizer builds): a 4x4
  // schoolbook product, then 2^256 = 38 twice and a last carry as + 38.
  static Fe mul_portable(const Fe& a, const Fe& b) noexcept {
    std::uint64_t t[8] = {};
    for (int i = 0; i < 4; ++i) {
      fe_u128 c = 0;
      for (int j = 0; j < 4; ++j) {
        c += fe_u128{a.v[i]} * b.v[j] + t[i + j];
        t[i + j] = static_cast<std::uint64_t>(c);
        c >>= 64;
      }
      t[i + 4] = static_cast<std::uint64_t>(c);
    }
    fe_u128 c = 0;
    for (int i = 0; i < 4; ++i) {
      c += fe_u128{t[i + 4]} * 38 + t[i];
      t[i] = static_cast<std::uint64_t>(c);
      c >>= 64;
    }
    c *= 38;
    for (int i = 0; i < 4; ++i) {
      c += t[i];
      t[i] = static_cast<std::uint64_t>(c);
      c >>= 64;
    }
    t[0] += 38 * static_cast<std::uint64_t>(c);
    return Fe{{t[0], t[1], t[2], t[3]}};
  }
};

}  // namespace baretls::crypto::detail

#undef BARETLS_FE64_REDUCE
#undef BARETLS_FE64_CARRY38
#undef BARETLS_FE64_LIMBWISE
#undef BARETLS_FE64_LIMBWISE_OPERANDS
#undef BARETLS_FE64_INLINE

#endif  // BARETLS_X86_64

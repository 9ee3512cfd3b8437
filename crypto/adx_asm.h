// SPDX-License-Identifier: MIT
// Internal: inline-assembly fragments shared by the MULX/ADX kernels (P-256
// field and order, p256_field_adx.h and p256_scalar_adx.h; GF(2^255 - 19),
// fe25519_adx.h): operands are named as in their asm statements (a0..a3 the
// input limbs, x0..x7 the accumulator, lo, hi and d = rdx scratch). Also
// BARETLS_EC_ASAN, set in AddressSanitizer builds, which leave too few
// registers for the widest of these statements.
#pragma once

// GCC names AddressSanitizer builds with __SANITIZE_ADDRESS__, clang through
// __has_feature(address_sanitizer).
#if defined(__SANITIZE_ADDRESS__)
#define BARETLS_EC_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define BARETLS_EC_ASAN 1
#endif
#endif

// The eight-limb square of a (limbs a0..a3) into x0..x7: cross products
// a_i a_j (i < j) into x1..x7, doubled (CF chain), plus the squares a_i^2
// (OF chain). Uses lo, hi and d (rdx) as scratch.
#define BARETLS_ADX_SQR4_PRODUCT \
  "movq %[a0], %[d]\n\t" \
  "mulxq %[a1], %[x1], %[x2]\n\t" \
  "mulxq %[a2], %[lo], %[x3]\n\t" \
  "addq %[lo], %[x2]\n\t" \
  "mulxq %[a3], %[lo], %[x4]\n\t" \
  "adcq %[lo], %[x3]\n\t" \
  "adcq $0, %[x4]\n\t" \
  "movq %[a1], %[d]\n\t" \
  "xorl %k[x5], %k[x5]\n\t" \
  "mulxq %[a2], %[lo], %[hi]\n\t" \
  "adcxq %[lo], %[x3]\n\t" \
  "adoxq %[hi], %[x4]\n\t" \
  "mulxq %[a3], %[lo], %[hi]\n\t" \
  "adcxq %[lo], %[x4]\n\t" \
  "adoxq %[hi], %[x5]\n\t" \
  "movl $0, %k[x6]\n\t" \
  "adcxq %[x6], %[x5]\n\t" \
  "adoxq %[x6], %[x6]\n\t" \
  "adcq $0, %[x6]\n\t" \
  "movq %[a2], %[d]\n\t" \
  "xorl %k[x7], %k[x7]\n\t" \
  "mulxq %[a3], %[lo], %[hi]\n\t" \
  "addq %[lo], %[x5]\n\t" \
  "adcq %[hi], %[x6]\n\t" \
  "adcq $0, %[x7]\n\t" \
  "movq %[a0], %[d]\n\t" \
  "xorl %k[lo], %k[lo]\n\t" \
  "mulxq %[d], %[x0], %[hi]\n\t" \
  "adcxq %[x1], %[x1]\n\t" \
  "adoxq %[hi], %[x1]\n\t" \
  "movq %[a1], %[d]\n\t" \
  "mulxq %[d], %[lo], %[hi]\n\t" \
  "adcxq %[x2], %[x2]\n\t" \
  "adoxq %[lo], %[x2]\n\t" \
  "adcxq %[x3], %[x3]\n\t" \
  "adoxq %[hi], %[x3]\n\t" \
  "movq %[a2], %[d]\n\t" \
  "mulxq %[d], %[lo], %[hi]\n\t" \
  "adcxq %[x4], %[x4]\n\t" \
  "adoxq %[lo], %[x4]\n\t" \
  "adcxq %[x5], %[x5]\n\t" \
  "adoxq %[hi], %[x5]\n\t" \
  "movq %[a3], %[d]\n\t" \
  "mulxq %[d], %[lo], %[hi]\n\t" \
  "adcxq %[x6], %[x6]\n\t" \
  "adoxq %[lo], %[x6]\n\t" \
  "adcxq %[x7], %[x7]\n\t" \
  "adoxq %[hi], %[x7]\n\t"

// (x0..x4) += a * d: the low halves on the CF chain, the high halves on OF
// (both flags clear on entry; the last carries are left to the caller).
#define BARETLS_ADX_MULADD4(x0, x1, x2, x3, x4) \
  "mulxq %[a0], %[lo], %[hi]\n\t"             \
  "adcxq %[lo], %[" x0 "]\n\t"                \
  "adoxq %[hi], %[" x1 "]\n\t"                \
  "mulxq %[a1], %[lo], %[hi]\n\t"             \
  "adcxq %[lo], %[" x1 "]\n\t"                \
  "adoxq %[hi], %[" x2 "]\n\t"                \
  "mulxq %[a2], %[lo], %[hi]\n\t"             \
  "adcxq %[lo], %[" x2 "]\n\t"                \
  "adoxq %[hi], %[" x3 "]\n\t"                \
  "mulxq %[a3], %[lo], %[hi]\n\t"             \
  "adcxq %[lo], %[" x3 "]\n\t"                \
  "adoxq %[hi], %[" x4 "]\n\t"

// ROW: x0..x4 += a * b (low products on the CF chain, high on OF), the
// carries into x5 (zeroed first).
#define BARETLS_ADX_ROW(b, x0, x1, x2, x3, x4, x5) \
  "movq %[" b "], %[d]\n\t"                         \
  "xorl %k[" x5 "], %k[" x5 "]\n\t"                 \
  BARETLS_ADX_MULADD4(x0, x1, x2, x3, x4)          \
  "adcxq %[" x5 "], %[" x4 "]\n\t"                  \
  "adoxq %[" x5 "], %[" x5 "]\n\t"                  \
  "adcq $0, %[" x5 "]\n\t"

// ROW0: x0..x4 = a * b (the first row of a product; CF chain only).
#define BARETLS_ADX_ROW0(b, x0, x1, x2, x3, x4) \
  "movq %[" b "], %[d]\n\t"                     \
  "mulxq %[a0], %[" x0 "], %[" x1 "]\n\t"       \
  "mulxq %[a1], %[lo], %[" x2 "]\n\t"           \
  "addq %[lo], %[" x1 "]\n\t"                   \
  "mulxq %[a2], %[lo], %[" x3 "]\n\t"           \
  "adcq %[lo], %[" x2 "]\n\t"                   \
  "mulxq %[a3], %[lo], %[" x4 "]\n\t"           \
  "adcq %[lo], %[" x3 "]\n\t"                   \
  "adcq $0, %[" x4 "]\n\t"

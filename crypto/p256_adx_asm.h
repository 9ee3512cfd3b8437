// SPDX-License-Identifier: MIT
// Internal: an inline-assembly fragment shared by the P-256 field and order
// kernels (p256_field_adx.h, p256_scalar_adx.h): operands are named as in
// their asm statements (a0..a3 the input limbs, x0..x7 the accumulator,
// lo, hi and d = rdx scratch).
#pragma once

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

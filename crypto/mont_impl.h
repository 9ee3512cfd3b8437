// SPDX-License-Identifier: MIT
// Internal: Montgomery multiplication kernels, one table per path. Every
// kernel computes r = a*b*2^(-64n) mod m fully reduced, for n-limb operands
// below m, with m0inv = -m^-1 mod 2^64. r may alias a or b.
#pragma once

#include <cstddef>
#include <cstdint>

#include "baretls/crypto/bigint.h"
#include "crypto/arch.h"

namespace baretls::crypto::detail {

// One exponentiation for MontKernel::exp2: r = a^e with a and r in 64-bit
// Montgomery form (n limbs, below m); r64 = 2^(64n) mod m, r2 = r64^2 mod m.
struct MontExpJob {
  Limb* r;
  const Limb* a;
  const Limb* e;
  std::size_t e_limbs;
  const Limb* m;
  Limb m0inv;
  std::size_t n;
  const Limb* r64;
  const Limb* r2;
};

struct MontKernel {
  void (*mul)(Limb* r, const Limb* a, const Limb* b, const Limb* m, Limb m0inv, std::size_t n) noexcept;
  void (*sqr)(Limb* r, const Limb* a, const Limb* m, Limb m0inv, std::size_t n) noexcept;
  // r = t / R mod m for t < m*R (t: 2n limbs, destroyed).
  void (*redc)(Limb* r, Limb* t, const Limb* m, Limb m0inv, std::size_t n) noexcept;
  // Optional (null when absent): two independent fixed-window
  // exponentiations at once, for the sizes the path handles (returns false,
  // writing nothing, for others). Same contract as MontContext::exp.
  bool (*exp2)(const MontExpJob& x, const MontExpJob& y) noexcept;
  // Optional: MontContext::exp_vartime for the sizes the path handles.
  bool (*exp_vartime)(const MontExpJob& x) noexcept;
  const char* name;
};

extern const MontKernel kMontPortable;
#if BARETLS_X86_64
extern const MontKernel kMontBmi2;
extern const MontKernel kMontIfma;
// The BMI2/ADX entry points, shared with the IFMA kernel table.
void mont_mul_bmi2(Limb* r, const Limb* a, const Limb* b, const Limb* m, Limb m0inv, std::size_t n) noexcept;
void mont_sqr_bmi2(Limb* r, const Limb* a, const Limb* m, Limb m0inv, std::size_t n) noexcept;
void redc_bmi2(Limb* r, Limb* t, const Limb* m, Limb m0inv, std::size_t n) noexcept;
#endif

// Shared final step: r = t - m when (hi:t) >= m, else t (t has n limbs, hi
// is 0 or 1 and (hi:t) < 2m). CT: time depends only on n.
void mont_final_sub(Limb* r, const Limb* t, Limb hi, const Limb* m, std::size_t n) noexcept;

}  // namespace baretls::crypto::detail

// SPDX-License-Identifier: MIT
// Internal: Montgomery multiplication kernels, one table per path. Every
// kernel computes r = a*b*2^(-64n) mod m fully reduced, for n-limb operands
// below m, with m0inv = -m^-1 mod 2^64. r may alias a or b.
#pragma once

#include <cstddef>
#include <cstdint>

#include "baretls/crypto/bigint.h"

namespace baretls::crypto::detail {

struct MontKernel {
  void (*mul)(Limb* r, const Limb* a, const Limb* b, const Limb* m, Limb m0inv, std::size_t n) noexcept;
  void (*sqr)(Limb* r, const Limb* a, const Limb* m, Limb m0inv, std::size_t n) noexcept;
  // Optional: a whole fixed-window exponentiation for sizes the path
  // handles natively (null when absent). Same contract as MontContext::exp.
  bool (*exp)(Limb* r, const Limb* a, const Limb* e, std::size_t e_limbs, const Limb* m, Limb m0inv,
              const Limb* r2, std::size_t n) noexcept;
  const char* name;
};

extern const MontKernel kMontPortable;

// Shared final step: r = t - m when (hi:t) >= m, else t (t has n limbs, hi
// is 0 or 1 and (hi:t) < 2m). CT: time depends only on n.
void mont_final_sub(Limb* r, const Limb* t, Limb hi, const Limb* m, std::size_t n) noexcept;

}  // namespace baretls::crypto::detail

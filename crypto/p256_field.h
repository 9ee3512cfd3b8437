// SPDX-License-Identifier: MIT
// Internal: the P-256 prime field, p = 2^256 - 2^224 + 2^192 + 2^96 - 1, and
// the group order n (FIPS 186-4 App. D.1.2.3), as Montgomery fields of four
// 64-bit limbs. -p^-1 mod 2^64 = 1, so each reduction step's multiplier is
// the low limb itself; the modulus is a constant and its zero limb folds away.
#pragma once

#include "crypto/arch.h"
#include "crypto/ec_field_bmi2.h"
#include "crypto/ec_field_impl.h"

namespace baretls::crypto::detail {

struct P256FieldParams {
  static constexpr std::size_t kLimbs = 4;
  static constexpr Limbs<4> kModulus = {0xffffffffffffffff, 0x00000000ffffffff, 0x0000000000000000,
                                        0xffffffff00000001};

  // a^(p-2) with a fixed addition chain (255 squarings, 12 multiplications):
  // p - 2 = ffffffff 00000001 00000000 00000000 00000000 ffffffff ffffffff
  // fffffffd, built from x_k = a^(2^k - 1). CT: the sequence is fixed.
  template <typename F>
  static void invert(typename F::Fe& r, const typename F::Fe& a) noexcept {
    typename F::Fe x2, x3, x6, x12, x15, x30, x32, t;
    F::sqr(t, a);
    F::mul(x2, t, a);
    F::sqr(t, x2);
    F::mul(x3, t, a);
    F::sqr_n(t, x3, 3);
    F::mul(x6, t, x3);
    F::sqr_n(t, x6, 6);
    F::mul(x12, t, x6);
    F::sqr_n(t, x12, 3);
    F::mul(x15, t, x3);
    F::sqr_n(t, x15, 15);
    F::mul(x30, t, x15);
    F::sqr_n(t, x30, 2);
    F::mul(x32, t, x2);       // ffffffff
    F::sqr_n(t, x32, 32);
    F::mul(t, t, a);          // ffffffff 00000001
    F::sqr_n(t, t, 96 + 32);  // three zero words, then
    F::mul(t, t, x32);        // ffffffff
    F::sqr_n(t, t, 32);
    F::mul(t, t, x32);        // ffffffff
    F::sqr_n(t, t, 30);
    F::mul(t, t, x30);        // 30 ones of fffffffd
    F::sqr_n(t, t, 2);
    F::mul(r, t, a);          // the final 01
    for (auto* v : {&x2, &x3, &x6, &x12, &x15, &x30, &x32, &t}) F::secure_fill(*v);
  }
};
using P256Field = MontField<P256FieldParams>;
static_assert(P256Field::kN0 == 1);

struct P256OrderParams {
  static constexpr std::size_t kLimbs = 4;
  static constexpr Limbs<4> kModulus = {0xf3b9cac2fc632551, 0xbce6faada7179e84, 0xffffffffffffffff,
                                        0xffffffff00000000};
};
using P256Scalar = MontField<P256OrderParams>;

// The MULX/ADX forms of both are P256FieldAdx (p256_field_adx.h) and
// P256ScalarAdx (p256_scalar_adx.h), with BARETLS_X86_64 only.

}  // namespace baretls::crypto::detail

// SPDX-License-Identifier: MIT
// Internal: the P-256 prime field, p = 2^256 - 2^224 + 2^192 + 2^96 - 1, and
// the group order n (FIPS 186-4 App. D.1.2.3), as Montgomery fields of four
// 64-bit limbs. -p^-1 mod 2^64 = 1, so each reduction step's multiplier is
// the low limb itself; the modulus is a constant and its zero limb folds away.
#pragma once

#include "crypto/ec_field_impl.h"

namespace baretls::crypto::detail {

struct P256FieldParams {
  static constexpr std::size_t kLimbs = 4;
  static constexpr Limbs<4> kModulus = {0xffffffffffffffff, 0x00000000ffffffff, 0x0000000000000000,
                                        0xffffffff00000001};
};
using P256Field = MontField<P256FieldParams>;
static_assert(P256Field::kN0 == 1);

struct P256OrderParams {
  static constexpr std::size_t kLimbs = 4;
  static constexpr Limbs<4> kModulus = {0xf3b9cac2fc632551, 0xbce6faada7179e84, 0xffffffffffffffff,
                                        0xffffffff00000000};
};
using P256Scalar = MontField<P256OrderParams>;

}  // namespace baretls::crypto::detail

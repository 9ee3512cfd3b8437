// SPDX-License-Identifier: MIT
// Internal: the P-384 prime field, p = 2^384 - 2^128 - 2^96 + 2^32 - 1, and
// the group order n (FIPS 186-4 App. D.1.2.4), as Montgomery fields of six
// 64-bit limbs (-p^-1 mod 2^64 = 2^32 + 1).
#pragma once

#include "crypto/arch.h"
#include "crypto/ec_field_bmi2.h"
#include "crypto/ec_field_impl.h"

namespace baretls::crypto::detail {

struct P384FieldParams {
  static constexpr std::size_t kLimbs = 6;
  static constexpr Limbs<6> kModulus = {0x00000000ffffffff, 0xffffffff00000000, 0xfffffffffffffffe,
                                        0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff};
};
using P384Field = MontField<P384FieldParams>;
static_assert(P384Field::kN0 == 0x100000001);

struct P384OrderParams {
  static constexpr std::size_t kLimbs = 6;
  static constexpr Limbs<6> kModulus = {0xecec196accc52973, 0x581a0db248b0a77a, 0xc7634d81f4372ddf,
                                        0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff};
};
using P384Scalar = MontField<P384OrderParams>;

#if BARETLS_X86_64
// The same fields with MULX/ADX multiplication (ec_field_bmi2.h).
using P384FieldAdx = MontField<P384FieldParams, MontAdxKernel<P384FieldParams>>;
using P384ScalarAdx = MontField<P384OrderParams, MontAdxKernel<P384OrderParams>>;
#endif

}  // namespace baretls::crypto::detail

// SPDX-License-Identifier: MIT
// P-384 (FIPS 186-4 App. D.1.2.4, SEC 2 secp384r1): curve constants, the
// generated fixed-base table and the CurveOps instance (see ec_ops_impl.h).
#include "baretls/crypto/cpu.h"
#include "crypto/arch.h"
#include "crypto/ec_ops_impl.h"
#include "crypto/p384_field.h"

namespace baretls::crypto::detail {
namespace {

constexpr P384Field::Fe to_mont_const(const P384Field::Fe& a) {
  P384Field::Fe r{};
  P384Field::to_mont(r, a);
  return r;
}

alignas(64) constexpr std::uint64_t kP384BaseTable[77 * 16 * 12] = {
#include "crypto/p384_table.inc"
};

alignas(64) constexpr std::uint64_t kP384OddTable[32 * 12] = {
#include "crypto/p384_odd_table.inc"
};

template <typename Field, typename Scalar>
struct P384Curve {
  using F = Field;
  using S = Scalar;
  // b = B3312FA7 E23EE7E4 988E056B E3F82D19 181D9C6E FE814112 0314088F
  //     5013875A C656398D 8A2ED19D 2A85C8ED D3EC2AEF
  static constexpr typename F::Fe kB = to_mont_const({0x2a85c8edd3ec2aef, 0xc656398d8a2ed19d, 0x0314088f5013875a,
                                             0x181d9c6efe814112, 0x988e056be3f82d19, 0xb3312fa7e23ee7e4});
  static constexpr const std::uint64_t* kBaseTable = kP384BaseTable;
  static constexpr const std::uint64_t* kOddTable = kP384OddTable;
};

}  // namespace

const CurveOps& p384_ops() noexcept {
#if BARETLS_X86_64
  if (cpu_has(CpuFeature::bmi2) && cpu_has(CpuFeature::adx)) return EcCurve<P384Curve<P384FieldAdx, P384ScalarAdx>>::kOps;
#endif
  return EcCurve<P384Curve<P384Field, P384Scalar>>::kOps;
}

std::string_view p384_implementation() noexcept {
#if BARETLS_X86_64
  if (cpu_has(CpuFeature::bmi2) && cpu_has(CpuFeature::adx)) return "bmi2-adx";
#endif
  return "portable";
}

}  // namespace baretls::crypto::detail

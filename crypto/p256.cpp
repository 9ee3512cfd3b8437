// SPDX-License-Identifier: MIT
// P-256 (FIPS 186-4 App. D.1.2.3, SEC 2 secp256r1): curve constants, the
// generated fixed-base table and the CurveOps instance (see ec_ops_impl.h).
#include "baretls/crypto/cpu.h"
#include "crypto/arch.h"
#include "crypto/ec_ops_impl.h"
#include "crypto/ec_select_avx2.h"
#include "crypto/p256_field.h"
#include "crypto/p256_field_adx.h"
#include "crypto/p256_scalar_adx.h"

namespace baretls::crypto::detail {
namespace {

constexpr P256Field::Fe to_mont_const(const P256Field::Fe& a) {
  P256Field::Fe r{};
  P256Field::to_mont(r, a);
  return r;
}

alignas(64) constexpr std::uint64_t kP256BaseTable[52 * 16 * 8] = {
#include "crypto/p256_table.inc"
};

alignas(64) constexpr std::uint64_t kP256OddTable[32 * 8] = {
#include "crypto/p256_odd_table.inc"
};

template <typename Field, typename Scalar>
struct P256Curve {
  using F = Field;
  using S = Scalar;
  // b = 5AC635D8 AA3A93E7 B3EBBD55 769886BC 651D06B0 CC53B0F6 3BCE3C3E 27D2604B
  static constexpr typename F::Fe kB = to_mont_const({0x3bce3c3e27d2604b, 0x651d06b0cc53b0f6, 0xb3ebbd55769886bc,
                                             0x5ac635d8aa3a93e7});
  static constexpr const std::uint64_t* kBaseTable = kP256BaseTable;
  static constexpr const std::uint64_t* kOddTable = kP256OddTable;
};

#if BARETLS_X86_64
// MULX/ADX field arithmetic and AVX2 table lookups (every CPU with ADX has
// AVX2).
struct P256CurveAdx : P256Curve<P256FieldAdx, P256ScalarAdx> {
  template <typename P>
  static void select(P& r, const P* table, std::size_t count, std::uint64_t index) noexcept {
    ec_select_avx2(r, table, count, index);
  }
  static void select_flat(F::Fe& x, F::Fe& y, const std::uint64_t* entries, std::size_t count,
                          std::uint64_t index) noexcept {
    ec_select_flat_avx2(x, y, entries, count, index);
  }
};

bool use_adx() noexcept {
  return cpu_has(CpuFeature::bmi2) && cpu_has(CpuFeature::adx) && cpu_has(CpuFeature::avx2);
}
#endif

}  // namespace

const CurveOps& p256_ops() noexcept {
#if BARETLS_X86_64
  if (use_adx()) return EcCurve<P256CurveAdx>::kOps;
#endif
  return EcCurve<P256Curve<P256Field, P256Scalar>>::kOps;
}

std::string_view p256_implementation() noexcept {
#if BARETLS_X86_64
  if (use_adx()) return "bmi2-adx-avx2";
#endif
  return "portable";
}

}  // namespace baretls::crypto::detail

// SPDX-License-Identifier: MIT
// P-256/P-384 public API: SEC 1 point checks, key generation and ECDH
// (SP 800-56A §5.7.1.2), dispatching to the per-curve CurveOps.
#include "baretls/crypto/ec.h"

#include "baretls/crypto/secret.h"
#include "crypto/ec_impl.h"

namespace baretls::crypto {

const detail::CurveOps& detail::curve_ops(Curve c) noexcept {
  return c == Curve::p256 ? p256_ops() : p384_ops();
}

std::string_view ec_implementation(Curve c) noexcept {
  return c == Curve::p256 ? detail::p256_implementation() : detail::p384_implementation();
}

Error ec_validate_public(Curve c, std::span<const std::uint8_t> point) noexcept {
  // SEC 1 v2 §2.3.4: the single octet 00 encodes the point at infinity.
  if (point.size() == 1 && point[0] == 0x00) return Error::point_at_infinity;
  if (point.size() != ec_point_size(c)) return Error::bad_length;
  // Only the uncompressed form (04) is accepted (RFC 8422 §5.1.2 profile).
  if (point[0] != 0x04) return Error::invalid_point;
  return detail::curve_ops(c).validate_xy(point.data() + 1);
}

Error ec_public_from_private(Curve c, std::span<const std::uint8_t> d, std::span<std::uint8_t> point_out) noexcept {
  const auto& ops = detail::curve_ops(c);
  if (d.size() != ops.size) return Error::bad_length;
  if (point_out.size() < ec_point_size(c)) return Error::buffer_too_small;
  if (!ops.scalar_in_range(d.data()).to_bool()) return Error::invalid_scalar;
  point_out[0] = 0x04;
  ops.base_mul(point_out.data() + 1, d.data());
  return Error::ok;
}

Error ec_generate(Curve c, const RandomSource& rng, std::span<std::uint8_t> d_out,
                  std::span<std::uint8_t> point_out) noexcept {
  const auto& ops = detail::curve_ops(c);
  if (d_out.size() < ops.size) return Error::buffer_too_small;
  if (point_out.size() < ec_point_size(c)) return Error::buffer_too_small;
  const auto d = d_out.first(ops.size);
  // FIPS 186-4 App. B.4.2 (testing candidates): draw until 0 < d < n. A draw
  // fails with probability < 2^-32, so 64 failures mean a broken source.
  for (int attempt = 0; attempt < 64; ++attempt) {
    if (const Error e = rng(d); e != Error::ok) {
      secure_wipe(d);
      return e;
    }
    if (ops.scalar_in_range(d.data()).to_bool()) return ec_public_from_private(c, d, point_out);
  }
  secure_wipe(d);
  return Error::rng_failure;
}

Error ecdh(Curve c, std::span<const std::uint8_t> d, std::span<const std::uint8_t> peer_point,
           std::span<std::uint8_t> shared_x_out) noexcept {
  const auto& ops = detail::curve_ops(c);
  if (d.size() != ops.size) return Error::bad_length;
  if (shared_x_out.size() < ops.size) return Error::buffer_too_small;
  BARETLS_TRY(ec_validate_public(c, peer_point));
  if (!ops.scalar_in_range(d.data()).to_bool()) return Error::invalid_scalar;
  // SP 800-56A §5.7.1.2: Z = x(d*Q); the identity is an error.
  if (!ops.point_mul_x(shared_x_out.data(), peer_point.data() + 1, d.data())) {
    secure_wipe(shared_x_out.first(ops.size));
    return Error::point_at_infinity;
  }
  return Error::ok;
}

}  // namespace baretls::crypto

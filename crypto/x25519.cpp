// SPDX-License-Identifier: MIT
// X25519 (RFC 7748 §5): the Montgomery ladder with conditional swaps by
// mask, over the field of fe25519_impl.h (radix 2^51, or 2^25.5 without a
// 128-bit integer), or on CPUs with BMI2 and ADX the radix-2^64 MULX/ADX
// field of fe25519_adx.h; see x25519.h. Public keys use the fixed-base comb
// of x25519_base.cpp.
#include "baretls/crypto/x25519.h"

#include "baretls/crypto/cpu.h"
#include "baretls/crypto/ct.h"
#include "baretls/crypto/secret.h"
#include "crypto/arch.h"
#include "crypto/fe25519_adx.h"
#include "crypto/fe25519_impl.h"
#include "crypto/x25519_impl.h"

namespace baretls::crypto {
namespace {

// RFC 7748 §5, decodeScalar25519: clear bits 0-2 and 255, set bit 254.
void clamp(std::uint8_t k[32]) noexcept {
  k[0] &= 248;
  k[31] &= 127;
  k[31] |= 64;
}

// RFC 7748 §5: the ladder over the bits of the clamped scalar, from bit 254
// down, on the field operations F (Fe51Ops or Fe64Ops). Writes x_2 / z_2.
// CT: the bits only steer F::cswap masks.
template <typename F>
void ladder(std::uint8_t out[32], const std::uint8_t k[32], const std::uint8_t u[32]) noexcept {
  using Fe = typename F::Fe;
  const Fe x1 = F::from_bytes(u);
  Fe x2 = F::from_u64(1), z2 = F::from_u64(0);
  Fe x3 = x1, z3 = F::from_u64(1);
  std::uint64_t swap = 0;
  for (int t = 254; t >= 0; --t) {
    const std::uint64_t k_t = (k[t >> 3] >> (t & 7)) & 1;
    swap ^= k_t;
    F::cswap(x2, x3, swap);
    F::cswap(z2, z3, swap);
    swap = k_t;
    const Fe a = F::add(x2, z2);
    const Fe aa = F::sqr(a);
    const Fe b = F::sub(x2, z2);
    const Fe bb = F::sqr(b);
    const Fe e = F::sub(aa, bb);
    const Fe c = F::add(x3, z3);
    const Fe d = F::sub(x3, z3);
    const Fe da = F::mul(d, a);
    const Fe cb = F::mul(c, b);
    x3 = F::sqr(F::add(da, cb));
    z3 = F::mul(x1, F::sqr(F::sub(da, cb)));
    x2 = F::mul(aa, bb);
    z2 = F::mul(e, F::add(aa, F::mul_a24(e)));
  }
  F::cswap(x2, x3, swap);
  F::cswap(z2, z3, swap);
  Fe result = F::mul(x2, detail::fe_invert_chain<F>(z2));
  F::to_bytes(out, result);
  secure_wipe_object(x2);
  secure_wipe_object(z2);
  secure_wipe_object(x3);
  secure_wipe_object(z3);
  secure_wipe_object(result);
}

#if BARETLS_X86_64
bool use_adx() noexcept { return cpu_has(CpuFeature::bmi2) && cpu_has(CpuFeature::adx); }
#endif

void scalar_mult(std::span<std::uint8_t, 32> out, std::span<const std::uint8_t, 32> scalar,
                 std::span<const std::uint8_t, 32> u) noexcept {
  std::uint8_t k[32];
  for (int i = 0; i < 32; ++i) k[i] = scalar[static_cast<std::size_t>(i)];
  clamp(k);
#if BARETLS_X86_64
  if (use_adx()) {
    ladder<detail::Fe64Ops>(out.data(), k, u.data());
  } else {
    ladder<detail::Fe51Ops>(out.data(), k, u.data());
  }
#else
  ladder<detail::Fe51Ops>(out.data(), k, u.data());
#endif
  secure_wipe(k, sizeof k);
}

}  // namespace

Error x25519(std::span<std::uint8_t, 32> out, std::span<const std::uint8_t, 32> scalar,
             std::span<const std::uint8_t, 32> u) noexcept {
  // RFC 7748 §5: "implementations of X25519 ... MUST mask the most significant
  // bit in the final byte" of u; fe_from_bytes ignores bit 255.
  scalar_mult(out, scalar, u);
  // RFC 7748 §6.1: "check ... whether the resulting shared secret is the
  // all-zero value and abort if so". The outcome is public; the bytes are not.
  std::uint64_t acc = 0;
  for (std::uint8_t b : out) acc |= b;
  return ct::is_zero(acc).to_bool() ? Error::zero_shared_secret : Error::ok;
}

std::string_view x25519_implementation() noexcept {
#if BARETLS_X86_64
  if (use_adx()) return "bmi2-adx";
#endif
  return "portable";
}

void x25519_base(std::span<std::uint8_t, 32> public_key, std::span<const std::uint8_t, 32> scalar) noexcept {
  // The same value as the ladder on u = 9, from the edwards25519 comb.
  std::uint8_t k[32];
  for (int i = 0; i < 32; ++i) k[i] = scalar[static_cast<std::size_t>(i)];
  clamp(k);
  detail::x25519_base_comb(public_key.data(), k);
  secure_wipe(k, sizeof k);
}

Error x25519_generate(const RandomSource& rng, std::span<std::uint8_t, 32> private_key,
                      std::span<std::uint8_t, 32> public_key) noexcept {
  if (const Error e = rng(private_key); e != Error::ok) {
    secure_wipe(private_key);
    secure_wipe(public_key);
    return e;
  }
  x25519_base(public_key, private_key);
  return Error::ok;
}

}  // namespace baretls::crypto

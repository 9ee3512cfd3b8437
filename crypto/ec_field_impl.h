// SPDX-License-Identifier: MIT
// Internal: constant-time arithmetic modulo an odd prime of N 64-bit limbs in
// Montgomery form (R = 2^(64N)), with 128-bit products, or 32x32->64-bit
// ones over the limbs' halves without a 128-bit integer (crypto/wide.h; the
// Montgomery form is the same, so tables serve both). One instantiation per
// modulus (the P-256/P-384 fields and group orders): the modulus is a
// compile-time constant, so every loop unrolls and zero limbs fold away.
// Elements are kept fully reduced (< m). CT: every function here runs in time
// independent of the element values, except the ones named _vartime.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "baretls/crypto/ct.h"
#include "crypto/bytes.h"
#include "crypto/wide.h"

namespace baretls::crypto::detail {

template <std::size_t N>
using Limbs = std::array<std::uint64_t, N>;

// -m^-1 mod 2^64 by Newton iteration (m odd).
constexpr std::uint64_t mont_n0(std::uint64_t m0) noexcept {
  std::uint64_t inv = 1;
  for (int i = 0; i < 7; ++i) inv *= 2 - m0 * inv;
  return 0 - inv;
}

// 2^bits mod m by doubling (compile time only).
template <std::size_t N>
constexpr Limbs<N> pow2_mod(const Limbs<N>& m, std::size_t bits) noexcept {
  Limbs<N> r{};
  r[0] = 1;
  for (std::size_t i = 0; i < bits; ++i) {
    std::uint64_t top = r[N - 1] >> 63;
    for (std::size_t j = N - 1; j > 0; --j) r[j] = (r[j] << 1) | (r[j - 1] >> 63);
    r[0] <<= 1;
    // if (top || r >= m) r -= m
    bool ge = top != 0;
    if (!ge) {
      ge = true;
      for (std::size_t j = N; j-- > 0;) {
        if (r[j] != m[j]) {
          ge = r[j] > m[j];
          break;
        }
      }
    }
    if (ge) {
      std::uint64_t borrow = 0;
      for (std::size_t j = 0; j < N; ++j) borrow = sub_borrow(r[j], r[j], m[j], borrow);
    }
  }
  return r;
}

// Params supplies: static constexpr std::size_t kLimbs; static constexpr
// Limbs<kLimbs> kModulus (little-endian limbs). Kernel, when not void,
// supplies faster run-time mul(r, a, b) and sqr(r, a) (e.g. MULX/ADX); the
// portable code below stays the compile-time and reference path.
template <typename Params, typename Kernel = void>
struct MontField {
  static constexpr std::size_t N = Params::kLimbs;
  static constexpr std::size_t kBytes = 8 * N;
  using Fe = Limbs<N>;
  static constexpr Fe kM = Params::kModulus;
  static constexpr std::uint64_t kN0 = mont_n0(kM[0]);
  static constexpr Fe kR2 = pow2_mod<N>(kM, 128 * N);  // R^2 mod m
  static constexpr Fe kOne = pow2_mod<N>(kM, 64 * N);  // R mod m (Montgomery 1)
#if !BARETLS_WIDE64
  // The modulus as 32-bit words and -m^-1 mod 2^32 (the low half of kN0).
  static constexpr std::array<std::uint32_t, 2 * N> kMWords = [] {
    std::array<std::uint32_t, 2 * N> w{};
    for (std::size_t j = 0; j < N; ++j) {
      w[2 * j] = static_cast<std::uint32_t>(kM[j]);
      w[2 * j + 1] = static_cast<std::uint32_t>(kM[j] >> 32);
    }
    return w;
  }();
  static constexpr auto kN0Word = static_cast<std::uint32_t>(kN0);
#endif

  // r = t - m if t (with top carry word `hi`) >= m, else t. Requires t < 2m.
  static constexpr void reduce_once(Fe& r, const Fe& t, std::uint64_t hi) noexcept {
    Fe d{};
    std::uint64_t borrow = 0;
    for (std::size_t j = 0; j < N; ++j) borrow = sub_borrow(d[j], t[j], kM[j], borrow);
    // hi - borrow is 0 (use d) or all ones (t < m: keep t).
    const std::uint64_t keep = hi - borrow;
    for (std::size_t j = 0; j < N; ++j) r[j] = (t[j] & keep) | (d[j] & ~keep);
  }

  // r = a * b / R mod m.
  static constexpr void mul(Fe& r, const Fe& a, const Fe& b) noexcept {
    if constexpr (!std::is_void_v<Kernel>) {
      if (!std::is_constant_evaluated()) {
        Kernel::mul(r, a, b);
        return;
      }
    }
    mul_portable(r, a, b);
  }

  static constexpr void sqr(Fe& r, const Fe& a) noexcept {
    if constexpr (!std::is_void_v<Kernel>) {
      if (!std::is_constant_evaluated()) {
        Kernel::sqr(r, a);
        return;
      }
    }
    mul_portable(r, a, a);
  }

  // CIOS Montgomery multiplication (Koc, Acar, Kaliski 1996): with 64-bit
  // words and 128-bit products, or over the 2N 32-bit halves of the limbs
  // (word 2j is the low half of limb j) with 32x32->64-bit products.
  static constexpr void mul_portable(Fe& r, const Fe& a, const Fe& b) noexcept {
#if BARETLS_WIDE64
    std::uint64_t t[N + 2] = {};
    for (std::size_t i = 0; i < N; ++i) {
      std::uint64_t carry = 0;
      for (std::size_t j = 0; j < N; ++j) {
        const u128 x = static_cast<u128>(a[j]) * b[i] + t[j] + carry;
        t[j] = static_cast<std::uint64_t>(x);
        carry = static_cast<std::uint64_t>(x >> 64);
      }
      u128 x = static_cast<u128>(t[N]) + carry;
      t[N] = static_cast<std::uint64_t>(x);
      t[N + 1] = static_cast<std::uint64_t>(x >> 64);
      const std::uint64_t q = t[0] * kN0;
      x = static_cast<u128>(q) * kM[0] + t[0];
      carry = static_cast<std::uint64_t>(x >> 64);
      for (std::size_t j = 1; j < N; ++j) {
        x = static_cast<u128>(q) * kM[j] + t[j] + carry;
        t[j - 1] = static_cast<std::uint64_t>(x);
        carry = static_cast<std::uint64_t>(x >> 64);
      }
      x = static_cast<u128>(t[N]) + carry;
      t[N - 1] = static_cast<std::uint64_t>(x);
      t[N] = t[N + 1] + static_cast<std::uint64_t>(x >> 64);
    }
    Fe lo{};
    for (std::size_t j = 0; j < N; ++j) lo[j] = t[j];
    reduce_once(r, lo, t[N]);
#else
    constexpr std::size_t W = 2 * N;
    std::uint32_t aw[W] = {}, t[W + 2] = {};
    for (std::size_t j = 0; j < N; ++j) {
      aw[2 * j] = static_cast<std::uint32_t>(a[j]);
      aw[2 * j + 1] = static_cast<std::uint32_t>(a[j] >> 32);
    }
    for (std::size_t i = 0; i < W; ++i) {
      const std::uint64_t bi = static_cast<std::uint32_t>(b[i / 2] >> (32 * (i % 2)));
      mont_step32(t, aw, bi, kMWords.data(), kN0Word, W);
    }
    Fe lo{};
    for (std::size_t j = 0; j < N; ++j) lo[j] = t[2 * j] | (std::uint64_t{t[2 * j + 1]} << 32);
    reduce_once(r, lo, t[W]);
#endif
  }

  static constexpr void add(Fe& r, const Fe& a, const Fe& b) noexcept {
    if constexpr (requires { Kernel::add(r, a, b); }) {
      if (!std::is_constant_evaluated()) {
        Kernel::add(r, a, b);
        return;
      }
    }
    Fe t{};
    std::uint64_t carry = 0;
    for (std::size_t j = 0; j < N; ++j) carry = add_carry(t[j], a[j], b[j], carry);
    reduce_once(r, t, carry);
  }

  static constexpr void sub(Fe& r, const Fe& a, const Fe& b) noexcept {
    if constexpr (requires { Kernel::sub(r, a, b); }) {
      if (!std::is_constant_evaluated()) {
        Kernel::sub(r, a, b);
        return;
      }
    }
    Fe t{};
    std::uint64_t borrow = 0;
    for (std::size_t j = 0; j < N; ++j) borrow = sub_borrow(t[j], a[j], b[j], borrow);
    // Add m back when the subtraction borrowed.
    const std::uint64_t mask = 0 - borrow;
    std::uint64_t carry = 0;
    for (std::size_t j = 0; j < N; ++j) carry = add_carry(r[j], t[j], kM[j] & mask, carry);
  }

  static constexpr void neg(Fe& r, const Fe& a) noexcept { sub(r, Fe{}, a); }

  static constexpr void to_mont(Fe& r, const Fe& a) noexcept { mul(r, a, kR2); }
  static constexpr void from_mont(Fe& r, const Fe& a) noexcept {
    Fe one{};
    one[0] = 1;
    mul(r, a, one);
  }

  // All-ones mask when a == 0 (CT).
  static ct::Mask is_zero(const Fe& a) noexcept {
    std::uint64_t acc = 0;
    for (std::size_t j = 0; j < N; ++j) acc |= a[j];
    return ct::is_zero(acc);
  }
  static ct::Mask equal(const Fe& a, const Fe& b) noexcept {
    std::uint64_t acc = 0;
    for (std::size_t j = 0; j < N; ++j) acc |= a[j] ^ b[j];
    return ct::is_zero(acc);
  }
  // r = m ? a : r (CT).
  static void cmov(Fe& r, const Fe& a, ct::Mask m) noexcept {
    const std::uint64_t w = ct::value_barrier(m.word());
    for (std::size_t j = 0; j < N; ++j) r[j] = (a[j] & w) | (r[j] & ~w);
  }

  // Big-endian bytes (kBytes of them) to plain limbs, and back.
  static void load_be(Fe& r, const std::uint8_t* in) noexcept {
    for (std::size_t j = 0; j < N; ++j) r[j] = load_be64(in + 8 * (N - 1 - j));
  }
  static void store_be(std::uint8_t* out, const Fe& a) noexcept {
    for (std::size_t j = 0; j < N; ++j) store_be64(out + 8 * (N - 1 - j), a[j]);
  }
  // All-ones mask when the plain integer a < m (CT).
  static ct::Mask less_than_modulus(const Fe& a) noexcept {
    std::uint64_t borrow = 0;
    for (std::size_t j = 0; j < N; ++j) {
      std::uint64_t unused = 0;
      borrow = sub_borrow(unused, a[j], kM[j], borrow);
    }
    return ct::Mask::from_bit(borrow);
  }
  // Plain integer a < 2^(64N) reduced modulo m once (valid when a < 2m).
  static void reduce_plain_once(Fe& r, const Fe& a) noexcept { reduce_once(r, a, 0); }

  // r = a^e for a public exponent e (little-endian limbs) with a fixed 4-bit
  // window: the sequence of operations depends only on e. CT in a.
  static void pow_public(Fe& r, const Fe& a, const Fe& e) noexcept {
    Fe table[16];
    table[0] = kOne;
    table[1] = a;
    for (std::size_t i = 2; i < 16; ++i) mul(table[i], table[i - 1], a);
    Fe acc = kOne;
    bool started = false;  // not secret: depends on e only
    for (std::size_t w = 16 * N; w-- > 0;) {
      const auto digit = static_cast<std::size_t>((e[w / 16] >> (4 * (w % 16))) & 15);
      if (started) {
        for (int s = 0; s < 4; ++s) sqr(acc, acc);
      }
      if (digit != 0) {
        if (started) {
          mul(acc, acc, table[digit]);
        } else {
          acc = table[digit];
          started = true;
        }
      }
    }
    r = acc;
    secure_fill(acc);
    for (auto& t : table) secure_fill(t);
  }

  // r = a^-1 (0 maps to 0) by Fermat: a^(m-2), through the modulus's own
  // addition chain when Params has one.
  static void invert(Fe& r, const Fe& a) noexcept {
    if constexpr (requires { Params::template invert<MontField>(r, a); }) {
      Params::template invert<MontField>(r, a);
      return;
    }
    Fe e = kM;
    e[0] -= 2;  // m is odd and > 2, so no borrow
    pow_public(r, a, e);
  }

  // r = a^(2^k) (k squarings).
  static void sqr_n(Fe& r, const Fe& a, int k) noexcept {
    r = a;
    for (int i = 0; i < k; ++i) sqr(r, r);
  }

  // r = a^-1 mod m for a public a (plain, not Montgomery form) by the binary
  // extended Euclidean algorithm; 0 maps to 0. CT: none (public input only).
  static void invert_plain_vartime(Fe& r, const Fe& a) noexcept {
    Fe u = a, v = kM, x1{}, x2{};
    x1[0] = 1;
    if (is_zero(u).to_bool()) {
      r = Fe{};
      return;
    }
    auto is_one = [](const Fe& w) {
      std::uint64_t acc = w[0] ^ 1;
      for (std::size_t j = 1; j < N; ++j) acc |= w[j];
      return acc == 0;
    };
    auto halve = [](Fe& w, Fe& x) {  // w /= 2; x = x / 2 mod m
      for (std::size_t j = 0; j + 1 < N; ++j) w[j] = (w[j] >> 1) | (w[j + 1] << 63);
      w[N - 1] >>= 1;
      std::uint64_t carry = 0;
      if ((x[0] & 1) != 0) {
        for (std::size_t j = 0; j < N; ++j) carry = add_carry(x[j], x[j], kM[j], carry);
      }
      for (std::size_t j = 0; j + 1 < N; ++j) x[j] = (x[j] >> 1) | (x[j + 1] << 63);
      x[N - 1] = (x[N - 1] >> 1) | (carry << 63);
    };
    auto geq = [](const Fe& p, const Fe& q) {
      for (std::size_t j = N; j-- > 0;) {
        if (p[j] != q[j]) return p[j] > q[j];
      }
      return true;
    };
    auto sub_plain = [](Fe& p, const Fe& q) {
      std::uint64_t borrow = 0;
      for (std::size_t j = 0; j < N; ++j) borrow = sub_borrow(p[j], p[j], q[j], borrow);
    };
    while (!is_one(u) && !is_one(v)) {
      while ((u[0] & 1) == 0) halve(u, x1);
      while ((v[0] & 1) == 0) halve(v, x2);
      if (geq(u, v)) {
        sub_plain(u, v);
        sub(x1, x1, x2);
      } else {
        sub_plain(v, u);
        sub(x2, x2, x1);
      }
    }
    r = is_one(u) ? x1 : x2;
  }

  static void secure_fill(Fe& a) noexcept {
    volatile std::uint64_t* p = a.data();
    for (std::size_t j = 0; j < N; ++j) p[j] = 0;
  }
};

}  // namespace baretls::crypto::detail

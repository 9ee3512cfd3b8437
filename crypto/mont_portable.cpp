// SPDX-License-Identifier: MIT
// Portable Montgomery kernels: a full product (schoolbook, or squaring with
// each cross product computed once and doubled) followed by word-by-word
// Montgomery reduction (REDC), with 64x64->128-bit products. Common RSA
// sizes get compile-time limb counts so the loops unroll.
#include <array>

#include "baretls/crypto/secret.h"
#include "crypto/wide.h"
#include "crypto/mont_impl.h"

namespace baretls::crypto::detail {
namespace {



// t[0..2n) = a * b.
template <std::size_t N>
inline void mul_full(Limb* t, const Limb* a, const Limb* b, std::size_t n) noexcept {
  if constexpr (N != 0) n = N;
  for (std::size_t i = 0; i < n; ++i) t[i] = 0;
  for (std::size_t i = 0; i < n; ++i) {
    Limb c = 0;
    const Limb bi = b[i];
    for (std::size_t j = 0; j < n; ++j) {
      const u128 p = u128{a[j]} * bi + t[i + j] + c;
      t[i + j] = static_cast<Limb>(p);
      c = static_cast<Limb>(p >> 64);
    }
    t[i + n] = c;
  }
}

// t[0..2n) = a^2: cross products a[i]*a[j] (i < j) once, doubled, plus the
// squares on the diagonal.
template <std::size_t N>
inline void sqr_full(Limb* t, const Limb* a, std::size_t n) noexcept {
  if constexpr (N != 0) n = N;
  for (std::size_t i = 0; i < 2 * n; ++i) t[i] = 0;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    Limb c = 0;
    const Limb ai = a[i];
    for (std::size_t j = i + 1; j < n; ++j) {
      const u128 p = u128{a[j]} * ai + t[i + j] + c;
      t[i + j] = static_cast<Limb>(p);
      c = static_cast<Limb>(p >> 64);
    }
    t[i + n] = c;
  }
  Limb top = 0;  // bit shifted out while doubling
  for (std::size_t i = 0; i < 2 * n; ++i) {
    const Limb x = t[i];
    t[i] = (x << 1) | top;
    top = x >> 63;
  }
  Limb c = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const u128 sq = u128{a[i]} * a[i];
    u128 s = u128{t[2 * i]} + static_cast<Limb>(sq) + c;
    t[2 * i] = static_cast<Limb>(s);
    s = u128{t[2 * i + 1]} + static_cast<Limb>(sq >> 64) + static_cast<Limb>(s >> 64);
    t[2 * i + 1] = static_cast<Limb>(s);
    c = static_cast<Limb>(s >> 64);
  }
}

// r = t / R mod m for t < m*R (t has 2n limbs and is destroyed).
template <std::size_t N>
inline void redc(Limb* r, Limb* t, const Limb* m, Limb m0inv, std::size_t n) noexcept {
  if constexpr (N != 0) n = N;
  Limb hi = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const Limb u = t[i] * m0inv;  // makes t[i] + u*m[0] divisible by 2^64
    Limb c = 0;
    for (std::size_t j = 0; j < n; ++j) {
      const u128 p = u128{u} * m[j] + t[i + j] + c;
      t[i + j] = static_cast<Limb>(p);
      c = static_cast<Limb>(p >> 64);
    }
    const u128 s = u128{t[i + n]} + c + hi;
    t[i + n] = static_cast<Limb>(s);
    hi = static_cast<Limb>(s >> 64);
  }
  mont_final_sub(r, t + n, hi, m, n);
}

template <std::size_t N>
void mont_mul_n(Limb* r, const Limb* a, const Limb* b, const Limb* m, Limb m0inv, std::size_t n) noexcept {
  std::array<Limb, 2 * (N != 0 ? N : kMaxLimbs)> t;
  mul_full<N>(t.data(), a, b, n);
  redc<N>(r, t.data(), m, m0inv, n);
  secure_wipe(t.data(), sizeof t);
}

template <std::size_t N>
void mont_sqr_n(Limb* r, const Limb* a, const Limb* m, Limb m0inv, std::size_t n) noexcept {
  std::array<Limb, 2 * (N != 0 ? N : kMaxLimbs)> t;
  sqr_full<N>(t.data(), a, n);
  redc<N>(r, t.data(), m, m0inv, n);
  secure_wipe(t.data(), sizeof t);
}

void mont_mul_portable(Limb* r, const Limb* a, const Limb* b, const Limb* m, Limb m0inv, std::size_t n) noexcept {
  switch (n) {  // public: the modulus size
    case 16: return mont_mul_n<16>(r, a, b, m, m0inv, n);
    case 24: return mont_mul_n<24>(r, a, b, m, m0inv, n);
    case 32: return mont_mul_n<32>(r, a, b, m, m0inv, n);
    case 48: return mont_mul_n<48>(r, a, b, m, m0inv, n);
    case 64: return mont_mul_n<64>(r, a, b, m, m0inv, n);
    default: return mont_mul_n<0>(r, a, b, m, m0inv, n);
  }
}

void mont_sqr_portable(Limb* r, const Limb* a, const Limb* m, Limb m0inv, std::size_t n) noexcept {
  switch (n) {
    case 16: return mont_sqr_n<16>(r, a, m, m0inv, n);
    case 24: return mont_sqr_n<24>(r, a, m, m0inv, n);
    case 32: return mont_sqr_n<32>(r, a, m, m0inv, n);
    case 48: return mont_sqr_n<48>(r, a, m, m0inv, n);
    case 64: return mont_sqr_n<64>(r, a, m, m0inv, n);
    default: return mont_sqr_n<0>(r, a, m, m0inv, n);
  }
}

void mont_redc_portable(Limb* r, Limb* t, const Limb* m, Limb m0inv, std::size_t n) noexcept {
  redc<0>(r, t, m, m0inv, n);
}

}  // namespace

void mont_final_sub(Limb* r, const Limb* t, Limb hi, const Limb* m, std::size_t n) noexcept {
  std::array<Limb, kMaxLimbs> d;
  Limb borrow = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const u128 x = u128{t[i]} - m[i] - borrow;
    d[i] = static_cast<Limb>(x);
    borrow = static_cast<Limb>(x >> 64) & 1;
  }
  // Take t - m when the value had a 65th bit or did not borrow.
  const Limb take = ct::value_barrier(Limb{0} - (hi | (borrow ^ 1)));
  for (std::size_t i = 0; i < n; ++i) r[i] = (d[i] & take) | (t[i] & ~take);
}

const MontKernel kMontPortable = {mont_mul_portable, mont_sqr_portable, mont_redc_portable, nullptr, nullptr, "portable"};

}  // namespace baretls::crypto::detail

// SPDX-License-Identifier: MIT
// Portable Montgomery kernels. With a 128-bit integer (crypto/wide.h): a
// full product (schoolbook, or squaring with each cross product computed
// once and doubled) followed by word-by-word Montgomery reduction (REDC),
// with 64x64->128-bit products. Without one: CIOS over the limbs' 32-bit
// halves with 32x32->64-bit products (same R = 2^(64n)). Common RSA sizes
// get compile-time limb counts so the loops unroll.
#include <array>

#include "baretls/crypto/secret.h"
#include "crypto/mont_impl.h"
#include "crypto/wide.h"

namespace baretls::crypto::detail {
namespace {

#if BARETLS_WIDE64

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

#else  // 32-bit words: word 2i is the low half of limb i, word 2i+1 the high half.

inline void to_words(std::uint32_t* w, const Limb* a, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    w[2 * i] = static_cast<std::uint32_t>(a[i]);
    w[2 * i + 1] = static_cast<std::uint32_t>(a[i] >> 32);
  }
}

inline void to_limbs(Limb* a, const std::uint32_t* w, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) a[i] = w[2 * i] | (Limb{w[2 * i + 1]} << 32);
}

// r = a*b/R mod m by CIOS over w = 2n words (mont_step32 in wide.h, once
// per word of b); t stays below 2m.
template <std::size_t N>
void mont_mul_n(Limb* r, const Limb* a, const Limb* b, const Limb* m, Limb m0inv, std::size_t n) noexcept {
  if constexpr (N != 0) n = N;
  constexpr std::size_t kWords = 2 * (N != 0 ? N : kMaxLimbs);
  const std::size_t w = 2 * n;
  std::array<std::uint32_t, kWords> aw, bw, mw;
  std::array<std::uint32_t, kWords + 2> t{};
  to_words(aw.data(), a, n);
  to_words(bw.data(), b, n);
  to_words(mw.data(), m, n);
  const auto n0 = static_cast<std::uint32_t>(m0inv);  // -m^-1 mod 2^32
  for (std::size_t i = 0; i < w; ++i) mont_step32(t.data(), aw.data(), bw[i], mw.data(), n0, w);
  std::array<Limb, N != 0 ? N : kMaxLimbs> out;
  to_limbs(out.data(), t.data(), n);
  mont_final_sub(r, out.data(), t[w], m, n);
  secure_wipe(aw.data(), sizeof aw);
  secure_wipe(bw.data(), sizeof bw);
  secure_wipe(t.data(), sizeof t);
  secure_wipe(out.data(), sizeof out);
}

template <std::size_t N>
void mont_sqr_n(Limb* r, const Limb* a, const Limb* m, Limb m0inv, std::size_t n) noexcept {
  mont_mul_n<N>(r, a, a, m, m0inv, n);
}

// r = t / R mod m for t < m*R (t has 2n limbs and is destroyed): REDC word
// by word, as in mont_mul_n without the products.
template <std::size_t N>
inline void redc(Limb* r, Limb* t, const Limb* m, Limb m0inv, std::size_t n) noexcept {
  if constexpr (N != 0) n = N;
  constexpr std::size_t kWords = 2 * (N != 0 ? N : kMaxLimbs);
  const std::size_t w = 2 * n;
  std::array<std::uint32_t, 2 * kWords> tw;
  std::array<std::uint32_t, kWords> mw;
  to_words(tw.data(), t, 2 * n);
  to_words(mw.data(), m, n);
  const auto n0 = static_cast<std::uint32_t>(m0inv);
  std::uint32_t hi = 0;
  for (std::size_t i = 0; i < w; ++i) {
    const std::uint64_t u = static_cast<std::uint32_t>(tw[i] * n0);
    std::uint64_t c = 0;
    for (std::size_t j = 0; j < w; ++j) {
      const std::uint64_t p = u * mw[j] + tw[i + j] + c;
      tw[i + j] = static_cast<std::uint32_t>(p);
      c = p >> 32;
    }
    const std::uint64_t s = tw[i + w] + c + hi;
    tw[i + w] = static_cast<std::uint32_t>(s);
    hi = static_cast<std::uint32_t>(s >> 32);
  }
  to_limbs(t + n, tw.data() + w, n);
  mont_final_sub(r, t + n, hi, m, n);
  secure_wipe(tw.data(), sizeof tw);
}

#endif  // BARETLS_WIDE64

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
  for (std::size_t i = 0; i < n; ++i) borrow = sub_borrow(d[i], t[i], m[i], borrow);
  // Take t - m when the value had a 65th bit or did not borrow.
  const Limb take = ct::value_barrier(Limb{0} - (hi | (borrow ^ 1)));
  for (std::size_t i = 0; i < n; ++i) r[i] = (d[i] & take) | (t[i] & ~take);
}

const MontKernel kMontPortable = {mont_mul_portable, mont_sqr_portable, mont_redc_portable, nullptr, nullptr, "portable"};

}  // namespace baretls::crypto::detail

// SPDX-License-Identifier: MIT
// Portable constant-time GHASH (SP 800-38D §6.4). Carry-less products come
// from ordinary integer multiplies with "holes": each operand is split into
// words holding every k-th bit, so that no sum of bit products in a k-bit
// field carries into the next field's bit. With a 128-bit integer
// (crypto/wide.h): five classes of 64-bit words, 25 multiplies of
// 64 x 64 -> 128 bits per carry-less 64 x 64 product. Without one: four
// classes of 32-bit words, 16 multiplies of 32 x 32 -> 64 bits per
// carry-less 32 x 32 product and Karatsuba for 64 x 64. Karatsuba again
// makes a 128 x 128 product from three 64 x 64 ones. No secret-indexed
// table. Four blocks are aggregated per reduction with H'^4..H'^1.
#include "baretls/crypto/secret.h"
#include "crypto/bytes.h"
#include "crypto/gcm_impl.h"
#include "crypto/wide.h"

namespace baretls::crypto::detail {
namespace {

#if BARETLS_WIDE64

using U128 = u128;
inline std::uint64_t lo64(U128 x) noexcept { return static_cast<std::uint64_t>(x); }
inline std::uint64_t hi64(U128 x) noexcept { return static_cast<std::uint64_t>(x >> 64); }

constexpr std::uint64_t class_mask(unsigned c) {
  std::uint64_t m = 0;
  for (unsigned p = c; p < 64; p += 5) m |= std::uint64_t{1} << p;
  return m;
}
constexpr std::uint64_t kClass[5] = {class_mask(0), class_mask(1), class_mask(2), class_mask(3), class_mask(4)};
// Bit p of a 128-bit product with p = c (mod 5): low word class c, high word
// class c + 1 (since 64 = 4 mod 5).
constexpr U128 class_mask128(unsigned c) {
  return (U128{class_mask((c + 1) % 5)} << 64) | class_mask(c);
}
constexpr U128 kClass128[5] = {class_mask128(0), class_mask128(1), class_mask128(2), class_mask128(3),
                               class_mask128(4)};

// Table words per 64-bit operand of H'^k: its five masked parts.
constexpr std::size_t kOperandWords = 5;

inline void store_operand(std::uint64_t* slot, std::uint64_t y) noexcept {
  for (unsigned c = 0; c < 5; ++c) slot[c] = y & kClass[c];
}

// Carry-less 64 x 64 -> 128 product of x and y (y given split).
// CT: fixed sequence of multiplies, masks and XORs.
inline U128 clmul64(std::uint64_t x, const std::uint64_t* y) noexcept {
  std::uint64_t xs[5];
  store_operand(xs, x);
  U128 r = 0;
  for (unsigned c = 0; c < 5; ++c) {
    U128 s = 0;
    for (unsigned a = 0; a < 5; ++a) s ^= U128{xs[a]} * y[(c + 5 - a) % 5];
    r |= s & kClass128[c];
  }
  return r;
}

#else  // 32-bit words, four bit classes

struct U128 {
  std::uint64_t lo = 0, hi = 0;
  U128& operator^=(const U128& o) noexcept {
    lo ^= o.lo;
    hi ^= o.hi;
    return *this;
  }
  friend U128 operator^(U128 a, const U128& b) noexcept { return a ^= b; }
};
inline std::uint64_t lo64(const U128& x) noexcept { return x.lo; }
inline std::uint64_t hi64(const U128& x) noexcept { return x.hi; }

constexpr std::uint32_t kClass32[4] = {0x11111111, 0x22222222, 0x44444444, 0x88888888};
constexpr std::uint64_t kClass64[4] = {0x1111111111111111, 0x2222222222222222, 0x4444444444444444,
                                       0x8888888888888888};

// Table words per 64-bit operand of H'^k: the operand itself.
constexpr std::size_t kOperandWords = 1;

inline void store_operand(std::uint64_t* slot, std::uint64_t y) noexcept { slot[0] = y; }

// Carry-less 32 x 32 -> 64 product: a product of two class words adds at
// most eight bit products into each 4-bit field (below 16: no carry leaves
// the field); the low bit of each field is their XOR.
// CT: fixed sequence of 32 x 32 -> 64-bit multiplies, masks and XORs.
inline std::uint64_t clmul32(std::uint32_t x, std::uint32_t y) noexcept {
  std::uint64_t xs[4], ys[4];
  for (unsigned c = 0; c < 4; ++c) {
    xs[c] = x & kClass32[c];
    ys[c] = y & kClass32[c];
  }
  std::uint64_t r = 0;
  for (unsigned c = 0; c < 4; ++c) {
    std::uint64_t s = 0;
    for (unsigned a = 0; a < 4; ++a) s ^= xs[a] * ys[(c + 4 - a) % 4];
    r |= s & kClass64[c];
  }
  return r;
}

// Carry-less 64 x 64 -> 128 product by Karatsuba over 32-bit halves.
inline U128 clmul64(std::uint64_t x, const std::uint64_t* y) noexcept {
  const auto x0 = static_cast<std::uint32_t>(x), x1 = static_cast<std::uint32_t>(x >> 32);
  const auto y0 = static_cast<std::uint32_t>(*y), y1 = static_cast<std::uint32_t>(*y >> 32);
  const std::uint64_t lo = clmul32(x0, y0), hi = clmul32(x1, y1);
  const std::uint64_t mid = clmul32(x0 ^ x1, y0 ^ y1) ^ lo ^ hi;
  return U128{lo ^ (mid << 32), hi ^ (mid >> 32)};
}

#endif  // BARETLS_WIDE64

// Per power of H': the table words of hi, lo and hi ^ lo.
constexpr std::size_t kPowerWords = 3 * kOperandWords;
constexpr std::size_t kPowers = 4;

struct Wide {  // unreduced Karatsuba terms of a 128 x 128 product
  U128 lo{}, hi{}, mid{};
};

inline void mul_acc(Wide& w, std::uint64_t a_hi, std::uint64_t a_lo, const std::uint64_t* power) noexcept {
  w.hi ^= clmul64(a_hi, power);
  w.lo ^= clmul64(a_lo, power + kOperandWords);
  w.mid ^= clmul64(a_hi ^ a_lo, power + 2 * kOperandWords);
}

// Karatsuba recombination, then reduction modulo x^128 + x^7 + x^2 + x + 1.
// The 256-bit product (z3:z2:z1:z0) holds x^0..x^63 in z3 ... x^192..x^255 in
// z0 (reflected). Folding a word w of degree >= 128 down by x^128 = 1 + x +
// x^2 + x^7 XORs w, w >> 1, w >> 2, w >> 7 two words up and the bits that
// fall off (w << 63, 62, 57) one word up.
inline void reduce(const Wide& w, std::uint64_t acc[2]) noexcept {
  const U128 mid = w.mid ^ w.lo ^ w.hi;
  std::uint64_t z0 = lo64(w.lo);
  std::uint64_t z1 = hi64(w.lo) ^ lo64(mid);
  std::uint64_t z2 = lo64(w.hi) ^ hi64(mid);
  std::uint64_t z3 = hi64(w.hi);
  z1 ^= (z0 << 63) ^ (z0 << 62) ^ (z0 << 57);
  z2 ^= z0 ^ (z0 >> 1) ^ (z0 >> 2) ^ (z0 >> 7);
  z2 ^= (z1 << 63) ^ (z1 << 62) ^ (z1 << 57);
  z3 ^= z1 ^ (z1 >> 1) ^ (z1 >> 2) ^ (z1 >> 7);
  acc[0] = z3;
  acc[1] = z2;
}

void store_power(std::uint64_t* slot, std::uint64_t hi, std::uint64_t lo) noexcept {
  store_operand(slot, hi);
  store_operand(slot + kOperandWords, lo);
  store_operand(slot + 2 * kOperandWords, hi ^ lo);
}

}  // namespace

// Table: slot k (0..3) holds H'^(k+1); each power p satisfies
// mul(a, H'^p) = a * H^p because the layout absorbs one factor x.
void ghash_prepare_portable(std::uint64_t* table, std::uint64_t h_hi, std::uint64_t h_lo) noexcept {
  ghash_prime(h_hi, h_lo);
  std::uint64_t p[2] = {h_hi, h_lo};
  store_power(table, h_hi, h_lo);
  for (std::size_t k = 1; k < kPowers; ++k) {
    Wide w;
    mul_acc(w, p[0], p[1], table);  // H'^k * H' read in our layout = H'^(k+1)
    reduce(w, p);
    store_power(table + kPowerWords * k, p[0], p[1]);
  }
  secure_wipe(p, sizeof p);
}

// CT: time depends only on n.
void ghash_blocks_portable(const std::uint64_t* table, std::uint64_t acc[2], const std::uint8_t* data,
                           std::size_t n) noexcept {
  // SP 800-38D §6.4: Y_i = (Y_{i-1} xor X_i) * H; four at a time as
  // (Y xor X1) H^4 + X2 H^3 + X3 H^2 + X4 H.
  for (; n >= kPowers; n -= kPowers, data += 16 * kPowers) {
    Wide w;
    for (std::size_t i = 0; i < kPowers; ++i) {
      std::uint64_t hi = load_be64(data + 16 * i), lo = load_be64(data + 16 * i + 8);
      if (i == 0) {
        hi ^= acc[0];
        lo ^= acc[1];
      }
      mul_acc(w, hi, lo, table + kPowerWords * (kPowers - 1 - i));
    }
    reduce(w, acc);
  }
  for (; n > 0; --n, data += 16) {
    Wide w;
    mul_acc(w, acc[0] ^ load_be64(data), acc[1] ^ load_be64(data + 8), table);
    reduce(w, acc);
  }
}

}  // namespace baretls::crypto::detail

// SPDX-License-Identifier: MIT
// Fixed-capacity big-integer helpers (see bigint.h): byte conversion, limb
// add/sub/compare with masks, schoolbook multiplication (crypto/wide.h:
// 128-bit products, or 32 x 32 -> 64-bit ones without a 128-bit integer),
// and a variable-time modular inverse for public/blinded values.
#include "baretls/crypto/bigint.h"

#include <array>
#include <bit>
#include <algorithm>
#include <utility>

#include "baretls/crypto/secret.h"
#include "crypto/wide.h"

namespace baretls::crypto::bigint {

bool from_bytes_be(std::span<Limb> out, std::span<const std::uint8_t> in) noexcept {
  set_zero(out);
  const std::size_t cap = out.size() * 8;
  Limb overflow = 0;
  // Byte i from the end lands in limb i / 8 at bit 8 * (i % 8).
  for (std::size_t i = 0; i < in.size(); ++i) {
    const Limb b = in[in.size() - 1 - i];
    if (i < cap) {  // public: depends on sizes only
      out[i / 8] |= b << (8 * (i % 8));
    } else {
      overflow |= b;
    }
  }
  return !ct::is_nonzero(overflow).to_bool();
}

void to_bytes_be(std::span<std::uint8_t> out, std::span<const Limb> a) noexcept {
  const std::size_t cap = a.size() * 8;
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[out.size() - 1 - i] = i < cap ? static_cast<std::uint8_t>(a[i / 8] >> (8 * (i % 8))) : std::uint8_t{0};
  }
}

void set_zero(std::span<Limb> r) noexcept {
  for (auto& x : r) x = 0;
}

void copy(std::span<Limb> r, std::span<const Limb> a) noexcept {
  for (std::size_t i = 0; i < r.size(); ++i) r[i] = i < a.size() ? a[i] : 0;
}

Limb add(std::span<Limb> r, std::span<const Limb> a, std::span<const Limb> b) noexcept {
  Limb carry = 0;
  for (std::size_t i = 0; i < r.size(); ++i) carry = detail::add_carry(r[i], a[i], b[i], carry);
  return carry;
}

Limb sub(std::span<Limb> r, std::span<const Limb> a, std::span<const Limb> b) noexcept {
  Limb borrow = 0;
  for (std::size_t i = 0; i < r.size(); ++i) borrow = detail::sub_borrow(r[i], a[i], b[i], borrow);
  return borrow;
}

ct::Mask less_than(std::span<const Limb> a, std::span<const Limb> b) noexcept {
  Limb borrow = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    Limb unused;
    borrow = detail::sub_borrow(unused, a[i], b[i], borrow);
  }
  return ct::Mask::from_bit(borrow);
}

ct::Mask equal(std::span<const Limb> a, std::span<const Limb> b) noexcept {
  Limb diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= a[i] ^ b[i];
  return ct::is_zero(diff);
}

ct::Mask is_zero(std::span<const Limb> a) noexcept {
  Limb acc = 0;
  for (auto x : a) acc |= x;
  return ct::is_zero(acc);
}

void cond_copy(ct::Mask m, std::span<Limb> r, std::span<const Limb> a) noexcept {
  const Limb w = ct::value_barrier(m.word());
  for (std::size_t i = 0; i < r.size(); ++i) r[i] = (a[i] & w) | (r[i] & ~w);
}

void mul(std::span<Limb> r, std::span<const Limb> a, std::span<const Limb> b) noexcept {
  set_zero(r.first(a.size()));
  for (std::size_t i = 0; i < b.size(); ++i) {
    Limb c = 0;
    for (std::size_t j = 0; j < a.size(); ++j) c = detail::mul_add(r[i + j], a[j], b[i], r[i + j], c);
    r[i + a.size()] = c;
  }
}

void mod_add(std::span<Limb> r, std::span<const Limb> a, std::span<const Limb> b, std::span<const Limb> m) noexcept {
  std::array<Limb, kMaxLimbs> t{};
  const auto ts = std::span<Limb>(t).first(r.size());
  const Limb carry = add(r, a, b);
  const Limb borrow = sub(ts, r, m);
  // Keep r - m when the sum overflowed or r >= m.
  cond_copy(ct::Mask::from_bit(carry | (borrow ^ 1)), r, ts);
  secure_wipe(ts.data(), ts.size_bytes());
}

void mod_sub(std::span<Limb> r, std::span<const Limb> a, std::span<const Limb> b, std::span<const Limb> m) noexcept {
  std::array<Limb, kMaxLimbs> t{};
  const auto ts = std::span<Limb>(t).first(r.size());
  const Limb borrow = sub(r, a, b);
  (void)add(ts, r, m);
  cond_copy(ct::Mask::from_bit(borrow), r, ts);
  secure_wipe(ts.data(), ts.size_bytes());
}

std::size_t bit_length_vartime(std::span<const Limb> a) noexcept {
  for (std::size_t i = a.size(); i > 0; --i) {
    if (a[i - 1] != 0) return 64 * (i - 1) + static_cast<std::size_t>(std::bit_width(a[i - 1]));
  }
  return 0;
}

bool is_odd_vartime(std::span<const Limb> a) noexcept { return !a.empty() && (a[0] & 1) != 0; }

namespace {

// Variable-time helpers for the inverse (public or blinded values only).
// `len` counts the limbs in use.

void trim_vartime(const Limb* a, std::size_t& len) noexcept {
  while (len > 0 && a[len - 1] == 0) --len;
}

// a -= b over len limbs (b has at most len limbs in use, zeros above).
Limb sub_vartime(Limb* a, const Limb* b, std::size_t len) noexcept {
  Limb borrow = 0;
  for (std::size_t i = 0; i < len; ++i) borrow = detail::sub_borrow(a[i], a[i], b[i], borrow);
  return borrow;
}

Limb add_vartime(Limb* a, const Limb* b, std::size_t len) noexcept {
  Limb carry = 0;
  for (std::size_t i = 0; i < len; ++i) carry = detail::add_carry(a[i], a[i], b[i], carry);
  return carry;
}

// a >= b for active lengths la, lb.
bool geq_vartime(const Limb* a, std::size_t la, const Limb* b, std::size_t lb) noexcept {
  if (la != lb) return la > lb;
  for (std::size_t i = la; i > 0; --i) {
    if (a[i - 1] != b[i - 1]) return a[i - 1] > b[i - 1];
  }
  return true;
}

}  // namespace

namespace {

constexpr unsigned kBatch = 31;  // inner steps per outer step (Pornin 2020)

// A signed 128-bit column sum for the linear combinations below: products
// of a limb and a factor |f| < 2^32, plus the carry of the column before.
// Variable time (a branch on the public sign of f without __int128).
class SignedColumn {
 public:
  void add_product(Limb x, std::int64_t f) noexcept {
#if BARETLS_WIDE64
    v_ += static_cast<i128>(x) * f;
#else
    // x * f = x * (f + 2^64) - x * 2^64 when f < 0 (two's complement).
    Limb lo;
    Limb hi = detail::mul_add(lo, x, static_cast<Limb>(f), 0, 0);
    if (f < 0) hi -= x;
    hi_ += hi + detail::add_carry(lo_, lo_, lo, 0);
#endif
  }
  // Returns the low 64 bits and keeps the rest: the sum shifted right by 64
  // (arithmetic: the sign stays).
  Limb take_low() noexcept {
#if BARETLS_WIDE64
    const auto low = static_cast<Limb>(v_);
    v_ >>= 64;
    return low;
#else
    const Limb low = lo_;
    lo_ = hi_;
    hi_ = Limb{0} - (hi_ >> 63);
    return low;
#endif
  }

 private:
#if BARETLS_WIDE64
  __extension__ typedef __int128 i128;
  i128 v_ = 0;
#else
  Limb lo_ = 0, hi_ = 0;
#endif
};

// out[0..n] = (a*f + b*g) as an (n+1)-limb two's complement number.
void lin_comb_vartime(Limb* out, const Limb* a, const Limb* b, std::int64_t f, std::int64_t g,
                      std::size_t n) noexcept {
  SignedColumn col;
  for (std::size_t i = 0; i < n; ++i) {
    col.add_product(a[i], f);
    col.add_product(b[i], g);
    out[i] = col.take_low();
  }
  out[n] = col.take_low();
}

bool is_negative(const Limb* x, std::size_t n) noexcept { return (x[n] >> 63) != 0; }

void negate_vartime(Limb* x, std::size_t len) noexcept {
  Limb carry = 1;
  for (std::size_t i = 0; i < len; ++i) carry = detail::add_carry(x[i], ~x[i], 0, carry);
}

// x (n+1 limbs, two's complement) >>= k, arithmetic.
void shift_right_signed(Limb* x, std::size_t n, unsigned k) noexcept {
  for (std::size_t i = 0; i < n; ++i) x[i] = (x[i] >> k) | (x[i + 1] << (64 - k));
  x[n] = static_cast<Limb>(static_cast<std::int64_t>(x[n]) >> k);
}

// Bits [pos, pos + 33) of a (n limbs), pos public.
Limb top_bits(const Limb* a, std::size_t n, std::size_t pos) noexcept {
  const std::size_t li = pos / 64;
  const unsigned off = static_cast<unsigned>(pos % 64);
  Limb v = li < n ? a[li] >> off : 0;
  if (off > 0 && li + 1 < n) v |= a[li + 1] << (64 - off);
  return v & ((Limb{1} << 33) - 1);
}

// (u*f + v*g) / 2^kBatch mod m, into out (n limbs, reduced), for u, v < m:
// one pass computes u*f + v*g + q*m with q = -(u*f + v*g)/m mod 2^kBatch
// (so the sum is divisible by 2^kBatch), then shift and bring into [0, m).
void update_cofactor(Limb* out, const Limb* u, const Limb* v, std::int64_t f, std::int64_t g, const Limb* m,
                     Limb m0inv, std::size_t n) noexcept {
  const Limb low = u[0] * static_cast<Limb>(f) + v[0] * static_cast<Limb>(g);
  const auto q = static_cast<std::int64_t>((low * m0inv) & ((Limb{1} << kBatch) - 1));
  std::array<Limb, kMaxLimbs + 1> t;
  SignedColumn col;
  for (std::size_t i = 0; i < n; ++i) {
    col.add_product(u[i], f);
    col.add_product(v[i], g);
    col.add_product(m[i], q);
    t[i] = col.take_low();
  }
  t[n] = col.take_low();
  shift_right_signed(t.data(), n, kBatch);
  // Now -2m < t < 3m: bring it into [0, m).
  std::array<Limb, kMaxLimbs + 1> mm{};
  for (std::size_t i = 0; i < n; ++i) mm[i] = m[i];
  while (is_negative(t.data(), n)) (void)add_vartime(t.data(), mm.data(), n + 1);
  while (geq_vartime(t.data(), n + 1, mm.data(), n + 1)) (void)sub_vartime(t.data(), mm.data(), n + 1);
  for (std::size_t i = 0; i < n; ++i) out[i] = t[i];
}

}  // namespace

bool mod_inverse_vartime(std::span<Limb> r, std::span<const Limb> a, std::span<const Limb> m) noexcept {
  const std::size_t n = m.size();
  if (n == 0 || n > kMaxLimbs || a.size() != n || r.size() != n || !is_odd_vartime(m)) return false;
  if (!less_than(a, m).to_bool()) return false;
  Limb inv = m[0];
  for (int i = 0; i < 5; ++i) inv *= 2 - m[0] * inv;
  const Limb m0inv = Limb{0} - inv;
  // Binary GCD with batched updates (T. Pornin, "Optimized Binary GCD for
  // Modular Inversion", 2020, Algorithm 2): 31 steps run on 64-bit
  // approximations of a and b (top 33 bits and low 31 bits), then the
  // resulting factors are applied to the full values. Invariants:
  // a = u*y and b = v*y (mod m), b odd. Variable time: the inputs are public
  // or blinded.
  std::array<Limb, kMaxLimbs + 1> av{}, bv{}, ta{}, tb{};
  std::array<Limb, kMaxLimbs> u{}, v{}, tu{};
  for (std::size_t i = 0; i < n; ++i) {
    av[i] = a[i];
    bv[i] = m[i];
  }
  u[0] = 1;
  const std::size_t total = 2 * bit_length_vartime(m) + kBatch;
  for (std::size_t done = 0; done < total; done += kBatch) {
    std::size_t la = n, lb = n;
    trim_vartime(av.data(), la);
    if (la == 0) break;  // a = 0: b holds gcd(y, m)
    trim_vartime(bv.data(), lb);
    const std::size_t len = std::max(bit_length_vartime(std::span<const Limb>(av).first(n)),
                                     bit_length_vartime(std::span<const Limb>(bv).first(n)));
    Limb xa = av[0], xb = bv[0];
    if (len > 64) {
      const Limb low = (Limb{1} << kBatch) - 1;
      xa = (top_bits(av.data(), n, len - 33) << kBatch) | (av[0] & low);
      xb = (top_bits(bv.data(), n, len - 33) << kBatch) | (bv[0] & low);
    }
    std::int64_t f0 = 1, g0 = 0, f1 = 0, g1 = 1;
    for (unsigned j = 0; j < kBatch; ++j) {
      if (xa & 1) {
        if (xa < xb) {
          std::swap(xa, xb);
          std::swap(f0, f1);
          std::swap(g0, g1);
        }
        xa -= xb;
        f0 -= f1;
        g0 -= g1;
      }
      xa >>= 1;
      f1 *= 2;
      g1 *= 2;
    }
    lin_comb_vartime(ta.data(), av.data(), bv.data(), f0, g0, n);
    lin_comb_vartime(tb.data(), av.data(), bv.data(), f1, g1, n);
    shift_right_signed(ta.data(), n, kBatch);
    shift_right_signed(tb.data(), n, kBatch);
    if (is_negative(ta.data(), n)) {
      negate_vartime(ta.data(), n + 1);
      f0 = -f0;
      g0 = -g0;
    }
    if (is_negative(tb.data(), n)) {
      negate_vartime(tb.data(), n + 1);
      f1 = -f1;
      g1 = -g1;
    }
    av = ta;
    bv = tb;
    update_cofactor(tu.data(), u.data(), v.data(), f0, g0, m.data(), m0inv, n);
    update_cofactor(v.data(), u.data(), v.data(), f1, g1, m.data(), m0inv, n);
    u = tu;
  }
  // Success when b = 1 (a reached 0).
  std::size_t lb = n;
  trim_vartime(bv.data(), lb);
  const bool ok = lb == 1 && bv[0] == 1 && is_zero(std::span<const Limb>(av).first(n)).to_bool();
  if (ok) {
    for (std::size_t i = 0; i < n; ++i) r[i] = v[i];
  }
  secure_wipe(av.data(), sizeof av);
  secure_wipe(bv.data(), sizeof bv);
  secure_wipe(u.data(), sizeof u);
  secure_wipe(v.data(), sizeof v);
  secure_wipe(tu.data(), sizeof tu);
  return ok;
}

}  // namespace baretls::crypto::bigint

// SPDX-License-Identifier: MIT
// Fixed-capacity big-integer helpers (see bigint.h): byte conversion, limb
// add/sub/compare with masks, schoolbook multiplication with 128-bit
// products, and a variable-time modular inverse for public/blinded values.
#include "baretls/crypto/bigint.h"

#include <array>
#include <bit>
#include <utility>

#include "baretls/crypto/secret.h"
#include "crypto/wide.h"

namespace baretls::crypto::bigint {
namespace {
using detail::u128;
}  // namespace

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
    out[out.size() - 1 - i] = i < cap ? static_cast<std::uint8_t>(a[i / 8] >> (8 * (i % 8))) : 0;
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
  for (std::size_t i = 0; i < r.size(); ++i) {
    const u128 s = u128{a[i]} + b[i] + carry;
    r[i] = static_cast<Limb>(s);
    carry = static_cast<Limb>(s >> 64);
  }
  return carry;
}

Limb sub(std::span<Limb> r, std::span<const Limb> a, std::span<const Limb> b) noexcept {
  Limb borrow = 0;
  for (std::size_t i = 0; i < r.size(); ++i) {
    const u128 d = u128{a[i]} - b[i] - borrow;
    r[i] = static_cast<Limb>(d);
    borrow = static_cast<Limb>(d >> 64) & 1;
  }
  return borrow;
}

ct::Mask less_than(std::span<const Limb> a, std::span<const Limb> b) noexcept {
  Limb borrow = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const u128 d = u128{a[i]} - b[i] - borrow;
    borrow = static_cast<Limb>(d >> 64) & 1;
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
    for (std::size_t j = 0; j < a.size(); ++j) {
      const u128 p = u128{a[j]} * b[i] + r[i + j] + c;
      r[i + j] = static_cast<Limb>(p);
      c = static_cast<Limb>(p >> 64);
    }
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

// Vartime helpers for the inverse: `len` is the count of limbs in use.
void shift_right_vartime(Limb* a, std::size_t len, unsigned k) noexcept {
  for (std::size_t i = 0; i < len; ++i) {
    const Limb hi = i + 1 < len ? a[i + 1] : 0;
    a[i] = (a[i] >> k) | (hi << (64 - k));
  }
}

// x = x / 2^k mod m (m odd): add m when x is odd, then halve, k times.
void halve_mod_vartime(Limb* x, const Limb* m, std::size_t n, unsigned k) noexcept {
  for (unsigned s = 0; s < k; ++s) {
    Limb carry = 0;
    if (x[0] & 1) {
      for (std::size_t i = 0; i < n; ++i) {
        const u128 t = u128{x[i]} + m[i] + carry;
        x[i] = static_cast<Limb>(t);
        carry = static_cast<Limb>(t >> 64);
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      const Limb hi = i + 1 < n ? x[i + 1] : carry;
      x[i] = (x[i] >> 1) | (hi << 63);
    }
  }
}

void trim_vartime(const Limb* a, std::size_t& len) noexcept {
  while (len > 0 && a[len - 1] == 0) --len;
}

bool is_one_vartime(const Limb* a, std::size_t len) noexcept { return len == 1 && a[0] == 1; }

// a >= b for active lengths la, lb.
bool geq_vartime(const Limb* a, std::size_t la, const Limb* b, std::size_t lb) noexcept {
  if (la != lb) return la > lb;
  for (std::size_t i = la; i > 0; --i) {
    if (a[i - 1] != b[i - 1]) return a[i - 1] > b[i - 1];
  }
  return true;
}

}  // namespace

bool mod_inverse_vartime(std::span<Limb> r, std::span<const Limb> a, std::span<const Limb> m) noexcept {
  const std::size_t n = m.size();
  if (n == 0 || n > kMaxLimbs || a.size() != n || r.size() != n || !is_odd_vartime(m)) return false;
  // Invariants: x1 * a = u and x2 * a = v (mod m).
  std::array<Limb, kMaxLimbs> u{}, v{}, x1{}, x2{};
  copy(std::span<Limb>(u).first(n), a);
  copy(std::span<Limb>(v).first(n), m);
  x1[0] = 1;
  std::size_t lu = n, lv = n;
  trim_vartime(u.data(), lu);
  trim_vartime(v.data(), lv);
  const auto x1s = std::span<Limb>(x1).first(n);
  const auto x2s = std::span<Limb>(x2).first(n);
  bool ok = false;
  while (lu > 0 && lv > 0) {
    // Remove the factors of two from u (v stays odd: it starts as m).
    while (lu > 0 && (u[0] & 1) == 0) {
      const unsigned k = u[0] == 0 ? 63u : static_cast<unsigned>(std::countr_zero(u[0]));
      shift_right_vartime(u.data(), lu, k);
      halve_mod_vartime(x1.data(), m.data(), n, k);
      trim_vartime(u.data(), lu);
    }
    if (lu == 0) break;  // u reached v: gcd(a, m) = v > 1
    if (is_one_vartime(u.data(), lu)) {
      copy(r, x1s);
      ok = true;
      break;
    }
    if (is_one_vartime(v.data(), lv)) {
      copy(r, x2s);
      ok = true;
      break;
    }
    if (geq_vartime(u.data(), lu, v.data(), lv)) {
      (void)sub(std::span<Limb>(u).first(lu), std::span<const Limb>(u).first(lu), std::span<const Limb>(v).first(lu));
      mod_sub(x1s, x1s, x2s, m);
      trim_vartime(u.data(), lu);
    } else {
      // v - u is even: swap roles so that the halving loop applies to u.
      (void)sub(std::span<Limb>(v).first(lv), std::span<const Limb>(v).first(lv), std::span<const Limb>(u).first(lv));
      mod_sub(x2s, x2s, x1s, m);
      trim_vartime(v.data(), lv);
      std::swap(u, v);
      std::swap(lu, lv);
      std::swap(x1, x2);
    }
  }
  secure_wipe(u.data(), sizeof u);
  secure_wipe(v.data(), sizeof v);
  secure_wipe(x1.data(), sizeof x1);
  secure_wipe(x2.data(), sizeof x2);
  return ok;
}

}  // namespace baretls::crypto::bigint

// SPDX-License-Identifier: MIT
// Test-only reference arithmetic for the P-curve differential tests: a slow,
// obvious big integer (32-bit words, schoolbook multiplication, bit-serial
// reduction) and Jacobian double-and-add with the textbook (incomplete)
// formulas, branching on every special case. Shares no code with crypto/.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "tests/support/hex.h"

namespace baretls::test::ref {

// Unsigned integer, little-endian 32-bit words, always 26 words (832 bits).
struct Big {
  static constexpr std::size_t kWords = 26;
  std::uint32_t w[kWords] = {};

  static Big from_bytes(const Bytes& be) {
    Big r;
    for (std::size_t i = 0; i < be.size(); ++i) {
      const std::size_t bit = 8 * (be.size() - 1 - i);
      r.w[bit / 32] |= std::uint32_t{be[i]} << (bit % 32);
    }
    return r;
  }
  static Big from_hex(const std::string& h) { return from_bytes(test::from_hex(h)); }
  static Big small(std::uint32_t v) {
    Big r;
    r.w[0] = v;
    return r;
  }
  [[nodiscard]] Bytes to_bytes(std::size_t n) const {
    Bytes out(n);
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t bit = 8 * (n - 1 - i);
      out[i] = static_cast<std::uint8_t>(w[bit / 32] >> (bit % 32));
    }
    return out;
  }
  [[nodiscard]] bool bit(std::size_t i) const { return ((w[i / 32] >> (i % 32)) & 1) != 0; }
  // Number of significant bits (0 for zero).
  [[nodiscard]] std::size_t bits() const {
    for (std::size_t i = 32 * kWords; i-- > 0;) {
      if (bit(i)) return i + 1;
    }
    return 0;
  }
  [[nodiscard]] bool is_zero() const {
    for (auto x : w) {
      if (x != 0) return false;
    }
    return true;
  }
  friend bool operator==(const Big& a, const Big& b) {
    for (std::size_t i = 0; i < kWords; ++i) {
      if (a.w[i] != b.w[i]) return false;
    }
    return true;
  }
  friend bool operator<(const Big& a, const Big& b) {
    for (std::size_t i = kWords; i-- > 0;) {
      if (a.w[i] != b.w[i]) return a.w[i] < b.w[i];
    }
    return false;
  }
  friend Big operator+(const Big& a, const Big& b) {
    Big r;
    std::uint64_t c = 0;
    for (std::size_t i = 0; i < kWords; ++i) {
      c += std::uint64_t{a.w[i]} + b.w[i];
      r.w[i] = static_cast<std::uint32_t>(c);
      c >>= 32;
    }
    return r;
  }
  friend Big operator-(const Big& a, const Big& b) {  // requires a >= b
    Big r;
    std::int64_t c = 0;
    for (std::size_t i = 0; i < kWords; ++i) {
      c += std::int64_t{a.w[i]} - std::int64_t{b.w[i]};
      r.w[i] = static_cast<std::uint32_t>(c);
      c = c < 0 ? -1 : 0;
    }
    return r;
  }
  friend Big operator*(const Big& a, const Big& b) {  // product must fit
    Big r;
    for (std::size_t i = 0; i < kWords; ++i) {
      std::uint64_t c = 0;
      for (std::size_t j = 0; i + j < kWords; ++j) {
        c += std::uint64_t{a.w[i]} * b.w[j] + r.w[i + j];
        r.w[i + j] = static_cast<std::uint32_t>(c);
        c >>= 32;
      }
    }
    return r;
  }
  // a mod m, one bit at a time.
  [[nodiscard]] Big mod(const Big& m) const {
    Big r;
    for (std::size_t i = bits(); i-- > 0;) {
      r = r + r;
      r.w[0] |= bit(i) ? 1u : 0u;
      if (!(r < m)) r = r - m;
    }
    return r;
  }
};

struct Mod {
  Big m;
  [[nodiscard]] Big add(const Big& a, const Big& b) const { return (a + b).mod(m); }
  [[nodiscard]] Big sub(const Big& a, const Big& b) const { return (a + m - b).mod(m); }
  [[nodiscard]] Big mul(const Big& a, const Big& b) const { return (a * b).mod(m); }
  [[nodiscard]] Big pow(const Big& a, const Big& e) const {
    Big r = Big::small(1);
    for (std::size_t i = e.bits(); i-- > 0;) {
      r = mul(r, r);
      if (e.bit(i)) r = mul(r, a);
    }
    return r;
  }
  [[nodiscard]] Big inv(const Big& a) const { return pow(a, m - Big::small(2)); }
};

// Jacobian point; z == 0 is the identity.
struct Jac {
  Big x, y, z;
};

struct Curve {
  Mod f;
  Big b;

  [[nodiscard]] Jac dbl(const Jac& p) const {
    if (p.z.is_zero() || p.y.is_zero()) return {Big{}, Big::small(1), Big{}};
    // a = -3: alpha = 3 (X - Z^2)(X + Z^2).
    const Big delta = f.mul(p.z, p.z), gamma = f.mul(p.y, p.y), beta = f.mul(p.x, gamma);
    const Big alpha = f.mul(Big::small(3), f.mul(f.sub(p.x, delta), f.add(p.x, delta)));
    const Big x3 = f.sub(f.mul(alpha, alpha), f.mul(Big::small(8), beta));
    const Big z3 = f.sub(f.sub(f.mul(f.add(p.y, p.z), f.add(p.y, p.z)), gamma), delta);
    const Big y3 = f.sub(f.mul(alpha, f.sub(f.mul(Big::small(4), beta), x3)),
                         f.mul(Big::small(8), f.mul(gamma, gamma)));
    return {x3, y3, z3};
  }
  // p + (qx, qy) with q affine.
  [[nodiscard]] Jac add_affine(const Jac& p, const Big& qx, const Big& qy) const {
    if (p.z.is_zero()) return {qx, qy, Big::small(1)};
    const Big z2 = f.mul(p.z, p.z);
    const Big u2 = f.mul(qx, z2), s2 = f.mul(qy, f.mul(z2, p.z));
    const Big h = f.sub(u2, p.x), r = f.sub(s2, p.y);
    if (h.is_zero()) {
      if (r.is_zero()) return dbl(p);
      return {Big{}, Big::small(1), Big{}};
    }
    const Big h2 = f.mul(h, h), h3 = f.mul(h2, h), xh2 = f.mul(p.x, h2);
    const Big x3 = f.sub(f.sub(f.mul(r, r), h3), f.add(xh2, xh2));
    const Big y3 = f.sub(f.mul(r, f.sub(xh2, x3)), f.mul(p.y, h3));
    return {x3, y3, f.mul(p.z, h)};
  }
  // k*(qx, qy) by double-and-add from the top bit; returns affine (x, y),
  // false for the identity.
  bool mul(const Big& k, const Big& qx, const Big& qy, Big& x, Big& y) const {
    Jac acc{Big{}, Big::small(1), Big{}};
    for (std::size_t i = k.bits(); i-- > 0;) {
      acc = dbl(acc);
      if (k.bit(i)) acc = add_affine(acc, qx, qy);
    }
    if (acc.z.is_zero()) return false;
    const Big zi = f.inv(acc.z), zi2 = f.mul(zi, zi);
    x = f.mul(acc.x, zi2);
    y = f.mul(acc.y, f.mul(zi2, zi));
    return true;
  }
  [[nodiscard]] bool on_curve(const Big& x, const Big& y) const {
    const Big rhs = f.add(f.sub(f.mul(f.mul(x, x), x), f.mul(Big::small(3), x)), b);
    return f.mul(y, y) == rhs;
  }
};

}  // namespace baretls::test::ref

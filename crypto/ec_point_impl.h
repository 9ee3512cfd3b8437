// SPDX-License-Identifier: MIT
// Internal: points of a short Weierstrass curve y^2 = x^3 - 3x + b (a = -3):
// affine points and the curve equation, and Jacobian coordinates (X:Y:Z),
// x = X/Z^2, y = Y/Z^3, Z = 0 the identity, with the textbook formulas (e.g.
// Hankerson, Menezes, Vanstone, "Guide to Elliptic Curve Cryptography",
// §3.2.2, a = -3) and "madd-2007-bl" of the Explicit-Formulas Database
// (Bernstein-Lange), ordered for few field additions. They are not complete:
// EcJacobian (constant time) handles the identity with masks and leaves
// p == q to its callers, which rule it out (ec_ops_impl.h);
// EcJacobianVartime (signature verification) branches on every case.
#pragma once

#include <cstddef>
#include <cstdint>

#include "crypto/ec_field_impl.h"

namespace baretls::crypto::detail {

// C supplies: using F (a MontField); static constexpr F::Fe kB (b, Montgomery form).
template <typename C>
struct EcPoint {
  using F = typename C::F;
  using Fe = typename F::Fe;

  struct Affine {
    Fe x, y;
  };

  // y^2 == x^3 - 3x + b (Montgomery-form coordinates). CT.
  static ct::Mask on_curve(const Affine& a) noexcept {
    Fe lhs, rhs, t;
    F::sqr(lhs, a.y);
    F::sqr(rhs, a.x);
    F::mul(rhs, rhs, a.x);
    F::add(t, a.x, a.x);
    F::add(t, t, a.x);
    F::sub(rhs, rhs, t);
    F::add(rhs, rhs, C::kB);
    return F::equal(lhs, rhs);
  }
};

template <typename C>
struct EcJacobian {
  using F = typename C::F;
  using Fe = typename F::Fe;
  using Affine = typename EcPoint<C>::Affine;
  struct Point {
    Fe x, y, z;
  };

  static void set_identity(Point& r) noexcept {
    r.x = F::kOne;
    r.y = F::kOne;
    r.z = Fe{};
  }
  static void from_affine(Point& r, const Affine& a) noexcept {
    r.x = a.x;
    r.y = a.y;
    r.z = F::kOne;
  }

  // r = a / 2 (CT): F::half when the field has one, else a + (a odd ? p :
  // 0), a (N+1)-limb value, shifted right by one.
  static void half(Fe& r, const Fe& a) noexcept {
    if constexpr (requires { F::half(r, a); }) {
      F::half(r, a);
    } else {
      constexpr std::size_t N = F::N;
      const std::uint64_t odd = ct::value_barrier(0 - (a[0] & 1));
      std::uint64_t carry = 0;
      Fe t;
      for (std::size_t j = 0; j < N; ++j) carry = add_carry(t[j], a[j], F::kM[j] & odd, carry);
      for (std::size_t j = 0; j + 1 < N; ++j) r[j] = (t[j] >> 1) | (t[j + 1] << 63);
      r[N - 1] = (t[N - 1] >> 1) | (carry << 63);
    }
  }

  // Affine coordinates of p (Z != 0): x = X/Z^2, y = Y/Z^3. CT.
  static void to_affine(Affine& r, const Point& p) noexcept {
    Fe zinv, zinv2;
    F::invert(zinv, p.z);
    F::sqr(zinv2, zinv);
    F::mul(r.x, p.x, zinv2);
    F::mul(zinv, zinv, zinv2);
    F::mul(r.y, p.y, zinv);
    F::secure_fill(zinv);
    F::secure_fill(zinv2);
  }

  // Doubling with a = -3 (4M + 4S): M = 3 (X - Z^2)(X + Z^2), S = 4 X Y^2,
  // X3 = M^2 - 2S, Y3 = M (S - X3) - 8 Y^4, Z3 = 2 Y Z, with 2Y squared once
  // for 4Y^2 and again (halved) for 8Y^4. Complete on a curve of odd order:
  // the identity (Z = 0) doubles to Z3 = 0. r may alias p.
  static void dbl(Point& r, const Point& p) noexcept {
    Fe y2, zz, m, t, s, y4;
    F::add(y2, p.y, p.y);
    F::sqr(zz, p.z);
    F::sqr(s, y2);  // 4Y^2
    F::add(m, p.x, zz);
    F::sub(t, p.x, zz);
    F::mul(m, m, t);
    F::add(t, m, m);
    F::add(m, t, m);  // M
    F::sqr(y4, s);
    half(y4, y4);  // 8Y^4
    F::mul(s, s, p.x);  // S
    F::mul(r.z, y2, p.z);
    F::sqr(t, m);
    F::sub(t, t, s);
    F::sub(r.x, t, s);  // X3 = M^2 - 2S
    F::sub(t, s, r.x);
    F::mul(t, t, m);
    F::sub(r.y, t, y4);  // Y3 = M (S - X3) - 8Y^4
  }

  // Addition (12M + 4S): U1 = X1 Z2^2, U2 = X2 Z1^2, S1 = Y1 Z2^3,
  // S2 = Y2 Z1^3, H = U2 - U1, R = S2 - S1, X3 = R^2 - H^3 - 2 U1 H^2,
  // Y3 = R (U1 H^2 - X3) - S1 H^3, Z3 = H Z1 Z2. When H = 0 the sum is the
  // identity (R != 0) or a doubling (R = 0), and r.z = 0 either way.
  // Neither input may be the identity. r may alias.
  static void add_core(Point& r, Fe& h, Fe& rr, const Point& p, const Point& q) noexcept {
    Fe z1z1, z2z2, u1, u2, s1, s2, t;
    F::sqr(z2z2, q.z);
    F::sqr(z1z1, p.z);
    F::mul(u1, p.x, z2z2);
    F::mul(u2, q.x, z1z1);
    F::mul(s1, q.z, z2z2);
    F::mul(s2, p.z, z1z1);
    F::mul(s1, s1, p.y);
    F::mul(s2, s2, q.y);
    F::sub(h, u2, u1);
    F::sub(rr, s2, s1);
    F::mul(t, p.z, q.z);
    F::mul(r.z, t, h);  // Z3 = H Z1 Z2
    add_xy(r, h, rr, u1, s1);
  }

  // X3 = R^2 - H^3 - 2 U1 H^2, Y3 = R (U1 H^2 - X3) - S1 H^3: the part both
  // additions share, U1 and S1 being X1 and Y1 over the common denominator.
  // r may not alias u1 or s1.
  static void add_xy(Point& r, const Fe& h, const Fe& rr, const Fe& u1, const Fe& s1) noexcept {
    Fe hh, hhh, v, t;
    F::sqr(hh, h);
    F::mul(hhh, hh, h);
    F::mul(v, u1, hh);  // U1 H^2
    F::sqr(t, rr);
    F::sub(t, t, hhh);
    F::sub(t, t, v);
    F::sub(r.x, t, v);
    F::sub(t, v, r.x);
    F::mul(t, t, rr);
    F::mul(hhh, hhh, s1);
    F::sub(r.y, t, hhh);
  }

  // r = p + q for any p, q except p == q != identity (the result is then
  // the identity, not 2p): the identity on either side is selected by masks
  // and p == -q gives Z3 = 0. CT. r may alias.
  static void add(Point& r, const Point& p, const Point& q) noexcept {
    Point s;
    Fe h, rr;
    add_core(s, h, rr, p, q);
    cmov(s, q, F::is_zero(p.z));
    cmov(s, p, F::is_zero(q.z));
    r = s;
  }

  // r = p + q, q affine (8M + 3S), the formulas of add_core with Z2 = 1.
  // The identity p is selected by a mask (the result is then q); p == -q
  // gives Z3 = 0; p == q (not the identity) is left to the callers, which
  // rule it out. CT. r may alias p.
  static void add_mixed(Point& r, const Point& p, const Affine& q) noexcept {
    Fe z1z1, z1z1z1, u2, s2, h, rr;
    Point s;
    F::sqr(z1z1, p.z);
    F::mul(z1z1z1, z1z1, p.z);
    F::mul(u2, q.x, z1z1);
    F::mul(s2, q.y, z1z1z1);
    F::sub(h, u2, p.x);
    F::sub(rr, s2, p.y);
    F::mul(s.z, p.z, h);  // Z3 = Z1 H
    add_xy(s, h, rr, p.x, p.y);
    Point lifted;
    from_affine(lifted, q);
    cmov(s, lifted, F::is_zero(p.z));
    r = s;
  }

  // r = m ? a : r (CT).
  static void cmov(Point& r, const Point& a, ct::Mask m) noexcept {
    F::cmov(r.x, a.x, m);
    F::cmov(r.y, a.y, m);
    F::cmov(r.z, a.z, m);
  }

  // r = sign * table[mag - 1] for a secret signed digit given as magnitude
  // (0 selects the identity) and sign mask, reading every entry (through
  // C::select when the curve has a vector version). CT.
  static void select_signed(Point& r, const Point* table, std::size_t count, std::uint64_t mag,
                            ct::Mask negative) noexcept {
    set_identity(r);
    if constexpr (requires { C::select(r, table, count, mag); }) {
      C::select(r, table, count, mag);
    } else {
      for (std::size_t i = 0; i < count; ++i) cmov(r, table[i], ct::eq(i + 1, mag));
    }
    Fe neg_y;
    F::neg(neg_y, r.y);
    F::cmov(r.y, neg_y, negative);
  }
};

// The same coordinates for the variable-time double-scalar multiplication of
// signature verification only, with the exceptional cases handled by
// branches. CT: none (public inputs only).
template <typename C>
struct EcJacobianVartime {
  using Ct = EcJacobian<C>;
  using F = typename C::F;
  using Fe = typename F::Fe;
  using Affine = typename EcPoint<C>::Affine;
  using Point = typename Ct::Point;

  static bool is_identity(const Point& p) noexcept { return F::is_zero(p.z).to_bool(); }

  static void dbl(Point& r, const Point& p) noexcept { Ct::dbl(r, p); }

  // r = p + q, q affine (madd-2007-bl, 7M + 4S). r may alias p.
  static void add_mixed(Point& r, const Point& p, const Affine& q) noexcept {
    if (is_identity(p)) {
      Ct::from_affine(r, q);
      return;
    }
    Fe z1z1, u2, s2, h, hh, i, j, rr, v, t;
    F::sqr(z1z1, p.z);
    F::mul(u2, q.x, z1z1);
    F::mul(s2, q.y, p.z);
    F::mul(s2, s2, z1z1);
    F::sub(h, u2, p.x);
    F::sub(rr, s2, p.y);
    if (F::is_zero(h).to_bool()) {
      if (F::is_zero(rr).to_bool()) {
        dbl(r, p);  // p == q
      } else {
        r.z = Fe{};  // p == -q
      }
      return;
    }
    F::add(rr, rr, rr);
    F::sqr(hh, h);
    F::add(i, hh, hh);
    F::add(i, i, i);
    F::mul(j, h, i);
    F::mul(v, p.x, i);
    F::add(t, p.z, h);
    F::sqr(t, t);
    F::sub(t, t, z1z1);
    F::sub(r.z, t, hh);  // Z3 = (Z1 + H)^2 - Z1Z1 - HH
    const Fe y1 = p.y;
    F::sqr(t, rr);
    F::sub(t, t, j);
    F::sub(t, t, v);
    F::sub(r.x, t, v);  // X3 = r^2 - J - 2V
    F::sub(t, v, r.x);
    F::mul(t, rr, t);
    F::mul(j, y1, j);
    F::add(j, j, j);
    F::sub(r.y, t, j);  // Y3 = r (V - X3) - 2 Y1 J
  }

  // r = p + q. r may alias p.
  static void add(Point& r, const Point& p, const Point& q) noexcept {
    if (is_identity(p)) {
      r = q;
      return;
    }
    if (is_identity(q)) {
      r = p;
      return;
    }
    Point s;
    Fe h, rr;
    Ct::add_core(s, h, rr, p, q);
    if (F::is_zero(h).to_bool() && F::is_zero(rr).to_bool()) {
      dbl(r, p);  // p == q (p == -q left s.z = 0)
      return;
    }
    r = s;
  }
};

}  // namespace baretls::crypto::detail

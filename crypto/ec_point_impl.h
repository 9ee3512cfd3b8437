// SPDX-License-Identifier: MIT
// Internal: points of a short Weierstrass curve y^2 = x^3 - 3x + b in
// homogeneous projective coordinates (X:Y:Z), x = X/Z, y = Y/Z, with the
// complete formulas of Renes, Costello and Batina, "Complete addition formulas
// for prime order elliptic curves" (EUROCRYPT 2016), Algorithms 4, 5 and 6
// (a = -3): no input is exceptional, so nothing branches on point values.
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
  static constexpr std::size_t N = F::N;

  struct Point {
    Fe x, y, z;
  };
  struct Affine {
    Fe x, y;
  };

  static void set_identity(Point& r) noexcept {
    r.x = Fe{};
    r.y = F::kOne;
    r.z = Fe{};
  }
  static void from_affine(Point& r, const Affine& a) noexcept {
    r.x = a.x;
    r.y = a.y;
    r.z = F::kOne;
  }

  // RCB 2016 Algorithm 4: r = p + q, complete (12M + 2 mul-by-b). r may alias.
  static void add(Point& r, const Point& p, const Point& q) noexcept {
    Fe t0, t1, t2, t3, t4, x3, y3;
    F::mul(t0, p.x, q.x);
    F::mul(t1, p.y, q.y);
    F::mul(t2, p.z, q.z);
    F::add(t3, p.x, p.y);
    F::add(t4, q.x, q.y);
    F::mul(t3, t3, t4);
    F::add(t4, t0, t1);
    F::sub(t3, t3, t4);  // t3 = X1Y2 + X2Y1
    F::add(t4, p.y, p.z);
    F::add(x3, q.y, q.z);
    F::mul(t4, t4, x3);
    F::add(x3, t1, t2);
    F::sub(t4, t4, x3);  // t4 = Y1Z2 + Y2Z1
    F::add(x3, p.x, p.z);
    F::add(y3, q.x, q.z);
    F::mul(x3, x3, y3);
    F::add(y3, t0, t2);
    F::sub(y3, x3, y3);  // y3 = X1Z2 + X2Z1
    finish_add(r, t0, t1, t2, t3, t4, y3);
  }

  // RCB 2016 Algorithm 5: r = p + q with q affine (Z2 = 1), complete as long
  // as q is not the identity (an affine point never is). r may alias p.
  static void add_mixed(Point& r, const Point& p, const Affine& q) noexcept {
    Fe t0, t1, t2, t3, t4, y3;
    F::mul(t0, p.x, q.x);
    F::mul(t1, p.y, q.y);
    F::add(t3, q.x, q.y);
    F::add(t4, p.x, p.y);
    F::mul(t3, t3, t4);
    F::add(t4, t0, t1);
    F::sub(t3, t3, t4);  // X1Y2 + X2Y1
    F::mul(t4, q.y, p.z);
    F::add(t4, t4, p.y);  // Y1 + Y2Z1
    F::mul(y3, q.x, p.z);
    F::add(y3, y3, p.x);  // X1 + X2Z1
    t2 = p.z;
    finish_add(r, t0, t1, t2, t3, t4, y3);
  }

  // RCB 2016 Algorithm 6: r = 2p, complete (8M + 3S + 2 mul-by-b). r may alias.
  static void dbl(Point& r, const Point& p) noexcept {
    Fe t0, t1, t2, t3, x3, y3, z3;
    F::sqr(t0, p.x);
    F::sqr(t1, p.y);
    F::sqr(t2, p.z);
    F::mul(t3, p.x, p.y);
    F::add(t3, t3, t3);
    F::mul(z3, p.x, p.z);
    F::add(z3, z3, z3);
    F::mul(y3, C::kB, t2);
    F::sub(y3, y3, z3);
    F::add(x3, y3, y3);
    F::add(y3, x3, y3);
    F::sub(x3, t1, y3);
    F::add(y3, t1, y3);
    F::mul(y3, x3, y3);
    F::mul(x3, x3, t3);
    F::add(t3, t2, t2);
    F::add(t2, t2, t3);
    F::mul(z3, C::kB, z3);
    F::sub(z3, z3, t2);
    F::sub(z3, z3, t0);
    F::add(t3, z3, z3);
    F::add(z3, z3, t3);
    F::add(t3, t0, t0);
    F::add(t0, t3, t0);
    F::sub(t0, t0, t2);
    F::mul(t0, t0, z3);
    F::add(y3, y3, t0);
    F::mul(t0, p.y, p.z);
    F::add(t0, t0, t0);
    F::mul(z3, t0, z3);
    F::sub(x3, x3, z3);
    F::mul(z3, t0, t1);
    F::add(z3, z3, z3);
    r.x = x3;
    r.y = y3;
    F::add(r.z, z3, z3);
  }

  static void negate(Point& r, const Point& p) noexcept {
    r.x = p.x;
    F::neg(r.y, p.y);
    r.z = p.z;
  }

  // Affine coordinates of p; the identity maps to (0, 0). CT.
  static void to_affine(Affine& r, const Point& p) noexcept {
    Fe zinv;
    F::invert(zinv, p.z);
    F::mul(r.x, p.x, zinv);
    F::mul(r.y, p.y, zinv);
  }

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

  // r = table[index] for a secret index, reading every entry. CT.
  static void select(Point& r, const Point* table, std::size_t count, std::uint64_t index) noexcept {
    set_identity(r);
    for (std::size_t i = 0; i < count; ++i) {
      const ct::Mask m = ct::eq(i, index);
      F::cmov(r.x, table[i].x, m);
      F::cmov(r.y, table[i].y, m);
      F::cmov(r.z, table[i].z, m);
    }
  }

 private:
  // Steps 19-43 of Algorithm 4 (steps 12-36 of Algorithm 5), shared by both:
  // t0 = X1X2, t1 = Y1Y2, t2 = Z1Z2, t3 = X1Y2+X2Y1, t4 = Y1Z2+Y2Z1,
  // y3 = X1Z2+X2Z1.
  static void finish_add(Point& r, Fe& t0, Fe& t1, Fe& t2, const Fe& t3, const Fe& t4, Fe& y3) noexcept {
    Fe x3, z3;
    F::mul(z3, C::kB, t2);
    F::sub(x3, y3, z3);
    F::add(z3, x3, x3);
    F::add(x3, x3, z3);
    F::sub(z3, t1, x3);
    F::add(x3, t1, x3);
    F::mul(y3, C::kB, y3);
    F::add(t1, t2, t2);
    F::add(t2, t1, t2);
    F::sub(y3, y3, t2);
    F::sub(y3, y3, t0);
    F::add(t1, y3, y3);
    F::add(y3, t1, y3);
    F::add(t1, t0, t0);
    F::add(t0, t1, t0);
    F::sub(t0, t0, t2);
    F::mul(t1, t4, y3);
    F::mul(t2, t0, y3);
    F::mul(y3, x3, z3);
    F::add(y3, y3, t2);
    F::mul(x3, t3, x3);
    F::sub(x3, x3, t1);
    F::mul(z3, t4, z3);
    F::mul(t1, t3, t0);
    F::add(z3, z3, t1);
    r.x = x3;
    r.y = y3;
    r.z = z3;
  }
};

// Jacobian coordinates (X:Y:Z), x = X/Z^2, y = Y/Z^3, for the variable-time
// double-scalar multiplication of signature verification only: faster than
// the complete formulas, with the exceptional cases handled by branches.
// Formulas: "dbl-2001-b", "madd-2007-bl" and "add-2007-bl" of the
// Explicit-Formulas Database (Bernstein-Lange). CT: none (public inputs only).
template <typename C>
struct EcJacobianVartime {
  using F = typename C::F;
  using Fe = typename F::Fe;
  using Affine = typename EcPoint<C>::Affine;
  struct Point {
    Fe x, y, z;  // z == 0: the identity
  };

  static bool is_identity(const Point& p) noexcept { return F::is_zero(p.z).to_bool(); }

  // dbl-2001-b (a = -3): 3M + 5S. The identity doubles to itself (Z3 = 0).
  static void dbl(Point& r, const Point& p) noexcept {
    Fe delta, gamma, beta, alpha, t, u;
    F::sqr(delta, p.z);
    F::sqr(gamma, p.y);
    F::mul(beta, p.x, gamma);
    F::sub(t, p.x, delta);
    F::add(u, p.x, delta);
    F::mul(alpha, t, u);
    F::add(t, alpha, alpha);
    F::add(alpha, t, alpha);  // alpha = 3 (X - delta)(X + delta)
    F::add(t, p.y, p.z);
    F::sqr(t, t);
    F::sub(t, t, gamma);
    F::sub(r.z, t, delta);  // Z3 = (Y + Z)^2 - gamma - delta
    F::add(beta, beta, beta);
    F::add(beta, beta, beta);  // 4 beta
    F::sqr(t, alpha);
    F::add(u, beta, beta);
    F::sub(r.x, t, u);  // X3 = alpha^2 - 8 beta
    F::sub(t, beta, r.x);
    F::mul(t, alpha, t);
    F::sqr(u, gamma);
    F::add(u, u, u);
    F::add(u, u, u);
    F::add(u, u, u);
    F::sub(r.y, t, u);  // Y3 = alpha (4 beta - X3) - 8 gamma^2
  }

  // r = p + q, q affine (madd-2007-bl, 7M + 4S). r may alias p.
  static void add_mixed(Point& r, const Point& p, const Affine& q) noexcept {
    if (is_identity(p)) {
      r.x = q.x;
      r.y = q.y;
      r.z = F::kOne;
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

  // r = p + q (add-2007-bl, 11M + 5S). r may alias p.
  static void add(Point& r, const Point& p, const Point& q) noexcept {
    if (is_identity(p)) {
      r = q;
      return;
    }
    if (is_identity(q)) {
      r = p;
      return;
    }
    Fe z1z1, z2z2, u1, u2, s1, s2, h, i, j, rr, v, t;
    F::sqr(z1z1, p.z);
    F::sqr(z2z2, q.z);
    F::mul(u1, p.x, z2z2);
    F::mul(u2, q.x, z1z1);
    F::mul(s1, p.y, q.z);
    F::mul(s1, s1, z2z2);
    F::mul(s2, q.y, p.z);
    F::mul(s2, s2, z1z1);
    F::sub(h, u2, u1);
    F::sub(rr, s2, s1);
    if (F::is_zero(h).to_bool()) {
      if (F::is_zero(rr).to_bool()) {
        dbl(r, p);
      } else {
        r.z = Fe{};
      }
      return;
    }
    F::add(rr, rr, rr);
    F::add(i, h, h);
    F::sqr(i, i);
    F::mul(j, h, i);
    F::mul(v, u1, i);
    F::add(t, p.z, q.z);
    F::sqr(t, t);
    F::sub(t, t, z1z1);
    F::sub(t, t, z2z2);
    F::mul(r.z, t, h);  // Z3 = ((Z1 + Z2)^2 - Z1Z1 - Z2Z2) H
    F::sqr(t, rr);
    F::sub(t, t, j);
    F::sub(t, t, v);
    F::sub(r.x, t, v);  // X3 = r^2 - J - 2V
    F::sub(t, v, r.x);
    F::mul(t, rr, t);
    F::mul(j, s1, j);
    F::add(j, j, j);
    F::sub(r.y, t, j);  // Y3 = r (V - X3) - 2 S1 J
  }
};

}  // namespace baretls::crypto::detail

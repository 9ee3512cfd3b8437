// SPDX-License-Identifier: MIT
// Internal: points of y^2 = x^3 - 3x + b in Jacobian coordinates (X:Y:Z),
// x = X/Z^2, y = Y/Z^3, Z = 0 the identity. Formulas of the Explicit-Formulas
// Database (Bernstein-Lange): "dbl-2001-b" (a = -3), "add-2007-bl",
// "madd-2007-bl". They are cheaper than the complete formulas of
// ec_point_impl.h but not complete: EcJacobian (constant time) handles the
// identity with masks and leaves p == q to its callers, which rule it out;
// EcJacobianVartime (signature verification) branches on every case.
#pragma once

#include <cstddef>
#include <cstdint>

#include "crypto/ec_point_impl.h"

namespace baretls::crypto::detail {

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

  // dbl-2001-b (a = -3): 3M + 5S. Complete on a curve of odd order: the
  // identity (Z = 0) doubles to Z3 = (Y + Z)^2 - Y^2 - Z^2 = 0. r may alias.
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

  // add-2007-bl (11M + 5S) into r, with H = U2 - U1 and R = 2 (S2 - S1):
  // when H = 0 the sum is the identity (R != 0) or a doubling (R = 0), and
  // r.z = 0 either way. Neither input may be the identity. r may alias.
  static void add_core(Point& r, Fe& h, Fe& rr, const Point& p, const Point& q) noexcept {
    Fe z1z1, z2z2, u1, u2, s1, s2, i, j, v, t;
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
    F::sub(r.x, t, v);  // X3 = R^2 - J - 2V
    F::sub(t, v, r.x);
    F::mul(t, rr, t);
    F::mul(j, s1, j);
    F::add(j, j, j);
    F::sub(r.y, t, j);  // Y3 = R (V - X3) - 2 S1 J
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

  // r = m ? a : r (CT).
  static void cmov(Point& r, const Point& a, ct::Mask m) noexcept {
    F::cmov(r.x, a.x, m);
    F::cmov(r.y, a.y, m);
    F::cmov(r.z, a.z, m);
  }

  // r = sign * table[mag - 1] for a secret signed digit given as magnitude
  // (0 selects the identity) and sign mask, reading every entry. CT.
  static void select_signed(Point& r, const Point* table, std::size_t count, std::uint64_t mag,
                            ct::Mask negative) noexcept {
    set_identity(r);
    for (std::size_t i = 0; i < count; ++i) cmov(r, table[i], ct::eq(i + 1, mag));
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

  // r = p + q (add-2007-bl). r may alias p.
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

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

}  // namespace baretls::crypto::detail

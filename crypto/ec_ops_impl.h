// SPDX-License-Identifier: MIT
// Internal: the byte-level operations of one prime curve (CurveOps), built
// from its field, group order and point arithmetic: SEC1 point decoding,
// constant-time fixed 4-bit-window scalar multiplication (variable base,
// complete RCB formulas), a precomputed table of signed 5-bit windows for the
// generator (one mixed addition per window, no doublings), the variable-time
// double-scalar multiplication of ECDSA verification (Jacobian, interleaved
// wNAF), and the mod-n scalar arithmetic of ECDSA. Instantiated once per
// curve and field kernel (p256.cpp, p384.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "baretls/crypto/error.h"
#include "baretls/crypto/secret.h"
#include "crypto/ec_point_impl.h"

namespace baretls::crypto::detail {

// One curve's operations over big-endian byte strings of `size` bytes
// (scalars, coordinates). Points are x||y (2*size bytes, no 04 prefix).
struct CurveOps {
  std::size_t size;
  // CT: none (public point). invalid_point when a coordinate is >= p or the
  // point is not on the curve.
  Error (*validate_xy)(const std::uint8_t* xy);
  // All-ones when 0 < k < n. CT.
  ct::Mask (*scalar_in_range)(const std::uint8_t* k);
  // xy = k*G for k in [1, n-1]. CT: time independent of k.
  void (*base_mul)(std::uint8_t* xy_out, const std::uint8_t* k);
  // x_out = x(k*P) for a validated P and k in [1, n-1]; false when the result
  // is the identity (impossible on a prime-order curve). CT: independent of k.
  bool (*point_mul_x)(std::uint8_t* x_out, const std::uint8_t* xy, const std::uint8_t* k);
  // e_out = h mod n for h < 2^(8*size). CT.
  void (*reduce_scalar)(std::uint8_t* e_out, const std::uint8_t* h);
  // ECDSA (FIPS 186-4 §6.3): r = x(kG) mod n. CT in k.
  void (*ecdsa_r)(std::uint8_t* r_out, const std::uint8_t* k);
  // ECDSA: s = k^-1 (e + r d) mod n. CT in k and d.
  void (*ecdsa_s)(std::uint8_t* s_out, const std::uint8_t* k, const std::uint8_t* e,
                  const std::uint8_t* r, const std::uint8_t* d);
  // ECDSA verification core (FIPS 186-4 §6.4.2 steps 4-8) for a validated Q
  // and r, s in [1, n-1]. CT: none (public inputs only).
  bool (*ecdsa_verify_vartime)(const std::uint8_t* q_xy, const std::uint8_t* e, const std::uint8_t* r,
                               const std::uint8_t* s);
};

// The operations for the CPU features enabled now, and their path name.
const CurveOps& p256_ops() noexcept;
const CurveOps& p384_ops() noexcept;
std::string_view p256_implementation() noexcept;
std::string_view p384_implementation() noexcept;

// C supplies: F, S (MontFields mod p and mod n), kB, and kBaseTable: for
// window w (0 <= w < kBaseWindows) and j in [1, 16], the affine point
// j*32^w*G at [(w*16 + j-1) * 2N] (x then y, Montgomery form); kOddTable:
// (2i+1)G for i < 32, same layout.
template <typename C>
struct EcCurve {
  using Pt = EcPoint<C>;
  using Point = typename Pt::Point;
  using Affine = typename Pt::Affine;
  using F = typename C::F;
  using S = typename C::S;
  using Fe = typename F::Fe;
  static constexpr std::size_t N = F::N;
  static constexpr std::size_t kBytes = F::kBytes;
  static constexpr std::size_t kWindows = 2 * kBytes;  // 4-bit windows
  static constexpr std::size_t kNafLen = 8 * kBytes + 1;
  static constexpr std::size_t kBaseWindows = (8 * kBytes + 1 + 4) / 5;  // signed 5-bit windows

  // 4-bit digit w (from the least significant end) of a big-endian scalar.
  static std::uint64_t nibble(const std::uint8_t* k, std::size_t w) noexcept {
    const std::uint8_t b = k[kBytes - 1 - w / 2];
    return (w & 1) != 0 ? std::uint64_t{b} >> 4 : std::uint64_t{b} & 15;
  }

  static Error decode(Affine& a, const std::uint8_t* xy) noexcept {
    Fe x, y;
    F::load_be(x, xy);
    F::load_be(y, xy + kBytes);
    if (!(F::less_than_modulus(x) & F::less_than_modulus(y)).to_bool()) return Error::invalid_point;
    F::to_mont(a.x, x);
    F::to_mont(a.y, y);
    return Pt::on_curve(a).to_bool() ? Error::ok : Error::invalid_point;
  }
  static void encode(std::uint8_t* xy, const Affine& a) noexcept {
    Fe t;
    F::from_mont(t, a.x);
    F::store_be(xy, t);
    F::from_mont(t, a.y);
    F::store_be(xy + kBytes, t);
  }

  // r = k*P: fixed 4-bit windows, every table entry read for each window.
  static void mul(Point& r, const Affine& p, const std::uint8_t* k) noexcept {
    Point table[16];
    Pt::set_identity(table[0]);
    Pt::from_affine(table[1], p);
    for (std::size_t i = 2; i < 16; ++i) {
      if ((i & 1) == 0) {
        Pt::dbl(table[i], table[i / 2]);
      } else {
        Pt::add_mixed(table[i], table[i - 1], p);
      }
    }
    Point sel;
    Pt::set_identity(r);
    for (std::size_t w = kWindows; w-- > 0;) {
      if (w != kWindows - 1) {
        for (int i = 0; i < 4; ++i) Pt::dbl(r, r);
      }
      Pt::select(sel, table, 16, nibble(k, w));
      Pt::add(r, r, sel);
    }
    secure_wipe_object(table);
    secure_wipe_object(sel);
  }

  static void load_base(Affine& a, std::size_t w, std::size_t j) noexcept {
    const std::uint64_t* e = C::kBaseTable + (w * 16 + j) * 2 * N;
    for (std::size_t i = 0; i < N; ++i) {
      a.x[i] = e[i];
      a.y[i] = e[N + i];
    }
  }

  // Bit i of a big-endian scalar (0 past the top); i is public.
  static std::uint64_t bit(const std::uint8_t* k, std::size_t i) noexcept {
    if (i >= 8 * kBytes) return 0;
    return (std::uint64_t{k[kBytes - 1 - i / 8]} >> (i % 8)) & 1;
  }

  // r = k*G with signed 5-bit windows (Booth recoding): digit w is
  // b[5w-1] + b[5w] + 2b[5w+1] + 4b[5w+2] + 8b[5w+3] - 16b[5w+4] in
  // [-16, 16]; one mixed addition per window from the precomputed table (no
  // doublings). Each lookup scans all 16 entries; the sign is applied by a
  // conditional negation. CT: no branch or index depends on k.
  static void mul_base(Point& r, const std::uint8_t* k) noexcept {
    Pt::set_identity(r);
    Affine sel, entry;
    Point t;
    Fe neg_y;
    for (std::size_t w = 0; w < kBaseWindows; ++w) {
      std::uint64_t w6 = w == 0 ? 0 : bit(k, 5 * w - 1);
      for (std::size_t b = 0; b < 5; ++b) w6 |= bit(k, 5 * w + b) << (b + 1);
      // digit = (w6 >> 1) + (w6 & 1) - 32 * (w6 >> 5), as magnitude and sign.
      const auto digit = static_cast<std::int64_t>((w6 >> 1) + (w6 & 1)) - static_cast<std::int64_t>(32 * (w6 >> 5));
      const auto sign = static_cast<std::uint64_t>(digit >> 63);  // all ones when negative
      const std::uint64_t mag = (static_cast<std::uint64_t>(digit) ^ sign) - sign;
      sel.x = Fe{};
      sel.y = Fe{};
      for (std::size_t j = 0; j < 16; ++j) {
        load_base(entry, w, j);
        const ct::Mask m = ct::eq(j + 1, mag);
        F::cmov(sel.x, entry.x, m);
        F::cmov(sel.y, entry.y, m);
      }
      F::neg(neg_y, sel.y);
      F::cmov(sel.y, neg_y, ct::Mask::from_word(ct::value_barrier(sign)));
      Pt::add_mixed(t, r, sel);
      const ct::Mask use = ct::is_nonzero(mag);
      F::cmov(r.x, t.x, use);
      F::cmov(r.y, t.y, use);
      F::cmov(r.z, t.z, use);
    }
    secure_wipe_object(sel);
    secure_wipe_object(t);
    secure_wipe_object(neg_y);
  }

  // Width-w NAF of a public scalar: digits odd in (-2^(w-1), 2^(w-1)) or 0.
  static void wnaf_vartime(std::int8_t* naf, const std::uint8_t* k_be, int width) noexcept {
    const std::uint64_t window_mask = (std::uint64_t{1} << width) - 1;
    const int half = 1 << (width - 1);
    std::uint64_t k[N + 1] = {};
    for (std::size_t j = 0; j < N; ++j) k[j] = load_be64(k_be + 8 * (N - 1 - j));
    for (std::size_t i = 0; i < kNafLen; ++i) {
      int d = 0;
      if ((k[0] & 1) != 0) {
        d = static_cast<int>(k[0] & window_mask);
        if (d > half) d -= 2 * half;
        // k -= d (k stays non-negative: k = d mod 32).
        if (d > 0) {
          std::uint64_t borrow = static_cast<std::uint64_t>(d);
          for (std::size_t j = 0; j <= N && borrow != 0; ++j) {
            const std::uint64_t before = k[j];
            k[j] -= borrow;
            borrow = before < borrow ? 1 : 0;
          }
        } else {
          std::uint64_t carry = static_cast<std::uint64_t>(-d);
          for (std::size_t j = 0; j <= N && carry != 0; ++j) {
            k[j] += carry;
            carry = k[j] < carry ? 1 : 0;
          }
        }
      }
      naf[i] = static_cast<std::int8_t>(d);
      for (std::size_t j = 0; j < N; ++j) k[j] = (k[j] >> 1) | (k[j + 1] << 63);
      k[N] >>= 1;
    }
  }

  using Jac = EcJacobianVartime<C>;
  using JPoint = typename Jac::Point;

  static void load_odd(Affine& a, std::size_t i) noexcept {
    const std::uint64_t* e = C::kOddTable + i * 2 * N;
    for (std::size_t j = 0; j < N; ++j) {
      a.x[j] = e[j];
      a.y[j] = e[N + j];
    }
  }

  // r = u1*G + u2*Q in Jacobian coordinates: interleaved width-7 NAF of u1
  // over the precomputed odd multiples of G, width-5 NAF of u2 over
  // (2i+1)Q computed here. CT: none (public inputs only).
  static void mul_double_vartime(JPoint& r, const std::uint8_t* u1, const Affine& q,
                                 const std::uint8_t* u2) noexcept {
    JPoint q_odd[8], q2;
    q_odd[0] = JPoint{q.x, q.y, F::kOne};
    Jac::dbl(q2, q_odd[0]);
    for (std::size_t i = 1; i < 8; ++i) Jac::add(q_odd[i], q_odd[i - 1], q2);
    std::int8_t naf1[kNafLen], naf2[kNafLen];
    wnaf_vartime(naf1, u1, 7);
    wnaf_vartime(naf2, u2, 5);
    r.x = F::kOne;
    r.y = F::kOne;
    r.z = Fe{};
    bool started = false;
    for (std::size_t i = kNafLen; i-- > 0;) {
      if (started) Jac::dbl(r, r);
      if (naf1[i] != 0) {
        Affine g;
        load_odd(g, static_cast<std::size_t>((naf1[i] > 0 ? naf1[i] : -naf1[i]) / 2));
        if (naf1[i] < 0) F::neg(g.y, g.y);
        Jac::add_mixed(r, r, g);
        started = true;
      }
      if (naf2[i] != 0) {
        JPoint t = q_odd[(naf2[i] > 0 ? naf2[i] : -naf2[i]) / 2];
        if (naf2[i] < 0) F::neg(t.y, t.y);
        Jac::add(r, r, t);
        started = true;
      }
    }
  }

  // --- CurveOps entries ---

  static Error validate_xy(const std::uint8_t* xy) noexcept {
    Affine a;
    return decode(a, xy);
  }

  static ct::Mask scalar_in_range(const std::uint8_t* k) noexcept {
    typename S::Fe v;
    S::load_be(v, k);
    return S::less_than_modulus(v) & ~S::is_zero(v);
  }

  static void base_mul(std::uint8_t* xy_out, const std::uint8_t* k) noexcept {
    Point p;
    Affine a;
    mul_base(p, k);
    Pt::to_affine(a, p);
    encode(xy_out, a);
    secure_wipe_object(p);
    secure_wipe_object(a);
  }

  static bool point_mul_x(std::uint8_t* x_out, const std::uint8_t* xy, const std::uint8_t* k) noexcept {
    Affine q;
    if (decode(q, xy) != Error::ok) return false;
    Point p;
    mul(p, q, k);
    const bool infinity = F::is_zero(p.z).to_bool();  // public: never for a valid Q and k
    Pt::to_affine(q, p);
    Fe x;
    F::from_mont(x, q.x);
    F::store_be(x_out, x);
    secure_wipe_object(p);
    secure_wipe_object(q);
    secure_wipe_object(x);
    return !infinity;
  }

  static void reduce_scalar(std::uint8_t* e_out, const std::uint8_t* h) noexcept {
    typename S::Fe v;
    S::load_be(v, h);
    S::reduce_plain_once(v, v);  // h < 2^bits < 2n for P-256 and P-384
    S::store_be(e_out, v);
  }

  static void ecdsa_r(std::uint8_t* r_out, const std::uint8_t* k) noexcept {
    std::uint8_t xy[2 * kBytes];
    base_mul(xy, k);
    reduce_scalar(r_out, xy);  // x < p < 2n
    secure_wipe(xy, sizeof xy);
  }

  static void ecdsa_s(std::uint8_t* s_out, const std::uint8_t* k, const std::uint8_t* e,
                      const std::uint8_t* r, const std::uint8_t* d) noexcept {
    typename S::Fe km, em, rm, dm, t;
    S::load_be(t, k);
    S::to_mont(km, t);
    S::load_be(t, e);
    S::to_mont(em, t);
    S::load_be(t, r);
    S::to_mont(rm, t);
    S::load_be(t, d);
    S::to_mont(dm, t);
    S::invert(km, km);
    S::mul(t, rm, dm);
    S::add(t, t, em);
    S::mul(t, t, km);
    S::from_mont(t, t);
    S::store_be(s_out, t);
    S::secure_fill(km);
    S::secure_fill(dm);
    S::secure_fill(t);
  }

  static bool ecdsa_verify_vartime(const std::uint8_t* q_xy, const std::uint8_t* e, const std::uint8_t* r,
                                   const std::uint8_t* s) noexcept {
    Affine q;
    if (decode(q, q_xy) != Error::ok) return false;
    // w = s^-1 (plain, variable time: s is public); u1 = e*w, u2 = r*w, each
    // as mont(mont(x, w), R^2) = x*w.
    typename S::Fe w, t, u;
    std::uint8_t u1[kBytes], u2[kBytes];
    S::load_be(t, s);
    S::invert_plain_vartime(w, t);
    S::load_be(t, e);
    S::mul(u, t, w);
    S::mul(u, u, S::kR2);
    S::store_be(u1, u);
    S::load_be(t, r);
    S::mul(u, t, w);
    S::mul(u, u, S::kR2);
    S::store_be(u2, u);
    JPoint p;
    mul_double_vartime(p, u1, q, u2);
    if (Jac::is_identity(p)) return false;
    // x(R) = X/Z^2, so x(R) mod n == r  <=>  X == r*Z^2, or X == (r+n)*Z^2
    // when r + n < p.
    Fe rf, rz, zz;
    F::sqr(zz, p.z);
    F::load_be(rf, r);
    F::to_mont(rz, rf);
    F::mul(rz, rz, zz);
    if (F::equal(rz, p.x).to_bool()) return true;
    std::uint64_t carry = 0;
    for (std::size_t j = 0; j < N; ++j) carry = add_carry(rf[j], rf[j], S::kM[j], carry);
    if (carry != 0 || !F::less_than_modulus(rf).to_bool()) return false;
    F::to_mont(rz, rf);
    F::mul(rz, rz, zz);
    return F::equal(rz, p.x).to_bool();
  }

  static constexpr CurveOps kOps = {kBytes,         &validate_xy, &scalar_in_range, &base_mul,
                                    &point_mul_x,   &reduce_scalar, &ecdsa_r,       &ecdsa_s,
                                    &ecdsa_verify_vartime};
};

}  // namespace baretls::crypto::detail

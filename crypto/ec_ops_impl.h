// SPDX-License-Identifier: MIT
// Internal: the byte-level operations of one prime curve (CurveOps), built
// from its field, group order and point arithmetic: SEC1 point decoding,
// constant-time signed 5-bit-window scalar multiplication (variable base,
// Jacobian coordinates), a precomputed table of signed 5-bit windows for the
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
  using Affine = typename Pt::Affine;
  using F = typename C::F;
  using S = typename C::S;
  using Fe = typename F::Fe;
  using JCt = EcJacobian<C>;
  using Jac = EcJacobianVartime<C>;
  using JPoint = typename JCt::Point;
  static constexpr std::size_t N = F::N;
  static constexpr std::size_t kBytes = F::kBytes;
  static constexpr std::size_t kNafLen = 8 * kBytes + 1;
  static constexpr std::size_t kBaseWindows = (8 * kBytes + 1 + 4) / 5;  // signed 5-bit windows

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

  // r = k*P for k in [1, n-1] and P not the identity: signed 5-bit windows
  // (booth_digit), left to right, over the table jP, j = 1..16, in Jacobian
  // coordinates; five doublings and one addition per window, every table
  // entry read for each window. CT: no branch or index depends on k.
  // The incomplete addition never meets its exceptional case (accumulator
  // == entry, neither the identity). Before window w's addition the
  // accumulator is A*P, A = sum_{i>w} d_i 32^(i-w), a multiple of 32.
  //  - w > 0: |A| < n/32 + 17, so A = +-d_w (mod n) means A = +-d_w, and
  //    32 | A, |d_w| <= 16 leave only A = d_w = 0 (identities, masked).
  //  - w = 0: A = k - d_0 = d_0 (mod n) means k = 2 d_0 (mod n): k = 2 d_0
  //    makes A = d_0 a non-zero multiple of 32 (impossible), and
  //    k = n + 2 d_0 with d_0 < 0 needs 32 | n + d_0, i.e. n mod 32 in
  //    [1, 16]; P-256 has 17 and P-384 19 (static_assert).
  static void mul(JPoint& r, const Affine& p, const std::uint8_t* k) noexcept {
    static_assert(S::kM[0] % 32 > 16, "the proof of the incomplete addition needs n mod 32 > 16");
    JPoint table[16], sel;
    JCt::from_affine(table[0], p);
    for (std::size_t i = 1; i < 16; ++i) {
      if ((i & 1) != 0) {
        JCt::dbl(table[i], table[i / 2]);  // 2j P = 2 (j P)
      } else {
        JCt::add_mixed(table[i], table[i - 1], p);  // (j+1) P, j P != +-P
      }
    }
    Digit d = booth_digit(k, kBaseWindows - 1);
    JCt::select_signed(r, table, 16, d.mag, d.negative);
    for (std::size_t w = kBaseWindows - 1; w-- > 0;) {
      for (int i = 0; i < 5; ++i) JCt::dbl(r, r);
      d = booth_digit(k, w);
      JCt::select_signed(sel, table, 16, d.mag, d.negative);
      JCt::add(r, r, sel);
    }
    secure_wipe_object(table);
    secure_wipe_object(sel);
    secure_wipe_object(d);
  }

  static void load_base(Affine& a, std::size_t w, std::size_t j) noexcept {
    const std::uint64_t* e = C::kBaseTable + (w * 16 + j) * 2 * N;
    for (std::size_t i = 0; i < N; ++i) {
      a.x[i] = e[i];
      a.y[i] = e[N + i];
    }
  }

  // sel = entry mag of window w (j*32^w*G for j = mag), zero for mag = 0,
  // reading all 16 entries (through C::select_flat when the curve has a
  // vector version). CT.
  static void select_base(Affine& sel, std::size_t w, std::uint64_t mag) noexcept {
    if constexpr (requires { C::select_flat(sel.x, sel.y, C::kBaseTable, 16, mag); }) {
      C::select_flat(sel.x, sel.y, C::kBaseTable + w * 16 * 2 * N, 16, mag);
    } else {
      Affine entry;
      sel.x = Fe{};
      sel.y = Fe{};
      for (std::size_t j = 0; j < 16; ++j) {
        load_base(entry, w, j);
        const ct::Mask m = ct::eq(j + 1, mag);
        F::cmov(sel.x, entry.x, m);
        F::cmov(sel.y, entry.y, m);
      }
    }
  }

  // Bit i of a big-endian scalar (0 past the top); i is public.
  static std::uint64_t bit(const std::uint8_t* k, std::size_t i) noexcept {
    if (i >= 8 * kBytes) return 0;
    return (std::uint64_t{k[kBytes - 1 - i / 8]} >> (i % 8)) & 1;
  }

  // Signed 5-bit window w (Booth recoding) of a big-endian scalar: digit
  // b[5w-1] + b[5w] + 2b[5w+1] + 4b[5w+2] + 8b[5w+3] - 16b[5w+4] in
  // [-16, 16], so that k = sum_w digit_w 32^w; returned as magnitude and
  // sign mask. CT: no branch on k (w is public).
  struct Digit {
    std::uint64_t mag;
    ct::Mask negative;
  };
  // The digit of the six bits b[5w-1..5w+4] (b[5w-1] lowest):
  // (w6 >> 1) + (w6 & 1) - 32 * (w6 >> 5). CT.
  static constexpr std::int64_t booth_value(std::uint64_t w6) noexcept {
    return static_cast<std::int64_t>((w6 >> 1) + (w6 & 1)) - static_cast<std::int64_t>(32 * (w6 >> 5));
  }
  static Digit booth_digit(const std::uint8_t* k, std::size_t w) noexcept {
    std::uint64_t w6 = w == 0 ? 0 : bit(k, 5 * w - 1);
    for (std::size_t b = 0; b < 5; ++b) w6 |= bit(k, 5 * w + b) << (b + 1);
    const std::int64_t digit = booth_value(w6);
    const auto sign = static_cast<std::uint64_t>(digit >> 63);  // all ones when negative
    return Digit{(static_cast<std::uint64_t>(digit) ^ sign) - sign, ct::Mask::from_word(ct::value_barrier(sign))};
  }

  // r = k*G for k in [1, n-1] with signed 5-bit windows (booth_digit): one
  // mixed Jacobian addition per window from the precomputed table (no
  // doublings). Each lookup scans all 16 entries; the sign is applied by a
  // conditional negation, a zero digit keeps the accumulator by a mask.
  // CT: no branch or index depends on k. The addition never meets its
  // exceptional case (base_comb_is_safe).
  static void mul_base(JPoint& r, const std::uint8_t* k) noexcept {
    static_assert(base_comb_is_safe(), "the fixed-base comb's incomplete additions need a proof for this curve");
    JCt::set_identity(r);
    Affine sel;
    JPoint t;
    Fe neg_y;
    for (std::size_t w = 0; w < kBaseWindows; ++w) {
      const Digit d = booth_digit(k, w);
      select_base(sel, w, d.mag);
      F::neg(neg_y, sel.y);
      F::cmov(sel.y, neg_y, d.negative);
      JCt::add_mixed(t, r, sel);
      JCt::cmov(r, t, ct::is_nonzero(d.mag));
    }
    secure_wipe_object(sel);
    secure_wipe_object(t);
    secure_wipe_object(neg_y);
  }

  // Before window w's addition the accumulator is A*G, A = sum_{i<w} d_i
  // 32^i, |A| < 0.52 * 32^w, and the entry B*G, B = d_w 32^w. A = B (mod n)
  // with both non-zero is the exceptional case (A = -B gives the identity,
  // correctly). Below the top window |A - B| < 17 * 32^w <= 2^(5(W-1)) <= n
  // forces A = B, impossible as |B| >= 32^w > |A|. At the top, A = k - B,
  // so A = B means k = 2B (mod n): k is the residue v = 2 d 32^(W-1) mod n,
  // whose own top digit must then be d; checked for every d here.
  static constexpr bool base_comb_is_safe() noexcept {
    if ((S::kM[N - 1] >> 63) == 0 || 5 * (kBaseWindows - 1) > 8 * kBytes - 1) return false;
    const Limbs<N> t = pow2_mod<N>(S::kM, 5 * (kBaseWindows - 1) + 1);  // 2 * 32^(W-1) mod n
    Limbs<N> v{};
    for (std::uint64_t d = 1; d <= 16; ++d) {
      v = add_mod_n(v, t);  // d * t mod n
      if (booth_digit_limbs(v, kBaseWindows - 1) == static_cast<std::int64_t>(d)) return false;
    }
    return true;
  }
  static constexpr Limbs<N> add_mod_n(const Limbs<N>& a, const Limbs<N>& b) noexcept {
    Limbs<N> r{};
    std::uint64_t carry = 0;
    for (std::size_t j = 0; j < N; ++j) carry = add_carry(r[j], a[j], b[j], carry);
    S::reduce_once(r, r, carry);
    return r;
  }
  // booth_digit over little-endian limbs (compile time).
  static constexpr std::int64_t booth_digit_limbs(const Limbs<N>& v, std::size_t w) noexcept {
    auto bit_of = [&](std::size_t i) -> std::uint64_t { return i >= 64 * N ? 0 : (v[i / 64] >> (i % 64)) & 1; };
    std::uint64_t w6 = w == 0 ? 0 : bit_of(5 * w - 1);
    for (std::size_t b = 0; b < 5; ++b) w6 |= bit_of(5 * w + b) << (b + 1);
    return booth_value(w6);
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
    JPoint p;
    Affine a;
    mul_base(p, k);
    JCt::to_affine(a, p);
    encode(xy_out, a);
    secure_wipe_object(p);
    secure_wipe_object(a);
  }

  static bool point_mul_x(std::uint8_t* x_out, const std::uint8_t* xy, const std::uint8_t* k) noexcept {
    Affine q;
    if (decode(q, xy) != Error::ok) return false;
    JPoint p;
    mul(p, q, k);
    const bool infinity = F::is_zero(p.z).to_bool();  // public: never for a valid Q and k
    // x = X / Z^2
    Fe zinv, x;
    F::invert(zinv, p.z);
    F::sqr(zinv, zinv);
    F::mul(x, p.x, zinv);
    F::from_mont(x, x);
    F::store_be(x_out, x);
    secure_wipe_object(p);
    secure_wipe_object(q);
    secure_wipe_object(zinv);
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

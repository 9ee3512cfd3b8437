// SPDX-License-Identifier: MIT
// RSA keys and primitives (RFC 8017 §3, §5): public key checks, private key
// (CRT) checks, RSAVP1/RSAEP with any public exponent, and RSASP1/RSADP by
// the Chinese remainder theorem (§5.1.2 2.b) with base blinding (a pair
// reused and squared, detail::RsaBlinding in rsa.h) and a fault check
// before anything is released.
#include "baretls/crypto/rsa.h"

#include "baretls/crypto/secret.h"
#include "crypto/rsa_impl.h"

namespace baretls::crypto {
namespace {

using Limbs = std::array<Limb, kMaxLimbs>;

// Leading zero bytes removed. CT: depends on the byte length only, which is
// public for every RSA component.
std::span<const std::uint8_t> strip(std::span<const std::uint8_t> x) noexcept {
  std::size_t i = 0;
  while (i < x.size() && x[i] == 0) ++i;
  return x.subspan(i);
}

// A random value in [1, 2^(bits-1)) (so below any modulus of `bits` bits),
// as n limbs. CT: none needed (fresh randomness); retried while zero.
Error random_below(std::span<Limb> out, std::size_t bits, const RandomSource& rng) noexcept {
  std::array<std::uint8_t, kMaxRsaBytes> buf;
  const auto bytes = std::span<std::uint8_t>(buf).first(out.size() * 8);
  for (;;) {
    BARETLS_TRY(rng(bytes));
    (void)bigint::from_bytes_be(out, bytes);
    const std::size_t keep = bits - 1;
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (64 * i >= keep) {
        out[i] = 0;
      } else if (64 * (i + 1) > keep) {
        out[i] &= (Limb{1} << (keep - 64 * i)) - 1;
      }
    }
    if (!bigint::is_zero(out).to_bool()) break;
  }
  secure_wipe(bytes);
  return Error::ok;
}

// A fresh blinding pair for n: a_m = r^e R and ai_m = r^-1 R mod n for a
// random r. r^-1 is computed without exposing r to a variable-time inverse:
// u = r*t for another fresh random t is inverted instead (its timing reveals
// only u, which is independent of r), and r^-1 = t * u^-1.
// CT: time depends only on the sizes and on u (public by the above).
Error draw_blinding(const RsaPublicKey& pub, const RandomSource& rng, Limbs& a_m, Limbs& ai_m) noexcept {
  const MontContext& nc = detail::RsaAccess::n(pub);
  const std::size_t ln = nc.size();
  Limbs r{}, t{}, r_m{}, t_m{}, u{}, x{};
  WipeOnExit wipe_r(r.data(), sizeof r), wipe_t(t.data(), sizeof t), wipe_rm(r_m.data(), sizeof r_m),
      wipe_tm(t_m.data(), sizeof t_m), wipe_u(u.data(), sizeof u), wipe_x(x.data(), sizeof x);
  const auto span_n = [ln](Limbs& a) { return std::span<Limb>(a).first(ln); };
  for (;;) {
    BARETLS_TRY(random_below(span_n(r), pub.bits(), rng));
    BARETLS_TRY(random_below(span_n(t), pub.bits(), rng));
    nc.to_mont(r_m.data(), r.data());
    nc.to_mont(t_m.data(), t.data());
    nc.mul(u.data(), r_m.data(), t_m.data());
    nc.from_mont(u.data(), u.data());  // u = r*t mod n
    if (bigint::mod_inverse_vartime(span_n(x), span_n(u), nc.modulus())) break;
  }
  nc.to_mont(x.data(), x.data());
  nc.mul(ai_m.data(), x.data(), t_m.data());                  // (r^-1) R
  nc.exp_vartime(a_m.data(), r_m.data(), detail::RsaAccess::e(pub));  // (r^e) R; e is public
  return Error::ok;
}

}  // namespace

Result<RsaPublicKey> RsaPublicKey::from_bytes(std::span<const std::uint8_t> n,
                                              std::span<const std::uint8_t> e) noexcept {
  n = strip(n);
  e = strip(e);
  if (n.size() > kMaxRsaBytes) return Error::key_too_large;
  RsaPublicKey key;
  const std::size_t limbs = limbs_for_bytes(n.size());
  Limbs nl{};
  if (limbs == 0 || !bigint::from_bytes_be(std::span<Limb>(nl).first(limbs), n)) return Error::key_too_small;
  const std::size_t bits = bigint::bit_length_vartime(std::span<const Limb>(nl).first(limbs));
  if (bits < kMinRsaBits) return Error::key_too_small;
  if (bits > kMaxRsaBits) return Error::key_too_large;
  if ((nl[0] & 1) == 0) return Error::even_modulus;
  // e: odd, 3 <= e < 2^32 (so e < n too). RFC 8017 §3.1 allows any e
  // below n, but the cost of RSAVP1 grows with e's length: an unbounded e
  // lets a certificate chain cost seconds of CPU. Every deployed key uses
  // e = 65537 (or 3); FIPS 186-5 §A.1.1 caps e below 2^256, we cap lower.
  if (e.size() * 8 > kMaxRsaPublicExponentBits) return Error::bad_public_exponent;
  const auto el = std::span<Limb>(key.e_).first(limbs);
  if (!bigint::from_bytes_be(el, e)) return Error::bad_public_exponent;
  if ((el[0] & 1) == 0 || bigint::bit_length_vartime(el) < 2) return Error::bad_public_exponent;
  key.e_limbs_ = limbs_for_bits(bigint::bit_length_vartime(el));
  BARETLS_TRY(key.n_.init(std::span<const Limb>(nl).first(limbs), MontContext::Secrecy::public_modulus));
  key.bits_ = bits;
  key.size_ = (bits + 7) / 8;
  return key;
}

RsaPrivateKey::~RsaPrivateKey() {
  secure_wipe(dp_.data(), sizeof dp_);
  secure_wipe(dq_.data(), sizeof dq_);
  secure_wipe(qinv_.data(), sizeof qinv_);
}

Result<RsaPrivateKey> RsaPrivateKey::from_components(
    std::span<const std::uint8_t> n, std::span<const std::uint8_t> e, std::span<const std::uint8_t> /*d*/,
    std::span<const std::uint8_t> p, std::span<const std::uint8_t> q, std::span<const std::uint8_t> dp,
    std::span<const std::uint8_t> dq, std::span<const std::uint8_t> qinv) noexcept {
  return detail::RsaAccess::make_private(n, e, p, q, dp, dq, qinv, kMinRsaPrivateBits);
}

namespace detail {

Result<RsaPrivateKey> RsaAccess::make_private(std::span<const std::uint8_t> n, std::span<const std::uint8_t> e,
                                              std::span<const std::uint8_t> p, std::span<const std::uint8_t> q,
                                              std::span<const std::uint8_t> dp, std::span<const std::uint8_t> dq,
                                              std::span<const std::uint8_t> qinv, std::size_t min_bits) noexcept {
  auto pub = RsaPublicKey::from_bytes(n, e);
  if (!pub.ok()) return pub.error();
  if (pub->bits() < min_bits) return Error::key_too_small;
  if (pub->bits() > kMaxRsaPrivateBits) return Error::key_too_large;
  RsaPrivateKey key;
  key.pub_ = *pub;
  p = strip(p);
  q = strip(q);
  const std::size_t lp = limbs_for_bytes(p.size()), lq = limbs_for_bytes(q.size());
  if (lp == 0 || lq == 0 || lp > RsaPrivateKey::kMaxPrimeLimbs || lq > RsaPrivateKey::kMaxPrimeLimbs)
    return Error::invalid_key;
  Limbs pl{}, ql{}, prod{};
  (void)bigint::from_bytes_be(std::span<Limb>(pl).first(lp), p);
  (void)bigint::from_bytes_be(std::span<Limb>(ql).first(lq), q);
  // p * q == n. The decision is public (the key is valid or not).
  const std::size_t ln = key.pub_.n_.size();
  if (lp + lq > kMaxLimbs || lp + lq < ln) return Error::invalid_key;
  bigint::mul(std::span<Limb>(prod).first(lp + lq), std::span<const Limb>(pl).first(lp),
              std::span<const Limb>(ql).first(lq));
  ct::Mask ok = bigint::equal(std::span<const Limb>(prod).first(ln), key.pub_.n_.modulus());
  for (std::size_t i = ln; i < lp + lq; ++i) ok &= ct::is_zero(prod[i]);
  if (!ok.to_bool()) return Error::invalid_key;
  if (key.p_.init(std::span<const Limb>(pl).first(lp), MontContext::Secrecy::secret_modulus) != Error::ok ||
      key.q_.init(std::span<const Limb>(ql).first(lq), MontContext::Secrecy::secret_modulus) != Error::ok)
    return Error::invalid_key;
  // dp < p, dq < q, qinv < p (as many limbs as the prime).
  const auto load_below = [](std::span<Limb> out, std::span<const std::uint8_t> v, std::span<const Limb> m) {
    return bigint::from_bytes_be(out, v) && bigint::less_than(out, m).to_bool();
  };
  if (!load_below(std::span<Limb>(key.dp_).first(lp), dp, key.p_.modulus()) ||
      !load_below(std::span<Limb>(key.dq_).first(lq), dq, key.q_.modulus()) ||
      !load_below(std::span<Limb>(key.qinv_).first(lp), qinv, key.p_.modulus()))
    return Error::invalid_key;
  secure_wipe(pl.data(), sizeof pl);
  secure_wipe(ql.data(), sizeof ql);
  secure_wipe(prod.data(), sizeof prod);
  return key;
}

Result<RsaPrivateKey> rsa_private_key_min_bits(std::span<const std::uint8_t> n, std::span<const std::uint8_t> e,
                                               std::span<const std::uint8_t> p, std::span<const std::uint8_t> q,
                                               std::span<const std::uint8_t> dp, std::span<const std::uint8_t> dq,
                                               std::span<const std::uint8_t> qinv, std::size_t min_bits) noexcept {
  return RsaAccess::make_private(n, e, p, q, dp, dq, qinv, min_bits);
}

Error rsa_public_op(const RsaPublicKey& key, std::span<const std::uint8_t> in, std::span<std::uint8_t> out) noexcept {
  const std::size_t k = key.modulus_size();
  if (in.size() != k || out.size() != k) return Error::bad_signature_encoding;
  const MontContext& nc = RsaAccess::n(key);
  const std::size_t ln = nc.size();
  Limbs x{}, xm{};
  (void)bigint::from_bytes_be(std::span<Limb>(x).first(ln), in);  // k bytes always fit
  if (!bigint::less_than(std::span<const Limb>(x).first(ln), nc.modulus()).to_bool())
    return Error::signature_out_of_range;
  // RFC 8017 §5.2.2 RSAVP1: m = s^e mod n.
  nc.to_mont(xm.data(), x.data());
  nc.exp_vartime(xm.data(), xm.data(), RsaAccess::e(key));
  nc.from_mont(x.data(), xm.data());
  bigint::to_bytes_be(out, std::span<const Limb>(x).first(ln));
  return Error::ok;
}

Error RsaAccess::private_op(const RsaPrivateKey& key, std::span<const std::uint8_t> in, const RandomSource& rng,
                            std::span<std::uint8_t> out) noexcept {
  const RsaPublicKey& pub = key.pub_;
  const std::size_t k = pub.modulus_size();
  if (in.size() != k || out.size() != k) return Error::bad_length;
  const MontContext& nc = pub.n_;
  const MontContext& pc = key.p_;
  const MontContext& qc = key.q_;
  const std::size_t ln = nc.size(), lp = pc.size(), lq = qc.size();
  const auto e = RsaAccess::e(pub);
  Limbs c{}, c_m{}, a_m{}, ai_m{}, u{}, x{};
  const auto span_n = [ln](Limbs& a) { return std::span<Limb>(a).first(ln); };
  WipeOnExit wipe_c(c.data(), sizeof c), wipe_cm(c_m.data(), sizeof c_m), wipe_a(a_m.data(), sizeof a_m),
      wipe_ai(ai_m.data(), sizeof ai_m), wipe_u(u.data(), sizeof u), wipe_x(x.data(), sizeof x);

  (void)bigint::from_bytes_be(span_n(c), in);
  if (!bigint::less_than(span_n(c), nc.modulus()).to_bool()) return Error::signature_out_of_range;
  nc.to_mont(c_m.data(), c.data());

  // Base blinding: the key's reused pair (r^e, r^-1), or a fresh one.
  if (!key.blinding_.take(nc, a_m.data(), ai_m.data())) {
    BARETLS_TRY(draw_blinding(pub, rng, a_m, ai_m));
    key.blinding_.store(nc, a_m.data(), ai_m.data());
  }
  // x = c * r^e mod n (the blinded input), normal form.
  nc.mul(x.data(), a_m.data(), c_m.data());
  nc.from_mont(x.data(), x.data());

  // RFC 8017 §5.1.2 2.b: m1 = x^dP mod p, m2 = x^dQ mod q,
  // h = (m1 - m2) qInv mod p, m = m2 + q h.
  Limbs m1{}, m2{}, m2p{}, h{}, prod{};
  WipeOnExit wipe_m1(m1.data(), sizeof m1), wipe_m2(m2.data(), sizeof m2), wipe_m2p(m2p.data(), sizeof m2p),
      wipe_h(h.data(), sizeof h), wipe_p(prod.data(), sizeof prod);
  pc.reduce_to_mont(m1.data(), std::span<const Limb>(x).first(ln));
  qc.reduce_to_mont(m2.data(), std::span<const Limb>(x).first(ln));
  MontContext::exp_pair(pc, m1.data(), m1.data(), std::span<const Limb>(key.dp_).first(lp), qc, m2.data(),
                        m2.data(), std::span<const Limb>(key.dq_).first(lq));
  qc.from_mont(m2.data(), m2.data());
  pc.reduce_to_mont(m2p.data(), std::span<const Limb>(m2).first(lq));
  bigint::mod_sub(std::span<Limb>(h).first(lp), std::span<const Limb>(m1).first(lp),
                  std::span<const Limb>(m2p).first(lp), pc.modulus());
  pc.mul(h.data(), h.data(), key.qinv_.data());  // (m1 - m2) R * qInv / R
  bigint::mul(std::span<Limb>(prod).first(lp + lq), std::span<const Limb>(h).first(lp), qc.modulus());
  (void)bigint::add(std::span<Limb>(prod).first(lp + lq), std::span<const Limb>(prod).first(lp + lq),
                    std::span<const Limb>(m2).first(lp + lq));
  // prod < n fits in ln limbs. Unblind: y = prod * r^-1 mod n.
  nc.to_mont(x.data(), prod.data());
  nc.mul(x.data(), x.data(), ai_m.data());  // y R

  // Fault check: y^e must give back the input; release nothing otherwise.
  nc.exp_vartime(u.data(), x.data(), e);
  const ct::Mask good = bigint::equal(span_n(u), span_n(c_m));
  nc.from_mont(x.data(), x.data());
  if (!good.to_bool()) {
    secure_wipe(out);
    return Error::fault_detected;
  }
  bigint::to_bytes_be(out, span_n(x));
  return Error::ok;
}

Error rsa_private_op(const RsaPrivateKey& key, std::span<const std::uint8_t> in, const RandomSource& rng,
                     std::span<std::uint8_t> out) noexcept {
  return RsaAccess::private_op(key, in, rng, out);
}

Error rsa_exp_d(const RsaPublicKey& key, std::span<const std::uint8_t> d, std::span<const std::uint8_t> in,
                std::span<std::uint8_t> out) noexcept {
  const MontContext& nc = RsaAccess::n(key);
  const std::size_t ln = nc.size();
  if (in.size() != key.modulus_size() || out.size() != key.modulus_size()) return Error::bad_length;
  Limbs x{}, dl{};
  if (!bigint::from_bytes_be(std::span<Limb>(dl).first(ln), d)) return Error::invalid_key;
  (void)bigint::from_bytes_be(std::span<Limb>(x).first(ln), in);
  if (!bigint::less_than(std::span<const Limb>(x).first(ln), nc.modulus()).to_bool())
    return Error::signature_out_of_range;
  nc.to_mont(x.data(), x.data());
  nc.exp(x.data(), x.data(), std::span<const Limb>(dl).first(ln));
  nc.from_mont(x.data(), x.data());
  bigint::to_bytes_be(out, std::span<const Limb>(x).first(ln));
  secure_wipe(dl.data(), sizeof dl);
  secure_wipe(x.data(), sizeof x);
  return Error::ok;
}

}  // namespace detail
}  // namespace baretls::crypto

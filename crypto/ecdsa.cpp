// SPDX-License-Identifier: MIT
// ECDSA over P-256/P-384: signing (FIPS 186-4 §6.3) with RFC 6979 nonces
// (HMAC-DRBG, §3.2; hedged with additional data per §3.6), verification
// (FIPS 186-4 §6.4), digest truncation (§6.4: leftmost min(N, outlen) bits),
// and strict DER ECDSA-Sig-Value (RFC 5480 §2.2.3, X.690 §8.3 INTEGERs).
#include "baretls/crypto/ecdsa.h"

#include "baretls/crypto/hmac.h"
#include "baretls/crypto/secret.h"
#include "crypto/ec_impl.h"
#include "crypto/ecdsa_impl.h"

namespace baretls::crypto {
namespace {

// FIPS 186-4 §6.4 / RFC 6979 §2.3.2 bits2int then mod n: the leftmost
// 8*size bits of the digest (both curves' bit lengths are multiples of 8),
// or the whole digest read as an integer when it is shorter.
void digest_to_scalar(const detail::CurveOps& ops, std::span<const std::uint8_t> digest, std::uint8_t* e) noexcept {
  std::uint8_t h[kMaxEcScalarSize] = {};
  const std::size_t take = digest.size() < ops.size ? digest.size() : ops.size;
  for (std::size_t i = 0; i < take; ++i) h[ops.size - take + i] = digest[i];
  ops.reduce_scalar(e, h);
}

// RFC 6979 §3.2 steps b-h: HMAC-DRBG keyed by the private key and the
// message scalar, producing candidates k in [1, n-1].
class NonceDrbg {
 public:
  NonceDrbg(HashId hash, const detail::CurveOps& ops, const std::uint8_t* x, const std::uint8_t* h1,
            std::span<const std::uint8_t> extra) noexcept
      : hash_(hash), ops_(ops), hlen_(digest_size(hash)), mac_(hash, std::span<const std::uint8_t>(kZeros, hlen_)) {
    for (std::size_t i = 0; i < hlen_; ++i) v_[i] = 0x01;  // step b; step c: K = 0 keys mac_
    reseed(0x00, x, h1, extra);  // steps d, e
    reseed(0x01, x, h1, extra);  // steps f, g
  }
  NonceDrbg(const NonceDrbg&) = delete;
  NonceDrbg& operator=(const NonceDrbg&) = delete;
  ~NonceDrbg() {
    secure_wipe(k_, sizeof k_);
    secure_wipe(v_, sizeof v_);
  }

  // Step h: the next candidate in [1, n-1] (k_out: ops.size bytes).
  void next(std::uint8_t* k_out) noexcept {
    for (;;) {
      if (started_) {
        // Step h.3: K = HMAC_K(V || 0x00); V = HMAC_K(V).
        const std::uint8_t zero = 0;
        mac_.update({v_, hlen_});
        mac_.update({&zero, 1});
        set_key();
        refresh_v();
      }
      started_ = true;
      // Step h.2: T = V_1 || V_2 || ... until qlen bits; k = bits2int(T).
      std::size_t have = 0;
      while (have < ops_.size) {
        refresh_v();
        const std::size_t take = ops_.size - have < hlen_ ? ops_.size - have : hlen_;
        for (std::size_t i = 0; i < take; ++i) k_out[have + i] = v_[i];
        have += take;
      }
      if (ops_.scalar_in_range(k_out).to_bool()) return;  // public: rejection is rare
    }
  }

 private:
  // K = HMAC_K(V || marker || int2octets(x) || bits2octets(h1) || k'); V = HMAC_K(V).
  void reseed(std::uint8_t marker, const std::uint8_t* x, const std::uint8_t* h1,
              std::span<const std::uint8_t> extra) noexcept {
    mac_.update({v_, hlen_});
    mac_.update({&marker, 1});
    mac_.update({x, ops_.size});
    mac_.update({h1, ops_.size});
    mac_.update(extra);
    set_key();
    refresh_v();
  }
  // K = the MAC just computed under the old key; mac_ is re-keyed with it.
  void set_key() noexcept {
    mac_.final(k_);
    mac_ = Hmac(hash_, {k_, hlen_});
  }
  // V = HMAC_K(V) (mac_ holds K; final() starts the next message).
  void refresh_v() noexcept {
    mac_.update({v_, hlen_});
    mac_.final(v_);
  }

  static constexpr std::uint8_t kZeros[kMaxDigestSize] = {};

  HashId hash_;
  const detail::CurveOps& ops_;
  std::size_t hlen_;
  Hmac mac_;  // keyed with the current K
  bool started_ = false;
  std::uint8_t k_[kMaxDigestSize];
  std::uint8_t v_[kMaxDigestSize];
};

bool all_zero(const std::uint8_t* p, std::size_t n) noexcept {  // public values only
  std::uint8_t acc = 0;
  for (std::size_t i = 0; i < n; ++i) acc |= p[i];
  return acc == 0;
}

// FIPS 186-4 §6.3 with a given k: r = x(kG) mod n, s = k^-1 (e + r d) mod n.
// Returns false when r or s is zero (the caller draws another k).
bool sign_core(const detail::CurveOps& ops, const std::uint8_t* d, const std::uint8_t* e, const std::uint8_t* k,
               std::uint8_t* sig) noexcept {
  ops.ecdsa_r(sig, k);
  ops.ecdsa_s(sig + ops.size, k, e, sig, d);
  return !all_zero(sig, ops.size) && !all_zero(sig + ops.size, ops.size);
}

}  // namespace

void detail::rfc6979_nonce(Curve c, HashId hash, std::span<const std::uint8_t> d, std::span<const std::uint8_t> digest,
                           std::span<const std::uint8_t> extra, std::span<std::uint8_t> k_out) noexcept {
  const auto& ops = curve_ops(c);
  std::uint8_t e[kMaxEcScalarSize];
  digest_to_scalar(ops, digest, e);
  NonceDrbg drbg(hash, ops, d.data(), e, extra);
  drbg.next(k_out.data());
}

Error detail::ecdsa_sign_with_k(Curve c, std::span<const std::uint8_t> d, std::span<const std::uint8_t> digest,
                                std::span<const std::uint8_t> k, std::span<std::uint8_t> sig_rs_out) noexcept {
  const auto& ops = curve_ops(c);
  if (d.size() != ops.size || k.size() != ops.size) return Error::bad_length;
  if (sig_rs_out.size() < 2 * ops.size) return Error::buffer_too_small;
  if (!(ops.scalar_in_range(d.data()) & ops.scalar_in_range(k.data())).to_bool()) return Error::invalid_scalar;
  std::uint8_t e[kMaxEcScalarSize];
  digest_to_scalar(ops, digest, e);
  return sign_core(ops, d.data(), e, k.data(), sig_rs_out.data()) ? Error::ok : Error::invalid_scalar;
}

Error ecdsa_sign(Curve c, HashId hash, std::span<const std::uint8_t> d, std::span<const std::uint8_t> digest,
                 const RandomSource* extra, std::span<std::uint8_t> sig_rs_out) noexcept {
  const auto& ops = detail::curve_ops(c);
  if (d.size() != ops.size) return Error::bad_length;
  if (sig_rs_out.size() < 2 * ops.size) return Error::buffer_too_small;
  if (!ops.scalar_in_range(d.data()).to_bool()) return Error::invalid_scalar;
  std::uint8_t e[kMaxEcScalarSize];
  digest_to_scalar(ops, digest, e);
  // RFC 6979 §3.6: fresh random bytes as the additional data k'.
  std::uint8_t noise[kMaxEcScalarSize];
  std::span<const std::uint8_t> k_extra;
  if (extra != nullptr) {
    BARETLS_TRY((*extra)({noise, ops.size}));
    k_extra = {noise, ops.size};
  }
  NonceDrbg drbg(hash, ops, d.data(), e, k_extra);
  std::uint8_t k[kMaxEcScalarSize];
  WipeOnExit wipe_k(k, sizeof k);
  WipeOnExit wipe_noise(noise, sizeof noise);
  // RFC 6979 §3.4: a k that yields r = 0 or s = 0 is replaced by the next one.
  for (int attempt = 0; attempt < 8; ++attempt) {
    drbg.next(k);
    if (sign_core(ops, d.data(), e, k, sig_rs_out.data())) return Error::ok;
  }
  secure_wipe(sig_rs_out.first(2 * ops.size));
  return Error::fault_detected;  // eight zero r or s values: broken arithmetic
}

Error ecdsa_verify(Curve c, std::span<const std::uint8_t> point, std::span<const std::uint8_t> digest,
                   std::span<const std::uint8_t> sig_rs) noexcept {
  const auto& ops = detail::curve_ops(c);
  BARETLS_TRY(ec_validate_public(c, point));
  if (sig_rs.size() != 2 * ops.size) return Error::bad_signature_encoding;
  const std::uint8_t* r = sig_rs.data();
  const std::uint8_t* s = r + ops.size;
  // FIPS 186-4 §6.4.2 step 1: reject unless 0 < r < n and 0 < s < n.
  if (!(ops.scalar_in_range(r) & ops.scalar_in_range(s)).to_bool()) return Error::signature_out_of_range;
  std::uint8_t e[kMaxEcScalarSize];
  digest_to_scalar(ops, digest, e);
  return ops.ecdsa_verify_vartime(point.data() + 1, e, r, s) ? Error::ok : Error::bad_signature;
}

}  // namespace baretls::crypto

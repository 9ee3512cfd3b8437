// SPDX-License-Identifier: MIT
// Path building (RFC 4158 ideas: depth-first, every candidate issuer tried,
// no certificate twice, bounded work) and path validation (RFC 5280
// §6.1.3-§6.1.5, the parts TLS needs); see verify.h.
#include <algorithm>

#include "baretls/x509/hostname.h"
#include "x509/oid.h"
#include "baretls/x509/verify.h"
#include "x509/work_meter.h"
#include "x509/parsers.h"

namespace baretls::x509 {

namespace {

bool same_der(const Certificate& a, const Certificate& b) noexcept {
  const auto x = a.der();
  const auto y = b.der();
  return std::equal(x.begin(), x.end(), y.begin(), y.end());
}

oid::Oid purpose_oid(Purpose p) noexcept { return p == Purpose::server ? oid::Oid(oid::kServerAuth) : oid::kClientAuth; }

// RFC 5280 §4.2.1.12: when the extension is present the certificate "MUST
// only be used for one of the purposes indicated" (anyExtendedKeyUsage
// allows all). Checked on the leaf and, like common practice, on CAs.
Error check_eku(const Certificate& c, Purpose purpose) {
  if (purpose == Purpose::any || !c.extended_key_usage) return Error::ok;
  for (const auto& id : *c.extended_key_usage) {
    if (oid::equal(id, purpose_oid(purpose)) || oid::equal(id, oid::kAnyExtendedKeyUsage)) return Error::ok;
  }
  return Error::wrong_purpose;
}

// RFC 5280 §4.2.1.3 for the end entity: a TLS server key signs (ECDHE),
// decrypts (RSA key transport) or agrees keys; a client key signs.
Error check_leaf_key_usage(const Certificate& c, Purpose purpose) {
  if (purpose == Purpose::any || !c.key_usage) return Error::ok;
  const std::uint16_t needed = purpose == Purpose::server
                                   ? (ku_digital_signature | ku_key_encipherment | ku_key_agreement)
                                   : (ku_digital_signature | ku_key_agreement);
  return (*c.key_usage & needed) != 0 ? Error::ok : Error::key_usage_forbids;
}

Error check_validity(const Certificate& c, std::int64_t now) {
  // §6.1.3 (a)(2): "The certificate validity period includes the current time."
  if (now < c.not_before) return Error::not_yet_valid;
  if (now > c.not_after) return Error::expired;
  return Error::ok;
}

// A certificate that may act as an issuer: §6.1.4 (k) cA TRUE (a v1/v2
// trust anchor has no extensions and is accepted as a CA), (n) keyCertSign.
Error check_issuer_role(const Certificate& c, bool anchor) {
  if (!c.is_ca() && !(anchor && c.version < 3)) return Error::not_a_ca;
  if (c.key_usage && (*c.key_usage & ku_key_cert_sign) == 0) return Error::key_usage_forbids;
  return Error::ok;
}

// RFC 5280 §6.1.3 (a)(1) needs the working public key to verify with; we
// also refuse RSA keys below the caller's minimum (for the trust anchor and
// every issuer here, for the leaf in check_leaf_key()).
Error check_key_size(const PublicKey& key, const VerifyOptions& o) noexcept {
  const std::size_t min_bits = std::max(o.min_rsa_bits, kLegacyMinRsaBits);
  return key.type() == KeyType::rsa && key.bits() < min_bits ? Error::weak_key : Error::ok;
}

// The leaf's key: an RSA key out of bounds or too small is refused; a key
// type we do not implement is the caller's business (verify_chain refuses it
// when it returns the key).
Error check_leaf_key(const Certificate& leaf, const VerifyOptions& o) {
  auto key = leaf.public_key();
  if (!key) return key.error() == Error::unsupported_key ? Error::ok : key.error();
  return check_key_size(*key, o);
}

Error verify_with(const Certificate& cert, const PublicKey& issuer_key) {
  if (!cert.signature_algorithm.supported) return Error::unsupported_algorithm;
  return verify_signature(issuer_key, cert.signature_algorithm, cert.tbs(), cert.signature);
}

Error issuer_key_error(Error e) noexcept { return e == Error::unsupported_key ? Error::unsupported_algorithm : e; }

// §6.1: validate path[0] = leaf ... path[n-1], issued under `anchor`.
Error validate(const std::vector<const Certificate*>& path, const Certificate& anchor, const VerifyOptions& o,
               detail::WorkMeter& meter) {
  if (path.size() > o.max_depth) return Error::path_too_long;
  BARETLS_TRY(check_validity(anchor, o.now));
  BARETLS_TRY(check_issuer_role(anchor, true));
  if (anchor.unknown_critical_extension) return Error::unsupported_critical_extension;
  BARETLS_TRY(check_eku(anchor, o.purpose));
  // §6.1.2 (k): max_path_length starts at n; the anchor's own constraint
  // applies too (as deployed validators do).
  std::uint64_t max_path_length = path.size();
  if (anchor.basic_constraints && anchor.basic_constraints->path_len) {
    max_path_length = std::min(max_path_length, *anchor.basic_constraints->path_len);
  }
  std::vector<const NameConstraints*> constraints;
  if (anchor.name_constraints) constraints.push_back(&*anchor.name_constraints);
  // From the certificate just below the anchor down to the leaf.
  for (std::size_t i = path.size(); i-- > 0;) {
    const Certificate& c = *path[i];
    const bool leaf = i == 0;
    BARETLS_TRY(check_validity(c, o.now));
    // §4.2: "MUST reject the certificate if it encounters a critical
    // extension it does not recognize".
    if (c.unknown_critical_extension) return Error::unsupported_critical_extension;
    for (const auto* nc : constraints) BARETLS_TRY(detail::check_name_constraints(c, *nc, leaf, meter));
    BARETLS_TRY(check_eku(c, o.purpose));
    if (leaf) break;
    BARETLS_TRY(check_issuer_role(c, false));
    // §6.1.4 (l)-(m): each non-self-issued CA uses up one step.
    if (!c.is_self_issued()) {
      if (max_path_length == 0) return Error::path_too_long;
      --max_path_length;
    }
    if (c.basic_constraints && c.basic_constraints->path_len) {
      max_path_length = std::min(max_path_length, *c.basic_constraints->path_len);
    }
    if (c.name_constraints) constraints.push_back(&*c.name_constraints);
  }
  const Certificate& leaf = *path[0];
  BARETLS_TRY(check_leaf_key_usage(leaf, o.purpose));
  BARETLS_TRY(check_leaf_key(leaf, o));
  if (!o.hostname.empty()) BARETLS_TRY(check_hostname(leaf, o.hostname));
  return Error::ok;
}

class Builder {
 public:
  Builder(std::span<const Certificate> untrusted, const TrustStore& roots, const VerifyOptions& o)
      : untrusted_(untrusted), roots_(roots), options_(o), meter_(o.budget) {}

  // Depth-first search from path_.back() upwards. True on success (path_ and
  // anchor_ then hold the validated path). Stops when the meter runs out.
  bool extend() {
    const Certificate& current = *path_.back();
    for (const auto& anchor : roots_.anchors()) {
      if (!(anchor.subject == current.issuer) || !signed_by(current, anchor)) continue;
      const Error e = validate(path_, anchor, options_, meter_);
      if (e == Error::ok) {
        anchor_ = &anchor;
        return true;
      }
      note(e, kReachedAnchor);
    }
    if (path_.size() >= options_.max_depth) {
      note(Error::path_too_long, kReachedAnchor - 1);
      return false;
    }
    for (const auto& candidate : untrusted_) {
      if (meter_.exhausted()) return false;
      if (!(candidate.subject == current.issuer)) continue;
      const bool seen = std::any_of(path_.begin(), path_.end(), [&](const Certificate* p) {
        return same_der(*p, candidate) || (p->subject == candidate.subject && p->spki.size() == candidate.spki.size() &&
                                           std::equal(p->spki.begin(), p->spki.end(), candidate.spki.begin()));
      });
      if (seen) {
        note(Error::chain_loop, 1);
        continue;
      }
      if (!signed_by(current, candidate)) continue;
      path_.push_back(&candidate);
      if (extend()) return true;
      path_.pop_back();
    }
    return false;
  }

  // The reason for a failed search: the most telling failure seen, unless
  // the search was cut short.
  [[nodiscard]] Error failure() const noexcept { return meter_.exhausted() ? Error::work_limit_exceeded : best_; }
  [[nodiscard]] const VerifyStats& stats() const noexcept { return meter_.stats(); }

  std::vector<const Certificate*> path_;
  const Certificate* anchor_ = nullptr;

 private:
  static constexpr int kReachedAnchor = 10;

  // `issuer`'s key (big enough, within the budget) verifies c's signature.
  bool signed_by(const Certificate& c, const Certificate& issuer) {
    auto key = issuer.public_key();
    Error e = key ? check_key_size(*key, options_) : issuer_key_error(key.error());
    if (e != Error::ok) {
      note(e, 3);
      return false;
    }
    if (!meter_.charge_signature(*key)) return false;
    e = verify_with(c, *key);
    if (e != Error::ok) note(e, 2);
    return e == Error::ok;
  }

  // Keep the most telling failure: a complete path's reason beats an issuer
  // key we refuse, which beats a broken signature, which beats a loop, which
  // beats "no issuer".
  void note(Error e, int rank) {
    if (rank > best_rank_) {
      best_ = e;
      best_rank_ = rank;
    }
  }

  std::span<const Certificate> untrusted_;
  const TrustStore& roots_;
  const VerifyOptions& options_;
  detail::WorkMeter meter_;
  Error best_ = Error::unknown_issuer;
  int best_rank_ = 0;
};

// verify_path() when the leaf is itself a trust anchor: nothing to build;
// its own checks (validity, usage, key size, host name) still apply.
Error check_anchor_as_leaf(const Certificate& leaf, const VerifyOptions& options) {
  BARETLS_TRY(check_validity(leaf, options.now));
  if (leaf.unknown_critical_extension) return Error::unsupported_critical_extension;
  BARETLS_TRY(check_eku(leaf, options.purpose));
  BARETLS_TRY(check_leaf_key_usage(leaf, options.purpose));
  BARETLS_TRY(check_leaf_key(leaf, options));
  if (!options.hostname.empty()) BARETLS_TRY(check_hostname(leaf, options.hostname));
  return Error::ok;
}

}  // namespace

Error check_signed_by(const Certificate& cert, const Certificate& issuer) {
  if (!cert.signature_algorithm.supported) return Error::unsupported_algorithm;
  auto key = issuer.public_key();
  if (!key) return issuer_key_error(key.error());
  return verify_with(cert, *key);
}

Result<std::vector<Certificate>> verify_path(const Certificate& leaf, std::span<const Certificate> untrusted,
                                             const TrustStore& roots, const VerifyOptions& options) {
  if (roots.contains(leaf)) {
    if (options.stats != nullptr) *options.stats = VerifyStats{};
    BARETLS_TRY(check_anchor_as_leaf(leaf, options));
    return std::vector<Certificate>{leaf};
  }
  Builder b(untrusted, roots, options);
  b.path_.push_back(&leaf);
  const bool found = b.extend();
  if (options.stats != nullptr) *options.stats = b.stats();
  if (!found) return b.failure();
  std::vector<Certificate> out;
  for (const auto* c : b.path_) out.push_back(*c);
  out.push_back(*b.anchor_);
  return out;
}

Result<PublicKey> verify_chain(std::span<const std::span<const std::uint8_t>> chain, const TrustStore& roots,
                               const VerifyOptions& options) {
  if (chain.empty()) return Error::no_certificate;
  auto leaf = Certificate::parse(chain[0]);
  if (!leaf) return leaf.error();
  std::vector<Certificate> untrusted;
  for (std::size_t i = 1; i < chain.size(); ++i) {
    auto c = Certificate::parse(chain[i]);
    if (!c) return c.error();
    untrusted.push_back(std::move(*c));
  }
  auto path = verify_path(*leaf, untrusted, roots, options);
  if (!path) return path.error();
  return leaf->public_key();
}

}  // namespace baretls::x509

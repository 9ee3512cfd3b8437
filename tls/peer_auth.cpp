// SPDX-License-Identifier: MIT
// Peer authentication over x509/ and crypto/rsa (see peer_auth.h).
#include "tls/peer_auth.h"

#include <algorithm>
#include <initializer_list>

#include "baretls/crypto/rsa.h"
#include "baretls/x509/certificate.h"
#include "baretls/x509/hostname.h"
#include "baretls/x509/key.h"
#include "baretls/x509/trust_store.h"
#include "baretls/x509/verify.h"
#include "tls/suites.h"

namespace baretls::tls {

// RFC 5246 §7.4.1.4.1: in TLS 1.2 an ECDSA (hash, signature) pair does not
// bind the curve: ecdsa_secp256r1_sha256 is "SHA-256 with ECDSA" on any curve.
bool scheme_fits_key(SignatureScheme scheme, CertKeyType t) noexcept {
  return is_ecdsa(scheme) == (t != CertKeyType::rsa);
}

bool scheme_matches_curve(SignatureScheme scheme, CertKeyType t) noexcept {
  switch (scheme) {
    case SignatureScheme::ecdsa_secp256r1_sha256: return t == CertKeyType::ec_p256;
    case SignatureScheme::ecdsa_secp384r1_sha384: return t == CertKeyType::ec_p384;
    default: return t == CertKeyType::rsa;
  }
}

namespace {
Error from_x509(x509::Error e) noexcept {
  switch (e) {
    case x509::Error::expired: return Error::certificate_expired;
    case x509::Error::not_yet_valid: return Error::certificate_not_yet_valid;
    case x509::Error::unknown_issuer: return Error::certificate_unknown_ca;
    case x509::Error::hostname_mismatch: return Error::certificate_hostname_mismatch;
    case x509::Error::wrong_purpose: return Error::certificate_wrong_purpose;
    case x509::Error::unsupported_key:
    case x509::Error::unsupported_algorithm:
    case x509::Error::unsupported_critical_extension: return Error::certificate_unsupported;
    default: return Error::certificate_bad;
  }
}
}  // namespace

Result<PeerKey> verify_peer_chain(const std::vector<std::vector<std::uint8_t>>& chain, const x509::TrustStore* roots,
                                  std::int64_t now, std::string_view hostname, bool server_purpose,
                                  std::size_t min_rsa_bits) {
  if (chain.empty()) return Error::certificate_required;
  if (chain.size() > kMaxPeerChainCertificates) return Error::certificate_chain_too_long;
  if (roots == nullptr) return Error::certificate_unknown_ca;
  std::vector<std::span<const std::uint8_t>> spans;
  spans.reserve(chain.size());
  for (const auto& c : chain) spans.emplace_back(c);
  x509::VerifyOptions opts;
  opts.now = now;
  opts.hostname = hostname;
  opts.purpose = server_purpose ? x509::Purpose::server : x509::Purpose::client;
  opts.min_rsa_bits = min_rsa_bits;
  auto leaf = x509::verify_chain(spans, *roots, opts);
  if (!leaf) return from_x509(leaf.error());
  const auto type = leaf->type();
  return PeerKey(std::make_shared<const x509::PublicKey>(std::move(*leaf)), type, leaf_key_usage(chain.front()));
}

bool key_usage_allows_kex(std::optional<std::uint16_t> key_usage, KeyExchange kex) noexcept {
  if (!key_usage) return true;
  const std::uint16_t needed = kex == KeyExchange::rsa ? x509::ku_key_encipherment : x509::ku_digital_signature;
  return (*key_usage & needed) != 0;
}

bool key_usage_allows_signing(std::optional<std::uint16_t> key_usage) noexcept {
  return !key_usage || (*key_usage & x509::ku_digital_signature) != 0;
}

std::optional<std::uint16_t> leaf_key_usage(std::span<const std::uint8_t> leaf) {
  const auto cert = x509::Certificate::parse(leaf);
  if (!cert) return std::nullopt;
  return cert->key_usage;
}

bool leaf_names_host(std::span<const std::uint8_t> leaf, std::string_view hostname) {
  const auto cert = x509::Certificate::parse(leaf);
  return cert && x509::check_hostname(*cert, hostname) == x509::Error::ok;
}

Error verify_signature(const PeerKey& key, SignatureScheme scheme, std::span<const std::uint8_t> message,
                       std::span<const std::uint8_t> signature) {
  if (!scheme_fits_key(scheme, key.type())) return Error::unoffered_signature_algorithm;
  switch (key.key().verify(scheme, message, signature)) {
    case x509::Error::ok: return Error::ok;
    case x509::Error::unsupported_algorithm: return Error::signature_unverifiable;
    default: return Error::bad_signature;
  }
}

std::optional<SignatureScheme> choose_signature_scheme(std::span<const SignatureScheme> ours,
                                                       std::span<const std::uint16_t> offered, CertKeyType key) noexcept {
  for (const bool strict : {true, false})
    for (const auto s : ours) {
      const bool fits = strict ? scheme_matches_curve(s, key) : scheme_fits_key(s, key);
      if (fits && std::find(offered.begin(), offered.end(), static_cast<std::uint16_t>(s)) != offered.end()) return s;
    }
  return std::nullopt;
}

Result<CertKeyType> private_key_type(const x509::PrivateKey& key) { return key.type(); }

Error sign_message(const x509::PrivateKey& key, SignatureScheme scheme, std::span<const std::uint8_t> message,
                   const crypto::RandomSource& rng, std::vector<std::uint8_t>& out) {
  // RSA-8192 is 1024 bytes; a DER ECDSA-P384 signature is at most 104.
  std::vector<std::uint8_t> sig(1024);
  auto n = key.sign(scheme, message, rng, sig);
  if (!n) return Error::private_key_failure;
  out.insert(out.end(), sig.begin(), sig.begin() + static_cast<std::ptrdiff_t>(*n));
  return Error::ok;
}

Error rsa_encrypt_premaster(const PeerKey& key, std::span<const std::uint8_t, 48> pms, const crypto::RandomSource& rng,
                            std::vector<std::uint8_t>& out) {
  const auto* rsa = key.key().rsa();
  if (rsa == nullptr) return Error::certificate_unsupported;
  std::vector<std::uint8_t> ct(rsa->modulus_size());
  if (crypto::rsa_pkcs1_encrypt(*rsa, pms, rng, ct) != crypto::Error::ok) return Error::internal_error;
  out = std::move(ct);
  return Error::ok;
}

Error rsa_decrypt_premaster(const x509::PrivateKey& key, std::span<const std::uint8_t> ciphertext,
                            std::uint16_t client_version, const crypto::RandomSource& rng,
                            std::span<std::uint8_t, 48> pms) {
  const auto* rsa = key.rsa();
  if (rsa == nullptr) return Error::internal_error;
  const auto e = crypto::rsa_tls_decrypt_premaster(*rsa, ciphertext, client_version, rng, pms);
  // Padding failures never come back (implicit rejection): only the local
  // ones, the random source or the private key's fault check.
  if (e == crypto::Error::ok) return Error::ok;
  return e == crypto::Error::rng_failure ? Error::random_failure : Error::private_key_failure;
}

}  // namespace baretls::tls

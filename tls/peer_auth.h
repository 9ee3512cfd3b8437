// SPDX-License-Identifier: MIT
// The handshake's use of x509/: verifying the peer's certificate chain and
// host name (RFC 5246 §7.4.2, RFC 6125 via x509/), verifying and producing
// digitally-signed structs (RFC 5246 §4.7, §7.4.3) and the RSA-encrypted
// pre-master secret (RFC 5246 §7.4.7.1). Keeps x509 types out of the
// state machines.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "baretls/crypto/random.h"
#include "baretls/tls/errors.h"
#include "baretls/tls/types.h"
#include "baretls/x509/key.h"
#include "tls/suites.h"

namespace baretls::x509 {
class PublicKey;
class PrivateKey;
class TrustStore;
}  // namespace baretls::x509

namespace baretls::tls {

// The key type of a certificate: x509's, named here as the handshake code
// reads it (declared once, in include/baretls/x509/key.h).
using CertKeyType = x509::KeyType;

// Most certificates a peer's Certificate message may carry (RFC 5246 §7.4.2
// sets no count; its size is bounded by max_handshake_message_size). Path
// validation stops at depth 10 (x509::VerifyOptions::max_depth); the rest is
// room for the extra certificates some servers send.
inline constexpr std::size_t kMaxPeerChainCertificates = 16;

// The verified leaf key of the peer, with the leaf's keyUsage bits
// (x509::KeyUsageBit) when it has the extension. Made only by verify_peer_chain().
class PeerKey {
 public:
  [[nodiscard]] CertKeyType type() const noexcept { return type_; }
  [[nodiscard]] const x509::PublicKey& key() const noexcept { return *key_; }
  [[nodiscard]] std::optional<std::uint16_t> key_usage() const noexcept { return key_usage_; }

 private:
  friend Result<PeerKey> verify_peer_chain(const std::vector<std::vector<std::uint8_t>>& chain,
                                           const x509::TrustStore* roots, std::int64_t now,
                                           std::string_view hostname, bool server_purpose,
                                           std::size_t min_rsa_bits);
  PeerKey(std::shared_ptr<const x509::PublicKey> k, CertKeyType t, std::optional<std::uint16_t> ku)
      : key_(std::move(k)), type_(t), key_usage_(ku) {}
  std::shared_ptr<const x509::PublicKey> key_;
  CertKeyType type_;
  std::optional<std::uint16_t> key_usage_;
};

// RFC 5246 §7.4.2 (RFC 8422 §5.3) and RFC 5280 §4.2.1.3: what a leaf's
// keyUsage, when present, must allow. ECDHE_RSA / ECDHE_ECDSA sign the
// ServerKeyExchange: digitalSignature; RSA key transport encrypts the
// pre-master secret to the key: keyEncipherment. A client certificate signs
// the CertificateVerify (RFC 5246 §7.4.6, §7.4.8): digitalSignature.
[[nodiscard]] bool key_usage_allows_kex(std::optional<std::uint16_t> key_usage, KeyExchange kex) noexcept;
[[nodiscard]] bool key_usage_allows_signing(std::optional<std::uint16_t> key_usage) noexcept;
// The keyUsage of a leaf (DER) of our own chain; nullopt when absent or unparsable.
[[nodiscard]] std::optional<std::uint16_t> leaf_key_usage(std::span<const std::uint8_t> leaf);

// Chain check at `now` with host name (empty: none), RSA keys of at least
// min_rsa_bits. More than kMaxPeerChainCertificates:
// certificate_chain_too_long. x509 failures map to
// certificate_expired / certificate_not_yet_valid / certificate_unknown_ca /
// certificate_hostname_mismatch / certificate_unsupported /
// certificate_wrong_purpose / certificate_bad.
[[nodiscard]] Result<PeerKey> verify_peer_chain(const std::vector<std::vector<std::uint8_t>>& chain,
                                                const x509::TrustStore* roots, std::int64_t now,
                                                std::string_view hostname, bool server_purpose,
                                                std::size_t min_rsa_bits);

// Whether a leaf certificate (DER) a session kept from its full handshake
// names `hostname` (RFC 6125, as x509::check_hostname): a client offers a
// session only to a name the server it was made with proved it holds.
[[nodiscard]] bool leaf_names_host(std::span<const std::uint8_t> leaf, std::string_view hostname);

// Whether `scheme` can be made/verified with a key of type `t` (TLS 1.2:
// any ECDSA scheme with any EC key).
[[nodiscard]] bool scheme_fits_key(SignatureScheme scheme, CertKeyType t) noexcept;
// Stricter: the TLS 1.3 reading, hash sized to the curve (what we sign with first).
[[nodiscard]] bool scheme_matches_curve(SignatureScheme scheme, CertKeyType t) noexcept;
// RFC 5246 §7.4.1.4.1, §7.4.8: the first of `ours` that the peer `offered`
// and that a key of type `key` can make, schemes sized to the curve first
// (the server's ServerKeyExchange, the client's CertificateVerify).
[[nodiscard]] std::optional<SignatureScheme> choose_signature_scheme(std::span<const SignatureScheme> ours,
                                                                     std::span<const std::uint16_t> offered,
                                                                     CertKeyType key) noexcept;

// Ok, bad_signature, or signature_unverifiable when the key cannot check
// this scheme at all. CT: none (public inputs only).
[[nodiscard]] Error verify_signature(const PeerKey& key, SignatureScheme scheme, std::span<const std::uint8_t> message,
                                     std::span<const std::uint8_t> signature);

[[nodiscard]] Result<CertKeyType> private_key_type(const x509::PrivateKey& key);
// Appends the signature to `out`; private_key_failure when the signer
// fails. CT: per the x509/crypto signer.
[[nodiscard]] Error sign_message(const x509::PrivateKey& key, SignatureScheme scheme,
                                 std::span<const std::uint8_t> message, const crypto::RandomSource& rng,
                                 std::vector<std::uint8_t>& out);

// RFC 5246 §7.4.7.1 client side: PKCS #1 v1.5 encryption of the 48-byte PMS.
[[nodiscard]] Error rsa_encrypt_premaster(const PeerKey& key, std::span<const std::uint8_t, 48> pms,
                                          const crypto::RandomSource& rng, std::vector<std::uint8_t>& out);
// Server side with implicit rejection: on any padding/length/version
// failure pms is 48 random bytes and the result is still ok. Errors are
// local only: random_failure, private_key_failure (fault check).
// CT: time independent of the padding's validity.
[[nodiscard]] Error rsa_decrypt_premaster(const x509::PrivateKey& key, std::span<const std::uint8_t> ciphertext,
                                          std::uint16_t client_version, const crypto::RandomSource& rng,
                                          std::span<std::uint8_t, 48> pms);

}  // namespace baretls::tls

// SPDX-License-Identifier: MIT
// X.509 v1-v3 certificates (RFC 5280 §4.1) and the extensions TLS path
// validation needs (§4.2.1): basicConstraints, keyUsage, extendedKeyUsage,
// subjectAltName (dNSName, iPAddress), nameConstraints, authority and
// subject key identifiers. An unknown critical extension parses but marks
// the certificate unusable (§4.2: "MUST reject").
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <utility>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "baretls/x509/error.h"
#include "baretls/x509/key.h"
#include "baretls/x509/name.h"
#include "baretls/x509/signature.h"

namespace baretls::x509 {

// RFC 5280 §4.2.1.3 KeyUsage bits (bit 0 is the first named bit).
enum KeyUsageBit : std::uint16_t {
  ku_digital_signature = 1u << 0,
  ku_non_repudiation = 1u << 1,
  ku_key_encipherment = 1u << 2,
  ku_data_encipherment = 1u << 3,
  ku_key_agreement = 1u << 4,
  ku_key_cert_sign = 1u << 5,
  ku_crl_sign = 1u << 6,
  ku_encipher_only = 1u << 7,
  ku_decipher_only = 1u << 8,
};

// RFC 5280 §4.2.1.6 GeneralName forms we distinguish.
enum class NameForm : std::uint8_t { other_name, rfc822, dns, x400, directory, edi_party, uri, ip, registered_id };

struct GeneralName {
  NameForm form = NameForm::other_name;
  std::span<const std::uint8_t> value;  // dNSName/rfc822/URI: the IA5 text; iPAddress: 4/16 (8/32 in constraints) octets;
                     // directoryName: the Name's encoding
};

// RFC 5280 §4.2.1.10 GeneralSubtree; min/max outside the profile (minimum 0,
// maximum absent) make the subtree unprocessable (`unsupported`).
struct GeneralSubtree {
  GeneralName base;
  Name directory;  // directoryName bases: the Name parsed (points into the certificate)
  bool unsupported = false;
};

struct NameConstraints {
  std::vector<GeneralSubtree> permitted;
  std::vector<GeneralSubtree> excluded;
};

struct BasicConstraints {
  bool ca = false;
  std::optional<std::uint64_t> path_len;
};

namespace detail {

// An immutable, reference-counted byte buffer without virtual functions
// (std::shared_ptr's control block is polymorphic, which UBSan's vptr check
// misreads across the -fno-rtti library boundary). Copies share the bytes,
// so spans into them stay valid in every copy.
class SharedBytes {
 public:
  SharedBytes() noexcept = default;
  explicit SharedBytes(std::span<const std::uint8_t> data) : block_(new Block{{1}, {data.begin(), data.end()}}) {}
  SharedBytes(const SharedBytes& other) noexcept : block_(other.block_) {
    if (block_ != nullptr) block_->refs.fetch_add(1, std::memory_order_relaxed);
  }
  SharedBytes(SharedBytes&& other) noexcept : block_(std::exchange(other.block_, nullptr)) {}
  SharedBytes& operator=(SharedBytes other) noexcept {
    std::swap(block_, other.block_);
    return *this;
  }
  ~SharedBytes() {
    if (block_ != nullptr && block_->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) delete block_;
  }
  [[nodiscard]] std::span<const std::uint8_t> span() const noexcept {
    return block_ == nullptr ? std::span<const std::uint8_t>() : std::span<const std::uint8_t>(block_->data);
  }

 private:
  struct Block {
    std::atomic<std::size_t> refs;
    std::vector<std::uint8_t> data;
  };
  Block* block_ = nullptr;
};

}  // namespace detail

class Certificate {
 public:
  // Copies `der` (exactly one Certificate, no trailing bytes). Besides
  // malformed encodings, refuses with Error::nonconforming what breaks an
  // RFC 5280 MUST we check here: a critical key identifier (§4.2.1.1-2), a
  // CA with an empty subject (§4.1.2.6).
  [[nodiscard]] static Result<Certificate> parse(std::span<const std::uint8_t> der);

  [[nodiscard]] std::span<const std::uint8_t> der() const noexcept { return der_.span(); }
  [[nodiscard]] std::span<const std::uint8_t> tbs() const noexcept { return tbs_; }  // signed bytes

  int version = 1;          // 1, 2 or 3
  std::span<const std::uint8_t> serial;  // INTEGER contents (two's complement)
  SignatureAlgorithm signature_algorithm;
  std::span<const std::uint8_t> signature;  // signatureValue octets
  Name issuer;
  Name subject;
  std::int64_t not_before = 0;  // Unix time
  std::int64_t not_after = 0;
  std::span<const std::uint8_t> spki;  // SubjectPublicKeyInfo encoding
  std::optional<BasicConstraints> basic_constraints;
  std::optional<std::uint16_t> key_usage;          // KeyUsageBit set, when present
  std::optional<std::vector<std::span<const std::uint8_t>>> extended_key_usage;  // OIDs, when present
  std::vector<GeneralName> subject_alt_names;      // every form, in order
  bool has_subject_alt_name = false;
  std::optional<NameConstraints> name_constraints;
  std::span<const std::uint8_t> authority_key_id;  // keyIdentifier of AKI (empty when absent)
  std::span<const std::uint8_t> subject_key_id;  // SKI (empty when absent)
  bool unknown_critical_extension = false;

  // The subject public key (RSA, P-256, P-384; others: unsupported_key).
  [[nodiscard]] Result<PublicKey> public_key() const { return PublicKey::from_spki(spki); }
  // Issuer and subject are the same name (RFC 5280 §6.1 "self-issued").
  [[nodiscard]] bool is_self_issued() const noexcept { return issuer == subject; }
  [[nodiscard]] bool is_ca() const noexcept { return basic_constraints && basic_constraints->ca; }
  // SHA-256 of the DER encoding.
  [[nodiscard]] std::array<std::uint8_t, 32> fingerprint_sha256() const noexcept;

 private:
  friend struct CertificateParser;
  detail::SharedBytes der_;
  std::span<const std::uint8_t> tbs_;
};


// An OID (contents octets, as in extended_key_usage) as text: its short
// name when baretls knows it ("serverAuth", "CN"), dotted decimal otherwise.
[[nodiscard]] std::string oid_text(std::span<const std::uint8_t> oid);

}  // namespace baretls::x509

// SPDX-License-Identifier: MIT
// Signature AlgorithmIdentifier parsing; see signature.h. RFC 4055 §3.1
// (RSASSA-PSS-params), §5 (PKCS #1 v1.5 parameters NULL), RFC 5758 §3.2
// (ECDSA: parameters absent).
#include "baretls/x509/signature.h"

#include "x509/oid.h"
#include "x509/parsers.h"

namespace baretls::x509 {

namespace {

struct Known {
  oid::Oid oid;
  SignatureKind kind;
  crypto::HashId hash;
  std::string_view name;
};

// clang-format off
constexpr Known kKnown[] = {
    {oid::kSha256WithRsa, SignatureKind::rsa_pkcs1, crypto::HashId::sha256, "sha256WithRSAEncryption"},
    {oid::kSha384WithRsa, SignatureKind::rsa_pkcs1, crypto::HashId::sha384, "sha384WithRSAEncryption"},
    {oid::kSha512WithRsa, SignatureKind::rsa_pkcs1, crypto::HashId::sha512, "sha512WithRSAEncryption"},
    {oid::kEcdsaWithSha256, SignatureKind::ecdsa, crypto::HashId::sha256, "ecdsa-with-SHA256"},
    {oid::kEcdsaWithSha384, SignatureKind::ecdsa, crypto::HashId::sha384, "ecdsa-with-SHA384"},
    {oid::kEcdsaWithSha512, SignatureKind::ecdsa, crypto::HashId::sha512, "ecdsa-with-SHA512"},
};
// clang-format on

// HashAlgorithm ::= AlgorithmIdentifier { sha256 | sha384 | sha512 },
// parameters NULL or absent (RFC 4055 §2.1 allows both).
Result<crypto::HashId> parse_hash_algorithm(der::Reader& r) {
  auto seq = r.read_sequence();
  if (!seq) return seq.error();
  auto id = seq->read_oid();
  if (!id) return id.error();
  if (!seq->empty()) BARETLS_TRY(seq->read_null());
  BARETLS_TRY(seq->expect_end());
  if (oid::equal(*id, oid::kSha256)) return crypto::HashId::sha256;
  if (oid::equal(*id, oid::kSha384)) return crypto::HashId::sha384;
  if (oid::equal(*id, oid::kSha512)) return crypto::HashId::sha512;
  return Error::unsupported_algorithm;  // SHA-1 (the default) and anything else
}

// RFC 4055 §3.1: RSASSA-PSS-params ::= SEQUENCE { hashAlgorithm [0]
// DEFAULT sha1, maskGenAlgorithm [1] DEFAULT mgf1SHA1, saltLength [2]
// DEFAULT 20, trailerField [3] DEFAULT trailerFieldBC }. We need an explicit
// SHA-2 hash, MGF1 with the same hash, and trailerField 1.
Result<SignatureAlgorithm> parse_pss_params(der::Reader& params) {
  auto seq = params.read_sequence();
  if (!seq) return seq.error();
  BARETLS_TRY(params.expect_end());
  SignatureAlgorithm alg;
  alg.kind = SignatureKind::rsa_pss;
  auto hash_field = seq->read_constructed(der::context_constructed(0));
  if (!hash_field) return Error::unsupported_algorithm;  // absent: SHA-1
  auto hash = parse_hash_algorithm(*hash_field);
  if (!hash) return hash.error();
  BARETLS_TRY(hash_field->expect_end());
  auto mgf_field = seq->read_constructed(der::context_constructed(1));
  if (!mgf_field) return Error::unsupported_algorithm;  // absent: MGF1 with SHA-1
  auto mgf = mgf_field->read_sequence();
  if (!mgf) return mgf.error();
  BARETLS_TRY(mgf_field->expect_end());
  auto mgf_id = mgf->read_oid();
  if (!mgf_id) return mgf_id.error();
  if (!oid::equal(*mgf_id, oid::kMgf1)) return Error::unsupported_algorithm;
  auto mgf_hash = parse_hash_algorithm(*mgf);
  if (!mgf_hash) return mgf_hash.error();
  BARETLS_TRY(mgf->expect_end());
  if (*mgf_hash != *hash) return Error::unsupported_algorithm;
  alg.hash = *hash;
  alg.pss_salt_length = 20;
  if (seq->peek(der::context_constructed(2))) {
    auto salt_field = seq->read_constructed(der::context_constructed(2));
    if (!salt_field) return salt_field.error();
    auto salt = salt_field->read_small_unsigned();
    if (!salt) return salt.error();
    BARETLS_TRY(salt_field->expect_end());
    if (*salt > 1024) return Error::unsupported_algorithm;
    alg.pss_salt_length = static_cast<std::size_t>(*salt);
  }
  if (seq->peek(der::context_constructed(3))) {
    auto trailer_field = seq->read_constructed(der::context_constructed(3));
    if (!trailer_field) return trailer_field.error();
    auto trailer = trailer_field->read_small_unsigned();
    if (!trailer) return trailer.error();
    BARETLS_TRY(trailer_field->expect_end());
    if (*trailer != 1) return Error::unsupported_algorithm;
  }
  BARETLS_TRY(seq->expect_end());
  alg.supported = true;
  alg.name = alg.hash == crypto::HashId::sha256   ? "RSASSA-PSS (SHA-256)"
             : alg.hash == crypto::HashId::sha384 ? "RSASSA-PSS (SHA-384)"
                                                  : "RSASSA-PSS (SHA-512)";
  return alg;
}

}  // namespace

Result<SignatureAlgorithm> parse_signature_algorithm(const der::Element& algorithm_identifier) {
  if (algorithm_identifier.tag != der::kSequence) return Error::malformed;
  der::Reader r(algorithm_identifier.value, 1);
  auto id = r.read_oid();
  if (!id) return id.error();
  if (oid::equal(*id, oid::kRsassaPss)) return parse_pss_params(r);
  SignatureAlgorithm alg;
  for (const auto& k : kKnown) {
    if (!oid::equal(*id, k.oid)) continue;
    if (k.kind == SignatureKind::rsa_pkcs1) {
      // RFC 4055 §5: "the parameters MUST be NULL" (absent seen in the wild).
      if (!r.empty()) BARETLS_TRY(r.read_null());
    }
    // RFC 5758 §3.2: ECDSA "the parameters field MUST be absent".
    BARETLS_TRY(r.expect_end());
    alg.supported = true;
    alg.kind = k.kind;
    alg.hash = k.hash;
    alg.name = k.name;
    return alg;
  }
  // SHA-1, MD5 and unknown algorithms: recognised as unsupported, so that a
  // certificate (e.g. an old root) still parses; using it for a signature fails.
  const std::string_view name = oid::short_name(*id);
  if (!name.empty()) alg.name = name;
  return alg;
}

}  // namespace baretls::x509

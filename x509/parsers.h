// SPDX-License-Identifier: MIT
// Internal: the DER-level parsers and checks behind the public x509 types
// (include/baretls/x509/): they take der::Element / der::Reader (x509/der.h),
// which are not installed. Each is documented at its definition's file.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "baretls/x509/certificate.h"
#include "baretls/x509/error.h"
#include "baretls/x509/name.h"
#include "baretls/x509/signature.h"
#include "x509/der.h"

namespace baretls::x509 {

// name.cpp: X.690 contents of a SEQUENCE; an empty RDNSequence is allowed
// (RFC 5280 §4.1.2.6). Spans point into the element's buffer.
[[nodiscard]] Result<Name> parse_name(const der::Element& element);

// name_match.cpp
// The outcome of an RFC 5280 §7.1 comparison. cannot_tell: the values differ
// as prepared, but a code point outside the repertoire we prepare completely
// (or an undecodable value) leaves open whether full RFC 4518 preparation
// would make them equal. Callers choose the safe side: no for chaining, a
// possible hit for excluded subtrees.
enum class NameMatch : std::uint8_t { no, yes, cannot_tell };

// RFC 5280 §7.1: same number of RDNs, matching RDNs in the same order.
[[nodiscard]] NameMatch match_names(const Name& a, const Name& b) noexcept;
// RFC 5280 §7.1: `name` is within the subtree of `base` when its leading
// RDNs match all of base's.
[[nodiscard]] NameMatch match_subtree(const Name& name, const Name& base) noexcept;

// time.cpp: the element must be a UTCTime or a GeneralizedTime in the strict
// form of RFC 5280 §4.1.2.5; the result is Unix time.
[[nodiscard]] Result<std::int64_t> parse_time(const der::Element& element) noexcept;

// signature.cpp
// Parses an AlgorithmIdentifier element (SEQUENCE). Unknown or refused
// algorithms give supported == false; bad parameters of a known algorithm
// give Error::malformed or Error::unsupported_algorithm.
[[nodiscard]] Result<SignatureAlgorithm> parse_signature_algorithm(const der::Element& algorithm_identifier);

// Hashes `message` and checks `signature` (a BIT STRING's octets; ECDSA as
// DER Ecdsa-Sig-Value). Returns ok, bad_signature, or unsupported_algorithm
// (algorithm refused or not matching the key).
[[nodiscard]] Error verify_signature(const PublicKey& key, const SignatureAlgorithm& algorithm,
                                     std::span<const std::uint8_t> message,
                                     std::span<const std::uint8_t> signature);


// extensions.cpp: extension parsers (RFC 5280 §4.2.1), on the extnValue contents.
[[nodiscard]] Error parse_extension(Certificate& cert, der::Bytes oid, bool critical, der::Bytes value);
[[nodiscard]] Result<std::vector<GeneralName>> parse_general_names(der::Reader r);

}  // namespace baretls::x509

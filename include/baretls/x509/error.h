// SPDX-License-Identifier: MIT
// Error codes of the x509/ module: decoding (DER, PEM, keys) and path
// validation. Each names one reason; to_string() gives it in one line.
#pragma once

#include <cstdint>
#include <string_view>

#include "baretls/result.h"

namespace baretls::x509 {

enum class Error : std::uint16_t {
  ok = 0,

  // Decoding.
  malformed = 1,           // DER/PEM structure invalid (truncated, bad length, trailing data)
  unsupported_encoding,    // valid ASN.1 we refuse (BER constructs, indefinite lengths)
  encrypted_key,           // encrypted private keys are not supported
  unsupported_key,         // key type or curve not supported
  unsupported_algorithm,   // signature algorithm not supported (incl. SHA-1, MD5)
  too_large,               // input exceeds a configured bound
  crypto_failure,          // a local crypto/ operation failed (RNG, fault check, buffer)
  unsupported_rsa_key,     // RSA key out of bounds: n odd, <= 8192 bits; e odd, 3 <= e < 2^32
  nonconforming,           // breaks an RFC 5280 MUST (critical key identifier, CA with empty subject)
  unreadable_file,         // a file or directory cannot be opened or read (see errno)

  // Path validation (RFC 5280 §6).
  expired = 100,
  not_yet_valid,
  unknown_issuer,
  bad_signature,
  not_a_ca,
  path_too_long,
  name_constraint_violated,
  hostname_mismatch,
  wrong_purpose,
  unsupported_critical_extension,
  key_usage_forbids,       // issuer lacks keyCertSign, or leaf key usage forbids the use
  chain_loop,
  no_certificate,          // nothing to validate
  weak_key,                // RSA key below VerifyOptions::min_rsa_bits (2048 by default)
  work_limit_exceeded,     // the search used up VerifyOptions::budget (hostile or huge input)
};

template <typename T>
using Result = baretls::Result<T, Error>;

[[nodiscard]] std::string_view to_string(Error e) noexcept;

}  // namespace baretls::x509

// SPDX-License-Identifier: MIT
// Error codes of the crypto/ module. Each cause has its own value (never fold
// two causes into one); to_string() gives a stable one-line reason.
#pragma once

#include <cstdint>
#include <string_view>

#include "baretls/result.h"

namespace baretls::crypto {

enum class Error : std::uint16_t {
  ok = 0,

  // Caller misuse and sizes (local).
  invalid_argument = 1,
  bad_length,            // an input has a length the algorithm does not accept
  buffer_too_small,      // the output span cannot hold the result
  message_too_long,      // input exceeds what the algorithm can process
  unsupported,           // algorithm or parameter set not supported
  unsupported_hash,      // hash not allowed for this operation

  // Environment.
  rng_failure = 100,     // the operating system refused to give randomness

  // Authentication and signatures (crypto checks).
  auth_failed = 200,     // AEAD tag mismatch: no plaintext released
  bad_signature,         // signature does not verify
  bad_signature_encoding,  // malformed DER / wrong-length signature
  signature_out_of_range,  // r, s or an RSA signature not in range
  decryption_failed,     // RSA decryption padding invalid (non-TLS use)
  fault_detected,        // private-key result failed its self-check

  // Keys and points (parameters).
  invalid_key = 300,     // a key is malformed or inconsistent
  key_too_small,         // modulus or key below the supported minimum
  key_too_large,         // modulus or key above the supported maximum
  even_modulus,          // an RSA modulus must be odd
  bad_public_exponent,   // RSA e out of range (e.g. e = 1, even e)
  invalid_point,         // not on the curve, bad encoding, coordinate >= p
  point_at_infinity,     // the identity is not a valid public key
  invalid_scalar,        // a scalar is zero or >= the group order
  zero_shared_secret,    // X25519 all-zero output (RFC 7748 §6.1)
};

template <typename T>
using Result = baretls::Result<T, Error>;

// A stable, human-readable one-line reason.
[[nodiscard]] std::string_view to_string(Error e) noexcept;

}  // namespace baretls::crypto

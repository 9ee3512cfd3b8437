// SPDX-License-Identifier: MIT
// crypto::Error reasons; see error.h.
#include "baretls/crypto/error.h"

namespace baretls::crypto {

std::string_view to_string(Error e) noexcept {
  switch (e) {
    case Error::ok: return "ok";
    case Error::invalid_argument: return "invalid argument";
    case Error::bad_length: return "input has a length the algorithm does not accept";
    case Error::buffer_too_small: return "output buffer too small";
    case Error::message_too_long: return "message too long";
    case Error::unsupported: return "algorithm or parameters not supported";
    case Error::unsupported_hash: return "hash not supported for this operation";
    case Error::rng_failure: return "the operating system random source failed";
    case Error::auth_failed: return "authentication tag mismatch";
    case Error::bad_signature: return "signature does not verify";
    case Error::bad_signature_encoding: return "malformed signature encoding";
    case Error::signature_out_of_range: return "signature value out of range";
    case Error::decryption_failed: return "decryption failed";
    case Error::fault_detected: return "private-key operation failed its self-check";
    case Error::invalid_key: return "invalid key";
    case Error::key_too_small: return "key too small";
    case Error::key_too_large: return "key too large";
    case Error::even_modulus: return "RSA modulus is even";
    case Error::bad_public_exponent: return "bad RSA public exponent";
    case Error::invalid_point: return "invalid elliptic-curve point";
    case Error::point_at_infinity: return "point at infinity";
    case Error::invalid_scalar: return "invalid scalar";
    case Error::zero_shared_secret: return "all-zero shared secret";
  }
  return "unknown error";
}

}  // namespace baretls::crypto

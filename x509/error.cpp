// SPDX-License-Identifier: MIT
// x509::Error reasons; see error.h.
#include "baretls/x509/error.h"

namespace baretls::x509 {

std::string_view to_string(Error e) noexcept {
  switch (e) {
    case Error::ok: return "ok";
    case Error::malformed: return "malformed encoding";
    case Error::unsupported_encoding: return "unsupported encoding (BER or indefinite length)";
    case Error::encrypted_key: return "encrypted keys are not supported";
    case Error::unsupported_key: return "unsupported key type";
    case Error::unsupported_algorithm: return "unsupported signature algorithm";
    case Error::too_large: return "input too large";
    case Error::crypto_failure: return "cryptographic operation failed";
    case Error::unsupported_rsa_key: return "RSA key out of bounds (n up to 8192 bits; e odd, 3 <= e < 2^32)";
    case Error::nonconforming: return "certificate breaks an RFC 5280 requirement";
    case Error::expired: return "certificate has expired";
    case Error::not_yet_valid: return "certificate is not yet valid";
    case Error::unknown_issuer: return "unable to find a trusted issuer";
    case Error::bad_signature: return "certificate signature does not verify";
    case Error::not_a_ca: return "issuer is not a CA";
    case Error::path_too_long: return "path length constraint exceeded";
    case Error::name_constraint_violated: return "name constraint violated";
    case Error::hostname_mismatch: return "host name mismatch";
    case Error::wrong_purpose: return "certificate not allowed for this purpose";
    case Error::unsupported_critical_extension: return "unsupported critical extension";
    case Error::key_usage_forbids: return "key usage does not allow this use";
    case Error::chain_loop: return "certificate chain loops";
    case Error::no_certificate: return "no certificate";
    case Error::unreadable_file: return "cannot read the file";
    case Error::weak_key: return "RSA key too short (below the minimum, 2048 bits by default)";
    case Error::work_limit_exceeded: return "path validation gave up: work limit reached";
  }
  return "unknown error";
}

}  // namespace baretls::x509

// SPDX-License-Identifier: MIT
// Configuration checks and engine preparation for ALPN, client certificates
// and SNI (see features.h), run when a Connection is made.
#include "tls/features.h"

#include "tls/engine.h"

namespace baretls::tls::detail {

Error setup_features(Engine& e) {
  BARETLS_TRY(check_alpn_config(e.config()));
  if (e.role == Role::client) {
    const auto& cc = e.client_config->client_certificate;
    if (cc && (cc->chain.empty() || !cc->key)) return Error::bad_config;
    // The CertificateVerify may have to sign every message from ClientHello on.
    if (cc) e.transcript.keep_messages();
    return Error::ok;
  }
  const auto& cfg = *e.server_config;
  if (cfg.client_auth != ClientAuth::none) {
    // Client chains need roots to be verified against.
    if (!cfg.client_trust_store) return Error::bad_config;
    e.transcript.keep_messages();
  }
  return Error::ok;
}

}  // namespace baretls::tls::detail

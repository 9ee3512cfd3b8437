// SPDX-License-Identifier: MIT
// The test PKI built into `baretls demo`: PEM text generated once by
// scripts/make-demo-pki.sh and embedded at build time (tools/demo_pki/embed.cmake).
// Public test keys: this CA must never be trusted anywhere else.
#pragma once

#include <string_view>

namespace baretls::cli::demo_pki {

extern const std::string_view kCa;            // demo CA certificate (ECDSA P-256)
extern const std::string_view kServerEc;      // server.baretls.example, ECDSA P-256
extern const std::string_view kServerEcKey;
extern const std::string_view kServerRsa;     // server.baretls.example, RSA-2048 (--kex rsa)
extern const std::string_view kServerRsaKey;
extern const std::string_view kClient;        // "student client", ECDSA P-256, clientAuth (--mutual)
extern const std::string_view kClientKey;

inline constexpr std::string_view kServerName = "server.baretls.example";

}  // namespace baretls::cli::demo_pki

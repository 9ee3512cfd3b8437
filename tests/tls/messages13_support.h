// SPDX-License-Identifier: MIT
// Test support for the TLS 1.3 message suites: sample messages with every
// field set, serialization to a body, field-by-field ClientHello equality,
// and raw extension blocks for the negative records.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <vector>

#include "tests/support/hex.h"
#include "tls/messages13.h"

namespace baretls::test {

// The body (no handshake header) a message serializes to.
template <typename M>
Bytes serialize_body(const M& m) {
  std::vector<std::uint8_t> out(1 << 16);
  tls::wire::Writer w(out);
  m.serialize(w);
  const auto n = w.finish();
  if (!n) throw std::runtime_error("serialize failed");
  out.resize(*n);
  return out;
}

[[nodiscard]] tls::ClientHello13 sample_client_hello13();  // every TLS 1.3 extension, one PSK
[[nodiscard]] tls::ServerHello13 sample_server_hello13(bool hello_retry_request);
[[nodiscard]] tls::EncryptedExtensions sample_encrypted_extensions();
[[nodiscard]] tls::CertificateRequest13 sample_certificate_request13();
[[nodiscard]] tls::NewSessionTicket13 sample_new_session_ticket13();

[[nodiscard]] bool same_client_hello(const tls::ClientHello13& a, const tls::ClientHello13& b);

// One extension (type, data) as it appears in an extensions block.
struct RawExtension {
  std::uint16_t type;
  Bytes data;
};
// An Extension extensions<..> vector holding exactly `exts`, in order.
[[nodiscard]] Bytes extension_block(const std::vector<RawExtension>& exts);

}  // namespace baretls::test

// SPDX-License-Identifier: MIT
// Test support for the TLS 1.3 message suites; see messages13_support.h.
#include "tests/tls/messages13_support.h"

#include <algorithm>

namespace baretls::test {

using namespace baretls::tls;

ClientHello13 sample_client_hello13() {
  ClientHello13 ch;
  for (std::size_t i = 0; i < 32; ++i) ch.hello.random[i] = static_cast<std::uint8_t>(i);
  ch.hello.session_id = Bytes(32, 0xab);  // compatibility mode (RFC 8446 Appendix D.4)
  ch.hello.cipher_suites = {0x1301, 0x1302, 0x1303, 0xC02B};
  ch.hello.server_name = "example.com";
  ch.hello.supported_groups = {29, 23, 24};
  ch.hello.signature_algorithms = {0x0403, 0x0804};
  ch.hello.alpn = {{"h2"}};
  ch.hello.supported_versions = {kTls13, kTls12};
  ch.key_share = {{29, Bytes(32, 0x11)}, {23, Bytes(65, 0x04)}};
  ch.signature_algorithms_cert = {0x0403};
  ch.psk_key_exchange_modes = Bytes{kPskDheKe};
  ch.cookie = Bytes{1, 2, 3};
  ch.early_data = true;
  ch.pre_shared_key = OfferedPsks{{{Bytes(40, 0x77), 0x01020304}}, {Bytes(32, 0x55)}};
  return ch;
}

ServerHello13 sample_server_hello13(bool hello_retry_request) {
  ServerHello13 sh;
  sh.legacy_session_id_echo = Bytes(32, 0xab);
  sh.cipher_suite = 0x1302;
  if (hello_retry_request) {
    sh.random = kHelloRetryRequestRandom;
    sh.selected_group = 24;
    sh.cookie = Bytes(70, 0xcc);
  } else {
    sh.random.fill(0x3c);
    sh.server_share = KeyShareEntry{29, Bytes(32, 0x22)};
    sh.selected_identity = 0;
  }
  return sh;
}

EncryptedExtensions sample_encrypted_extensions() {
  EncryptedExtensions ee;
  ee.server_name_ack = true;
  ee.supported_groups = {29, 23};
  ee.alpn = "http/1.1";
  ee.record_size_limit = 16385;
  ee.early_data = true;
  return ee;
}

CertificateRequest13 sample_certificate_request13() {
  CertificateRequest13 cr;
  cr.certificate_request_context = {};
  cr.signature_algorithms = {0x0403, 0x0503, 0x0804};
  cr.signature_algorithms_cert = {0x0401};
  cr.certificate_authorities = std::vector<Bytes>{Bytes(20, 0x30), Bytes(3, 0x31)};
  return cr;
}

NewSessionTicket13 sample_new_session_ticket13() {
  NewSessionTicket13 nst;
  nst.ticket_lifetime = 7200;
  nst.ticket_age_add = 0xdeadbeef;
  nst.ticket_nonce = {0, 1};
  nst.ticket = Bytes(120, 0x7e);
  nst.max_early_data_size = 0;
  return nst;
}

bool same_client_hello(const ClientHello13& a, const ClientHello13& b) {
  const auto& x = a.hello;
  const auto& y = b.hello;
  return x.client_version == y.client_version && x.random == y.random && x.session_id == y.session_id &&
         x.cipher_suites == y.cipher_suites && x.compression_methods == y.compression_methods &&
         x.server_name == y.server_name && x.supported_groups == y.supported_groups &&
         x.signature_algorithms == y.signature_algorithms && x.alpn == y.alpn &&
         x.extended_master_secret == y.extended_master_secret && x.renegotiation_info == y.renegotiation_info &&
         x.session_ticket == y.session_ticket && x.supported_versions == y.supported_versions &&
         a.key_share == b.key_share && a.psk_key_exchange_modes == b.psk_key_exchange_modes &&
         a.pre_shared_key == b.pre_shared_key && a.cookie == b.cookie &&
         a.signature_algorithms_cert == b.signature_algorithms_cert && a.early_data == b.early_data;
}

Bytes extension_block(const std::vector<RawExtension>& exts) {
  Bytes body;
  for (const auto& e : exts) {
    body.push_back(static_cast<std::uint8_t>(e.type >> 8));
    body.push_back(static_cast<std::uint8_t>(e.type));
    body.push_back(static_cast<std::uint8_t>(e.data.size() >> 8));
    body.push_back(static_cast<std::uint8_t>(e.data.size()));
    body.insert(body.end(), e.data.begin(), e.data.end());
  }
  Bytes out(2 + body.size());
  out[0] = static_cast<std::uint8_t>(body.size() >> 8);
  out[1] = static_cast<std::uint8_t>(body.size());
  std::copy(body.begin(), body.end(), out.begin() + 2);
  return out;
}

}  // namespace baretls::test

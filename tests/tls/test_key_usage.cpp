// SPDX-License-Identifier: MIT
// keyUsage against the key exchange (issue 14; RFC 5246 §7.4.2, §7.4.6,
// RFC 5280 §4.2.1.3), in memory, with the vectors/tls/ku-* leaves:
//   client   a server leaf whose keyUsage forbids the negotiated key exchange -> certificate_key_usage
//   server   never picks a suite its own leaf's keyUsage forbids: another chain or suite, else
//            own_certificate_key_usage / handshake_failure
//   server   a client leaf without digitalSignature (CertificateVerify) -> certificate_key_usage;
//            our client does not send such a leaf
#include <doctest/doctest.h>

#include <vector>

#include "tests/tls/feature_support.h"

using namespace baretls;
using namespace baretls::test;
using tls::Alert;
using tls::CipherSuite;
using tls::Error;
using tls::HandshakeType;

namespace {

std::size_t g_cases = 0;

const std::vector<CipherSuite> kEcdheRsa = {CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256};
const std::vector<CipherSuite> kRsa = {CipherSuite::rsa_with_aes_128_gcm_sha256};

void expect_established(Peers& x) {
  REQUIRE_MESSAGE(x.client->is_established(), "client: " << tls::to_string(x.client->error()));
  REQUIRE_MESSAGE(x.server->is_established(), "server: " << tls::to_string(x.server->error()));
}

// Delivers the ClientHello, then the server's flight with its Certificate
// replaced by `chain`'s.
void swap_server_certificate(Peers& x, const char* chain) {
  x.client_to_server();
  rewrite_plaintext_prefix(*x.server, *x.client, [&](std::vector<FlightMessage>& msgs) {
    for (auto& m : msgs) {
      if (m.type != static_cast<std::uint8_t>(HandshakeType::certificate)) continue;
      tls::CertificateMsg cert;
      cert.certificate_list = load_certified_key(chain).chain;
      std::vector<std::uint8_t> out;
      REQUIRE(tls::append_handshake(out, HandshakeType::certificate, cert) == Error::ok);
      m.body.assign(out.begin() + 4, out.end());
    }
  });
  settle(*x.client, *x.server);
}

}  // namespace

TEST_CASE("key usage: the client checks the server leaf against the key exchange") {
  struct Case {
    std::vector<CipherSuite> suites;
    const char* presented;  // the leaf swapped into the server's Certificate
    bool allowed;
  };
  // ECDHE_RSA needs digitalSignature; RSA key transport needs keyEncipherment.
  // The leaves that fit pass the check (the signature or the Finished then
  // fails: the key in the swapped certificate is not the server's).
  for (const Case& c : {Case{kEcdheRsa, "ku-encipher-rsa", false}, Case{kRsa, "ku-sign-rsa", false},
                        Case{kEcdheRsa, "ku-sign-rsa", true}, Case{kRsa, "ku-encipher-rsa", true}}) {
    CAPTURE(c.presented);
    Peers x;
    x.p.server_config->certificates = {load_certified_key("rsa2048")};
    x.p.client_config->cipher_suites = c.suites;
    x.start();
    swap_server_certificate(x, c.presented);
    if (c.allowed) {
      CHECK(x.client->error() != Error::certificate_key_usage);
      CHECK(x.client->error() != Error::ok);
    } else {
      expect_failure(*x.client, *x.server, Error::certificate_key_usage, Alert::unsupported_certificate);
    }
    ++g_cases;
  }
}

TEST_CASE("key usage: the server picks a suite its leaf allows") {
  struct Case {
    std::vector<const char*> chains;
    std::vector<CipherSuite> client_suites;
    CipherSuite expected;
    const char* served;
  };
  const std::vector<CipherSuite> both = {CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256,
                                         CipherSuite::rsa_with_aes_128_gcm_sha256};
  const std::vector<Case> cases = {
      // One chain: the suite its keyUsage allows, though the server prefers ECDHE.
      {{"ku-encipher-rsa"}, both, CipherSuite::rsa_with_aes_128_gcm_sha256, "ku-encipher-rsa"},
      {{"ku-sign-rsa"}, both, CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256, "ku-sign-rsa"},
      // Two chains: the one whose keyUsage allows the suite.
      {{"ku-encipher-rsa", "ku-sign-rsa"}, kEcdheRsa, CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256, "ku-sign-rsa"},
      {{"ku-sign-rsa", "ku-encipher-rsa"}, kRsa, CipherSuite::rsa_with_aes_128_gcm_sha256, "ku-encipher-rsa"},
      // Both bits: either suite, server preference.
      {{"rsa2048"}, both, CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256, "rsa2048"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.served);
    Peers x;
    for (const char* name : c.chains) x.p.server_config->certificates.push_back(load_certified_key(name));
    x.p.client_config->cipher_suites = c.client_suites;
    x.start();
    x.finish();
    expect_established(x);
    CHECK(x.client->cipher_suite() == c.expected);
    const auto leaf = load_certified_key(c.served).chain.front();
    CHECK(std::equal(leaf.begin(), leaf.end(), x.client->peer_certificate().begin(), x.client->peer_certificate().end()));
    ++g_cases;
  }
  // Nothing the leaf allows: a clear error, handshake_failure.
  for (const auto& [chain, suites] : {std::pair{"ku-encipher-rsa", kEcdheRsa}, std::pair{"ku-sign-rsa", kRsa}}) {
    CAPTURE(chain);
    Peers x;
    x.p.server_config->certificates = {load_certified_key(chain)};
    x.p.client_config->cipher_suites = suites;
    x.start();
    x.finish();
    expect_failure(*x.server, *x.client, Error::own_certificate_key_usage, Alert::handshake_failure);
    ++g_cases;
  }
}

TEST_CASE("key usage: a client certificate must allow signing the CertificateVerify") {
  // The server refuses a client leaf with keyAgreement only (x509/ alone
  // accepts it for clientAuth): swapped into the client's Certificate.
  {
    Peers x;
    x.p.server_config->client_auth = tls::ClientAuth::optional;
    x.p.server_config->client_trust_store = load_roots("ca");
    x.p.client_config->client_certificate = load_certified_key("client-p256");
    x.start();
    x.client_to_server();
    x.server_to_client();
    rewrite_plaintext_prefix(*x.client, *x.server, [](std::vector<FlightMessage>& msgs) {
      auto& m = msgs.at(0);
      REQUIRE(m.type == static_cast<std::uint8_t>(HandshakeType::certificate));
      tls::CertificateMsg cert;
      cert.certificate_list = load_certified_key("client-ku-agree-p256").chain;
      std::vector<std::uint8_t> out;
      REQUIRE(tls::append_handshake(out, HandshakeType::certificate, cert) == Error::ok);
      m.body.assign(out.begin() + 4, out.end());
    });
    settle(*x.client, *x.server);
    expect_failure(*x.server, *x.client, Error::certificate_key_usage, Alert::unsupported_certificate);
    ++g_cases;
  }
  // Our client does not send it: an empty Certificate, so optional
  // authentication completes unauthenticated and required fails.
  for (const auto mode : {tls::ClientAuth::optional, tls::ClientAuth::required}) {
    Peers x;
    x.p.server_config->client_auth = mode;
    x.p.server_config->client_trust_store = load_roots("ca");
    x.p.client_config->client_certificate = load_certified_key("client-ku-agree-p256");
    x.start();
    x.finish();
    if (mode == tls::ClientAuth::optional) {
      expect_established(x);
      CHECK_FALSE(x.server->peer_authenticated());
    } else {
      expect_failure(*x.server, *x.client, Error::certificate_required, Alert::handshake_failure);
    }
    ++g_cases;
  }
}

TEST_CASE("key usage: case count") {
  // client checks 2 + 2, server choice 5 + 2, client certificates 1 + 2.
  CHECK(g_cases == 14);
}

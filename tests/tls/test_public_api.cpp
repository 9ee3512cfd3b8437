// SPDX-License-Identifier: MIT
// The public helpers of baretls/baretls.h: suite, group and scheme names
// both ways (names.h), and certificate chain + key loading from PEM text
// and files (credentials.h), each failure with its own code. Fixtures:
// vectors/tls/*.pem|key, vectors/x509/keys/*.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "baretls/baretls.h"
#include "tests/tls/handshake_support.h"

using namespace baretls;
using tls::CredentialError;

namespace {

std::string vector_path(const std::string& rel) { return std::string(BARETLS_VECTOR_DIR) + "/" + rel; }

// A Pair whose server holds the P-256 chain of vectors/tls/.
struct ServingPair : test::Pair {
  ServingPair() { server_config->certificates = {test::load_certified_key("p256")}; }
};

constexpr std::array kAllSuites{
    tls::CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256,       tls::CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256,
    tls::CipherSuite::ecdhe_ecdsa_with_aes_256_gcm_sha384,       tls::CipherSuite::ecdhe_rsa_with_aes_256_gcm_sha384,
    tls::CipherSuite::ecdhe_ecdsa_with_chacha20_poly1305_sha256, tls::CipherSuite::ecdhe_rsa_with_chacha20_poly1305_sha256,
    tls::CipherSuite::rsa_with_aes_128_gcm_sha256,               tls::CipherSuite::rsa_with_aes_256_gcm_sha384};
constexpr std::array kAllSchemes{
    tls::SignatureScheme::rsa_pkcs1_sha256,    tls::SignatureScheme::rsa_pkcs1_sha384,
    tls::SignatureScheme::rsa_pkcs1_sha512,    tls::SignatureScheme::ecdsa_secp256r1_sha256,
    tls::SignatureScheme::ecdsa_secp384r1_sha384, tls::SignatureScheme::rsa_pss_rsae_sha256,
    tls::SignatureScheme::rsa_pss_rsae_sha384, tls::SignatureScheme::rsa_pss_rsae_sha512};

}  // namespace

TEST_SUITE("public api") {
  TEST_CASE("every suite name maps back to its suite, IANA and OpenSSL spellings") {
    int checked = 0;
    for (const auto s : kAllSuites) {
      CHECK(tls::suite_by_name(tls::suite_name(s)) == s);
      CHECK(tls::suite_by_name(tls::suite_openssl_name(s)) == s);
      ++checked;
    }
    CHECK(checked == 8);
    CHECK(tls::suite_name(tls::CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256) ==
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    CHECK(tls::suite_openssl_name(tls::CipherSuite::rsa_with_aes_256_gcm_sha384) == "AES256-GCM-SHA384");
    CHECK_FALSE(tls::suite_by_name("TLS_RSA_WITH_RC4_128_SHA"));
    CHECK_FALSE(tls::suite_by_name(""));
    CHECK(tls::suite_name(static_cast<tls::CipherSuite>(0x0005)) == "unknown");
  }

  TEST_CASE("group names and their aliases") {
    for (const auto g : {tls::NamedGroup::x25519, tls::NamedGroup::secp256r1, tls::NamedGroup::secp384r1})
      CHECK(tls::group_by_name(tls::group_name(g)) == g);
    CHECK(tls::group_by_name("P-256") == tls::NamedGroup::secp256r1);
    CHECK(tls::group_by_name("prime256v1") == tls::NamedGroup::secp256r1);
    CHECK(tls::group_by_name("P-384") == tls::NamedGroup::secp384r1);
    CHECK(tls::group_by_name("X25519") == tls::NamedGroup::x25519);
    CHECK_FALSE(tls::group_by_name("secp521r1"));
  }

  TEST_CASE("every signature scheme name maps back") {
    int checked = 0;
    for (const auto s : kAllSchemes) {
      CHECK(tls::scheme_by_name(tls::scheme_name(s)) == s);
      ++checked;
    }
    CHECK(checked == 8);
    CHECK(tls::scheme_name(tls::SignatureScheme::rsa_pss_rsae_sha256) == "rsa_pss_rsae_sha256");
    CHECK_FALSE(tls::scheme_by_name("ed25519"));
  }

  TEST_CASE("a chain and key load from PEM text") {
    for (const char* name : {"p256", "p384", "rsa2048"}) {
      auto ck = tls::load_certified_key(test::read_text(std::string("tls/") + name + ".pem"),
                                        test::read_text(std::string("tls/") + name + ".key"));
      REQUIRE_MESSAGE(ck.ok(), name << ": " << tls::to_string(ck.error()));
      CHECK_FALSE(ck->chain.empty());
      CHECK(ck->key != nullptr);
    }
  }

  TEST_CASE("the same from files, and an unreadable file is not 'no certificate'") {
    const auto pem = vector_path("tls/p256.pem");
    const auto key = vector_path("tls/p256.key");
    auto ok = tls::load_certified_key_files(pem.c_str(), key.c_str());
    REQUIRE(ok.ok());
    CHECK(ok->chain.size() == test::load_certified_key("p256").chain.size());
    CHECK(tls::load_certified_key_files("/nonexistent/chain.pem", key.c_str()).error() ==
          CredentialError::unreadable_chain_file);
    CHECK(tls::load_certified_key_files(pem.c_str(), "/nonexistent/key.pem").error() ==
          CredentialError::unreadable_key_file);
    // A file without a CERTIFICATE block: the key file given as the chain.
    CHECK(tls::load_certified_key_files(key.c_str(), key.c_str()).error() == CredentialError::no_certificate);
  }

  TEST_CASE("each bad input has its own code") {
    const auto chain = test::read_text("tls/p256.pem");
    const auto key = test::read_text("tls/p256.key");
    CHECK(tls::load_certified_key("", key).error() == CredentialError::no_certificate);
    CHECK(tls::load_certified_key("-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n", key).error() ==
          CredentialError::malformed_chain);
    CHECK(tls::load_certified_key(chain, "").error() == CredentialError::no_private_key);
    CHECK(tls::load_certified_key(chain, chain).error() == CredentialError::no_private_key);
    CHECK(tls::load_certified_key(chain, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n").error() ==
          CredentialError::malformed_key);
    CHECK(tls::load_certified_key(chain, test::read_text("x509/keys/rsa-pkcs8-encrypted.pem")).error() ==
          CredentialError::encrypted_key);
    CHECK(tls::load_certified_key(chain, test::read_text("x509/keys/ed25519-pkcs8.pem")).error() ==
          CredentialError::unsupported_key);
    for (auto e : {CredentialError::unreadable_chain_file, CredentialError::no_certificate, CredentialError::malformed_key})
      CHECK(tls::to_string(e) != "unknown error");
  }

  TEST_CASE("configuration errors are reported when the connection is made") {
    SUBCASE("a client without a random source") {
      ServingPair p;
      p.client_config->random = {};
      CHECK(tls::Connection::client(p.client_config, "localhost").error() == tls::Error::missing_random);
    }
    SUBCASE("a server without a random source") {
      ServingPair p;
      p.server_config->random = {};
      CHECK(tls::Connection::server(p.server_config).error() == tls::Error::missing_random);
    }
    SUBCASE("a client that verifies the server's chain but has no clock") {
      ServingPair p;
      p.client_config->clock = {};
      CHECK(tls::Connection::client(p.client_config, "localhost").error() == tls::Error::missing_clock);
      // Without a trust store nothing is verified against time (and every chain is refused).
      p.client_config->trust_store = nullptr;
      CHECK(tls::Connection::client(p.client_config, "localhost").ok());
    }
    SUBCASE("a server that verifies client chains but has no clock") {
      ServingPair p;
      p.server_config->clock = {};
      CHECK(tls::Connection::server(p.server_config).ok());  // no client authentication: no clock needed
      p.server_config->client_auth = tls::ClientAuth::optional;
      p.server_config->client_trust_store = test::load_roots();
      CHECK(tls::Connection::server(p.server_config).error() == tls::Error::missing_clock);
    }
    SUBCASE("each has its own reason and is a local error") {
      for (const auto e : {tls::Error::missing_random, tls::Error::missing_clock}) {
        CHECK(tls::to_string(e) != tls::to_string(tls::Error::bad_config));
        CHECK(tls::alert_for(e) == tls::Alert::internal_error);
      }
    }
  }

  TEST_CASE("pump joins two connections in memory") {
    SUBCASE("a handshake and data both ways") {
      ServingPair p;
      auto client = tls::Connection::client(p.client_config, "localhost");
      auto server = tls::Connection::server(p.server_config);
      REQUIRE((client && server));
      CHECK(tls::pump(*client, *server) == tls::Error::ok);
      REQUIRE(client->is_established());
      REQUIRE(server->is_established());
      const std::uint8_t ping[] = {'p', 'i', 'n', 'g'};
      REQUIRE(client->write(ping));
      CHECK(client->outgoing().size() > sizeof ping);
      CHECK(tls::pump(*client, *server) == tls::Error::ok);
      CHECK(client->outgoing().empty());
      std::uint8_t got[8] = {};
      const auto n = server->read(got);
      REQUIRE(n);
      CHECK(*n == sizeof ping);
      CHECK(std::equal(ping, ping + 4, got));
      CHECK(tls::pump(*client, *server) == tls::Error::ok);  // nothing pending: a no-op
    }
    SUBCASE("the first error is returned and the fatal alert still reaches the peer") {
      ServingPair p;
      p.client_config->trust_store = test::load_roots("other-ca");  // the server's chain is not trusted
      auto client = tls::Connection::client(p.client_config, "localhost");
      auto server = tls::Connection::server(p.server_config);
      REQUIRE((client && server));
      CHECK(tls::pump(*client, *server) == tls::Error::certificate_unknown_ca);
      CHECK(client->error() == tls::Error::certificate_unknown_ca);
      CHECK(server->error() == tls::Error::peer_alert);
      CHECK(server->peer_alert() == tls::Alert::unknown_ca);
    }
  }
}

// SPDX-License-Identifier: MIT
// In-memory handshakes between our client and our server for every suite x
// group x certificate type (RSA-2048, ECDSA P-256, ECDSA P-384 from
// vectors/tls/), then 1 MiB each way checked byte for byte with random
// delivery sizes (1-byte deliveries included), then close_notify both ways.
#include <doctest/doctest.h>

#include "tests/tls/handshake_support.h"
#include "tls/suites.h"

using namespace baretls;
using namespace baretls::test;
using tls::Connection;

namespace {

std::vector<std::uint8_t> pattern(std::size_t n, std::uint64_t seed) {
  std::mt19937_64 g(seed);
  std::vector<std::uint8_t> v(n);
  for (auto& b : v) b = static_cast<std::uint8_t>(g());
  return v;
}

void pump_data(Connection& writer, const std::vector<std::uint8_t>& data, std::size_t& written) {
  while (written < data.size()) {
    auto n = writer.write(std::span(data).subspan(written));
    REQUIRE(n.ok());
    if (*n == 0) break;
    written += *n;
  }
}

void drain(Connection& reader, std::vector<std::uint8_t>& got) {
  std::uint8_t buf[5000];
  for (;;) {
    auto n = reader.read(buf);
    REQUIRE_MESSAGE(n.ok(), tls::to_string(n.error()));
    if (*n == 0) return;
    got.insert(got.end(), buf, buf + *n);
  }
}

// 1 MiB each way, then close_notify from the client and the server's answer.
void exchange(Connection& client, Connection& server, Transport& t, std::size_t size) {
  const auto a = pattern(size, 11), b = pattern(size, 22);
  std::size_t wa = 0, wb = 0;
  std::vector<std::uint8_t> ga, gb;
  for (int i = 0; i < 10000000 && (ga.size() < size || gb.size() < size); ++i) {
    pump_data(client, a, wa);
    pump_data(server, b, wb);
    const bool m1 = t.step(client, server);
    const bool m2 = t.step(server, client);
    drain(server, ga);
    drain(client, gb);
    REQUIRE(client.error() == tls::Error::ok);
    REQUIRE(server.error() == tls::Error::ok);
    if (!m1 && !m2 && wa == size && wb == size && client.outgoing().empty() && server.outgoing().empty()) break;
  }
  CHECK(ga == a);
  CHECK(gb == b);
  REQUIRE(client.close() == tls::Error::ok);
  for (int i = 0; i < 100000 && (t.step(client, server) || t.step(server, client)); ++i) {
  }
  std::uint8_t buf[16];
  // The server learns of the close when it reads; only then does it answer.
  CHECK(server.read(buf).error() == tls::Error::closed);
  CHECK(server.outgoing().size() > 0);
  for (int i = 0; i < 100000 && t.step(server, client); ++i) {
  }
  CHECK(client.read(buf).error() == tls::Error::closed);
  CHECK((client.state() & tls::kClosed) != 0);
  CHECK(client.feed_eof() == tls::Error::ok);
  CHECK(server.feed_eof() == tls::Error::ok);
}

}  // namespace

TEST_CASE("handshake: every suite x group x certificate, 1 MiB each way") {
  const char* certs[] = {"rsa2048", "p256", "p384"};
  const tls::NamedGroup groups[] = {tls::NamedGroup::x25519, tls::NamedGroup::secp256r1, tls::NamedGroup::secp384r1};
  std::size_t handshakes = 0;
  std::uint64_t seed = 1000;
  for (const auto& suite : tls::kSuites) {
    for (const char* cert : certs) {
      const bool ec_cert = std::string(cert) != "rsa2048";
      if (ec_cert != (suite.kex == tls::KeyExchange::ecdhe_ecdsa)) continue;
      for (const auto group : groups) {
        if (suite.kex == tls::KeyExchange::rsa && group != tls::NamedGroup::x25519) continue;  // no group used
        CAPTURE(suite.iana_name);
        CAPTURE(cert);
        CAPTURE(tls::group_name(group));
        Pair p;
        p.client_config->cipher_suites = {suite.id};
        // The ECDSA certificate's curve must be in the client's supported_groups
        // (RFC 8422 §5.1); the server's list forces the key-exchange group.
        p.client_config->groups = {group};
        const std::string c(cert);
        const auto curve = c == "p256" ? tls::NamedGroup::secp256r1 : tls::NamedGroup::secp384r1;
        if (c != "rsa2048" && curve != group) p.client_config->groups.push_back(curve);
        p.server_config->groups = {group};
        p.server_config->certificates = {load_certified_key(cert)};
        auto client = Connection::client(p.client_config, "localhost");
        REQUIRE(client.ok());
        auto server = Connection::server(p.server_config);
        REQUIRE(server.ok());
        Transport t(seed++);
        run_handshake(*client, *server, t);
        REQUIRE_MESSAGE(client->is_established(), tls::to_string(client->error()));
        REQUIRE_MESSAGE(server->is_established(), tls::to_string(server->error()));
        CHECK(client->cipher_suite() == suite.id);
        CHECK(server->cipher_suite() == suite.id);
        CHECK(client->extended_master_secret());
        if (suite.kex != tls::KeyExchange::rsa) {
          CHECK(client->group() == group);
          CHECK(server->group() == group);
        }
        exchange(*client, *server, t, 1 << 20);
        ++handshakes;
      }
    }
  }
  MESSAGE("in-memory handshakes with 1 MiB each way: " << handshakes);
  CHECK(handshakes == 29);  // 3 ECDSA suites x 3 groups x 2 certs + 3 RSA-auth ECDHE x 3 groups + 2 RSA kex
}

TEST_CASE("handshake: default configurations pick the server's first preference") {
  Pair p;
  p.server_config->certificates = {load_certified_key("rsa2048"), load_certified_key("p256")};
  auto client = Connection::client(p.client_config, "localhost");
  auto server = Connection::server(p.server_config);
  REQUIRE(client.ok());
  REQUIRE(server.ok());
  Transport t(7);
  run_handshake(*client, *server, t);
  REQUIRE_MESSAGE(client->is_established(), "client: " << tls::to_string(client->error()) << " server: "
                                                       << tls::to_string(server->error()));
  CHECK(client->cipher_suite() == tls::CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256);
  CHECK(client->group() == tls::NamedGroup::x25519);
  CHECK(client->signature_scheme() == tls::SignatureScheme::ecdsa_secp256r1_sha256);
  MESSAGE("established connection footprint: " << client->memory_footprint() << " bytes (client), "
                                               << server->memory_footprint() << " bytes (server)");
}

// SPDX-License-Identifier: MIT
// The in-memory handshake of the "tls_established" target (see
// fuzz_tls_established.h): ECDHE-ECDSA over X25519 with the P-256 chain.
#include "fuzz/fuzz_tls_established.h"

namespace baretls::fuzz {

namespace {

constexpr tls::CipherSuite kEstablishedSuites[4] = {
    tls::CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256, tls::CipherSuite::ecdhe_ecdsa_with_aes_256_gcm_sha384,
    tls::CipherSuite::ecdhe_ecdsa_with_chacha20_poly1305_sha256,
    tls::CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256};

struct EstablishedConfigs {
  CounterRng client_rng{11}, server_rng{12};
  std::shared_ptr<tls::ClientConfig> client[4];
  std::shared_ptr<tls::ServerConfig> server;
  EstablishedConfigs() {
    for (std::size_t i = 0; i < 4; ++i) {
      client[i] = make_client_config(client_rng);
      client[i]->cipher_suites = {kEstablishedSuites[i]};
      client[i]->groups = {tls::NamedGroup::x25519, tls::NamedGroup::secp256r1};  // P-256: the chain's curve
    }
    server = make_server_config(server_rng);
  }
};

}  // namespace

EstablishedPair established_pair(std::uint8_t option) {
  static EstablishedConfigs configs;
  configs.client_rng.reset();
  configs.server_rng.reset();
  const std::size_t which = (option >> 1) & 3u;
  auto client = tls::Connection::client(configs.client[which], kServerName);
  auto server = tls::Connection::server(configs.server);
  if (!client || !server) die("established_pair: connections do not start");
  settle(*client, *server);
  if (!client->is_established() || !server->is_established()) die("established_pair: no handshake");
  return EstablishedPair{std::move(*client), std::move(*server)};
}

}  // namespace baretls::fuzz

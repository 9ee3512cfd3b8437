// SPDX-License-Identifier: MIT
#include <baretls/baretls.h>

#include <cstdint>
#include <cstdio>
#include <ctime>
#include <memory>
#include <string>

using namespace baretls;

std::int64_t unix_now(void*) { return static_cast<std::int64_t>(std::time(nullptr)); }

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: features CHAIN.pem KEY.pem ROOTS.pem\n");
    return 2;
  }
  auto chain = tls::load_certified_key_files(argv[1], argv[2]);  // tls::CertifiedKey: DER chain + key
  auto roots = std::make_shared<x509::TrustStore>();
  if (!chain || roots->load_file(argv[3]) != x509::Error::ok) {
    std::fprintf(stderr, "cannot load the certificates (%s)\n", std::string(tls::to_string(chain.error())).c_str());
    return 1;
  }

  auto cfg = std::make_shared<tls::ServerConfig>();
  cfg->random = crypto::system_random();
  cfg->clock = {&unix_now, nullptr};
  cfg->certificates = {*chain};                   // several: SNI picks by the leaves' names
  cfg->client_auth = tls::ClientAuth::optional;   // or required; none by default
  cfg->client_trust_store = roots;
  cfg->alpn = {"h2", "http/1.1"};                 // server preference
  cfg->session_cache = std::make_shared<tls::SessionCache>(1024, 7200);  // capacity, lifetime (s)
  cfg->ticket_keys = std::make_shared<tls::TicketKeys>(3600, 7200);      // rotation, ticket lifetime (s)
  cfg->key_log = {+[](void* f, std::string_view line) {
                    std::fprintf(static_cast<std::FILE*>(f), "%.*s\n", static_cast<int>(line.size()), line.data());
                  },
                  stderr};
  auto server = tls::Connection::server(cfg);
  // after the handshake: server->peer_authenticated(), peer_certificate(),
  // alpn_protocol(), requested_server_name(), resumed()

  auto ccfg = std::make_shared<tls::ClientConfig>();
  ccfg->random = crypto::system_random();
  ccfg->clock = {&unix_now, nullptr};
  ccfg->trust_store = roots;
  ccfg->client_certificate = *chain;              // sent when the server asks
  auto first = tls::Connection::client(ccfg, "localhost");
  if (!server || !first) return 1;
  // ... handshake ...
  if (const std::optional<tls::Session> s = first->session()) {
    // Offers the session, only under the SNI name it was made with and only to
    // names the server certificate kept in `s` covers; otherwise a full handshake.
    auto again = tls::Connection::client(ccfg, "localhost", &*s);
    if (!again) return 1;
  }
  std::printf("server and client configured\n");
}

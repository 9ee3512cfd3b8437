// SPDX-License-Identifier: MIT
#include <baretls/baretls.h>

#include <cstdint>
#include <cstdio>
#include <ctime>
#include <memory>
#include <string>

using namespace baretls;

int main() {
  auto roots = std::make_shared<x509::TrustStore>();
  if (roots->load_file("/etc/ssl/certs/ca-certificates.crt") != x509::Error::ok)
    std::fprintf(stderr, "no system roots: every server will be refused\n");

  auto config = std::make_shared<tls::ClientConfig>();
  config->trust_store = roots;
  config->random = crypto::system_random();  // required: the library has no randomness of its own
  config->clock = {[](void*) { return static_cast<std::int64_t>(std::time(nullptr)); }, nullptr};
  config->alpn = {"http/1.1"};               // suites, groups and schemes keep their defaults

  auto conn = tls::Connection::client(config, "example.com");
  if (!conn) {
    std::fprintf(stderr, "%s\n", std::string(tls::to_string(conn.error())).c_str());
    return 1;
  }
  // The ClientHello is ready: send outgoing() to the server, consume_outgoing(n),
  // feed() what comes back, then read()/write() application data. Over a connected
  // socket, tls::SocketStream (socket_adapter.h) runs that loop.
  std::printf("ClientHello: %zu bytes to send\n", conn->outgoing().size());
}

// SPDX-License-Identifier: MIT
// A TLS client for a bare-metal Cortex-M4 board, built (never run) by the
// cortex-m4 toolchain (cmake/toolchains/cortex-m4.cmake) to show that the
// three libraries link with no operating system: randomness from the board's
// random-number generator, time from its real-time clock, bytes through its
// network driver, and the server's root certificate compiled in. The board
// functions (board_*) are weak stubs so that this file links on its own; a
// port replaces them. scripts/cross-test cortex-m4 builds it and prints its
// size (arm-none-eabi-size).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "baretls/tls/config.h"
#include "baretls/tls/connection.h"
#include "baretls/x509/trust_store.h"

extern "C" {
// Fills `out` from the hardware random generator; 0 on success.
__attribute__((weak)) int board_random(std::uint8_t* out, std::size_t n) {
  (void)out;
  (void)n;
  return -1;  // the stub has no entropy source: fail closed
}
// Seconds since 1970 from the real-time clock.
__attribute__((weak)) std::int64_t board_unix_time() { return 0; }
// Non-blocking transport: bytes sent or received (0: none now), -1 when
// the connection is gone.
__attribute__((weak)) long board_send(const std::uint8_t* data, std::size_t n) {
  (void)data;
  return static_cast<long>(n);
}
__attribute__((weak)) long board_receive(std::uint8_t* data, std::size_t n) {
  (void)data;
  (void)n;
  return -1;
}
}

namespace {

using namespace baretls;

// The server's root CA (vectors/tls/ca.pem, the test suites' P-256 root).
constexpr std::string_view kRootPem =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBszCCAVigAwIBAgIUcQ7jOFRo/opsNzaMSgwmEEMOFbQwCgYIKoZIzj0EAwIw\n"
    "NjEdMBsGA1UEAwwUYmFyZXRscyB0ZXN0IHJvb3QgQ0ExFTATBgNVBAoMDGJhcmV0\n"
    "bHMgdGVzdDAgFw0yNjExMjYyMzI1MDlaGA8yMTI2MTEwMjIzMjUwOVowNjEdMBsG\n"
    "A1UEAwwUYmFyZXRscyB0ZXN0IHJvb3QgQ0ExFTATBgNVBAoMDGJhcmV0bHMgdGVz\n"
    "dDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABE04p3tcLJke4yrRtwwL6ouJiMQA\n"
    "8p3VbfQf7jZkv73RSLBSGkLQXyZf7jpG5JUDd+Wy+ji+eQ6XpZAvmRUqJo2jQjBA\n"
    "MA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0PAQH/BAQDAgEGMB0GA1UdDgQWBBTmvk8O\n"
    "Wq05+VbrzIc4hyKKUk4igjAKBggqhkjOPQQDAgNJADBGAiEA/gVxuNSpUD92pFwz\n"
    "xpnLGZsBR59WNkVq/GuQ1t3kUMgCIQDOabjaXgZeur9dvxqxhVw8IUXag44U1pFv\n"
    "DxpcwcF9mQ==\n"
    "-----END CERTIFICATE-----\n";

crypto::Error fill_random(void*, std::span<std::uint8_t> out) noexcept {
  return board_random(out.data(), out.size()) == 0 ? crypto::Error::ok : crypto::Error::rng_failure;
}

std::int64_t now(void*) { return board_unix_time(); }

// Moves queued records out and received bytes in; false when the transport
// or the connection failed.
bool pump(tls::Connection& conn) {
  const auto out = conn.outgoing();
  if (!out.empty()) {
    const long sent = board_send(out.data(), out.size());
    if (sent < 0) return false;
    conn.consume_outgoing(static_cast<std::size_t>(sent));
  }
  std::uint8_t buf[512];
  const long got = board_receive(buf, sizeof buf);
  if (got < 0) return false;
  return static_cast<bool>(conn.feed(std::span<const std::uint8_t>(buf, static_cast<std::size_t>(got))));
}

}  // namespace

int main() {
  auto roots = std::make_shared<x509::TrustStore>();
  if (roots->add_pem(kRootPem) != x509::Error::ok) return 1;
  auto config = std::make_shared<tls::ClientConfig>();
  config->trust_store = roots;
  config->random = {&fill_random, nullptr};
  config->clock = {&now, nullptr};
  auto conn = tls::Connection::client(config, "localhost");
  if (!conn) return 2;
  while (!conn->is_established()) {
    if (!pump(*conn)) return 3;
  }
  constexpr std::string_view kRequest = "GET / HTTP/1.0\r\n\r\n";
  const auto request = std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(kRequest.data()),
                                                     kRequest.size());
  if (!conn->write(request)) return 4;
  std::uint8_t reply[256];
  for (;;) {
    if (!pump(*conn)) break;
    const auto n = conn->read(reply);
    if (!n) break;  // Error::closed after the server's close_notify
  }
  (void)conn->close();
  (void)pump(*conn);
  return 0;
}

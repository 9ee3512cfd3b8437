// SPDX-License-Identifier: MIT
// The zero-copy calls of tls::Connection: received bytes written straight
// into the engine's input buffer (input_buffer/commit_input) and plaintext
// used where it was decrypted (read_view/consume_read). In memory, with
// random delivery and consumption sizes, byte for byte; misuse, tampering,
// close_notify; the per-connection memory bound of issue #7 (48 KiB). Each
// case runs with CommonConfig::release_idle_buffers off and on (issue #15).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <random>
#include <vector>

#include "tests/tls/handshake_support.h"
#include "tls/engine.h"

using namespace baretls;
using namespace baretls::test;
using tls::Connection;
using tls::Error;

namespace {

std::size_t g_checks = 0;

struct Peers {
  Pair p;
  std::optional<Connection> client, server;
  // `release`: CommonConfig::release_idle_buffers at both ends (issue #15):
  // every case here runs with the buffers kept and released.
  void start(tls::CipherSuite suite, bool release) {
    p.client_config->cipher_suites = {suite};
    p.client_config->release_idle_buffers = release;
    p.server_config->release_idle_buffers = release;
    p.server_config->certificates = {load_certified_key("p256")};
    auto c = Connection::client(p.client_config, "localhost");
    REQUIRE(c.ok());
    client.emplace(std::move(*c));
    auto s = Connection::server(p.server_config);
    REQUIRE(s.ok());
    server.emplace(std::move(*s));
  }
};

// Copies up to `limit` of `from`'s outgoing bytes into `to`'s input buffer
// (the network's one copy). Returns the bytes moved.
std::size_t deliver(Connection& from, Connection& to, std::size_t limit = SIZE_MAX) {
  const auto out = from.outgoing();
  const auto buf = to.input_buffer();
  const std::size_t n = std::min({out.size(), buf.size(), limit});
  if (n == 0) return 0;
  std::memcpy(buf.data(), out.data(), n);
  auto taken = to.commit_input(n);
  from.consume_outgoing(n);
  if (taken) CHECK(*taken == n);
  return n;
}

// True if `p` points into the engine's input buffer (the data was not copied).
bool inside_input_buffer(Connection& c, const std::uint8_t* p) {
  const auto& in = tls::detail::engine_of(c).channel.input();
  return p >= in.data() && p < in.data() + in.size();
}

// Moves `data` from `w` to `r`: write() as far as it takes, random delivery
// sizes, random consumption from read_view(). Checks every byte.
void transfer(Connection& w, Connection& r, const std::vector<std::uint8_t>& data, std::mt19937_64& rng) {
  std::size_t written = 0, received = 0, views = 0, in_place = 0;
  for (int guard = 0; received < data.size() && guard < 1000000; ++guard) {
    if (written < data.size()) {
      auto n = w.write(std::span(data).subspan(written));
      REQUIRE(n.ok());
      written += *n;
    }
    const auto pick = rng() % 4;
    const std::size_t limit = pick == 0 ? 1 + rng() % 7 : pick == 1 ? 1 + rng() % 3000 : SIZE_MAX;
    deliver(w, r, limit);
    auto view = r.read_view();
    REQUIRE(view.ok());
    if (view->empty()) continue;
    ++views;
    if (inside_input_buffer(r, view->data())) ++in_place;
    const std::size_t take = rng() % 3 == 0 ? 1 + rng() % view->size() : view->size();
    REQUIRE(received + take <= data.size());
    REQUIRE(std::equal(view->begin(), view->begin() + static_cast<long>(take),
                       data.begin() + static_cast<long>(received)));
    REQUIRE(r.consume_read(take) == Error::ok);
    received += take;
  }
  CHECK(received == data.size());
  CHECK(views > 0);
  CHECK(in_place == views);
}

}  // namespace

TEST_CASE("zero-copy: handshake and 1 MiB each way, random deliveries and consumption") {
  const tls::CipherSuite suites[] = {tls::CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256,
                                     tls::CipherSuite::ecdhe_ecdsa_with_aes_256_gcm_sha384,
                                     tls::CipherSuite::ecdhe_ecdsa_with_chacha20_poly1305_sha256};
  std::size_t suites_run = 0;
  for (const bool release : {false, true})
  for (const auto suite : suites) {
    CAPTURE(static_cast<unsigned>(suite));
    CAPTURE(release);
    Peers x;
    x.start(suite, release);
    std::mt19937_64 rng(static_cast<std::uint64_t>(suite));
    for (int i = 0; i < 10000 && !(x.client->is_established() && x.server->is_established()); ++i) {
      const std::size_t a = deliver(*x.client, *x.server, 1 + rng() % 2000);
      const std::size_t b = deliver(*x.server, *x.client, 1 + rng() % 2000);
      REQUIRE(x.client->error() == Error::ok);
      REQUIRE(x.server->error() == Error::ok);
      if (a == 0 && b == 0 && i > 0) break;
    }
    REQUIRE(x.client->is_established());
    REQUIRE(x.server->is_established());
    CHECK(x.client->cipher_suite() == suite);

    std::vector<std::uint8_t> up(1 << 20), down(1 << 20);
    for (auto& b : up) b = static_cast<std::uint8_t>(rng());
    for (auto& b : down) b = static_cast<std::uint8_t>(rng());
    transfer(*x.client, *x.server, up, rng);
    transfer(*x.server, *x.client, down, rng);

    // Issue #7: an established connection holds at most 48 KiB, buffers included.
    for (auto* c : {&*x.client, &*x.server}) {
      const std::size_t bytes = c->memory_footprint();
      MESSAGE((c == &*x.client ? "client" : "server") << " memory_footprint after 1 MiB each way: " << bytes
                                                      << " bytes (engine " << sizeof(tls::detail::Engine)
                                                      << ", buffers " << tls::detail::engine_of(*c).channel.footprint() << ")");
      CHECK(bytes <= 48 * 1024);
    }
    ++suites_run;
  }
  g_checks += suites_run;
  CHECK(suites_run == 6);
}

namespace {

void bounds_misuse_tampering_close(bool release) {
  Peers x;
  x.start(tls::CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256, release);
  settle(*x.client, *x.server);
  REQUIRE(x.client->is_established());
  REQUIRE(x.server->is_established());
  const std::vector<std::uint8_t> data(16384, 0x5a);

  SUBCASE("misuse is refused without harm") {
    const std::size_t space = x.server->input_buffer().size();
    CHECK(space == tls::kMaxRecordIn);
    CHECK(x.server->commit_input(space + 1).error() == Error::buffer_too_small);
    auto view = x.server->read_view();
    REQUIRE(view.ok());
    CHECK(view->empty());
    CHECK(x.server->consume_read(1) == Error::buffer_too_small);
    CHECK(x.server->consume_read(0) == Error::ok);
    CHECK(x.server->error() == Error::ok);
    ++g_checks;
  }

  SUBCASE("a waiting record keeps its place; the next one follows once it is used") {
    REQUIRE(x.client->write(data).ok());
    const std::size_t wire = x.client->outgoing().size();
    CHECK(wire == tls::kMaxRecordOut);
    CHECK(deliver(*x.client, *x.server) == wire);
    REQUIRE(x.client->write(data).ok());
    // Record 1 is decrypted in place and unread: only the tail is free.
    CHECK(x.server->input_buffer().size() == tls::kMaxRecordIn - wire);
    const std::size_t part = deliver(*x.client, *x.server);
    CHECK(part == tls::kMaxRecordIn - wire);
    CHECK(x.server->input_buffer().empty());
    auto view = x.server->read_view();
    REQUIRE(view.ok());
    REQUIRE(view->size() == data.size());
    REQUIRE(x.server->consume_read(100) == Error::ok);
    view = x.server->read_view();
    REQUIRE(view.ok());
    CHECK(view->size() == data.size() - 100);
    REQUIRE(x.server->consume_read(view->size()) == Error::ok);
    // Used up: the partial record 2 moves to the front, a whole record fits.
    CHECK(x.server->input_buffer().size() == tls::kMaxRecordIn - part);
    CHECK(deliver(*x.client, *x.server) == wire - part);
    view = x.server->read_view();
    REQUIRE(view.ok());
    CHECK(std::equal(view->begin(), view->end(), data.begin(), data.end()));
    CHECK(inside_input_buffer(*x.server, view->data()));
    ++g_checks;
  }

  SUBCASE("a tampered record -> bad_record_mac, nothing released") {
    REQUIRE(x.client->write(data).ok());
    const auto out = x.client->outgoing();
    const auto buf = x.server->input_buffer();
    REQUIRE(buf.size() >= out.size());
    std::memcpy(buf.data(), out.data(), out.size());
    buf[100] ^= 1;
    CHECK(x.server->commit_input(out.size()).error() == Error::bad_record_mac);
    x.client->consume_outgoing(out.size());
    CHECK(x.server->read_view().error() == Error::bad_record_mac);
    CHECK(x.server->input_buffer().empty());
    CHECK(x.server->alert_sent() == tls::Alert::bad_record_mac);
    // The record's bytes were wiped where they lay (RecordCipher::open, as
    // test_tls_record checks), then the failed engine wiped and freed the
    // whole input buffer (Engine::fail, test_tls_failure_cleanup).
    CHECK(tls::detail::engine_of(*x.server).channel.input().capacity() == 0);
    ++g_checks;
  }

  SUBCASE("close_notify: read_view reports closed after the data, and answers") {
    REQUIRE(x.client->write(std::span(data).first(10)).ok());
    REQUIRE(x.client->close() == Error::ok);
    deliver(*x.client, *x.server);
    auto view = x.server->read_view();
    REQUIRE(view.ok());
    CHECK(view->size() == 10);
    REQUIRE(x.server->consume_read(10) == Error::ok);
    CHECK(x.server->read_view().error() == Error::closed);
    CHECK(!x.server->outgoing().empty());  // its own close_notify
    ++g_checks;
  }
}

}  // namespace

TEST_CASE("zero-copy: bounds, misuse, tampering and close_notify") { bounds_misuse_tampering_close(false); }

TEST_CASE("zero-copy: the same with release_idle_buffers") { bounds_misuse_tampering_close(true); }

TEST_CASE("zero-copy: count") {
  MESSAGE("zero-copy checks run: " << g_checks);
  // (3 suites + 4 subcases) x buffers kept and released (doctest runs this
  // file's cases in order).
  CHECK(g_checks == 14);
}

// SPDX-License-Identifier: MIT
// Malformed-input sweep of the handshake, both sides: each message the
// server receives (ClientHello, ClientKeyExchange, Finished) and the client
// receives (ServerHello, Certificate, ServerKeyExchange, ServerHelloDone,
// Finished), and with client authentication CertificateRequest, the client's
// Certificate and CertificateVerify, is taken from a real in-memory handshake (fixed randomness) and
// delivered in place of the real one after every body truncation (length
// re-framed) and every single-byte change (x ^ 0x01, x ^ 0xff, x = 0x00) of
// its header and body. The encrypted Finished is changed before sealing,
// through the engine (tls::detail::engine_of). Then the record headers of
// every flight (type, version, length bytes) get the same byte changes, and
// every record is cut at every length. Each case must end in an error with an
// alert, a completed handshake, or (a length that promises more bytes) a wait
// that EOF turns into Error::truncated: never a crash (the asan preset checks
// memory).
#include <doctest/doctest.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "tls/engine.h"
#include "tests/tls/handshake_support.h"
#include "tls/messages.h"
#include "tls/record.h"

using namespace baretls;
using namespace baretls::test;
using tls::Connection;
using tls::Error;
using Bytes = std::vector<std::uint8_t>;

namespace {

struct Rec {
  std::uint8_t type;
  Bytes wire;  // header + fragment
};

std::vector<Rec> split_records(std::span<const std::uint8_t> wire) {
  std::vector<Rec> recs;
  std::size_t i = 0;
  while (i + 5 <= wire.size()) {
    const std::size_t len = (std::size_t{wire[i + 3]} << 8) | wire[i + 4];
    REQUIRE(i + 5 + len <= wire.size());
    recs.push_back({wire[i], Bytes(wire.begin() + static_cast<long>(i), wire.begin() + static_cast<long>(i + 5 + len))});
    i += 5 + len;
  }
  REQUIRE(i == wire.size());
  return recs;
}

Bytes join(const std::vector<Rec>& recs, std::size_t from = 0) {
  Bytes out;
  for (std::size_t i = from; i < recs.size(); ++i) out.insert(out.end(), recs[i].wire.begin(), recs[i].wire.end());
  return out;
}

// Handshake messages (header + body) of the leading plaintext handshake records.
std::vector<Bytes> leading_messages(const std::vector<Rec>& recs, std::size_t& records_used) {
  Bytes stream;
  records_used = 0;
  while (records_used < recs.size() && recs[records_used].type == 22) {
    stream.insert(stream.end(), recs[records_used].wire.begin() + 5, recs[records_used].wire.end());
    ++records_used;
  }
  std::vector<Bytes> msgs;
  for (std::size_t i = 0; i + 4 <= stream.size();) {
    const std::size_t len = (std::size_t{stream[i + 1]} << 16) | (std::size_t{stream[i + 2]} << 8) | stream[i + 3];
    msgs.emplace_back(stream.begin() + static_cast<long>(i), stream.begin() + static_cast<long>(i + 4 + len));
    i += 4 + len;
  }
  return msgs;
}

Bytes frame_handshake(const Bytes& hs) {
  Bytes out;
  for (std::size_t i = 0; i < hs.size() || (i == 0 && hs.empty()); i += 16384) {
    const std::size_t n = std::min<std::size_t>(16384, hs.size() - i);
    out.insert(out.end(), {22, 3, 3, static_cast<std::uint8_t>(n >> 8), static_cast<std::uint8_t>(n)});
    out.insert(out.end(), hs.begin() + static_cast<long>(i), hs.begin() + static_cast<long>(i + n));
    if (hs.empty()) break;
  }
  return out;
}

void feed_all(Connection& to, std::span<const std::uint8_t> bytes) {
  for (int i = 0; i < 64 && !bytes.empty(); ++i) {
    auto n = to.feed(bytes);
    if (!n || *n == 0) return;
    bytes = bytes.subspan(*n);
  }
}

// The flights of a full handshake, in order: 0 ClientHello (client ->
// server), 1 ServerHello..ServerHelloDone, 2 ClientKeyExchange + CCS +
// Finished, 3 CCS + Finished (server -> client).
constexpr int kFlights = 4;

// Rewrites the records of one flight; gets the sender for resealing.
using Transform = std::function<Bytes(Connection& sender, const std::vector<Rec>& recs)>;

enum class Outcome : std::uint8_t { error_with_alert, completed, eof_truncated };

struct Scenario {
  const char* name;
  const char* cert;
  tls::CipherSuite suite;
  const char* client_cert = nullptr;  // set: the server requires a client certificate
};

struct Harness {
  Pair p;
  explicit Harness(const Scenario& s) {
    p.server_config->certificates = {load_certified_key(s.cert)};
    p.client_config->cipher_suites = {s.suite};
    if (s.client_cert != nullptr) {
      p.server_config->client_auth = tls::ClientAuth::required;
      p.server_config->client_trust_store = load_roots("ca");
      p.client_config->client_certificate = load_certified_key(s.client_cert);
    }
  }

  // One handshake with `flight`'s records replaced by transform's bytes.
  Outcome run(int flight, const Transform& transform, const std::string& what) {
    p.client_rng.counter = 0;
    p.server_rng.counter = 0;
    auto c = Connection::client(p.client_config, "localhost");
    auto s = Connection::server(p.server_config);
    REQUIRE((c.ok() && s.ok()));
    Connection& client = *c;
    Connection& server = *s;
    for (int f = 0; f < kFlights; ++f) {
      Connection& from = f % 2 == 0 ? client : server;
      Connection& to = f % 2 == 0 ? server : client;
      const auto out = from.outgoing();
      Bytes wire(out.begin(), out.end());
      from.consume_outgoing(wire.size());
      if (f == flight) wire = transform(from, split_records(wire));
      feed_all(to, wire);
    }
    settle(client, server);
    Connection& receiver = flight % 2 == 0 ? server : client;
    const bool failed = client.error() != Error::ok || server.error() != Error::ok;
    if (failed) {
      const bool alert = client.alert_sent().has_value() || server.alert_sent().has_value();
      CHECK_MESSAGE(alert, what << ": failed without an alert: client " << tls::to_string(client.error())
                                << ", server " << tls::to_string(server.error()));
      return Outcome::error_with_alert;
    }
    if (client.is_established() && server.is_established()) return Outcome::completed;
    // Waiting for bytes a changed length promised: EOF must end it.
    const Error eof = receiver.feed_eof();
    CHECK_MESSAGE(eof == Error::truncated, what << ": stalled, EOF gave " << tls::to_string(eof));
    return Outcome::eof_truncated;
  }
};

struct Tally {
  std::size_t cases = 0, alerts = 0, completed = 0, eof = 0;
  void add(Outcome o) {
    ++cases;
    if (o == Outcome::error_with_alert) ++alerts;
    if (o == Outcome::completed) ++completed;
    if (o == Outcome::eof_truncated) ++eof;
  }
};

// The three changes at position i (duplicates of the original skipped).
template <typename F>
std::size_t for_each_change(const Bytes& original, std::size_t i, F&& f) {
  std::size_t n = 0;
  for (const int kind : {0, 1, 2}) {
    Bytes m = original;
    m[i] = kind == 0 ? static_cast<std::uint8_t>(m[i] ^ 0x01) : kind == 1 ? static_cast<std::uint8_t>(m[i] ^ 0xff) : 0;
    if (m == original) continue;
    f(m);
    ++n;
  }
  return n;
}

// Positions to change: all when the message is small, else a deterministic
// stride (every header byte is always included).
std::vector<std::size_t> positions(std::size_t size, std::size_t cap) {
  std::vector<std::size_t> out;
  const std::size_t stride = size <= cap ? 1 : (size + cap - 1) / cap;
  for (std::size_t i = 0; i < size; ++i)
    if (i < 4 || i % stride == 0) out.push_back(i);
  return out;
}

// Replaces the handshake message of `type` among the flight's leading
// plaintext records; the rest of the flight (CCS, Finished) follows as is.
Transform replace_message(std::uint8_t type, Bytes replacement) {
  return [type, replacement](Connection&, const std::vector<Rec>& recs) {
    std::size_t used = 0;
    auto msgs = leading_messages(recs, used);
    Bytes hs;
    bool found = false;
    for (const auto& m : msgs) {
      const bool hit = !found && m[0] == type;
      found = found || hit;
      const Bytes& use = hit ? replacement : m;
      hs.insert(hs.end(), use.begin(), use.end());
    }
    REQUIRE(found);
    Bytes wire = hs.empty() ? Bytes{} : frame_handshake(hs);
    const Bytes rest = join(recs, used);
    wire.insert(wire.end(), rest.begin(), rest.end());
    return wire;
  };
}

// Replaces the encrypted Finished (the record after CCS) by `replacement`
// sealed under the sender's keys, as the sender would have sealed it.
Transform replace_finished(Bytes replacement) {
  return [replacement](Connection& sender, const std::vector<Rec>& recs) {
    auto& e = tls::detail::engine_of(sender);
    std::size_t ccs = 0;
    while (ccs < recs.size() && recs[ccs].type != 20) ++ccs;
    REQUIRE(ccs + 1 < recs.size());
    // The client has read nothing encrypted yet; the server has read the
    // client's Finished.
    e.channel.record().set_sequence_numbers_for_test(e.role == tls::Role::server ? 1 : 0, 0);
    Bytes wire;
    for (std::size_t i = 0; i <= ccs; ++i) wire.insert(wire.end(), recs[i].wire.begin(), recs[i].wire.end());
    std::vector<std::uint8_t> sealed;
    REQUIRE(e.channel.record().seal(tls::ContentType::handshake, replacement, sealed) == Error::ok);
    wire.insert(wire.end(), sealed.begin(), sealed.end());
    return wire;
  };
}

// The real message of `type` in `flight` (from an unmodified run).
Bytes capture_message(Harness& h, int flight, std::uint8_t type) {
  Bytes found;
  const Transform grab = [&](Connection& sender, const std::vector<Rec>& recs) {
    if (type == 20) {
      auto& e = tls::detail::engine_of(sender);
      const auto& vd = e.role == tls::Role::client ? e.client_verify_data : e.server_verify_data;
      found = {20, 0, 0, static_cast<std::uint8_t>(vd.size())};
      found.insert(found.end(), vd.begin(), vd.end());
    } else {
      std::size_t used = 0;
      for (const auto& m : leading_messages(recs, used))
        if (m[0] == type && found.empty()) found = m;
    }
    return join(recs);
  };
  REQUIRE(h.run(flight, grab, "capture") == Outcome::completed);
  REQUIRE_MESSAGE(!found.empty(), "no message of type " << int(type) << " in flight " << flight);
  return found;
}

struct Target {
  const char* name;
  int flight;
  std::uint8_t type;
  bool client_auth_only = false;
};

constexpr Target kTargets[] = {
    {"ClientHello", 0, 1},        {"ServerHello", 1, 2},         {"Certificate", 1, 11},
    {"ServerKeyExchange", 1, 12}, {"ServerHelloDone", 1, 14},    {"ClientKeyExchange", 2, 16},
    {"client Finished", 2, 20},   {"server Finished", 3, 20},
    {"CertificateRequest", 1, 13, true}, {"client Certificate", 2, 11, true}, {"CertificateVerify", 2, 15, true},
};

// Byte changes per message at most (x3 changes): keeps the asan run short.
constexpr std::size_t kPositionCap = 300;

Tally sweep_message(Harness& h, const Target& t, const char* scenario) {
  const Bytes real = capture_message(h, t.flight, t.type);
  const auto make = [&](Bytes msg) { return t.type == 20 ? replace_finished(std::move(msg)) : replace_message(t.type, std::move(msg)); };
  Tally tally;
  std::size_t expected = 0;
  // Truncated bodies with the length re-framed; the empty message too.
  for (std::size_t k = 0; k + 4 < real.size(); ++k) {
    Bytes m(real.begin(), real.begin() + static_cast<long>(4 + k));
    m[1] = static_cast<std::uint8_t>(k >> 16);
    m[2] = static_cast<std::uint8_t>(k >> 8);
    m[3] = static_cast<std::uint8_t>(k);
    tally.add(h.run(t.flight, make(m), std::string(t.name) + " cut to " + std::to_string(k)));
    ++expected;
  }
  const auto pos = positions(real.size(), kPositionCap);
  for (const auto i : pos) {
    expected += for_each_change(real, i, [&](const Bytes& m) {
      tally.add(h.run(t.flight, make(m), std::string(t.name) + " byte " + std::to_string(i)));
    });
  }
  CHECK(tally.cases == expected);
  CHECK(tally.cases > 0);
  MESSAGE(std::string(scenario) << " " << std::string(t.name) << " (" << real.size() << " bytes, " << pos.size() << " positions"
                   << std::string(pos.size() < real.size() ? ", sampled" : "") << "): " << tally.cases << " cases, "
                   << tally.alerts << " errors with alert, " << tally.completed << " completed, " << tally.eof
                   << " waited then EOF");
  return tally;
}

// Record headers of every flight: the three changes at each of the five
// header bytes of every record, and every record cut at every length.
Tally sweep_records(Harness& h, const char* scenario) {
  Tally tally;
  std::size_t expected = 0;
  for (int flight = 0; flight < kFlights; ++flight) {
    std::vector<Rec> real;
    const Transform grab = [&](Connection&, const std::vector<Rec>& recs) {
      real = recs;
      return join(recs);
    };
    REQUIRE(h.run(flight, grab, "capture") == Outcome::completed);
    for (std::size_t r = 0; r < real.size(); ++r) {
      for (std::size_t i = 0; i < 5; ++i) {
        expected += for_each_change(real[r].wire, i, [&](const Bytes& changed) {
          const Transform t = [&](Connection&, const std::vector<Rec>& recs) {
            auto copy = recs;
            copy[r].wire = changed;
            return join(copy);
          };
          tally.add(h.run(flight, t, "flight " + std::to_string(flight) + " record " + std::to_string(r) +
                                         " header byte " + std::to_string(i)));
        });
      }
      const auto cuts = positions(real[r].wire.size(), 100);
      for (const auto k : cuts) {
        const Transform t = [&](Connection&, const std::vector<Rec>& recs) {
          Bytes wire;
          for (std::size_t j = 0; j < r; ++j) wire.insert(wire.end(), recs[j].wire.begin(), recs[j].wire.end());
          wire.insert(wire.end(), recs[r].wire.begin(), recs[r].wire.begin() + static_cast<long>(k));
          return wire;
        };
        tally.add(h.run(flight, t, "flight " + std::to_string(flight) + " record " + std::to_string(r) + " cut to " +
                                       std::to_string(k)));
        ++expected;
      }
    }
  }
  CHECK(tally.cases == expected);
  MESSAGE(std::string(scenario) << " record headers and cuts: " << tally.cases << " cases, " << tally.alerts
                   << " errors with alert, " << tally.completed << " completed, " << tally.eof << " waited then EOF");
  return tally;
}

}  // namespace

TEST_CASE("malformed handshake messages, both sides: error with alert or completion, never a crash") {
  const Scenario scenarios[] = {
      {"ECDHE-ECDSA", "p256", tls::CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256},
      {"RSA key exchange", "rsa2048", tls::CipherSuite::rsa_with_aes_256_gcm_sha384},
      {"ECDHE-ECDSA, client certificate", "p256", tls::CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256,
       "client-p256"},
  };
  std::size_t total = 0, messages = 0;
  for (const auto& sc : scenarios) {
    Harness h(sc);
    for (const auto& t : kTargets) {
      if (sc.suite == tls::CipherSuite::rsa_with_aes_256_gcm_sha384 && t.type == 12) continue;  // no ServerKeyExchange
      if (t.client_auth_only != (sc.client_cert != nullptr)) continue;
      total += sweep_message(h, t, sc.name).cases;
      ++messages;
    }
  }
  // 8 messages with ECDHE, 7 with RSA key exchange, 3 more with a client certificate.
  CHECK(messages == 18);
  CHECK(total > 5000);
  MESSAGE("handshake message sweep: " << messages << " messages, " << total << " cases");
}

TEST_CASE("malformed record headers in every flight") {
  Harness h({"ECDHE-ECDSA", "p256", tls::CipherSuite::ecdhe_ecdsa_with_chacha20_poly1305_sha256});
  const Tally t = sweep_records(h, "ECDHE-ECDSA ChaCha20");
  CHECK(t.cases > 100);
}

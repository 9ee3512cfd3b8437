// SPDX-License-Identifier: MIT
// Client certificates in memory (RFC 5246 §7.4.4, §7.4.6, §7.4.8): the
// server's policy (none / optional / required), RSA and ECDSA client keys
// against RSA and ECDSA servers and both key exchanges, CertificateVerify
// hashes that differ from the PRF hash, and every refusal with its error
// and alert on both sides (wrong CA, wrong purpose, expired, tampered or
// missing CertificateVerify, schemes that were not offered), and resumption
// keeping the client's identity (RFC 5246 §7.3).
#include <doctest/doctest.h>

#include "baretls/tls/session_cache.h"
#include "baretls/tls/ticket_keys.h"
#include "baretls/x509/certificate.h"
#include "tests/tls/feature_support.h"

using namespace baretls;
using namespace baretls::test;
using tls::Alert;
using tls::ClientAuth;
using tls::Error;
using tls::HandshakeType;

namespace {

std::size_t g_ok = 0;    // successful mutual/optional handshakes checked
std::size_t g_fail = 0;  // refusals checked

void require_client_auth(Peers& x, ClientAuth mode, const char* client_cert) {
  x.p.server_config->client_auth = mode;
  x.p.server_config->client_trust_store = load_roots("ca");
  if (client_cert != nullptr) x.p.client_config->client_certificate = load_certified_key(client_cert);
}

void expect_established(Peers& x, bool authenticated) {
  REQUIRE_MESSAGE(x.client->is_established(), tls::to_string(x.client->error()));
  REQUIRE_MESSAGE(x.server->is_established(), tls::to_string(x.server->error()));
  CHECK(x.server->peer_authenticated() == authenticated);
  CHECK(x.client->peer_authenticated());  // the server's chain, as always
  CHECK(x.server->peer_certificate().empty() == !authenticated);
  // Application data still flows both ways.
  const std::uint8_t msg[3] = {'a', 'b', 'c'};
  REQUIRE(x.client->write(msg).ok());
  REQUIRE(x.server->write(msg).ok());
  settle(*x.client, *x.server);
  std::uint8_t buf[8];
  auto rs = x.server->read(buf);
  auto rc = x.client->read(buf);
  CHECK((rs.ok() && *rs == 3));
  CHECK((rc.ok() && *rc == 3));
  ++g_ok;
}

void fail_case(Peers& x, Error err, Alert alert) {
  expect_failure(*x.server, *x.client, err, alert);
  CHECK(!x.server->peer_authenticated());
  ++g_fail;
}

// Delivers ClientHello and the server's flight; the client's second flight
// then waits in its outgoing buffer.
void run_to_client_flight(Peers& x) {
  x.client_to_server();
  x.server_to_client();
  REQUIRE(x.client->error() == Error::ok);
}

}  // namespace

TEST_CASE("client auth: mutual handshakes for every key type, server key and key exchange") {
  struct Case {
    const char* client;
    const char* server;
    std::vector<tls::CipherSuite> suites;
  };
  const std::vector<Case> cases = {
      {"client-p256", "p256", {tls::CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256}},
      {"client-rsa", "p256", {tls::CipherSuite::ecdhe_ecdsa_with_aes_256_gcm_sha384}},
      {"client-p256", "rsa2048", {tls::CipherSuite::ecdhe_rsa_with_chacha20_poly1305_sha256}},
      {"client-rsa", "rsa2048", {tls::CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256}},
      {"client-p256", "rsa2048", {tls::CipherSuite::rsa_with_aes_256_gcm_sha384}},
      {"client-rsa", "rsa2048", {tls::CipherSuite::rsa_with_aes_128_gcm_sha256}},
      {"p384", "p384", {tls::CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256}},  // serverAuth+clientAuth leaf
  };
  for (const auto& c : cases) {
    CAPTURE(c.client);
    CAPTURE(c.server);
    Peers x;
    x.p.client_config->cipher_suites = c.suites;
    require_client_auth(x, ClientAuth::required, c.client);
    x.start(c.server);
    x.finish();
    expect_established(x, true);
    // The server reports the client's leaf exactly.
    const auto expected = load_certified_key(c.client).chain.front();
    const auto got = x.server->peer_certificate();
    CHECK(std::vector<std::uint8_t>(got.begin(), got.end()) == expected);
  }
}

TEST_CASE("client auth: CertificateVerify with a hash other than the PRF's") {
  // The PRF is SHA-256 and the only scheme offered for RSA is SHA-512, and
  // vice versa for a SHA-384 suite: the signature must cover the raw messages.
  const std::vector<std::pair<tls::CipherSuite, tls::SignatureScheme>> cases = {
      {tls::CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256, tls::SignatureScheme::rsa_pkcs1_sha512},
      {tls::CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256, tls::SignatureScheme::rsa_pss_rsae_sha384},
      {tls::CipherSuite::ecdhe_ecdsa_with_aes_256_gcm_sha384, tls::SignatureScheme::rsa_pss_rsae_sha256},
  };
  for (const auto& [suite, scheme] : cases) {
    Peers x;
    x.p.client_config->cipher_suites = {suite};
    x.p.server_config->signature_schemes = {tls::SignatureScheme::ecdsa_secp256r1_sha256, scheme};
    require_client_auth(x, ClientAuth::required, "client-rsa");
    x.start("p256");
    x.client_to_server();
    // The CertificateRequest lists exactly the server's schemes.
    auto flight = plaintext_messages(x.server->outgoing());
    const auto* cr_msg = find_message(flight, HandshakeType::certificate_request);
    REQUIRE(cr_msg != nullptr);
    auto cr = tls::CertificateRequest::parse(cr_msg->body);
    REQUIRE(cr.ok());
    CHECK(cr->signature_algorithms ==
          std::vector<std::uint16_t>{0x0403, static_cast<std::uint16_t>(scheme)});
    x.server_to_client();
    // The client signs with the one RSA scheme offered.
    auto second = plaintext_messages(x.client->outgoing());
    const auto* cv_msg = find_message(second, HandshakeType::certificate_verify);
    REQUIRE(cv_msg != nullptr);
    auto cv = tls::CertificateVerify::parse(cv_msg->body);
    REQUIRE(cv.ok());
    CHECK(cv->signature_scheme == static_cast<std::uint16_t>(scheme));
    x.finish();
    expect_established(x, true);
  }
}

TEST_CASE("client auth: CertificateRequest carries the types, schemes and CA names") {
  Peers x;
  require_client_auth(x, ClientAuth::optional, nullptr);
  x.start();
  x.client_to_server();
  auto flight = plaintext_messages(x.server->outgoing());
  REQUIRE(flight.size() == 5);  // ServerHello Certificate ServerKeyExchange CertificateRequest ServerHelloDone
  CHECK(flight[3].type == static_cast<std::uint8_t>(HandshakeType::certificate_request));
  auto cr = tls::CertificateRequest::parse(flight[3].body);
  REQUIRE(cr.ok());
  CHECK(cr->certificate_types == std::vector<std::uint8_t>{1, 64});
  std::vector<std::uint16_t> schemes;
  for (const auto s : x.p.server_config->signature_schemes) schemes.push_back(static_cast<std::uint16_t>(s));
  CHECK(cr->signature_algorithms == schemes);
  auto root = x509::Certificate::parse(x509::pem_decode_all(read_text("tls/ca.pem"), "CERTIFICATE")->front());
  REQUIRE(root.ok());
  REQUIRE(cr->authorities.size() == 1);
  CHECK(cr->authorities[0] == std::vector<std::uint8_t>(root->subject.raw.begin(), root->subject.raw.end()));
  // Without client auth there is no CertificateRequest.
  Peers y;
  y.start();
  y.client_to_server();
  auto plain = plaintext_messages(y.server->outgoing());
  CHECK(find_message(plain, HandshakeType::certificate_request) == nullptr);
}

TEST_CASE("client auth: optional and none") {
  SUBCASE("optional, client without a certificate: empty Certificate, unauthenticated") {
    Peers x;
    require_client_auth(x, ClientAuth::optional, nullptr);
    x.start();
    run_to_client_flight(x);
    auto second = plaintext_messages(x.client->outgoing());
    const auto* cert = find_message(second, HandshakeType::certificate);
    REQUIRE(cert != nullptr);
    CHECK(cert->body == std::vector<std::uint8_t>{0, 0, 0});  // certificate_list<0..2^24-1> empty
    CHECK(find_message(second, HandshakeType::certificate_verify) == nullptr);
    x.finish();
    expect_established(x, false);
  }
  SUBCASE("optional, client with a certificate: authenticated") {
    Peers x;
    require_client_auth(x, ClientAuth::optional, "client-p256");
    x.start("rsa2048");
    x.finish();
    expect_established(x, true);
  }
  SUBCASE("none: a client certificate is configured but never asked for") {
    Peers x;
    x.p.client_config->client_certificate = load_certified_key("client-p256");
    x.start();
    x.finish();
    expect_established(x, false);
  }
  SUBCASE("optional, the client's key type fits no offered scheme: empty Certificate") {
    Peers x;
    x.p.server_config->signature_schemes = {tls::SignatureScheme::ecdsa_secp256r1_sha256};
    require_client_auth(x, ClientAuth::optional, "client-rsa");
    x.start();
    x.finish();
    expect_established(x, false);
  }
}

TEST_CASE("client auth: refusals on the server") {
  SUBCASE("required, no certificate -> certificate_required / handshake_failure") {
    Peers x;
    require_client_auth(x, ClientAuth::required, nullptr);
    x.start();
    x.finish();
    fail_case(x, Error::certificate_required, Alert::handshake_failure);
  }
  SUBCASE("required, the client's RSA key fits no offered scheme -> certificate_required") {
    Peers x;
    x.p.server_config->signature_schemes = {tls::SignatureScheme::ecdsa_secp256r1_sha256,
                                            tls::SignatureScheme::ecdsa_secp384r1_sha384};
    require_client_auth(x, ClientAuth::required, "client-rsa");
    x.start();
    x.finish();
    fail_case(x, Error::certificate_required, Alert::handshake_failure);
  }
  const ClientAuth modes[] = {ClientAuth::required, ClientAuth::optional};
  SUBCASE("wrong CA -> certificate_unknown_ca / unknown_ca") {
    for (const auto mode : modes) {
      Peers x;
      require_client_auth(x, mode, "untrusted-p256");
      x.start();
      x.finish();
      fail_case(x, Error::certificate_unknown_ca, Alert::unknown_ca);
    }
  }
  SUBCASE("serverAuth-only certificate (clientAuth purpose) -> certificate_wrong_purpose / unsupported_certificate") {
    for (const auto mode : modes) {
      Peers x;
      require_client_auth(x, mode, "client-serverauth-p256");
      x.start();
      x.finish();
      fail_case(x, Error::certificate_wrong_purpose, Alert::unsupported_certificate);
    }
  }
  SUBCASE("expired at the server's clock -> certificate_expired") {
    for (const auto mode : modes) {
      Peers x;
      x.p.server_clock.now = kAfterExpiry;
      require_client_auth(x, mode, "client-rsa");
      x.start("rsa2048");
      x.finish();
      fail_case(x, Error::certificate_expired, Alert::certificate_expired);
    }
  }
  SUBCASE("the server's trust store is another CA -> unknown_ca") {
    Peers x;
    require_client_auth(x, ClientAuth::required, "client-p256");
    x.p.server_config->client_trust_store = load_roots("other-ca");
    x.start();
    x.finish();
    fail_case(x, Error::certificate_unknown_ca, Alert::unknown_ca);
  }
}

TEST_CASE("purpose: a clientAuth-only certificate cannot serve") {
  Peers x;
  x.host = "";  // no host check: only the purpose can fail
  x.start("client-p256");
  x.finish();
  expect_failure(*x.client, *x.server, Error::certificate_wrong_purpose, Alert::unsupported_certificate);
  ++g_fail;
}

TEST_CASE("client auth: tampered and misplaced CertificateVerify") {
  SUBCASE("signature bit flipped -> bad_certificate_verify / decrypt_error") {
    for (const char* cert : {"client-p256", "client-rsa"}) {
      Peers x;
      require_client_auth(x, ClientAuth::required, cert);
      x.start();
      run_to_client_flight(x);
      rewrite_plaintext_prefix(*x.client, *x.server, [](std::vector<FlightMessage>& m) {
        REQUIRE(m.size() == 3);
        REQUIRE(m[2].type == static_cast<std::uint8_t>(HandshakeType::certificate_verify));
        m[2].body[m[2].body.size() - 3] ^= 0x10;
      });
      settle(*x.client, *x.server);
      fail_case(x, Error::bad_certificate_verify, Alert::decrypt_error);
    }
  }
  SUBCASE("signature over a different transcript (another ClientKeyExchange) -> decrypt_error") {
    // Swap the signature for one made by the same key over other bytes.
    Peers x;
    require_client_auth(x, ClientAuth::required, "client-p256");
    x.start();
    run_to_client_flight(x);
    const auto key = load_certified_key("client-p256").key;
    rewrite_plaintext_prefix(*x.client, *x.server, [&](std::vector<FlightMessage>& m) {
      auto cv = tls::CertificateVerify::parse(m[2].body);
      REQUIRE(cv.ok());
      std::vector<std::uint8_t> sig(200);
      const std::uint8_t other[4] = {1, 2, 3, 4};
      TestRng rng{7};
      auto n = key->sign(x509::SignatureScheme::ecdsa_secp256r1_sha256, other, rng.source(), sig);
      REQUIRE(n.ok());
      sig.resize(*n);
      cv->signature = sig;
      std::vector<std::uint8_t> out;
      REQUIRE(tls::append_handshake(out, HandshakeType::certificate_verify, *cv) == Error::ok);
      m[2].body.assign(out.begin() + 4, out.end());
    });
    settle(*x.client, *x.server);
    fail_case(x, Error::bad_certificate_verify, Alert::decrypt_error);
  }
  SUBCASE("scheme the server did not offer -> unoffered_signature_algorithm / illegal_parameter") {
    Peers x;
    x.p.server_config->signature_schemes = {tls::SignatureScheme::ecdsa_secp256r1_sha256,
                                            tls::SignatureScheme::rsa_pss_rsae_sha256};
    require_client_auth(x, ClientAuth::required, "client-rsa");
    x.start();
    run_to_client_flight(x);
    rewrite_plaintext_prefix(*x.client, *x.server, [](std::vector<FlightMessage>& m) {
      m[2].body[0] = 0x06;  // rsa_pss_rsae_sha256 (08 04) -> 06 04: not a scheme we offered
      m[2].body[1] = 0x01;  // rsa_pkcs1_sha512 (06 01)
    });
    settle(*x.client, *x.server);
    fail_case(x, Error::unoffered_signature_algorithm, Alert::illegal_parameter);
  }
  SUBCASE("scheme that does not fit the client's key -> illegal_parameter") {
    Peers x;
    require_client_auth(x, ClientAuth::required, "client-rsa");
    x.start();
    run_to_client_flight(x);
    rewrite_plaintext_prefix(*x.client, *x.server, [](std::vector<FlightMessage>& m) {
      m[2].body[0] = 0x04;  // ecdsa_secp256r1_sha256 with an RSA key
      m[2].body[1] = 0x03;
    });
    settle(*x.client, *x.server);
    fail_case(x, Error::unoffered_signature_algorithm, Alert::illegal_parameter);
  }
  SUBCASE("CertificateVerify left out -> unexpected_change_cipher_spec") {
    Peers x;
    require_client_auth(x, ClientAuth::required, "client-p256");
    x.start();
    run_to_client_flight(x);
    rewrite_plaintext_prefix(*x.client, *x.server, [](std::vector<FlightMessage>& m) { m.pop_back(); });
    settle(*x.client, *x.server);
    fail_case(x, Error::unexpected_change_cipher_spec, Alert::unexpected_message);
  }
  SUBCASE("CertificateVerify after an empty Certificate -> unexpected_message") {
    Peers x;
    require_client_auth(x, ClientAuth::optional, "client-p256");
    x.start();
    run_to_client_flight(x);
    rewrite_plaintext_prefix(*x.client, *x.server, [](std::vector<FlightMessage>& m) {
      m[0].body = {0, 0, 0};
    });
    settle(*x.client, *x.server);
    fail_case(x, Error::unexpected_message, Alert::unexpected_message);
  }
  SUBCASE("a client Certificate nobody asked for -> unexpected_message") {
    Peers x;
    x.p.client_config->client_certificate = load_certified_key("client-p256");
    x.start();
    run_to_client_flight(x);
    rewrite_plaintext_prefix(*x.client, *x.server, [](std::vector<FlightMessage>& m) {
      tls::CertificateMsg c;
      c.certificate_list = load_certified_key("client-p256").chain;
      std::vector<std::uint8_t> out;
      REQUIRE(tls::append_handshake(out, HandshakeType::certificate, c) == Error::ok);
      m.insert(m.begin(), FlightMessage{11, std::vector<std::uint8_t>(out.begin() + 4, out.end())});
    });
    settle(*x.client, *x.server);
    fail_case(x, Error::unexpected_message, Alert::unexpected_message);
  }
}

namespace {

// One handshake on fresh connections of `p`, offering `session`; both sides
// established. Returns the server's view and the client's next session.
struct Round {
  bool resumed = false;
  bool authenticated = false;
  std::vector<std::uint8_t> peer_certificate;
  std::optional<tls::Session> session;
};

Round run_round(Pair& p, const std::optional<tls::Session>& session) {
  auto c = tls::Connection::client(p.client_config, "localhost", session ? &*session : nullptr);
  REQUIRE(c.ok());
  auto v = tls::Connection::server(p.server_config);
  REQUIRE(v.ok());
  Transport t(4);
  run_handshake(*c, *v, t);
  REQUIRE_MESSAGE(c->is_established(), tls::to_string(c->error()));
  REQUIRE_MESSAGE(v->is_established(), tls::to_string(v->error()));
  CHECK(c->resumed() == v->resumed());
  Round r;
  r.resumed = v->resumed();
  r.authenticated = v->peer_authenticated();
  r.peer_certificate.assign(v->peer_certificate().begin(), v->peer_certificate().end());
  r.session = c->session();
  return r;
}


// RFC 5246 §7.3: at most one CertificateRequest per handshake. The client's
// state stays "wait for ServerHelloDone" after the first (the path flag
// certificate_requested remembers it), so the second one must be refused
// there, with or without a chain configured, before anything is sent.
TEST_CASE("client auth: a second CertificateRequest is unexpected_message") {
  for (const char* chain : {"client-p256", static_cast<const char*>(nullptr)}) {
    CAPTURE((chain != nullptr ? chain : "no chain"));
    Peers x;
    require_client_auth(x, ClientAuth::optional, chain);
    x.start();
    x.client_to_server();
    rewrite_plaintext_prefix(*x.server, *x.client, [](std::vector<FlightMessage>& m) {
      const auto* cr = find_message(m, HandshakeType::certificate_request);
      REQUIRE(cr != nullptr);
      const FlightMessage copy = *cr;
      const auto at = m.begin() + (cr - m.data()) + 1;
      m.insert(at, copy);
    });
    CHECK(x.client->outgoing().size() == 5 + 2);  // only the alert record: no Certificate went out
    const auto fed = x.server->feed(x.client->outgoing());
    CHECK(!fed.ok());
    expect_failure(*x.client, *x.server, Error::unexpected_message, Alert::unexpected_message);
    ++g_fail;
  }
}

// by_ticket: TicketKeys only; otherwise a SessionCache only.
Pair resumption_pair(ClientAuth mode, bool by_ticket) {
  Pair p;
  p.server_config->certificates = {load_certified_key("p256")};
  if (by_ticket) {
    p.server_config->ticket_keys = std::make_shared<tls::TicketKeys>();
  } else {
    p.server_config->session_cache = std::make_shared<tls::SessionCache>(16, 3600);
  }
  p.server_config->client_auth = mode;
  p.server_config->client_trust_store = load_roots("ca");
  return p;
}

}  // namespace

TEST_CASE("client auth: a resumed session keeps the client's identity") {
  // RFC 5246 §7.3, §F.1.4: resumption reuses the original handshake's
  // security parameters, the peer's identity among them.
  const auto leaf = load_certified_key("client-p256").chain.front();
  std::size_t resumed_rounds = 0;
  for (const bool by_ticket : {false, true}) {
    CAPTURE(by_ticket);
    auto p = resumption_pair(ClientAuth::required, by_ticket);
    p.client_config->client_certificate = load_certified_key("client-p256");
    auto first = run_round(p, std::nullopt);
    CHECK(!first.resumed);
    CHECK(first.authenticated);
    CHECK(first.peer_certificate == leaf);
    REQUIRE(first.session.has_value());
    CHECK(first.session->ticket.empty() == !by_ticket);
    CHECK(first.session->session_id.empty() == by_ticket);
    auto session = first.session;
    for (int round = 0; round < 2; ++round) {  // resumed twice from the same session
      auto r = run_round(p, session);
      CHECK(r.resumed);
      CHECK(r.authenticated);
      CHECK(r.peer_certificate == leaf);
      resumed_rounds += r.resumed && r.authenticated && r.peer_certificate == leaf ? 1 : 0;
      REQUIRE(r.session.has_value());
      session = r.session;
      ++g_ok;
    }
    // The server stored the certificate: its cache entry / the ticket state
    // grew by it (a ticket is AES-GCM over the state, TicketKeys::kOverhead).
    if (by_ticket) {
      CHECK(first.session->ticket.size() == tls::TicketKeys::kOverhead + 70 + 9 + leaf.size());  // + "localhost"
    } else {
      const auto& clock = p.server_config->clock;
      auto cached = p.server_config->session_cache->find(first.session->session_id, clock.now(clock.ctx));
      REQUIRE(cached.has_value());
      CHECK(cached->peer_certificate == leaf);
    }
  }
  MESSAGE("resumptions with the client's identity: " << resumed_rounds);
  CHECK(resumed_rounds == 4);
}

TEST_CASE("client auth: a session without a client certificate is not resumed when one is required") {
  std::size_t checked = 0;
  for (const bool by_ticket : {false, true}) {
    CAPTURE(by_ticket);
    auto p = resumption_pair(ClientAuth::optional, by_ticket);
    auto first = run_round(p, std::nullopt);  // no client certificate
    CHECK(!first.authenticated);
    CHECK(first.peer_certificate.empty());
    REQUIRE(first.session.has_value());
    // Optional: the anonymous session resumes, still anonymous.
    auto again = run_round(p, first.session);
    CHECK(again.resumed);
    CHECK(!again.authenticated);
    CHECK(again.peer_certificate.empty());
    // Required now: a full handshake asks for the certificate.
    p.server_config->client_auth = ClientAuth::required;
    p.client_config->client_certificate = load_certified_key("client-p256");
    auto full = run_round(p, first.session);
    CHECK(!full.resumed);
    CHECK(full.authenticated);
    CHECK(full.peer_certificate == load_certified_key("client-p256").chain.front());
    checked += again.resumed && !full.resumed && full.authenticated ? 1 : 0;
    // Optional with a certificate: the resumed session reports it.
    p.server_config->client_auth = ClientAuth::optional;
    REQUIRE(full.session.has_value());
    auto opt = run_round(p, full.session);
    CHECK(opt.resumed);
    CHECK(opt.authenticated);
    CHECK(opt.peer_certificate == full.peer_certificate);
    checked += opt.resumed && opt.authenticated ? 1 : 0;
    g_ok += 4;
  }
  MESSAGE("client-auth resumption decisions checked: " << checked);
  CHECK(checked == 4);
}

TEST_CASE("client auth: a server without client auth resumes without an identity") {
  // A server without client auth resumes the same client (control).
  Pair p;
  p.server_config->certificates = {load_certified_key("p256")};
  p.server_config->ticket_keys = std::make_shared<tls::TicketKeys>();
  p.client_config->client_certificate = load_certified_key("client-p256");
  std::optional<tls::Session> session;
  for (int round = 0; round < 2; ++round) {
    const Round r = run_round(p, session);
    CHECK(r.resumed == (round == 1));
    CHECK(!r.authenticated);
    session = r.session;
  }
}

TEST_CASE("client auth: configuration checks and counts") {
  {
    Pair p;
    p.server_config->certificates = {load_certified_key("p256")};
    p.server_config->client_auth = ClientAuth::required;  // but no client_trust_store
    CHECK(tls::Connection::server(p.server_config).error() == Error::bad_config);
    p.server_config->client_trust_store = load_roots("ca");
    CHECK(tls::Connection::server(p.server_config).ok());
  }
  {
    Pair p;
    p.client_config->client_certificate = tls::CertifiedKey{};  // no chain, no key
    CHECK(tls::Connection::client(p.client_config, "localhost").error() == Error::bad_config);
  }
  MESSAGE("client-auth handshakes established: " << g_ok << ", refusals checked: " << g_fail);
  CHECK(g_ok == 26);
  CHECK(g_fail == 20);
}

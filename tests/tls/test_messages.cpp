// SPDX-License-Identifier: MIT
// Handshake messages (tls/messages.h): round trips, every truncation and a
// trailing byte rejected, duplicate extensions, bounds of each vector.
#include "tls/messages.h"

#include <doctest/doctest.h>

#include "tests/support/hex.h"

using namespace baretls;
using namespace baretls::tls;
using namespace baretls::test;

namespace {

template <typename M>
Bytes body_of(const M& m) {
  std::vector<std::uint8_t> out;
  REQUIRE(append_handshake(out, HandshakeType::client_hello, m) == Error::ok);
  REQUIRE(out.size() >= 4);
  const std::size_t len = (std::size_t{out[1]} << 16) | (std::size_t{out[2]} << 8) | out[3];
  REQUIRE(len == out.size() - 4);
  return Bytes(out.begin() + 4, out.end());
}

// Every strict prefix fails and one extra byte fails; returns the count checked.
// `legal_prefix`: a hello cut right before its extension block is a valid
// hello without extensions (RFC 5246 §7.4.1.2), so that one prefix parses.
template <typename Parse>
std::size_t check_truncations(const Bytes& body, Parse parse, std::size_t legal_prefix = SIZE_MAX) {
  std::size_t n = 0;
  for (std::size_t len = 0; len < body.size(); ++len) {
    if (len == legal_prefix) continue;
    const auto r = parse(std::span<const std::uint8_t>(body).first(len));
    CHECK_MESSAGE(!r.ok(), "prefix of length " << len << " accepted");
    ++n;
  }
  Bytes longer = body;
  longer.push_back(0);
  CHECK(!parse(longer).ok());
  return n + 1;
}

ClientHello sample_client_hello() {
  ClientHello ch;
  for (std::size_t i = 0; i < 32; ++i) ch.random[i] = static_cast<std::uint8_t>(i);
  ch.cipher_suites = {0xC02B, 0xC02F, 0x009C, kRenegotiationScsv};
  ch.server_name = "example.com";
  ch.supported_groups = {29, 23, 24};
  ch.ec_point_formats = {{0}};
  ch.signature_algorithms = {0x0403, 0x0804, 0x0401};
  ch.alpn = {{"h2", "http/1.1"}};
  ch.extended_master_secret = true;
  ch.renegotiation_info = std::vector<std::uint8_t>{};
  ch.session_ticket = std::vector<std::uint8_t>{};
  return ch;
}

}  // namespace

TEST_CASE("ClientHello round trip, truncations, duplicates") {
  const ClientHello ch = sample_client_hello();
  const Bytes body = body_of(ch);
  auto back = ClientHello::parse(body);
  REQUIRE(back.ok());
  CHECK(back->random == ch.random);
  CHECK(back->cipher_suites == ch.cipher_suites);
  CHECK(back->server_name == ch.server_name);
  CHECK(back->supported_groups == ch.supported_groups);
  CHECK(back->signature_algorithms == ch.signature_algorithms);
  CHECK(back->alpn == ch.alpn);
  CHECK(back->extended_master_secret);
  CHECK(back->renegotiation_info->empty());
  CHECK(back->session_ticket->empty());
  CHECK(body_of(*back) == body);
  // version 2 + random 32 + sid 1 + suites 2+8 + compression 2 = 47
  const std::size_t n = check_truncations(body, [](auto b) { return ClientHello::parse(b); }, 47);
  MESSAGE("ClientHello: " << n << " truncated/extended encodings rejected");
  CHECK(n == body.size());

  // Without extensions at all (an SSLv3-style hello) is still well-formed.
  const Bytes bare = from_hex("0303" + std::string(64, '1') + "00" "0002c02f" "0100");
  auto b = ClientHello::parse(bare);
  REQUIRE(b.ok());
  CHECK(!b->extended_master_secret);
  CHECK(!b->renegotiation_info);

  // Duplicate extended_master_secret.
  const Bytes dup = from_hex("0303" + std::string(64, '1') + "00" "0002c02f" "0100" "0008" "00170000" "00170000");
  CHECK(ClientHello::parse(dup).error() == Error::decode_duplicate_extension);
  // Duplicate unknown extension is rejected too.
  const Bytes dup2 = from_hex("0303" + std::string(64, '1') + "00" "0002c02f" "0100" "000a" "abcd0001ff" "abcd0001ff");
  CHECK(ClientHello::parse(dup2).error() == Error::decode_duplicate_extension);
  // Unknown extension alone is ignored.
  const Bytes unk = from_hex("0303" + std::string(64, '1') + "00" "0002c02f" "0100" "0005" "abcd0001ff");
  CHECK(ClientHello::parse(unk).ok());
  // Odd cipher_suites length, empty cipher_suites, empty compression list.
  CHECK(!ClientHello::parse(from_hex("0303" + std::string(64, '1') + "00" "0003c02f00" "0100")).ok());
  CHECK(ClientHello::parse(from_hex("0303" + std::string(64, '1') + "00" "0000" "0100")).error() ==
        Error::decode_bad_length);
  CHECK(ClientHello::parse(from_hex("0303" + std::string(64, '1') + "00" "0002c02f" "00")).error() ==
        Error::decode_bad_length);
  // Session ID longer than 32.
  CHECK(ClientHello::parse(from_hex("0303" + std::string(64, '1') + "21" + std::string(66, '0') +
                                    "0002c02f0100"))
            .error() == Error::decode_bad_length);
  // EMS with a non-empty body.
  CHECK(ClientHello::parse(from_hex("0303" + std::string(64, '1') + "00" "0002c02f" "0100" "0005" "00170001ff"))
            .error() == Error::decode_trailing_data);
}

TEST_CASE("ServerHello round trip, truncations, unknown extension") {
  ServerHello sh;
  sh.random.fill(0x42);
  sh.session_id = Bytes(32, 7);
  sh.cipher_suite = 0xC02F;
  sh.extended_master_secret = true;
  sh.renegotiation_info = std::vector<std::uint8_t>{};
  sh.ec_point_formats = {{0}};
  sh.alpn = "h2";
  const Bytes body = body_of(sh);
  auto back = ServerHello::parse(body);
  REQUIRE(back.ok());
  CHECK(back->cipher_suite == 0xC02F);
  CHECK(back->session_id == sh.session_id);
  CHECK(back->alpn == "h2");
  CHECK(body_of(*back) == body);
  // version 2 + random 32 + sid 33 + suite 2 + compression 1 = 70
  const std::size_t n = check_truncations(body, [](auto b) { return ServerHello::parse(b); }, 70);
  CHECK(n == body.size());
  const Bytes unk = from_hex("0303" + std::string(64, '1') + "00" "c02f" "00" "0004" "abcd0000");
  CHECK(ServerHello::parse(unk).error() == Error::unoffered_extension);
}

TEST_CASE("Certificate, CertificateRequest, key exchanges, Finished") {
  CertificateMsg cm;
  cm.certificate_list = {Bytes(300, 1), Bytes(5, 2)};
  Bytes body = body_of(cm);
  auto c = CertificateMsg::parse(body);
  REQUIRE(c.ok());
  CHECK(c->certificate_list == cm.certificate_list);
  std::size_t n = check_truncations(body, [](auto b) { return CertificateMsg::parse(b); });
  // An empty ASN.1Cert is out of bounds (<1..2^24-1>).
  CHECK(CertificateMsg::parse(from_hex("000003000000")).error() == Error::decode_bad_length);
  CHECK(CertificateMsg::parse(from_hex("000000")).ok());

  CertificateRequest cr;
  cr.certificate_types = {1, 64};
  cr.signature_algorithms = {0x0401, 0x0403};
  cr.authorities = {Bytes(10, 3)};
  body = body_of(cr);
  auto r = CertificateRequest::parse(body);
  REQUIRE(r.ok());
  CHECK(r->authorities == cr.authorities);
  n += check_truncations(body, [](auto b) { return CertificateRequest::parse(b); });

  ServerKeyExchange ske;
  ske.named_curve = 29;
  ske.public_point = Bytes(32, 9);
  ske.signature_scheme = 0x0804;
  ske.signature = Bytes(256, 5);
  body = body_of(ske);
  auto s = ServerKeyExchange::parse(body);
  REQUIRE(s.ok());
  CHECK(s->public_point == ske.public_point);
  CHECK(s->signature == ske.signature);
  CHECK(to_hex(s->params()) == "03001d20" + to_hex(ske.public_point));
  n += check_truncations(body, [](auto b) { return ServerKeyExchange::parse(b); });
  body[0] = 1;  // explicit_prime curve type
  CHECK(ServerKeyExchange::parse(body).error() == Error::illegal_parameter);

  for (const auto kex : {KeyExchange::ecdhe_rsa, KeyExchange::rsa}) {
    ClientKeyExchange cke;
    cke.kex = kex;
    cke.exchange_keys = Bytes(kex == KeyExchange::rsa ? 256 : 65, 4);
    body = body_of(cke);
    auto k = ClientKeyExchange::parse(body, kex);
    REQUIRE(k.ok());
    CHECK(k->exchange_keys == cke.exchange_keys);
    n += check_truncations(body, [kex](auto b) { return ClientKeyExchange::parse(b, kex); });
  }

  CertificateVerify cv;
  cv.signature_scheme = 0x0403;
  cv.signature = Bytes(70, 8);
  body = body_of(cv);
  CHECK(CertificateVerify::parse(body)->signature == cv.signature);
  n += check_truncations(body, [](auto b) { return CertificateVerify::parse(b); });

  Finished f;
  f.verify_data.fill(0xee);
  body = body_of(f);
  CHECK(Finished::parse(body)->verify_data == f.verify_data);
  n += check_truncations(body, [](auto b) { return Finished::parse(b); });

  CHECK(parse_empty({}) == Error::ok);
  const Bytes one{0};
  CHECK(parse_empty(one) == Error::decode_trailing_data);
  MESSAGE("message truncation/extension checks: " << n);
  CHECK(n > 600);
}

// SPDX-License-Identifier: MIT
// TLS 1.3 handshake messages (tls/messages13.h), part 1: every handshake
// message of the RFC 8448 traces (vectors/tls13/rfc8448-*.txt) parsed,
// checked field by field where the trace says what it holds, serialized
// again (byte for byte for the server's messages, whose extension order
// baretls follows; field by field for ClientHello), the binders' place in
// the §4 ClientHello, and each CertificateVerify signature verified over
// the §4.4.3 signed content. Round trips of every message.
// Negative records: test_messages13_negative.cpp.
#include "tls/messages13.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "baretls/crypto/sha256.h"
#include "baretls/x509/certificate.h"
#include "baretls/x509/signature.h"
#include "tests/support/hex.h"
#include "tests/tls/messages13_support.h"
#include "tests/tls/rfc8448_trace.h"
#include "x509/parsers.h"

using namespace baretls;
using namespace baretls::tls;
using namespace baretls::test;
using rfc8448::step_is;

namespace {

constexpr auto kSha256 = crypto::HashId::sha256;

Bytes body_of_message(const Bytes& message, HandshakeType expected) {
  REQUIRE(message.size() >= 4);
  CHECK(message[0] == static_cast<std::uint8_t>(expected));
  return Bytes(message.begin() + 4, message.end());
}

void check_client_hello(const Bytes& body) {
  const auto ch = ClientHello13::parse(body);
  REQUIRE(ch.ok());
  CHECK(ch->check_tls13() == Error::ok);
  REQUIRE(ch->hello.supported_versions);
  CHECK(ch->hello.supported_versions->front() == kTls13);
  REQUIRE(ch->key_share);
  CHECK(ch->key_share->size() == 1);
  REQUIRE(ch->psk_key_exchange_modes);
  CHECK(*ch->psk_key_exchange_modes == Bytes{kPskDheKe});
  CHECK(ch->pre_shared_key_last);
  // Serialized again (baretls's extension order) and parsed back: the same fields.
  const auto again = ClientHello13::parse(serialize_body(*ch));
  REQUIRE(again.ok());
  CHECK(same_client_hello(*again, *ch));
}

// RFC 8448 §4: the printed ClientHello "prefix" is Truncate(ClientHello), the
// record holds the whole message.
void check_binders_place(const Bytes& prefix, const Bytes& full) {
  const auto ch = ClientHello13::parse(body_of_message(full, HandshakeType::client_hello));
  REQUIRE(ch.ok());
  CHECK(ch->check_tls13() == Error::ok);
  CHECK(ch->early_data);
  REQUIRE(ch->pre_shared_key);
  CHECK(ch->pre_shared_key->identities.size() == 1);
  CHECK(ch->pre_shared_key->identities[0].obfuscated_ticket_age == 0xfad6aacb);
  CHECK(ch->binders_size() == 2 + 1 + 32);
  const auto truncated = truncate_client_hello(full, *ch);
  REQUIRE(truncated.ok());
  CHECK(Bytes(truncated->begin(), truncated->end()) == prefix);
  // fill_binders writes the same binder back in place.
  Bytes copy = full;
  std::fill(copy.end() - 32, copy.end(), std::uint8_t{0});
  REQUIRE(fill_binders(copy, ch->pre_shared_key->binders) == Error::ok);
  CHECK(copy == full);
}

template <typename M>
Bytes check_server_message(const Bytes& body) {
  const auto m = M::parse(body);
  REQUIRE(m.ok());
  CHECK(serialize_body(*m) == body);
  return body;
}

// Verifies a CertificateVerify with the sender's certificate over the §4.4.3 content.
void check_certificate_verify(const Bytes& body, const Bytes& cert_der, CertificateVerifySide side,
                              const TranscriptHash& transcript) {
  const auto cv = CertificateVerify::parse(body);
  REQUIRE(cv.ok());
  CHECK(serialize_body(*cv) == body);
  const auto cert = x509::Certificate::parse(cert_der);
  REQUIRE(cert.ok());
  const auto key = cert->public_key();
  REQUIRE(key.ok());
  x509::SignatureAlgorithm alg;
  alg.supported = true;
  alg.hash = kSha256;
  if (cv->signature_scheme == 0x0804) {
    alg.kind = x509::SignatureKind::rsa_pss;
    alg.pss_salt_length = 32;  // RFC 8446 §4.2.3: salt length = digest length
  } else {
    REQUIRE(cv->signature_scheme == 0x0403);
    alg.kind = x509::SignatureKind::ecdsa;
  }
  const auto content = certificate_verify_content(side, transcript);
  CHECK(x509::verify_signature(*key, alg, content.view(), cv->signature) == x509::Error::ok);
  const auto other_side = certificate_verify_content(
      side == CertificateVerifySide::server ? CertificateVerifySide::client : CertificateVerifySide::server, transcript);
  CHECK(x509::verify_signature(*key, alg, other_side.view(), cv->signature) != x509::Error::ok);
}

struct MessageCounts {
  std::size_t parsed = 0, byte_exact = 0, signatures = 0, binders = 0;
};

void check_trace_messages(const rfc8448::Trace& trace, MessageCounts& n) {
  rfc8448::TraceTranscript transcript;
  std::map<std::string, Bytes> leaf;  // by actor
  Bytes pending_prefix;
  for (const auto& r : trace.steps) {
    const std::string name = rfc8448::constructed_message(r);
    if (name == "CertificateVerify") {
      const bool server = r.get("Actor") == "server";
      check_certificate_verify(body_of_message(r.bytes(name), HandshakeType::certificate_verify),
                               leaf.at(r.get("Actor")),
                               server ? CertificateVerifySide::server : CertificateVerifySide::client,
                               transcript.hash());
      ++n.signatures;
      ++n.byte_exact;
    }
    if (!pending_prefix.empty() && step_is(r, "send handshake record")) {
      check_binders_place(pending_prefix, r.bytes("payload"));
      pending_prefix.clear();
      ++n.binders;
    }
    transcript.on_step(r);
    if (name.empty()) continue;
    ++n.parsed;
    const Bytes message = r.bytes(name);
    if (name == "ClientHello") {
      if (message.size() != 4 + ((std::size_t{message[2]} << 8) | message[3])) {
        pending_prefix = message;  // §4: the binders follow in the record
        continue;
      }
      check_client_hello(body_of_message(message, HandshakeType::client_hello));
    } else if (name == "ServerHello") {
      const Bytes body = check_server_message<ServerHello13>(body_of_message(message, HandshakeType::server_hello));
      CHECK(server_hello_version(body).value() == kTls13);
      ++n.byte_exact;
    } else if (name == "EncryptedExtensions") {
      check_server_message<EncryptedExtensions>(body_of_message(message, hs13::encrypted_extensions));
      ++n.byte_exact;
    } else if (name == "CertificateRequest") {
      check_server_message<CertificateRequest13>(body_of_message(message, HandshakeType::certificate_request));
      ++n.byte_exact;
    } else if (name == "Certificate") {
      const Bytes body = check_server_message<Certificate13>(body_of_message(message, HandshakeType::certificate));
      leaf[r.get("Actor")] = Certificate13::parse(body)->certificate_list.at(0);
      ++n.byte_exact;
    } else if (name == "Finished") {
      const Bytes body = body_of_message(message, HandshakeType::finished);
      const auto f = Finished13::parse(body, kSha256);
      REQUIRE(f.ok());
      CHECK(serialize_body(*f) == body);
      ++n.byte_exact;
    } else if (name == "NewSessionTicket") {
      const Bytes body = check_server_message<NewSessionTicket13>(body_of_message(message, HandshakeType::new_session_ticket));
      const auto nst = NewSessionTicket13::parse(body);
      CHECK(nst->ticket_lifetime == 30);
      CHECK(nst->ticket_nonce == Bytes{0, 0});
      CHECK(nst->max_early_data_size == 1024u);
      ++n.byte_exact;
    } else if (name == "EndOfEarlyData") {
      CHECK(parse_empty(body_of_message(message, hs13::end_of_early_data)) == Error::ok);
      ++n.byte_exact;
    } else if (name != "CertificateVerify") {
      FAIL("unexpected message " << name << " at " << r.where());
    }
  }
}

}  // namespace

TEST_CASE("TLS 1.3 messages: every handshake message of the RFC 8448 traces") {
  MessageCounts n;
  std::size_t hrr = 0;
  for (const auto& trace : rfc8448::load_traces()) {
    INFO(trace.name);
    check_trace_messages(trace, n);
    for (const auto& r : trace.steps) {
      if (rfc8448::constructed_message(r) != "ServerHello") continue;
      const Bytes message = r.bytes("ServerHello");
      const auto sh = ServerHello13::parse(Bytes(message.begin() + 4, message.end()));
      REQUIRE(sh.ok());
      if (!sh->is_hello_retry_request()) continue;
      // RFC 8448 §5: the server wants a P-256 share and sends a cookie.
      CHECK(sh->selected_group == 23u);
      CHECK(sh->cookie.has_value());
      CHECK(!sh->server_share.has_value());
      ++hrr;
    }
  }
  CHECK(n.parsed == 40);
  CHECK(n.byte_exact == 34);
  CHECK(n.signatures == 5);
  CHECK(n.binders == 1);
  CHECK(hrr == 1);
  MESSAGE("RFC 8448 messages: " << n.parsed << " parsed, " << n.byte_exact << " serialized back byte for byte, "
                                << n.signatures << " CertificateVerify signatures verified, " << n.binders
                                << " ClientHello truncated for its binder");
}

TEST_CASE("TLS 1.3 messages: RFC 8446 §4.1.3 HelloRetryRequest Random is SHA-256(\"HelloRetryRequest\")") {
  const auto digest = crypto::Sha256::hash(from_ascii("HelloRetryRequest"));
  CHECK(std::equal(digest.begin(), digest.end(), kHelloRetryRequestRandom.begin()));
}

TEST_CASE("TLS 1.3 messages: round trips") {
  const ClientHello13 ch = sample_client_hello13();
  const Bytes ch_body = serialize_body(ch);
  const auto ch_back = ClientHello13::parse(ch_body);
  REQUIRE(ch_back.ok());
  CHECK(same_client_hello(*ch_back, ch));
  CHECK(ch_back->check_tls13() == Error::ok);
  CHECK(serialize_body(*ch_back) == ch_body);

  for (const ServerHello13& sh : {sample_server_hello13(false), sample_server_hello13(true)}) {
    const Bytes body = serialize_body(sh);
    const auto back = ServerHello13::parse(body);
    REQUIRE(back.ok());
    CHECK(back->is_hello_retry_request() == sh.is_hello_retry_request());
    CHECK(back->server_share == sh.server_share);
    CHECK(back->selected_group == sh.selected_group);
    CHECK(back->cookie == sh.cookie);
    CHECK(back->selected_identity == sh.selected_identity);
    CHECK(serialize_body(*back) == body);
  }
  const EncryptedExtensions ee = sample_encrypted_extensions();
  const auto ee_back = EncryptedExtensions::parse(serialize_body(ee));
  REQUIRE(ee_back.ok());
  CHECK(ee_back->alpn == ee.alpn);
  CHECK(ee_back->record_size_limit == ee.record_size_limit);
  CHECK(ee_back->supported_groups == ee.supported_groups);
  CHECK(ee_back->server_name_ack);
  CHECK(ee_back->early_data);
  const CertificateRequest13 cr = sample_certificate_request13();
  const auto cr_back = CertificateRequest13::parse(serialize_body(cr));
  REQUIRE(cr_back.ok());
  CHECK(cr_back->certificate_request_context == cr.certificate_request_context);
  CHECK(cr_back->signature_algorithms == cr.signature_algorithms);
  CHECK(cr_back->signature_algorithms_cert == cr.signature_algorithms_cert);
  CHECK(cr_back->certificate_authorities == cr.certificate_authorities);
  Certificate13 cert;
  cert.certificate_request_context = {7};
  cert.certificate_list = {Bytes(300, 0x30), Bytes(1, 0x30)};
  const auto cert_back = Certificate13::parse(serialize_body(cert));
  REQUIRE(cert_back.ok());
  CHECK(cert_back->certificate_list == cert.certificate_list);
  CHECK(cert_back->certificate_request_context == cert.certificate_request_context);
  const NewSessionTicket13 nst = sample_new_session_ticket13();
  const auto nst_back = NewSessionTicket13::parse(serialize_body(nst));
  REQUIRE(nst_back.ok());
  CHECK(nst_back->ticket == nst.ticket);
  CHECK(nst_back->ticket_nonce == nst.ticket_nonce);
  CHECK(nst_back->ticket_age_add == nst.ticket_age_add);
  CHECK(nst_back->max_early_data_size == nst.max_early_data_size);
  for (const auto request : {KeyUpdateRequest::update_not_requested, KeyUpdateRequest::update_requested}) {
    const auto ku = KeyUpdate::parse(serialize_body(KeyUpdate{request}));
    REQUIRE(ku.ok());
    CHECK(ku->request_update == request);
  }
  Finished13 fin;
  fin.verify_data.size = 48;
  fin.verify_data.bytes.fill(0x5a);
  const auto fin_back = Finished13::parse(serialize_body(fin), crypto::HashId::sha384);
  REQUIRE(fin_back.ok());
  CHECK(serialize_body(*fin_back) == Bytes(48, 0x5a));
}

TEST_CASE("TLS 1.3 messages: binders computed over the truncated ClientHello and filled in") {
  ClientHello13 ch = sample_client_hello13();
  REQUIRE(ch.pre_shared_key);
  ch.pre_shared_key->binders = {Bytes(32, 0), Bytes(48, 0)};  // placeholders
  ch.pre_shared_key->identities.push_back({Bytes(20, 9), 77});
  std::vector<std::uint8_t> message;
  REQUIRE(append_handshake(message, HandshakeType::client_hello, ch) == Error::ok);
  const auto truncated = truncate_client_hello(message, ch);
  REQUIRE(truncated.ok());
  CHECK(truncated->size() == message.size() - (2 + 33 + 49));
  // RFC 8446 §4.2.11.2: each binder is a Finished MAC over Truncate(ClientHello).
  const auto early256 = EarlySecret::with_psk(crypto::HashId::sha256, Bytes(32, 1));
  const auto early384 = EarlySecret::with_psk(crypto::HashId::sha384, Bytes(48, 2));
  const auto b0 = compute_verify_data13(early256.binder_key(PskKind::resumption),
                                        TranscriptHash::of(crypto::HashId::sha256, *truncated));
  const auto b1 = compute_verify_data13(early384.binder_key(PskKind::external),
                                        TranscriptHash::of(crypto::HashId::sha384, *truncated));
  const std::vector<Bytes> binders{Bytes(b0.view().begin(), b0.view().end()), Bytes(b1.view().begin(), b1.view().end())};
  REQUIRE(fill_binders(message, binders) == Error::ok);
  const auto back = ClientHello13::parse(Bytes(message.begin() + 4, message.end()));
  REQUIRE(back.ok());
  CHECK(back->pre_shared_key->binders == binders);
  CHECK(check_binder13(early256.binder_key(PskKind::resumption), TranscriptHash::of(crypto::HashId::sha256, *truncated),
                       back->pre_shared_key->binders[0]) == Error::ok);
  // Sizes that do not match the placeholders are refused.
  CHECK(fill_binders(message, std::vector<Bytes>{Bytes(33, 1), Bytes(48, 1)}) == Error::invalid_argument);
  CHECK(fill_binders(message, std::vector<Bytes>{Bytes(32, 1)}) == Error::invalid_argument);
  ClientHello13 no_psk = sample_client_hello13();
  no_psk.pre_shared_key.reset();
  CHECK(no_psk.binders_size() == 0);
  CHECK(truncate_client_hello(message, no_psk).error() == Error::invalid_argument);
}

TEST_CASE("TLS 1.3 messages: the CertificateVerify signed content (§4.4.3)") {
  const auto th = TranscriptHash::of(crypto::HashId::sha384, from_ascii("abc"));
  const auto server = certificate_verify_content(CertificateVerifySide::server, th);
  const auto client = certificate_verify_content(CertificateVerifySide::client, th);
  REQUIRE(server.size == 64 + 33 + 1 + 48);
  CHECK(std::all_of(server.bytes.begin(), server.bytes.begin() + 64, [](std::uint8_t b) { return b == 0x20; }));
  CHECK(Bytes(server.bytes.begin() + 64, server.bytes.begin() + 97) == from_ascii("TLS 1.3, server CertificateVerify"));
  CHECK(Bytes(client.bytes.begin() + 64, client.bytes.begin() + 97) == from_ascii("TLS 1.3, client CertificateVerify"));
  CHECK(server.bytes[97] == 0);
  CHECK(Bytes(server.bytes.begin() + 98, server.bytes.begin() + 146) == Bytes(th.bytes().begin(), th.bytes().end()));
}

TEST_CASE("TLS 1.3 messages: the extension table of RFC 8446 §4.2") {
  using C = ExtensionContext;
  CHECK(extension_allowed13(ext13::key_share, C::hello_retry_request));
  CHECK(extension_allowed13(ext13::cookie, C::hello_retry_request));
  CHECK(!extension_allowed13(ext13::cookie, C::server_hello));
  CHECK(!extension_allowed13(ext13::pre_shared_key, C::hello_retry_request));
  CHECK(extension_allowed13(ext13::early_data, C::new_session_ticket));
  CHECK(!extension_allowed13(ext13::supported_versions, C::encrypted_extensions));
  CHECK(extension_allowed13(ext13::status_request, C::certificate));
  CHECK(extension_allowed13(ext13::oid_filters, C::certificate_request));
  CHECK(!extension_allowed13(ext13::oid_filters, C::client_hello));
  CHECK(extension_allowed13(ext13::record_size_limit, C::encrypted_extensions));
  CHECK(!is_known_extension13(0x1234));
  CHECK(!extension_allowed13(0x1234, C::client_hello));
}

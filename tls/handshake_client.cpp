// SPDX-License-Identifier: MIT
// The client's handshake (RFC 5246 §7.3, full handshake): ClientHello, then
// the server's flight, our ClientKeyExchange / ChangeCipherSpec / Finished,
// the server's ChangeCipherSpec / Finished. The abbreviated handshake takes
// the same table from ServerHello on (resume_client.cpp); the flags fixed at
// the hello (Negotiation) pick the next message. The table at the bottom
// reads in message order; each handler parses, validates, computes, names the
// next state.
#include "tls/handshake_client.h"

#include <algorithm>

#include "tls/features.h"
#include "tls/inspect_hook.h"
#include "tls/resumption.h"

namespace baretls::tls::detail {

namespace {

bool offers_ecdhe(const CommonConfig& c) {
  return std::any_of(c.cipher_suites.begin(), c.cipher_suites.end(),
                     [](CipherSuite s) { return suite_info(s).kex != KeyExchange::rsa; });
}

}  // namespace

ClientHandshake::ClientHandshake(std::shared_ptr<const ClientConfig> config, std::string_view server_name,
                                 const Session* resume)
    : cfg_(std::move(config)), server_name_(server_name) {
  if (resume != nullptr) offered_session_ = *resume;
}

// RFC 5246 §7.4.1.2 with the profile's extensions.
Error ClientHandshake::start(Engine& e) {
  const auto& cfg = *cfg_;
  BARETLS_TRY(check_alpn_config(cfg));
  const auto& cc = cfg.client_certificate;
  if (cc && (cc->chain.empty() || !cc->key)) return Error::bad_config;
  // The CertificateVerify may have to sign every message from ClientHello
  // on: the transcript keeps them until the handshake ends (RFC 5246 §7.4.8).
  if (cc) e.transcript.keep_messages();
  if (cfg.cipher_suites.empty()) return Error::bad_config;
  e.channel.record().set_inspector(cfg.inspector, true);
  ClientHello ch;
  if (cfg.random(e.neg.client_random) != crypto::Error::ok) return Error::random_failure;
  ch.random = e.neg.client_random;
  ch.cipher_suites = config_suites(cfg);
  // RFC 6066 §3: a DNS host name only, without a trailing dot (sni.cpp);
  // a resumed session must carry the same one (resume_client.cpp).
  ch.server_name = client_sni(server_name_);
  if (ch.server_name) e.requested_server_name = *ch.server_name;
  if (offers_ecdhe(cfg)) {
    std::vector<std::uint16_t> groups;
    for (const auto g : cfg.groups)
      if (group_available(g)) groups.push_back(static_cast<std::uint16_t>(g));
    if (groups.empty()) return Error::bad_config;
    ch.supported_groups = std::move(groups);
    // RFC 8422 §5.1.2: uncompressed is the only format.
    ch.ec_point_formats = std::vector<std::uint8_t>{kPointUncompressed};
  }
  std::vector<std::uint16_t> schemes;
  for (const auto s : cfg.signature_schemes) schemes.push_back(static_cast<std::uint16_t>(s));
  ch.signature_algorithms = std::move(schemes);
  ch.extended_master_secret = true;  // RFC 7627 §5.1: always offered
  // RFC 5746 §3.4: the client MUST include either an empty
  // "renegotiation_info" extension, or the SCSV, in the ClientHello.
  ch.renegotiation_info = std::vector<std::uint8_t>{};
  ch.alpn = client_alpn_offer(cfg);  // RFC 7301 §3.1 (alpn.cpp)
  BARETLS_TRY(offer_session(e, ch));
  e.neg.client_version = ch.client_version;
  e.state = HsState::client_wait_server_hello;
  BARETLS_TRY(e.queue_handshake(HandshakeType::client_hello, ch));
  return e.channel.flush_flight();
}

Error ClientHandshake::check_server_extensions(const Engine& e, const ServerHello& sh) const {
  // RFC 5746 §3.4: "If the extension is present, set secure_renegotiation
  // flag to TRUE. The client MUST then verify that the length of the
  // "renegotiated_connection" field is zero, and if it is not, MUST abort the
  // handshake (by sending a fatal handshake_failure alert)." We also require it.
  if (!sh.renegotiation_info || !sh.renegotiation_info->empty()) return Error::secure_renegotiation_failed;
  // RFC 7627 §5.2: a client that requires EMS aborts when the server did not echo it.
  if (!sh.extended_master_secret &&
      cfg_->extended_master_secret == ExtendedMasterSecret::required)
    return Error::extended_master_secret_required;
  // RFC 5246 §7.4.1.4: only extensions we offered may come back.
  if (sh.session_ticket && !ticket_offered_) return Error::unoffered_extension;
  // ALPN: client_accept_alpn (alpn.cpp)
  if (sh.server_name_ack && e.requested_server_name.empty()) return Error::unoffered_extension;
  // RFC 8422 §5.2: the list, if sent, must contain uncompressed.
  if (sh.ec_point_formats && std::find(sh.ec_point_formats->begin(), sh.ec_point_formats->end(),
                                       kPointUncompressed) == sh.ec_point_formats->end())
    return Error::illegal_parameter;
  return Error::ok;
}

// RFC 5246 §7.4.1.3
Result<HsState> ClientHandshake::on_server_hello(Engine& e, std::span<const std::uint8_t> body) {
  auto sh = ServerHello::parse(body);
  if (!sh) return sh.error();
  // RFC 5246 App. E.1: a lower server_version means the server cannot do 1.2.
  if (sh->server_version != kTls12) return Error::protocol_version;
  const SuiteInfo* suite = find_suite(sh->cipher_suite);
  const auto offered = config_suites(*cfg_);
  if (suite == nullptr || std::find(offered.begin(), offered.end(), sh->cipher_suite) == offered.end())
    return Error::unoffered_cipher_suite;
  if (sh->compression_method != 0) return Error::compression_not_null;
  BARETLS_TRY(check_server_extensions(e, *sh));
  BARETLS_TRY(client_accept_alpn(e, *sh));
  e.neg.suite = suite;
  e.neg.server_random = sh->random;
  e.neg.extended_master_secret = sh->extended_master_secret;
  e.neg.secure_renegotiation = true;
  e.transcript.select(suite->prf_hash);
  e.channel.record().set_version_policy(VersionPolicy::tls12);
  // RFC 5246 §7.4.1.3: our session ID echoed means an abbreviated handshake.
  if (server_resumes(e, *sh)) return resume(e, *sh);
  return HsState::client_wait_certificate;
}

// RFC 5246 §7.4.2: the server's chain, verified with x509/ at the
// configured time and against the host name.
Result<HsState> ClientHandshake::on_certificate(Engine& e, std::span<const std::uint8_t> body) {
  auto cert = CertificateMsg::parse(body);
  if (!cert) return cert.error();
  const auto& cfg = *cfg_;
  auto key = verify_peer_chain(cert->certificate_list, cfg.trust_store.get(), config_now(cfg), server_name_, true,
                               cfg.min_rsa_bits);
  if (!key) return key.error();
  const bool ec = key->type() != CertKeyType::rsa;
  // RFC 8422 §5.3 / RFC 5246 §7.4.2: the key must suit the key exchange.
  if (ec != (e.neg.suite->kex == KeyExchange::ecdhe_ecdsa)) return Error::certificate_unsupported;
  // RFC 5246 §7.4.2: "the digitalSignature bit MUST be set if the key usage
  // extension is present" (ECDHE_RSA; RFC 8422 §5.3 ECDHE_ECDSA), "the
  // keyEncipherment bit MUST be set" (RSA); RFC 5280 §4.2.1.3.
  if (!key_usage_allows_kex(key->key_usage(), e.neg.suite->kex)) return Error::certificate_key_usage;
  peer_key_ = std::move(*key);
  e.peer_certificate = cert->certificate_list.front();
  chain_verified_ = ChainVerified();
  return e.neg.suite->kex == KeyExchange::rsa ? HsState::client_wait_server_hello_done
                                              : HsState::client_wait_server_key_exchange;
}

// RFC 8422 §5.4: the server's ephemeral point, signed over
// ClientHello.random + ServerHello.random + ServerECDHParams.
Result<HsState> ClientHandshake::on_server_key_exchange(Engine& e, std::span<const std::uint8_t> body) {
  auto ske = ServerKeyExchange::parse(body);
  if (!ske) return ske.error();
  const auto& cfg = *cfg_;
  if (!config_has_group(cfg, ske->named_curve)) return Error::unoffered_group;
  const auto group = static_cast<NamedGroup>(ske->named_curve);
  if (ske->public_point.size() != group_public_size(group)) return Error::bad_key_share;
  if (!config_has_scheme(cfg, ske->signature_scheme)) return Error::unoffered_signature_algorithm;
  const auto scheme = static_cast<SignatureScheme>(ske->signature_scheme);
  if (!scheme_fits_key(scheme, peer_key_->type())) return Error::unoffered_signature_algorithm;
  const auto signed_data = ske->signed_data(e.neg.client_random, e.neg.server_random);
  BARETLS_TRY(verify_signature(*peer_key_, scheme, signed_data, ske->signature));
  signature_verified_ = SignatureVerified();
  e.neg.group = group;
  e.neg.scheme = scheme;
  server_public_ = std::move(ske->public_point);
  return HsState::client_wait_server_hello_done;
}

// The pre-master secret and the ClientKeyExchange that conveys it.
Error ClientHandshake::make_premaster(Engine& e, crypto::Secret<kMaxEcdhSecret>& pms, std::size_t& pms_size,
                                      ClientKeyExchange& cke) {
  const auto& cfg = *cfg_;
  cke.kex = e.neg.suite->kex;
  if (cke.kex == KeyExchange::rsa) {
    // RFC 5246 §7.4.7.1: struct { ProtocolVersion client_version; opaque random[46]; }
    auto p = pms.expose().first<48>();
    p[0] = static_cast<std::uint8_t>(e.neg.client_version >> 8);
    p[1] = static_cast<std::uint8_t>(e.neg.client_version);
    if (cfg.random(p.subspan(2)) != crypto::Error::ok) return Error::random_failure;
    pms_size = 48;
    BARETLS_TRY(rsa_encrypt_premaster(*peer_key_, p, cfg.random, cke.exchange_keys));
    inspect_value(e, InspectKind::value, "encrypted_pre_master_secret", cke.exchange_keys);
    return Error::ok;
  }
  auto eph = generate_ephemeral(*e.neg.group, cfg.random);
  if (!eph) return eph.error();
  auto n = compute_shared_secret(*eph, server_public_, pms.expose());
  if (!n) return n.error();
  pms_size = *n;
  inspect_value(e, InspectKind::value, "client_ecdhe_public", eph->public_bytes());
  inspect_value(e, InspectKind::secret, "ecdhe_shared_secret", pms.expose().first(pms_size));
  cke.exchange_keys.assign(eph->public_bytes().begin(), eph->public_bytes().end());
  return Error::ok;
}

// RFC 5246 §7.4.5, then our flight: [Certificate] ClientKeyExchange
// [CertificateVerify] ChangeCipherSpec Finished (client_auth_client.cpp).
Result<HsState> ClientHandshake::on_server_hello_done(Engine& e, std::span<const std::uint8_t> body) {
  BARETLS_TRY(parse_empty(body));
  if (e.neg.certificate_requested) BARETLS_TRY(queue_certificate(e));
  crypto::Secret<kMaxEcdhSecret> pms;
  std::size_t pms_size = 0;
  ClientKeyExchange cke;
  BARETLS_TRY(make_premaster(e, pms, pms_size, cke));
  BARETLS_TRY(e.queue_handshake(HandshakeType::client_key_exchange, cke));
  BARETLS_TRY(e.derive_keys(pms.expose().first(pms_size)));
  if (e.neg.certificate_requested) BARETLS_TRY(queue_certificate_verify(e));
  BARETLS_TRY(e.send_change_cipher_spec());
  BARETLS_TRY(e.send_finished());
  // RFC 5077 §3.3: a NewSessionTicket was announced in ServerHello.
  return e.neg.ticket_expected ? HsState::client_wait_new_session_ticket : HsState::client_wait_change_cipher_spec;
}

// The server's Finished follows, in either flow (RFC 5246 §7.3).
Result<HsState> ClientHandshake::on_change_cipher_spec(Engine& e, std::span<const std::uint8_t>) {
  BARETLS_TRY(e.receive_change_cipher_spec());
  return HsState::client_wait_finished;
}

// RFC 5246 §7.3: after a full handshake the server's Finished ends it; in
// the abbreviated handshake it comes first and ours answers it.
Result<HsState> ClientHandshake::on_finished(Engine& e, std::span<const std::uint8_t> body) {
  BARETLS_TRY(e.check_peer_finished(body));
  if (e.neg.resumption) {
    BARETLS_TRY(e.send_change_cipher_spec());
    BARETLS_TRY(e.send_finished());
  }
  BARETLS_TRY(e.enter_established());
  return HsState::established;
}

// RFC 5246 §7.4.1.1 / RFC 5746 §4: we never renegotiate; the client "MAY
// send a no_renegotiation alert" and carries on (Engine::refuse_renegotiation
// bounds how many in a row).
Result<HsState> ClientHandshake::on_hello_request(Engine& e, std::span<const std::uint8_t> body) {
  BARETLS_TRY(parse_empty(body));
  BARETLS_TRY(e.refuse_renegotiation());
  return HsState::established;
}

std::span<const Row<ClientHandshake>> ClientHandshake::rows() noexcept {
  using H = ClientHandshake;
  // clang-format off
  static constexpr Row<H> kRows[] = {
    {HsState::client_wait_server_hello,        HandshakeType::server_hello,        &H::on_server_hello},
    {HsState::client_wait_certificate,         HandshakeType::certificate,         &H::on_certificate},
    {HsState::client_wait_server_key_exchange, HandshakeType::server_key_exchange, &H::on_server_key_exchange},
    {HsState::client_wait_server_hello_done,   HandshakeType::certificate_request, &H::on_certificate_request},
    {HsState::client_wait_server_hello_done,   HandshakeType::server_hello_done,   &H::on_server_hello_done},
    // RFC 5077 §3.3: after our Finished (full) or ServerHello (abbreviated; resume_client.cpp).
    {HsState::client_wait_new_session_ticket,  HandshakeType::new_session_ticket,  &H::on_new_session_ticket},
    {HsState::client_wait_change_cipher_spec,  kChangeCipherSpec,                  &H::on_change_cipher_spec},
    {HsState::client_wait_finished,            HandshakeType::finished,            &H::on_finished},
    {HsState::established,                     HandshakeType::hello_request,       &H::on_hello_request},
  };
  // clang-format on
  return kRows;
}

bool ClientHandshake::accepts(HsState s, HandshakeType m) const noexcept {
  return find_handler(rows(), s, m) != nullptr;
}

Result<HsState> ClientHandshake::handle(Engine& e, HandshakeType m, std::span<const std::uint8_t> body) {
  const auto h = find_handler(rows(), e.state, m);
  if (h == nullptr) return Error::internal_error;  // the dispatcher asked accepts() first
  return (this->*h)(e, body);
}

// Traffic needs every proof that applies (docs/ARCHITECTURE.md): the chain,
// and the ServerKeyExchange signature for ECDHE; or a resumed session.
bool ClientHandshake::proofs_complete(const Engine& e) const noexcept {
  if (session_resumed_) return true;
  return chain_verified_ && (e.neg.suite->kex == KeyExchange::rsa || signature_verified_);
}

// The chain verified in this handshake, or the server's leaf kept by the
// resumed session (verified when it was made, resume_client.cpp).
bool ClientHandshake::peer_authenticated(const Engine& e) const noexcept {
  return chain_verified_.has_value() || (session_resumed_.has_value() && !e.peer_certificate.empty());
}

}  // namespace baretls::tls::detail

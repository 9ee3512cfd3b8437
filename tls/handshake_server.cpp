// SPDX-License-Identifier: MIT
// The server's handshake (RFC 5246 §7.3, full handshake): ClientHello, our
// flight ServerHello / Certificate / [ServerKeyExchange] / ServerHelloDone,
// the client's ClientKeyExchange / ChangeCipherSpec / Finished, then ours.
// Suite by server preference among the client's offers that a configured
// chain can serve; group and signature scheme likewise. The abbreviated
// handshake takes the same table from ClientHello on (resume_server.cpp);
// the flags fixed at the hello (Negotiation) pick the next message.
#include "tls/handshake_server.h"

#include <algorithm>

#include "tls/features.h"
#include "tls/inspect_hook.h"
#include "tls/resumption.h"

namespace baretls::tls::detail {

namespace {

template <typename T>
bool contains(const std::optional<std::vector<T>>& list, T v) {
  return list && std::find(list->begin(), list->end(), v) != list->end();
}

// RFC 8422 §5.1.1: server preference among the client's groups; without the
// extension (RFC 8422 §4 allows that) our first available group.
std::optional<NamedGroup> pick_group(const ServerConfig& cfg, const ClientHello& ch) {
  for (const auto g : cfg.groups) {
    if (!group_available(g)) continue;
    if (!ch.supported_groups || contains(ch.supported_groups, static_cast<std::uint16_t>(g))) return g;
  }
  return std::nullopt;
}

// RFC 5246 §7.4.1.4.1: a scheme the client listed that fits our key. With no
// signature_algorithms the client implies SHA-1, which we do not sign with.
// Schemes whose hash matches the curve come first.
std::optional<SignatureScheme> pick_scheme(const ServerConfig& cfg, const ClientHello& ch, CertKeyType key) {
  if (!ch.signature_algorithms) return std::nullopt;
  return choose_signature_scheme(cfg.signature_schemes, *ch.signature_algorithms, key);
}

struct Choice {
  const SuiteInfo* suite = nullptr;
  const CertifiedKey* certificate = nullptr;
  CertKeyType key_type = CertKeyType::rsa;
  std::optional<NamedGroup> group;
  std::optional<SignatureScheme> scheme;
  bool name_matched = false;
};

// The keyUsage of each configured chain's leaf (by index in
// cfg.certificates), read once per ClientHello.
struct ChainUsage {
  const ServerConfig& cfg;
  std::vector<std::optional<std::uint16_t>> usage;
  explicit ChainUsage(const ServerConfig& c) : cfg(c) {
    for (const auto& ck : c.certificates)
      usage.push_back(ck.chain.empty() ? std::nullopt : leaf_key_usage(ck.chain.front()));
  }
  [[nodiscard]] std::optional<std::uint16_t> of(const CertifiedKey* chain) const {
    return usage[static_cast<std::size_t>(chain - cfg.certificates.data())];
  }
  bool blocked = false;  // a chain was passed over for its keyUsage alone
};

// A chain that can serve `suite` for this client, with its group and scheme.
std::optional<Choice> try_suite(const ServerConfig& cfg, const ClientHello& ch, const SuiteInfo& suite,
                                const ChainTier& tier, ChainUsage& ku) {
  for (const CertifiedKey* chain : tier.chains) {
    const auto& cert = *chain;
    if (!cert.key) continue;
    auto type = private_key_type(*cert.key);
    if (!type) continue;
    const bool ec = *type != CertKeyType::rsa;
    if (ec != (suite.kex == KeyExchange::ecdhe_ecdsa)) continue;
    // RFC 5246 §7.4.2: the leaf's keyUsage must allow this key exchange
    // (peer_auth.h); another chain or suite may serve instead.
    if (!key_usage_allows_kex(ku.of(chain), suite.kex)) {
      ku.blocked = true;
      continue;
    }
    // RFC 8422 §5.1: a client's supported_groups also names the curves it
    // accepts in ECDSA certificates; OpenSSL enforces it.
    if (ec && ch.supported_groups) {
      const auto curve = *type == CertKeyType::ec_p256 ? NamedGroup::secp256r1 : NamedGroup::secp384r1;
      if (!contains(ch.supported_groups, static_cast<std::uint16_t>(curve))) continue;
    }
    Choice c{&suite, &cert, *type, std::nullopt, std::nullopt, tier.name_matched};
    if (suite.kex == KeyExchange::rsa) return c;
    c.group = pick_group(cfg, ch);
    c.scheme = pick_scheme(cfg, ch, *type);
    if (c.group && c.scheme) return c;
  }
  return std::nullopt;
}

// RFC 6066 §3: chains named by the client's server_name first (sni.cpp),
// then every chain with the default first. When only our chains' keyUsage
// stood in the way, the error says so.
Result<Choice> choose(const ServerConfig& cfg, const ClientHello& ch) {
  ChainUsage ku(cfg);
  for (const auto& tier : sni_tiers(cfg, ch.server_name)) {
    for (const auto s : cfg.cipher_suites) {
      if (!ch.offers_suite(static_cast<std::uint16_t>(s))) continue;
      if (auto c = try_suite(cfg, ch, suite_info(s), tier, ku)) return *c;
    }
  }
  return ku.blocked ? Error::own_certificate_key_usage : Error::no_common_cipher_suite;
}

// RFC 8422 §5.1.1 curves: secp256r1(23), secp384r1(24), secp521r1(25),
// x25519(29), x448(30).
bool names_rfc8422_curve(const std::vector<std::uint16_t>& groups) {
  return std::any_of(groups.begin(), groups.end(), [](std::uint16_t g) { return (g >= 23 && g <= 25) || g == 29 || g == 30; });
}

// RFC 8422 §5.1.2: "If the client sends the extension and the extension
// does not contain the uncompressed point format, and the client has used
// the Supported Groups extension to indicate support for any of the curves
// defined in this specification, then the server MUST abort the handshake
// and return an illegal_parameter alert." Without supported_groups any
// ECDHE suite we chose would use one of those curves: refused as well.
Error check_point_formats(const ClientHello& ch) {
  if (!ch.ec_point_formats) return Error::ok;  // absent: uncompressed only (RFC 8422 §5.1.2)
  const auto& f = *ch.ec_point_formats;
  if (std::find(f.begin(), f.end(), kPointUncompressed) != f.end()) return Error::ok;
  if (ch.supported_groups && !names_rfc8422_curve(*ch.supported_groups)) return Error::ok;
  return Error::illegal_parameter;
}

Error check_client_hello(const ServerConfig& cfg, const ClientHello& ch) {
  // RFC 8446 §4.2.1: a client listing versions without 1.2 cannot talk to us.
  if (ch.supported_versions &&
      std::find(ch.supported_versions->begin(), ch.supported_versions->end(), kTls12) == ch.supported_versions->end())
    return Error::protocol_version;
  // RFC 5246 App. E.1: a client_version below 1.2 is a client we refuse.
  if (ch.client_version < kTls12) return Error::protocol_version;
  // RFC 5246 §7.4.1.2: "this vector MUST contain ... CompressionMethod.null".
  if (std::find(ch.compression_methods.begin(), ch.compression_methods.end(), 0) == ch.compression_methods.end())
    return Error::compression_not_null;
  // RFC 5746 §3.6: a non-empty renegotiated_connection on the initial
  // handshake MUST abort with handshake_failure.
  if (ch.renegotiation_info && !ch.renegotiation_info->empty()) return Error::secure_renegotiation_failed;
  // RFC 6066 §3: HostName is an ASCII DNS name without a trailing dot
  // (sni.cpp: the exact rule). Refused like OpenSSL and BoringSSL refuse a
  // name with a NUL byte: a fatal unrecognized_name.
  if (ch.server_name && !is_valid_host_name(*ch.server_name)) return Error::invalid_server_name;
  // RFC 7627 §5.3: the server may abort when the client does not offer EMS.
  if (!ch.extended_master_secret && cfg.extended_master_secret == ExtendedMasterSecret::required)
    return Error::extended_master_secret_required;
  return check_point_formats(ch);
}

}  // namespace

// RFC 8422 §5.4: ServerKeyExchange with our ephemeral point, signed.
Error ServerHandshake::queue_server_key_exchange(Engine& e) {
  const auto& cfg = *cfg_;
  auto eph = generate_ephemeral(*e.neg.group, cfg.random);
  if (!eph) return eph.error();
  ServerKeyExchange ske;
  ske.named_curve = static_cast<std::uint16_t>(*e.neg.group);
  ske.public_point.assign(eph->public_bytes().begin(), eph->public_bytes().end());
  ske.signature_scheme = static_cast<std::uint16_t>(*e.neg.scheme);
  const auto signed_data = ske.signed_data(e.neg.client_random, e.neg.server_random);
  BARETLS_TRY(sign_message(*certificate_->key, *e.neg.scheme, signed_data, cfg.random, ske.signature));
  inspect_value(e, InspectKind::value, "server_ecdhe_public", eph->public_bytes());
  ephemeral_ = std::move(*eph);
  return e.queue_handshake(HandshakeType::server_key_exchange, ske);
}

Error ServerHandshake::queue_server_flight(Engine& e, const ClientHello& ch) {
  ServerHello sh;
  sh.random = e.neg.server_random;
  sh.cipher_suite = static_cast<std::uint16_t>(e.neg.suite->id);
  if (e.neg.secure_renegotiation) sh.renegotiation_info = std::vector<std::uint8_t>{};
  sh.extended_master_secret = e.neg.extended_master_secret;
  // RFC 6066 §3: a server that used the name "SHALL include an extension of
  // type "server_name" in the (extended) server hello" (empty).
  sh.server_name_ack = server_name_matched_;
  if (!e.alpn_protocol.empty()) sh.alpn = e.alpn_protocol;  // RFC 7301 §3.1
  // RFC 8422 §5.2: answer ec_point_formats when the client sent it and we use ECC.
  if (ch.ec_point_formats && e.neg.suite->kex != KeyExchange::rsa)
    sh.ec_point_formats = std::vector<std::uint8_t>{kPointUncompressed};
  BARETLS_TRY(offer_new_session(e, ch, sh));
  BARETLS_TRY(e.queue_handshake(HandshakeType::server_hello, sh));
  CertificateMsg cert;
  cert.certificate_list = certificate_->chain;
  BARETLS_TRY(e.queue_handshake(HandshakeType::certificate, cert));
  if (e.neg.suite->kex != KeyExchange::rsa) BARETLS_TRY(queue_server_key_exchange(e));
  if (e.neg.certificate_requested) BARETLS_TRY(queue_certificate_request(e));
  BARETLS_TRY(append_empty_handshake(e.channel.flight(), HandshakeType::server_hello_done));
  return e.queue_bytes(e.channel.flight().size() - kHandshakeHeaderSize);
}

Error ServerHandshake::start(Engine& e) {
  const auto& cfg = *cfg_;
  BARETLS_TRY(check_alpn_config(cfg));
  if (cfg.client_auth != ClientAuth::none) {
    // Client chains need roots to be verified against.
    if (!cfg.client_trust_store) return Error::bad_config;
    // The client's CertificateVerify covers every message before it: the
    // transcript keeps them until the handshake ends (RFC 5246 §7.4.8).
    e.transcript.keep_messages();
  }
  e.state = HsState::server_wait_client_hello;
  e.channel.record().set_inspector(cfg.inspector, false);
  e.channel.record().set_version_policy(VersionPolicy::client_hello);
  return Error::ok;
}

// RFC 5246 §7.4.1.2
Result<HsState> ServerHandshake::on_client_hello(Engine& e, std::span<const std::uint8_t> body) {
  auto ch = ClientHello::parse(body);
  if (!ch) return ch.error();
  BARETLS_TRY(check_client_hello(*cfg_, *ch));
  // SNI and ALPN are per connection, resumed or not (RFC 7301 §3.1; alpn.cpp).
  if (ch->server_name) e.requested_server_name = *ch->server_name;
  BARETLS_TRY(server_select_alpn(e, *ch));
  // RFC 5246 §7.3 / RFC 5077 §3.1: a known session or valid ticket resumes.
  auto resumed = try_resume(e, *ch);
  if (!resumed) return resumed.error();
  if (*resumed) return HsState::server_wait_change_cipher_spec;
  const auto& cfg = *cfg_;
  auto choice = choose(cfg, *ch);
  if (!choice) return choice.error();
  e.neg.suite = choice->suite;
  certificate_ = choice->certificate;
  e.neg.group = choice->group;
  e.neg.scheme = choice->scheme;
  server_name_matched_ = choice->name_matched;
  e.neg.certificate_requested = cfg.client_auth != ClientAuth::none;
  e.neg.client_random = ch->random;
  e.neg.client_version = ch->client_version;
  e.neg.extended_master_secret = ch->extended_master_secret;
  // RFC 5746 §3.6: the SCSV or the empty extension marks a secure client.
  e.neg.secure_renegotiation = ch->renegotiation_info.has_value() || ch->offers_suite(kRenegotiationScsv);
  if (cfg.random(e.neg.server_random) != crypto::Error::ok) return Error::random_failure;
  e.transcript.select(e.neg.suite->prf_hash);
  e.channel.record().set_version_policy(VersionPolicy::tls12);
  BARETLS_TRY(queue_server_flight(e, *ch));
  return e.neg.certificate_requested ? HsState::server_wait_client_certificate
                                     : HsState::server_wait_client_key_exchange;
}

// RFC 5246 §7.4.7; RFC 8422 §5.7.
Result<HsState> ServerHandshake::on_client_key_exchange(Engine& e, std::span<const std::uint8_t> body) {
  auto cke = ClientKeyExchange::parse(body, e.neg.suite->kex);
  if (!cke) return cke.error();
  crypto::Secret<kMaxEcdhSecret> pms;
  std::size_t pms_size = 48;
  if (e.neg.suite->kex == KeyExchange::rsa) {
    inspect_value(e, InspectKind::value, "encrypted_pre_master_secret", cke->exchange_keys);
    // RFC 5246 §7.4.7.1: no distinguishable failure; the RSA code substitutes
    // a random pre-master secret in constant time, and Finished fails later.
    BARETLS_TRY(rsa_decrypt_premaster(*certificate_->key, cke->exchange_keys, e.neg.client_version, cfg_->random,
                                      pms.expose().first<48>()));
  } else {
    auto n = compute_shared_secret(*ephemeral_, cke->exchange_keys, pms.expose());
    if (!n) return n.error();
    pms_size = *n;
    inspect_value(e, InspectKind::secret, "ecdhe_shared_secret", pms.expose().first(pms_size));
  }
  BARETLS_TRY(e.derive_keys(pms.expose().first(pms_size)));
  // RFC 5246 §7.4.8: after a client chain, its CertificateVerify comes next.
  return client_key_ ? HsState::server_wait_certificate_verify : HsState::server_wait_change_cipher_spec;
}

// The client's Finished follows, in either flow (RFC 5246 §7.3).
Result<HsState> ServerHandshake::on_change_cipher_spec(Engine& e, std::span<const std::uint8_t>) {
  BARETLS_TRY(e.receive_change_cipher_spec());
  return HsState::server_wait_finished;
}

// The client's Finished, then (full handshake) our ChangeCipherSpec and
// Finished; in the abbreviated handshake ours went first (RFC 5246 §7.3).
Result<HsState> ServerHandshake::on_finished(Engine& e, std::span<const std::uint8_t> body) {
  BARETLS_TRY(e.check_peer_finished(body));
  if (!e.neg.resumption) {
    BARETLS_TRY(queue_new_session_ticket(e));  // RFC 5077 §3.3: before our ChangeCipherSpec
    BARETLS_TRY(e.send_change_cipher_spec());
    BARETLS_TRY(e.send_finished());
  }
  BARETLS_TRY(e.enter_established());
  return HsState::established;
}

// RFC 5746 §4.4 / RFC 5246 §7.2.2: renegotiation is refused with a
// no_renegotiation warning; the connection carries on.
Result<HsState> ServerHandshake::on_renegotiation(Engine& e, std::span<const std::uint8_t>) {
  BARETLS_TRY(e.refuse_renegotiation());
  return HsState::established;
}

std::span<const Row<ServerHandshake>> ServerHandshake::rows() noexcept {
  using H = ServerHandshake;
  // clang-format off
  static constexpr Row<H> kRows[] = {
    {HsState::server_wait_client_hello,        HandshakeType::client_hello,        &H::on_client_hello},
    {HsState::server_wait_client_certificate,  HandshakeType::certificate,         &H::on_client_certificate},
    {HsState::server_wait_client_key_exchange, HandshakeType::client_key_exchange, &H::on_client_key_exchange},
    {HsState::server_wait_certificate_verify,  HandshakeType::certificate_verify,  &H::on_certificate_verify},
    {HsState::server_wait_change_cipher_spec,  kChangeCipherSpec,                  &H::on_change_cipher_spec},
    {HsState::server_wait_finished,            HandshakeType::finished,            &H::on_finished},
    {HsState::established,                     HandshakeType::client_hello,        &H::on_renegotiation},
  };
  // clang-format on
  return kRows;
}

bool ServerHandshake::accepts(HsState s, HandshakeType m) const noexcept {
  return find_handler(rows(), s, m) != nullptr;
}

Result<HsState> ServerHandshake::handle(Engine& e, HandshakeType m, std::span<const std::uint8_t> body) {
  const auto h = find_handler(rows(), e.state, m);
  if (h == nullptr) return Error::internal_error;  // the dispatcher asked accepts() first
  return (this->*h)(e, body);
}

// Client certificates: required means verified in this handshake, or a
// resumed session that carried a verified certificate (RFC 5246 §7.3; the
// session keeps the peer identity, resume_server.cpp).
bool ServerHandshake::proofs_complete(const Engine& e) const noexcept {
  if (cfg_->client_auth != ClientAuth::required) return true;
  return client_verified_ || (session_resumed_ && !e.peer_certificate.empty());
}

// Verified in this handshake, or resumed from a session whose client
// certificate was verified (resume_server.cpp).
bool ServerHandshake::peer_authenticated(const Engine& e) const noexcept {
  return client_verified_.has_value() || (session_resumed_.has_value() && !e.peer_certificate.empty());
}

}  // namespace baretls::tls::detail

// SPDX-License-Identifier: MIT
// TLS 1.3 handshake messages (tls/messages13.h), part 2: negative records.
// Each names the error it must produce: the RFC's vector bounds and trailing
// bytes (decode_*), duplicates, extensions a message may not carry (§4.2),
// and the MUSTs that are properties of one message (pre_shared_key last,
// one binder per identity, key shares, mandatory extensions, the
// HelloRetryRequest, record_size_limit, KeyUpdate). Every truncation of
// each sample message is refused.
#include <doctest/doctest.h>

#include "tests/support/hex.h"
#include "tests/tls/messages13_support.h"
#include "tls/messages13.h"

using namespace baretls;
using namespace baretls::tls;
using namespace baretls::test;

namespace {

Bytes u16be(std::uint16_t v) { return {static_cast<std::uint8_t>(v >> 8), static_cast<std::uint8_t>(v)}; }
Bytes cat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}
Bytes vec8(const Bytes& b) { return cat({{static_cast<std::uint8_t>(b.size())}, b}); }
Bytes vec16(const Bytes& b) { return cat({u16be(static_cast<std::uint16_t>(b.size())), b}); }

// Extension data of the ClientHello extensions used below.
const Bytes kVersions = vec8(u16be(kTls13));
const Bytes kGroups = vec16(cat({u16be(29), u16be(23)}));
const Bytes kSigAlgs = vec16(u16be(0x0403));
Bytes share(std::uint16_t group, std::size_t size) { return cat({u16be(group), vec16(Bytes(size, 0x09))}); }
const Bytes kKeyShare = vec16(share(29, 32));
const Bytes kModes = vec8({kPskDheKe});
Bytes psk(std::size_t identities, std::size_t binders, std::size_t binder_size = 32) {
  Bytes ids, bs;
  for (std::size_t i = 0; i < identities; ++i) ids = cat({ids, vec16(Bytes(16, 0x61)), {0, 0, 0, 1}});
  for (std::size_t i = 0; i < binders; ++i) bs = cat({bs, vec8(Bytes(binder_size, 0x62))});
  return cat({vec16(ids), vec16(bs)});
}

// legacy_version, random, legacy_session_id, cipher_suites, compression, extensions.
Bytes client_hello_with(const std::vector<RawExtension>& exts, const Bytes& compression = {0}) {
  return cat({u16be(kTls12), Bytes(32, 0x01), {0}, vec16(u16be(0x1301)), vec8(compression), extension_block(exts)});
}
std::vector<RawExtension> base_extensions() {
  return {{ext13::supported_versions, kVersions}, {ext13::supported_groups, kGroups},
          {ext13::signature_algorithms, kSigAlgs}, {ext13::key_share, kKeyShare}};
}
std::vector<RawExtension> plus(std::vector<RawExtension> exts, std::initializer_list<RawExtension> more) {
  exts.insert(exts.end(), more);
  return exts;
}

Error parse_error(const Bytes& body) {
  const auto ch = ClientHello13::parse(body);
  return ch.ok() ? Error::ok : ch.error();
}
Error check_error(const Bytes& body) {
  const auto ch = ClientHello13::parse(body);
  REQUIRE_MESSAGE(ch.ok(), to_string(ch.error()));
  return ch->check_tls13();
}

template <typename M>
Error error_of(const Bytes& body) {
  const auto m = M::parse(body);
  return m.ok() ? Error::ok : m.error();
}

// Every strict prefix and one extra byte refused; returns the count.
template <typename Parse>
std::size_t check_truncations(const Bytes& body, Parse parse, std::size_t legal_prefix = SIZE_MAX) {
  std::size_t n = 0;
  for (std::size_t len = 0; len < body.size(); ++len, ++n) {
    if (len == legal_prefix) continue;
    CHECK_MESSAGE(!parse(Bytes(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(len))), "prefix " << len);
  }
  Bytes longer = body;
  longer.push_back(0);
  CHECK(!parse(longer));
  return n + 1;
}

}  // namespace

TEST_CASE("TLS 1.3 ClientHello: the MUSTs of one message (check_tls13)") {
  CHECK(check_error(client_hello_with(base_extensions())) == Error::ok);
  const auto with_psk = plus(base_extensions(), {{ext13::psk_key_exchange_modes, kModes}, {ext13::pre_shared_key, psk(1, 1)}});
  CHECK(check_error(client_hello_with(with_psk)) == Error::ok);
  // §4.2.11: pre_shared_key MUST be the last extension.
  const auto not_last = plus(base_extensions(), {{ext13::pre_shared_key, psk(1, 1)}, {ext13::psk_key_exchange_modes, kModes}});
  CHECK(check_error(client_hello_with(not_last)) == Error::pre_shared_key_not_last);
  const auto ch = ClientHello13::parse(client_hello_with(not_last));
  REQUIRE(ch.ok());
  CHECK(truncate_client_hello(Bytes(200), *ch).error() == Error::pre_shared_key_not_last);
  // One binder per identity.
  CHECK(check_error(client_hello_with(plus(base_extensions(), {{ext13::psk_key_exchange_modes, kModes},
                                                                {ext13::pre_shared_key, psk(2, 1)}}))) ==
        Error::psk_binder_count_mismatch);
  // §4.2.9: pre_shared_key without psk_key_exchange_modes.
  CHECK(check_error(client_hello_with(plus(base_extensions(), {{ext13::pre_shared_key, psk(1, 1)}}))) ==
        Error::missing_extension);
  // §4.2.8: two shares for one group; a share for a group not in supported_groups.
  auto exts = base_extensions();
  exts[3].data = vec16(cat({share(29, 32), share(29, 32)}));
  CHECK(check_error(client_hello_with(exts)) == Error::duplicate_key_share_group);
  exts[3].data = vec16(cat({share(29, 32), share(24, 97)}));
  CHECK(check_error(client_hello_with(exts)) == Error::key_share_group_not_offered);
  exts[3].data = vec16({});  // an empty client_shares is allowed (§4.2.8)
  CHECK(check_error(client_hello_with(exts)) == Error::ok);
  // §9.2: supported_groups <-> key_share; signature_algorithms without a PSK; supported_versions.
  for (std::size_t drop = 0; drop < 4; ++drop) {
    auto fewer = base_extensions();
    fewer.erase(fewer.begin() + static_cast<std::ptrdiff_t>(drop));
    CHECK_MESSAGE(check_error(client_hello_with(fewer)) == Error::missing_extension, "without extension " << drop);
  }
  // §4.1.2: legacy_compression_methods other than exactly { 0 }.
  CHECK(check_error(client_hello_with(base_extensions(), {0, 1})) == Error::compression_not_null);
  CHECK(check_error(client_hello_with(base_extensions(), {1})) == Error::compression_not_null);
}

TEST_CASE("TLS 1.3 ClientHello: bounds, trailing bytes, duplicates") {
  const auto with = [](std::uint16_t type, const Bytes& data) {
    return parse_error(client_hello_with(plus(base_extensions(), {{type, data}})));
  };
  CHECK(with(ext13::pre_shared_key, cat({vec16({}), vec16(vec8(Bytes(32, 1)))})) == Error::decode_bad_length);
  CHECK(with(ext13::pre_shared_key, cat({vec16(cat({vec16({}), {0, 0, 0, 0}})), vec16(vec8(Bytes(32, 1)))})) ==
        Error::decode_bad_length);  // identity<1..2^16-1>
  CHECK(with(ext13::pre_shared_key, psk(1, 1, 31)) == Error::decode_bad_length);  // PskBinderEntry<32..255>
  CHECK(with(ext13::pre_shared_key, psk(1, 0)) == Error::decode_bad_length);  // binders<33..2^16-1>
  CHECK(with(ext13::pre_shared_key, cat({psk(1, 1), {0}})) == Error::decode_trailing_data);
  CHECK(with(ext13::psk_key_exchange_modes, vec8({})) == Error::decode_bad_length);
  CHECK(with(ext13::cookie, vec16({})) == Error::decode_bad_length);
  CHECK(with(ext13::signature_algorithms_cert, vec16({4, 3, 5})) == Error::decode_bad_length);
  CHECK(with(ext13::early_data, {0}) == Error::decode_trailing_data);
  CHECK(with(ext13::key_share, cat({kKeyShare, {0}})) == Error::decode_duplicate_extension);
  auto exts = base_extensions();
  exts[3].data = vec16(share(29, 0));  // key_exchange<1..2^16-1>
  CHECK(parse_error(client_hello_with(exts)) == Error::decode_bad_length);
  exts[3].data = cat({kKeyShare, {0}});
  CHECK(parse_error(client_hello_with(exts)) == Error::decode_trailing_data);
  exts[3].data = vec16(cat({share(29, 32), {0}}));
  CHECK(parse_error(client_hello_with(exts)) == Error::decode_truncated);
  // Unknown extensions are ignored (§4.1.2), known ones parsed by ClientHello.
  CHECK(with(0x7777, Bytes(5, 1)) == Error::ok);
  // Every truncation of a full sample is refused (but the one before the
  // extensions, a valid TLS 1.2 hello: RFC 5246 §7.4.1.2).
  const Bytes body = serialize_body(sample_client_hello13());
  const std::size_t before_extensions = 2 + 32 + 1 + 32 + 2 + 8 + 2;
  const auto n = check_truncations(body, [](const Bytes& b) { return ClientHello13::parse(b).ok(); }, before_extensions);
  CHECK(n == body.size() + 1);
}

namespace {
// legacy_version, random, legacy_session_id_echo, cipher_suite, compression, extensions.
Bytes server_hello_with(const std::vector<RawExtension>& exts, bool hrr = false, std::uint8_t compression = 0) {
  const Bytes random = hrr ? Bytes(kHelloRetryRequestRandom.begin(), kHelloRetryRequestRandom.end()) : Bytes(32, 7);
  return cat({u16be(kTls12), random, {0}, u16be(0x1301), {compression}, extension_block(exts)});
}
const RawExtension kSelectedVersion{ext13::supported_versions, u16be(kTls13)};
const RawExtension kServerShare{ext13::key_share, share(29, 32)};
}  // namespace

TEST_CASE("TLS 1.3 ServerHello and HelloRetryRequest: negative records") {
  const auto sh = [](std::vector<RawExtension> exts, bool hrr = false) {
    return error_of<ServerHello13>(server_hello_with(exts, hrr));
  };
  CHECK(sh({kServerShare, kSelectedVersion}) == Error::ok);
  CHECK(sh({{ext13::key_share, u16be(23)}, kSelectedVersion}, true) == Error::ok);
  CHECK(sh({kServerShare}) == Error::missing_extension);
  CHECK(sh({kServerShare, {ext13::supported_versions, u16be(kTls12)}}) == Error::unoffered_version);
  CHECK(sh({kSelectedVersion}) == Error::missing_extension);  // neither key_share nor pre_shared_key
  CHECK(sh({kSelectedVersion}, true) == Error::useless_hello_retry_request);
  CHECK(sh({kServerShare, kSelectedVersion, {ext13::cookie, vec16({1})}}) == Error::extension_not_allowed);
  CHECK(sh({{ext13::key_share, u16be(23)}, kSelectedVersion, {ext13::pre_shared_key, u16be(0)}}, true) ==
        Error::extension_not_allowed);
  CHECK(sh({kServerShare, kSelectedVersion, {ext13::server_name, {}}}) == Error::extension_not_allowed);
  CHECK(sh({kServerShare, kSelectedVersion, {0x7777, {}}}) == Error::unoffered_extension);
  CHECK(sh({kServerShare, kSelectedVersion, kServerShare}) == Error::decode_duplicate_extension);
  CHECK(sh({{ext13::key_share, cat({share(29, 32), {0}})}, kSelectedVersion}) == Error::decode_trailing_data);
  CHECK(sh({{ext13::key_share, share(29, 32)}, kSelectedVersion}, true) == Error::decode_trailing_data);
  CHECK(sh({{ext13::key_share, u16be(23)}, kSelectedVersion, {ext13::cookie, vec16({})}}, true) ==
        Error::decode_bad_length);
  CHECK(sh({{ext13::supported_versions, {3}}, kServerShare}) == Error::decode_truncated);
  CHECK(error_of<ServerHello13>(server_hello_with({kServerShare, kSelectedVersion}, false, 1)) ==
        Error::compression_not_null);
  // Extension extensions<6..2^16-1>.
  CHECK(error_of<ServerHello13>(cat({u16be(kTls12), Bytes(32, 7), {0}, u16be(0x1301), {0}, vec16({})})) ==
        Error::decode_bad_length);
  const Bytes body = serialize_body(sample_server_hello13(false));
  CHECK(check_truncations(body, [](const Bytes& b) { return ServerHello13::parse(b).ok(); }) == body.size() + 1);
  const Bytes hrr = serialize_body(sample_server_hello13(true));
  CHECK(check_truncations(hrr, [](const Bytes& b) { return ServerHello13::parse(b).ok(); }) == hrr.size() + 1);
  // The version a ServerHello selects: supported_versions, else legacy_version.
  CHECK(server_hello_version(body).value() == kTls13);
  ServerHello tls12;
  tls12.extended_master_secret = true;
  CHECK(server_hello_version(serialize_body(tls12)).value() == kTls12);
  CHECK(server_hello_version(Bytes(10)).error() == Error::decode_truncated);
}

TEST_CASE("TLS 1.3 EncryptedExtensions and CertificateRequest: negative records") {
  const auto ee = [](std::vector<RawExtension> exts) { return error_of<EncryptedExtensions>(extension_block(exts)); };
  CHECK(ee({}) == Error::ok);
  CHECK(error_of<EncryptedExtensions>({}) == Error::decode_truncated);
  CHECK(ee({{ext13::key_share, share(29, 32)}}) == Error::extension_not_allowed);
  CHECK(ee({{ext13::supported_versions, u16be(kTls13)}}) == Error::extension_not_allowed);
  CHECK(ee({{ext13::max_fragment_length, {1}}}) == Error::unoffered_extension);  // allowed, never offered
  CHECK(ee({{0x7777, {}}}) == Error::unoffered_extension);
  CHECK(ee({{ext13::record_size_limit, u16be(63)}}) == Error::bad_record_size_limit);
  CHECK(ee({{ext13::record_size_limit, u16be(64)}}) == Error::ok);
  CHECK(ee({{ext13::server_name, {0}}}) == Error::decode_trailing_data);
  CHECK(ee({{ext13::early_data, {0, 0, 0, 0}}}) == Error::decode_trailing_data);
  CHECK(ee({{ext13::application_layer_protocol_negotiation, vec16(cat({vec8({'h', '2'}), vec8({'h'})}))}}) ==
        Error::decode_trailing_data);  // RFC 7301 §3.1: exactly one name
  CHECK(ee({{ext13::supported_groups, vec16({})}}) == Error::decode_bad_length);
  CHECK(ee({{ext13::server_name, {}}, {ext13::server_name, {}}}) == Error::decode_duplicate_extension);
  const Bytes ee_body = serialize_body(sample_encrypted_extensions());
  CHECK(check_truncations(ee_body, [](const Bytes& b) { return EncryptedExtensions::parse(b).ok(); }) ==
        ee_body.size() + 1);

  const auto cr = [](const Bytes& context, std::vector<RawExtension> exts) {
    return error_of<CertificateRequest13>(cat({vec8(context), extension_block(exts)}));
  };
  const RawExtension sig_algs{ext13::signature_algorithms, kSigAlgs};
  CHECK(cr({}, {sig_algs}) == Error::ok);
  CHECK(cr({1, 2}, {sig_algs, {0x7777, {1}}, {ext13::oid_filters, {0, 0}}}) == Error::ok);  // ignored
  CHECK(cr({}, {{ext13::signature_algorithms_cert, kSigAlgs}}) == Error::missing_extension);
  CHECK(cr({}, {}) == Error::decode_bad_length);  // extensions<2..2^16-1>
  CHECK(cr({}, {sig_algs, {ext13::key_share, share(29, 32)}}) == Error::extension_not_allowed);
  CHECK(cr({}, {sig_algs, {ext13::certificate_authorities, vec16(vec16({}))}}) == Error::decode_bad_length);
  CHECK(cr({}, {sig_algs, sig_algs}) == Error::decode_duplicate_extension);
  const Bytes cr_body = serialize_body(sample_certificate_request13());
  CHECK(check_truncations(cr_body, [](const Bytes& b) { return CertificateRequest13::parse(b).ok(); }) ==
        cr_body.size() + 1);
}

TEST_CASE("TLS 1.3 Certificate, Finished, NewSessionTicket, KeyUpdate: negative records") {
  const auto entry = [](const Bytes& cert, const Bytes& exts) {
    return cat({{static_cast<std::uint8_t>(cert.size() >> 16), static_cast<std::uint8_t>(cert.size() >> 8),
                 static_cast<std::uint8_t>(cert.size())},
                cert, exts});
  };
  const auto certificate = [](const Bytes& entries) {
    return cat({vec8({}), {static_cast<std::uint8_t>(entries.size() >> 16), static_cast<std::uint8_t>(entries.size() >> 8),
                           static_cast<std::uint8_t>(entries.size())},
                entries});
  };
  CHECK(error_of<Certificate13>(certificate(entry(Bytes(10, 0x30), vec16({})))) == Error::ok);
  CHECK(error_of<Certificate13>(certificate({})) == Error::ok);  // an empty client Certificate
  CHECK(error_of<Certificate13>(certificate(entry({}, vec16({})))) == Error::decode_bad_length);
  CHECK(error_of<Certificate13>(certificate(entry(Bytes(10, 0x30), extension_block({{ext13::status_request, {}}})))) ==
        Error::unoffered_extension);  // never requested
  CHECK(error_of<Certificate13>(certificate(entry(Bytes(10, 0x30), extension_block({{ext13::key_share, {}}})))) ==
        Error::extension_not_allowed);
  CHECK(error_of<Certificate13>(certificate(entry(Bytes(10, 0x30), {}))) == Error::decode_truncated);
  Certificate13 sample;
  sample.certificate_list = {Bytes(40, 0x30), Bytes(20, 0x31)};
  const Bytes cert_body = serialize_body(sample);
  CHECK(check_truncations(cert_body, [](const Bytes& b) { return Certificate13::parse(b).ok(); }) ==
        cert_body.size() + 1);

  CHECK(Finished13::parse(Bytes(32), crypto::HashId::sha256).ok());
  CHECK(Finished13::parse(Bytes(48), crypto::HashId::sha256).error() == Error::decode_bad_length);
  CHECK(Finished13::parse(Bytes(32), crypto::HashId::sha384).error() == Error::decode_bad_length);
  CHECK(Finished13::parse(Bytes(12), crypto::HashId::sha256).error() == Error::decode_bad_length);

  const auto nst = [](const Bytes& ticket, const Bytes& exts) {
    return error_of<NewSessionTicket13>(cat({Bytes(8, 0), vec8({1}), vec16(ticket), exts}));
  };
  CHECK(nst({1}, vec16({})) == Error::ok);
  CHECK(nst({}, vec16({})) == Error::decode_bad_length);  // ticket<1..2^16-1>
  CHECK(nst({1}, extension_block({{0x7777, {1}}})) == Error::ok);  // "Clients MUST ignore unrecognized extensions"
  CHECK(nst({1}, extension_block({{ext13::key_share, {}}})) == Error::extension_not_allowed);
  CHECK(nst({1}, extension_block({{ext13::early_data, {0, 0, 4}}})) == Error::decode_truncated);
  CHECK(nst({1}, extension_block({{ext13::early_data, {0, 0, 4, 0, 0}}})) == Error::decode_trailing_data);
  CHECK(nst({1}, {}) == Error::decode_truncated);
  const Bytes nst_body = serialize_body(sample_new_session_ticket13());
  CHECK(check_truncations(nst_body, [](const Bytes& b) { return NewSessionTicket13::parse(b).ok(); }) ==
        nst_body.size() + 1);

  CHECK(KeyUpdate::parse(Bytes{0}).ok());
  CHECK(KeyUpdate::parse(Bytes{1}).ok());
  CHECK(KeyUpdate::parse(Bytes{2}).error() == Error::bad_key_update_request);
  CHECK(KeyUpdate::parse(Bytes{255}).error() == Error::bad_key_update_request);
  CHECK(KeyUpdate::parse(Bytes{}).error() == Error::decode_truncated);
  CHECK(KeyUpdate::parse(Bytes{0, 0}).error() == Error::decode_trailing_data);
  // EndOfEarlyData is empty (RFC 8446 §4.5); a server that accepted no early
  // data refuses the message itself (unexpected_message, in the handshake).
  CHECK(parse_empty(Bytes{}) == Error::ok);
  CHECK(parse_empty(Bytes{0}) == Error::decode_trailing_data);
}

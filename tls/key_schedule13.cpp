// SPDX-License-Identifier: MIT
// The TLS 1.3 key schedule, RFC 8446 §7.1-7.5, §4.4.4, §4.6.1; see
// key_schedule13.h.
#include "tls/key_schedule13.h"

#include <algorithm>

#include "baretls/crypto/ct.h"
#include "baretls/crypto/hkdf.h"
#include "baretls/crypto/hmac.h"

namespace baretls::tls {

namespace {

constexpr std::string_view kLabelPrefix = "tls13 ";
// opaque label<7..255> = "tls13 " + Label;  opaque context<0..255>;
constexpr std::size_t kMaxLabel = 255 - kLabelPrefix.size();
constexpr std::size_t kMaxContext = 255;
// uint16 length + 1 + label + 1 + context
constexpr std::size_t kMaxHkdfLabel = 2 + 1 + 255 + 1 + kMaxContext;

// HkdfLabel for lengths already checked; returns its size. Not secret.
std::size_t write_hkdf_label(std::span<std::uint8_t, kMaxHkdfLabel> buf, std::size_t length, std::string_view label,
                             std::span<const std::uint8_t> context) noexcept {
  std::size_t n = 0;
  buf[n++] = static_cast<std::uint8_t>(length >> 8);
  buf[n++] = static_cast<std::uint8_t>(length);
  buf[n++] = static_cast<std::uint8_t>(kLabelPrefix.size() + label.size());
  for (const char c : kLabelPrefix) buf[n++] = static_cast<std::uint8_t>(c);
  for (const char c : label) buf[n++] = static_cast<std::uint8_t>(c);
  buf[n++] = static_cast<std::uint8_t>(context.size());
  for (const std::uint8_t b : context) buf[n++] = b;
  return n;
}

// Expand-Label with one of the schedule's own labels (at most 12 bytes) and a
// context of at most Hash.length bytes into a fresh Hash.length secret: the
// bounds of hkdf_expand_label hold, so it cannot fail.
Secret13 expand_secret(const Secret13& secret, std::string_view label, std::span<const std::uint8_t> context) noexcept {
  Secret13 out(secret.hash());
  const Error e = hkdf_expand_label(secret.hash(), secret.expose(), label, context, out.expose());
  static_cast<void>(e);  // always ok: see above
  return out;
}

// Derive-Secret(Secret, Label, Messages) with Transcript-Hash(Messages) given.
Secret13 derive(const Secret13& secret, std::string_view label, const TranscriptHash& messages) noexcept {
  return expand_secret(secret, label, messages.bytes());
}

// Derive-Secret(secret, "derived", "") as the salt of the next HKDF-Extract.
Secret13 extract_next(const Secret13& previous, std::span<const std::uint8_t> ikm, Secret13 into) noexcept {
  const Secret13 salt = derive(previous, "derived", TranscriptHash::of(previous.hash(), {}));
  const crypto::Error e = crypto::hkdf_extract(previous.hash(), salt.expose(), ikm, into.expose());
  static_cast<void>(e);  // `into` holds exactly Hash.length bytes
  return into;
}

}  // namespace

std::optional<Secret13> Secret13::from_bytes(crypto::HashId hash, std::span<const std::uint8_t> bytes) noexcept {
  Secret13 s(hash);
  if (bytes.size() != s.size()) return std::nullopt;
  std::copy(bytes.begin(), bytes.end(), s.expose().begin());
  return s;
}

TranscriptHash TranscriptHash::of(crypto::HashId hash, std::span<const std::uint8_t> messages) noexcept {
  TranscriptHash t(hash);
  crypto::hash(hash, messages, t.bytes_);
  return t;
}

std::optional<TranscriptHash> TranscriptHash::from_bytes(crypto::HashId hash,
                                                         std::span<const std::uint8_t> digest) noexcept {
  TranscriptHash t(hash);
  if (digest.size() != crypto::digest_size(hash)) return std::nullopt;
  std::copy(digest.begin(), digest.end(), t.bytes_.begin());
  return t;
}

MessageHash make_message_hash(const TranscriptHash& client_hello1) noexcept {
  // RFC 8446 §4.4.1: Transcript-Hash(ClientHello1, HelloRetryRequest, ... Mn) =
  //   Hash(message_hash ||        /* Handshake type */
  //        00 00 Hash.length  ||  /* Handshake message length (bytes) */
  //        Hash(ClientHello1) ||  /* Hash of ClientHello1 */
  //        HelloRetryRequest  || ... || Mn)
  const auto digest = client_hello1.bytes();
  MessageHash m;
  m.bytes[0] = 254;  // HandshakeType message_hash
  m.bytes[1] = 0;
  m.bytes[2] = 0;
  m.bytes[3] = static_cast<std::uint8_t>(digest.size());
  std::copy(digest.begin(), digest.end(), m.bytes.begin() + 4);
  m.size = 4 + digest.size();
  return m;
}

Error hkdf_expand_label(crypto::HashId hash, std::span<const std::uint8_t> secret, std::string_view label,
                        std::span<const std::uint8_t> context, std::span<std::uint8_t> out) noexcept {
  // Lengths are public; refuse what HkdfLabel or HKDF-Expand cannot carry.
  if (label.size() > kMaxLabel || context.size() > kMaxContext || out.size() > crypto::hkdf_max_output(hash))
    return Error::invalid_argument;
  std::array<std::uint8_t, kMaxHkdfLabel> info;
  const std::size_t n = write_hkdf_label(info, out.size(), label, context);
  const crypto::Error e = crypto::hkdf_expand(hash, secret, std::span<const std::uint8_t>(info).first(n), out);
  return e == crypto::Error::ok ? Error::ok : Error::invalid_argument;
}

EarlySecret EarlySecret::without_psk(crypto::HashId hash) noexcept {
  const std::array<std::uint8_t, kMaxHashSize13> zeros{};
  return with_psk(hash, std::span<const std::uint8_t>(zeros).first(crypto::digest_size(hash)));
}

EarlySecret EarlySecret::with_psk(crypto::HashId hash, std::span<const std::uint8_t> psk) noexcept {
  // RFC 8446 §7.1: "0" is a string of Hash.length zero bytes (the salt here).
  EarlySecret early(hash);
  const std::array<std::uint8_t, kMaxHashSize13> zeros{};
  const auto salt = std::span<const std::uint8_t>(zeros).first(crypto::digest_size(hash));
  const crypto::Error e = crypto::hkdf_extract(hash, salt, psk, early.secret_.expose());
  static_cast<void>(e);  // the secret holds exactly Hash.length bytes
  return early;
}

Secret13 EarlySecret::binder_key(PskKind kind) const noexcept {
  const auto empty = TranscriptHash::of(secret_.hash(), {});
  return derive(secret_, kind == PskKind::external ? "ext binder" : "res binder", empty);
}

Secret13 EarlySecret::client_early_traffic_secret(const TranscriptHash& client_hello) const noexcept {
  return derive(secret_, "c e traffic", client_hello);
}

Secret13 EarlySecret::early_exporter_master_secret(const TranscriptHash& client_hello) const noexcept {
  return derive(secret_, "e exp master", client_hello);
}

HandshakeSecret EarlySecret::handshake_secret(std::span<const std::uint8_t> ecdhe_shared_secret) const noexcept {
  HandshakeSecret hs(secret_.hash());
  hs.secret_ = extract_next(secret_, ecdhe_shared_secret, Secret13(secret_.hash()));
  return hs;
}

Secret13 HandshakeSecret::client_handshake_traffic_secret(const TranscriptHash& hello) const noexcept {
  return derive(secret_, "c hs traffic", hello);
}

Secret13 HandshakeSecret::server_handshake_traffic_secret(const TranscriptHash& hello) const noexcept {
  return derive(secret_, "s hs traffic", hello);
}

MasterSecret13 HandshakeSecret::master_secret() const noexcept {
  // RFC 8446 §7.1: "0 -> HKDF-Extract = Master Secret", 0 being Hash.length zeros.
  MasterSecret13 ms(secret_.hash());
  const std::array<std::uint8_t, kMaxHashSize13> zeros{};
  ms.secret_ = extract_next(secret_, std::span<const std::uint8_t>(zeros).first(secret_.size()),
                            Secret13(secret_.hash()));
  return ms;
}

Secret13 MasterSecret13::client_application_traffic_secret_0(const TranscriptHash& server_finished) const noexcept {
  return derive(secret_, "c ap traffic", server_finished);
}

Secret13 MasterSecret13::server_application_traffic_secret_0(const TranscriptHash& server_finished) const noexcept {
  return derive(secret_, "s ap traffic", server_finished);
}

Secret13 MasterSecret13::exporter_master_secret(const TranscriptHash& server_finished) const noexcept {
  return derive(secret_, "exp master", server_finished);
}

Secret13 MasterSecret13::resumption_master_secret(const TranscriptHash& client_finished) const noexcept {
  return derive(secret_, "res master", client_finished);
}

DirectionKeys derive_traffic_keys13(const Secret13& traffic_secret, crypto::AeadAlgorithm aead) noexcept {
  DirectionKeys keys;
  keys.key_length = crypto::Aead::key_size(aead);
  keys.iv_length = 12;
  const Error ek = hkdf_expand_label(traffic_secret.hash(), traffic_secret.expose(), "key", {},
                                     keys.key.expose().first(keys.key_length));
  const Error ei = hkdf_expand_label(traffic_secret.hash(), traffic_secret.expose(), "iv", {}, keys.iv.expose());
  static_cast<void>(ek);  // fixed labels, no context, at most 32 bytes: always ok
  static_cast<void>(ei);
  return keys;
}

Secret13 next_application_traffic_secret(const Secret13& current) noexcept {
  return expand_secret(current, "traffic upd", {});
}

Secret13 finished_key(const Secret13& base_key) noexcept { return expand_secret(base_key, "finished", {}); }

VerifyData13 compute_verify_data13(const Secret13& base_key, const TranscriptHash& context) noexcept {
  const Secret13 key = finished_key(base_key);
  VerifyData13 out;
  out.size = crypto::Hmac::mac(base_key.hash(), key.expose(), context.bytes(), out.bytes);
  return out;
}

namespace {
Error check_mac13(const Secret13& base_key, const TranscriptHash& context, std::span<const std::uint8_t> received,
                  Error mismatch) noexcept {
  const VerifyData13 expected = compute_verify_data13(base_key, context);
  // ct::equal compares in time that depends only on the (public) lengths.
  return crypto::ct::equal(expected.view(), received).to_bool() ? Error::ok : mismatch;
}
}  // namespace

Error check_finished13(const Secret13& base_key, const TranscriptHash& context,
                       std::span<const std::uint8_t> verify_data) noexcept {
  return check_mac13(base_key, context, verify_data, Error::bad_finished);
}

Error check_binder13(const Secret13& binder_key, const TranscriptHash& truncated_client_hello,
                     std::span<const std::uint8_t> binder) noexcept {
  return check_mac13(binder_key, truncated_client_hello, binder, Error::bad_psk_binder);
}

Result<Secret13> resumption_psk(const Secret13& resumption_master_secret,
                                std::span<const std::uint8_t> ticket_nonce) noexcept {
  Secret13 psk(resumption_master_secret.hash());
  BARETLS_TRY(hkdf_expand_label(psk.hash(), resumption_master_secret.expose(), "resumption", ticket_nonce,
                                psk.expose()));
  return psk;
}

Error tls13_exporter(const Secret13& exporter_master_secret, std::string_view label,
                     std::span<const std::uint8_t> context_value, std::span<std::uint8_t> out) noexcept {
  const crypto::HashId hash = exporter_master_secret.hash();
  // Derive-Secret(Secret, label, "")
  Secret13 derived(hash);
  BARETLS_TRY(hkdf_expand_label(hash, exporter_master_secret.expose(), label, TranscriptHash::of(hash, {}).bytes(),
                                derived.expose()));
  // HKDF-Expand-Label(., "exporter", Hash(context_value), key_length)
  return hkdf_expand_label(hash, derived.expose(), "exporter", TranscriptHash::of(hash, context_value).bytes(), out);
}

}  // namespace baretls::tls

// SPDX-License-Identifier: MIT
// Handshake steps shared by client and server: queueing messages into the
// transcript, ChangeCipherSpec (RFC 5246 §7.1), key derivation (RFC 5246
// §8.1 / RFC 7627 §4, §6.3) and Finished (RFC 5246 §7.4.9).
#include <algorithm>

#include "baretls/crypto/ct.h"
#include "tls/engine.h"
#include "tls/features.h"
#include "tls/inspect_hook.h"

namespace baretls::tls::detail {

Error Engine::queue_bytes(std::size_t start) {
  const auto message = std::span<const std::uint8_t>(channel.flight()).subspan(start);
  if (message.size() < kHandshakeHeaderSize) return Error::internal_error;
  const auto type = static_cast<HandshakeType>(message[0]);
  inspect_handshake(config(), role == Role::client, true, message, neg.suite);
  if (type != HandshakeType::hello_request) transcript.update(message);
  return Error::ok;
}

// RFC 5246 §7.1: struct { enum { change_cipher_spec(1), (255) } type; }
// After sending it, the write side switches to the pending keys.
Error Engine::send_change_cipher_spec() {
  BARETLS_TRY(channel.flush_flight());
  const std::uint8_t ccs[1] = {1};
  BARETLS_TRY(channel.seal(ContentType::change_cipher_spec, ccs));
  const auto& keys = role == Role::client ? neg.keys.client_write : neg.keys.server_write;
  return channel.record().enable_write(neg.suite->aead, keys);
}

// RFC 5246 §7.1: the peer's ChangeCipherSpec switches our read side to its
// write keys (full and abbreviated handshakes alike).
Error Engine::receive_change_cipher_spec() {
  const auto& keys = role == Role::client ? neg.keys.server_write : neg.keys.client_write;
  return channel.record().enable_read(neg.suite->aead, keys);
}

Error Engine::derive_keys(std::span<const std::uint8_t> pre_master_secret) {
  const auto prf = neg.suite->prf_hash;
  if (neg.extended_master_secret) {
    // RFC 7627 §3: session_hash = Hash(handshake_messages) through ClientKeyExchange.
    std::array<std::uint8_t, crypto::kMaxDigestSize> session_hash{};
    const std::size_t n = transcript.snapshot(session_hash);
    neg.master = derive_extended_master_secret(prf, pre_master_secret, std::span(session_hash).first(n));
    inspect_value(*this, InspectKind::value, "session_hash", std::span(session_hash).first(n));
  } else {
    neg.master = derive_master_secret(prf, pre_master_secret, neg.client_random, neg.server_random);
  }
  neg.keys = derive_traffic_keys(*neg.suite, neg.master, neg.client_random, neg.server_random);
  log_master_secret(*this);
  inspect_key_schedule(*this, pre_master_secret);
  return Error::ok;
}

Error Engine::send_finished() {
  std::array<std::uint8_t, crypto::kMaxDigestSize> hash{};
  const std::size_t n = transcript.snapshot(hash);
  Finished f;
  const auto label = role == Role::client ? FinishedLabel::client : FinishedLabel::server;
  f.verify_data = compute_verify_data(neg.suite->prf_hash, neg.master, label, std::span(hash).first(n));
  (role == Role::client ? client_verify_data : server_verify_data) = f.verify_data;
  inspect_finished(*this, role == Role::client ? "client_verify_data" : "server_verify_data", std::span(hash).first(n),
                   f.verify_data);
  BARETLS_TRY(queue_handshake(HandshakeType::finished, f));
  return channel.flush_flight();
}

// RFC 5246 §7.4.9: "Recipients of Finished messages MUST verify that the
// contents are correct." Compared in constant time.
Error Engine::check_peer_finished(std::span<const std::uint8_t> body) {
  auto f = Finished::parse(body);
  if (!f) return f.error();
  const auto label = role == Role::client ? FinishedLabel::server : FinishedLabel::client;
  const auto before = std::span(neg.before_hash).first(neg.before_hash_size);
  const auto expected = compute_verify_data(neg.suite->prf_hash, neg.master, label, before);
  inspect_finished(*this, role == Role::client ? "expected_server_verify_data" : "expected_client_verify_data", before,
                   expected);
  if (!crypto::ct::equal(expected, f->verify_data).to_bool()) return Error::bad_finished;
  (role == Role::client ? server_verify_data : client_verify_data) = f->verify_data;
  finished_verified = FinishedVerified();
  return Error::ok;
}

// Traffic needs every proof that applies (docs/ARCHITECTURE.md): the peer's
// Finished, and the role's own (Handshake::proofs_complete).
Error Engine::enter_established() {
  if (!finished_verified || !handshake->proofs_complete(*this)) return Error::internal_error;
  suite = neg.suite->id;
  group = neg.group;
  scheme = neg.scheme;
  ems = neg.extended_master_secret;
  log_master_secret(*this);  // once per connection; here for handshakes that skip derive_keys
  transcript.stop_keeping();
  resumed = neg.resumption;
  handshake->save_session(*this);  // resumption: before the master secret is wiped
  neg.master.wipe();
  handshake->wipe();
  neg.keys = TrafficKeys{};
  inspect_complete(config(), role == Role::client, *neg.suite);
  return Error::ok;
}

std::vector<std::uint16_t> config_suites(const CommonConfig& c) {
  std::vector<std::uint16_t> v;
  for (const auto s : c.cipher_suites) v.push_back(static_cast<std::uint16_t>(s));
  return v;
}

bool config_has_group(const CommonConfig& c, std::uint16_t code) {
  return std::any_of(c.groups.begin(), c.groups.end(),
                     [code](NamedGroup g) { return static_cast<std::uint16_t>(g) == code; });
}

bool config_has_scheme(const CommonConfig& c, std::uint16_t code) {
  return std::any_of(c.signature_schemes.begin(), c.signature_schemes.end(),
                     [code](SignatureScheme s) { return static_cast<std::uint16_t>(s) == code; });
}

std::int64_t config_now(const CommonConfig& c) { return c.clock.now != nullptr ? c.clock.now(c.clock.ctx) : 0; }

std::string_view to_string(HsState s) noexcept {
  switch (s) {
    case HsState::client_wait_server_hello: return "client_wait_server_hello";
    case HsState::client_wait_certificate: return "client_wait_certificate";
    case HsState::client_wait_server_key_exchange: return "client_wait_server_key_exchange";
    case HsState::client_wait_server_hello_done: return "client_wait_server_hello_done";
    case HsState::client_wait_new_session_ticket: return "client_wait_new_session_ticket";
    case HsState::client_wait_change_cipher_spec: return "client_wait_change_cipher_spec";
    case HsState::client_wait_finished: return "client_wait_finished";
    case HsState::server_wait_client_hello: return "server_wait_client_hello";
    case HsState::server_wait_client_certificate: return "server_wait_client_certificate";
    case HsState::server_wait_client_key_exchange: return "server_wait_client_key_exchange";
    case HsState::server_wait_certificate_verify: return "server_wait_certificate_verify";
    case HsState::server_wait_change_cipher_spec: return "server_wait_change_cipher_spec";
    case HsState::server_wait_finished: return "server_wait_finished";
    case HsState::established: return "established";
  }
  return "unknown";
}

}  // namespace baretls::tls::detail

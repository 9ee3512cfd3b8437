// SPDX-License-Identifier: MIT
// The connection engine behind tls::Connection: the record channel it drives
// (channel.h: records, buffers, alert state), the transcript, what both roles
// negotiate, and exactly one role's handshake object (the Handshake
// interface; handshake_client.h, handshake_server.h). What records mean to
// the handshake, application data and the failed state are engine.cpp; the
// dispatcher asks the handshake object's state table (handshake_table.h).
// Internal.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "baretls/tls/config.h"
#include "baretls/tls/connection.h"
#include "baretls/tls/session.h"
#include "tls/channel.h"
#include "tls/handshake_table.h"
#include "tls/key_exchange.h"
#include "tls/key_schedule.h"
#include "tls/messages.h"
#include "tls/record.h"
#include "tls/transcript.h"

namespace baretls::tls::detail {

// Proof tokens (docs/ARCHITECTURE.md): made only by the function that performs
// the check; entering the established state requires each that applies. The
// peer's Finished is checked here (Engine::check_peer_finished); the
// role-specific tokens live with their handshake object
// (handshake_client.h, handshake_server.h).
class FinishedVerified {
  friend struct Engine;
  FinishedVerified() = default;
};

// What both roles negotiate: made by the step that learns it, used by later
// steps, wiped when the handshake ends. Role-specific data lives in the
// handshake object (ClientHandshake, ServerHandshake).
struct Negotiation {
  const SuiteInfo* suite = nullptr;
  std::optional<NamedGroup> group;
  std::optional<SignatureScheme> scheme;
  bool extended_master_secret = false;
  bool secure_renegotiation = false;
  std::uint16_t client_version = 0;
  std::array<std::uint8_t, kRandomSize> client_random{};
  std::array<std::uint8_t, kRandomSize> server_random{};
  MasterSecret master;
  TrafficKeys keys;
  std::vector<std::uint8_t> session_id;  // the session's ID (ServerHello)
  // The flags that pick the next expected message (handshake_table.h), each
  // fixed once: at the hello (resumption, ticket_expected; the server's
  // certificate_requested) or at the client's CertificateRequest.
  bool resumption = false;             // abbreviated handshake (RFC 5246 §7.3)
  bool certificate_requested = false;  // RFC 5246 §7.4.4
  bool ticket_expected = false;        // RFC 5077 §3.3: NewSessionTicket follows (client expects / server sends)
  // The transcript before the message being handled, taken by the
  // dispatcher for every received message: the peer's Finished is checked
  // against its hash (RFC 5246 §7.4.9), a CertificateVerify against the
  // messages themselves (§7.4.8; kept only while one may come).
  std::array<std::uint8_t, crypto::kMaxDigestSize> before_hash{};
  std::size_t before_hash_size = 0;
  std::size_t before_messages_size = 0;
};

// One role's handshake (handshake_client.h, handshake_server.h): its own
// configuration and data, its state table, and what the engine asks of it.
// The engine holds exactly one. A TLS 1.3 pair would implement the same
// interface over the same channel and transcript (docs/ARCHITECTURE.md).
class Handshake {
 public:
  Handshake() = default;
  Handshake(const Handshake&) = delete;
  Handshake& operator=(const Handshake&) = delete;
  virtual ~Handshake() = default;
  [[nodiscard]] virtual const CommonConfig& config() const noexcept = 0;
  // Whether the state table has a row for (s, m); a missing row is unexpected_message.
  [[nodiscard]] virtual bool accepts(HsState s, HandshakeType m) const noexcept = 0;
  // Runs that row's handler on the message body: the next state or an Error.
  [[nodiscard]] virtual Result<HsState> handle(Engine& e, HandshakeType m, std::span<const std::uint8_t> body) = 0;
  // Entering established: the role's proofs, then its session kept (client) or cached (server).
  [[nodiscard]] virtual bool proofs_complete(const Engine& e) const noexcept = 0;
  virtual void save_session(Engine& e) = 0;
  // RFC 5246 §7.2.2: a connection ended by a fatal alert is not resumed.
  virtual void forget_session(Engine& e) = 0;
  // Ephemeral secrets dropped (failure or established).
  virtual void wipe() noexcept = 0;
  [[nodiscard]] virtual bool peer_authenticated(const Engine& e) const noexcept = 0;
  [[nodiscard]] virtual std::optional<Session> session() const = 0;
  [[nodiscard]] virtual std::size_t footprint() const noexcept = 0;
};

struct Engine {
  Role role = Role::client;
  std::unique_ptr<Handshake> handshake;  // the one active role (exactly one, never null once made)

  RecordChannel channel;  // records, buffers, alert state (channel.h)

  Transcript transcript;
  HsState state = HsState::client_wait_server_hello;
  Negotiation neg;
  std::optional<FinishedVerified> finished_verified;

  Error error = Error::ok;
  // Renegotiation requests refused since the last application data: each
  // costs us a record, so a peer may not send them without end.
  static constexpr std::size_t kMaxRenegotiationRefusals = 4;
  std::size_t renegotiation_run = 0;
  [[nodiscard]] Error refuse_renegotiation();

  // Negotiated, kept after the handshake.
  std::optional<CipherSuite> suite;
  std::optional<NamedGroup> group;
  std::optional<SignatureScheme> scheme;
  bool ems = false;
  std::array<std::uint8_t, kVerifyDataSize> client_verify_data{};
  std::array<std::uint8_t, kVerifyDataSize> server_verify_data{};
  bool resumed = false;

  // ALPN, SNI, key log (alpn.cpp, sni.cpp, key_log.cpp)
  std::string alpn_protocol;
  std::string requested_server_name;           // the SNI host_name received (server) or sent (client)
  std::vector<std::uint8_t> peer_certificate;  // the peer's leaf (DER): verified here or by the resumed session
  bool key_logged = false;

  [[nodiscard]] const CommonConfig& config() const noexcept { return handshake->config(); }

  // engine.cpp
  Error fail(Error e);  // the one way into the failed state: first error, alert, wipe, release
  void send_alert(AlertLevel level, Alert a);
  [[nodiscard]] Error pump();                // process buffered records
  [[nodiscard]] Result<std::size_t> feed(std::span<const std::uint8_t> data);
  [[nodiscard]] Result<std::size_t> read(std::span<std::uint8_t> out_buf);
  [[nodiscard]] Result<std::size_t> write(std::span<const std::uint8_t> data);
  [[nodiscard]] std::size_t write_room() const noexcept;
  // Zero-copy I/O (engine.cpp): the free tail of `in`, then how much of it
  // the caller filled; decrypted application data in place, then how much
  // of it the caller used. feed() and read() are built on these.
  [[nodiscard]] std::span<std::uint8_t> input_space();
  [[nodiscard]] Result<std::size_t> commit_input(std::size_t n);
  [[nodiscard]] Result<std::span<const std::uint8_t>> read_view();
  [[nodiscard]] Error consume_read(std::size_t n);
  [[nodiscard]] std::uint32_t state_flags() const noexcept;

  // handshake_common.cpp
  template <typename M>
  [[nodiscard]] Error queue_handshake(HandshakeType type, const M& msg);
  [[nodiscard]] Error queue_bytes(std::size_t start);  // transcript + inspector for flight[start..]
  [[nodiscard]] Error send_change_cipher_spec();
  [[nodiscard]] Error receive_change_cipher_spec();
  [[nodiscard]] Error derive_keys(std::span<const std::uint8_t> pre_master_secret);
  [[nodiscard]] Error send_finished();
  // Verifies the peer's Finished against neg.before_hash (RFC 5246 §7.4.9).
  [[nodiscard]] Error check_peer_finished(std::span<const std::uint8_t> body);
  [[nodiscard]] Error enter_established();

 private:
  [[nodiscard]] Error on_record(const OpenedRecord& rec);
  [[nodiscard]] Error on_handshake_bytes(std::span<const std::uint8_t> data);
  [[nodiscard]] HandshakeBounds handshake_bounds() const noexcept;
  [[nodiscard]] Error on_alert(std::span<const std::uint8_t> body);
  [[nodiscard]] Error dispatch(HandshakeType type, std::span<const std::uint8_t> message);
};

template <typename M>
Error Engine::queue_handshake(HandshakeType type, const M& msg) {
  const std::size_t start = channel.flight().size();
  BARETLS_TRY(append_handshake(channel.flight(), type, msg));
  return queue_bytes(start);
}

// Lists from the configuration as wire codes.
[[nodiscard]] std::vector<std::uint16_t> config_suites(const CommonConfig& c);
[[nodiscard]] bool config_has_group(const CommonConfig& c, std::uint16_t code);
[[nodiscard]] bool config_has_scheme(const CommonConfig& c, std::uint16_t code);
[[nodiscard]] std::int64_t config_now(const CommonConfig& c);

// connection.cpp: Engine& engine_of(Connection&) (declared in connection.h)
// hands tests the engine behind a Connection.

}  // namespace baretls::tls::detail

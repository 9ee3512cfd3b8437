// SPDX-License-Identifier: MIT
// The connection engine behind tls::Connection: the record channel it drives
// (channel.h: records, buffers, alert state), what records mean to the
// handshake, application data and the failed state (engine.cpp), the
// handshake dispatcher and the state tables of client.cpp and server.cpp
// (handshake_table.h). Internal.
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
#include "tls/peer_auth.h"
#include "tls/record.h"
#include "tls/transcript.h"

namespace baretls::tls::detail {

// Proof tokens (docs/ARCHITECTURE.md): made only by the function that performs the
// check; entering the established state requires each that applies.
class ChainVerified {
  friend Result<HsState> client_on_certificate(Engine&, std::span<const std::uint8_t>);
  ChainVerified() = default;
};
class SignatureVerified {
  friend Result<HsState> client_on_server_key_exchange(Engine&, std::span<const std::uint8_t>);
  SignatureVerified() = default;
};
class ClientCertificateVerified {  // server: client chain + CertificateVerify (client_auth_server.cpp)
  friend Result<HsState> server_on_certificate_verify(Engine&, std::span<const std::uint8_t>);
  ClientCertificateVerified() = default;
};
class FinishedVerified {
  friend Error check_peer_finished(Engine&, std::span<const std::uint8_t>);
  FinishedVerified() = default;
};
// Client: the server echoed our session ID with the offered session's suite
// and EMS status: the chain and signature were verified when the session was
// made. Server: a cached or ticket session passed the resumption checks; its
// peer certificate (if any) was verified by the full handshake that made it.
class SessionResumed {
  friend Result<HsState> client_resume(Engine&, const ServerHello&);
  friend Result<bool> server_try_resume(Engine&, const ClientHello&);
  SessionResumed() = default;
};

// Mid-handshake data: made by the step that learns it, used by later steps,
// wiped when the handshake ends.
struct Negotiation {
  const SuiteInfo* suite = nullptr;
  std::optional<NamedGroup> group;
  std::optional<SignatureScheme> scheme;
  bool extended_master_secret = false;
  bool secure_renegotiation = false;
  bool certificate_requested = false;
  std::uint16_t client_version = 0;
  std::array<std::uint8_t, kRandomSize> client_random{};
  std::array<std::uint8_t, kRandomSize> server_random{};
  std::optional<EphemeralKey> ephemeral;
  std::vector<std::uint8_t> server_public;      // client: the ServerKeyExchange point
  std::optional<PeerKey> peer_key;              // client: the verified leaf key
  const CertifiedKey* certificate = nullptr;    // server: the chain it sends
  std::optional<CertKeyType> certificate_type;  // server: its key type
  MasterSecret master;
  TrafficKeys keys;
  // The transcript before the message being handled, taken by the
  // dispatcher for every received message: the peer's Finished is checked
  // against its hash (RFC 5246 §7.4.9), a CertificateVerify against the
  // messages themselves (§7.4.8; kept only while one may come).
  std::array<std::uint8_t, crypto::kMaxDigestSize> before_hash{};
  std::size_t before_hash_size = 0;
  std::size_t before_messages_size = 0;

  // Client certificates and SNI (client_auth_*.cpp, sni.cpp)
  const CertifiedKey* client_chain = nullptr;        // client: the chain it sends (null: empty Certificate)
  std::optional<SignatureScheme> client_scheme;      // client: its CertificateVerify scheme
  bool server_name_matched = false;                  // server: the chain was chosen by SNI
  // Resumption (RFC 5246 §7.3, RFC 5077), tls/resume_*.cpp.
  bool resumption = false;                     // abbreviated handshake
  std::vector<std::uint8_t> hello_session_id;  // client: the ID in our ClientHello
  std::vector<std::uint8_t> session_id;        // the session's ID (ServerHello)
  bool ticket_offered = false;                 // client: SessionTicket extension sent
  bool ticket_expected = false;                // NewSessionTicket follows (client expects / server sends)
  std::vector<std::uint8_t> new_ticket;        // client: from NewSessionTicket
  std::uint32_t new_ticket_lifetime_hint = 0;
  std::int64_t session_created = 0;            // server: creation time of the resumed session
};

struct Engine {
  Role role = Role::client;
  std::shared_ptr<const ClientConfig> client_config;
  std::shared_ptr<const ServerConfig> server_config;
  std::string server_name;

  RecordChannel channel;  // records, buffers, alert state (channel.h)

  Transcript transcript;
  HsState state = HsState::client_wait_server_hello;
  Negotiation neg;
  std::optional<ChainVerified> chain_verified;
  std::optional<SignatureVerified> signature_verified;
  std::optional<FinishedVerified> finished_verified;
  std::optional<SessionResumed> session_resumed;

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
  // Resumption: the session a client offers, the one it may offer next
  // (set on entering established), and whether this handshake resumed.
  std::optional<Session> offered_session;
  std::optional<Session> session;
  bool resumed = false;

  // ALPN, SNI, client certificates, key log (alpn.cpp, sni.cpp, client_auth_*.cpp, key_log.cpp)
  std::string alpn_protocol;
  std::string requested_server_name;             // the SNI host_name received (server) or sent (client)
  std::vector<std::uint8_t> peer_certificate;    // the peer's verified leaf (DER)
  std::optional<ClientCertificateVerified> client_verified;
  bool key_logged = false;

  [[nodiscard]] const CommonConfig& config() const noexcept {
    return role == Role::client ? static_cast<const CommonConfig&>(*client_config)
                                : static_cast<const CommonConfig&>(*server_config);
  }

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
  void trace(std::string_view text) const;
  [[nodiscard]] bool tracing() const noexcept { return config().trace.line != nullptr; }

  // handshake_common.cpp
  template <typename M>
  [[nodiscard]] Error queue_handshake(HandshakeType type, const M& msg);
  [[nodiscard]] Error queue_bytes(std::size_t start);  // transcript + trace for flight[start..]
  [[nodiscard]] Error send_change_cipher_spec();
  [[nodiscard]] Error receive_change_cipher_spec();
  [[nodiscard]] Error derive_keys(std::span<const std::uint8_t> pre_master_secret);
  [[nodiscard]] Error send_finished();
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

// handshake_common.cpp: verify the peer's Finished against neg.before_hash.
[[nodiscard]] Error check_peer_finished(Engine& e, std::span<const std::uint8_t> body);
// Lists from the configuration as wire codes.
[[nodiscard]] std::vector<std::uint16_t> config_suites(const CommonConfig& c);
[[nodiscard]] bool config_has_group(const CommonConfig& c, std::uint16_t code);
[[nodiscard]] bool config_has_scheme(const CommonConfig& c, std::uint16_t code);
[[nodiscard]] std::int64_t config_now(const CommonConfig& c);
// A one-line description of a handshake message for --trace.
[[nodiscard]] std::string describe_handshake(HandshakeType type, std::span<const std::uint8_t> body, Role sender,
                                             const SuiteInfo* suite);

// connection.cpp: Engine& engine_of(Connection&) (declared in connection.h)
// hands tests the engine behind a Connection.

// client.cpp / server.cpp
[[nodiscard]] Error client_start(Engine& e);
[[nodiscard]] std::span<const Row> client_rows() noexcept;
// The peer's ChangeCipherSpec, full or abbreviated handshake (both tables).
[[nodiscard]] Result<HsState> client_on_change_cipher_spec(Engine& e, std::span<const std::uint8_t> body);
[[nodiscard]] Result<HsState> server_on_change_cipher_spec(Engine& e, std::span<const std::uint8_t> body);
[[nodiscard]] std::span<const Row> server_rows() noexcept;

}  // namespace baretls::tls::detail

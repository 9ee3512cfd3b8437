// SPDX-License-Identifier: MIT
// The server's TLS 1.2 handshake object (RFC 5246 §7.3): its configuration,
// what only a server knows (the chain it chose and its ephemeral key, the
// client's key when one authenticates, the session's creation time), its
// proof tokens and its state table. Handlers, top-down in message order:
// handshake_server.cpp (ClientHello to Finished), client_auth_server.cpp
// (CertificateRequest, the client's Certificate and CertificateVerify),
// resume_server.cpp (the session cache, tickets, the abbreviated handshake).
// Internal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>

#include "baretls/tls/config.h"
#include "baretls/tls/session.h"
#include "tls/engine.h"
#include "tls/key_exchange.h"
#include "tls/peer_auth.h"

namespace baretls::tls::detail {

class ServerHandshake final : public Handshake {
 public:
  explicit ServerHandshake(std::shared_ptr<const ServerConfig> config) : cfg_(std::move(config)) {}

  // Checks what the configuration needs and readies the channel for a ClientHello.
  [[nodiscard]] Error start(Engine& e);

  [[nodiscard]] const CommonConfig& config() const noexcept override { return *cfg_; }
  [[nodiscard]] bool accepts(HsState s, HandshakeType m) const noexcept override;
  [[nodiscard]] Result<HsState> handle(Engine& e, HandshakeType m, std::span<const std::uint8_t> body) override;
  [[nodiscard]] bool proofs_complete(const Engine& e) const noexcept override;
  void save_session(Engine& e) override;
  void forget_session(Engine& e) override;
  // Our ephemeral key, and the client's parsed key once its CertificateVerify
  // was checked (an idle connection's memory, README).
  void wipe() noexcept override {
    ephemeral_.reset();
    client_key_.reset();
  }
  [[nodiscard]] bool peer_authenticated(const Engine& e) const noexcept override;
  [[nodiscard]] std::optional<Session> session() const override { return std::nullopt; }
  [[nodiscard]] std::size_t footprint() const noexcept override { return sizeof(*this); }

 private:
  // Proof tokens (docs/ARCHITECTURE.md), made only by the member that checks.
  class ClientCertificateVerified {  // on_certificate_verify: client chain + CertificateVerify
    friend class ServerHandshake;
    ClientCertificateVerified() = default;
  };
  // A cached or ticket session passed the resumption checks; its peer
  // certificate (if any) was verified by the full handshake that made it.
  class SessionResumed {  // try_resume
    friend class ServerHandshake;
    SessionResumed() = default;
  };

  [[nodiscard]] static std::span<const Row<ServerHandshake>> rows() noexcept;

  // handshake_server.cpp: the full handshake, in message order.
  [[nodiscard]] Result<HsState> on_client_hello(Engine& e, std::span<const std::uint8_t> body);
  [[nodiscard]] Error queue_server_flight(Engine& e, const ClientHello& ch);
  [[nodiscard]] Error queue_server_key_exchange(Engine& e);
  [[nodiscard]] Result<HsState> on_client_key_exchange(Engine& e, std::span<const std::uint8_t> body);
  [[nodiscard]] Result<HsState> on_change_cipher_spec(Engine& e, std::span<const std::uint8_t> body);
  [[nodiscard]] Result<HsState> on_finished(Engine& e, std::span<const std::uint8_t> body);
  [[nodiscard]] Result<HsState> on_renegotiation(Engine& e, std::span<const std::uint8_t> body);

  // client_auth_server.cpp: RFC 5246 §7.4.4, §7.4.6, §7.4.8.
  [[nodiscard]] Error queue_certificate_request(Engine& e);
  [[nodiscard]] Result<HsState> on_client_certificate(Engine& e, std::span<const std::uint8_t> body);
  [[nodiscard]] Result<HsState> on_certificate_verify(Engine& e, std::span<const std::uint8_t> body);

  // resume_server.cpp. try_resume: true when it resumed (ServerHello,
  // [NewSessionTicket], ChangeCipherSpec and Finished are queued); an error
  // only for an EMS downgrade of an EMS session (RFC 7627 §5.3) or a local failure.
  [[nodiscard]] Result<bool> try_resume(Engine& e, const ClientHello& ch);
  [[nodiscard]] Error queue_resumed_flight(Engine& e, const ClientHello& ch, const Session& s);
  // Full handshake: a new session ID for the cache, or the SessionTicket extension announcing a ticket.
  [[nodiscard]] Error offer_new_session(Engine& e, const ClientHello& ch, ServerHello& sh);
  // RFC 5077 §3.3: NewSessionTicket before our ChangeCipherSpec, when announced.
  [[nodiscard]] Error queue_new_session_ticket(Engine& e);
  [[nodiscard]] std::span<const std::uint8_t> proven_peer_certificate(const Engine& e) const noexcept;

  std::shared_ptr<const ServerConfig> cfg_;
  const CertifiedKey* certificate_ = nullptr;  // the chain we send
  bool server_name_matched_ = false;           // it was chosen by SNI
  std::optional<EphemeralKey> ephemeral_;      // our ServerKeyExchange key
  std::optional<PeerKey> client_key_;          // the client's verified leaf key (a chain came)
  std::int64_t session_created_ = 0;           // this session's creation time (or the resumed one's)

  std::optional<ClientCertificateVerified> client_verified_;
  std::optional<SessionResumed> session_resumed_;
};

}  // namespace baretls::tls::detail

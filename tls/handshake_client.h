// SPDX-License-Identifier: MIT
// The client's TLS 1.2 handshake object (RFC 5246 §7.3): its configuration,
// what only a client learns (the server's key and point, the chain it sends,
// the session it offers and the ticket it receives), its proof tokens and
// its state table. Handlers, top-down in message order:
// handshake_client.cpp (ClientHello to Finished), client_auth_client.cpp
// (CertificateRequest, our Certificate and CertificateVerify),
// resume_client.cpp (offering a session, the abbreviated handshake,
// NewSessionTicket). Internal.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "baretls/tls/config.h"
#include "baretls/tls/session.h"
#include "tls/engine.h"
#include "tls/peer_auth.h"

namespace baretls::tls::detail {

class ClientHandshake final : public Handshake {
 public:
  ClientHandshake(std::shared_ptr<const ClientConfig> config, std::string_view server_name, const Session* resume);

  // RFC 5246 §7.4.1.2: checks what the configuration needs, then queues the ClientHello.
  [[nodiscard]] Error start(Engine& e);

  [[nodiscard]] const CommonConfig& config() const noexcept override { return *cfg_; }
  [[nodiscard]] bool accepts(HsState s, HandshakeType m) const noexcept override;
  [[nodiscard]] Result<HsState> handle(Engine& e, HandshakeType m, std::span<const std::uint8_t> body) override;
  [[nodiscard]] bool proofs_complete(const Engine& e) const noexcept override;
  void save_session(Engine& e) override;
  void forget_session(Engine&) override { session_.reset(); }
  // The server's parsed key is used up once the handshake ends (an idle connection's memory, README).
  void wipe() noexcept override { peer_key_.reset(); }
  [[nodiscard]] bool peer_authenticated(const Engine& e) const noexcept override;
  [[nodiscard]] std::optional<Session> session() const override { return session_; }
  [[nodiscard]] std::size_t footprint() const noexcept override {
    return sizeof(*this) + server_name_.capacity() + server_public_.capacity();
  }

 private:
  // Proof tokens (docs/ARCHITECTURE.md), made only by the member that checks.
  class ChainVerified {  // on_certificate
    friend class ClientHandshake;
    ChainVerified() = default;
  };
  class SignatureVerified {  // on_server_key_exchange
    friend class ClientHandshake;
    SignatureVerified() = default;
  };
  // The server echoed our session ID with the offered session's suite and
  // EMS status: the chain and signature were verified when the session was made.
  class SessionResumed {  // resume
    friend class ClientHandshake;
    SessionResumed() = default;
  };

  [[nodiscard]] static std::span<const Row<ClientHandshake>> rows() noexcept;

  // handshake_client.cpp: the full handshake, in message order.
  [[nodiscard]] Result<HsState> on_server_hello(Engine& e, std::span<const std::uint8_t> body);
  [[nodiscard]] Error check_server_extensions(const Engine& e, const ServerHello& sh) const;
  [[nodiscard]] Result<HsState> on_certificate(Engine& e, std::span<const std::uint8_t> body);
  [[nodiscard]] Result<HsState> on_server_key_exchange(Engine& e, std::span<const std::uint8_t> body);
  [[nodiscard]] Result<HsState> on_server_hello_done(Engine& e, std::span<const std::uint8_t> body);
  [[nodiscard]] Error make_premaster(Engine& e, crypto::Secret<kMaxEcdhSecret>& pms, std::size_t& pms_size,
                                     ClientKeyExchange& cke);
  [[nodiscard]] Result<HsState> on_change_cipher_spec(Engine& e, std::span<const std::uint8_t> body);
  [[nodiscard]] Result<HsState> on_finished(Engine& e, std::span<const std::uint8_t> body);
  [[nodiscard]] Result<HsState> on_hello_request(Engine& e, std::span<const std::uint8_t> body);

  // client_auth_client.cpp: RFC 5246 §7.4.4, §7.4.6, §7.4.8.
  [[nodiscard]] Result<HsState> on_certificate_request(Engine& e, std::span<const std::uint8_t> body);
  [[nodiscard]] Error queue_certificate(Engine& e);
  [[nodiscard]] Error queue_certificate_verify(Engine& e);

  // resume_client.cpp: RFC 5246 §7.3 abbreviated handshake, RFC 5077 tickets.
  [[nodiscard]] bool usable(const Engine& e, const Session& s) const;
  [[nodiscard]] Error offer_session(Engine& e, ClientHello& ch);
  [[nodiscard]] bool server_resumes(Engine& e, const ServerHello& sh);
  [[nodiscard]] Result<HsState> resume(Engine& e, const ServerHello& sh);
  [[nodiscard]] Result<HsState> on_new_session_ticket(Engine& e, std::span<const std::uint8_t> body);
  [[nodiscard]] std::span<const std::uint8_t> proven_peer_certificate(const Engine& e) const noexcept;

  std::shared_ptr<const ClientConfig> cfg_;
  std::string server_name_;  // as the application gave it (the SNI sent is Engine::requested_server_name)
  std::optional<Session> offered_session_;  // the session we offer, if still usable
  std::optional<Session> session_;          // the one to offer next (set on entering established)

  std::optional<PeerKey> peer_key_;        // the server's verified leaf key
  std::vector<std::uint8_t> server_public_;  // the ServerKeyExchange point
  const CertifiedKey* chain_ = nullptr;       // the chain we send (null: empty Certificate)
  std::optional<SignatureScheme> chain_scheme_;  // its CertificateVerify scheme
  std::vector<std::uint8_t> hello_session_id_;  // the ID in our ClientHello
  bool ticket_offered_ = false;                 // SessionTicket extension sent
  std::vector<std::uint8_t> new_ticket_;        // from NewSessionTicket
  std::uint32_t new_ticket_lifetime_hint_ = 0;

  std::optional<ChainVerified> chain_verified_;
  std::optional<SignatureVerified> signature_verified_;
  std::optional<SessionResumed> session_resumed_;
};

}  // namespace baretls::tls::detail

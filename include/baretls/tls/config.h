// SPDX-License-Identifier: MIT
// Client and server configuration of a TLS 1.2 Connection: offered suites,
// groups and signature schemes (README.md profile, in preference order),
// certificates, trust anchors, and the injected randomness and clock (the
// library owns neither). Shared by many connections through shared_ptr.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baretls/crypto/random.h"
#include "baretls/tls/inspect.h"
#include "baretls/tls/types.h"

namespace baretls::x509 {
class PrivateKey;
class TrustStore;
}  // namespace baretls::x509

namespace baretls::tls {

class SessionCache;
class TicketKeys;

// Unix time in seconds, for certificate validity. The library has no clock.
struct Clock {
  std::int64_t (*now)(void* ctx) = nullptr;
  void* ctx = nullptr;
};

// RFC 7627 extended master secret. Always offered (client) and accepted
// (server). `optional` (the default, as in OpenSSL, BoringSSL, Go and rustls)
// also completes a full handshake with a peer without it; such a session is
// never cached, ticketed or resumed, in either role (RFC 7627 §5.3, §5.4).
// That is safe here because renegotiation is refused (the triple-handshake
// attack needs a resumption or renegotiation after the unbound handshake).
// `required` refuses peers without it (RFC 7627 §5.2, §5.3 abort).
enum class ExtendedMasterSecret : std::uint8_t { required, optional };

struct CommonConfig {
  std::vector<CipherSuite> cipher_suites{kDefaultCipherSuites.begin(), kDefaultCipherSuites.end()};
  std::vector<NamedGroup> groups{kDefaultGroups.begin(), kDefaultGroups.end()};
  std::vector<SignatureScheme> signature_schemes{kDefaultSchemes.begin(), kDefaultSchemes.end()};
  crypto::RandomSource random;  // required; crypto::system_random() in programs
  Clock clock;                  // required where certificates are verified
  ExtendedMasterSecret extended_master_secret = ExtendedMasterSecret::optional;
  // Largest handshake message body accepted (reassembled across records;
  // 1 KiB..16 MiB). A server takes a ClientHello up to 2^17 bytes whatever
  // this says. Over the bound: Error::handshake_message_too_large.
  std::size_t max_handshake_message_size = 64 * 1024;
  // Smallest RSA modulus accepted in the peer's certificate chain, leaf to
  // trust anchor (so also for RSA key transport and client certificates):
  // x509::kDefaultMinRsaBits; x509::kLegacyMinRsaBits (1024) for legacy peers.
  std::size_t min_rsa_bits = 2048;
  // Idle connections hold little memory (as OpenSSL's SSL_MODE_RELEASE_BUFFERS):
  // while nothing is buffered in either direction, a connection gives back its
  // record buffers (about 16 KiB each way; received plaintext wiped first) and
  // takes them again when bytes arrive (input_buffer(), feed()) or a write is
  // made. An idle established connection then holds under 4 KiB of heap; the
  // cost is an allocation per burst of traffic (README.md has the figures).
  // After input_buffer() that brought nothing (a read that would block),
  // commit_input(0) gives the buffer back. Off by default; `baretls server`
  // turns it on.
  bool release_idle_buffers = false;
  // Inspector: teaching and debugging (include/baretls/tls/inspect.h). Reports
  // every message, record and key-schedule value, SECRETS INCLUDED (like the
  // key log): off unless set.
  using Inspector = tls::Inspector;
  Inspector inspector;

  // ALPN (RFC 7301) and key log
  std::vector<std::string> alpn;  // client: offered, in order; server: preference (empty: off)
  // Exposes the master secret: for debugging with Wireshark only; off unless set.
  struct KeyLogSink {
    void (*line)(void* ctx, std::string_view nss_line) = nullptr;
    void* ctx = nullptr;
  } key_log;  // called once per connection with "CLIENT_RANDOM <64 hex> <96 hex>" (no newline)
};

// One certificate chain (DER, leaf first) and its private key.
struct CertifiedKey {
  std::vector<std::vector<std::uint8_t>> chain;
  std::shared_ptr<const x509::PrivateKey> key;
};

struct ClientConfig : CommonConfig {
  std::shared_ptr<const x509::TrustStore> trust_store;  // roots for the server's chain

  // Resumption (RFC 5077 §3.2): offer an empty SessionTicket extension to
  // receive a ticket (a ticket held in a Session is offered either way).
  bool session_tickets = true;

  // Client certificate (RFC 5246 §7.4.6, §7.4.8)
  std::optional<CertifiedKey> client_certificate;  // sent when the server asks; else empty Certificate
};

// Client certificates: what the server asks for (RFC 5246 §7.4.4).
enum class ClientAuth : std::uint8_t { none, optional, required };

struct ServerConfig : CommonConfig {
  std::vector<CertifiedKey> certificates;  // RSA and/or ECDSA; the suite picks one

  // Client certificates
  ClientAuth client_auth = ClientAuth::none;
  std::shared_ptr<const x509::TrustStore> client_trust_store;  // roots for client chains + CA names
  // SNI: certificates[0] is the default chain; others are chosen by the client's server_name
  // matched against each leaf's SAN dNSNames (exact, then wildcard), among suite-compatible ones.

  // Resumption (RFC 5246 §7.3, RFC 5077)
  std::shared_ptr<SessionCache> session_cache;   // nullptr: no session-ID resumption
  std::shared_ptr<TicketKeys> ticket_keys;       // nullptr: no tickets
};

}  // namespace baretls::tls

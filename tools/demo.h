// SPDX-License-Identifier: MIT
// `baretls demo` internals: the options, the event log the Inspector fills
// (include/baretls/tls/inspect.h), the in-memory run of a client and a server
// (demo_run.cpp), the output style (demo_style.cpp) and the narration of each
// handshake step (demo_narrate*.cpp).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "baretls/tls/config.h"
#include "baretls/tls/connection.h"
#include "baretls/x509/certificate.h"
#include "baretls/x509/trust_store.h"
#include "baretls/tls/inspect.h"
#include "baretls/tls/names.h"

namespace baretls::cli::demo {

struct Options {
  bool rsa = false;     // --kex rsa: RSA key transport instead of ECDHE
  bool mutual = false;  // --mutual: the server asks for a client certificate
  bool resume = false;  // --resume: a second, abbreviated handshake
  bool full = false;    // --full: no shortening of long values
  bool color = false;   // stdout is a TTY and NO_COLOR is unset
};

// One Inspector event, copied.
struct Event {
  tls::InspectKind kind = tls::InspectKind::value;
  bool from_client = false;
  std::string name;
  std::vector<std::uint8_t> bytes;
  std::vector<std::uint8_t> plaintext;
  std::uint64_t sequence = 0;
  bool is_protected = false;
  tls::HandshakeFields fields;  // handshake messages: the decoded body
};

// The decoded fields of a handshake message event (F: tls::ClientHelloFields,
// ...), or null when there is no such event or its body did not decode.
template <typename F>
[[nodiscard]] const F* fields_of(const Event* e) noexcept {
  return e != nullptr ? std::get_if<F>(&e->fields) : nullptr;
}

// Every event of one connection (client and server side), in order.
class Log {
 public:
  [[nodiscard]] tls::Inspector inspector() noexcept { return {&Log::record, this}; }
  // The nth event of this kind and name reported by that side, or null.
  [[nodiscard]] const Event* find(bool from_client, tls::InspectKind kind, std::string_view name,
                                  std::size_t nth = 0) const noexcept;
  // A handshake message that side sent.
  [[nodiscard]] const Event* sent(bool from_client, tls::HandshakeType type) const noexcept;
  // A value or secret by name from that side (empty when absent).
  [[nodiscard]] std::span<const std::uint8_t> value(bool from_client, std::string_view name) const noexcept;
  [[nodiscard]] const std::vector<Event>& events() const noexcept { return events_; }

 private:
  static void record(void* ctx, const tls::InspectEvent& e);
  std::vector<Event> events_;
};

// The embedded PKI loaded into configurations, and the run's result.
struct Setup {
  std::shared_ptr<x509::TrustStore> roots;
  std::shared_ptr<tls::ClientConfig> client;
  std::shared_ptr<tls::ServerConfig> server;
  std::int64_t now = 0;
};
[[nodiscard]] bool make_setup(const Options& opt, Setup& out);  // demo_pki.cpp

struct Run {
  tls::Error error = tls::Error::ok;
  std::string failed_side;  // "client" or "server" when error != ok
  std::string client_sent, server_received, server_sent, client_received;
  std::optional<tls::CipherSuite> suite;
  bool ems = false;  // both sides negotiated the extended master secret (RFC 7627)
  bool resumed = false;
  bool peer_authenticated = false;  // server: the client's chain and CertificateVerify verified
  std::vector<std::uint8_t> peer_certificate;  // server: the client's leaf (DER), empty when none
  std::optional<tls::Session> session;  // the client's, to offer next time
};
inline constexpr std::string_view kClientMessage = "GET /hello HTTP/1.1\r\nHost: server.baretls.example\r\n\r\n";
inline constexpr std::string_view kServerMessage = "HTTP/1.1 200 OK\r\nContent-Length: 13\r\n\r\nHello, TLS!\r\n";
// A full exchange over an in-memory pipe: handshake, one message each way,
// close_notify. `resume`: the session the client offers (nullptr: none).
[[nodiscard]] Run run_connection(const Setup& setup, Log& log, const tls::Session* resume);  // demo_run.cpp

// Output (demo_style.cpp).
class Out {
 public:
  explicit Out(const Options& o) : opt_(o) {}
  void banner(std::string_view text) const;
  void heading(std::string_view title, std::string_view direction, std::string_view rfc);
  void say(std::string_view text) const;  // explanatory prose, wrapped
  void field(std::string_view name, std::string_view text) const;
  void formula(std::string_view text) const;  // a definition from the RFC
  void bytes(std::string_view name, std::span<const std::uint8_t> b) const;
  void check(std::string_view what, bool ok) const;  // "... : ok" / "FAILED"
  [[nodiscard]] std::string hex(std::span<const std::uint8_t> b) const;
  [[nodiscard]] const Options& options() const noexcept { return opt_; }
  [[nodiscard]] bool all_ok() const noexcept { return failures_ == 0; }

 private:
  const Options& opt_;
  int step_ = 0;
  mutable int failures_ = 0;
};
[[nodiscard]] std::string hex_full(std::span<const std::uint8_t> b);

// Narration (demo_narrate*.cpp): the full handshake, step by step, then the
// application data and closure; the abbreviated handshake for --resume.
void narrate_hellos(Out& out, const Log& log);
void narrate_server_auth(Out& out, const Log& log, const Setup& setup);
void show_certificate(Out& out, const x509::Certificate& c);
// --mutual (demo_narrate_client_auth.cpp): the client's Certificate, then its CertificateVerify.
void narrate_client_certificate(Out& out, const Log& log, const Setup& setup);
void narrate_certificate_verify(Out& out, const Log& log);
// --resume (demo_narrate_resume.cpp): the first connection's NewSessionTicket,
// then the second, abbreviated handshake.
void narrate_new_session_ticket(Out& out, const Log& log);
// --resume when the first connection left no session (not expected: the
// demo server issues one; reported as a failed check).
void narrate_no_session(Out& out);
// `mutual`: the server asks for client certificates; the resumed session
// keeps the client's certificate from the first connection (`first_run`).
void narrate_resumed(Out& out, const Log& first, const Log& second, const Run& first_run, const Run& run,
                     bool mutual);
void narrate_key_exchange(Out& out, const Log& log);
void narrate_keys(Out& out, const Log& log);
// One side's ChangeCipherSpec and Finished, checked by the other.
void narrate_finished(Out& out, const Log& log, bool client);
void narrate_application_data(Out& out, const Log& log, const Run& run);
void narrate_close(Out& out, const Log& log);

}  // namespace baretls::cli::demo

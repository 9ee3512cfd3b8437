// SPDX-License-Identifier: MIT
// `baretls server --port P --cert CHAIN.pem --key KEY.pem [--cert C2 --key K2 ...]
//  [--CAfile CA.pem [--verify-client]] [--alpn LIST] [--keylog FILE] [--host H]
//  [--echo] [--trace] [--workers N] [--max-connections N] [--handshake-timeout S]
//  [--idle-timeout S]` (README.md): a TLS 1.2 server on 127.0.0.1:P serving
// many connections at once (the event loops of server_run.h), until SIGINT or
// SIGTERM. By default it answers each HTTP request with a small
// "HTTP/1.0 200 OK" page; --echo echoes. The first --cert/--key
// pair is the default chain, the others are chosen by the client's SNI.
// --CAfile asks clients for a certificate and verifies it against CA.pem
// (optional); --verify-client makes it required.
// Session resumption is on: a session-ID cache and RFC 5077 tickets; a
// resumed session keeps the client certificate of its full handshake.
// --require-ems refuses clients without the extended master secret (RFC
// 7627); by default they get a full handshake whose session is not kept.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "baretls/tls/session_cache.h"
#include "baretls/x509/trust_store.h"
#include "baretls/tls/ticket_keys.h"
#include "tools/args.h"
#include "tools/commands.h"
#include "tools/escape.h"
#include "tools/server_run.h"
#include "tools/tls_options.h"
#include "tools/trace.h"

namespace baretls::cli {

namespace {

struct ServerArgs {
  std::string host = "127.0.0.1";
  int port = -1;
  std::vector<std::string> certs, keys;
  std::string ciphers, groups;
  std::string ca_file, alpn, keylog;  // client certificates, ALPN, key log
  bool verify_client = false;
  bool alpn_set = false;
  bool echo = false;
  bool trace = false;
  bool require_ems = false;  // refuse clients without the extended master secret
  ServerRunOptions run;  // --workers, limits and timeouts, --port 0, the hidden --poll
};

int usage() {
  std::fprintf(stderr,
               "usage: baretls server --port P --cert CHAIN.pem --key KEY.pem [--cert C2 --key K2 ...]\n"
               "                      [--CAfile CA.pem [--verify-client]] [--alpn LIST] [--keylog FILE]\n"
               "                      [--host H] [--cipher LIST] [--groups LIST] [--echo] [--trace]\n"
               "                      [--workers N] [--max-connections N] [--handshake-timeout S]\n"
               "                      [--idle-timeout S] [--require-ems]\n");
  return 2;
}

// A number in [1, max] for an event-loop option (server_run.h); false (and
// a message) otherwise.
bool take_number(const char* opt, const char* value, long long max, std::int64_t& out) {
  char* end = nullptr;
  const long long v = std::strtoll(value, &end, 10);
  if (end == value || *end != '\0' || v < 1 || v > max) {
    std::fprintf(stderr, "baretls server: %s: not a number in range: %s\n", opt, value);
    return false;
  }
  out = static_cast<std::int64_t>(v);
  return true;
}

// The event loop's options: --workers, limits and timeouts.
void declare_run_options(Args& args, ServerRunOptions& r) {
  args.value("--workers", [&r](const char* v) {
        std::int64_t n = 0;
        if (!take_number("--workers", v, 64, n)) return false;
        r.workers = static_cast<int>(n);
        return true;
      })
      .value("--max-connections", [&r](const char* v) {
        std::int64_t n = 0;
        if (!take_number("--max-connections", v, 1000000, n)) return false;
        r.limits.max_connections = static_cast<std::size_t>(n);
        return true;
      })
      .value("--handshake-timeout", [&r](const char* v) { return take_number("--handshake-timeout", v, 86400, r.limits.handshake_timeout_s); })
      .value("--idle-timeout", [&r](const char* v) { return take_number("--idle-timeout", v, 86400, r.limits.idle_timeout_s); });
}

int parse_args(int argc, char** argv, ServerArgs& a) {
  bool poll = false;  // hidden: the poll(2) loop instead of epoll (tests run both)
  Args args;
  args.flag("--echo", a.echo)
      .flag("--trace", a.trace)
      .flag("--verify-client", a.verify_client)
      .flag("--require-ems", a.require_ems)
      .flag("--poll", poll)
      .value("--port", [&a](const char* v) {
        a.port = std::atoi(v);
        return true;
      })
      .value("--host", a.host)
      .values("--cert", a.certs)
      .values("--key", a.keys)
      .value("--cipher", a.ciphers)
      .value("--groups", a.groups)
      .value("--CAfile", a.ca_file)
      .value("--alpn", a.alpn, &a.alpn_set)
      .value("--keylog", a.keylog);
  declare_run_options(args, a.run);
  const auto outcome = args.parse(argc, argv);
  if (outcome.status == Args::Status::bad_value) return 2;
  if (outcome.status != Args::Status::ok) return usage();
  if (poll) a.run.poller = PollerKind::poll;
  if (a.verify_client && a.ca_file.empty()) {
    std::fprintf(stderr, "baretls server: --verify-client needs --CAfile (the roots for client certificates)\n");
    return 2;
  }
  if (a.port < 0 || a.port > 65535 || a.certs.empty() || a.certs.size() != a.keys.size()) return usage();
  return 0;
}

// After the handshake: SNI, ALPN and the client certificate, one line each.
void report_features(const tls::ServerConfig& cfg, const tls::Connection& c) {
  // The client chose these strings: escaped before they reach a terminal.
  if (const auto sni = c.requested_server_name(); !sni.empty())
    std::fprintf(stderr, "baretls server: server_name: %s\n", escape_peer_text(sni).c_str());
  if (!cfg.alpn.empty()) {
    const std::string proto = escape_peer_text(c.alpn_protocol());
    std::fprintf(stderr, "baretls server: ALPN: %s\n", proto.empty() ? "none (the client offered none)" : proto.c_str());
  }
  if (cfg.client_auth == tls::ClientAuth::none) return;
  if (c.peer_authenticated()) {
    std::fprintf(stderr, "baretls server: client certificate verified: %s\n",
                 describe_certificate(c.peer_certificate()).c_str());
  } else {
    std::fprintf(stderr, "baretls server: no client certificate\n");
  }
}

}  // namespace

int cmd_server(int argc, char** argv) {
  ServerArgs a;
  if (const int rc = parse_args(argc, argv, a); rc != 0) return rc;
  auto cfg = std::make_shared<tls::ServerConfig>();
  cfg->random = crypto::system_random();
  cfg->clock = system_clock();
  if (a.trace) cfg->inspector = stderr_trace();
  if (a.require_ems) cfg->extended_master_secret = tls::ExtendedMasterSecret::required;
  if (!a.ciphers.empty() && !parse_ciphers(a.ciphers, *cfg)) return 2;
  if (!a.groups.empty() && !parse_groups(a.groups, *cfg)) return 2;
  if (a.alpn_set && !parse_alpn(a.alpn, *cfg)) return 2;
  if (!open_key_log(a.keylog, *cfg)) return 1;
  if (!a.ca_file.empty()) {
    auto store = std::make_shared<x509::TrustStore>();
    if (store->load_file(a.ca_file.c_str()) != x509::Error::ok || store->size() == 0) {
      std::fprintf(stderr, "baretls server: cannot load CA file %s\n", a.ca_file.c_str());
      return 1;
    }
    cfg->client_trust_store = std::move(store);
    cfg->client_auth = a.verify_client ? tls::ClientAuth::required : tls::ClientAuth::optional;
  }
  // Resumption: 1024 cached sessions for 2 hours; ticket keys rotate hourly
  // (the previous one still accepted), tickets valid for 2 hours.
  cfg->session_cache = std::make_shared<tls::SessionCache>(1024, 7200);
  cfg->ticket_keys = std::make_shared<tls::TicketKeys>(3600, 7200);
  // Many idle clients at once: a connection holds its record buffers only
  // while bytes are buffered (README.md, "Memory of a connection").
  cfg->release_idle_buffers = true;
  for (std::size_t i = 0; i < a.certs.size(); ++i) {
    auto ck = load_certified_key(a.certs[i].c_str(), a.keys[i].c_str());
    if (!ck) return 1;
    cfg->certificates.push_back(std::move(*ck));
  }
  a.run.host = a.host;
  a.run.port = a.port;
  a.run.conn.mode = a.echo ? AppMode::echo : AppMode::http;
  a.run.conn.on_established = [cfg](const tls::Connection& c) { report_features(*cfg, c); };
  return run_server(cfg, a.run);
}

}  // namespace baretls::cli

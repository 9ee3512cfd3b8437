// SPDX-License-Identifier: MIT
// `baretls server --port P --cert CHAIN.pem --key KEY.pem [--cert C2 --key K2 ...]
//  [--CAfile CA.pem [--verify-client]] [--alpn LIST] [--keylog FILE] [--host H]
//  [--echo] [--trace]` (DESIGN.md): a TLS 1.2 server on 127.0.0.1:P, one
// connection at a time, until killed. By default it answers each HTTP request
// with a small "HTTP/1.0 200 OK" page; --echo echoes. The first --cert/--key
// pair is the default chain, the others are chosen by the client's SNI.
// --CAfile asks clients for a certificate and verifies it against CA.pem
// (optional); --verify-client makes it required.
// Session resumption is on: a session-ID cache and RFC 5077 tickets; a
// resumed session keeps the client certificate of its full handshake.
// --require-ems refuses clients without the extended master secret (RFC
// 7627); by default they get a full handshake whose session is not kept.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "baretls/tls/session_cache.h"
#include "baretls/tls/socket_adapter.h"
#include "baretls/x509/trust_store.h"
#include "baretls/tls/ticket_keys.h"
#include "tools/commands.h"
#include "tools/escape.h"
#include "tools/tls_options.h"

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
};

int usage() {
  std::fprintf(stderr,
               "usage: baretls server --port P --cert CHAIN.pem --key KEY.pem [--cert C2 --key K2 ...]\n"
               "                      [--CAfile CA.pem [--verify-client]] [--alpn LIST] [--keylog FILE]\n"
               "                      [--host H] [--cipher LIST] [--groups LIST] [--echo] [--trace]\n"
               "                      [--require-ems]\n");
  return 2;
}

int parse_args(int argc, char** argv, ServerArgs& a) {
  for (int i = 1; i < argc; ++i) {  // argv[0] is "server"
    const std::string opt = argv[i];
    if (opt == "--echo") {
      a.echo = true;
    } else if (opt == "--trace") {
      a.trace = true;
    } else if (opt == "--verify-client") {
      a.verify_client = true;
    } else if (opt == "--require-ems") {
      a.require_ems = true;
    } else if (i + 1 >= argc) {
      return usage();
    } else if (opt == "--port") {
      a.port = std::atoi(argv[++i]);
    } else if (opt == "--host") {
      a.host = argv[++i];
    } else if (opt == "--cert") {
      a.certs.emplace_back(argv[++i]);
    } else if (opt == "--key") {
      a.keys.emplace_back(argv[++i]);
    } else if (opt == "--cipher") {
      a.ciphers = argv[++i];
    } else if (opt == "--groups") {
      a.groups = argv[++i];
    } else if (opt == "--CAfile") {
      a.ca_file = argv[++i];
    } else if (opt == "--alpn") {
      a.alpn = argv[++i];
      a.alpn_set = true;
    } else if (opt == "--keylog") {
      a.keylog = argv[++i];
    } else {
      return usage();
    }
  }
  if (a.verify_client && a.ca_file.empty()) {
    std::fprintf(stderr, "baretls server: --verify-client needs --CAfile (the roots for client certificates)\n");
    return 2;
  }
  if (a.port <= 0 || a.port > 65535 || a.certs.empty() || a.certs.size() != a.keys.size()) return usage();
  return 0;
}

int listen_tcp(const ServerArgs& a) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  const int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(a.port));
  if (::inet_pton(AF_INET, a.host.c_str(), &addr.sin_addr) != 1 ||
      ::bind(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd, 16) != 0) {
    std::fprintf(stderr, "baretls server: cannot listen on %s:%d: %s\n", a.host.c_str(), a.port, std::strerror(errno));
    ::close(fd);
    return -1;
  }
  return fd;
}

// --echo: everything read is written back until the client closes.
tls::Error serve_echo(tls::SocketStream& s) {
  std::uint8_t buf[16384];
  for (;;) {
    auto n = s.read(buf);
    if (!n) return n.error();
    BARETLS_TRY(s.write_all(std::span(buf, *n)));
  }
}

// Default: read one HTTP request (up to the blank line), answer, close.
tls::Error serve_http(tls::SocketStream& s) {
  std::string request;
  std::uint8_t buf[4096];
  while (request.find("\r\n\r\n") == std::string::npos && request.find("\n\n") == std::string::npos) {
    auto n = s.read(buf);
    if (!n) return n.error();
    request.append(reinterpret_cast<const char*>(buf), *n);
    if (request.size() > 65536) break;
  }
  const std::string body = "<html><body><p>baretls: " + describe_session(s.connection()) + "</p></body></html>\n";
  const std::string response = "HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: " +
                               std::to_string(body.size()) + "\r\n\r\n" + body;
  BARETLS_TRY(s.write_all(std::span(reinterpret_cast<const std::uint8_t*>(response.data()), response.size())));
  return s.close();
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

void serve_one(const std::shared_ptr<const tls::ServerConfig>& cfg, int fd, bool echo) {
  auto conn = tls::Connection::server(cfg);
  if (!conn) {
    std::fprintf(stderr, "baretls server: %s\n", std::string(tls::to_string(conn.error())).c_str());
    return;
  }
  tls::SocketStream s(std::move(*conn), fd);
  if (const tls::Error e = s.handshake(); e != tls::Error::ok) {
    std::fprintf(stderr, "baretls server: handshake failed: %s\n", describe_failure(s.connection(), e).c_str());
    return;
  }
  std::fprintf(stderr, "baretls server: accepted, %s%s\n", describe_session(s.connection()).c_str(),
               s.connection().resumed() ? ", resumed" : "");
  report_features(*cfg, s.connection());
  const tls::Error e = echo ? serve_echo(s) : serve_http(s);
  (void)s.flush();
  if (e != tls::Error::ok && e != tls::Error::closed)
    std::fprintf(stderr, "baretls server: connection ended: %s\n", describe_failure(s.connection(), e).c_str());
}

}  // namespace

int cmd_server(int argc, char** argv) {
  ServerArgs a;
  if (const int rc = parse_args(argc, argv, a); rc != 0) return rc;
  auto cfg = std::make_shared<tls::ServerConfig>();
  cfg->random = crypto::system_random();
  cfg->clock = system_clock();
  if (a.trace) cfg->trace = stderr_trace();
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
  for (std::size_t i = 0; i < a.certs.size(); ++i) {
    auto ck = load_certified_key(a.certs[i].c_str(), a.keys[i].c_str());
    if (!ck) return 1;
    cfg->certificates.push_back(std::move(*ck));
  }
  ::signal(SIGPIPE, SIG_IGN);
  const int lfd = listen_tcp(a);
  if (lfd < 0) return 1;
  std::fprintf(stderr, "baretls server: listening on %s:%d\n", a.host.c_str(), a.port);
  for (;;) {
    const int fd = ::accept(lfd, nullptr, nullptr);
    if (fd < 0) {
      if (errno == EINTR) continue;
      std::fprintf(stderr, "baretls server: accept: %s\n", std::strerror(errno));
      return 1;
    }
    serve_one(cfg, fd, a.echo);
    ::close(fd);
  }
}

}  // namespace baretls::cli

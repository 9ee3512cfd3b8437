// SPDX-License-Identifier: MIT
// `baretls client --connect HOST:PORT [--CAfile CA.pem] [--servername NAME]
//  [--cert C --key K] [--alpn LIST] [--cipher LIST] [--groups LIST]
//  [--sess-in FILE] [--sess-out FILE] [--keylog FILE] [--trace]` (README.md):
// connects, verifies the chain and host name (system roots without
// --CAfile), copies stdin to the connection and the connection to stdout.
// Exit 0 after a clean close_notify; otherwise 1 with a one-line reason.
// --cert/--key answer a CertificateRequest; --keylog (or $SSLKEYLOGFILE)
// appends the NSS key-log line; --require-ems refuses a server without the
// extended master secret (RFC 7627; by default such a full handshake is
// allowed and its session is not kept).
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>

#include "baretls/tls/socket_adapter.h"
#include "baretls/x509/trust_store.h"
#include "tools/args.h"
#include "tools/commands.h"
#include "tools/escape.h"
#include "tools/session_file.h"
#include "tools/tls_options.h"
#include "tools/trace.h"

namespace baretls::cli {

namespace {

struct ClientArgs {
  std::string host, port, ca_file, server_name, ciphers, groups;
  std::string sess_in, sess_out;  // resumption: session files
  std::string cert, key, alpn, keylog;  // client certificate, ALPN, key log
  bool alpn_set = false;
  bool server_name_set = false;
  bool trace = false;
  bool require_ems = false;  // refuse servers without the extended master secret
};

int usage() {
  std::fprintf(stderr,
               "usage: baretls client --connect HOST:PORT [--CAfile CA.pem] [--servername NAME]\n"
               "                      [--cert C --key K] [--alpn LIST] [--cipher LIST] [--groups LIST]\n"
               "                      [--sess-in FILE] [--sess-out FILE] [--keylog FILE] [--trace]\n"
               "                      [--require-ems]\n");
  return 2;
}

// --connect HOST:PORT (an IPv6 host in brackets).
bool take_connect(const char* value, ClientArgs& a) {
  const std::string v = value;
  const auto colon = v.rfind(':');
  if (colon == std::string::npos) return false;
  a.host = v.substr(0, colon);
  a.port = v.substr(colon + 1);
  if (a.host.size() > 2 && a.host.front() == '[' && a.host.back() == ']') a.host = a.host.substr(1, a.host.size() - 2);
  return true;
}

// 0: ok, otherwise the exit status.
int parse_args(int argc, char** argv, ClientArgs& a) {
  Args args;
  args.flag("--trace", a.trace)
      .flag("--require-ems", a.require_ems)
      .value("--connect", [&a](const char* v) { return take_connect(v, a); })
      .value("--CAfile", a.ca_file)
      .value("--servername", a.server_name, &a.server_name_set)
      .value("--cipher", a.ciphers)
      .value("--groups", a.groups)
      .value("--cert", a.cert)
      .value("--key", a.key)
      .value("--alpn", a.alpn, &a.alpn_set)
      .value("--keylog", a.keylog)
      .value("--sess-in", a.sess_in)
      .value("--sess-out", a.sess_out);
  if (args.parse(argc, argv).status != Args::Status::ok) return usage();
  if (a.cert.empty() != a.key.empty()) {
    std::fprintf(stderr, "baretls client: --cert and --key go together\n");
    return 2;
  }
  return a.host.empty() ? usage() : 0;
}

int connect_tcp(const std::string& host, const std::string& port) {
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* res = nullptr;
  if (const int rc = ::getaddrinfo(host.c_str(), port.c_str(), &hints, &res); rc != 0) {
    std::fprintf(stderr, "baretls client: %s: %s\n", host.c_str(), ::gai_strerror(rc));
    return -1;
  }
  int fd = -1;
  for (addrinfo* ai = res; ai != nullptr; ai = ai->ai_next) {
    fd = ::socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
    if (fd < 0) continue;
    if (::connect(fd, ai->ai_addr, ai->ai_addrlen) == 0) break;
    ::close(fd);
    fd = -1;
  }
  ::freeaddrinfo(res);
  if (fd < 0) std::fprintf(stderr, "baretls client: cannot connect to %s:%s: %s\n", host.c_str(), port.c_str(),
                           std::strerror(errno));
  return fd;
}

std::shared_ptr<x509::TrustStore> load_roots(const std::string& ca_file) {
  auto store = std::make_shared<x509::TrustStore>();
  if (!ca_file.empty()) {
    if (store->load_file(ca_file.c_str()) != x509::Error::ok || store->size() == 0) {
      std::fprintf(stderr, "baretls client: cannot load CA file %s\n", ca_file.c_str());
      return nullptr;
    }
    return store;
  }
  if (store->load_file("/etc/ssl/certs/ca-certificates.crt") != x509::Error::ok || store->size() == 0) {
    std::fprintf(stderr, "baretls client: no system trust store found; use --CAfile\n");
    return nullptr;
  }
  return store;
}

// Copies stdin to the connection and the connection to stdout until the peer closes.
int run_session(tls::SocketStream& s) {
  bool stdin_open = true;
  std::uint8_t buf[16384];
  for (;;) {
    // Hand out whatever is already decrypted before waiting.
    for (;;) {
      auto n = s.read_buffered(buf);
      if (!n) {
        if (n.error() == tls::Error::closed) return 0;
        std::fprintf(stderr, "baretls client: %s\n", describe_failure(s.connection(), n.error()).c_str());
        return 1;
      }
      if (*n == 0) break;
      if (std::fwrite(buf, 1, *n, stdout) != *n) return 1;
    }
    std::fflush(stdout);
    pollfd fds[2] = {{s.fd(), POLLIN, 0}, {0, POLLIN, 0}};
    if (::poll(fds, stdin_open ? 2 : 1, -1) < 0 && errno != EINTR) return 1;
    if (stdin_open && (fds[1].revents & (POLLIN | POLLHUP)) != 0) {
      const ssize_t n = ::read(0, buf, sizeof buf);
      if (n <= 0) {
        stdin_open = false;
        if (const tls::Error e = s.close(); e != tls::Error::ok) {
          std::fprintf(stderr, "baretls client: %s\n", describe_failure(s.connection(), e).c_str());
          return 1;
        }
      } else if (const tls::Error e = s.write_all(std::span(buf, static_cast<std::size_t>(n))); e != tls::Error::ok) {
        std::fprintf(stderr, "baretls client: %s\n", describe_failure(s.connection(), e).c_str());
        return 1;
      }
    }
    if ((fds[0].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
      const tls::Error e = s.receive();
      (void)s.flush();
      if (e == tls::Error::closed && s.connection().peer_alert() == std::nullopt) continue;  // drain, then read() says closed
      if (e != tls::Error::ok) {
        std::fprintf(stderr, "baretls client: %s\n", describe_failure(s.connection(), e).c_str());
        return 1;
      }
    }
  }
}

}  // namespace

int cmd_client(int argc, char** argv) {
  ClientArgs a;
  if (const int rc = parse_args(argc, argv, a); rc != 0) return rc;
  auto cfg = std::make_shared<tls::ClientConfig>();
  cfg->random = crypto::system_random();
  cfg->clock = system_clock();
  if (a.trace) cfg->inspector = stderr_trace();
  if (a.require_ems) cfg->extended_master_secret = tls::ExtendedMasterSecret::required;
  if (!a.ciphers.empty() && !parse_ciphers(a.ciphers, *cfg)) return 2;
  if (!a.groups.empty() && !parse_groups(a.groups, *cfg)) return 2;
  if (a.alpn_set && !parse_alpn(a.alpn, *cfg)) return 2;
  if (!open_key_log(a.keylog, *cfg)) return 1;
  if (!a.cert.empty()) {
    auto ck = load_certified_key(a.cert.c_str(), a.key.c_str());
    if (!ck) return 1;
    cfg->client_certificate = std::move(*ck);
  }
  cfg->trust_store = load_roots(a.ca_file);
  if (!cfg->trust_store) return 1;
  const std::string name = a.server_name_set ? a.server_name : a.host;
  std::optional<tls::Session> resume;
  if (!a.sess_in.empty() && !(resume = read_session_file(a.sess_in))) return 1;
  const int fd = connect_tcp(a.host, a.port);
  if (fd < 0) return 1;
  auto conn = tls::Connection::client(cfg, name, resume ? &*resume : nullptr);
  if (!conn) {
    std::fprintf(stderr, "baretls client: %s\n", std::string(tls::to_string(conn.error())).c_str());
    ::close(fd);
    return 1;
  }
  tls::SocketStream s(std::move(*conn), fd);
  if (const tls::Error e = s.handshake(); e != tls::Error::ok) {
    std::fprintf(stderr, "baretls client: handshake failed: %s\n", describe_failure(s.connection(), e).c_str());
    ::close(fd);
    return 1;
  }
  std::fprintf(stderr, "baretls client: connected, %s\n", describe_session(s.connection()).c_str());
  if (a.alpn_set) {
    const std::string proto = escape_peer_text(s.connection().alpn_protocol());
    std::fprintf(stderr, "baretls client: ALPN: %s\n", proto.empty() ? "none (the server chose no protocol)" : proto.c_str());
  }
  std::fprintf(stderr, "Resumed: %s\n", s.connection().resumed() ? "yes" : "no");
  if (!a.sess_out.empty()) {
    if (const auto session = s.connection().session()) {
      if (!write_session_file(a.sess_out, *session)) {
        ::close(fd);
        return 1;
      }
    } else {
      std::fprintf(stderr, "baretls client: the server offered no session to save\n");
    }
  }
  const int rc = run_session(s);
  ::close(fd);
  return rc;
}

}  // namespace baretls::cli

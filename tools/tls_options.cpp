// SPDX-License-Identifier: MIT
// Shared option handling for the TLS subcommands (see tls_options.h).
#include "tools/tls_options.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>

#include "baretls/tls/connection.h"
#include "baretls/tls/credentials.h"
#include "baretls/tls/names.h"
#include "baretls/x509/certificate.h"
#include "baretls/x509/key.h"
#include "baretls/x509/pem.h"
#include "baretls/x509/trust_store.h"
#include "tools/escape.h"

namespace baretls::cli {

std::vector<std::string> split_list(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (const char c : s) {
    if (c == ':' || c == ',') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

bool parse_ciphers(std::string_view list, tls::CommonConfig& cfg) {
  cfg.cipher_suites.clear();
  for (const auto& name : split_list(list)) {
    const auto s = tls::suite_by_name(name);
    if (!s) {
      std::fprintf(stderr, "baretls: unknown cipher suite '%s' (use IANA or OpenSSL names)\n", name.c_str());
      return false;
    }
    cfg.cipher_suites.push_back(*s);
  }
  return !cfg.cipher_suites.empty();
}

bool parse_groups(std::string_view list, tls::CommonConfig& cfg) {
  cfg.groups.clear();
  for (const auto& name : split_list(list)) {
    const auto g = tls::group_by_name(name);
    if (!g) {
      std::fprintf(stderr, "baretls: unknown group '%s' (x25519, P-256, P-384)\n", name.c_str());
      return false;
    }
    cfg.groups.push_back(*g);
  }
  return !cfg.groups.empty();
}

std::optional<std::string> read_text_file(const char* path) {
  auto bytes = x509::read_file(path, 1 << 20);
  if (!bytes) return std::nullopt;
  return std::string(bytes->begin(), bytes->end());
}

std::optional<tls::CertifiedKey> load_certified_key(const char* cert_path, const char* key_path) {
  auto ck = tls::load_certified_key_files(cert_path, key_path);
  if (ck) return std::move(*ck);
  using E = tls::CredentialError;
  switch (ck.error()) {
    case E::unreadable_chain_file: std::fprintf(stderr, "baretls: cannot read %s\n", cert_path); break;
    case E::unreadable_key_file: std::fprintf(stderr, "baretls: cannot read %s\n", key_path); break;
    case E::malformed_chain:
    case E::no_certificate: std::fprintf(stderr, "baretls: no certificate in %s\n", cert_path); break;
    case E::file_too_large:
      std::fprintf(stderr, "baretls: %s or %s: %s\n", cert_path, key_path, std::string(tls::to_string(ck.error())).c_str());
      break;
    default: std::fprintf(stderr, "baretls: %s: %s\n", key_path, std::string(tls::to_string(ck.error())).c_str());
  }
  return std::nullopt;
}

tls::Clock system_clock() {
  return {[](void*) -> std::int64_t { return static_cast<std::int64_t>(std::time(nullptr)); }, nullptr};
}

std::string describe_session(const tls::Connection& c) {
  std::string s = "TLS 1.2";
  if (const auto suite = c.cipher_suite()) s += ", " + std::string(tls::suite_name(*suite));
  if (const auto g = c.group()) s += ", " + std::string(tls::group_name(*g));
  if (const auto sc = c.signature_scheme()) s += ", " + std::string(tls::scheme_name(*sc));
  s += c.extended_master_secret() ? ", extended master secret" : ", no extended master secret";
  return s;
}

std::string describe_failure(const tls::Connection& c, tls::Error e) {
  std::string s(tls::to_string(e));
  if (const auto a = c.peer_alert()) s += " (peer sent alert " + std::string(tls::to_string(*a)) + ")";
  if (const auto a = c.alert_sent()) s += " (sent alert " + std::string(tls::to_string(*a)) + ")";
  return s;
}

bool parse_alpn(std::string_view list, tls::CommonConfig& cfg) {
  cfg.alpn.clear();
  std::string cur;
  for (std::size_t i = 0; i <= list.size(); ++i) {
    if (i == list.size() || list[i] == ',') {
      // RFC 7301 §3.1: ProtocolName<1..2^8-1>.
      if (cur.empty() || cur.size() > 255) {
        std::fprintf(stderr, "baretls: --alpn: protocol names must be 1 to 255 bytes\n");
        return false;
      }
      cfg.alpn.push_back(cur);
      cur.clear();
    } else {
      cur += list[i];
    }
  }
  return true;
}

namespace {
void write_key_log_line(void* ctx, std::string_view line) {
  auto* f = static_cast<std::FILE*>(ctx);
  std::fprintf(f, "%.*s\n", static_cast<int>(line.size()), line.data());
  std::fflush(f);
}
}  // namespace

bool open_key_log(const std::string& path, tls::CommonConfig& cfg) {
  std::string target = path;
  if (target.empty()) {
    const char* env = std::getenv("SSLKEYLOGFILE");
    if (env == nullptr || *env == '\0') return true;
    target = env;
  }
  // The file holds master secrets: owner-only, appended to, kept open for the process.
  const int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  std::FILE* f = fd >= 0 ? ::fdopen(fd, "a") : nullptr;
  if (f == nullptr) {
    if (fd >= 0) ::close(fd);
    std::fprintf(stderr, "baretls: cannot open key log file %s\n", target.c_str());
    return false;
  }
  cfg.key_log = {&write_key_log_line, f};
  return true;
}

std::string describe_certificate(std::span<const std::uint8_t> der) {
  auto cert = x509::Certificate::parse(der);
  if (!cert) return "(unparsable certificate)";
  return "subject " + escape_peer_text(cert->subject.to_string()) + ", issued by " +
         escape_peer_text(cert->issuer.to_string());
}

}  // namespace baretls::cli

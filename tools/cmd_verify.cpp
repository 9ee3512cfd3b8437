// SPDX-License-Identifier: MIT
// `baretls verify --CAfile ROOTS.pem [--untrusted CHAIN.pem] [--hostname NAME]
// [--purpose server|client] [--at UNIX_TIME] LEAF.pem`: X.509 path
// validation like `openssl verify` (README.md, "The command-line contract").
// Prints "OK" and exits 0, or prints the reason and exits 1 (2: usage).
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <string>
#include <vector>

#include "baretls/x509/pem.h"
#include "baretls/x509/trust_store.h"
#include "baretls/x509/verify.h"
#include "tools/args.h"
#include "tools/commands.h"

namespace baretls::cli {

namespace {

constexpr const char* kUsage =
    "usage: baretls verify [--CAfile ROOTS.pem] [--CApath DIR] [--untrusted CHAIN.pem]\n"
    "                      [--hostname NAME] [--purpose server|client] [--at UNIX_TIME] LEAF.pem\n"
    "\n"
    "Validates LEAF.pem's first certificate up to a root of ROOTS.pem (default: the\n"
    "system bundle, /etc/ssl/certs/ca-certificates.crt) through the certificates of\n"
    "CHAIN.pem. --hostname takes a DNS name or an IP address. Without --purpose no\n"
    "extended key usage is required. --at sets the time (default: now).\n"
    "Prints OK (exit 0) or the reason (exit 1).\n";

// Every certificate of a PEM file (or a single DER certificate).
x509::Result<std::vector<x509::Certificate>> load_certificates(const std::string& path) {
  auto data = x509::read_file(path.c_str(), x509::kMaxTrustFile);
  if (!data) return data.error();
  const std::string_view text(reinterpret_cast<const char*>(data->data()), data->size());
  auto ders = x509::pem_decode_all(text, "CERTIFICATE");
  if (!ders) return ders.error();
  if (ders->empty()) ders->push_back(*data);  // maybe DER
  std::vector<x509::Certificate> out;
  for (const auto& der : *ders) {
    auto cert = x509::Certificate::parse(der);
    if (!cert) return cert.error();
    out.push_back(std::move(*cert));
  }
  return out;
}

bool parse_time(const char* s, std::int64_t* out) {
  char* end = nullptr;
  const long long v = std::strtoll(s, &end, 10);
  if (end == s || *end != '\0') return false;
  *out = v;
  return true;
}

}  // namespace

int cmd_verify(int argc, char** argv) {
  std::string ca_file, ca_path, untrusted_file, leaf_file, hostname;
  x509::VerifyOptions options;
  options.purpose = x509::Purpose::any;
  options.now = static_cast<std::int64_t>(std::time(nullptr));
  Args args;
  args.value("--CAfile", ca_file)
      .value("--CApath", ca_path)
      .value("--untrusted", untrusted_file)
      .value("--hostname", hostname)
      .value("--purpose", [&options](const char* v) {
        const std::string p = v;
        if (p != "server" && p != "client") {
          std::cerr << "baretls verify: --purpose is server or client\n";
          return false;
        }
        options.purpose = p == "server" ? x509::Purpose::server : x509::Purpose::client;
        return true;
      })
      .value("--at", [&options](const char* v) {
        if (parse_time(v, &options.now)) return true;
        std::cerr << "baretls verify: --at needs a Unix time\n";
        return false;
      })
      .operand(leaf_file);
  const auto outcome = args.parse(argc, argv);
  switch (outcome.status) {
    case Args::Status::ok: break;
    case Args::Status::help: std::cout << kUsage; return 0;
    case Args::Status::bad_value: return 2;
    case Args::Status::unknown_option:
    case Args::Status::missing_value:
      std::cerr << "baretls verify: unexpected argument '" << outcome.arg << "'\n" << kUsage;
      return 2;
  }
  if (leaf_file.empty()) {
    std::cerr << kUsage;
    return 2;
  }
  x509::TrustStore roots;
  if (ca_file.empty() && ca_path.empty()) ca_file = x509::kSystemBundle;
  if (!ca_file.empty()) {
    const x509::Error e = roots.load_file(ca_file.c_str());
    if (e != x509::Error::ok && roots.size() == 0) {
      std::cout << ca_file << ": cannot load trust anchors: " << x509::to_string(e) << "\n";
      return 1;
    }
  }
  if (!ca_path.empty() && roots.load_directory(ca_path.c_str()) != x509::Error::ok) {
    std::cout << ca_path << ": no trust anchors\n";
    return 1;
  }
  std::vector<x509::Certificate> untrusted;
  if (!untrusted_file.empty()) {
    auto loaded = load_certificates(untrusted_file);
    if (!loaded) {
      std::cout << untrusted_file << ": " << x509::to_string(loaded.error()) << "\n";
      return 1;
    }
    untrusted = std::move(*loaded);
  }
  auto leaf = load_certificates(leaf_file);
  if (!leaf) {
    std::cout << leaf_file << ": " << x509::to_string(leaf.error()) << "\n";
    return 1;
  }
  options.hostname = hostname;
  const auto path = x509::verify_path(leaf->front(), untrusted, roots, options);
  if (!path) {
    std::cout << leaf_file << ": verification failed: " << x509::to_string(path.error()) << "\n";
    return 1;
  }
  std::cout << "OK\n";
  return 0;
}

}  // namespace baretls::cli

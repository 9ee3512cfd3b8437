// SPDX-License-Identifier: MIT
// Test support for the x509 suites: reading the fixtures of vectors/x509/
// (made by scripts/make-x509-fixtures.sh). Throws on a missing file, so a
// missing fixture fails the test instead of skipping it.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "baretls/x509/certificate.h"
#include "baretls/x509/pem.h"
#include "baretls/x509/trust_store.h"
#include "tests/support/hex.h"
#include "tests/support/vector_file.h"

namespace baretls::test {

inline std::string x509_fixture_path(const std::string& name) { return vector_path("x509/" + name); }

inline std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline Bytes read_binary_file(const std::string& path) {
  const std::string s = read_text_file(path);
  return Bytes(s.begin(), s.end());
}

// Every CERTIFICATE block of a fixture file, as DER.
inline std::vector<Bytes> fixture_ders(const std::string& name) {
  auto blocks = x509::pem_decode_all(read_text_file(x509_fixture_path(name)), "CERTIFICATE");
  if (!blocks || blocks->empty()) throw std::runtime_error("no certificate in " + name);
  return *blocks;
}

inline x509::Certificate fixture_certificate(const std::string& name) {
  auto cert = x509::Certificate::parse(fixture_ders(name).at(0));
  if (!cert) throw std::runtime_error(name + ": " + std::string(x509::to_string(cert.error())));
  return *cert;
}

// Every certificate of a fixture bundle, parsed ("-": none).
inline std::vector<x509::Certificate> fixture_bundle(const std::string& name) {
  std::vector<x509::Certificate> out;
  if (name == "-") return out;
  for (const auto& der : fixture_ders(name)) {
    auto c = x509::Certificate::parse(der);
    if (!c) throw std::runtime_error("bad fixture " + name);
    out.push_back(*c);
  }
  return out;
}

// A trust store holding a fixture bundle.
inline x509::TrustStore fixture_store(const std::string& name) {
  x509::TrustStore store;
  if (store.add_pem(read_text_file(x509_fixture_path(name))) != x509::Error::ok) throw std::runtime_error(name);
  return store;
}

}  // namespace baretls::test

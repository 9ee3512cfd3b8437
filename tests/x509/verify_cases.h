// SPDX-License-Identifier: MIT
// Test support: the records of vectors/x509/verify-cases.txt and
// vectors/x509/strict/verify-cases.txt (made by scripts/make-x509-fixtures.sh
// and make-x509-strict-fixtures.sh) as options for verify_path and as
// `baretls verify` / `openssl verify` arguments.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "baretls/x509/verify.h"
#include "tests/x509/fixtures.h"

namespace baretls::test {

struct VerifyCase {
  std::string name, leaf, cafile, untrusted, hostname, purpose, at, expect, openssl, where;
};

// Both case files, in that order: 56 cases, then 26 strict ones.
inline std::vector<VerifyCase> load_verify_cases() {
  std::vector<VerifyCase> out;
  for (const char* file : {"verify-cases.txt", "strict/verify-cases.txt"}) {
    for (const auto& r : load_vector_file(x509_fixture_path(file)).records) {
      out.push_back({r.get("Name"), r.get("Leaf"), r.get("CAfile"), r.get("Untrusted"), r.get("Hostname"),
                     r.get("Purpose"), r.get("At"), r.get("Expect"), r.get("OpenSSL"), r.where()});
    }
  }
  return out;
}

inline x509::Purpose purpose_from(const std::string& p) {
  if (p == "server") return x509::Purpose::server;
  if (p == "client") return x509::Purpose::client;
  if (p == "any") return x509::Purpose::any;
  throw std::runtime_error("bad purpose " + p);
}

// The x509::Error enumerator names used in the Expect field.
inline std::string error_name(x509::Error e) {
  static const std::map<x509::Error, std::string> names = {
      {x509::Error::ok, "ok"},
      {x509::Error::malformed, "malformed"},
      {x509::Error::unsupported_algorithm, "unsupported_algorithm"},
      {x509::Error::expired, "expired"},
      {x509::Error::not_yet_valid, "not_yet_valid"},
      {x509::Error::unknown_issuer, "unknown_issuer"},
      {x509::Error::bad_signature, "bad_signature"},
      {x509::Error::not_a_ca, "not_a_ca"},
      {x509::Error::path_too_long, "path_too_long"},
      {x509::Error::name_constraint_violated, "name_constraint_violated"},
      {x509::Error::hostname_mismatch, "hostname_mismatch"},
      {x509::Error::wrong_purpose, "wrong_purpose"},
      {x509::Error::unsupported_critical_extension, "unsupported_critical_extension"},
      {x509::Error::key_usage_forbids, "key_usage_forbids"},
      {x509::Error::chain_loop, "chain_loop"},
      {x509::Error::unsupported_rsa_key, "unsupported_rsa_key"},
      {x509::Error::nonconforming, "nonconforming"},
      {x509::Error::weak_key, "weak_key"},
      {x509::Error::work_limit_exceeded, "work_limit_exceeded"},
  };
  const auto it = names.find(e);
  return it == names.end() ? "error#" + std::to_string(static_cast<int>(e)) : it->second;
}

}  // namespace baretls::test

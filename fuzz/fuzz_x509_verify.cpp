// SPDX-License-Identifier: MIT
// Fuzz target "x509_verify": path validation (RFC 5280 §6.1) of a chain read
// from the input against a fixed trust store (the roots of vectors/x509/ and
// vectors/tls/) at a fixed time. Input: one option byte (bits 0-1 pick the
// host name, bit 2 the time, bits 3-4 the purpose), then the certificates as
// pieces (u16 big-endian length + DER), leaf first.
#include <array>
#include <string_view>

#include "baretls/x509/verify.h"
#include "fuzz/fuzz_support.h"

namespace {

using namespace baretls;

const x509::TrustStore& roots() {
  static const x509::TrustStore store = [] {
    x509::TrustStore s;
    if (s.add_pem(fuzz::read_fixture("x509/roots.pem")) != x509::Error::ok) fuzz::die("x509/roots.pem");
    if (s.add_pem(fuzz::read_fixture("tls/ca.pem")) != x509::Error::ok) fuzz::die("tls/ca.pem");
    return s;
  }();
  return store;
}

constexpr std::array<std::string_view, 4> kHosts = {"", "www.example.com", "localhost", "127.0.0.1"};
constexpr std::array<x509::Purpose, 4> kPurposes = {x509::Purpose::server, x509::Purpose::client,
                                                    x509::Purpose::any, x509::Purpose::server};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::uint8_t opt = data[0];
  x509::VerifyOptions o;
  o.hostname = kHosts[opt & 3u];
  o.now = (opt & 4u) != 0 ? fuzz::kTlsNow : fuzz::kX509Now;
  o.purpose = kPurposes[(opt >> 3) & 3u];
  // Twelve pieces: more than max_depth, so the depth bound is reachable.
  const auto pieces = fuzz::split_pieces(std::span(data + 1, size - 1), 12);
  if (pieces.empty()) return 0;
  auto key = x509::verify_chain(pieces, roots(), o);
  if (key) (void)key->bits();
  return 0;
}

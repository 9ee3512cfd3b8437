// SPDX-License-Identifier: MIT
// Fuzz target "der": the DER reader (X.690, strict) walked over every
// element of the input, each typed accessor tried on each primitive, then
// the whole input as an X.509 certificate (RFC 5280 §4.1) and everything a
// parsed certificate offers (names, key, fingerprint, host-name checks).
#include "baretls/x509/certificate.h"
#include "x509/der.h"
#include "baretls/x509/hostname.h"
#include "fuzz/fuzz_support.h"

namespace {

using namespace baretls::x509;

// Every typed reader on one element's encoding (each may refuse it).
void try_accessors(der::Bytes raw, std::uint8_t tag) {
  { der::Reader r(raw); (void)r.read_integer(tag); }
  { der::Reader r(raw); (void)r.read_unsigned_integer(); }
  { der::Reader r(raw); (void)r.read_small_unsigned(tag); }
  { der::Reader r(raw); (void)r.read_boolean(); }
  {
    der::Reader r(raw);
    if (auto b = r.read_bit_string(tag)) (void)der::octets_of(*b);
  }
  { der::Reader r(raw); (void)r.read_octet_string(tag); }
  { der::Reader r(raw); (void)r.read_null(); }
  {
    der::Reader r(raw);
    if (auto oid = r.read_oid()) (void)der::oid_is_valid(*oid);
  }
}

void walk(der::Reader r, std::size_t& budget) {
  while (!r.empty() && budget > 0) {
    --budget;
    auto e = r.read_any();
    if (!e) return;
    if ((e->tag & 0x20) != 0) {
      der::Reader inner(e->raw, r.depth());
      auto sub = inner.read_constructed(e->tag);
      if (sub) walk(*sub, budget);
    } else {
      try_accessors(e->raw, e->tag);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> in(data, size);
  std::size_t budget = 4096;
  walk(der::Reader(in), budget);
  (void)der::parse_single(in, der::kSequence);

  const auto cert = Certificate::parse(in);
  if (!cert) return 0;
  (void)cert->subject.to_string();
  (void)cert->issuer.to_string();
  (void)cert->fingerprint_sha256();
  (void)cert->is_self_issued();
  (void)check_hostname(*cert, "localhost");
  (void)check_hostname(*cert, "www.example.com");
  (void)check_hostname(*cert, "127.0.0.1");
  (void)check_hostname(*cert, "::1");
  if (auto key = cert->public_key()) (void)key->bits();
  return 0;
}

// SPDX-License-Identifier: MIT
// DER reader suite: accepted encodings and every BER/non-minimal form that
// must be refused (X.690 §8, §10, §11), with the Error each gives.
#include "x509/der.h"

#include <doctest/doctest.h>

#include "x509/oid.h"
#include "tests/support/hex.h"

using namespace baretls;
using namespace baretls::test;
using namespace baretls::x509;

namespace {

Error first_error(const Bytes& data, std::uint8_t tag) {
  const auto r = der::parse_single(data, tag);
  return r.ok() ? Error::ok : r.error();
}

struct Case {
  const char* hex;
  std::uint8_t tag;
  Error expected;
};

}  // namespace

TEST_CASE("DER lengths: short, long, minimal, indefinite, truncated") {
  const Case cases[] = {
      {"0400", der::kOctetString, Error::ok},
      {"040141", der::kOctetString, Error::ok},
      {"0481", der::kOctetString, Error::malformed},          // length octets missing
      {"048101", der::kOctetString, Error::malformed},        // long form for < 128
      {"04820001", der::kOctetString, Error::malformed},      // leading zero length octet
      {"0480", der::kOctetString, Error::unsupported_encoding},  // indefinite (BER)
      {"0485ffffffffff", der::kOctetString, Error::too_large},
      {"040241", der::kOctetString, Error::malformed},        // truncated contents
      {"04014142", der::kOctetString, Error::malformed},      // trailing byte
      {"2403040141", der::kOctetString, Error::unsupported_encoding},  // constructed string (BER)
      {"1f2200", 0x1f, Error::unsupported_encoding},          // high tag number
      {"0500", der::kOctetString, Error::malformed},          // wrong tag
      {"", der::kOctetString, Error::malformed},
  };
  std::size_t n = 0;
  for (const auto& c : cases) {
    CAPTURE(c.hex);
    CHECK(first_error(from_hex(c.hex), c.tag) == c.expected);
    ++n;
  }
  // 128 bytes needs the long form 0x81 0x80.
  Bytes long_form = {0x04, 0x81, 0x80};
  long_form.resize(3 + 128, 0x41);
  CHECK(first_error(long_form, der::kOctetString) == Error::ok);
  Bytes two_byte = {0x04, 0x82, 0x01, 0x00};
  two_byte.resize(4 + 256, 0);
  CHECK(first_error(two_byte, der::kOctetString) == Error::ok);
  n += 2;
  MESSAGE("DER length cases: " << n);
  CHECK(n == 15);
}

TEST_CASE("DER INTEGER is minimal") {
  struct I {
    const char* hex;
    bool ok;
  };
  const I cases[] = {{"020100", true},   {"02017f", true},  {"02020080", true}, {"020180", true},
                     {"0202ff7f", true}, {"0200", false},   {"02020001", false}, {"0202ff80", false},
                     {"02020000", false}};
  for (const auto& c : cases) {
    const Bytes r_bytes = from_hex(c.hex);
    der::Reader r(r_bytes);
    CAPTURE(c.hex);
    CHECK(r.read_integer().ok() == c.ok);
  }
  const Bytes pos_bytes = from_hex("0203008000");
  der::Reader pos(pos_bytes);
  auto mag = pos.read_unsigned_integer();
  REQUIRE(mag.ok());
  CHECK(to_hex(*mag) == "8000");
  const Bytes neg_bytes = from_hex("020180");
  der::Reader neg(neg_bytes);
  CHECK(neg.read_unsigned_integer().error() == Error::malformed);
  const Bytes small_bytes = from_hex("02020100");
  der::Reader small(small_bytes);
  CHECK(*small.read_small_unsigned() == 256);
}

TEST_CASE("DER BOOLEAN, NULL, BIT STRING, OID canonical forms") {
  CHECK(*der::Reader(from_hex("0101ff")).read_boolean() == true);
  CHECK(*der::Reader(from_hex("010100")).read_boolean() == false);
  CHECK(der::Reader(from_hex("010101")).read_boolean().error() == Error::malformed);
  CHECK(der::Reader(from_hex("01020000")).read_boolean().error() == Error::malformed);
  CHECK(der::Reader(from_hex("0500")).read_null() == Error::ok);
  CHECK(der::Reader(from_hex("050100")).read_null() == Error::malformed);
  auto bits = der::Reader(from_hex("03020780")).read_bit_string();
  REQUIRE(bits.ok());
  CHECK(bits->unused_bits == 7);
  CHECK(der::Reader(from_hex("03020781")).read_bit_string().error() == Error::malformed);  // unused bit set
  CHECK(der::Reader(from_hex("030108")).read_bit_string().error() == Error::malformed);    // > 7 unused
  CHECK(der::Reader(from_hex("030101")).read_bit_string().error() == Error::malformed);    // empty with unused
  CHECK(der::Reader(from_hex("030100")).read_bit_string().ok());
  const Bytes oid_bytes = from_hex("06092a864886f70d01010b");
  auto oid = der::Reader(oid_bytes).read_oid();
  REQUIRE(oid.ok());
  CHECK(oid::to_dotted(*oid) == "1.2.840.113549.1.1.11");
  CHECK(oid::short_name(*oid) == "sha256WithRSAEncryption");
  CHECK(oid::to_dotted(oid::kSecp384r1) == "1.3.132.0.34");
  CHECK(der::Reader(from_hex("0600")).read_oid().error() == Error::malformed);
  CHECK(der::Reader(from_hex("0602802a")).read_oid().error() == Error::malformed);  // non-minimal arc
  CHECK(der::Reader(from_hex("06022a86")).read_oid().error() == Error::malformed);  // unterminated arc
}

TEST_CASE("DER sequences: nesting is bounded, optional elements, trailing data") {
  // SEQUENCE { INTEGER 1, [0] { NULL } }
  const Bytes outer_bytes = from_hex("3007020101a0020500");
  der::Reader outer(outer_bytes);
  auto seq = outer.read_sequence();
  REQUIRE(seq.ok());
  CHECK(outer.expect_end() == Error::ok);
  CHECK(*seq->read_small_unsigned() == 1);
  auto absent = seq->read_optional(der::context_constructed(1));
  REQUIRE(absent.ok());
  CHECK(!absent->has_value());
  auto tagged = seq->read_constructed(der::context_constructed(0));
  REQUIRE(tagged.ok());
  CHECK(tagged->read_null() == Error::ok);
  CHECK(seq->expect_end() == Error::ok);
  // Nesting deeper than kMaxDepth is refused, not recursed into.
  Bytes deep;
  const unsigned levels = der::kMaxDepth + 2;
  for (unsigned i = 0; i < levels; ++i) {
    deep.insert(deep.begin(), static_cast<std::uint8_t>(2 * i));
    deep.insert(deep.begin(), 0x30);
  }
  der::Reader r(deep);
  Error last = Error::ok;
  unsigned reached = 0;
  while (true) {
    auto inner = r.read_sequence();
    if (!inner) {
      last = inner.error();
      break;
    }
    r = *inner;
    ++reached;
  }
  CHECK(last == Error::too_large);
  CHECK(reached == der::kMaxDepth);
}

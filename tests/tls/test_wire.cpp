// SPDX-License-Identifier: MIT
// wire::Reader / wire::Writer (tls/wire.h): bounds, vector length limits,
// sticky failure, back-filled lengths, the suite table's invariants.
#include "tls/wire.h"

#include <doctest/doctest.h>

#include "tests/support/hex.h"
#include "tls/suites.h"

using namespace baretls;
using namespace baretls::tls;
using namespace baretls::test;

TEST_CASE("wire::Reader reads big-endian integers and vectors") {
  const Bytes in = from_hex("01" "0203" "040506" "0708090a" "02aabb" "0001cc" "000001dd");
  wire::Reader r(in);
  CHECK(*r.u8() == 0x01);
  CHECK(*r.u16() == 0x0203);
  CHECK(*r.u24() == 0x040506);
  CHECK(*r.u32() == 0x0708090a);
  CHECK(to_hex(*r.opaque8(0, 2)) == "aabb");
  CHECK(to_hex(*r.opaque16(1, 1)) == "cc");
  auto sub = r.sub24(1, 5);
  REQUIRE(sub.ok());
  CHECK(*sub->u8() == 0xdd);
  CHECK(sub->expect_empty() == Error::ok);
  CHECK(r.expect_empty() == Error::ok);
}

TEST_CASE("wire::Reader failures are decode errors and sticky") {
  const Bytes in = from_hex("0003aabb");
  SUBCASE("truncated vector body") {
    wire::Reader r(in);
    CHECK(r.opaque16(0, 10).error() == Error::decode_truncated);
    CHECK(r.u8().error() == Error::decode_truncated);  // sticky
    CHECK(r.expect_empty() == Error::decode_truncated);
  }
  SUBCASE("length above max") {
    wire::Reader r(in);
    CHECK(r.opaque16(0, 2).error() == Error::decode_bad_length);
  }
  SUBCASE("length below min") {
    wire::Reader r(in);
    CHECK(r.opaque16(4, 10).error() == Error::decode_bad_length);
  }
  SUBCASE("trailing data") {
    wire::Reader r(in);
    CHECK(*r.u8() == 0);
    CHECK(r.expect_empty() == Error::decode_trailing_data);
  }
  SUBCASE("every integer on an empty input") {
    wire::Reader r({});
    CHECK(r.u8().error() == Error::decode_truncated);
    wire::Reader r2(std::span<const std::uint8_t>(in).first(2));
    CHECK(r2.u24().error() == Error::decode_truncated);
  }
}

TEST_CASE("wire::Writer back-fills nested lengths and refuses overflow") {
  std::uint8_t buf[16];
  wire::Writer w(buf);
  const auto outer = w.open_length(2);
  w.u8(7);
  const auto inner = w.open_length(1);
  w.u16(0x1234);
  w.close_length(inner);
  w.close_length(outer);
  CHECK(*w.finish() == 6);
  CHECK(to_hex(w.written()) == "000407021234");

  std::uint8_t small[3];
  wire::Writer w2(small);
  w2.u16(1);
  w2.u16(2);
  CHECK(w2.finish().error() == Error::buffer_too_small);
  w2.u8(1);  // ignored after failure
  CHECK(w2.size() == 2);

  // A body longer than its 1-byte prefix allows is our bug, never truncated silently.
  std::vector<std::uint8_t> big(400);
  Bytes body(300);
  wire::Writer w3(big);
  w3.opaque8(body);
  CHECK(w3.error() == Error::internal_error);
}

TEST_CASE("suite table") {
  std::size_t n = 0;
  for (const auto& s : kSuites) {
    CHECK(find_suite(static_cast<std::uint16_t>(s.id)) == &s);
    CHECK(suite_by_name(s.iana_name) == s.id);
    CHECK(suite_by_name(s.openssl_name) == s.id);
    const bool sha384 = s.iana_name.ends_with("SHA384");
    CHECK((s.prf_hash == crypto::HashId::sha384) == sha384);
    CHECK(s.fixed_iv_length + s.record_iv_length == 12);
    ++n;
  }
  CHECK(n == 8);
  CHECK(find_suite(0x0035) == nullptr);
  CHECK(!suite_by_name("RC4-MD5"));
}

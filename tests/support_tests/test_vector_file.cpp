// SPDX-License-Identifier: MIT
// The vector reader's own tests: sections, records, CRLF, and malformed
// files reported as errors rather than skipped.
#include <doctest/doctest.h>

#include "tests/support/hex.h"
#include "tests/support/vector_file.h"

using namespace baretls::test;

TEST_CASE("parses sections and records, CRLF and comments") {
  const auto f = parse_vector_text(
      "# comment\r\n[Hash = SHA-256]\r\n[L=32]\r\n\r\nCount = 0\r\nKey = 00ff\r\nPT = \r\n\r\n"
      "Count = 1\r\nKey = 01\r\n\r\n[ENCRYPT]\r\n\r\nCount = 2\r\n",
      "mem");
  REQUIRE(f.records.size() == 3);
  CHECK(f.records[0].section_value("Hash") == "SHA-256");
  CHECK(f.records[0].section_value("L") == "32");
  CHECK(f.records[0].bytes("Key") == Bytes{0x00, 0xff});
  CHECK(f.records[0].bytes("PT").empty());
  CHECK(f.records[1].number("Count") == 1);
  CHECK(f.records[2].has_section("ENCRYPT"));
  CHECK_FALSE(f.records[2].has_section("Hash"));  // a new header set replaced the old one
  CHECK(f.records[1].line == 9);
}

TEST_CASE("malformed files are errors") {
  CHECK_THROWS_AS((void)parse_vector_text("Count = 0\nthis line is junk\n", "mem"), VectorFormatError);
  CHECK_THROWS_AS((void)parse_vector_text("[unterminated\n", "mem"), VectorFormatError);
  CHECK_THROWS_AS((void)parse_vector_text("Key = 1\nKey = 2\n", "mem"), VectorFormatError);
  const auto f = parse_vector_text("Key = 0g\nN = 12x\n", "mem");
  CHECK_THROWS_AS((void)f.records[0].bytes("Key"), VectorFormatError);
  CHECK_THROWS_AS((void)f.records[0].number("N"), VectorFormatError);
  CHECK_THROWS_AS((void)f.records[0].get("Missing"), VectorFormatError);
  CHECK_THROWS_AS((void)f.records[0].section_value("L"), VectorFormatError);
  CHECK_THROWS((void)load_vector_file("/nonexistent/file.rsp"));
}

TEST_CASE("hex round trip and errors") {
  CHECK(to_hex(from_hex("00A1ff")) == "00a1ff");
  CHECK_THROWS_AS((void)from_hex("abc"), std::invalid_argument);
  CHECK_THROWS_AS((void)from_hex("zz"), std::invalid_argument);
}

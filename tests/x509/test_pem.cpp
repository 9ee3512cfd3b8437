// SPDX-License-Identifier: MIT
// PEM suite (RFC 7468): several blocks, labels, text around blocks, strict
// base64 (RFC 4648), round trips of pem_encode.
#include "baretls/x509/pem.h"

#include <doctest/doctest.h>

#include "tests/support/hex.h"

using namespace baretls;
using namespace baretls::test;
using namespace baretls::x509;

TEST_CASE("base64 strict decoding") {
  struct B {
    const char* in;
    const char* hex;  // nullptr: must fail
  };
  const B cases[] = {
      {"", ""},         {"Zg==", "66"},     {"Zm8=", "666f"},  {"Zm9v", "666f6f"}, {"Zm9v\nYmFy", "666f6f626172"},
      {"Zh==", nullptr},  // non-zero pad bits
      {"Zm9=", nullptr},  // non-zero pad bits
      {"Zg=", nullptr},   {"Zg", nullptr},  {"Z===", nullptr}, {"Zg==Zg==", nullptr}, {"Zm9v!", nullptr},
      {"Zm-v", nullptr},
  };
  std::size_t n = 0;
  for (const auto& c : cases) {
    CAPTURE(c.in);
    const auto r = base64_decode(c.in);
    if (c.hex == nullptr) {
      CHECK(r.error() == Error::malformed);
    } else {
      REQUIRE(r.ok());
      CHECK(to_hex(*r) == c.hex);
    }
    ++n;
  }
  CHECK(n == 13);
}

TEST_CASE("PEM: several blocks, labels, surrounding text, round trip") {
  const Bytes a = from_hex("3003020101");
  const Bytes b(200, 0xab);
  const std::string text = "Subject: something\n" + pem_encode("CERTIFICATE", a) + "between blocks\n" +
                           pem_encode("PRIVATE KEY", b) + pem_encode("CERTIFICATE", b) + "trailer";
  auto blocks = pem_decode_blocks(text);
  REQUIRE(blocks.ok());
  REQUIRE(blocks->size() == 3);
  CHECK((*blocks)[0].label == "CERTIFICATE");
  CHECK((*blocks)[1].label == "PRIVATE KEY");
  CHECK((*blocks)[0].data == a);
  CHECK((*blocks)[1].data == b);
  auto certs = pem_decode_all(text, "CERTIFICATE");
  REQUIRE(certs.ok());
  REQUIRE(certs->size() == 2);
  CHECK((*certs)[1] == b);
  auto none = pem_decode_all("no pem here", "CERTIFICATE");
  REQUIRE(none.ok());
  CHECK(none->empty());
  // CRLF line ends are fine.
  std::string crlf;
  for (const char c : pem_encode("CERTIFICATE", a)) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  auto crlf_blocks = pem_decode_all(crlf, "CERTIFICATE");
  REQUIRE(crlf_blocks.ok());
  CHECK(crlf_blocks->at(0) == a);
}

TEST_CASE("PEM: malformed blocks are errors") {
  const char* bad[] = {
      "-----BEGIN CERTIFICATE-----\nMAMCAQE=\n-----END PRIVATE KEY-----\n",     // label mismatch
      "-----BEGIN CERTIFICATE-----\nMAMCAQE=\n",                                 // no END
      "-----BEGIN CERTIFICATE-----\nMAMC*QE=\n-----END CERTIFICATE-----\n",     // bad character
      "-----BEGIN CERTIFICATE-----\nMAMCAQ\n-----END CERTIFICATE-----\n",       // bad length
      "-----BEGIN CERTIFICATE-----\n\n-----END CERTIFICATE-----\n",             // empty
      "-----BEGIN CERTIFICATE----- x\nMAMCAQE=\n-----END CERTIFICATE-----\n",   // junk after BEGIN
      "-----BEGIN CERT--IFICATE-----\nMAMCAQE=\n-----END CERT--IFICATE-----\n",  // bad label
      "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nMAMCAQE=\n-----END RSA PRIVATE KEY-----\n",
  };
  std::size_t n = 0;
  for (const char* t : bad) {
    CAPTURE(t);
    CHECK(pem_decode_blocks(t).error() == Error::malformed);
    ++n;
  }
  CHECK(n == 8);
  // "-----BEGIN" not at the start of a line is text, not a block.
  auto inline_text = pem_decode_blocks("see -----BEGIN CERTIFICATE----- in docs");
  REQUIRE(inline_text.ok());
  CHECK(inline_text->empty());
}

// SPDX-License-Identifier: MIT
// Host-name matching suite (RFC 6125 §6.4, RFC 5280 §4.2.1.6): wildcards only
// as the whole left-most label over exactly one label, never "*.com"; ASCII
// case-insensitive; IP literals against iPAddress entries only.
#include "baretls/x509/hostname.h"

#include <doctest/doctest.h>

#include "tests/x509/fixtures.h"

using namespace baretls;
using namespace baretls::test;
using namespace baretls::x509;

TEST_CASE("DNS name matching rules") {
  struct M {
    const char* presented;
    const char* reference;
    bool match;
  };
  const M cases[] = {
      {"www.example.com", "www.example.com", true},
      {"www.example.com", "WWW.Example.COM", true},
      {"www.example.com", "www.example.com.", true},
      {"www.example.com", "example.com", false},
      {"www.example.com", "www.example.co", false},
      {"*.example.com", "foo.example.com", true},
      {"*.example.com", "FOO.EXAMPLE.COM", true},
      {"*.example.com", "bar.foo.example.com", false},
      {"*.example.com", "example.com", false},
      {"*.example.com", ".example.com", false},
      {"*.com", "example.com", false},
      {"*.co", "example.co", false},
      {"*", "example", false},
      {"f*.example.com", "foo.example.com", false},   // partial-label wildcards are refused
      {"*oo.example.com", "foo.example.com", false},
      {"www.*.example.com", "www.a.example.com", false},
      {"*.*.example.com", "a.b.example.com", false},
      {"*.example.com", "192.0.2.1", false},
      {"192.0.2.1", "192.0.2.1", false},  // an IP reference never matches a dNSName
      {"xn--bcher-kva.example", "XN--BCHER-KVA.example", true},
      {"www.example.com", "", false},
      {"www.example.com", "www..example.com", false},
      {"", "example.com", false},
  };
  std::size_t n = 0;
  for (const auto& c : cases) {
    CAPTURE(c.presented);
    CAPTURE(c.reference);
    CHECK(match_dns_name(c.presented, c.reference) == c.match);
    ++n;
  }
  CHECK(n == 23);
}

TEST_CASE("IP literals") {
  struct L {
    const char* text;
    const char* hex;  // nullptr: not an IP literal
  };
  const L cases[] = {
      {"192.0.2.1", "c0000201"},
      {"0.0.0.0", "00000000"},
      {"255.255.255.255", "ffffffff"},
      {"2001:db8::1", "20010db8000000000000000000000001"},
      {"2001:DB8:0:0:0:0:0:1", "20010db8000000000000000000000001"},
      {"::", "00000000000000000000000000000000"},
      {"::1", "00000000000000000000000000000001"},
      {"1::", "00010000000000000000000000000000"},
      {"::ffff:192.0.2.1", "00000000000000000000ffffc0000201"},
      {"256.0.0.1", nullptr},
      {"192.0.2", nullptr},
      {"192.0.2.1.5", nullptr},
      {"01.2.3.4", nullptr},
      {"1.2.3.4 ", nullptr},
      {"2001:db8::1::1", nullptr},
      {"2001:db8:0:0:0:0:0:0:1", nullptr},
      {"12345::", nullptr},
      {":1", nullptr},
      {"1:", nullptr},
      {"example.com", nullptr},
  };
  std::size_t n = 0;
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto ip = parse_ip_literal(c.text);
    if (c.hex == nullptr) {
      CHECK(!ip.has_value());
    } else {
      REQUIRE(ip.has_value());
      CHECK(to_hex(ip->span()) == c.hex);
    }
    ++n;
  }
  CHECK(n == 20);
}

TEST_CASE("host names against fixture certificates (SAN only)") {
  const auto leaf = fixture_certificate("leaf-rsa.pem");
  CHECK(check_hostname(leaf, "www.example.com") == Error::ok);
  CHECK(check_hostname(leaf, "example.com") == Error::ok);
  CHECK(check_hostname(leaf, "mail.example.com") == Error::hostname_mismatch);
  CHECK(check_hostname(leaf, "") == Error::hostname_mismatch);
  const auto ec = fixture_certificate("leaf-ec.pem");
  CHECK(check_hostname(ec, "192.0.2.1") == Error::ok);
  CHECK(check_hostname(ec, "2001:db8::1") == Error::ok);
  CHECK(check_hostname(ec, "2001:db8::2") == Error::hostname_mismatch);
  const auto ip = fixture_certificate("leaf-ip.pem");
  CHECK(check_hostname(ip, "192.0.2.10") == Error::ok);
  CHECK(check_hostname(ip, "192.0.2.11") == Error::hostname_mismatch);  // only a dNSName "192.0.2.11"
  // The subject CN is never used.
  const auto cn_only = fixture_certificate("leaf-cn-only.pem");
  CHECK(cn_only.subject.common_name() == "cn-only.example.com");
  CHECK(check_hostname(cn_only, "cn-only.example.com") == Error::hostname_mismatch);
  const auto tld = fixture_certificate("leaf-wildcard-tld.pem");
  CHECK(check_hostname(tld, "example.com") == Error::hostname_mismatch);
  const auto wild = fixture_certificate("leaf-wildcard.pem");
  CHECK(check_hostname(wild, "x.wild.example.com") == Error::ok);
  CHECK(check_hostname(wild, "x.y.wild.example.com") == Error::hostname_mismatch);
}

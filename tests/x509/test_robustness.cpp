// SPDX-License-Identifier: MIT
// Robustness: every truncation and every single-byte change (all 255 other
// values at every offset) of valid certificates, SPKIs and private keys must
// give an error or a well-formed result, never a crash or an out-of-bounds
// read (run under the asan preset to check the latter). Well-formed results
// are exercised further: printed, keyed, host-checked, and (for the changes
// x ^ 0x01, x ^ 0x80, x ^ 0xff, to bound the signature work) path-validated.
// The RSA private key, whose every parse builds Montgomery contexts, gets
// those three changes per offset instead of all 255.
#include <doctest/doctest.h>

#include "baretls/x509/hostname.h"
#include "baretls/x509/key.h"
#include "baretls/x509/verify.h"
#include "tests/x509/fixtures.h"

using namespace baretls;
using namespace baretls::test;
using namespace baretls::x509;

namespace {

struct Tally {
  std::size_t inputs = 0;
  std::size_t accepted = 0;
};

TrustStore fixture_roots() {
  TrustStore s;
  if (s.add_pem(read_text_file(x509_fixture_path("roots.pem"))) != Error::ok) throw std::runtime_error("roots");
  return s;
}

// Parse, then use everything a parsed certificate offers.
void exercise_certificate(std::span<const std::uint8_t> der, const TrustStore& roots, bool validate, Tally& t) {
  ++t.inputs;
  const auto cert = Certificate::parse(der);
  if (!cert) return;
  ++t.accepted;
  (void)cert->subject.to_string();
  (void)cert->issuer.to_string();
  (void)cert->fingerprint_sha256();
  (void)check_hostname(*cert, "www.example.com");
  (void)check_hostname(*cert, "192.0.2.1");
  if (cert->public_key().ok()) CHECK(cert->public_key()->bits() > 0);
  if (validate) {
    VerifyOptions o;
    o.now = 1767225600;
    (void)verify_path(*cert, {}, roots, o);
  }
}

void exercise_key(std::span<const std::uint8_t> der, bool spki, Tally& t) {
  ++t.inputs;
  if (spki) {
    const auto key = PublicKey::from_spki(der);
    if (key) {
      ++t.accepted;
      CHECK(key->bits() > 0);
    }
    return;
  }
  const auto key = PrivateKey::from_der(der);
  if (key) {
    ++t.accepted;
    CHECK(key->public_key().bits() > 0);
  }
}

enum class Changes : std::uint8_t { all, three };

bool is_flip(std::uint8_t from, std::uint8_t to) noexcept {
  const auto d = static_cast<std::uint8_t>(from ^ to);
  return d == 0x01 || d == 0x80 || d == 0xff;
}

// run(bytes, flip): every truncation, then single-byte changes; `flip` is
// true for the three XOR changes.
template <typename F>
void mutate(const Bytes& original, Changes changes, F&& run) {
  for (std::size_t len = 0; len < original.size(); ++len) run(Bytes(original.begin(), original.begin() + len), true);
  Bytes m = original;
  for (std::size_t i = 0; i < m.size(); ++i) {
    const std::uint8_t keep = m[i];
    for (unsigned v = 0; v < 256; ++v) {
      if (v == keep) continue;
      const bool flip = is_flip(keep, static_cast<std::uint8_t>(v));
      if (changes == Changes::three && !flip) continue;
      m[i] = static_cast<std::uint8_t>(v);
      run(m, flip);
    }
    m[i] = keep;
  }
}

}  // namespace

TEST_CASE("certificates: every truncation and single-byte change") {
  const auto roots = fixture_roots();
  std::size_t total = 0;
  for (const std::string name : {"leaf-ec.pem", "int-nc.pem", "root-ec.pem", "leaf-pss.pem"}) {
    CAPTURE(name);
    const Bytes der = fixture_ders(name).at(0);
    Tally t;
    mutate(der, Changes::all, [&](const Bytes& m, bool flip) { exercise_certificate(m, roots, flip, t); });
    CHECK(t.inputs == der.size() * 256);
    MESSAGE(name << ": " << t.inputs << " variants, " << t.accepted << " parsed");
    total += t.inputs;
  }
  CHECK(total > 500000);
}

TEST_CASE("keys: every truncation and single-byte change") {
  struct K {
    const char* file;
    const char* label;  // PEM label, or nullptr for a DER file
    bool spki;
  };
  const K keys[] = {
      {"keys/p256-spki.der", nullptr, true},     {"keys/p384-spki.der", nullptr, true},
      {"keys/rsa-spki.der", nullptr, true},      {"keys/p256-sec1.pem", "EC PRIVATE KEY", false},
      {"keys/p256-pkcs8.pem", "PRIVATE KEY", false}, {"keys/p384-sec1.pem", "EC PRIVATE KEY", false},
      {"keys/rsa-pkcs1.pem", "RSA PRIVATE KEY", false},
  };
  std::size_t total = 0;
  for (const auto& k : keys) {
    CAPTURE(k.file);
    Bytes der;
    if (k.label == nullptr) {
      der = read_binary_file(x509_fixture_path(k.file));
    } else {
      auto blocks = pem_decode_all(read_text_file(x509_fixture_path(k.file)), k.label);
      REQUIRE(blocks.ok());
      der = blocks->at(0);
    }
    Tally t;
    const bool rsa_private = !k.spki && std::string(k.label) == "RSA PRIVATE KEY";
    mutate(der, rsa_private ? Changes::three : Changes::all, [&](const Bytes& m, bool) { exercise_key(m, k.spki, t); });
    CHECK(t.inputs == der.size() * (rsa_private ? 4 : 256));
    MESSAGE(std::string(k.file) << ": " << t.inputs << " variants, " << t.accepted << " accepted");
    total += t.inputs;
  }
  CHECK(total > 100000);
}

TEST_CASE("PEM text: every truncation and single-byte change") {
  const std::string text = read_text_file(x509_fixture_path("roots.pem"));
  std::size_t n = 0;
  for (std::size_t len = 0; len < text.size(); ++len) {
    (void)pem_decode_blocks(std::string_view(text).substr(0, len));
    ++n;
  }
  std::string m = text;
  for (std::size_t i = 0; i < m.size(); ++i) {
    const char keep = m[i];
    for (const char c : {'\0', '-', '=', '\n', 'A', ' ', ':'}) {
      if (c == keep) continue;
      m[i] = c;
      (void)pem_decode_blocks(m);
      ++n;
    }
    m[i] = keep;
  }
  MESSAGE("PEM variants: " << n);
  CHECK(n > 5 * text.size());
}

// SPDX-License-Identifier: MIT
// Fuzz target "pem_key": PEM decoding (RFC 7468, base64 RFC 4648 §4) and
// private-key parsing (PKCS#8 RFC 5208, PKCS#1 RFC 8017 App. A.1.2, SEC1
// RFC 5915). The input is tried as PEM text (every block, certificates,
// keys) and as DER; a key that parses signs a message and the signature is
// verified with its public key, so a malformed key that slips through the
// consistency checks shows up here.
#include <array>
#include <string_view>

#include "baretls/x509/key.h"
#include "baretls/x509/pem.h"
#include "fuzz/fuzz_support.h"

namespace {

using namespace baretls;

fuzz::CounterRng g_rng{7};

x509::SignatureScheme scheme_for(x509::KeyType t) {
  switch (t) {
    case x509::KeyType::ec_p256: return x509::SignatureScheme::ecdsa_secp256r1_sha256;
    case x509::KeyType::ec_p384: return x509::SignatureScheme::ecdsa_secp384r1_sha384;
    case x509::KeyType::rsa: break;
  }
  return x509::SignatureScheme::rsa_pss_rsae_sha256;
}

void exercise(const x509::PrivateKey& key) {
  const auto pub = key.public_key();
  if (pub.bits() == 0) fuzz::die("parsed key without size");
  // RSA signing is slow: only keys up to 2048 bits sign, to keep the rate up.
  if (key.type() == x509::KeyType::rsa && pub.bits() > 2048) return;
  static constexpr std::uint8_t kMessage[] = {'f', 'u', 'z', 'z'};
  std::array<std::uint8_t, 1024> sig{};
  const auto scheme = scheme_for(key.type());
  g_rng.reset();
  auto n = key.sign(scheme, kMessage, g_rng.source(), sig);
  if (!n) return;  // e.g. an inconsistent RSA key caught at signing time
  if (pub.verify(scheme, kMessage, std::span(sig).first(*n)) != x509::Error::ok)
    fuzz::die("a parsed key produced a signature its public key rejects");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto blocks = x509::pem_decode_blocks(text)) {
    for (const auto& b : *blocks) (void)b.label.size();
  }
  (void)x509::pem_decode_all(text, "CERTIFICATE");
  (void)x509::base64_decode(text);
  if (auto key = x509::PrivateKey::from_pem(text)) exercise(*key);
  if (auto key = x509::PrivateKey::from_der(std::span(data, size))) exercise(*key);
  (void)x509::PublicKey::from_spki(std::span(data, size));
  return 0;
}

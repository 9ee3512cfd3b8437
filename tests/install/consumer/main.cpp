// SPDX-License-Identifier: MIT
// Consumer check: links baretls through its installed package and hashes
// "abc" (FIPS 180-4 example), printing OK when the digest matches; the
// umbrella header must compile on its own from the installed tree.
#include <baretls/baretls.h>
#include <baretls/crypto/sha256.h>

#include <cstdio>

int main() {
  const unsigned char abc[] = {'a', 'b', 'c'};
  const auto d = baretls::crypto::Sha256::hash(abc);
  const unsigned char expected[4] = {0xba, 0x78, 0x16, 0xbf};
  for (int i = 0; i < 4; ++i) {
    if (d[static_cast<unsigned>(i)] != expected[i]) {
      std::puts("digest mismatch");
      return 1;
    }
  }
  // Touch the other two libraries so that every archive must link.
  if (baretls::tls::to_string(baretls::tls::Error::ok).empty()) return 1;
  if (baretls::x509::to_string(baretls::x509::Error::ok).empty()) return 1;
  if (baretls::tls::suite_by_name("ECDHE-RSA-AES128-GCM-SHA256") !=
      baretls::tls::CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256)
    return 1;
  std::puts("OK");
  return 0;
}

// SPDX-License-Identifier: MIT
// OpenSSL (libcrypto EVP) peers: ChaCha20-Poly1305 encrypt/decrypt with a
// 13-byte AAD, and X25519 ("ecdhx25519": derive, keygen+derive; see
// bench/peer_openssl_pkey.h). Every call must succeed; decryption must
// verify the tag.
#include <openssl/evp.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "bench/harness.h"
#include "bench/peer_openssl_pkey.h"

namespace baretls::bench {
namespace {

constexpr unsigned char kKey[32] = {1, 2, 3};
constexpr unsigned char kNonce[12] = {7};
constexpr unsigned char kAad[13] = {0, 0, 0, 0, 0, 0, 0, 1, 23, 3, 3};

struct EvpCtx {
  EVP_CIPHER_CTX* enc = EVP_CIPHER_CTX_new();
  EVP_CIPHER_CTX* dec = EVP_CIPHER_CTX_new();
  std::vector<unsigned char> msg, ct, out;
  unsigned char tag[16] = {};
  ~EvpCtx() {
    EVP_CIPHER_CTX_free(enc);
    EVP_CIPHER_CTX_free(dec);
  }
};

bool seal(EvpCtx& c, const std::vector<unsigned char>& in, std::vector<unsigned char>& out, unsigned char tag[16]) {
  int len = 0;
  return EVP_EncryptInit_ex(c.enc, nullptr, nullptr, nullptr, kNonce) == 1 &&
         EVP_EncryptUpdate(c.enc, nullptr, &len, kAad, sizeof kAad) == 1 &&
         EVP_EncryptUpdate(c.enc, out.data(), &len, in.data(), static_cast<int>(in.size())) == 1 &&
         EVP_EncryptFinal_ex(c.enc, out.data() + len, &len) == 1 &&
         EVP_CIPHER_CTX_ctrl(c.enc, EVP_CTRL_AEAD_GET_TAG, 16, tag) == 1;
}

bool open(EvpCtx& c) {
  int len = 0;
  return EVP_DecryptInit_ex(c.dec, nullptr, nullptr, nullptr, kNonce) == 1 &&
         EVP_CIPHER_CTX_ctrl(c.dec, EVP_CTRL_AEAD_SET_TAG, 16, c.tag) == 1 &&
         EVP_DecryptUpdate(c.dec, nullptr, &len, kAad, sizeof kAad) == 1 &&
         EVP_DecryptUpdate(c.dec, c.out.data(), &len, c.ct.data(), static_cast<int>(c.ct.size())) == 1 &&
         EVP_DecryptFinal_ex(c.dec, c.out.data() + len, &len) > 0;
}

BARETLS_BENCH_REGISTER("chacha20-poly1305", "openssl", [](std::vector<Case>& out) {
  for (std::size_t size : kSizes) {
    auto c = std::make_shared<EvpCtx>();
    c->msg.assign(size, 0x5a);
    c->ct.resize(size);
    c->out.resize(size);
    if (EVP_EncryptInit_ex(c->enc, EVP_chacha20_poly1305(), nullptr, kKey, kNonce) != 1 ||
        EVP_DecryptInit_ex(c->dec, EVP_chacha20_poly1305(), nullptr, kKey, kNonce) != 1 ||
        !seal(*c, c->msg, c->ct, c->tag)) {
      out.push_back(failed_setup("chacha20-poly1305", "encrypt", "openssl"));
      continue;
    }
    out.push_back(Case{"chacha20-poly1305", "encrypt", "openssl", "evp", size, Unit::megabytes_per_second, 0,
                       [c](std::size_t n) {
                         unsigned char tag[16] = {};
                         bool ok = true;
                         for (std::size_t i = 0; i < n; ++i) {
                           ok &= seal(*c, c->msg, c->out, tag);
                           do_not_optimize(tag);
                         }
                         return ok && std::equal(tag, tag + 16, c->tag);
                       }});
    out.push_back(Case{"chacha20-poly1305", "decrypt", "openssl", "evp", size, Unit::megabytes_per_second, 0,
                       [c](std::size_t n) {
                         bool ok = true;
                         for (std::size_t i = 0; i < n; ++i) {
                           ok &= open(*c);
                           do_not_optimize(c->out.data());
                         }
                         return ok;
                       }});
  }
});

// X25519 through the same code as P-256 (bench/peer_openssl_pkey.h).
BARETLS_BENCH_REGISTER("x25519", "openssl", [](std::vector<Case>& out) {
  openssl_peer::PkeyCtxPtr keygen(EVP_PKEY_CTX_new_id(EVP_PKEY_X25519, nullptr), EVP_PKEY_CTX_free);
  if (keygen && EVP_PKEY_keygen_init(keygen.get()) != 1) keygen.reset();
  openssl_peer::add_key_exchange(out, "ecdhx25519", keygen);
});

}  // namespace
}  // namespace baretls::bench

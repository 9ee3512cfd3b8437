// SPDX-License-Identifier: MIT
// OpenSSL (libcrypto EVP) peers: ChaCha20-Poly1305 seal/open with a 13-byte
// AAD, and X25519 derive / keygen + derive, for the comparison program.
#include <openssl/evp.h>

#include <memory>
#include <vector>

#include "bench/harness.h"

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

void seal(EvpCtx& c, const std::vector<unsigned char>& in, std::vector<unsigned char>& out, unsigned char tag[16]) {
  int len = 0;
  EVP_EncryptInit_ex(c.enc, nullptr, nullptr, nullptr, kNonce);
  EVP_EncryptUpdate(c.enc, nullptr, &len, kAad, sizeof kAad);
  EVP_EncryptUpdate(c.enc, out.data(), &len, in.data(), static_cast<int>(in.size()));
  EVP_EncryptFinal_ex(c.enc, out.data() + len, &len);
  EVP_CIPHER_CTX_ctrl(c.enc, EVP_CTRL_AEAD_GET_TAG, 16, tag);
}

int open(EvpCtx& c) {
  int len = 0;
  EVP_DecryptInit_ex(c.dec, nullptr, nullptr, nullptr, kNonce);
  EVP_CIPHER_CTX_ctrl(c.dec, EVP_CTRL_AEAD_SET_TAG, 16, c.tag);
  EVP_DecryptUpdate(c.dec, nullptr, &len, kAad, sizeof kAad);
  EVP_DecryptUpdate(c.dec, c.out.data(), &len, c.ct.data(), static_cast<int>(c.ct.size()));
  return EVP_DecryptFinal_ex(c.dec, c.out.data() + len, &len);
}

BARETLS_BENCH_REGISTER("chacha20-poly1305", "openssl", [](std::vector<Case>& out) {
  for (std::size_t size : kSizes) {
    auto c = std::make_shared<EvpCtx>();
    EVP_EncryptInit_ex(c->enc, EVP_chacha20_poly1305(), nullptr, kKey, kNonce);
    EVP_DecryptInit_ex(c->dec, EVP_chacha20_poly1305(), nullptr, kKey, kNonce);
    c->msg.assign(size, 0x5a);
    c->ct.resize(size);
    c->out.resize(size);
    seal(*c, c->msg, c->ct, c->tag);
    out.push_back(Case{"chacha20-poly1305", "seal", "openssl", "evp", size, Unit::megabytes_per_second, 0,
                       [c](std::size_t n) {
                         unsigned char tag[16];
                         for (std::size_t i = 0; i < n; ++i) {
                           seal(*c, c->msg, c->out, tag);
                           do_not_optimize(tag);
                         }
                       }});
    out.push_back(Case{"chacha20-poly1305", "open", "openssl", "evp", size, Unit::megabytes_per_second, 0,
                       [c](std::size_t n) {
                         for (std::size_t i = 0; i < n; ++i) {
                           const int ok = open(*c);
                           do_not_optimize(&ok);
                         }
                       }});
  }
});

struct PkeyPair {
  EVP_PKEY* mine = nullptr;
  EVP_PKEY* peer = nullptr;
  ~PkeyPair() {
    EVP_PKEY_free(mine);
    EVP_PKEY_free(peer);
  }
};

EVP_PKEY* generate_x25519() {
  EVP_PKEY* key = nullptr;
  EVP_PKEY_CTX* kctx = EVP_PKEY_CTX_new_id(EVP_PKEY_X25519, nullptr);
  EVP_PKEY_keygen_init(kctx);
  EVP_PKEY_keygen(kctx, &key);
  EVP_PKEY_CTX_free(kctx);
  return key;
}

void derive(EVP_PKEY* mine, EVP_PKEY* peer) {
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new(mine, nullptr);
  unsigned char secret[32];
  size_t len = sizeof secret;
  EVP_PKEY_derive_init(ctx);
  EVP_PKEY_derive_set_peer(ctx, peer);
  EVP_PKEY_derive(ctx, secret, &len);
  EVP_PKEY_CTX_free(ctx);
  do_not_optimize(secret);
}

BARETLS_BENCH_REGISTER("x25519", "openssl", [](std::vector<Case>& out) {
  auto keys = std::make_shared<PkeyPair>();
  keys->mine = generate_x25519();
  keys->peer = generate_x25519();
  out.push_back(Case{"x25519", "derive", "openssl", "evp", 0, Unit::operations_per_second, 0,
                     [keys](std::size_t n) {
                       for (std::size_t i = 0; i < n; ++i) derive(keys->mine, keys->peer);
                     }});
  out.push_back(Case{"x25519", "keygen+derive", "openssl", "evp", 0, Unit::operations_per_second, 0,
                     [keys](std::size_t n) {
                       for (std::size_t i = 0; i < n; ++i) {
                         EVP_PKEY* k = generate_x25519();
                         derive(k, keys->peer);
                         EVP_PKEY_free(k);
                       }
                     }});
});

}  // namespace
}  // namespace baretls::bench

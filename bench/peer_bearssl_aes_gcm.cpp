// SPDX-License-Identifier: MIT
// BearSSL AES-GCM cases for the comparison program: br_gcm over
// br_aes_x86ni_ctr + br_ghash_pclmul ("x86ni"), and the portable constant-time
// pair br_aes_ct64_ctr + br_ghash_ctmul64 ("ct64"). BearSSL's GCM runs in
// place, so the buffer alternates between two contents from one call to the
// next (CTR mode is its own inverse); the tags of both are learnt before
// timing. Decryption checks each call's tag with br_gcm_check_tag (a
// mismatch fails the case); encryption compares the last call's tag.
#include <bearssl.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "bench/harness.h"

namespace baretls::bench {
namespace {

struct BearGcm {
  br_aes_x86ni_ctr_keys ni;
  br_aes_ct64_ctr_keys ct64;
  br_gcm_context gcm;
  std::vector<unsigned char> data;
  unsigned char nonce[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
  unsigned char aad[13] = {0, 0, 0, 0, 0, 0, 0, 1, 23, 3, 3, 0, 0};
  unsigned char tags[2][16] = {};  // of calls with an even / odd index
  std::size_t calls = 0;

  void start(bool seal) {
    br_gcm_reset(&gcm, nonce, sizeof nonce);
    br_gcm_aad_inject(&gcm, aad, sizeof aad);
    br_gcm_flip(&gcm);
    br_gcm_run(&gcm, seal ? 1 : 0, data.data(), data.size());
  }
  // Runs two calls from the current contents (which they restore) and keeps their tags.
  void learn_tags(bool seal) {
    for (auto& t : tags) {
      start(seal);
      br_gcm_get_tag(&gcm, t);
    }
  }
  // One timed call; false when a decryption's tag does not verify.
  bool run(bool seal, unsigned char* tag_out) {
    const unsigned char* expected = tags[calls++ & 1];
    start(seal);
    if (seal) {
      br_gcm_get_tag(&gcm, tag_out);
      return true;
    }
    return br_gcm_check_tag(&gcm, expected) == 1;
  }
};

void add_bearssl_gcm(std::vector<Case>& out, const char* name, std::size_t key_size, bool x86ni) {
  const br_block_ctr_class* ni_vtable = br_aes_x86ni_ctr_get_vtable();
  const br_ghash pclmul = br_ghash_pclmul_get();
  if (x86ni && (ni_vtable == nullptr || pclmul == nullptr)) return;
  for (std::size_t size : kSizes) {
    for (const char* op : {"encrypt", "decrypt"}) {
      const bool seal = op[0] == 'e';
      auto f = std::make_shared<BearGcm>();
      const std::vector<unsigned char> key(key_size, 7);
      if (x86ni) {
        br_aes_x86ni_ctr_init(&f->ni, key.data(), key.size());
        br_gcm_init(&f->gcm, &f->ni.vtable, pclmul);
      } else {
        br_aes_ct64_ctr_init(&f->ct64, key.data(), key.size());
        br_gcm_init(&f->gcm, &f->ct64.vtable, br_ghash_ctmul64);
      }
      f->data.assign(size, 0x5a);
      if (!seal) f->start(true);  // decryption starts from the ciphertext
      f->learn_tags(seal);
      out.push_back(Case{name, op, "bearssl", x86ni ? "x86ni" : "ct64", size, Unit::megabytes_per_second, 0,
                         [f, seal](std::size_t n) {
                           unsigned char tag[16] = {};
                           bool ok = true;
                           for (std::size_t i = 0; i < n; ++i) {
                             ok &= f->run(seal, tag);
                             do_not_optimize(f->data.data());
                           }
                           return ok && (!seal || std::equal(tag, tag + 16, f->tags[(f->calls - 1) & 1]));
                         }});
    }
  }
}

BARETLS_BENCH_REGISTER("aes-128-gcm", "bearssl", [](std::vector<Case>& out) {
  add_bearssl_gcm(out, "aes-128-gcm", 16, true);
  add_bearssl_gcm(out, "aes-128-gcm", 16, false);
});
BARETLS_BENCH_REGISTER("aes-256-gcm", "bearssl", [](std::vector<Case>& out) {
  add_bearssl_gcm(out, "aes-256-gcm", 32, true);
  add_bearssl_gcm(out, "aes-256-gcm", 32, false);
});

}  // namespace
}  // namespace baretls::bench

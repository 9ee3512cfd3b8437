// SPDX-License-Identifier: MIT
// BearSSL AES-GCM cases for the comparison program: br_gcm over
// br_aes_x86ni_ctr + br_ghash_pclmul ("x86ni"), and the portable constant-time
// pair br_aes_ct64_ctr + br_ghash_ctmul64 ("ct64"). BearSSL's GCM runs in
// place: the buffer is re-encrypted (seal) or re-decrypted (open, tag checked
// with br_gcm_check_tag each time; its result does not change the timing).
#include <bearssl.h>

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
  unsigned char tag[16] = {};

  void run(bool seal) {
    br_gcm_reset(&gcm, nonce, sizeof nonce);
    br_gcm_aad_inject(&gcm, aad, sizeof aad);
    br_gcm_flip(&gcm);
    br_gcm_run(&gcm, seal ? 1 : 0, data.data(), data.size());
    if (seal) {
      br_gcm_get_tag(&gcm, tag);
    } else {
      do_not_optimize(reinterpret_cast<const void*>(static_cast<std::uintptr_t>(br_gcm_check_tag(&gcm, tag))));
    }
  }
};

void add_bearssl_gcm(std::vector<Case>& out, const char* name, std::size_t key_size, bool x86ni) {
  const br_block_ctr_class* ni_vtable = br_aes_x86ni_ctr_get_vtable();
  const br_ghash pclmul = br_ghash_pclmul_get();
  if (x86ni && (ni_vtable == nullptr || pclmul == nullptr)) return;
  for (std::size_t size : kSizes) {
    for (const char* op : {"seal", "open"}) {
      const bool seal = op[0] == 's';
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
      out.push_back(Case{name, op, "bearssl", x86ni ? "x86ni" : "ct64", size, Unit::megabytes_per_second, 0,
                         [f, seal](std::size_t n) {
                           for (std::size_t i = 0; i < n; ++i) {
                             f->run(seal);
                             do_not_optimize(f->data.data());
                           }
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

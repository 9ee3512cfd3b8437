// SPDX-License-Identifier: MIT
// Portable AES-GCM: GCTR (SP 800-38D §6.5) with the bitsliced AES eight
// counter blocks at a time, and the constant-time portable GHASH of the AAD
// and ciphertext (ghash_portable.cpp).
#include <cstring>

#include "baretls/crypto/secret.h"
#include "crypto/aes_impl.h"
#include "crypto/bytes.h"
#include "crypto/gcm_impl.h"

namespace baretls::crypto::detail {
namespace {

// Eight key-stream blocks E(K, CB_i) for counters ctr .. ctr + 7 (mod 2^32).
void keystream8(const Aes& aes, const std::uint8_t prefix[12], std::uint32_t ctr, std::uint8_t ks[128]) noexcept {
  for (std::uint32_t i = 0; i < 8; ++i) {
    std::memcpy(ks + 16 * i, prefix, 12);
    store_be32(ks + 16 * i + 12, ctr + i);
  }
  aes_encrypt8_portable(aes.bitsliced_keys(), aes.rounds(), ks, ks);
}

// GHASH of len bytes, the last partial block zero-padded (§6.4 via §7.1 step 5).
void ghash_padded(const std::uint64_t* table, std::uint64_t acc[2], const std::uint8_t* data,
                  std::size_t len) noexcept {
  ghash_blocks_portable(table, acc, data, len / 16);
  if (len % 16 != 0) {
    std::uint8_t block[16] = {};
    std::memcpy(block, data + len - len % 16, len % 16);
    ghash_blocks_portable(table, acc, block, 1);
    secure_wipe(block, sizeof block);
  }
}

enum class Dir { seal, open };

// SP 800-38D §7.1 steps 3-6. The first batch of eight AES blocks starts at
// J0 itself, so E(K, J0) for the tag costs no extra bitsliced call.
template <Dir dir>
void run(const GcmRequest& r) noexcept {
  std::uint64_t acc[2] = {0, 0};
  ghash_padded(r.table, acc, r.aad, r.aad_len);
  alignas(16) std::uint8_t ks[128];
  std::uint8_t ek[16];
  std::uint32_t ctr = load_be32(r.j0 + 12);
  keystream8(r.aes, r.j0, ctr, ks);
  ctr += 8;
  std::memcpy(ek, ks, 16);
  std::size_t used = 16;  // key-stream bytes of ks already consumed
  const std::uint8_t* in = r.in;
  std::uint8_t* out = r.out;
  for (std::size_t len = r.len; len > 0;) {
    if (used == 128) {
      keystream8(r.aes, r.j0, ctr, ks);
      ctr += 8;
      used = 0;
    }
    const std::size_t take = len < 128 - used ? len : 128 - used;
    if (dir == Dir::open) ghash_padded(r.table, acc, in, take);  // hash before an in-place overwrite
    for (std::size_t i = 0; i < take; ++i) out[i] = static_cast<std::uint8_t>(in[i] ^ ks[used + i]);
    if (dir == Dir::seal) ghash_padded(r.table, acc, out, take);
    used += take;
    in += take;
    out += take;
    len -= take;
  }
  // [len(A)]_64 || [len(C)]_64 in bits; T = E(K, J0) xor S.
  std::uint8_t lengths[16];
  store_be64(lengths, static_cast<std::uint64_t>(r.aad_len) * 8);
  store_be64(lengths + 8, static_cast<std::uint64_t>(r.len) * 8);
  ghash_blocks_portable(r.table, acc, lengths, 1);
  store_be64(r.tag, load_be64(ek) ^ acc[0]);
  store_be64(r.tag + 8, load_be64(ek + 8) ^ acc[1]);
  secure_wipe(ks, sizeof ks);
  secure_wipe(ek, sizeof ek);
  secure_wipe(acc, sizeof acc);
}

void seal(const GcmRequest& r) noexcept { run<Dir::seal>(r); }
void open(const GcmRequest& r) noexcept { run<Dir::open>(r); }

}  // namespace

const GcmOps kGcmPortable = {
    "portable",
    ghash_prepare_portable,
    ghash_blocks_portable,
    seal,
    open,
};

}  // namespace baretls::crypto::detail

// SPDX-License-Identifier: MIT
// Portable AES-GCM bulk path: GCTR (SP 800-38D §6.5) with the bitsliced AES
// eight counter blocks at a time, and the constant-time portable GHASH of the
// ciphertext (ghash_portable.cpp).
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

template <Dir dir>
void crypt(const Aes& aes, const std::uint64_t* table, const std::uint8_t ctr_block[16], const std::uint8_t* in,
           std::uint8_t* out, std::size_t len, std::uint64_t acc[2]) noexcept {
  std::uint32_t ctr = load_be32(ctr_block + 12);
  alignas(16) std::uint8_t ks[128];
  while (len > 0) {
    const std::size_t take = len < 128 ? len : 128;
    keystream8(aes, ctr_block, ctr, ks);
    ctr += 8;
    if (dir == Dir::open) ghash_padded(table, acc, in, take);  // hash before an in-place overwrite
    for (std::size_t i = 0; i < take; ++i) out[i] = static_cast<std::uint8_t>(in[i] ^ ks[i]);
    if (dir == Dir::seal) ghash_padded(table, acc, out, take);
    in += take;
    out += take;
    len -= take;
  }
  secure_wipe(ks, sizeof ks);
}

}  // namespace

const GcmOps kGcmPortable = {
    "portable",
    ghash_prepare_portable,
    ghash_blocks_portable,
    crypt<Dir::seal>,
    crypt<Dir::open>,
};

}  // namespace baretls::crypto::detail

// SPDX-License-Identifier: MIT
// SHA-256 context and portable block function (FIPS 180-4 §5.1.1 padding,
// §5.3.3 initial value, §6.2.2 computation); see sha256.h.
#include "baretls/crypto/sha256.h"

#include <bit>
#include <cstring>

#include "baretls/crypto/cpu.h"
#include "baretls/crypto/secret.h"
#include "crypto/arch.h"
#include "crypto/bytes.h"
#include "crypto/sha256_impl.h"

namespace baretls::crypto {
namespace detail {

const std::uint32_t kSha256K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

namespace {
// FIPS 180-4 §4.1.2 functions.
inline std::uint32_t ch(std::uint32_t x, std::uint32_t y, std::uint32_t z) { return (x & y) ^ (~x & z); }
inline std::uint32_t maj(std::uint32_t x, std::uint32_t y, std::uint32_t z) { return (x & y) ^ (x & z) ^ (y & z); }
inline std::uint32_t big_sigma0(std::uint32_t x) { return std::rotr(x, 2) ^ std::rotr(x, 13) ^ std::rotr(x, 22); }
inline std::uint32_t big_sigma1(std::uint32_t x) { return std::rotr(x, 6) ^ std::rotr(x, 11) ^ std::rotr(x, 25); }
inline std::uint32_t small_sigma0(std::uint32_t x) { return std::rotr(x, 7) ^ std::rotr(x, 18) ^ (x >> 3); }
inline std::uint32_t small_sigma1(std::uint32_t x) { return std::rotr(x, 17) ^ std::rotr(x, 19) ^ (x >> 10); }
}  // namespace

void sha256_blocks_portable(std::uint32_t state[8], const std::uint8_t* blocks, std::size_t count) noexcept {
  std::uint32_t w[16];
  for (; count > 0; --count, blocks += 64) {
    std::uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    std::uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
    for (int t = 0; t < 64; ++t) {
      // §6.2.2 step 1, with the message schedule kept in a 16-word ring.
      std::uint32_t wt;
      if (t < 16) {
        wt = load_be32(blocks + 4 * t);
      } else {
        wt = small_sigma1(w[(t - 2) & 15]) + w[(t - 7) & 15] + small_sigma0(w[(t - 15) & 15]) + w[t & 15];
      }
      w[t & 15] = wt;
      // §6.2.2 step 3.
      const std::uint32_t t1 = h + big_sigma1(e) + ch(e, f, g) + kSha256K[t] + wt;
      const std::uint32_t t2 = big_sigma0(a) + maj(a, b, c);
      h = g; g = f; f = e; e = d + t1;
      d = c; c = b; b = a; a = t1 + t2;
    }
    // §6.2.2 step 4.
    state[0] += a; state[1] += b; state[2] += c; state[3] += d;
    state[4] += e; state[5] += f; state[6] += g; state[7] += h;
  }
  secure_wipe(w, sizeof w);
}

}  // namespace detail

namespace {
Sha256::BlockFn choose_block_fn() noexcept {
#if BARETLS_X86_64
  if (cpu_has(CpuFeature::sha_ni) && cpu_has(CpuFeature::sse41) && cpu_has(CpuFeature::ssse3))
    return detail::sha256_blocks_shani;
#endif
#if BARETLS_ARM64_CRYPTO
  if (cpu_has(CpuFeature::arm_sha2)) return detail::sha256_blocks_armv8;
#endif
  return detail::sha256_blocks_portable;
}
}  // namespace

Sha256::~Sha256() { secure_wipe_object(*this); }

void Sha256::init() noexcept {
  // FIPS 180-4 §5.3.3.
  static constexpr std::uint32_t kIv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                           0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::memcpy(state_, kIv, sizeof kIv);
  total_ = 0;
  buffered_ = 0;
  block_ = choose_block_fn();
}

void Sha256::update(std::span<const std::uint8_t> data) noexcept {
  if (data.empty()) return;  // data() may be null
  const std::uint8_t* p = data.data();
  std::size_t n = data.size();
  total_ += n;
  if (buffered_ > 0) {
    const std::size_t take = n < kBlockSize - buffered_ ? n : kBlockSize - buffered_;
    std::memcpy(buffer_ + buffered_, p, take);
    buffered_ += take;
    p += take;
    n -= take;
    if (buffered_ < kBlockSize) return;
    block_(state_, buffer_, 1);
    buffered_ = 0;
  }
  if (n >= kBlockSize) {
    block_(state_, p, n / kBlockSize);
    p += n - n % kBlockSize;
    n %= kBlockSize;
  }
  if (n > 0) std::memcpy(buffer_, p, n);
  buffered_ = n;
}

void Sha256::final(std::span<std::uint8_t, kDigestSize> out) noexcept {
  // FIPS 180-4 §5.1.1: append 1 bit, zeros to 56 mod 64 bytes, 64-bit length.
  const std::uint64_t bit_length = total_ * 8;
  buffer_[buffered_++] = 0x80;
  if (buffered_ > 56) {
    std::memset(buffer_ + buffered_, 0, kBlockSize - buffered_);
    block_(state_, buffer_, 1);
    buffered_ = 0;
  }
  std::memset(buffer_ + buffered_, 0, 56 - buffered_);
  detail::store_be64(buffer_ + 56, bit_length);
  block_(state_, buffer_, 1);
  for (int i = 0; i < 8; ++i) detail::store_be32(out.data() + 4 * i, state_[i]);
  secure_wipe(buffer_, sizeof buffer_);
  init();
}

Sha256::Digest Sha256::final() noexcept {
  Digest d;
  final(std::span<std::uint8_t, kDigestSize>(d));
  return d;
}

Sha256::Digest Sha256::hash(std::span<const std::uint8_t> data) noexcept {
  Sha256 h;
  h.update(data);
  return h.final();
}

std::string_view Sha256::implementation() const noexcept {
  if (block_ == detail::sha256_blocks_portable) return "portable";
#if BARETLS_ARM64_CRYPTO
  if (block_ == detail::sha256_blocks_armv8) return "armv8_sha2";
#endif
  return "sha_ni";
}

}  // namespace baretls::crypto

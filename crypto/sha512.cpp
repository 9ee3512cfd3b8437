// SPDX-License-Identifier: MIT
// SHA-512 / SHA-384 (FIPS 180-4 §5.1.2 padding, §5.3.4-5 initial values,
// §6.4.2 computation); see sha512.h. The block function is compiled twice
// from sha512_block.inc: portable, and for BMI1/BMI2 (ANDN, RORX) on x86-64;
// sha512_avx512.cpp adds the AVX-512 message-schedule path, sha512_armv8.cpp
// the ARMv8.2 SHA-512 instructions.
#include "baretls/crypto/sha512.h"

#include <bit>
#include <cstring>

#include "baretls/crypto/cpu.h"
#include "baretls/crypto/secret.h"
#include "crypto/arch.h"
#include "crypto/bytes.h"
#include "crypto/sha512_impl.h"

namespace baretls::crypto {
namespace detail {

const std::uint64_t kSha512K[80] = {
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538,
    0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe,
    0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2, 0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235,
    0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
    0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5, 0x983e5152ee66dfab,
    0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
    0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df, 0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
    0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218,
    0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8, 0x19a4c116b8d2d0c8, 0x1e376c085141ab53,
    0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
    0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c,
    0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6,
    0x113f9804bef90dae, 0x1b710b35131c471b, 0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
};

namespace sha512_f {
// FIPS 180-4 §4.1.3 functions.
inline std::uint64_t ch(std::uint64_t x, std::uint64_t y, std::uint64_t z) { return (x & y) ^ (~x & z); }
// Maj(x, y, z) = (x & y) ^ (x & z) ^ (y & z), in two fewer operations.
inline std::uint64_t maj(std::uint64_t x, std::uint64_t y, std::uint64_t z) { return (x & y) ^ (z & (x ^ y)); }
inline std::uint64_t big_sigma0(std::uint64_t x) { return std::rotr(x, 28) ^ std::rotr(x, 34) ^ std::rotr(x, 39); }
inline std::uint64_t big_sigma1(std::uint64_t x) { return std::rotr(x, 14) ^ std::rotr(x, 18) ^ std::rotr(x, 41); }
inline std::uint64_t small_sigma0(std::uint64_t x) { return std::rotr(x, 1) ^ std::rotr(x, 8) ^ (x >> 7); }
inline std::uint64_t small_sigma1(std::uint64_t x) { return std::rotr(x, 19) ^ std::rotr(x, 61) ^ (x >> 6); }
}  // namespace sha512_f

#define SHA512_BLOCK_FN_NAME sha512_blocks_portable
#define SHA512_BLOCK_FN_ATTR
#include "crypto/sha512_block.inc"
#undef SHA512_BLOCK_FN_NAME
#undef SHA512_BLOCK_FN_ATTR

#if BARETLS_X86_64
#define SHA512_BLOCK_FN_NAME sha512_blocks_bmi2
#define SHA512_BLOCK_FN_ATTR __attribute__((target("bmi,bmi2")))
#include "crypto/sha512_block.inc"
#undef SHA512_BLOCK_FN_NAME
#undef SHA512_BLOCK_FN_ATTR
#endif

void Sha512Core::init(const std::uint64_t iv[8]) noexcept {
  std::memcpy(state_, iv, sizeof state_);
  total_ = 0;
  buffered_ = 0;
  block_ = sha512_blocks_portable;
#if BARETLS_X86_64
  constexpr std::uint32_t kBmi = static_cast<std::uint32_t>(CpuFeature::bmi1) |
                                 static_cast<std::uint32_t>(CpuFeature::bmi2);
  constexpr std::uint32_t kAvx512 = kBmi | static_cast<std::uint32_t>(CpuFeature::avx512f) |
                                    static_cast<std::uint32_t>(CpuFeature::avx512vl) |
                                    static_cast<std::uint32_t>(CpuFeature::avx512bw);
  if (cpu_has_all(kBmi)) block_ = sha512_blocks_bmi2;
  if (cpu_has_all(kAvx512)) block_ = sha512_blocks_avx512;
#endif
#if BARETLS_ARM64_SHA512
  if (cpu_has(CpuFeature::arm_sha512)) block_ = sha512_blocks_armv8;
#endif
}

void Sha512Core::update(std::span<const std::uint8_t> data) noexcept {
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

void Sha512Core::finish(std::uint8_t* out, std::size_t out_len) noexcept {
  // FIPS 180-4 §5.1.2: append 1 bit, zeros to 112 mod 128 bytes, 128-bit
  // length (the high 64 bits are zero for any input we can be given).
  buffer_[buffered_++] = 0x80;
  if (buffered_ > 112) {
    std::memset(buffer_ + buffered_, 0, kBlockSize - buffered_);
    block_(state_, buffer_, 1);
    buffered_ = 0;
  }
  std::memset(buffer_ + buffered_, 0, 112 - buffered_);
  store_be64(buffer_ + 112, total_ >> 61);
  store_be64(buffer_ + 120, total_ << 3);
  block_(state_, buffer_, 1);
  std::uint8_t full[64];
  for (int i = 0; i < 8; ++i) store_be64(full + 8 * i, state_[i]);
  std::memcpy(out, full, out_len);
  secure_wipe(full, sizeof full);
  secure_wipe(buffer_, sizeof buffer_);
}

void Sha512Core::wipe() noexcept { secure_wipe(this, sizeof *this); }

std::string_view Sha512Core::implementation() const noexcept {
  if (block_ == sha512_blocks_portable) return "portable";
#if BARETLS_X86_64
  if (block_ == sha512_blocks_avx512) return "avx512vl_bmi2";
#endif
#if BARETLS_ARM64_SHA512
  if (block_ == sha512_blocks_armv8) return "armv8_sha512";
#endif
  return "bmi2";
}

}  // namespace detail

namespace {
// FIPS 180-4 §5.3.5 and §5.3.4.
constexpr std::uint64_t kSha512Iv[8] = {0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b,
                                        0xa54ff53a5f1d36f1, 0x510e527fade682d1, 0x9b05688c2b3e6c1f,
                                        0x1f83d9abfb41bd6b, 0x5be0cd19137e2179};
constexpr std::uint64_t kSha384Iv[8] = {0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17,
                                        0x152fecd8f70e5939, 0x67332667ffc00b31, 0x8eb44a8768581511,
                                        0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4};
}  // namespace

void Sha512::init() noexcept { core_.init(kSha512Iv); }
void Sha512::final(std::span<std::uint8_t, kDigestSize> out) noexcept {
  core_.finish(out.data(), kDigestSize);
  init();
}
Sha512::Digest Sha512::final() noexcept {
  Digest d;
  final(std::span<std::uint8_t, kDigestSize>(d));
  return d;
}
Sha512::Digest Sha512::hash(std::span<const std::uint8_t> data) noexcept {
  Sha512 h;
  h.update(data);
  return h.final();
}

void Sha384::init() noexcept { core_.init(kSha384Iv); }
void Sha384::final(std::span<std::uint8_t, kDigestSize> out) noexcept {
  core_.finish(out.data(), kDigestSize);
  init();
}
Sha384::Digest Sha384::final() noexcept {
  Digest d;
  final(std::span<std::uint8_t, kDigestSize>(d));
  return d;
}
Sha384::Digest Sha384::hash(std::span<const std::uint8_t> data) noexcept {
  Sha384 h;
  h.update(data);
  return h.final();
}

}  // namespace baretls::crypto

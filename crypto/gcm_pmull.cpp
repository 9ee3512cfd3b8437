// SPDX-License-Identifier: MIT
// AES-GCM with the ARMv8 AES and PMULL instructions (AArch64): eight counter
// blocks per iteration through AESE/AESMC (aes_armv8_impl.h), then the GHASH
// of their eight ciphertext blocks with one aggregated reduction (H'^8 ..
// H'^1, Karatsuba, reduction by two carry-less multiplies by 0xC2..). The
// arithmetic and table layout are those of the PCLMULQDQ path
// (gcm_clmul_impl.h, gcm_impl.h): a block is held byte-reversed, the word
// read big-endian from its first 8 bytes in lane 1; the table holds
// H' = H * x^-1 so products need no shift. Counter blocks follow SP 800-38D
// §6.5. CT: PMULL, AESE and AESMC take the same time for every operand.
#include "crypto/arch.h"

#if BARETLS_ARM64_CRYPTO

#include <arm_neon.h>

#include <cstring>

#include "baretls/crypto/aes_gcm.h"
#include "baretls/crypto/secret.h"
#include "crypto/aes_armv8_impl.h"
#include "crypto/bytes.h"
#include "crypto/gcm_impl.h"

namespace baretls::crypto::detail {
namespace {

#define BARETLS_PMULL_INLINE BARETLS_ARM64_TARGET_CRYPTO __attribute__((always_inline)) inline

constexpr std::size_t kPowers = 8;
// Table: H'^k at words 2(k-1), 2(k-1)+1 (lane 0, lane 1); Karatsuba keys
// (lo ^ hi of H'^k, in lane 0) from word 2 * kPowers.
constexpr std::size_t kMidTable = 2 * kPowers;
static_assert(2 * kMidTable <= AesGcm::kTableWords, "table too small");

// Carry-less 64 x 64 -> 128 products of lane 0 or lane 1 of a and b.
BARETLS_PMULL_INLINE uint64x2_t pmull_lo(uint64x2_t a, uint64x2_t b) {
  return vreinterpretq_u64_p128(vmull_p64(vgetq_lane_u64(a, 0), vgetq_lane_u64(b, 0)));
}
BARETLS_PMULL_INLINE uint64x2_t pmull_hi(uint64x2_t a, uint64x2_t b) {
  return vreinterpretq_u64_p128(vmull_high_p64(vreinterpretq_p64_u64(a), vreinterpretq_p64_u64(b)));
}
BARETLS_PMULL_INLINE uint64x2_t swap_lanes(uint64x2_t x) { return vextq_u64(x, x, 1); }

// The block at p, byte-reversed: lane 1 = first 8 bytes read big-endian.
BARETLS_PMULL_INLINE uint64x2_t load_block(const std::uint8_t* p) {
  return swap_lanes(vreinterpretq_u64_u8(vrev64q_u8(vld1q_u8(p))));
}
// The inverse of load_block: the block's bytes in memory order.
BARETLS_PMULL_INLINE uint8x16_t to_bytes(uint64x2_t x) { return vrev64q_u8(vreinterpretq_u8_u64(swap_lanes(x))); }

// Unreduced Karatsuba terms.
struct PmullWide {
  uint64x2_t lo = vdupq_n_u64(0), hi = vdupq_n_u64(0), mid = vdupq_n_u64(0);
};

// w += x * h, with mid_key = (h.lo ^ h.hi) in lane 0.
BARETLS_PMULL_INLINE void pmull_acc(PmullWide& w, uint64x2_t x, uint64x2_t h, uint64x2_t mid_key) {
  w.lo = veorq_u64(w.lo, pmull_lo(x, h));
  w.hi = veorq_u64(w.hi, pmull_hi(x, h));
  w.mid = veorq_u64(w.mid, pmull_lo(veorq_u64(x, swap_lanes(x)), mid_key));
}

// Reduction of (hi:lo) modulo x^128 + x^7 + x^2 + x + 1 (reflected): fold
// the low word twice by multiplying it by 0xC200000000000000 and swapping
// halves; see ghash_portable.cpp reduce().
BARETLS_PMULL_INLINE uint64x2_t pmull_reduce(const PmullWide& w) {
  const uint64x2_t zero = vdupq_n_u64(0);
  const uint64x2_t poly = vdupq_n_u64(0xC200000000000000);
  const uint64x2_t mid = veorq_u64(w.mid, veorq_u64(w.lo, w.hi));
  uint64x2_t lo = veorq_u64(w.lo, vextq_u64(zero, mid, 1));  // mid << 64
  const uint64x2_t hi = veorq_u64(w.hi, vextq_u64(mid, zero, 1));  // mid >> 64
  lo = veorq_u64(swap_lanes(lo), pmull_lo(lo, poly));
  return veorq_u64(veorq_u64(hi, swap_lanes(lo)), pmull_lo(lo, poly));
}

// a * b' (b' a table value) = the field product a * b.
BARETLS_PMULL_INLINE uint64x2_t pmull_mul(uint64x2_t a, uint64x2_t b) {
  PmullWide w;
  pmull_acc(w, a, b, veorq_u64(b, swap_lanes(b)));
  return pmull_reduce(w);
}

BARETLS_PMULL_INLINE uint64x2_t load_power(const std::uint64_t* table, std::size_t k) {
  return vld1q_u64(table + 2 * (k - 1));
}
BARETLS_PMULL_INLINE uint64x2_t load_mid(const std::uint64_t* table, std::size_t k) {
  return vld1q_u64(table + kMidTable + 2 * (k - 1));
}

// (y xor X_1) H^n xor X_2 H^(n-1) ... X_n H over n <= 8 blocks at p.
BARETLS_PMULL_INLINE uint64x2_t ghash_n(const std::uint64_t* table, uint64x2_t y, const std::uint8_t* p,
                                        std::size_t n) {
  PmullWide w;
  for (std::size_t i = 0; i < n; ++i) {
    uint64x2_t x = load_block(p + 16 * i);
    if (i == 0) x = veorq_u64(x, y);
    pmull_acc(w, x, load_power(table, n - i), load_mid(table, n - i));
  }
  return pmull_reduce(w);
}

// GHASH of len bytes, the last block zero-padded.
BARETLS_PMULL_INLINE uint64x2_t ghash_bytes(const std::uint64_t* table, uint64x2_t y, const std::uint8_t* p,
                                            std::size_t len) {
  for (; len >= 16 * kPowers; len -= 16 * kPowers, p += 16 * kPowers) y = ghash_n(table, y, p, kPowers);
  if (len > 0) {
    std::uint8_t buf[16 * kPowers] = {};
    std::memcpy(buf, p, len);
    y = ghash_n(table, y, buf, (len + 15) / 16);
    secure_wipe(buf, sizeof buf);
  }
  return y;
}

// See GcmOps::prepare: H'^1 .. H'^8 and their Karatsuba keys.
BARETLS_ARM64_TARGET_CRYPTO
void prepare(std::uint64_t* table, std::uint64_t h_hi, std::uint64_t h_lo) noexcept {
  ghash_prime(h_hi, h_lo);
  const uint64x2_t h = vcombine_u64(vcreate_u64(h_lo), vcreate_u64(h_hi));
  uint64x2_t p = h;
  for (std::size_t k = 1; k <= kPowers; ++k) {
    if (k > 1) p = pmull_mul(p, h);
    vst1q_u64(table + 2 * (k - 1), p);
    vst1q_u64(table + kMidTable + 2 * (k - 1), veorq_u64(p, swap_lanes(p)));
  }
}

// See GcmOps::ghash: acc is {hi, lo}, lane 1 and lane 0.
BARETLS_ARM64_TARGET_CRYPTO
void ghash(const std::uint64_t* table, std::uint64_t acc[2], const std::uint8_t* data, std::size_t n) noexcept {
  uint64x2_t y = vcombine_u64(vcreate_u64(acc[1]), vcreate_u64(acc[0]));
  for (; n >= kPowers; n -= kPowers, data += 16 * kPowers) y = ghash_n(table, y, data, kPowers);
  if (n > 0) y = ghash_n(table, y, data, n);
  acc[0] = vgetq_lane_u64(y, 1);
  acc[1] = vgetq_lane_u64(y, 0);
}

enum class Dir { seal, open };

// Counter block i after ctr: J0 with its last word replaced by ctr + i
// (inc32, big-endian).
BARETLS_PMULL_INLINE uint8x16_t counter_block(uint8x16_t j0, std::uint32_t ctr) {
  return vreinterpretq_u8_u32(vsetq_lane_u32(__builtin_bswap32(ctr), vreinterpretq_u32_u8(j0), 3));
}

// Up to eight blocks: out = in xor E(K, CB), through a stack buffer for a
// partial last block; the GHASH of the ciphertext (in before, out after).
template <Dir dir>
BARETLS_PMULL_INLINE uint64x2_t crypt_tail(const ArmAesKeys& keys, const std::uint64_t* table, uint64x2_t y,
                                           uint8x16_t j0, std::uint32_t ctr, const std::uint8_t* in,
                                           std::uint8_t* out, std::size_t len) {
  const std::size_t n = (len + 15) / 16;
  uint8x16_t b[kPowers];
  for (std::size_t i = 0; i < kPowers; ++i) b[i] = counter_block(j0, ctr + static_cast<std::uint32_t>(i));
  armv8_encrypt(keys, b);  // all eight: one code path for every tail length
  std::uint8_t buf[16 * kPowers] = {};
  std::memcpy(buf, in, len);
  if (dir == Dir::open) y = ghash_n(table, y, buf, n);
  for (std::size_t i = 0; i < n; ++i) vst1q_u8(buf + 16 * i, veorq_u8(vld1q_u8(buf + 16 * i), b[i]));
  std::memcpy(out, buf, len);
  if (dir == Dir::seal) {
    std::memset(buf + len, 0, 16 * n - len);
    y = ghash_n(table, y, buf, n);
  }
  secure_wipe(buf, sizeof buf);
  secure_wipe(b, sizeof b);
  return y;
}

// SP 800-38D §7.1 steps 3-6 in one pass: E(K, J0), GHASH(A), eight-block
// GCTR fused with GHASH(C), the tail, and the length block.
template <Dir dir>
BARETLS_ARM64_TARGET_CRYPTO void run(const GcmRequest& r) noexcept {
  ArmAesKeys keys;
  armv8_load_keys(keys, r.aes.round_keys(), r.aes.rounds());
  const std::uint64_t* table = r.table;
  const uint8x16_t j0 = vld1q_u8(r.j0);
  const uint8x16_t ej0 = armv8_encrypt1(keys, j0);
  uint64x2_t y = ghash_bytes(table, vdupq_n_u64(0), r.aad, r.aad_len);
  std::uint32_t ctr = load_be32(r.j0 + 12) + 1;
  const std::uint8_t* in = r.in;
  std::uint8_t* out = r.out;
  std::size_t len = r.len;
  for (; len >= 16 * kPowers; len -= 16 * kPowers, in += 16 * kPowers, out += 16 * kPowers) {
    uint8x16_t b[kPowers];
    for (std::size_t i = 0; i < kPowers; ++i) b[i] = counter_block(j0, ctr + static_cast<std::uint32_t>(i));
    ctr += kPowers;
    armv8_encrypt(keys, b);
    if (dir == Dir::open) y = ghash_n(table, y, in, kPowers);  // before an in-place overwrite
    for (std::size_t i = 0; i < kPowers; ++i) vst1q_u8(out + 16 * i, veorq_u8(vld1q_u8(in + 16 * i), b[i]));
    if (dir == Dir::seal) y = ghash_n(table, y, out, kPowers);
  }
  if (len > 0) y = crypt_tail<dir>(keys, table, y, j0, ctr, in, out, len);
  // [len(A)]_64 || [len(C)]_64 in bits; T = E(K, J0) xor S.
  const uint64x2_t lengths = vcombine_u64(vcreate_u64(r.len * 8), vcreate_u64(r.aad_len * 8));
  PmullWide w;
  pmull_acc(w, veorq_u64(y, lengths), load_power(table, 1), load_mid(table, 1));
  vst1q_u8(r.tag, veorq_u8(to_bytes(pmull_reduce(w)), ej0));
  secure_wipe(&keys, sizeof keys);
}

void seal(const GcmRequest& r) noexcept { run<Dir::seal>(r); }
void open(const GcmRequest& r) noexcept { run<Dir::open>(r); }

}  // namespace

const GcmOps kGcmPmull = {
    "armv8_pmull",
    prepare,
    ghash,
    seal,
    open,
};

}  // namespace baretls::crypto::detail

#endif  // BARETLS_ARM64_CRYPTO

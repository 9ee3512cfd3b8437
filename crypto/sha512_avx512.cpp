// SPDX-License-Identifier: MIT
// SHA-512 block function for x86-64 with AVX-512 and BMI2. The rounds (FIPS
// 180-4 §6.4.2 step 3) run in scalar registers with RORX/ANDN. The message
// schedule (step 1) runs four blocks at a time in 512-bit registers (one
// 128-bit lane per block, two words per step, VPRORQ + VPTERNLOGQ), and the
// schedule of the next four blocks is interleaved with the current blocks'
// rounds so that the vector units work while the scalar ALUs run the chain;
// the first block of a call computes the rest of its own batch's schedule
// the same way, so none of it runs before the first round.
#include "crypto/arch.h"

#if BARETLS_X86_64

// GCC 12 reports -Wmaybe-uninitialized and -Wuninitialized inside its own
// AVX-512 intrinsic headers (their _mm512_undefined_* pass-through
// operands); not our code.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#endif
#include <immintrin.h>

#include <bit>

#include "baretls/crypto/secret.h"
#include "crypto/sha512_impl.h"

#define SHA512_VEC_TARGET "avx512f,avx512bw,avx512vl"

namespace baretls::crypto::detail {
namespace {

constexpr int kSlots = 40;  // slot p holds W[2p], W[2p+1] of each of 4 blocks
constexpr int kLanes = 4;

// The schedule of up to four blocks: W in vector slots and W + K in memory,
// laid out so that block j's words 2p, 2p+1 are at wk[8p + 2j], wk[8p + 2j + 1].
struct Schedule {
  __m512i w[kSlots];
  alignas(64) std::uint64_t wk[8 * kSlots];
};

// Slot p of the four blocks in[0..3] (p < 8: load; else the recurrence).
__attribute__((target(SHA512_VEC_TARGET), always_inline)) inline void schedule_slot(
    Schedule& s, const std::uint8_t* const in[kLanes], int p) {
  __m512i v;
  if (p < 8) {
    const __m512i bswap = _mm512_set4_epi32(0x08090a0b, 0x0c0d0e0f, 0x00010203, 0x04050607);
    v = _mm512_castsi128_si512(_mm_loadu_si128(reinterpret_cast<const __m128i*>(in[0] + 16 * p)));
    v = _mm512_inserti32x4(v, _mm_loadu_si128(reinterpret_cast<const __m128i*>(in[1] + 16 * p)), 1);
    v = _mm512_inserti32x4(v, _mm_loadu_si128(reinterpret_cast<const __m128i*>(in[2] + 16 * p)), 2);
    v = _mm512_inserti32x4(v, _mm_loadu_si128(reinterpret_cast<const __m128i*>(in[3] + 16 * p)), 3);
    v = _mm512_shuffle_epi8(v, bswap);
  } else {
    // W[t..t+1], t = 2p: σ1(W[t-2..t-1]) + W[t-7..t-6] + σ0(W[t-15..t-14]) + W[t-16..t-15]
    // with σ0(x) = ROTR^1 ^ ROTR^8 ^ SHR^7, σ1(x) = ROTR^19 ^ ROTR^61 ^ SHR^6;
    // VPTERNLOGQ with truth table 0x96 is a three-way XOR.
    const __m512i w2 = s.w[p - 1];
    const __m512i w7 = _mm512_alignr_epi8(s.w[p - 3], s.w[p - 4], 8);
    const __m512i w15 = _mm512_alignr_epi8(s.w[p - 7], s.w[p - 8], 8);
    const __m512i sigma1 =
        _mm512_ternarylogic_epi64(_mm512_ror_epi64(w2, 19), _mm512_ror_epi64(w2, 61), _mm512_srli_epi64(w2, 6), 0x96);
    const __m512i sigma0 =
        _mm512_ternarylogic_epi64(_mm512_ror_epi64(w15, 1), _mm512_ror_epi64(w15, 8), _mm512_srli_epi64(w15, 7), 0x96);
    v = _mm512_add_epi64(_mm512_add_epi64(sigma1, w7), _mm512_add_epi64(sigma0, s.w[p - 8]));
  }
  s.w[p] = v;
  const __m128i k = _mm_loadu_si128(reinterpret_cast<const __m128i*>(kSha512K + 2 * p));
  _mm512_store_si512(reinterpret_cast<__m512i*>(s.wk + 8 * p), _mm512_add_epi64(v, _mm512_broadcast_i32x4(k)));
}

// One round with the working variables renamed instead of moved. Sums are
// ordered so that the terms depending on e come last (the critical path).
// Maj(a,b,c) = b ^ ((a ^ b) & (b ^ c)), and this round's a ^ b is the next
// round's b ^ c, carried in `bc`.
#define SHA512_ROUND(a, b, c, d, e, f, g, h, wk_t)                                    \
  do {                                                                                 \
    const std::uint64_t t1 = (((h) + (wk_t)) + (((e) & (f)) ^ (~(e) & (g)))) +         \
                             (std::rotr(e, 14) ^ std::rotr(e, 18) ^ std::rotr(e, 41)); \
    (d) += t1;                                                                         \
    const std::uint64_t ab = (a) ^ (b);                                                \
    (h) = t1 + ((std::rotr(a, 28) ^ std::rotr(a, 34) ^ std::rotr(a, 39)) + ((b) ^ (ab & bc))); \
    bc = ab;                                                                           \
  } while (0)

// The 80 rounds of one block, whose W + K are at wk (every fourth pair, see
// Schedule). In each group g (rounds 8g..8g+7) it computes kOwn slots of
// its own batch's schedule `own`, 8 + kOwn*g onwards (slot p is computed in
// group p/4 - 2 and first read in group p/4; only the very first block of a
// call has kOwn = 4), and, when `next` is given, slot first_slot + g of the
// next four blocks' schedule.
template <int kOwn>
__attribute__((target("avx512f,avx512bw,avx512vl,bmi,bmi2")))
void block_rounds(std::uint64_t state[8], const std::uint64_t* wk, Schedule* own,
                  const std::uint8_t* const own_in[kLanes], Schedule* next,
                  const std::uint8_t* const next_in[kLanes], int first_slot) {
  std::uint64_t a = state[0], b = state[1], c = state[2], d = state[3];
  std::uint64_t e = state[4], f = state[5], g = state[6], h = state[7];
  std::uint64_t bc = b ^ c;
#define SHA512_GROUP(grp)                                                          \
  do {                                                                              \
    const std::uint64_t* q = wk + 32 * (grp);                                       \
    SHA512_ROUND(a, b, c, d, e, f, g, h, q[0]);                                     \
    SHA512_ROUND(h, a, b, c, d, e, f, g, q[1]);                                     \
    SHA512_ROUND(g, h, a, b, c, d, e, f, q[8]);                                     \
    SHA512_ROUND(f, g, h, a, b, c, d, e, q[9]);                                     \
    for (int k = 0; k < kOwn && 8 + kOwn * (grp) + k < kSlots; ++k)                 \
      schedule_slot(*own, own_in, 8 + kOwn * (grp) + k);                            \
    if (next != nullptr) schedule_slot(*next, next_in, first_slot + (grp));         \
    SHA512_ROUND(e, f, g, h, a, b, c, d, q[16]);                                    \
    SHA512_ROUND(d, e, f, g, h, a, b, c, q[17]);                                    \
    SHA512_ROUND(c, d, e, f, g, h, a, b, q[24]);                                    \
    SHA512_ROUND(b, c, d, e, f, g, h, a, q[25]);                                    \
  } while (0)
  SHA512_GROUP(0); SHA512_GROUP(1); SHA512_GROUP(2); SHA512_GROUP(3); SHA512_GROUP(4);
  SHA512_GROUP(5); SHA512_GROUP(6); SHA512_GROUP(7); SHA512_GROUP(8); SHA512_GROUP(9);
#undef SHA512_GROUP
  state[0] += a; state[1] += b; state[2] += c; state[3] += d;
  state[4] += e; state[5] += f; state[6] += g; state[7] += h;
}

// Pointers to up to four blocks; lanes past `count` repeat the last block
// (their schedule is computed and never used).
void lane_inputs(const std::uint8_t* blocks, std::size_t count, const std::uint8_t* out[kLanes]) {
  for (int j = 0; j < kLanes; ++j) {
    const std::size_t idx = static_cast<std::size_t>(j) < count ? static_cast<std::size_t>(j) : count - 1;
    out[j] = blocks + 128 * idx;
  }
}

}  // namespace

__attribute__((target("avx512f,avx512bw,avx512vl,bmi,bmi2")))
void sha512_blocks_avx512(std::uint64_t state[8], const std::uint8_t* blocks, std::size_t count) noexcept {
  // A lone block does not pay for a four-lane schedule: use the scalar path.
  if (count < 2) {
    sha512_blocks_bmi2(state, blocks, count);
    return;
  }
  Schedule sched[2];
  int cur = 0;
  const std::uint8_t* in[kLanes];
  lane_inputs(blocks, count, in);
  // Slots 0-7 are the loaded words; the first block's rounds compute the
  // rest of the first batch's schedule, so that no schedule work is exposed.
  for (int p = 0; p < 8; ++p) schedule_slot(sched[cur], in, p);
  bool first = true;
  while (count > 0) {
    const std::size_t here = count < kLanes ? count : kLanes;
    const std::size_t rest = count - here;
    const std::uint8_t* next_in[kLanes];
    Schedule* next = nullptr;
    if (rest > 0) {
      lane_inputs(blocks + 128 * here, rest, next_in);
      next = &sched[cur ^ 1];
    }
    for (std::size_t j = 0; j < here; ++j) {
      // Blocks 0..3 each carry ten of the next schedule's 40 slots.
      const std::uint64_t* wk = sched[cur].wk + 2 * j;
      const int first_slot = static_cast<int>(10 * j);
      if (first && j == 0) {
        block_rounds<4>(state, wk, &sched[cur], in, next, next_in, first_slot);
      } else {
        block_rounds<0>(state, wk, nullptr, in, next, next_in, first_slot);
      }
    }
    // Fewer than four blocks here but more to come cannot happen (here < 4
    // only when rest == 0), so every slot of `next` was computed above.
    blocks += 128 * here;
    count = rest;
    cur ^= 1;
    first = false;
  }
  secure_wipe(sched, sizeof sched);
}

}  // namespace baretls::crypto::detail

#undef SHA512_ROUND
#undef SHA512_VEC_TARGET

#endif  // BARETLS_X86_64

// SPDX-License-Identifier: MIT
// AES-GCM with VAES and VPCLMULQDQ on 256-bit registers (AVX2, no AVX-512):
// two blocks per ymm register, sixteen counter blocks per iteration through
// VAESENC fused with the GHASH of the same ciphertext blocks (H'^16..H'^1,
// one reduction per iteration). The last < 256 bytes go through a zeroed
// stack buffer (AVX2 has no byte-masked loads). For processors with VAES but
// no AVX-512; layout conventions as in gcm_impl.h, GCTR per SP 800-38D §6.5.
#include "crypto/arch.h"

#if BARETLS_X86_64

#include <immintrin.h>

#include <cstring>

#include "baretls/crypto/secret.h"
#include "crypto/bytes.h"
#include "crypto/gcm_clmul_impl.h"
#include "crypto/gcm_impl.h"

namespace baretls::crypto::detail {
namespace {

#define BARETLS_VAES2_TARGET __attribute__((target("aes,pclmul,sse4.1,ssse3,avx,avx2,vaes,vpclmulqdq")))
#define BARETLS_VAES2_INLINE BARETLS_VAES2_TARGET __attribute__((always_inline)) inline

constexpr std::size_t kGroup = 16;                        // blocks per iteration
constexpr int kRegs = static_cast<int>(kGroup / 2);       // ymm registers per iteration
constexpr std::size_t kFirstSlot = kWideSlots - kGroup;   // slot of H'^16

struct Wide256 {
  __m256i lo, hi, mid;
};

BARETLS_VAES2_INLINE Wide256 zero_wide() {
  return Wide256{_mm256_setzero_si256(), _mm256_setzero_si256(), _mm256_setzero_si256()};
}

BARETLS_VAES2_INLINE __m256i power_slots(const std::uint64_t* table, std::size_t slot) {
  return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(table + kWideTable + 2 * slot));
}

// Schoolbook 128 x 128 products, two lanes at once, summed unreduced.
BARETLS_VAES2_INLINE void mul_acc(Wide256& w, __m256i d, __m256i h) {
  w.lo = _mm256_xor_si256(w.lo, _mm256_clmulepi64_epi128(d, h, 0x00));
  w.hi = _mm256_xor_si256(w.hi, _mm256_clmulepi64_epi128(d, h, 0x11));
  w.mid = _mm256_xor_si256(w.mid, _mm256_xor_si256(_mm256_clmulepi64_epi128(d, h, 0x01),
                                                   _mm256_clmulepi64_epi128(d, h, 0x10)));
}

BARETLS_VAES2_INLINE __m128i fold_lanes(__m256i x) {
  return _mm_xor_si128(_mm256_castsi256_si128(x), _mm256_extracti128_si256(x, 1));
}

BARETLS_VAES2_INLINE __m128i reduce(const Wide256& w) {
  const __m256i lo = _mm256_xor_si256(w.lo, _mm256_bslli_epi128(w.mid, 8));
  const __m256i hi = _mm256_xor_si256(w.hi, _mm256_bsrli_epi128(w.mid, 8));
  return clmul_reduce_pair(fold_lanes(hi), fold_lanes(lo));
}

struct Keys {
  __m256i k[15];
  unsigned rounds;
};

// Counter state: dword 3 of each lane holds its native 32-bit counter;
// `base` is the counter block with a zero counter, xored with round key 0.
struct Counter {
  __m256i cnt, base, swap, inc2;
};

BARETLS_VAES2_INLINE __m256i next_counters(Counter& c) {
  const __m256i x = _mm256_xor_si256(_mm256_shuffle_epi8(c.cnt, c.swap), c.base);
  c.cnt = _mm256_add_epi32(c.cnt, c.inc2);
  return x;
}

BARETLS_VAES2_INLINE void encrypt(__m256i* x, int n, const Keys& keys) {
  for (unsigned r = 1; r < keys.rounds; ++r)
    for (int m = 0; m < n; ++m) x[m] = _mm256_aesenc_epi128(x[m], keys.k[r]);
  for (int m = 0; m < n; ++m) x[m] = _mm256_aesenclast_epi128(x[m], keys.k[keys.rounds]);
}

// GHASH of nb <= 16 blocks at p, zero-padded by the caller to an even count
// (a zero block times the unused slot 32 adds nothing).
BARETLS_VAES2_INLINE __m128i ghash_blocks(const std::uint64_t* table, __m128i y, const std::uint8_t* p,
                                          std::size_t nb, __m256i bswap) {
  Wide256 w = zero_wide();
  const std::size_t first = kWideSlots - nb;
  for (std::size_t m = 0; 2 * m < nb; ++m) {
    __m256i d = _mm256_shuffle_epi8(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32 * m)), bswap);
    if (m == 0) d = _mm256_xor_si256(d, _mm256_zextsi128_si256(y));
    mul_acc(w, d, power_slots(table, first + 2 * m));
  }
  return reduce(w);
}

enum class Dir { seal, open };

template <Dir dir>
BARETLS_VAES2_INLINE __m128i crypt_groups(const std::uint64_t* table, const Keys& keys, Counter& ctr, __m128i y,
                                          const std::uint8_t* in, std::uint8_t* out, std::size_t groups,
                                          __m256i bswap) {
  for (; groups > 0; --groups, in += 16 * kGroup, out += 16 * kGroup) {
    __m256i x[kRegs];
    for (auto& v : x) v = next_counters(ctr);
    Wide256 w = zero_wide();
    auto hash = [&](const std::uint8_t* src, int m) BARETLS_VAES2_TARGET {
      __m256i d = _mm256_shuffle_epi8(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(src + 32 * m)), bswap);
      if (m == 0) d = _mm256_xor_si256(d, _mm256_zextsi128_si256(y));
      mul_acc(w, d, power_slots(table, kFirstSlot + 2 * static_cast<std::size_t>(m)));
    };
    if (dir == Dir::open)
      for (int m = 0; m < kRegs; ++m) hash(in, m);
    encrypt(x, kRegs, keys);
    for (int m = 0; m < kRegs; ++m) {
      const __m256i p = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(in + 32 * m));
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + 32 * m), _mm256_xor_si256(x[m], p));
    }
    if (dir == Dir::seal)
      for (int m = 0; m < kRegs; ++m) hash(out, m);
    y = reduce(w);
  }
  return y;
}

// The last 1..255 bytes through a zero-padded buffer.
template <Dir dir>
BARETLS_VAES2_INLINE __m128i crypt_tail(const std::uint64_t* table, const Keys& keys, Counter& ctr, __m128i y,
                                        const std::uint8_t* in, std::uint8_t* out, std::size_t len, __m256i bswap) {
  alignas(32) std::uint8_t buf[16 * kGroup] = {};
  std::memcpy(buf, in, len);
  const std::size_t nb = (len + 15) / 16;
  const int nr = static_cast<int>((nb + 1) / 2);
  if (dir == Dir::open) y = ghash_blocks(table, y, buf, nb, bswap);
  __m256i x[kRegs];
  for (int m = 0; m < nr; ++m) x[m] = next_counters(ctr);
  encrypt(x, nr, keys);
  for (int m = 0; m < nr; ++m) {
    auto* slot = reinterpret_cast<__m256i*>(buf + 32 * m);
    _mm256_store_si256(slot, _mm256_xor_si256(_mm256_load_si256(slot), x[m]));
  }
  std::memcpy(out, buf, len);
  if (dir == Dir::seal) {
    std::memset(buf + len, 0, sizeof buf - len);
    y = ghash_blocks(table, y, buf, nb, bswap);
  }
  secure_wipe(buf, sizeof buf);
  return y;
}

// SP 800-38D §7.1 steps 3-6 in one pass, as in gcm_vaes.cpp.
template <Dir dir>
BARETLS_VAES2_TARGET void run(const GcmRequest& r) noexcept {
  Keys keys;
  keys.rounds = r.aes.rounds();
  for (unsigned i = 0; i <= keys.rounds; ++i)
    keys.k[i] = _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(r.aes.round_keys() + 16 * i)));
  const __m256i bswap = _mm256_broadcastsi128_si256(clmul_bswap_mask());
  const std::uint64_t* table = r.table;

  const __m128i j0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(r.j0));
  __m128i ej0 = _mm_xor_si128(j0, _mm256_castsi256_si128(keys.k[0]));
  for (unsigned i = 1; i < keys.rounds; ++i) ej0 = _mm_aesenc_si128(ej0, _mm256_castsi256_si128(keys.k[i]));
  ej0 = _mm_aesenclast_si128(ej0, _mm256_castsi256_si128(keys.k[keys.rounds]));

  std::uint64_t acc[2] = {0, 0};
  ghash_blocks_clmul(table, acc, r.aad, r.aad_len / 16);
  if (r.aad_len % 16 != 0) {
    std::uint8_t block[16] = {};
    std::memcpy(block, r.aad + r.aad_len - r.aad_len % 16, r.aad_len % 16);
    ghash_blocks_clmul(table, acc, block, 1);
  }
  __m128i y = _mm_set_epi64x(static_cast<long long>(acc[0]), static_cast<long long>(acc[1]));

  Counter ctr;
  const std::uint32_t first = load_be32(r.j0 + 12) + 1;
  ctr.base = _mm256_xor_si256(_mm256_broadcastsi128_si256(_mm_insert_epi32(j0, 0, 3)), keys.k[0]);
  ctr.cnt = _mm256_set_epi32(static_cast<int>(first + 1), 0, 0, 0, static_cast<int>(first), 0, 0, 0);
  ctr.inc2 = _mm256_set_epi32(2, 0, 0, 0, 2, 0, 0, 0);
  ctr.swap = _mm256_broadcastsi128_si256(
      _mm_set_epi8(12, 13, 14, 15, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128));

  const std::size_t bulk = r.len - r.len % (16 * kGroup);
  y = crypt_groups<dir>(table, keys, ctr, y, r.in, r.out, bulk / (16 * kGroup), bswap);
  if (r.len > bulk) y = crypt_tail<dir>(table, keys, ctr, y, r.in + bulk, r.out + bulk, r.len - bulk, bswap);

  const __m128i lengths = _mm_set_epi64x(static_cast<long long>(r.aad_len * 8), static_cast<long long>(r.len * 8));
  y = clmul_mul(_mm_xor_si128(y, lengths), _mm_loadu_si128(reinterpret_cast<const __m128i*>(table)));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(r.tag), _mm_xor_si128(_mm_shuffle_epi8(y, clmul_bswap_mask()), ej0));
  secure_wipe(&keys, sizeof keys);
  secure_wipe(&ctr, sizeof ctr);
}

void seal(const GcmRequest& r) noexcept { run<Dir::seal>(r); }
void open(const GcmRequest& r) noexcept { run<Dir::open>(r); }

}  // namespace

const GcmOps kGcmVaesAvx2 = {
    "vaes_avx2",
    ghash_prepare_wide,
    ghash_blocks_clmul,
    seal,
    open,
};

}  // namespace baretls::crypto::detail

#endif  // BARETLS_X86_64

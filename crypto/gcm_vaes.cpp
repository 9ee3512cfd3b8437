// SPDX-License-Identifier: MIT
// AES-GCM with VAES and VPCLMULQDQ on 512-bit registers (AVX-512): four blocks
// per zmm register, 32 counter blocks per iteration through VAESENC,
// fused with the GHASH of the same 32 ciphertext blocks (H'^32..H'^1,
// one reduction per iteration). The last < 512 bytes use masked loads and
// stores, so no byte outside the caller's buffers is touched. Layout
// conventions as in gcm_impl.h; GCTR per SP 800-38D §6.5.
#include "crypto/arch.h"

#if BARETLS_X86_64

// GCC 12 reports the _mm512_undefined_*() placeholders inside its own
// intrinsic headers as uninitialised once inlined; they are not our values.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include <immintrin.h>

#include <cstring>

#include "baretls/crypto/aes_gcm.h"
#include "baretls/crypto/secret.h"
#include "crypto/bytes.h"
#include "crypto/gcm_clmul_impl.h"
#include "crypto/gcm_impl.h"

namespace baretls::crypto::detail {
namespace {

#define BARETLS_VAES_TARGET \
  __attribute__((target("aes,pclmul,sse4.1,ssse3,avx2,avx512f,avx512bw,avx512vl,avx512dq,vaes,vpclmulqdq")))
#define BARETLS_VAES_INLINE BARETLS_VAES_TARGET __attribute__((always_inline)) inline

constexpr std::size_t kGroup = kWideSlots;   // blocks per main-loop iteration
constexpr int kRegs = static_cast<int>(kGroup / 4);  // zmm registers per iteration

BARETLS_VAES_INLINE __m512i xor3(__m512i a, __m512i b, __m512i c) { return _mm512_ternarylogic_epi64(a, b, c, 0x96); }

BARETLS_VAES_INLINE __m512i power_slots(const std::uint64_t* table, std::size_t slot) {
  return _mm512_loadu_si512(table + kWideTable + 2 * slot);
}

struct Wide512 {  // trivial: zeroed by zero_wide() inside the target functions
  __m512i lo, hi, mid;
};

BARETLS_VAES_INLINE Wide512 zero_wide() {
  return Wide512{_mm512_setzero_si512(), _mm512_setzero_si512(), _mm512_setzero_si512()};
}

// Schoolbook 128 x 128 products, four lanes at once, summed unreduced.
BARETLS_VAES_INLINE void mul_acc(Wide512& w, __m512i d, __m512i h) {
  w.lo = _mm512_xor_si512(w.lo, _mm512_clmulepi64_epi128(d, h, 0x00));
  w.hi = _mm512_xor_si512(w.hi, _mm512_clmulepi64_epi128(d, h, 0x11));
  w.mid = xor3(w.mid, _mm512_clmulepi64_epi128(d, h, 0x01), _mm512_clmulepi64_epi128(d, h, 0x10));
}

BARETLS_VAES_INLINE __m128i fold_lanes(__m512i x) {
  const __m256i y = _mm256_xor_si256(_mm512_castsi512_si256(x), _mm512_extracti64x4_epi64(x, 1));
  return _mm_xor_si128(_mm256_castsi256_si128(y), _mm256_extracti128_si256(y, 1));
}

BARETLS_VAES_INLINE __m128i reduce(const Wide512& w) {
  const __m512i lo = _mm512_xor_si512(w.lo, _mm512_bslli_epi128(w.mid, 8));
  const __m512i hi = _mm512_xor_si512(w.hi, _mm512_bsrli_epi128(w.mid, 8));
  return clmul_reduce_pair(fold_lanes(hi), fold_lanes(lo));
}

struct Keys {
  __m512i k[15];
  unsigned rounds;
};

BARETLS_VAES_INLINE void load_keys(Keys& keys, const Aes& aes) {
  keys.rounds = aes.rounds();
  for (unsigned r = 0; r <= keys.rounds; ++r)
    keys.k[r] = _mm512_broadcast_i32x4(_mm_loadu_si128(reinterpret_cast<const __m128i*>(aes.round_keys() + 16 * r)));
}

// Counter state: dword 3 of each lane holds its native 32-bit counter;
// `base` is the counter block with a zero counter, xored with round key 0.
struct Counter {
  __m512i cnt, base, swap, inc4;
};

BARETLS_VAES_INLINE Counter make_counter(const std::uint8_t ctr_block[16], const Keys& keys) {
  Counter c;
  const std::uint32_t ctr = load_be32(ctr_block + 12);
  const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(ctr_block));
  c.base = _mm512_xor_si512(_mm512_broadcast_i32x4(_mm_insert_epi32(block, 0, 3)), keys.k[0]);
  c.cnt = _mm512_add_epi32(_mm512_maskz_set1_epi32(0x8888, static_cast<int>(ctr)),
                           _mm512_set_epi32(3, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0));
  c.inc4 = _mm512_maskz_set1_epi32(0x8888, 4);
  // Byte-reverse dword 3 of each lane (big-endian counter), zero the rest.
  c.swap = _mm512_broadcast_i32x4(_mm_set_epi8(12, 13, 14, 15, -128, -128, -128, -128, -128, -128, -128, -128,
                                               -128, -128, -128, -128));
  return c;
}

BARETLS_VAES_INLINE __m512i next_counters(Counter& c) {
  const __m512i x = _mm512_xor_si512(_mm512_shuffle_epi8(c.cnt, c.swap), c.base);
  c.cnt = _mm512_add_epi32(c.cnt, c.inc4);
  return x;
}

template <int N>
BARETLS_VAES_INLINE void encrypt_n(__m512i (&x)[kRegs], const Keys& keys) {
  for (unsigned r = 1; r < keys.rounds; ++r)
    for (int m = 0; m < N; ++m) x[m] = _mm512_aesenc_epi128(x[m], keys.k[r]);
  for (int m = 0; m < N; ++m) x[m] = _mm512_aesenclast_epi128(x[m], keys.k[keys.rounds]);
}

// GHASH of up to 32 blocks held byte-swapped in d[0..nz-1] (zero beyond the
// data), block j multiplied by H^(n - j) where slot first_slot = 32 - n.
BARETLS_VAES_INLINE __m128i ghash_group(const std::uint64_t* table, __m128i y, __m512i* d, std::size_t nz,
                                        std::size_t first_slot) {
  Wide512 w = zero_wide();
  d[0] = _mm512_xor_si512(d[0], _mm512_zextsi128_si512(y));
  for (std::size_t m = 0; m < nz; ++m) mul_acc(w, d[m], power_slots(table, first_slot + 4 * m));
  return reduce(w);
}

BARETLS_VAES_INLINE __mmask64 byte_mask(std::size_t left) {
  return left >= 64 ? ~__mmask64{0} : (__mmask64{1} << left) - 1;
}

// GHASH of len bytes (the last block zero-padded), 32 blocks a time.
BARETLS_VAES_INLINE __m128i ghash_bytes(const std::uint64_t* table, __m128i y, const std::uint8_t* p, std::size_t len,
                                        __m512i bswap) {
  for (; len > 0;) {
    const std::size_t take = len < 16 * kGroup ? len : 16 * kGroup;
    const std::size_t nb = (take + 15) / 16;
    __m512i d[kRegs];
    const std::size_t nz = (take + 63) / 64;
    for (std::size_t m = 0; m < nz; ++m)
      d[m] = _mm512_shuffle_epi8(_mm512_maskz_loadu_epi8(byte_mask(take - 64 * m), p + 64 * m), bswap);
    y = ghash_group(table, y, d, nz, kGroup - nb);
    p += take;
    len -= take;
  }
  return y;
}

enum class Dir { seal, open };

// The last 1..511 bytes: masked loads and stores, NZ = 1..8 registers.
template <Dir dir, int NZ>
BARETLS_VAES_INLINE __m128i crypt_tail(const std::uint64_t* table, const Keys& keys, Counter& ctr, __m128i y,
                                       const std::uint8_t* in, std::uint8_t* out, std::size_t len, __m512i bswap) {
  __m512i x[kRegs];
  for (int m = 0; m < NZ; ++m) x[m] = next_counters(ctr);
  encrypt_n<NZ>(x, keys);
  __m512i d[kRegs];
  for (int m = 0; m < NZ; ++m) {
    const __mmask64 mask = byte_mask(len - 64 * static_cast<std::size_t>(m));
    const __m512i p = _mm512_maskz_loadu_epi8(mask, in + 64 * m);
    const __m512i c = _mm512_xor_si512(x[m], p);
    _mm512_mask_storeu_epi8(out + 64 * m, mask, c);
    d[m] = _mm512_shuffle_epi8(dir == Dir::seal ? _mm512_maskz_mov_epi8(mask, c) : p, bswap);
    x[m] = _mm512_setzero_si512();
  }
  return ghash_group(table, y, d, NZ, kGroup - (len + 15) / 16);
}

// Whole 32-block groups: counters through VAESENC while the GHASH of the
// same blocks (open: the input, seal: the output) is accumulated unreduced,
// one reduction per group.
template <Dir dir>
BARETLS_VAES_INLINE __m128i crypt_groups(const std::uint64_t* table, const Keys& keys, Counter& ctr, __m128i y,
                                         const std::uint8_t* in, std::uint8_t* out, std::size_t groups, __m512i bswap) {
  for (; groups > 0; --groups, in += 16 * kGroup, out += 16 * kGroup) {
    __m512i x[kRegs];
    for (auto& v : x) v = next_counters(ctr);
    Wide512 w = zero_wide();
    if (dir == Dir::open) {
      for (int m = 0; m < kRegs; ++m) {
        __m512i d = _mm512_shuffle_epi8(_mm512_loadu_si512(in + 64 * m), bswap);
        if (m == 0) d = _mm512_xor_si512(d, _mm512_zextsi128_si512(y));
        mul_acc(w, d, power_slots(table, 4 * static_cast<std::size_t>(m)));
      }
    }
    encrypt_n<kRegs>(x, keys);
    for (int m = 0; m < kRegs; ++m) {
      const __m512i c = _mm512_xor_si512(x[m], _mm512_loadu_si512(in + 64 * m));
      _mm512_storeu_si512(out + 64 * m, c);
      if (dir == Dir::seal) {
        __m512i d = _mm512_shuffle_epi8(c, bswap);
        if (m == 0) d = _mm512_xor_si512(d, _mm512_zextsi128_si512(y));
        mul_acc(w, d, power_slots(table, 4 * static_cast<std::size_t>(m)));
      }
    }
    y = reduce(w);
  }
  return y;
}

template <Dir dir>
BARETLS_VAES_TARGET void run(const GcmRequest& r) noexcept {
  Keys keys;
  load_keys(keys, r.aes);
  const __m512i bswap = _mm512_broadcast_i32x4(clmul_bswap_mask());
  const std::uint64_t* table = r.table;

  // §7.1 step 6 mask E(K, J0): an independent chain, overlapped with the rest.
  const __m128i j0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(r.j0));
  __m128i ej0 = _mm_xor_si128(j0, _mm512_castsi512_si128(keys.k[0]));
  for (unsigned i = 1; i < keys.rounds; ++i) ej0 = _mm_aesenc_si128(ej0, _mm512_castsi512_si128(keys.k[i]));
  ej0 = _mm_aesenclast_si128(ej0, _mm512_castsi512_si128(keys.k[keys.rounds]));

  // Steps 3-5: GHASH(A), then GCTR from inc32(J0) fused with GHASH(C).
  __m128i y = ghash_bytes(table, _mm_setzero_si128(), r.aad, r.aad_len, bswap);
  std::uint8_t ctr_block[16];
  std::memcpy(ctr_block, r.j0, 12);
  store_be32(ctr_block + 12, load_be32(r.j0 + 12) + 1);
  Counter ctr = make_counter(ctr_block, keys);
  const std::uint8_t* in = r.in;
  std::uint8_t* out = r.out;
  std::size_t len = r.len;
  const std::size_t bulk = len - len % (16 * kGroup);
  y = crypt_groups<dir>(table, keys, ctr, y, in, out, bulk / (16 * kGroup), bswap);
  in += bulk;
  out += bulk;
  len -= bulk;
  switch ((len + 63) / 64) {
    case 1: y = crypt_tail<dir, 1>(table, keys, ctr, y, in, out, len, bswap); break;
    case 2: y = crypt_tail<dir, 2>(table, keys, ctr, y, in, out, len, bswap); break;
    case 3: y = crypt_tail<dir, 3>(table, keys, ctr, y, in, out, len, bswap); break;
    case 4: y = crypt_tail<dir, 4>(table, keys, ctr, y, in, out, len, bswap); break;
    case 5: y = crypt_tail<dir, 5>(table, keys, ctr, y, in, out, len, bswap); break;
    case 6: y = crypt_tail<dir, 6>(table, keys, ctr, y, in, out, len, bswap); break;
    case 7: y = crypt_tail<dir, 7>(table, keys, ctr, y, in, out, len, bswap); break;
    case 8: y = crypt_tail<dir, 8>(table, keys, ctr, y, in, out, len, bswap); break;
    default: break;
  }

  // Length block [len(A)]_64 || [len(C)]_64 in bits, times H.
  const __m128i lengths = _mm_set_epi64x(static_cast<long long>(r.aad_len * 8), static_cast<long long>(r.len * 8));
  const __m128i h1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(table));
  y = clmul_mul(_mm_xor_si128(y, lengths), h1);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(r.tag), _mm_xor_si128(_mm_shuffle_epi8(y, clmul_bswap_mask()), ej0));
  secure_wipe(&keys, sizeof keys);
  secure_wipe(&ctr, sizeof ctr);
}

void seal(const GcmRequest& r) noexcept { run<Dir::seal>(r); }
void open(const GcmRequest& r) noexcept { run<Dir::open>(r); }

}  // namespace

const GcmOps kGcmVaes = {
    "vaes_avx512",
    ghash_prepare_wide,
    ghash_blocks_clmul,
    seal,
    open,
};

}  // namespace baretls::crypto::detail

#endif  // BARETLS_X86_64

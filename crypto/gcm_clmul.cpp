// SPDX-License-Identifier: MIT
// AES-GCM with AES-NI and PCLMULQDQ (x86-64): eight counter blocks per
// iteration through AESENC, then the GHASH of their eight ciphertext blocks
// with one aggregated reduction (H'^8 .. H'^1, Karatsuba, reduction by two
// carry-less multiplies by 0xC2..). Same layout conventions as
// ghash_portable.cpp (gcm_impl.h). Counter blocks follow SP 800-38D §6.5.
#include "crypto/arch.h"

#if BARETLS_X86_64

#include <immintrin.h>

#include <cstring>

#include "baretls/crypto/aes_gcm.h"
#include "baretls/crypto/secret.h"
#include "crypto/bytes.h"
#include "crypto/gcm_clmul_impl.h"
#include "crypto/gcm_impl.h"

namespace baretls::crypto::detail {
namespace {

constexpr std::size_t kPowers = 8;

#define BARETLS_CLMUL_TARGET __attribute__((target("aes,pclmul,sse4.1,ssse3")))

BARETLS_CLMUL_TARGET inline __m128i load_power(const std::uint64_t* table, std::size_t k) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(table + 2 * (k - 1)));
}
BARETLS_CLMUL_TARGET inline __m128i load_mid(const std::uint64_t* table, std::size_t k) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(table + 2 * kPowers + 2 * (k - 1)));
}

}  // namespace

BARETLS_CLMUL_TARGET void ghash_prepare_clmul(std::uint64_t* table, std::uint64_t h_hi, std::uint64_t h_lo) noexcept {
  ghash_prime(h_hi, h_lo);
  const __m128i h = _mm_set_epi64x(static_cast<long long>(h_hi), static_cast<long long>(h_lo));
  __m128i p = h;
  for (std::size_t k = 1; k <= kPowers; ++k) {
    if (k > 1) p = clmul_mul(p, h);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(table + 2 * (k - 1)), p);
    // Karatsuba middle key: hi ^ lo in the low lane.
    _mm_storeu_si128(reinterpret_cast<__m128i*>(table + 2 * kPowers + 2 * (k - 1)),
                     _mm_xor_si128(p, _mm_unpackhi_epi64(p, p)));
  }
}

BARETLS_CLMUL_TARGET void ghash_prepare_wide(std::uint64_t* table, std::uint64_t h_hi, std::uint64_t h_lo) noexcept {
  static_assert(kWideTable + 2 * (kWideSlots + 3) <= AesGcm::kTableWords, "table too small");
  ghash_prepare_clmul(table, h_hi, h_lo);
  ghash_prime(h_hi, h_lo);
  const __m128i h = _mm_set_epi64x(static_cast<long long>(h_hi), static_cast<long long>(h_lo));
  __m128i p = h;
  for (std::size_t k = 1; k <= kWideSlots; ++k) {
    if (k > 1) p = clmul_mul(p, h);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(table + kWideTable + 2 * (kWideSlots - k)), p);
  }
}

namespace {

BARETLS_CLMUL_TARGET inline __m128i load_block(const std::uint8_t* p) {
  return _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), clmul_bswap_mask());
}

// acc * H^8 ^ x[1] * H^7 ... over eight blocks at p (first one xored with acc).
BARETLS_CLMUL_TARGET inline __m128i ghash8(const std::uint64_t* table, __m128i acc, const std::uint8_t* p) {
  ClmulWide w;
  for (std::size_t i = 0; i < kPowers; ++i) {
    __m128i x = load_block(p + 16 * i);
    if (i == 0) x = _mm_xor_si128(x, acc);
    clmul_acc(w, x, load_power(table, kPowers - i), load_mid(table, kPowers - i));
  }
  return clmul_reduce(w);
}

// (y xor x) H for a block already in register order.
BARETLS_CLMUL_TARGET inline __m128i ghash_n_reg(const std::uint64_t* table, __m128i y, __m128i x) {
  ClmulWide w;
  clmul_acc(w, _mm_xor_si128(x, y), load_power(table, 1), load_mid(table, 1));
  return clmul_reduce(w);
}

BARETLS_CLMUL_TARGET inline __m128i ghash1(const std::uint64_t* table, __m128i acc, __m128i x) {
  ClmulWide w;
  clmul_acc(w, _mm_xor_si128(x, acc), load_power(table, 1), load_mid(table, 1));
  return clmul_reduce(w);
}

}  // namespace

BARETLS_CLMUL_TARGET void ghash_blocks_clmul(const std::uint64_t* table, std::uint64_t acc[2], const std::uint8_t* data,
                                             std::size_t n) noexcept {
  __m128i y = _mm_set_epi64x(static_cast<long long>(acc[0]), static_cast<long long>(acc[1]));
  for (; n >= kPowers; n -= kPowers, data += 16 * kPowers) y = ghash8(table, y, data);
  for (; n > 0; --n, data += 16) y = ghash1(table, y, load_block(data));
  acc[0] = static_cast<std::uint64_t>(_mm_extract_epi64(y, 1));
  acc[1] = static_cast<std::uint64_t>(_mm_extract_epi64(y, 0));
}

namespace {

enum class Dir { seal, open };

// (y xor X_1) H^n xor X_2 H^(n-1) ... X_n H over n <= 8 blocks at p.
BARETLS_CLMUL_TARGET inline __m128i ghash_n(const std::uint64_t* table, __m128i y, const std::uint8_t* p, std::size_t n) {
  ClmulWide w;
  for (std::size_t i = 0; i < n; ++i) {
    __m128i x = load_block(p + 16 * i);
    if (i == 0) x = _mm_xor_si128(x, y);
    clmul_acc(w, x, load_power(table, n - i), load_mid(table, n - i));
  }
  return clmul_reduce(w);
}

// GHASH of len bytes, the last block zero-padded.
BARETLS_CLMUL_TARGET inline __m128i ghash_bytes(const std::uint64_t* table, __m128i y, const std::uint8_t* p,
                                                std::size_t len) {
  for (; len >= 16 * kPowers; len -= 16 * kPowers, p += 16 * kPowers) y = ghash8(table, y, p);
  if (len > 0) {
    alignas(16) std::uint8_t buf[16 * kPowers] = {};
    std::memcpy(buf, p, len);
    y = ghash_n(table, y, buf, (len + 15) / 16);
  }
  return y;
}

// SP 800-38D §7.1 steps 3-6 in one pass: E(K, J0) as an independent chain,
// GHASH(A), eight-block GCTR fused with GHASH(C), then up to eight tail
// blocks encrypted together through a stack buffer, and the length block.
template <Dir dir>
BARETLS_CLMUL_TARGET void run(const GcmRequest& r) noexcept {
  const unsigned rounds = r.aes.rounds();
  const std::uint64_t* table = r.table;
  __m128i k[15];
  for (unsigned i = 0; i <= rounds; ++i)
    k[i] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(r.aes.round_keys() + 16 * i));
  const __m128i j0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(r.j0));
  __m128i ej0 = _mm_xor_si128(j0, k[0]);
  for (unsigned i = 1; i < rounds; ++i) ej0 = _mm_aesenc_si128(ej0, k[i]);
  ej0 = _mm_aesenclast_si128(ej0, k[rounds]);

  __m128i y = ghash_bytes(table, _mm_setzero_si128(), r.aad, r.aad_len);
  std::uint32_t ctr = load_be32(r.j0 + 12) + 1;
  auto counter = [&](std::uint32_t i) BARETLS_CLMUL_TARGET {
    return _mm_xor_si128(_mm_insert_epi32(j0, static_cast<int>(__builtin_bswap32(ctr + i)), 3), k[0]);
  };
  const std::uint8_t* in = r.in;
  std::uint8_t* out = r.out;
  std::size_t len = r.len;
  for (; len >= 16 * kPowers; len -= 16 * kPowers, in += 16 * kPowers, out += 16 * kPowers) {
    __m128i b[kPowers];
    for (std::uint32_t i = 0; i < kPowers; ++i) b[i] = counter(i);
    ctr += kPowers;
    for (unsigned i = 1; i < rounds; ++i)
      for (auto& x : b) x = _mm_aesenc_si128(x, k[i]);
    if (dir == Dir::open) y = ghash8(table, y, in);
    for (std::size_t i = 0; i < kPowers; ++i) {
      const __m128i m = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + 16 * i));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out + 16 * i), _mm_xor_si128(m, _mm_aesenclast_si128(b[i], k[rounds])));
    }
    if (dir == Dir::seal) y = ghash8(table, y, out);
  }
  if (len > 0) {
    const std::size_t n = (len + 15) / 16;
    __m128i b[kPowers];
    for (std::uint32_t i = 0; i < n; ++i) b[i] = counter(i);
    for (unsigned i = 1; i < rounds; ++i)
      for (std::size_t j = 0; j < n; ++j) b[j] = _mm_aesenc_si128(b[j], k[i]);
    alignas(16) std::uint8_t buf[16 * kPowers] = {};
    std::memcpy(buf, in, len);
    if (dir == Dir::open) y = ghash_n(table, y, buf, n);
    for (std::size_t j = 0; j < n; ++j) {
      __m128i* slot = reinterpret_cast<__m128i*>(buf + 16 * j);
      _mm_store_si128(slot, _mm_xor_si128(_mm_load_si128(slot), _mm_aesenclast_si128(b[j], k[rounds])));
    }
    std::memcpy(out, buf, len);
    if (dir == Dir::seal) {
      std::memset(buf + len, 0, 16 * n - len);
      y = ghash_n(table, y, buf, n);
    }
    secure_wipe(buf, sizeof buf);
  }
  const __m128i lengths = _mm_set_epi64x(static_cast<long long>(r.aad_len * 8), static_cast<long long>(r.len * 8));
  y = ghash_n_reg(table, y, lengths);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(r.tag), _mm_xor_si128(_mm_shuffle_epi8(y, clmul_bswap_mask()), ej0));
  secure_wipe(k, sizeof k);
}

void seal(const GcmRequest& r) noexcept { run<Dir::seal>(r); }
void open(const GcmRequest& r) noexcept { run<Dir::open>(r); }

}  // namespace

const GcmOps kGcmClmul = {
    "aesni_clmul",
    ghash_prepare_clmul,
    ghash_blocks_clmul,
    seal,
    open,
};

}  // namespace baretls::crypto::detail

#endif  // BARETLS_X86_64

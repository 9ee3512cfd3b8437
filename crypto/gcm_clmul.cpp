// SPDX-License-Identifier: MIT
// AES-GCM with AES-NI and PCLMULQDQ (x86-64): eight counter blocks per
// iteration through AESENC, then the GHASH of their eight ciphertext blocks
// with one aggregated reduction (H'^8 .. H'^1, Karatsuba, reduction by two
// carry-less multiplies by 0xC2..). Same layout conventions as
// ghash_portable.cpp (gcm_impl.h). Counter blocks follow SP 800-38D §6.5.
#if defined(__x86_64__)

#include <immintrin.h>

#include <cstring>

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

BARETLS_CLMUL_TARGET inline __m128i ghash1(const std::uint64_t* table, __m128i acc, __m128i x) {
  ClmulWide w;
  clmul_acc(w, _mm_xor_si128(x, acc), load_power(table, 1), load_mid(table, 1));
  return clmul_reduce(w);
}

BARETLS_CLMUL_TARGET void ghash_blocks_clmul(const std::uint64_t* table, std::uint64_t acc[2], const std::uint8_t* data,
                                             std::size_t n) noexcept {
  __m128i y = _mm_set_epi64x(static_cast<long long>(acc[0]), static_cast<long long>(acc[1]));
  for (; n >= kPowers; n -= kPowers, data += 16 * kPowers) y = ghash8(table, y, data);
  for (; n > 0; --n, data += 16) y = ghash1(table, y, load_block(data));
  acc[0] = static_cast<std::uint64_t>(_mm_extract_epi64(y, 1));
  acc[1] = static_cast<std::uint64_t>(_mm_extract_epi64(y, 0));
}

enum class Dir { seal, open };

template <Dir dir>
BARETLS_CLMUL_TARGET void crypt(const Aes& aes, const std::uint64_t* table, const std::uint8_t ctr_block[16],
                                const std::uint8_t* in, std::uint8_t* out, std::size_t len,
                                std::uint64_t acc[2]) noexcept {
  const unsigned rounds = aes.rounds();
  __m128i k[15];
  for (unsigned r = 0; r <= rounds; ++r)
    k[r] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(aes.round_keys() + 16 * r));
  const __m128i base = _mm_loadu_si128(reinterpret_cast<const __m128i*>(ctr_block));
  std::uint32_t ctr = load_be32(ctr_block + 12);
  __m128i y = _mm_set_epi64x(static_cast<long long>(acc[0]), static_cast<long long>(acc[1]));
  auto counter = [&](std::uint32_t i) BARETLS_CLMUL_TARGET {
    return _mm_insert_epi32(base, static_cast<int>(__builtin_bswap32(ctr + i)), 3);
  };

  for (; len >= 16 * kPowers; len -= 16 * kPowers, in += 16 * kPowers, out += 16 * kPowers) {
    __m128i b[kPowers];
    for (std::uint32_t i = 0; i < kPowers; ++i) b[i] = _mm_xor_si128(counter(i), k[0]);
    ctr += kPowers;
    for (unsigned r = 1; r < rounds; ++r)
      for (auto& x : b) x = _mm_aesenc_si128(x, k[r]);
    if (dir == Dir::open) y = ghash8(table, y, in);
    for (std::size_t i = 0; i < kPowers; ++i) {
      const __m128i m = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + 16 * i));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out + 16 * i), _mm_xor_si128(m, _mm_aesenclast_si128(b[i], k[rounds])));
    }
    if (dir == Dir::seal) y = ghash8(table, y, out);
  }
  for (; len > 0;) {
    const std::size_t take = len < 16 ? len : 16;
    __m128i x = _mm_xor_si128(counter(0), k[0]);
    ++ctr;
    for (unsigned r = 1; r < rounds; ++r) x = _mm_aesenc_si128(x, k[r]);
    x = _mm_aesenclast_si128(x, k[rounds]);
    alignas(16) std::uint8_t buf[16] = {};
    std::memcpy(buf, in, take);
    if (dir == Dir::open) y = ghash1(table, y, load_block(buf));
    _mm_store_si128(reinterpret_cast<__m128i*>(buf), _mm_xor_si128(_mm_load_si128(reinterpret_cast<const __m128i*>(buf)), x));
    if (dir == Dir::seal) {
      std::memset(buf + take, 0, 16 - take);
      y = ghash1(table, y, load_block(buf));
    }
    std::memcpy(out, buf, take);
    secure_wipe(buf, sizeof buf);
    in += take;
    out += take;
    len -= take;
  }
  acc[0] = static_cast<std::uint64_t>(_mm_extract_epi64(y, 1));
  acc[1] = static_cast<std::uint64_t>(_mm_extract_epi64(y, 0));
  secure_wipe(k, sizeof k);
}

}  // namespace

const GcmOps kGcmClmul = {
    "aesni_clmul",
    ghash_prepare_clmul,
    ghash_blocks_clmul,
    crypt<Dir::seal>,
    crypt<Dir::open>,
};

}  // namespace baretls::crypto::detail

#endif  // __x86_64__

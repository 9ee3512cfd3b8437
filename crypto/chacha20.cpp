// SPDX-License-Identifier: MIT
// ChaCha20 context and portable keystream (RFC 8439 §2.1-2.4); see
// chacha20.h. The accelerated paths live in chacha20_avx2.cpp (8 blocks),
// chacha20_avx512.cpp (16 blocks) and chacha20_neon.cpp (AArch64, 4 blocks).
#include "baretls/crypto/chacha20.h"

#include "baretls/crypto/cpu.h"
#include "baretls/crypto/secret.h"
#include "crypto/arch.h"
#include "crypto/bytes.h"
#include "crypto/chacha20_impl.h"

namespace baretls::crypto {
namespace detail {

void chacha20_block_words(const std::uint32_t in[16], std::uint32_t out[16]) noexcept {
  std::uint32_t x[16];
  for (int i = 0; i < 16; ++i) x[i] = in[i];
  chacha20_rounds(x, chacha_quarter_round);
  for (int i = 0; i < 16; ++i) out[i] = x[i] + in[i];
  secure_wipe(x, sizeof x);
}

void chacha20_xor_portable(const std::uint32_t state[16], const std::uint8_t* in, std::uint8_t* out,
                           std::size_t len) noexcept {
  std::uint32_t s[16];
  std::uint32_t ks[16];
  for (int i = 0; i < 16; ++i) s[i] = state[i];
  while (len >= 64) {
    chacha20_block_words(s, ks);
    for (int i = 0; i < 16; ++i) store_le32(out + 4 * i, load_le32(in + 4 * i) ^ ks[i]);
    ++s[12];  // RFC 8439 §2.4: the block counter, modulo 2^32
    in += 64;
    out += 64;
    len -= 64;
  }
  if (len > 0) {
    std::uint8_t tail[64];
    chacha20_block_words(s, ks);
    for (int i = 0; i < 16; ++i) store_le32(tail + 4 * i, ks[i]);
    for (std::size_t i = 0; i < len; ++i) out[i] = static_cast<std::uint8_t>(in[i] ^ tail[i]);
    secure_wipe(tail, sizeof tail);
  }
  secure_wipe(s, sizeof s);
  secure_wipe(ks, sizeof ks);
}

}  // namespace detail

namespace {
ChaCha20::XorFn choose_xor_fn() noexcept {
#if BARETLS_X86_64
  if (cpu_has(CpuFeature::avx512f) && cpu_has(CpuFeature::avx512bw) && cpu_has(CpuFeature::avx2))
    return detail::chacha20_xor_avx512;
  if (cpu_has(CpuFeature::avx2)) return detail::chacha20_xor_avx2;
#endif
#if BARETLS_ARM64
  if (cpu_has(CpuFeature::neon)) return detail::chacha20_xor_neon;
#endif
  return detail::chacha20_xor_portable;
}

// RFC 8439 §2.3: constants, key words, counter, nonce words (little-endian).
void load_state(std::uint32_t s[16], const std::uint32_t key[8], std::span<const std::uint8_t, 12> nonce,
                std::uint32_t counter) noexcept {
  for (int i = 0; i < 4; ++i) s[i] = detail::kChaChaSigma[i];
  for (int i = 0; i < 8; ++i) s[4 + i] = key[i];
  s[12] = counter;
  for (int i = 0; i < 3; ++i) s[13 + i] = detail::load_le32(nonce.data() + 4 * i);
}
}  // namespace

ChaCha20::ChaCha20() noexcept : key_{}, xor_(choose_xor_fn()) {}

ChaCha20::~ChaCha20() { secure_wipe(key_, sizeof key_); }

Error ChaCha20::init(std::span<const std::uint8_t> key) noexcept {
  if (key.size() != kKeySize) return Error::bad_length;
  for (int i = 0; i < 8; ++i) key_[i] = detail::load_le32(key.data() + 4 * i);
  xor_ = choose_xor_fn();
  return Error::ok;
}

void ChaCha20::xor_stream(std::span<const std::uint8_t, kNonceSize> nonce, std::uint32_t counter,
                          std::span<const std::uint8_t> in, std::span<std::uint8_t> out) const noexcept {
  std::uint32_t s[16];
  load_state(s, key_, nonce, counter);
  const std::size_t n = in.size() < out.size() ? in.size() : out.size();  // not secret
  xor_(s, in.data(), out.data(), n);
  secure_wipe(s, sizeof s);
}

void ChaCha20::block(std::span<const std::uint8_t, kNonceSize> nonce, std::uint32_t counter,
                     std::span<std::uint8_t, kBlockSize> out) const noexcept {
  std::uint32_t s[16];
  std::uint32_t ks[16];
  load_state(s, key_, nonce, counter);
  detail::chacha20_block_words(s, ks);
  for (int i = 0; i < 16; ++i) detail::store_le32(out.data() + 4 * i, ks[i]);
  secure_wipe(s, sizeof s);
  secure_wipe(ks, sizeof ks);
}

std::string_view ChaCha20::implementation() const noexcept {
#if BARETLS_X86_64
  if (xor_ == detail::chacha20_xor_avx512) return "avx512";
  if (xor_ == detail::chacha20_xor_avx2) return "avx2";
#endif
#if BARETLS_ARM64
  if (xor_ == detail::chacha20_xor_neon) return "neon";
#endif
  return "portable";
}

}  // namespace baretls::crypto

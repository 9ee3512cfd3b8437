// SPDX-License-Identifier: MIT
// ChaCha20 stream cipher (RFC 8439 §2.3-2.4): 256-bit key, 96-bit nonce,
// 32-bit block counter. The keystream function is chosen when the key is
// set: 16 blocks at a time with AVX-512, 8 with AVX2, 4 with AArch64 NEON,
// else the portable code.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "baretls/crypto/error.h"

namespace baretls::crypto {

class ChaCha20 {
 public:
  static constexpr std::size_t kKeySize = 32;
  static constexpr std::size_t kNonceSize = 12;
  static constexpr std::size_t kBlockSize = 64;
  // XORs `len` bytes of keystream, starting at block `state[12]`, into out.
  // state: the 16-word initial state of RFC 8439 §2.3 (constants, key,
  // counter, nonce). in and out are equal or do not overlap.
  using XorFn = void (*)(const std::uint32_t state[16], const std::uint8_t* in, std::uint8_t* out,
                         std::size_t len);

  ChaCha20() noexcept;
  ~ChaCha20();
  ChaCha20(const ChaCha20&) noexcept = default;
  ChaCha20& operator=(const ChaCha20&) noexcept = default;

  // Error::bad_length unless key.size() == 32. CT: no secret-dependent time.
  [[nodiscard]] Error init(std::span<const std::uint8_t> key) noexcept;

  // out = in XOR keystream(nonce, blocks counter, counter+1, ...) (RFC 8439
  // §2.4). out.size() must equal in.size(); in place is allowed. The counter
  // wraps modulo 2^32: callers keep messages under 256 GiB per nonce.
  // CT: time depends only on in.size().
  void xor_stream(std::span<const std::uint8_t, kNonceSize> nonce, std::uint32_t counter,
                  std::span<const std::uint8_t> in, std::span<std::uint8_t> out) const noexcept;

  // One serialized 64-byte block (RFC 8439 §2.3). CT: constant time.
  void block(std::span<const std::uint8_t, kNonceSize> nonce, std::uint32_t counter,
             std::span<std::uint8_t, kBlockSize> out) const noexcept;

  // "avx512", "avx2", "neon" or "portable".
  [[nodiscard]] std::string_view implementation() const noexcept;

 private:
  std::uint32_t key_[8];
  XorFn xor_;
};

}  // namespace baretls::crypto

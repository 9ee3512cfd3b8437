// SPDX-License-Identifier: MIT
// AES-GCM authenticated encryption (NIST SP 800-38D) with 128-bit tags, AES-128,
// AES-192 or AES-256 keys, IVs of any length (12 bytes is the fast path, §7.1)
// and AAD of any length. The implementation is chosen at init(): portable
// (bitsliced AES, constant-time GHASH from masked integer multiplies),
// AES-NI + PCLMULQDQ, VAES + VPCLMULQDQ on 256-bit AVX2 registers, or on
// 512-bit AVX-512 registers; on AArch64, the ARMv8 AES and PMULL instructions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "baretls/crypto/aes.h"
#include "baretls/crypto/error.h"

namespace baretls::crypto {

namespace detail {
struct GcmOps;
}

class AesGcm {
 public:
  static constexpr std::size_t kTagSize = 16;
  static constexpr std::size_t kNonceSize = 12;  // the fast path; any length >= 1 works
  // SP 800-38D §5.2.1.1: len(P) <= 2^39 - 256 bits.
  static constexpr std::uint64_t kMaxPlaintext = (std::uint64_t{1} << 36) - 32;
  static constexpr std::size_t kTableWords = 128;

  AesGcm() noexcept = default;
  ~AesGcm();
  AesGcm(const AesGcm&) noexcept = default;
  AesGcm& operator=(const AesGcm&) noexcept = default;

  // key: 16, 24 or 32 bytes (else bad_length). CT: time depends on key.size().
  [[nodiscard]] Error init(std::span<const std::uint8_t> key) noexcept;

  // SP 800-38D §7.1 GCM-AE. out.size() == in.size(); in and out may be the
  // same buffer but must not otherwise overlap. nonce: any length >= 1.
  // CT: time depends only on the lengths of nonce, aad and in.
  [[nodiscard]] Error seal(std::span<const std::uint8_t> nonce, std::span<const std::uint8_t> aad,
                           std::span<const std::uint8_t> in, std::span<std::uint8_t> out,
                           std::span<std::uint8_t, 16> tag) const noexcept;

  // SP 800-38D §7.2 GCM-AD. The tag is compared in constant time; on a
  // mismatch returns Error::auth_failed and `out` is all zeros (no plaintext
  // is released). CT: time depends only on the lengths.
  [[nodiscard]] Error open(std::span<const std::uint8_t> nonce, std::span<const std::uint8_t> aad,
                           std::span<const std::uint8_t> in, std::span<std::uint8_t> out,
                           std::span<const std::uint8_t, 16> tag) const noexcept;

  // "portable", "aesni_clmul", "vaes_avx2", "vaes_avx512" or "armv8_pmull"
  // (empty before init()).
  [[nodiscard]] std::string_view implementation() const noexcept;

 private:
  enum class Direction : std::uint8_t { seal, open };
  [[nodiscard]] Error crypt(Direction dir, std::span<const std::uint8_t> nonce, std::span<const std::uint8_t> aad,
                            std::span<const std::uint8_t> in, std::span<std::uint8_t> out,
                            std::span<std::uint8_t, 16> tag_out) const noexcept;

  Aes aes_;
  alignas(64) std::uint64_t table_[kTableWords] = {};  // powers of H, laid out per path
  const detail::GcmOps* ops_ = nullptr;                 // not secret
};

}  // namespace baretls::crypto

// SPDX-License-Identifier: MIT
// CPU-feature detection (CPUID on x86-64; on AArch64 the Linux hwcaps, or
// elsewhere what the compiler targets) and the switch that forces the
// portable code paths: BARETLS_CPU=portable in the environment, or
// set_cpu_features_mask(0). Primitives read cpu_has() when a context is
// initialised and keep the chosen function pointers (docs/ARCHITECTURE.md).
#pragma once

#include <cstdint>

namespace baretls::crypto {

enum class CpuFeature : std::uint32_t {
  ssse3 = 1u << 0,
  sse41 = 1u << 1,
  aesni = 1u << 2,
  pclmulqdq = 1u << 3,
  sha_ni = 1u << 4,
  avx = 1u << 5,
  avx2 = 1u << 6,
  bmi2 = 1u << 7,
  adx = 1u << 8,
  avx512f = 1u << 9,
  avx512bw = 1u << 10,
  avx512vl = 1u << 11,
  avx512dq = 1u << 12,
  avx512ifma = 1u << 13,
  vaes = 1u << 14,
  vpclmulqdq = 1u << 15,
  sha512 = 1u << 16,
  bmi1 = 1u << 17,
  // AArch64: Advanced SIMD, and the optional ARMv8 AES (AESE/AESMC), PMULL
  // (64 x 64-bit carry-less multiply), SHA-256 and ARMv8.2 SHA-512
  // instructions (Linux HWCAP_ASIMD, _AES, _PMULL, _SHA2, _SHA512).
  neon = 1u << 18,
  arm_aes = 1u << 19,
  arm_pmull = 1u << 20,
  arm_sha2 = 1u << 21,
  arm_sha512 = 1u << 22,
};

inline constexpr std::uint32_t kAllCpuFeatures = (1u << 23) - 1;

// Features the processor (and OS, for AVX state) supports, ignoring the mask.
[[nodiscard]] std::uint32_t cpu_detected_features() noexcept;

// Detected features restricted by the mask. The mask starts as all features,
// or none when the environment has BARETLS_CPU=portable.
[[nodiscard]] std::uint32_t cpu_features() noexcept;
[[nodiscard]] bool cpu_has(CpuFeature f) noexcept;
[[nodiscard]] inline bool cpu_has_all(std::uint32_t fs) noexcept { return (cpu_features() & fs) == fs; }

// Restrict the features the library may use from now on (contexts created
// before keep their choice). 0 forces every portable path; kAllCpuFeatures
// restores detection.
void set_cpu_features_mask(std::uint32_t mask) noexcept;
[[nodiscard]] std::uint32_t cpu_features_mask() noexcept;

// The feature's name, e.g. "aesni", "sha_ni", "arm_pmull".
[[nodiscard]] const char* cpu_feature_name(CpuFeature f) noexcept;

}  // namespace baretls::crypto

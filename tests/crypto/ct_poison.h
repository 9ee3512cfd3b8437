// SPDX-License-Identifier: MIT
// Test support for the constant-time suites (ctgrind style): CT_POISON marks
// secret bytes undefined for Valgrind memcheck, CT_UNPOISON marks them
// defined again; both do nothing natively. kCtNoAvx512 is every feature
// Valgrind 3.19 emulates (no AVX-512, VAES/VPCLMULQDQ, SHA-NI/SHA512). Its
// CPUID hides ADX, so the valgrind runs set BARETLS_CPU_ASSUME_ADX=1
// (tests/crypto/ct.cmake) to reach the BMI2+ADX kernels.
#pragma once

#include <cstdint>
#include <vector>

#include "baretls/crypto/cpu.h"
#include "tests/support/cpu_paths.h"

#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#define CT_POISON(p, n) VALGRIND_MAKE_MEM_UNDEFINED(p, n)
#define CT_UNPOISON(p, n) VALGRIND_MAKE_MEM_DEFINED(p, n)
#define CT_UNDER_VALGRIND() (RUNNING_ON_VALGRIND != 0)
#else
#define CT_POISON(p, n) ((void)(p), (void)(n))
#define CT_UNPOISON(p, n) ((void)(p), (void)(n))
#define CT_UNDER_VALGRIND() false
#endif

namespace baretls::test {

inline constexpr std::uint32_t ct_bit(crypto::CpuFeature f) { return static_cast<std::uint32_t>(f); }

inline constexpr std::uint32_t kCtNoAvx512 =
    crypto::kAllCpuFeatures &
    ~(ct_bit(crypto::CpuFeature::avx512f) | ct_bit(crypto::CpuFeature::avx512bw) |
      ct_bit(crypto::CpuFeature::avx512vl) | ct_bit(crypto::CpuFeature::avx512dq) |
      ct_bit(crypto::CpuFeature::avx512ifma) | ct_bit(crypto::CpuFeature::vaes) |
      ct_bit(crypto::CpuFeature::vpclmulqdq) | ct_bit(crypto::CpuFeature::sha_ni) |
      ct_bit(crypto::CpuFeature::sha512));

// Portable and the accelerated paths Valgrind can run (AVX2, BMI2+ADX,
// AES-NI), de-duplicated against what this CPU has. Under Valgrind the CPU
// reports no AVX-512, so the "native" path is one of them.
inline std::vector<CpuPath> ct_paths() {
  const std::uint32_t native = crypto::cpu_detected_features();
  std::vector<CpuPath> out;
  for (const auto& p : cpu_paths({{"no-avx512", kCtNoAvx512}}))
    if ((p.mask & native & ~kCtNoAvx512) == 0) out.push_back(p);
  return out;
}

}  // namespace baretls::test

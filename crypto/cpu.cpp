// SPDX-License-Identifier: MIT
// CPUID-based feature detection; see cpu.h. Intel SDM Vol. 2A "CPUID":
// leaf 1 ECX (SSSE3, SSE4.1, AES, PCLMULQDQ, OSXSAVE, AVX), leaf 7 EBX/ECX/EAX
// (AVX2, BMI2, ADX, AVX-512, SHA, VAES, VPCLMULQDQ, SHA512), XGETBV for the
// OS-enabled register state. AArch64: getauxval(AT_HWCAP) on Linux (the
// kernel's view, Documentation/arch/arm64/elf_hwcaps.rst), elsewhere the
// ACLE macros of what the compiler targets (__ARM_FEATURE_AES, ...).
#include "baretls/crypto/cpu.h"

#include <atomic>
#include <cstdlib>
#include <cstring>

#include "crypto/arch.h"

#if BARETLS_X86_64
#include <cpuid.h>
#endif
#if BARETLS_ARM64 && defined(__linux__)
#include <sys/auxv.h>
#endif

namespace baretls::crypto {
namespace {

#if BARETLS_X86_64
std::uint64_t read_xcr0() noexcept {
  std::uint32_t lo = 0, hi = 0;
  __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
  return (static_cast<std::uint64_t>(hi) << 32) | lo;
}

std::uint32_t detect() noexcept {
  unsigned a = 0, b = 0, c = 0, d = 0;
  if (__get_cpuid(0, &a, &b, &c, &d) == 0) return 0;
  const unsigned max_leaf = a;
  std::uint32_t f = 0;
  auto set = [&f](bool on, CpuFeature feature) {
    if (on) f |= static_cast<std::uint32_t>(feature);
  };
  __get_cpuid(1, &a, &b, &c, &d);
  set(c & (1u << 9), CpuFeature::ssse3);
  set(c & (1u << 19), CpuFeature::sse41);
  set(c & (1u << 25), CpuFeature::aesni);
  set(c & (1u << 1), CpuFeature::pclmulqdq);
  const bool osxsave = (c & (1u << 27)) != 0;
  const bool avx_cpu = (c & (1u << 28)) != 0;
  const std::uint64_t xcr0 = osxsave ? read_xcr0() : 0;
  const bool ymm_ok = (xcr0 & 0x6) == 0x6;      // SSE and AVX state
  const bool zmm_ok = (xcr0 & 0xE6) == 0xE6;    // plus opmask and ZMM state
  set(avx_cpu && ymm_ok, CpuFeature::avx);
  if (max_leaf >= 7) {
    __get_cpuid_count(7, 0, &a, &b, &c, &d);
    set(ymm_ok && (b & (1u << 5)), CpuFeature::avx2);
    set(b & (1u << 3), CpuFeature::bmi1);
    set(b & (1u << 8), CpuFeature::bmi2);
    set(b & (1u << 19), CpuFeature::adx);
    set(b & (1u << 29), CpuFeature::sha_ni);
    set(zmm_ok && (b & (1u << 16)), CpuFeature::avx512f);
    set(zmm_ok && (b & (1u << 17)), CpuFeature::avx512dq);
    set(zmm_ok && (b & (1u << 21)), CpuFeature::avx512ifma);
    set(zmm_ok && (b & (1u << 30)), CpuFeature::avx512bw);
    set(zmm_ok && (b & (1u << 31)), CpuFeature::avx512vl);
    set(ymm_ok && (c & (1u << 9)), CpuFeature::vaes);
    set(ymm_ok && (c & (1u << 10)), CpuFeature::vpclmulqdq);
    unsigned a1 = 0, b1 = 0, c1 = 0, d1 = 0;
    if (a >= 1) {
      __get_cpuid_count(7, 1, &a1, &b1, &c1, &d1);
      set(ymm_ok && (a1 & 1u), CpuFeature::sha512);
    }
  }
  return f;
}
#elif BARETLS_ARM64
void add(std::uint32_t& f, bool on, CpuFeature feature) noexcept {
  if (on) f |= static_cast<std::uint32_t>(feature);
}

#if defined(__linux__)
// Linux AT_HWCAP bits (arch/arm64/include/uapi/asm/hwcap.h).
std::uint32_t detect() noexcept {
  constexpr unsigned long kAsimd = 1ul << 1, kAes = 1ul << 3, kPmull = 1ul << 4, kSha2 = 1ul << 6,
                          kSha512 = 1ul << 21;
  const unsigned long hw = getauxval(AT_HWCAP);
  std::uint32_t f = 0;
  add(f, (hw & kAsimd) != 0, CpuFeature::neon);
  add(f, BARETLS_ARM64_CRYPTO && (hw & kAes) != 0, CpuFeature::arm_aes);
  add(f, BARETLS_ARM64_CRYPTO && (hw & kPmull) != 0, CpuFeature::arm_pmull);
  add(f, BARETLS_ARM64_CRYPTO && (hw & kSha2) != 0, CpuFeature::arm_sha2);
  add(f, BARETLS_ARM64_SHA512 && (hw & kSha512) != 0, CpuFeature::arm_sha512);
  return f;
}
#else
// No portable way to ask the processor from user space: use what the
// compiler was told the target has.
std::uint32_t detect() noexcept {
  std::uint32_t f = 0;
#if defined(__ARM_NEON)
  add(f, true, CpuFeature::neon);
#endif
#if defined(__ARM_FEATURE_AES)
  add(f, BARETLS_ARM64_CRYPTO, CpuFeature::arm_aes);
  add(f, BARETLS_ARM64_CRYPTO, CpuFeature::arm_pmull);  // ACLE: PMULL comes with AES
#endif
#if defined(__ARM_FEATURE_SHA2)
  add(f, BARETLS_ARM64_CRYPTO, CpuFeature::arm_sha2);
#endif
#if defined(__ARM_FEATURE_SHA512)
  add(f, BARETLS_ARM64_SHA512, CpuFeature::arm_sha512);
#endif
  return f;
}
#endif
#else
std::uint32_t detect() noexcept { return 0; }
#endif

std::uint32_t initial_mask() noexcept {
  const char* env = std::getenv("BARETLS_CPU");
  if (env != nullptr && std::strcmp(env, "portable") == 0) return 0;
  return kAllCpuFeatures;
}

std::atomic<std::uint32_t>& mask_cell() noexcept {
  static std::atomic<std::uint32_t> cell{initial_mask()};
  return cell;
}

// BARETLS_CPU_ASSUME_ADX=1 adds ADX to what CPUID reports. Valgrind 3.19
// executes ADCX/ADOX but hides ADX in its CPUID, so the constant-time suites
// (tests/crypto/ct.cmake) set it to run the BMI2+ADX kernels under memcheck.
// Never set it on a processor without ADX (the kernels would fault).
std::uint32_t assumed_features() noexcept {
  const char* env = std::getenv("BARETLS_CPU_ASSUME_ADX");
  if (env != nullptr && std::strcmp(env, "1") == 0) return static_cast<std::uint32_t>(CpuFeature::adx);
  return 0;
}

}  // namespace

std::uint32_t cpu_detected_features() noexcept {
  static const std::uint32_t detected = detect() | assumed_features();
  return detected;
}

std::uint32_t cpu_features() noexcept {
  return cpu_detected_features() & mask_cell().load(std::memory_order_relaxed);
}

bool cpu_has(CpuFeature f) noexcept { return (cpu_features() & static_cast<std::uint32_t>(f)) != 0; }

void set_cpu_features_mask(std::uint32_t mask) noexcept {
  mask_cell().store(mask, std::memory_order_relaxed);
}

std::uint32_t cpu_features_mask() noexcept { return mask_cell().load(std::memory_order_relaxed); }

const char* cpu_feature_name(CpuFeature f) noexcept {
  switch (f) {
    case CpuFeature::ssse3: return "ssse3";
    case CpuFeature::sse41: return "sse4.1";
    case CpuFeature::aesni: return "aesni";
    case CpuFeature::pclmulqdq: return "pclmulqdq";
    case CpuFeature::sha_ni: return "sha_ni";
    case CpuFeature::avx: return "avx";
    case CpuFeature::avx2: return "avx2";
    case CpuFeature::bmi2: return "bmi2";
    case CpuFeature::adx: return "adx";
    case CpuFeature::avx512f: return "avx512f";
    case CpuFeature::avx512bw: return "avx512bw";
    case CpuFeature::avx512vl: return "avx512vl";
    case CpuFeature::avx512dq: return "avx512dq";
    case CpuFeature::avx512ifma: return "avx512ifma";
    case CpuFeature::vaes: return "vaes";
    case CpuFeature::vpclmulqdq: return "vpclmulqdq";
    case CpuFeature::sha512: return "sha512";
    case CpuFeature::bmi1: return "bmi1";
    case CpuFeature::neon: return "neon";
    case CpuFeature::arm_aes: return "arm_aes";
    case CpuFeature::arm_pmull: return "arm_pmull";
    case CpuFeature::arm_sha2: return "arm_sha2";
    case CpuFeature::arm_sha512: return "arm_sha512";
  }
  return "?";
}

}  // namespace baretls::crypto

// SPDX-License-Identifier: MIT
// Internal: which CPU-specific paths this build compiles. BARETLS_X86_64 is
// 1 on x86-64 unless the build option BARETLS_WITH_X86_PATHS is off
// (<baretls/build_config.h>); code for those paths and its dispatch sit
// under `#if BARETLS_X86_64`. The AArch64 paths likewise sit under
// BARETLS_ARM64 (NEON, part of every AArch64 core), BARETLS_ARM64_CRYPTO
// (AES, PMULL, SHA-256 instructions) and BARETLS_ARM64_SHA512 (ARMv8.2
// SHA-512 instructions). Elsewhere only the portable code exists.
#pragma once

#include "baretls/build_config.h"

#if defined(__x86_64__) && BARETLS_WITH_X86_PATHS
#define BARETLS_X86_64 1
#else
#define BARETLS_X86_64 0
#endif

// Little-endian AArch64 only: the NEON code assumes lane 0 holds the lowest
// addressed bytes. Each instruction group is compiled when the compiler can
// emit it for one function (GCC's target attribute, below) or targets it for
// the whole file (e.g. -march=armv8.2-a+crypto+sha3: __ARM_FEATURE_AES, ...).
// Clang before 16 declares the intrinsics only in the second case.
#if defined(__aarch64__) && defined(__ARM_NEON) && !defined(__ARM_BIG_ENDIAN) && BARETLS_WITH_ARM_PATHS
#define BARETLS_ARM64 1
#else
#define BARETLS_ARM64 0
#endif

#if BARETLS_ARM64 && (!defined(__clang__) || (defined(__ARM_FEATURE_AES) && defined(__ARM_FEATURE_SHA2)))
#define BARETLS_ARM64_CRYPTO 1
#else
#define BARETLS_ARM64_CRYPTO 0
#endif

#if BARETLS_ARM64 && (!defined(__clang__) || defined(__ARM_FEATURE_SHA512))
#define BARETLS_ARM64_SHA512 1
#else
#define BARETLS_ARM64_SHA512 0
#endif

// Per-function targets for the AArch64 instruction groups (GCC 12: "+crypto"
// enables AES, PMULL and SHA-256; the SHA-512 intrinsics need ARMv8.2 with
// "+sha3"). Empty where the compiler already targets the group.
#if BARETLS_ARM64 && !defined(__clang__)
#define BARETLS_ARM64_TARGET_CRYPTO __attribute__((target("+crypto")))
#define BARETLS_ARM64_TARGET_SHA512 __attribute__((target("arch=armv8.2-a+sha3")))
#else
#define BARETLS_ARM64_TARGET_CRYPTO
#define BARETLS_ARM64_TARGET_SHA512
#endif

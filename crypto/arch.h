// SPDX-License-Identifier: MIT
// Internal: which CPU-specific paths this build compiles. BARETLS_X86_64 is
// 1 on x86-64 unless the build option BARETLS_WITH_X86_PATHS is off
// (<baretls/build_config.h>); code for those paths and its dispatch sit
// under `#if BARETLS_X86_64`. Elsewhere only the portable code exists.
#pragma once

#include "baretls/build_config.h"

#if defined(__x86_64__) && BARETLS_WITH_X86_PATHS
#define BARETLS_X86_64 1
#else
#define BARETLS_X86_64 0
#endif

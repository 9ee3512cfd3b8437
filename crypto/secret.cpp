// SPDX-License-Identifier: MIT
// secure_wipe; see secret.h.
#include "baretls/crypto/secret.h"

#include <cstring>

namespace baretls::crypto {

void secure_wipe(void* p, std::size_t n) noexcept {
  if (n == 0) return;
  std::memset(p, 0, n);
  // The compiler must assume the asm reads the memory, so the memset stays.
#if defined(__GNUC__) || defined(__clang__)
  __asm__ __volatile__("" : : "r"(p) : "memory");
#else
  volatile unsigned char* vp = static_cast<volatile unsigned char*>(p);
  for (std::size_t i = 0; i < n; ++i) vp[i] = 0;
#endif
}

}  // namespace baretls::crypto

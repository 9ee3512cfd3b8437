// SPDX-License-Identifier: MIT
// Operating-system randomness; see random.h. Empty without
// BARETLS_WITH_OS_RANDOM.
#include "baretls/crypto/random.h"

#if BARETLS_WITH_OS_RANDOM
#include <cerrno>

#if defined(__linux__)
#include <sys/random.h>
#elif defined(__APPLE__) || defined(__OpenBSD__) || defined(__FreeBSD__)
#include <unistd.h>
#endif

namespace baretls::crypto {

Error os_random_bytes(std::span<std::uint8_t> out) noexcept {
  std::size_t done = 0;
  while (done < out.size()) {
#if defined(__linux__)
    const ssize_t n = getrandom(out.data() + done, out.size() - done, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Error::rng_failure;
    }
    done += static_cast<std::size_t>(n);
#elif defined(__APPLE__) || defined(__OpenBSD__) || defined(__FreeBSD__)
    const std::size_t chunk = out.size() - done > 256 ? 256 : out.size() - done;
    if (getentropy(out.data() + done, chunk) != 0) return Error::rng_failure;
    done += chunk;
#else
    return Error::rng_failure;  // no known OS source: fail closed
#endif
  }
  return Error::ok;
}

namespace {
Error fill_from_os(void*, std::span<std::uint8_t> out) noexcept { return os_random_bytes(out); }
}  // namespace

RandomSource system_random() noexcept { return RandomSource{&fill_from_os, nullptr}; }

}  // namespace baretls::crypto
#endif  // BARETLS_WITH_OS_RANDOM

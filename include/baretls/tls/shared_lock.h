// SPDX-License-Identifier: MIT
// The lock of the objects one server configuration shares between its
// connections (SessionCache, TicketKeys): a std::mutex when the build has
// threads (BARETLS_WITH_THREADS, <baretls/build_config.h>), otherwise an
// empty type whose lock does nothing, for one-thread and bare-metal builds.
#pragma once

#include "baretls/build_config.h"

#if BARETLS_WITH_THREADS
#include <mutex>
#endif

namespace baretls::tls::detail {

#if BARETLS_WITH_THREADS
using SharedMutex = std::mutex;
using SharedLock = std::lock_guard<std::mutex>;
#else
struct SharedMutex {};
class SharedLock {
 public:
  explicit SharedLock(SharedMutex&) noexcept {}
  SharedLock(const SharedLock&) = delete;
  SharedLock& operator=(const SharedLock&) = delete;
};
#endif

}  // namespace baretls::tls::detail

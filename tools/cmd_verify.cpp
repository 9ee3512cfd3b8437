// SPDX-License-Identifier: MIT
// `baretls verify`: not built yet; see the README's "Supported" section.
#include <cstdio>

#include "tools/commands.h"

namespace baretls::cli {

int cmd_verify(int, char**) {
  std::fprintf(stderr, "baretls verify: not supported yet in this build\n");
  return 2;
}

}  // namespace baretls::cli

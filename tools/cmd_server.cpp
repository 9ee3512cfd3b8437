// SPDX-License-Identifier: MIT
// `baretls server`: not built yet; see the README's "Supported" section.
#include <cstdio>

#include "tools/commands.h"

namespace baretls::cli {

int cmd_server(int, char**) {
  std::fprintf(stderr, "baretls server: not supported yet in this build\n");
  return 2;
}

}  // namespace baretls::cli

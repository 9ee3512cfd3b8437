// SPDX-License-Identifier: MIT
// `baretls client`: not built yet; see the README's "Supported" section.
#include <cstdio>

#include "tools/commands.h"

namespace baretls::cli {

int cmd_client(int, char**) {
  std::fprintf(stderr, "baretls client: not supported yet in this build\n");
  return 2;
}

}  // namespace baretls::cli

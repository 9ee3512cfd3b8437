// SPDX-License-Identifier: MIT
// `baretls x509`: not built yet; see the README's "Supported" section.
#include <cstdio>

#include "tools/commands.h"

namespace baretls::cli {

int cmd_x509(int, char**) {
  std::fprintf(stderr, "baretls x509: not supported yet in this build\n");
  return 2;
}

}  // namespace baretls::cli

// SPDX-License-Identifier: MIT
// `baretls speed [ALGORITHM...] [--json] [--html FILE] [--svg DIR] [--seconds S]
// [--rounds N]`: baretls's own throughput (MB/s) and operation rates (ops/s)
// on every implementation path this CPU has (within BARETLS_CPU), the median
// of interleaved rounds with min and max. The side-by-side with other
// libraries is baretls-compare; both share bench/frontend.h.
#include "bench/frontend.h"
#include "tools/commands.h"

namespace baretls::cli {

int cmd_speed(int argc, char** argv) {
  const bench::Frontend speed{"baretls speed", {"baretls"}, false, false};
  return bench::run_frontend(speed, argc, argv);
}

}  // namespace baretls::cli

// SPDX-License-Identifier: MIT
// Fuzz target "tls_server": the server engine fed arbitrary bytes as the
// client's flights (RFC 5246 §7.3). The server's randomness is fixed, so a
// seed that is a real client transcript (fuzz_make_seeds) gets through the
// key exchange, the encrypted Finished and into application data.
#include "fuzz/fuzz_support.h"

namespace {

using namespace baretls;

fuzz::CounterRng g_rng{2};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto config = fuzz::make_server_config(g_rng);
  g_rng.reset();
  auto conn = tls::Connection::server(config);
  if (!conn) fuzz::die("server does not start");
  fuzz::drive(*conn, std::span(data, size));
  return 0;
}

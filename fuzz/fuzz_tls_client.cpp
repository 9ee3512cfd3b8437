// SPDX-License-Identifier: MIT
// Fuzz target "tls_client": the client engine fed arbitrary bytes as the
// server's flights (RFC 5246 §7.3). The client's randomness and clock are
// fixed, so its ClientHello and key share are the same on every run: a seed
// that is a real server transcript (fuzz_make_seeds) completes the whole
// handshake, including the encrypted Finished, and carries application data
// and alerts after it.
#include "fuzz/fuzz_support.h"

namespace {

using namespace baretls;

fuzz::CounterRng g_rng{1};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto config = fuzz::make_client_config(g_rng);
  g_rng.reset();
  auto conn = tls::Connection::client(config, fuzz::kServerName);
  if (!conn) fuzz::die("client does not start");
  fuzz::drive(*conn, std::span(data, size));
  return 0;
}

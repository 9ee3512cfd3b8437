// SPDX-License-Identifier: MIT
// Fuzz target "tls_established": the encrypted record path after a real
// handshake. Each run completes a handshake in memory between our client and
// server (fixed randomness, so the traffic keys are the same every run),
// then feeds the input as further records from the peer. Input: one option
// byte (bit 0: 0 = the client receives, 1 = the server receives; bits 1-2:
// the suite, AES-128-GCM, AES-256-GCM or ChaCha20-Poly1305), then records.
// Seeds are records the peer really sealed (application data, warnings,
// close_notify), written by fuzz_make_seeds.
#include "fuzz/fuzz_support.h"
#include "fuzz/fuzz_tls_established.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace baretls;
  if (size < 1) return 0;
  auto pair = fuzz::established_pair(data[0]);
  auto& receiver = (data[0] & 1u) != 0 ? pair.server : pair.client;
  fuzz::drive(receiver, std::span(data + 1, size - 1));
  return 0;
}

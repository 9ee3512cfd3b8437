// SPDX-License-Identifier: MIT
// The NSS key log line (the SSLKEYLOGFILE format Wireshark reads):
//   CLIENT_RANDOM <client_random, 64 hex digits> <master_secret, 96 hex digits>
// handed to CommonConfig::key_log once per connection. The library never
// writes files; the CLI appends the line to --keylog FILE / $SSLKEYLOGFILE.
#include <string>

#include "baretls/crypto/secret.h"
#include "tls/engine.h"
#include "tls/features.h"

namespace baretls::tls::detail {

namespace {

void append_hex(std::string& s, std::span<const std::uint8_t> bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  for (const auto b : bytes) {
    s += kDigits[b >> 4];
    s += kDigits[b & 15];
  }
}

}  // namespace

// CT: none — this deliberately reveals the master secret to the configured
// sink (off unless set). The line buffer is wiped afterwards.
void log_master_secret(Engine& e) {
  const auto& sink = e.config().key_log;
  if (sink.line == nullptr || e.key_logged) return;
  e.key_logged = true;
  std::string line;
  line.reserve(14 + 2 * kRandomSize + 1 + 2 * kMasterSecretSize);
  line += "CLIENT_RANDOM ";
  append_hex(line, e.neg.client_random);
  line += ' ';
  append_hex(line, e.neg.master.expose());
  sink.line(sink.ctx, line);
  crypto::secure_wipe(line.data(), line.size());
}

}  // namespace baretls::tls::detail

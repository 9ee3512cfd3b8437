// SPDX-License-Identifier: MIT
// TLS 1.2 key schedule (see key_schedule.h): RFC 5246 §5, §6.3, §7.4.9,
// §8.1 and RFC 7627 §4.
#include "tls/key_schedule.h"

#include "baretls/crypto/tls_prf.h"

namespace baretls::tls {

MasterSecret derive_master_secret(crypto::HashId prf, std::span<const std::uint8_t> pre_master_secret,
                                  std::span<const std::uint8_t, kRandomSize> client_random,
                                  std::span<const std::uint8_t, kRandomSize> server_random) noexcept {
  MasterSecret ms;
  crypto::tls12_prf(prf, pre_master_secret, "master secret", client_random, server_random, ms.expose());
  return ms;
}

MasterSecret derive_extended_master_secret(crypto::HashId prf, std::span<const std::uint8_t> pre_master_secret,
                                           std::span<const std::uint8_t> session_hash) noexcept {
  MasterSecret ms;
  crypto::tls12_prf(prf, pre_master_secret, "extended master secret", session_hash, ms.expose());
  return ms;
}

void expand_key_block(crypto::HashId prf, const MasterSecret& master,
                      std::span<const std::uint8_t, kRandomSize> client_random,
                      std::span<const std::uint8_t, kRandomSize> server_random, std::span<std::uint8_t> out) noexcept {
  // Note the order: server_random first (RFC 5246 §6.3), unlike the master secret.
  crypto::tls12_prf(prf, master.expose(), "key expansion", server_random, client_random, out);
}

TrafficKeys derive_traffic_keys(const SuiteInfo& suite, const MasterSecret& master,
                                std::span<const std::uint8_t, kRandomSize> client_random,
                                std::span<const std::uint8_t, kRandomSize> server_random) noexcept {
  const std::size_t k = suite.key_length;       // not secret
  const std::size_t iv = suite.fixed_iv_length;  // not secret
  // 2 * (32 + 12) = 88 bytes at most.
  crypto::Secret<2 * (32 + 12)> block;
  const auto used = block.expose().first(2 * (k + iv));
  expand_key_block(suite.prf_hash, master, client_random, server_random, used);
  TrafficKeys keys;
  const auto copy = [](std::span<const std::uint8_t> from, std::span<std::uint8_t> to) {
    for (std::size_t i = 0; i < from.size(); ++i) to[i] = from[i];
  };
  copy(used.subspan(0, k), keys.client_write.key.expose());
  copy(used.subspan(k, k), keys.server_write.key.expose());
  copy(used.subspan(2 * k, iv), keys.client_write.iv.expose());
  copy(used.subspan(2 * k + iv, iv), keys.server_write.iv.expose());
  keys.client_write.key_length = keys.server_write.key_length = k;
  keys.client_write.iv_length = keys.server_write.iv_length = iv;
  return keys;
}

std::array<std::uint8_t, 12> compute_verify_data(crypto::HashId prf, const MasterSecret& master, FinishedLabel label,
                                                 std::span<const std::uint8_t> handshake_hash) noexcept {
  std::array<std::uint8_t, 12> out{};
  crypto::tls12_prf(prf, master.expose(), label == FinishedLabel::client ? "client finished" : "server finished",
                    handshake_hash, out);
  return out;
}

}  // namespace baretls::tls

// SPDX-License-Identifier: MIT
// The TLS 1.2 key schedule over the PRF of RFC 5246 §5: master secret
// (RFC 5246 §8.1) or extended master secret (RFC 7627 §4), the key block
// (RFC 5246 §6.3) split into AEAD keys and IVs, and Finished verify_data
// (RFC 5246 §7.4.9).
#pragma once

#include <array>
#include <cstdint>
#include <span>

#include "baretls/crypto/hash.h"
#include "baretls/crypto/secret.h"
#include "tls/suites.h"

namespace baretls::tls {

inline constexpr std::size_t kMasterSecretSize = 48;
inline constexpr std::size_t kRandomSize = 32;
using MasterSecret = crypto::Secret<kMasterSecretSize>;

// RFC 5246 §8.1: master_secret = PRF(pre_master_secret, "master secret",
//   ClientHello.random + ServerHello.random)[0..47];
// CT: time depends only on pre_master_secret.size().
[[nodiscard]] MasterSecret derive_master_secret(crypto::HashId prf, std::span<const std::uint8_t> pre_master_secret,
                                                std::span<const std::uint8_t, kRandomSize> client_random,
                                                std::span<const std::uint8_t, kRandomSize> server_random) noexcept;

// RFC 7627 §4: master_secret = PRF(pre_master_secret, "extended master secret",
//   session_hash)[0..47]; session_hash = Hash(handshake_messages) through
//   ClientKeyExchange. CT: time depends only on the lengths.
[[nodiscard]] MasterSecret derive_extended_master_secret(crypto::HashId prf,
                                                         std::span<const std::uint8_t> pre_master_secret,
                                                         std::span<const std::uint8_t> session_hash) noexcept;

// RFC 5246 §6.3: key_block = PRF(master_secret, "key expansion",
//   server_random + client_random); fills `out` (any length).
void expand_key_block(crypto::HashId prf, const MasterSecret& master,
                      std::span<const std::uint8_t, kRandomSize> client_random,
                      std::span<const std::uint8_t, kRandomSize> server_random, std::span<std::uint8_t> out) noexcept;

// One direction's AEAD key and IV (fixed_iv_length bytes used of iv).
struct DirectionKeys {
  crypto::Secret<32> key;
  crypto::Secret<12> iv;
  std::size_t key_length = 0;
  std::size_t iv_length = 0;
};
struct TrafficKeys {
  DirectionKeys client_write;
  DirectionKeys server_write;
};

// RFC 5246 §6.3 partition for AEAD suites (mac_key_length = 0):
//   client_write_key[enc_key_length] server_write_key[enc_key_length]
//   client_write_IV[fixed_iv_length] server_write_IV[fixed_iv_length]
[[nodiscard]] TrafficKeys derive_traffic_keys(const SuiteInfo& suite, const MasterSecret& master,
                                              std::span<const std::uint8_t, kRandomSize> client_random,
                                              std::span<const std::uint8_t, kRandomSize> server_random) noexcept;

enum class FinishedLabel : std::uint8_t { client, server };

// RFC 5246 §7.4.9: verify_data = PRF(master_secret, finished_label,
//   Hash(handshake_messages))[0..verify_data_length-1];
[[nodiscard]] std::array<std::uint8_t, 12> compute_verify_data(crypto::HashId prf, const MasterSecret& master,
                                                               FinishedLabel label,
                                                               std::span<const std::uint8_t> handshake_hash) noexcept;

}  // namespace baretls::tls

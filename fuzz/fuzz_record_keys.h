// SPDX-License-Identifier: MIT
// The fixed record keys of the "tls_record" target and its seed generator:
// one key and IV per AEAD (RFC 5288 §3 GCM salt, RFC 7905 §2 ChaCha20 IV),
// made from a counter pattern so sealed seeds open under the target.
#pragma once

#include <cstdint>

#include "tls/key_schedule.h"
#include "tls/suites.h"

namespace baretls::fuzz {

inline tls::DirectionKeys fixed_record_keys(crypto::AeadAlgorithm aead) {
  tls::DirectionKeys k;
  k.key_length = aead == crypto::AeadAlgorithm::aes_128_gcm ? 16 : 32;
  k.iv_length = aead == crypto::AeadAlgorithm::chacha20_poly1305 ? 12 : 4;
  auto key = k.key.expose();
  auto iv = k.iv.expose();
  for (std::size_t i = 0; i < key.size(); ++i) key[i] = static_cast<std::uint8_t>(0x40 + i);
  for (std::size_t i = 0; i < iv.size(); ++i) iv[i] = static_cast<std::uint8_t>(0xa0 + i);
  return k;
}

// Input byte 0 of "tls_record": bits 0-1 the AEAD (3 = the record layer
// before ChangeCipherSpec, in the clear), bit 2 the version policy.
inline constexpr crypto::AeadAlgorithm kRecordAeads[3] = {crypto::AeadAlgorithm::aes_128_gcm, crypto::AeadAlgorithm::aes_256_gcm,
                                                   crypto::AeadAlgorithm::chacha20_poly1305};

}  // namespace baretls::fuzz

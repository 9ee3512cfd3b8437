// SPDX-License-Identifier: MIT
// ECDSA over P-256 and P-384 (FIPS 186-4 §6), deterministic nonces per
// RFC 6979 (optionally hedged with extra randomness, RFC 6979 §3.6), digest
// truncation per FIPS 186-4 §6.4, and strict DER signatures (RFC 5480 §2.2.3,
// SEC 1 v2 §C.8 ECDSA-Sig-Value). No heap.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "baretls/crypto/ec.h"
#include "baretls/crypto/error.h"
#include "baretls/crypto/hash.h"
#include "baretls/crypto/random.h"

namespace baretls::crypto {

// Largest DER ECDSA-Sig-Value: 2 + 2 * (2 + 1 + 48) bytes (P-384).
inline constexpr std::size_t kMaxEcdsaDerSize = 104;

// Signs a message digest (any length; its leftmost bits are used as FIPS
// 186-4 §6.4 says). k per RFC 6979 with HMAC-`hash`; when `extra` is not null
// it supplies ec_scalar_size bytes mixed into the nonce derivation (hedged).
// sig_rs_out: r||s, 2*ec_scalar_size bytes. d in [1, n-1] (invalid_scalar).
// CT: time independent of d and k.
[[nodiscard]] Error ecdsa_sign(Curve, HashId hash, std::span<const std::uint8_t> d,
                               std::span<const std::uint8_t> digest, const RandomSource* extra,
                               std::span<std::uint8_t> sig_rs_out) noexcept;

// ok, or: invalid_point / bad_length / point_at_infinity (the key),
// bad_signature_encoding (sig length), signature_out_of_range (r or s not in
// [1, n-1]), bad_signature. CT: none (public inputs only).
[[nodiscard]] Error ecdsa_verify(Curve, std::span<const std::uint8_t> point, std::span<const std::uint8_t> digest,
                                 std::span<const std::uint8_t> sig_rs) noexcept;

// r||s -> DER SEQUENCE { r INTEGER, s INTEGER }; returns the DER length.
// CT: none (signatures are public).
[[nodiscard]] Result<std::size_t> ecdsa_sig_to_der(Curve, std::span<const std::uint8_t> sig_rs,
                                                   std::span<std::uint8_t> der_out) noexcept;
// Strict DER -> r||s: minimal lengths and INTEGERs, no negative numbers, no
// trailing bytes (bad_signature_encoding); 1 <= r, s <= n-1
// (signature_out_of_range). CT: none (public input).
[[nodiscard]] Error ecdsa_sig_from_der(Curve, std::span<const std::uint8_t> der,
                                       std::span<std::uint8_t> sig_rs_out) noexcept;

}  // namespace baretls::crypto

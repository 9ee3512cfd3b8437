// SPDX-License-Identifier: MIT
// Internal: the RSA primitives (RFC 8017 §5.2 RSAVP1/RSAEP, §5.1 RSADP/
// RSASP1 with CRT), the encodings, and entry points that take the random
// values as arguments so that tests can reproduce published vectors (PSS
// with a given salt, PKCS#1 v1.5 encryption with a given padding string)
// and use the small keys of older vector files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "baretls/crypto/rsa.h"

namespace baretls::crypto::detail {

struct RsaAccess {
  static const MontContext& n(const RsaPublicKey& k) noexcept { return k.n_; }
  static std::span<const Limb> e(const RsaPublicKey& k) noexcept {
    return std::span<const Limb>(k.e_).first(k.e_limbs_);
  }
  static Result<RsaPrivateKey> make_private(std::span<const std::uint8_t> n, std::span<const std::uint8_t> e,
                                            std::span<const std::uint8_t> p, std::span<const std::uint8_t> q,
                                            std::span<const std::uint8_t> dp, std::span<const std::uint8_t> dq,
                                            std::span<const std::uint8_t> qinv, std::size_t min_bits) noexcept;
  // Private operations left on the key's blinding pair (tests).
  static unsigned blinding_uses_left(const RsaPrivateKey& k) noexcept { return k.blinding_.uses_left_; }
  // The stored pair (A, Ai) itself (the constant-time test poisons it).
  static std::array<std::span<Limb>, 2> blinding_pair(RsaPrivateKey& k) noexcept {
    return {std::span<Limb>(k.blinding_.a_), std::span<Limb>(k.blinding_.ai_)};
  }
  static Error private_op(const RsaPrivateKey& key, std::span<const std::uint8_t> in, const RandomSource& rng,
                          std::span<std::uint8_t> out) noexcept;
};

// from_components with a lower size limit (tests: the 1024-bit keys of the
// RSA Laboratories files). Same checks otherwise.
[[nodiscard]] Result<RsaPrivateKey> rsa_private_key_min_bits(
    std::span<const std::uint8_t> n, std::span<const std::uint8_t> e, std::span<const std::uint8_t> p,
    std::span<const std::uint8_t> q, std::span<const std::uint8_t> dp, std::span<const std::uint8_t> dq,
    std::span<const std::uint8_t> qinv, std::size_t min_bits) noexcept;

// RSAVP1/RSAEP: out = in^e mod n, in.size() == out.size() == modulus size.
// Errors: bad_signature_encoding (sizes), signature_out_of_range (in >= n).
// CT: none (public inputs).
[[nodiscard]] Error rsa_public_op(const RsaPublicKey& key, std::span<const std::uint8_t> in,
                                  std::span<std::uint8_t> out) noexcept;

// RSASP1/RSADP with CRT, base blinding (rsa.h RsaBlinding) and the check out^e == in
// (fault_detected, out zeroed, when it fails). in < n required
// (signature_out_of_range). CT: time depends only on the sizes.
[[nodiscard]] Error rsa_private_op(const RsaPrivateKey& key, std::span<const std::uint8_t> in,
                                   const RandomSource& rng, std::span<std::uint8_t> out) noexcept;

// out = in^d mod n without CRT (constant-time exponentiation modulo n):
// tests check NIST SigGen records, whose keys give only n, e and d.
[[nodiscard]] Error rsa_exp_d(const RsaPublicKey& key, std::span<const std::uint8_t> d,
                              std::span<const std::uint8_t> in, std::span<std::uint8_t> out) noexcept;

// RFC 8017 §9.2 EMSA-PKCS1-v1_5 into em (em.size() = emLen).
[[nodiscard]] Error emsa_pkcs1_encode(HashId hash, std::span<const std::uint8_t> digest,
                                      std::span<std::uint8_t> em) noexcept;
// RFC 8017 §9.1.1 EMSA-PSS-ENCODE with the given salt; em.size() =
// ceil(em_bits / 8).
[[nodiscard]] Error emsa_pss_encode(HashId hash, std::span<const std::uint8_t> digest,
                                    std::span<const std::uint8_t> salt, std::size_t em_bits,
                                    std::span<std::uint8_t> em) noexcept;
// RFC 8017 B.2.1 MGF1: out ^= MGF1(seed, out.size()).
void mgf1_xor(HashId hash, std::span<const std::uint8_t> seed, std::span<std::uint8_t> out) noexcept;

// rsa_pss_sign with the salt given.
[[nodiscard]] Error rsa_pss_sign_with_salt(const RsaPrivateKey& key, HashId hash,
                                           std::span<const std::uint8_t> digest, std::span<const std::uint8_t> salt,
                                           const RandomSource& rng, std::span<std::uint8_t> sig_out) noexcept;
// rsa_pkcs1_encrypt with the padding string PS given (non-zero bytes,
// ps.size() == modulus size - 3 - msg.size()).
[[nodiscard]] Error rsa_pkcs1_encrypt_with_padding(const RsaPublicKey& key, std::span<const std::uint8_t> msg,
                                                   std::span<const std::uint8_t> ps,
                                                   std::span<std::uint8_t> out) noexcept;
// RFC 8017 §7.2.2 RSAES-PKCS1-v1_5 decryption reporting decryption_failed:
// a padding oracle by nature, kept internal for tests (TLS uses
// rsa_tls_decrypt_premaster). Returns the message length.
[[nodiscard]] Result<std::size_t> rsa_pkcs1_decrypt(const RsaPrivateKey& key, std::span<const std::uint8_t> ct,
                                                    const RandomSource& rng, std::span<std::uint8_t> out) noexcept;

}  // namespace baretls::crypto::detail

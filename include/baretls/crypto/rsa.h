// SPDX-License-Identifier: MIT
// RSA (RFC 8017): keys, the public and private (CRT) primitives, RSASSA-
// PKCS1-v1_5 (§8.2) and RSASSA-PSS (§8.1) signatures over SHA-256/384/512,
// RSAES-PKCS1-v1_5 encryption (§7.2.1), and the TLS 1.2 server's pre-master
// secret decryption with implicit rejection (RFC 5246 §7.4.7.1). Public
// operations accept 1024..8192-bit moduli, private ones 2048..4096 bits.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "baretls/crypto/bigint.h"
#include "baretls/crypto/error.h"
#include "baretls/crypto/hash.h"
#include "baretls/crypto/mont.h"
#include "baretls/crypto/random.h"

namespace baretls::crypto {

inline constexpr std::size_t kMaxRsaBits = 8192;          // public operations
inline constexpr std::size_t kMaxRsaPrivateBits = 4096;   // private operations
inline constexpr std::size_t kMinRsaBits = 1024;          // public operations
inline constexpr std::size_t kMinRsaPrivateBits = 2048;   // private operations
inline constexpr std::size_t kMaxRsaBytes = kMaxRsaBits / 8;
inline constexpr std::size_t kMaxRsaPublicExponentBits = 32;  // e < 2^32: bounds RSAVP1's cost
static_assert(kMaxRsaBits <= kMaxBigIntBits, "the big integers must hold the largest modulus");

namespace detail {
struct RsaAccess;

// The base-blinding pair of the private operation (crypto/rsa.cpp), kept
// in the key: A = r^e and Ai = r^-1 modulo n, Montgomery form.
// A pair drawn fresh serves kUses private operations; after each use both
// are squared (r -> r^2 keeps A = r^e and Ai = r^-1 paired), which costs
// two squarings instead of a modular inverse and an exponentiation.
// Thread safety: a private operation takes the pair under a try-lock
// (std::atomic_flag, no waiting, no heap); a thread that finds the pair in
// use or used up draws a fresh one, so one const key may sign from many
// threads at once. A copy of a key starts without a pair. After fork(),
// parent and child would continue one sequence of pairs: copy the key in
// the child. CT: time depends only on the modulus size.
class RsaBlinding {
 public:
  static constexpr unsigned kUses = 32;
  static constexpr std::size_t kMaxLimbs = kMaxRsaPrivateBits / kLimbBits;

  RsaBlinding() noexcept = default;
  RsaBlinding(const RsaBlinding&) noexcept {}  // starts without a pair
  RsaBlinding& operator=(const RsaBlinding& other) noexcept;
  ~RsaBlinding();

  // a, ai (n.size() limbs) = the current pair, which is then squared; false
  // (a, ai untouched) when there is none or another thread holds it.
  [[nodiscard]] bool take(const MontContext& n, Limb* a, Limb* ai) const noexcept;
  // Keeps (a^2, ai^2) for the next kUses - 1 operations, unless another
  // thread holds the pair.
  void store(const MontContext& n, const Limb* a, const Limb* ai) const noexcept;

 private:
  friend struct RsaAccess;
  mutable std::array<Limb, kMaxLimbs> a_{}, ai_{};
  mutable unsigned uses_left_ = 0;  // not secret
  mutable std::atomic_flag busy_;   // clear at construction (C++20)
};
}  // namespace detail

class RsaPublicKey {
 public:
  // n, e big-endian (leading zeros allowed). Errors: even_modulus,
  // key_too_small (< 1024 bits), key_too_large (> 8192 bits),
  // bad_public_exponent (e < 3, even, or >= 2^32). With these bounds one
  // public operation costs at most 64 multiplications modulo an 8192-bit n.
  // CT: none (public inputs).
  [[nodiscard]] static Result<RsaPublicKey> from_bytes(std::span<const std::uint8_t> n,
                                                       std::span<const std::uint8_t> e) noexcept;

  [[nodiscard]] std::size_t modulus_size() const noexcept { return size_; }  // bytes
  [[nodiscard]] std::size_t bits() const noexcept { return bits_; }
  // Which Montgomery kernel the public operation uses ("portable", "bmi2", ...).
  [[nodiscard]] std::string_view implementation() const noexcept { return n_.implementation(); }

 private:
  friend struct detail::RsaAccess;
  friend class RsaPrivateKey;
  RsaPublicKey() noexcept = default;

  MontContext n_;
  std::array<Limb, kMaxLimbs> e_{};
  std::size_t e_limbs_ = 0;
  std::size_t bits_ = 0;
  std::size_t size_ = 0;
};

class RsaPrivateKey {
 public:
  static constexpr std::size_t kMaxPrimeLimbs = kMaxRsaPrivateBits / 2 / kLimbBits + 1;

  // All big-endian. Checks sizes (2048..4096 bits: key_too_small /
  // key_too_large), n as for RsaPublicKey, p and q odd with p*q == n, and
  // dp < p, dq < q, qinv < p (invalid_key otherwise). d is accepted for the
  // interface's sake; the CRT values are what the private operation uses.
  // CT: time depends only on the sizes of the inputs.
  [[nodiscard]] static Result<RsaPrivateKey> from_components(
      std::span<const std::uint8_t> n, std::span<const std::uint8_t> e, std::span<const std::uint8_t> d,
      std::span<const std::uint8_t> p, std::span<const std::uint8_t> q, std::span<const std::uint8_t> dp,
      std::span<const std::uint8_t> dq, std::span<const std::uint8_t> qinv) noexcept;

  RsaPrivateKey(const RsaPrivateKey&) noexcept = default;
  RsaPrivateKey& operator=(const RsaPrivateKey&) noexcept = default;
  ~RsaPrivateKey();

  [[nodiscard]] const RsaPublicKey& public_key() const noexcept { return pub_; }
  [[nodiscard]] std::string_view implementation() const noexcept { return p_.implementation(); }

 private:
  friend struct detail::RsaAccess;
  RsaPrivateKey() noexcept = default;

  RsaPublicKey pub_;
  MontContext p_, q_;
  std::array<Limb, kMaxPrimeLimbs> dp_{}, dq_{}, qinv_{};
  detail::RsaBlinding blinding_;  // reused blinding (above)
};

// RFC 8017 §8.2.1 RSASSA-PKCS1-v1_5 signature of a message digest
// (digest.size() == digest_size(hash)); sig_out.size() == modulus_size().
// rng supplies the blinding factor when the key has no blinding pair left
// (detail::RsaBlinding). CT: time depends only on the sizes.
[[nodiscard]] Error rsa_pkcs1_sign(const RsaPrivateKey& key, HashId hash, std::span<const std::uint8_t> digest,
                                   const RandomSource& rng, std::span<std::uint8_t> sig_out) noexcept;
// RFC 8017 §8.2.2: builds the expected encoding and compares it whole.
// Errors: bad_length (digest size), bad_signature_encoding (sig length !=
// modulus size), signature_out_of_range (sig >= n), bad_signature.
// CT: none (public inputs).
[[nodiscard]] Error rsa_pkcs1_verify(const RsaPublicKey& key, HashId hash, std::span<const std::uint8_t> digest,
                                     std::span<const std::uint8_t> sig) noexcept;

// RFC 8017 §8.1.1 RSASSA-PSS, MGF1 with the same hash, salt length = hash
// length (the salt is drawn from rng). CT: time depends only on the sizes.
[[nodiscard]] Error rsa_pss_sign(const RsaPrivateKey& key, HashId hash, std::span<const std::uint8_t> digest,
                                 const RandomSource& rng, std::span<std::uint8_t> sig_out) noexcept;
// RFC 8017 §8.1.2; salt_len nullopt means the hash length. Errors as for
// rsa_pkcs1_verify. CT: none (public inputs).
[[nodiscard]] Error rsa_pss_verify(const RsaPublicKey& key, HashId hash, std::span<const std::uint8_t> digest,
                                   std::span<const std::uint8_t> sig,
                                   std::optional<std::size_t> salt_len = std::nullopt) noexcept;

// RFC 8017 §7.2.1 RSAES-PKCS1-v1_5 encryption; out.size() == modulus_size(),
// msg.size() <= modulus_size() - 11 (message_too_long otherwise).
// CT: time depends only on the sizes (msg may be secret).
[[nodiscard]] Error rsa_pkcs1_encrypt(const RsaPublicKey& key, std::span<const std::uint8_t> msg,
                                      const RandomSource& rng, std::span<std::uint8_t> out) noexcept;

// RFC 5246 §7.4.7.1, constant time with implicit rejection: on any padding,
// length or version failure pms_out is 48 random bytes and the return is
// still Error::ok. Errors only for local failures (rng_failure,
// fault_detected). client_version is the version from the ClientHello.
// CT: time depends only on the sizes, never on the padding or version.
[[nodiscard]] Error rsa_tls_decrypt_premaster(const RsaPrivateKey& key, std::span<const std::uint8_t> ciphertext,
                                              std::uint16_t client_version, const RandomSource& rng,
                                              std::span<std::uint8_t, 48> pms_out) noexcept;

}  // namespace baretls::crypto

// SPDX-License-Identifier: MIT
// RSA key transport: RSAES-PKCS1-v1_5 encryption (RFC 8017 §7.2.1), the
// TLS 1.2 server's decryption of the pre-master secret with implicit
// rejection (RFC 5246 §7.4.7.1), and a plain §7.2.2 decryption kept
// internal for tests. The TLS path has no branch and no error on the
// padding or version: validity is accumulated in a mask and used once to
// select between the decrypted secret and a random one.
#include <array>

#include "baretls/crypto/rsa.h"
#include "baretls/crypto/secret.h"
#include "crypto/rsa_impl.h"

namespace baretls::crypto {

Error detail::rsa_pkcs1_encrypt_with_padding(const RsaPublicKey& key, std::span<const std::uint8_t> msg,
                                             std::span<const std::uint8_t> ps, std::span<std::uint8_t> out) noexcept {
  const std::size_t k = key.modulus_size();
  if (out.size() != k) return Error::buffer_too_small;
  // §7.2.1 step 1: "If mLen > k - 11, output 'message too long'".
  if (msg.size() + 11 > k) return Error::message_too_long;
  if (ps.size() != k - 3 - msg.size()) return Error::invalid_argument;
  // Step 2: EM = 0x00 || 0x02 || PS || 0x00 || M.
  std::array<std::uint8_t, kMaxRsaBytes> em;
  const auto ems = std::span<std::uint8_t>(em).first(k);
  WipeOnExit wipe(ems);
  ems[0] = 0x00;
  ems[1] = 0x02;
  for (std::size_t i = 0; i < ps.size(); ++i) ems[2 + i] = ps[i];
  ems[2 + ps.size()] = 0x00;
  for (std::size_t i = 0; i < msg.size(); ++i) ems[3 + ps.size() + i] = msg[i];
  // Step 3: c = RSAEP((n, e), m).
  return detail::rsa_public_op(key, ems, out);
}

Error rsa_pkcs1_encrypt(const RsaPublicKey& key, std::span<const std::uint8_t> msg, const RandomSource& rng,
                        std::span<std::uint8_t> out) noexcept {
  const std::size_t k = key.modulus_size();
  if (out.size() != k) return Error::buffer_too_small;
  if (msg.size() + 11 > k) return Error::message_too_long;
  // §7.2.1 step 2a: PS of k - mLen - 3 pseudo-randomly generated nonzero
  // octets. Zero octets are redrawn (timing depends on the random bytes only).
  std::array<std::uint8_t, kMaxRsaBytes> ps;
  const auto pss = std::span<std::uint8_t>(ps).first(k - 3 - msg.size());
  WipeOnExit wipe(pss);
  BARETLS_TRY(rng(pss));
  for (auto& b : pss) {
    while (b == 0) BARETLS_TRY(rng(std::span<std::uint8_t>(&b, 1)));
  }
  return detail::rsa_pkcs1_encrypt_with_padding(key, msg, pss, out);
}

Error rsa_tls_decrypt_premaster(const RsaPrivateKey& key, std::span<const std::uint8_t> ciphertext,
                                std::uint16_t client_version, const RandomSource& rng,
                                std::span<std::uint8_t, 48> pms_out) noexcept {
  // RFC 5246 §7.4.7.1 step 1: "Generate a string R of 48 random bytes".
  Secret<48> r;
  BARETLS_TRY(rng(r.expose()));
  ct::cond_copy(ct::Mask::ones(), pms_out, r.expose());
  const std::size_t k = key.public_key().modulus_size();
  // A ciphertext of the wrong length, or not below n, is the attacker's own
  // public value: it gets R like any other failure, with no signal.
  if (ciphertext.size() != k) return Error::ok;
  // Step 2: "Decrypt the message to recover the plaintext M".
  std::array<std::uint8_t, kMaxRsaBytes> em;
  const auto ems = std::span<std::uint8_t>(em).first(k);
  WipeOnExit wipe(ems);
  const Error err = detail::rsa_private_op(key, ciphertext, rng, ems);
  if (err == Error::signature_out_of_range) return Error::ok;
  if (err != Error::ok) return err;  // local failures: RNG, fault detected
  // Step 3: "If the PKCS#1 padding is not correct, or the length of message
  // M is not exactly 48 bytes: pre_master_secret = R ... else If M[0..1] !=
  // ClientHello.client_version: premaster secret = R". EM must be
  // 0x00 || 0x02 || PS (k - 51 nonzero octets, at least 8) || 0x00 || M.
  // CT: every octet is examined; the verdict is a mask.
  ct::Mask good = ct::eq(ems[0], 0x00) & ct::eq(ems[1], 0x02);
  for (std::size_t i = 2; i < k - 49; ++i) good &= ct::is_nonzero(ems[i]);
  good &= ct::eq(ems[k - 49], 0x00);
  good &= ct::eq(ems[k - 48], static_cast<std::uint8_t>(client_version >> 8));
  good &= ct::eq(ems[k - 47], static_cast<std::uint8_t>(client_version & 0xff));
  ct::cond_copy(good, pms_out, ems.subspan(k - 48, 48));
  return Error::ok;
}

Result<std::size_t> detail::rsa_pkcs1_decrypt(const RsaPrivateKey& key, std::span<const std::uint8_t> ct,
                                              const RandomSource& rng, std::span<std::uint8_t> out) noexcept {
  const std::size_t k = key.public_key().modulus_size();
  // RFC 8017 §7.2.2 step 1: "If the length of C is not k octets (or if k < 11)".
  if (ct.size() != k) return Error::decryption_failed;
  std::array<std::uint8_t, kMaxRsaBytes> em;
  const auto ems = std::span<std::uint8_t>(em).first(k);
  WipeOnExit wipe(ems);
  const Error err = detail::rsa_private_op(key, ct, rng, ems);
  if (err == Error::signature_out_of_range) return Error::decryption_failed;
  if (err != Error::ok) return err;
  // Step 3: EM = 0x00 || 0x02 || PS (>= 8 nonzero octets) || 0x00 || M.
  // The separator is located with masks; the one decision comes at the end.
  ct::Mask good = ct::eq(ems[0], 0x00) & ct::eq(ems[1], 0x02);
  ct::Mask found = ct::Mask::zeros();
  std::uint64_t sep = 0;
  for (std::size_t i = 2; i < k; ++i) {
    const ct::Mask zero = ct::is_zero(ems[i]);
    sep = (zero & ~found).select(std::uint64_t{i}, sep);
    found |= zero;
  }
  good &= found & ct::ge(sep, 10);  // PS is at least 8 octets: separator at index >= 10
  if (!good.to_bool()) return Error::decryption_failed;
  const std::size_t m_len = k - static_cast<std::size_t>(sep) - 1;
  if (out.size() < m_len) return Error::buffer_too_small;
  for (std::size_t i = 0; i < m_len; ++i) out[i] = ems[k - m_len + i];
  return m_len;
}

}  // namespace baretls::crypto

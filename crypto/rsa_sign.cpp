// SPDX-License-Identifier: MIT
// RSA signatures: EMSA-PKCS1-v1_5 (RFC 8017 §9.2) with RSASSA-PKCS1-v1_5
// (§8.2), and EMSA-PSS with MGF1 (§9.1, B.2.1) with RSASSA-PSS (§8.1).
// PKCS#1 v1.5 verification builds the expected encoding and compares it
// whole; nothing is parsed out of the recovered block.
#include <array>

#include "baretls/crypto/rsa.h"
#include "baretls/crypto/secret.h"
#include "crypto/rsa_impl.h"

namespace baretls::crypto::detail {
namespace {

// RFC 8017 §9.2 Note 1: DER of DigestInfo up to the digest octets.
constexpr std::uint8_t kSha256Prefix[] = {0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                          0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20};
constexpr std::uint8_t kSha384Prefix[] = {0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                          0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30};
constexpr std::uint8_t kSha512Prefix[] = {0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                          0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04, 0x40};

std::span<const std::uint8_t> digest_info_prefix(HashId hash) noexcept {
  switch (hash) {
    case HashId::sha256: return kSha256Prefix;
    case HashId::sha384: return kSha384Prefix;
    case HashId::sha512: return kSha512Prefix;
  }
  return {};
}

// emBits = modBits - 1 (RFC 8017 §8.1.1 step 1).
std::size_t pss_em_bits(const RsaPublicKey& key) noexcept { return key.bits() - 1; }

}  // namespace

Error emsa_pkcs1_encode(HashId hash, std::span<const std::uint8_t> digest, std::span<std::uint8_t> em) noexcept {
  if (digest.size() != digest_size(hash)) return Error::bad_length;
  const auto prefix = digest_info_prefix(hash);
  const std::size_t t_len = prefix.size() + digest.size();
  // §9.2 step 3: "If emLen < tLen + 11, output 'intended encoded message length too short'".
  if (em.size() < t_len + 11) return Error::message_too_long;
  // §9.2 step 5: EM = 0x00 || 0x01 || PS || 0x00 || T, PS = 0xff bytes.
  const std::size_t ps_len = em.size() - t_len - 3;
  em[0] = 0x00;
  em[1] = 0x01;
  for (std::size_t i = 0; i < ps_len; ++i) em[2 + i] = 0xff;
  em[2 + ps_len] = 0x00;
  std::size_t pos = 3 + ps_len;
  for (auto b : prefix) em[pos++] = b;
  for (auto b : digest) em[pos++] = b;
  return Error::ok;
}

void mgf1_xor(HashId hash, std::span<const std::uint8_t> seed, std::span<std::uint8_t> out) noexcept {
  // RFC 8017 B.2.1: T = Hash(mgfSeed || C) for C = 0, 1, ... (4 octets).
  AnyHash h(hash);
  std::array<std::uint8_t, kMaxDigestSize> block;
  const std::size_t h_len = digest_size(hash);
  std::uint32_t counter = 0;
  for (std::size_t done = 0; done < out.size(); done += h_len, ++counter) {
    const std::uint8_t c[4] = {static_cast<std::uint8_t>(counter >> 24), static_cast<std::uint8_t>(counter >> 16),
                               static_cast<std::uint8_t>(counter >> 8), static_cast<std::uint8_t>(counter)};
    h.init();
    h.update(seed);
    h.update(c);
    (void)h.final(block);
    for (std::size_t i = 0; i < h_len && done + i < out.size(); ++i) out[done + i] ^= block[i];
  }
  secure_wipe(block);
}

Error emsa_pss_encode(HashId hash, std::span<const std::uint8_t> digest, std::span<const std::uint8_t> salt,
                      std::size_t em_bits, std::span<std::uint8_t> em) noexcept {
  const std::size_t h_len = digest_size(hash);
  const std::size_t em_len = (em_bits + 7) / 8;
  if (digest.size() != h_len) return Error::bad_length;
  if (em.size() != em_len) return Error::invalid_argument;
  // §9.1.1 step 3: "If emLen < hLen + sLen + 2, output 'encoding error'".
  if (em_len < h_len + salt.size() + 2) return Error::message_too_long;
  // Steps 5-6: H = Hash(0x00 x 8 || mHash || salt).
  const std::size_t db_len = em_len - h_len - 1;
  AnyHash hh(hash);
  const std::uint8_t zeros[8] = {};
  hh.update(zeros);
  hh.update(digest);
  if (!salt.empty()) hh.update(salt);  // an empty span may carry a null pointer
  const auto h_out = em.subspan(db_len, h_len);
  (void)hh.final(h_out);
  // Steps 7-10: DB = PS || 0x01 || salt, maskedDB = DB xor MGF(H, emLen - hLen - 1).
  const auto db = em.first(db_len);
  const std::size_t ps_len = db_len - salt.size() - 1;
  for (std::size_t i = 0; i < ps_len; ++i) db[i] = 0;
  db[ps_len] = 0x01;
  for (std::size_t i = 0; i < salt.size(); ++i) db[ps_len + 1 + i] = salt[i];
  mgf1_xor(hash, h_out, db);
  // Step 11: clear the leftmost 8emLen - emBits bits.
  db[0] = static_cast<std::uint8_t>(db[0] & (0xff >> (8 * em_len - em_bits)));
  // Step 12: EM = maskedDB || H || 0xbc.
  em[em_len - 1] = 0xbc;
  return Error::ok;
}

}  // namespace baretls::crypto::detail

namespace baretls::crypto {

Error rsa_pkcs1_sign(const RsaPrivateKey& key, HashId hash, std::span<const std::uint8_t> digest,
                     const RandomSource& rng, std::span<std::uint8_t> sig_out) noexcept {
  const std::size_t k = key.public_key().modulus_size();
  if (sig_out.size() != k) return Error::buffer_too_small;
  std::array<std::uint8_t, kMaxRsaBytes> em;
  // RFC 8017 §8.2.1: EM = EMSA-PKCS1-V1_5-ENCODE(M, k), s = RSASP1(K, m).
  BARETLS_TRY(detail::emsa_pkcs1_encode(hash, digest, std::span<std::uint8_t>(em).first(k)));
  return detail::rsa_private_op(key, std::span<const std::uint8_t>(em).first(k), rng, sig_out);
}

Error rsa_pkcs1_verify(const RsaPublicKey& key, HashId hash, std::span<const std::uint8_t> digest,
                       std::span<const std::uint8_t> sig) noexcept {
  const std::size_t k = key.modulus_size();
  if (digest.size() != digest_size(hash)) return Error::bad_length;
  // RFC 8017 §8.2.2 step 1: "If the length of the signature S is not k octets, output 'invalid signature'".
  if (sig.size() != k) return Error::bad_signature_encoding;
  std::array<std::uint8_t, kMaxRsaBytes> em, expected;
  const auto ems = std::span<std::uint8_t>(em).first(k);
  BARETLS_TRY(detail::rsa_public_op(key, sig, ems));
  // Step 3: build EM' and compare it with EM as a whole.
  BARETLS_TRY(detail::emsa_pkcs1_encode(hash, digest, std::span<std::uint8_t>(expected).first(k)));
  if (!ct::equal(ems, std::span<const std::uint8_t>(expected).first(k)).to_bool()) return Error::bad_signature;
  return Error::ok;
}

Error rsa_pss_sign(const RsaPrivateKey& key, HashId hash, std::span<const std::uint8_t> digest,
                   const RandomSource& rng, std::span<std::uint8_t> sig_out) noexcept {
  std::array<std::uint8_t, kMaxDigestSize> salt;
  const auto s = std::span<std::uint8_t>(salt).first(digest_size(hash));
  BARETLS_TRY(rng(s));
  const Error err = detail::rsa_pss_sign_with_salt(key, hash, digest, s, rng, sig_out);
  secure_wipe(salt);
  return err;
}

Error detail::rsa_pss_sign_with_salt(const RsaPrivateKey& key, HashId hash, std::span<const std::uint8_t> digest,
                                     std::span<const std::uint8_t> salt, const RandomSource& rng,
                                     std::span<std::uint8_t> sig_out) noexcept {
  const RsaPublicKey& pub = key.public_key();
  const std::size_t k = pub.modulus_size();
  if (sig_out.size() != k) return Error::buffer_too_small;
  const std::size_t em_bits = detail::pss_em_bits(pub);
  const std::size_t em_len = (em_bits + 7) / 8;
  // RFC 8017 §8.1.1: EM has emLen octets; as an integer it is below 2^emBits,
  // so the k-octet input to RSASP1 is EM with a leading zero when emLen < k.
  std::array<std::uint8_t, kMaxRsaBytes> em{};
  BARETLS_TRY(detail::emsa_pss_encode(hash, digest, salt, em_bits,
                                      std::span<std::uint8_t>(em).subspan(k - em_len, em_len)));
  return detail::rsa_private_op(key, std::span<const std::uint8_t>(em).first(k), rng, sig_out);
}

Error rsa_pss_verify(const RsaPublicKey& key, HashId hash, std::span<const std::uint8_t> digest,
                     std::span<const std::uint8_t> sig, std::optional<std::size_t> salt_len) noexcept {
  const std::size_t k = key.modulus_size();
  const std::size_t h_len = digest_size(hash);
  const std::size_t s_len = salt_len.value_or(h_len);
  if (digest.size() != h_len) return Error::bad_length;
  if (sig.size() != k) return Error::bad_signature_encoding;
  std::array<std::uint8_t, kMaxRsaBytes> m;
  BARETLS_TRY(detail::rsa_public_op(key, sig, std::span<std::uint8_t>(m).first(k)));
  // §8.1.2 step 2c: EM = I2OSP(m, emLen); m must fit.
  const std::size_t em_bits = detail::pss_em_bits(key);
  const std::size_t em_len = (em_bits + 7) / 8;
  for (std::size_t i = 0; i < k - em_len; ++i) {
    if (m[i] != 0) return Error::bad_signature;
  }
  const auto em = std::span<std::uint8_t>(m).subspan(k - em_len, em_len);
  // §9.1.2 steps 3-4.
  if (em_len < h_len + s_len + 2) return Error::bad_signature;
  if (em[em_len - 1] != 0xbc) return Error::bad_signature;
  // Steps 5-6: the leftmost 8emLen - emBits bits of maskedDB must be zero.
  const std::size_t db_len = em_len - h_len - 1;
  const auto db = em.first(db_len);
  const auto h = em.subspan(db_len, h_len);
  const auto top_mask = static_cast<std::uint8_t>(0xff >> (8 * em_len - em_bits));
  if ((db[0] & ~top_mask) != 0) return Error::bad_signature;
  // Steps 7-9: DB = maskedDB xor MGF(H), clear the top bits.
  detail::mgf1_xor(hash, h, db);
  db[0] = static_cast<std::uint8_t>(db[0] & top_mask);
  // Step 10: PS zeros then 0x01.
  const std::size_t ps_len = db_len - s_len - 1;
  for (std::size_t i = 0; i < ps_len; ++i) {
    if (db[i] != 0) return Error::bad_signature;
  }
  if (db[ps_len] != 0x01) return Error::bad_signature;
  // Steps 11-14: H' = Hash(0x00 x 8 || mHash || salt) must equal H.
  AnyHash hh(hash);
  const std::uint8_t zeros[8] = {};
  hh.update(zeros);
  hh.update(digest);
  hh.update(db.subspan(db_len - s_len, s_len));
  std::array<std::uint8_t, kMaxDigestSize> h2;
  (void)hh.final(h2);
  if (!ct::equal(h, std::span<const std::uint8_t>(h2).first(h_len)).to_bool()) return Error::bad_signature;
  return Error::ok;
}

}  // namespace baretls::crypto

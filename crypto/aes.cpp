// SPDX-License-Identifier: MIT
// AES context, key expansion (FIPS 197 §5.2) and the constant-time byte
// S-box it uses (§5.1.1, computed as an inverse in GF(2^8) plus the affine
// map: no table); see aes.h. Block functions: aes_portable.cpp,
// aes_aesni.cpp, aes_armv8.cpp.
#include "baretls/crypto/aes.h"

#include <cstring>

#include "baretls/crypto/cpu.h"
#include "baretls/crypto/secret.h"
#include "crypto/aes_impl.h"
#include "crypto/arch.h"

namespace baretls::crypto {
namespace detail {
namespace {

// FIPS 197 §4.2: multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1.
// CT: eight fixed steps, masks instead of branches.
std::uint8_t gf_mul(std::uint8_t a, std::uint8_t b) noexcept {
  unsigned r = 0;
  unsigned x = a;
  for (int i = 0; i < 8; ++i) {
    r ^= x & (0u - ((static_cast<unsigned>(b) >> i) & 1u));
    x = ((x << 1) ^ (0x1Bu & (0u - (x >> 7)))) & 0xFFu;
  }
  return static_cast<std::uint8_t>(r);
}

std::uint8_t rotl8(std::uint8_t x, int n) noexcept {
  return static_cast<std::uint8_t>((x << n) | (x >> (8 - n)));
}

}  // namespace

std::uint8_t aes_sbox_ct(std::uint8_t x) noexcept {
  // x^254 = x^-1 (and 0 -> 0), by the addition chain 2,3,6,7,14,15,...,127,254.
  std::uint8_t y = x;  // x^(2^k - 1) as k grows
  for (int k = 1; k < 7; ++k) y = gf_mul(gf_mul(y, y), x);
  const std::uint8_t inv = gf_mul(y, y);
  // §5.1.1 affine transformation: b ^ rotl(b,1..4) ^ 0x63.
  return static_cast<std::uint8_t>(inv ^ rotl8(inv, 1) ^ rotl8(inv, 2) ^ rotl8(inv, 3) ^ rotl8(inv, 4) ^ 0x63);
}

unsigned aes_expand_key(const std::uint8_t* key, std::size_t key_len, std::uint8_t* round_keys) noexcept {
  const std::size_t nk = key_len / 4;             // words of key: 4, 6, 8
  const unsigned rounds = static_cast<unsigned>(nk) + 6;
  const std::size_t total = 4 * (rounds + 1);      // words of expanded key
  std::memcpy(round_keys, key, key_len);
  std::uint8_t rcon = 0x01;  // public: §5.2 Rcon[i/Nk]
  for (std::size_t i = nk; i < total; ++i) {
    std::uint8_t t[4];
    std::memcpy(t, round_keys + 4 * (i - 1), 4);
    if (i % nk == 0) {
      // SubWord(RotWord(temp)) xor Rcon[i/Nk].
      const std::uint8_t t0 = t[0];
      t[0] = static_cast<std::uint8_t>(aes_sbox_ct(t[1]) ^ rcon);
      t[1] = aes_sbox_ct(t[2]);
      t[2] = aes_sbox_ct(t[3]);
      t[3] = aes_sbox_ct(t0);
      rcon = static_cast<std::uint8_t>((rcon << 1) ^ ((rcon >> 7) * 0x1B));
    } else if (nk > 6 && i % nk == 4) {
      for (auto& b : t) b = aes_sbox_ct(b);
    }
    for (std::size_t j = 0; j < 4; ++j)
      round_keys[4 * i + j] = static_cast<std::uint8_t>(round_keys[4 * (i - nk) + j] ^ t[j]);
    secure_wipe(t, sizeof t);
  }
  return rounds;
}

void aes_slice_round_keys(const std::uint8_t* round_keys, unsigned rounds, std::uint64_t* sliced) noexcept {
  // Bit layout of the portable path (aes_portable.cpp): byte (row, col) of
  // block k sits at bit 16*row + 4*col + k of each plane.
  for (unsigned r = 0; r <= rounds; ++r) {
    for (int plane = 0; plane < 8; ++plane) {
      std::uint64_t w = 0;
      for (int b = 0; b < 16; ++b) {
        const int row = b & 3, col = b >> 2;
        const std::uint64_t bit = (round_keys[16 * r + static_cast<unsigned>(b)] >> plane) & 1u;
        w |= (0 - bit) & (std::uint64_t{0xF} << (16 * row + 4 * col));
      }
      sliced[8 * r + static_cast<unsigned>(plane)] = w;
    }
  }
}

}  // namespace detail

Aes::~Aes() { secure_wipe_object(*this); }

Error Aes::init(std::span<const std::uint8_t> key) noexcept {
  if (key.size() != 16 && key.size() != 24 && key.size() != 32) return Error::bad_length;
  rounds_ = detail::aes_expand_key(key.data(), key.size(), round_keys_);
  detail::aes_slice_round_keys(round_keys_, rounds_, sliced_keys_);
  path_ = Path::portable;
#if BARETLS_X86_64
  if (cpu_has(CpuFeature::aesni)) path_ = Path::aesni;
#endif
#if BARETLS_ARM64_CRYPTO
  if (cpu_has(CpuFeature::arm_aes)) path_ = Path::armv8;
#endif
  return Error::ok;
}

Error Aes::encrypt_blocks(std::span<const std::uint8_t> in, std::span<std::uint8_t> out) const noexcept {
  if (rounds_ == 0) return Error::invalid_argument;
  if (in.size() != out.size() || in.size() % kBlockSize != 0) return Error::bad_length;
  const std::size_t n = in.size() / kBlockSize;
#if BARETLS_X86_64
  if (path_ == Path::aesni) {
    detail::aes_encrypt_blocks_aesni(round_keys_, rounds_, in.data(), out.data(), n);
    return Error::ok;
  }
#endif
#if BARETLS_ARM64_CRYPTO
  if (path_ == Path::armv8) {
    detail::aes_encrypt_blocks_armv8(round_keys_, rounds_, in.data(), out.data(), n);
    return Error::ok;
  }
#endif
  detail::aes_encrypt_blocks_portable(sliced_keys_, rounds_, in.data(), out.data(), n);
  return Error::ok;
}

void Aes::encrypt_block(std::span<const std::uint8_t, 16> in, std::span<std::uint8_t, 16> out) const noexcept {
  (void)encrypt_blocks(in, out);
}

std::string_view Aes::implementation() const noexcept {
  switch (path_) {
    case Path::aesni: return "aesni";
    case Path::armv8: return "armv8_aes";
    case Path::portable: break;
  }
  return "portable";
}

}  // namespace baretls::crypto

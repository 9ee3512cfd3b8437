// SPDX-License-Identifier: MIT
// Fuzz target "aead_diff": differential test of every accelerated AEAD path
// against the portable one (crypto::set_cpu_features_mask). For the input's
// algorithm, key, nonce, AAD and plaintext, every path must seal to the same
// ciphertext and tag byte for byte, open it back to the plaintext, and refuse
// the same message with one flipped bit (auth_failed, output all zeros).
// Any disagreement aborts. Input: algorithm byte, flip position byte, AAD
// length byte, key (32 bytes), nonce (12 bytes), AAD, plaintext.
#include <array>
#include <cstdio>
#include <string>
#include <vector>

#include "baretls/crypto/aead.h"
#include "baretls/crypto/cpu.h"
#include "fuzz/fuzz_support.h"

namespace {

using namespace baretls;
using crypto::Aead;
using crypto::AeadAlgorithm;
using crypto::CpuFeature;

constexpr std::uint32_t bit(CpuFeature f) { return static_cast<std::uint32_t>(f); }

// Masks that select each implementation this tree has (test_aes_gcm.cpp and
// test_chacha20_poly1305.cpp use the same cuts); duplicates on this CPU run
// once. The first is portable: the reference.
constexpr std::uint32_t kWide = bit(CpuFeature::vaes) | bit(CpuFeature::vpclmulqdq) | bit(CpuFeature::avx2) |
                                bit(CpuFeature::avx512f) | bit(CpuFeature::avx512bw) |
                                bit(CpuFeature::avx512vl) | bit(CpuFeature::avx512ifma);
constexpr std::uint32_t kAvx512 = bit(CpuFeature::avx512f) | bit(CpuFeature::avx512bw) |
                                  bit(CpuFeature::avx512vl) | bit(CpuFeature::avx512ifma) |
                                  bit(CpuFeature::avx512dq);
constexpr std::uint32_t kMasks[] = {
    0,
    bit(CpuFeature::ssse3),
    crypto::kAllCpuFeatures & ~kWide,
    bit(CpuFeature::avx2),
    crypto::kAllCpuFeatures & ~kAvx512,
    crypto::kAllCpuFeatures & ~bit(CpuFeature::avx512ifma),
    crypto::kAllCpuFeatures,
};


// The distinct effective masks on this machine.
const std::vector<std::uint32_t>& paths() {
  static const std::vector<std::uint32_t> list = [] {
    std::vector<std::uint32_t> out;
    const std::uint32_t have = crypto::cpu_detected_features();
    for (const auto m : kMasks) {
      bool seen = false;
      for (const auto o : out) seen = seen || (o & have) == (m & have);
      if (!seen) out.push_back(m);
    }
    return out;
  }();
  return list;
}

[[noreturn]] void mismatch(const char* what, AeadAlgorithm alg, std::uint32_t mask, const Aead& a) {
  std::fprintf(stderr, "aead_diff: %s differs: %s, mask 0x%x, implementation %.*s\n", what,
               std::string(Aead::name(alg)).c_str(), mask, static_cast<int>(a.implementation().size()),
               a.implementation().data());
  std::abort();
}

Aead keyed(AeadAlgorithm alg, std::span<const std::uint8_t> key, std::uint32_t mask) {
  const std::uint32_t saved = crypto::cpu_features_mask();
  crypto::set_cpu_features_mask(mask);
  Aead a;
  const auto e = a.init(alg, key.first(Aead::key_size(alg)));
  crypto::set_cpu_features_mask(saved);
  if (e != crypto::Error::ok) fuzz::die("Aead::init");
  return a;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  constexpr std::size_t kFixed = 3 + 32 + Aead::kNonceSize;
  if (size < kFixed) return 0;
  const auto alg = static_cast<AeadAlgorithm>(data[0] % 3);
  const std::size_t flip = data[1];
  const std::span<const std::uint8_t> key(data + 3, 32);
  const std::span<const std::uint8_t, Aead::kNonceSize> nonce(data + 35, Aead::kNonceSize);
  const std::span<const std::uint8_t> rest(data + kFixed, size - kFixed);
  const std::size_t aad_len = std::min<std::size_t>(data[2], rest.size());
  const auto aad = rest.first(aad_len);
  const auto plain = rest.subspan(aad_len);

  std::vector<std::uint8_t> ref_ct(plain.size());
  std::array<std::uint8_t, 16> ref_tag{};
  bool have_ref = false;
  for (const auto mask : paths()) {
    const Aead a = keyed(alg, key, mask);
    std::vector<std::uint8_t> ct(plain.size());
    std::array<std::uint8_t, 16> tag{};
    if (a.seal(nonce, aad, plain, ct, tag) != crypto::Error::ok) fuzz::die("seal");
    if (!have_ref) {
      ref_ct = ct;
      ref_tag = tag;
      have_ref = true;
    } else if (ct != ref_ct || tag != ref_tag) {
      mismatch("seal", alg, mask, a);
    }
    // In place must give the same bytes.
    std::vector<std::uint8_t> inplace(plain.begin(), plain.end());
    std::array<std::uint8_t, 16> tag2{};
    if (a.seal(nonce, aad, inplace, inplace, tag2) != crypto::Error::ok) fuzz::die("seal in place");
    if (inplace != ref_ct || tag2 != ref_tag) mismatch("seal in place", alg, mask, a);
    // Open: the plaintext back.
    std::vector<std::uint8_t> back(plain.size(), 0xee);
    if (a.open(nonce, aad, ct, back, tag) != crypto::Error::ok) mismatch("open", alg, mask, a);
    if (!std::equal(back.begin(), back.end(), plain.begin(), plain.end())) mismatch("open output", alg, mask, a);
    // One flipped bit (in the ciphertext, or in the tag when there is none
    // or the position falls past it): refused, nothing released.
    std::vector<std::uint8_t> bad_ct = ct;
    std::array<std::uint8_t, 16> bad_tag = tag;
    if (flip < bad_ct.size()) {
      bad_ct[flip] ^= 0x01;
    } else {
      bad_tag[flip % 16] ^= 0x80;
    }
    std::vector<std::uint8_t> out(plain.size(), 0xee);
    if (a.open(nonce, aad, bad_ct, out, bad_tag) != crypto::Error::auth_failed) mismatch("forgery check", alg, mask, a);
    for (const auto b : out)
      if (b != 0) mismatch("released bytes on failure", alg, mask, a);
  }
  return 0;
}

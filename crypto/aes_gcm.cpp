// SPDX-License-Identifier: MIT
// AES-GCM (NIST SP 800-38D §7.1 GCM-AE, §7.2 GCM-AD): J0, AAD and length
// blocks, tag; the bulk GCTR + GHASH runs in the path chosen at init
// (gcm_portable.cpp, gcm_clmul.cpp, gcm_vaes_avx2.cpp, gcm_vaes.cpp,
// gcm_pmull.cpp); see aes_gcm.h.
#include "baretls/crypto/aes_gcm.h"

#include <cstring>

#include "baretls/crypto/cpu.h"
#include "baretls/crypto/ct.h"
#include "baretls/crypto/secret.h"
#include "crypto/arch.h"
#include "crypto/bytes.h"
#include "crypto/gcm_impl.h"

namespace baretls::crypto {
namespace {

const detail::GcmOps* choose_ops() noexcept {
#if BARETLS_X86_64
  const std::uint32_t base = static_cast<std::uint32_t>(CpuFeature::aesni) |
                             static_cast<std::uint32_t>(CpuFeature::pclmulqdq) |
                             static_cast<std::uint32_t>(CpuFeature::ssse3) |
                             static_cast<std::uint32_t>(CpuFeature::sse41);
  const std::uint32_t wide = base | static_cast<std::uint32_t>(CpuFeature::avx512f) |
                             static_cast<std::uint32_t>(CpuFeature::avx512bw) |
                             static_cast<std::uint32_t>(CpuFeature::avx512vl) |
                             static_cast<std::uint32_t>(CpuFeature::vaes) |
                             static_cast<std::uint32_t>(CpuFeature::vpclmulqdq);
  const std::uint32_t wide256 = base | static_cast<std::uint32_t>(CpuFeature::avx) |
                                static_cast<std::uint32_t>(CpuFeature::avx2) |
                                static_cast<std::uint32_t>(CpuFeature::vaes) |
                                static_cast<std::uint32_t>(CpuFeature::vpclmulqdq);
  if (cpu_has_all(wide)) return &detail::kGcmVaes;
  if (cpu_has_all(wide256)) return &detail::kGcmVaesAvx2;
  if (cpu_has_all(base)) return &detail::kGcmClmul;
#endif
#if BARETLS_ARM64_CRYPTO
  if (cpu_has(CpuFeature::arm_aes) && cpu_has(CpuFeature::arm_pmull)) return &detail::kGcmPmull;
#endif
  return &detail::kGcmPortable;
}

void ghash_padded(detail::GhashFn ghash, const std::uint64_t* table, std::uint64_t acc[2],
                  std::span<const std::uint8_t> data) noexcept {
  ghash(table, acc, data.data(), data.size() / 16);
  if (data.size() % 16 != 0) {
    std::uint8_t block[16] = {};
    std::memcpy(block, data.data() + data.size() - data.size() % 16, data.size() % 16);
    ghash(table, acc, block, 1);
    secure_wipe(block, sizeof block);
  }
}

void ghash_lengths(detail::GhashFn ghash, const std::uint64_t* table, std::uint64_t acc[2], std::uint64_t a_len,
                   std::uint64_t c_len) noexcept {
  // §7.1 step 5: ... || [len(A)]_64 || [len(C)]_64, lengths in bits.
  std::uint8_t block[16];
  detail::store_be64(block, a_len * 8);
  detail::store_be64(block + 8, c_len * 8);
  ghash(table, acc, block, 1);
}

}  // namespace

AesGcm::~AesGcm() { secure_wipe_object(*this); }

Error AesGcm::init(std::span<const std::uint8_t> key) noexcept {
  ops_ = nullptr;
  if (const Error e = aes_.init(key); e != Error::ok) return e;
  // §6.3 / §7.1 step 1: H = CIPH_K(0^128).
  std::uint8_t h[16] = {};
  aes_.encrypt_block(h, h);
  const detail::GcmOps* ops = choose_ops();
  ops->prepare(table_, detail::load_be64(h), detail::load_be64(h + 8));
  secure_wipe(h, sizeof h);
  ops_ = ops;
  return Error::ok;
}

std::string_view AesGcm::implementation() const noexcept { return ops_ != nullptr ? ops_->name : ""; }

Error AesGcm::crypt(Direction dir, std::span<const std::uint8_t> nonce, std::span<const std::uint8_t> aad,
                    std::span<const std::uint8_t> in, std::span<std::uint8_t> out,
                    std::span<std::uint8_t, 16> tag_out) const noexcept {
  if (ops_ == nullptr) return Error::invalid_argument;
  if (in.size() != out.size() || nonce.empty()) return Error::bad_length;
  // §5.2.1.1: len(P) <= 2^39 - 256, len(A) <= 2^64 - 1, len(IV) <= 2^64 - 1 bits.
  if (in.size() > kMaxPlaintext || aad.size() >= (std::uint64_t{1} << 61) || nonce.size() >= (std::uint64_t{1} << 61))
    return Error::message_too_long;
  const detail::GcmOps& ops = *ops_;

  // §7.1 step 2: J0 = IV || 0^31 || 1 for 96-bit IVs, else
  // GHASH(IV || 0^(s+64) || [len(IV)]_64).
  std::uint8_t j0[16];
  if (nonce.size() == 12) {
    std::memcpy(j0, nonce.data(), 12);
    detail::store_be32(j0 + 12, 1);
  } else {
    std::uint64_t y[2] = {0, 0};
    ghash_padded(ops.ghash, table_, y, nonce);
    ghash_lengths(ops.ghash, table_, y, 0, nonce.size());
    detail::store_be64(j0, y[0]);
    detail::store_be64(j0 + 8, y[1]);
  }

  const detail::GcmRequest request{aes_, table_, j0, aad.data(), aad.size(), in.data(), out.data(), in.size(),
                                   tag_out.data()};
  if (dir == Direction::seal) {
    ops.seal(request);
  } else {
    ops.open(request);
  }
  secure_wipe(j0, sizeof j0);
  return Error::ok;
}

Error AesGcm::seal(std::span<const std::uint8_t> nonce, std::span<const std::uint8_t> aad,
                   std::span<const std::uint8_t> in, std::span<std::uint8_t> out,
                   std::span<std::uint8_t, 16> tag) const noexcept {
  return crypt(Direction::seal, nonce, aad, in, out, tag);
}

Error AesGcm::open(std::span<const std::uint8_t> nonce, std::span<const std::uint8_t> aad,
                   std::span<const std::uint8_t> in, std::span<std::uint8_t> out,
                   std::span<const std::uint8_t, 16> tag) const noexcept {
  // SP 800-38D §7.2 step 8: "If T = T', then return P; else return FAIL."
  // The plaintext is written, then wiped unless the tag matches, so the
  // caller sees nothing of it on failure. CT: one decision, on the mask.
  std::uint8_t expected[16];
  const Error e = crypt(Direction::open, nonce, aad, in, out, expected);
  if (e != Error::ok) {
    secure_wipe(out);
    return e;
  }
  const ct::Mask ok = ct::equal(expected, tag);
  secure_wipe(expected, sizeof expected);
  if (!ok.to_bool()) {
    secure_wipe(out);
    return Error::auth_failed;
  }
  return Error::ok;
}

}  // namespace baretls::crypto

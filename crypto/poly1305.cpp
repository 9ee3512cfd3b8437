// SPDX-License-Identifier: MIT
// Poly1305 (RFC 8439 §2.5): the block function and the context; see
// poly1305.h. p = 2^130 - 5. The block function works in radix 2^64 with
// 128-bit products, or, without a 128-bit integer (crypto/wide.h), in five
// 26-bit limbs with 32x32->64-bit products; the state between calls is
// radix 2^64 either way.
#include "baretls/crypto/poly1305.h"

#include <cstring>

#include "baretls/crypto/cpu.h"
#include "baretls/crypto/ct.h"
#include "baretls/crypto/secret.h"
#include "crypto/arch.h"
#include "crypto/bytes.h"
#include "crypto/poly1305_impl.h"
#include "crypto/wide.h"

namespace baretls::crypto {
namespace detail {

#if BARETLS_WIDE64

namespace {
inline std::uint64_t lo(u128 x) noexcept { return static_cast<std::uint64_t>(x); }
inline std::uint64_t hi(u128 x) noexcept { return static_cast<std::uint64_t>(x >> 64); }
}  // namespace

void poly1305_blocks(std::uint64_t h[3], const std::uint64_t r[2], const std::uint8_t* m, std::size_t count,
                     std::uint64_t hibit) noexcept {
  const std::uint64_t r0 = r[0], r1 = r[1];
  const std::uint64_t s1 = r1 + (r1 >> 2);  // 5 * (r1 / 4)
  std::uint64_t h0 = h[0], h1 = h[1], h2 = h[2];
  for (; count > 0; --count, m += 16) {
    // §2.5.1: add the block (with its high bit) to the accumulator.
    u128 t = u128{h0} + load_le64(m);
    h0 = lo(t);
    t = u128{h1} + load_le64(m + 8) + hi(t);
    h1 = lo(t);
    h2 += hi(t) + hibit;  // h2 <= 6
    // Multiply by r. Terms at 2^128 * r1 and 2^192 * r1 fold in as s1.
    const u128 d0 = u128{h0} * r0 + u128{h1} * s1;
    u128 d1 = u128{h0} * r1 + u128{h1} * r0 + u128{h2} * s1;
    std::uint64_t d2 = h2 * r0;  // < 2^63
    d1 += hi(d0);
    d2 += hi(d1);
    h0 = lo(d0);
    h1 = lo(d1);
    // Partial reduction: bits 130 and up times 5 go back to the bottom.
    h2 = d2 & 3;
    const std::uint64_t c = (d2 & ~std::uint64_t{3}) + (d2 >> 2);
    t = u128{h0} + c;
    h0 = lo(t);
    t = u128{h1} + hi(t);
    h1 = lo(t);
    h2 += hi(t);  // h2 <= 4
  }
  h[0] = h0;
  h[1] = h1;
  h[2] = h2;
}

#else  // five 26-bit limbs: x = x0 + x1 2^26 + x2 2^52 + x3 2^78 + x4 2^104

void poly1305_blocks(std::uint64_t h[3], const std::uint64_t r[2], const std::uint8_t* m, std::size_t count,
                     std::uint64_t hibit) noexcept {
  constexpr std::uint32_t kMask = (1u << 26) - 1;
  // r is clamped, so each of its limbs is below 2^26 and 5 r_i below 2^29.
  const std::uint32_t r0 = static_cast<std::uint32_t>(r[0]) & kMask, r1 = static_cast<std::uint32_t>(r[0] >> 26) & kMask,
                      r2 = static_cast<std::uint32_t>((r[0] >> 52) | (r[1] << 12)) & kMask,
                      r3 = static_cast<std::uint32_t>(r[1] >> 14) & kMask, r4 = static_cast<std::uint32_t>(r[1] >> 40) & kMask;
  const std::uint32_t s1 = 5 * r1, s2 = 5 * r2, s3 = 5 * r3, s4 = 5 * r4;
  // 32 x 32 -> 64-bit products only.
  const auto mul = [](std::uint32_t a, std::uint32_t b) noexcept { return std::uint64_t{a} * b; };
  // h < 2^131 (h[2] <= 4): h4 takes bits 104 and up.
  std::uint32_t h0 = static_cast<std::uint32_t>(h[0]) & kMask, h1 = static_cast<std::uint32_t>(h[0] >> 26) & kMask,
                h2 = static_cast<std::uint32_t>((h[0] >> 52) | (h[1] << 12)) & kMask,
                h3 = static_cast<std::uint32_t>(h[1] >> 14) & kMask,
                h4 = static_cast<std::uint32_t>((h[1] >> 40) | (h[2] << 24));
  const auto hi = static_cast<std::uint32_t>(hibit << 24);
  for (; count > 0; --count, m += 16) {
    // §2.5.1: add the block (with its high bit); every limb stays below 2^27.
    h0 += load_le32(m) & kMask;
    h1 += (load_le32(m + 3) >> 2) & kMask;
    h2 += (load_le32(m + 6) >> 4) & kMask;
    h3 += (load_le32(m + 9) >> 6) & kMask;
    h4 += (load_le32(m + 12) >> 8) | hi;
    // Multiply by r: a term at 2^130 or above comes back times 5 (s_i =
    // 5 r_i). Each sum is below 5 * 2^27 * 2^29 < 2^59.
    const std::uint64_t d0 = mul(h0, r0) + mul(h1, s4) + mul(h2, s3) + mul(h3, s2) + mul(h4, s1);
    std::uint64_t d1 = mul(h0, r1) + mul(h1, r0) + mul(h2, s4) + mul(h3, s3) + mul(h4, s2);
    std::uint64_t d2 = mul(h0, r2) + mul(h1, r1) + mul(h2, r0) + mul(h3, s4) + mul(h4, s3);
    std::uint64_t d3 = mul(h0, r3) + mul(h1, r2) + mul(h2, r1) + mul(h3, r0) + mul(h4, s4);
    std::uint64_t d4 = mul(h0, r4) + mul(h1, r3) + mul(h2, r2) + mul(h3, r1) + mul(h4, r0);
    // Partial reduction: carry along, bits 130 and up times 5 to the bottom.
    d1 += d0 >> 26;
    d2 += d1 >> 26;
    d3 += d2 >> 26;
    d4 += d3 >> 26;
    const std::uint64_t c = 5 * (d4 >> 26) + (d0 & kMask);
    h0 = static_cast<std::uint32_t>(c) & kMask;
    h1 = (static_cast<std::uint32_t>(d1) & kMask) + static_cast<std::uint32_t>(c >> 26);
    h2 = static_cast<std::uint32_t>(d2) & kMask;
    h3 = static_cast<std::uint32_t>(d3) & kMask;
    h4 = static_cast<std::uint32_t>(d4) & kMask;
  }
  // Back to radix 2^64: limbs 0..3 carried below 2^26 (h < 2^130 + 2^27, so
  // h[2] <= 4).
  h2 += h1 >> 26;
  h1 &= kMask;
  h3 += h2 >> 26;
  h2 &= kMask;
  h4 += h3 >> 26;
  h3 &= kMask;
  h[0] = h0 | (std::uint64_t{h1} << 26) | (std::uint64_t{h2} << 52);
  h[1] = (h2 >> 12) | (std::uint64_t{h3} << 14) | (std::uint64_t{h4} << 40);
  h[2] = h4 >> 24;
}

#endif  // BARETLS_WIDE64

}  // namespace detail

namespace {

// A SIMD path for long inputs: its powers of r, its block function (count
// a multiple of `lanes`), and the count below which the scalar code is as
// fast as computing the powers and setting up the lanes.
struct LanePath {
  void (*powers)(const std::uint64_t r[2], detail::Poly1305Powers& p) noexcept;
  void (*blocks)(std::uint64_t h[3], const detail::Poly1305Powers& p, const std::uint8_t* m,
                 std::size_t count) noexcept;
  std::size_t lanes;
  std::size_t min_blocks;
};

const LanePath* lane_path(Poly1305Path path) noexcept {
#if BARETLS_X86_64
  // 512 and 768 bytes, measured.
  static constexpr LanePath kIfma{detail::poly1305_powers_ifma, detail::poly1305_blocks_ifma, 8, 32};
  static constexpr LanePath kAvx2{detail::poly1305_powers_avx2, detail::poly1305_blocks_avx2, 4, 48};
  if (path == Poly1305Path::avx512ifma) return &kIfma;
  if (path == Poly1305Path::avx2) return &kAvx2;
#endif
#if BARETLS_ARM64
  // The AVX2 threshold: not measured on ARM hardware.
  static constexpr LanePath kNeon{detail::poly1305_powers_neon, detail::poly1305_blocks_neon, 4, 48};
  if (path == Poly1305Path::neon) return &kNeon;
#endif
  (void)path;
  return nullptr;
}

}  // namespace

Poly1305Path Poly1305::detect_path() noexcept {
#if BARETLS_X86_64
  if (cpu_has(CpuFeature::avx512f) && cpu_has(CpuFeature::avx512ifma)) return Poly1305Path::avx512ifma;
  if (cpu_has(CpuFeature::avx2)) return Poly1305Path::avx2;
#endif
#if BARETLS_ARM64
  if (cpu_has(CpuFeature::neon)) return Poly1305Path::neon;
#endif
  return Poly1305Path::portable;
}

Poly1305::Poly1305() noexcept : Poly1305(detect_path()) {}

Poly1305::Poly1305(Poly1305Path path) noexcept
    : h_{}, r_{}, s_{}, buffer_{}, buffered_(0), powers_{}, path_(path), powers_ready_(false) {}

Poly1305::~Poly1305() { wipe_state(); }

void Poly1305::wipe_state() noexcept {
  secure_wipe(h_, sizeof h_);
  secure_wipe(r_, sizeof r_);
  secure_wipe(s_, sizeof s_);
  secure_wipe(buffer_, sizeof buffer_);
  if (powers_ready_) secure_wipe_object(powers_);  // otherwise still zero; not secret
  buffered_ = 0;
  powers_ready_ = false;
}

Error Poly1305::init(std::span<const std::uint8_t> key) noexcept {
  if (key.size() != kKeySize) return Error::bad_length;
  // §2.5: clamp r &= 0x0ffffffc0ffffffc0ffffffc0fffffff.
  r_[0] = detail::load_le64(key.data()) & 0x0ffffffc0fffffffULL;
  r_[1] = detail::load_le64(key.data() + 8) & 0x0ffffffc0ffffffcULL;
  s_[0] = detail::load_le64(key.data() + 16);
  s_[1] = detail::load_le64(key.data() + 24);
  h_[0] = h_[1] = h_[2] = 0;
  buffered_ = 0;
  powers_ready_ = false;
  return Error::ok;
}

void Poly1305::absorb_blocks(const std::uint8_t* m, std::size_t count) noexcept {
  const LanePath* lanes = lane_path(path_);
  if (lanes != nullptr && count >= lanes->min_blocks) {
    if (!powers_ready_) {
      lanes->powers(r_, powers_);
      powers_ready_ = true;
    }
    const std::size_t wide = count - count % lanes->lanes;
    lanes->blocks(h_, powers_, m, wide);
    m += 16 * wide;
    count -= wide;
  }
  if (count > 0) detail::poly1305_blocks(h_, r_, m, count, 1);
}

std::string_view Poly1305::implementation() const noexcept {
  switch (path_) {
    case Poly1305Path::avx512ifma: return "avx512ifma";
    case Poly1305Path::avx2: return "avx2";
    case Poly1305Path::neon: return "neon";
    case Poly1305Path::portable: break;
  }
  return "portable";
}

void Poly1305::update(std::span<const std::uint8_t> data) noexcept {
  const std::uint8_t* p = data.data();
  std::size_t n = data.size();
  if (buffered_ > 0) {
    const std::size_t take = n < kBlockSize - buffered_ ? n : kBlockSize - buffered_;
    std::memcpy(buffer_ + buffered_, p, take);
    buffered_ += take;
    p += take;
    n -= take;
    if (buffered_ < kBlockSize) return;
    detail::poly1305_blocks(h_, r_, buffer_, 1, 1);
    buffered_ = 0;
  }
  if (n >= kBlockSize) {
    absorb_blocks(p, n / kBlockSize);
    p += n - n % kBlockSize;
    n %= kBlockSize;
  }
  if (n > 0) std::memcpy(buffer_, p, n);
  buffered_ = n;
}

void Poly1305::pad16() noexcept {
  if (buffered_ == 0) return;
  std::memset(buffer_ + buffered_, 0, kBlockSize - buffered_);
  detail::poly1305_blocks(h_, r_, buffer_, 1, 1);
  buffered_ = 0;
}

void Poly1305::final(std::span<std::uint8_t, kTagSize> tag) noexcept {
  // §2.5.1: a last partial block gets a 0x01 byte after it, then zeros, and
  // no 2^128 bit.
  if (buffered_ > 0) {
    buffer_[buffered_] = 1;
    std::memset(buffer_ + buffered_ + 1, 0, kBlockSize - buffered_ - 1);
    detail::poly1305_blocks(h_, r_, buffer_, 1, 0);
  }
  // Here h < 5 * 2^128 < 2p, so one conditional subtraction of p reduces it:
  // g = h + 5 - 2^130 is the answer exactly when h + 5 reaches 2^130.
  std::uint64_t g0 = 0, g1 = 0;
  std::uint64_t carry = detail::add_carry(g0, h_[0], 5, 0);
  carry = detail::add_carry(g1, h_[1], 0, carry);
  const std::uint64_t g2 = h_[2] + carry;
  const ct::Mask use_g = ct::Mask::from_bit(g2 >> 2);
  const std::uint64_t f0 = use_g.select(g0, h_[0]);
  const std::uint64_t f1 = use_g.select(g1, h_[1]);
  // tag = (h + s) mod 2^128.
  std::uint64_t t0 = 0;
  carry = detail::add_carry(t0, f0, s_[0], 0);
  detail::store_le64(tag.data(), t0);
  detail::store_le64(tag.data() + 8, f1 + s_[1] + carry);
  wipe_state();
}

void Poly1305::mac(std::span<const std::uint8_t, kKeySize> key, std::span<const std::uint8_t> data,
                   std::span<std::uint8_t, kTagSize> tag) noexcept {
  Poly1305 p;
  (void)p.init(key);  // cannot fail: the key has the right size
  p.update(data);
  p.final(tag);
}

}  // namespace baretls::crypto

// SPDX-License-Identifier: MIT
// Poly1305 (RFC 8439 §2.5): the radix-2^64 block function and the context;
// see poly1305.h. p = 2^130 - 5.
#include "baretls/crypto/poly1305.h"

#include <cstring>

#include "baretls/crypto/cpu.h"
#include "baretls/crypto/ct.h"
#include "baretls/crypto/secret.h"
#include "crypto/arch.h"
#include "crypto/bytes.h"
#include "crypto/poly1305_impl.h"

namespace baretls::crypto {
namespace detail {

namespace {
__extension__ typedef unsigned __int128 u128;  // GCC/Clang 128-bit products
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

}  // namespace detail

namespace {
// Below this many blocks (512 bytes) the scalar code is as fast as computing
// the powers of r and setting up the lanes.
constexpr std::size_t kWideMinBlocks = 32;
constexpr std::size_t kAvx2MinBlocks = 48;  // 768 bytes, measured likewise

}  // namespace

Poly1305Path Poly1305::detect_path() noexcept {
#if BARETLS_X86_64
  if (cpu_has(CpuFeature::avx512f) && cpu_has(CpuFeature::avx512ifma)) return Poly1305Path::avx512ifma;
  if (cpu_has(CpuFeature::avx2)) return Poly1305Path::avx2;
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
#if BARETLS_X86_64
  if (path_ == Poly1305Path::avx512ifma && count >= kWideMinBlocks) {
    if (!powers_ready_) {
      detail::poly1305_powers_ifma(r_, powers_);
      powers_ready_ = true;
    }
    const std::size_t wide = count & ~std::size_t{7};
    detail::poly1305_blocks_ifma(h_, powers_, m, wide);
    m += 16 * wide;
    count -= wide;
  } else if (path_ == Poly1305Path::avx2 && count >= kAvx2MinBlocks) {
    if (!powers_ready_) {
      detail::poly1305_powers_avx2(r_, powers_);
      powers_ready_ = true;
    }
    const std::size_t wide = count & ~std::size_t{3};
    detail::poly1305_blocks_avx2(h_, powers_, m, wide);
    m += 16 * wide;
    count -= wide;
  }
#endif
  if (count > 0) detail::poly1305_blocks(h_, r_, m, count, 1);
}

std::string_view Poly1305::implementation() const noexcept {
  switch (path_) {
    case Poly1305Path::avx512ifma: return "avx512ifma";
    case Poly1305Path::avx2: return "avx2";
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
  detail::u128 t = static_cast<detail::u128>(h_[0]) + 5;
  const std::uint64_t g0 = static_cast<std::uint64_t>(t);
  t = static_cast<detail::u128>(h_[1]) + static_cast<std::uint64_t>(t >> 64);
  const std::uint64_t g1 = static_cast<std::uint64_t>(t);
  const std::uint64_t g2 = h_[2] + static_cast<std::uint64_t>(t >> 64);
  const ct::Mask use_g = ct::Mask::from_bit(g2 >> 2);
  const std::uint64_t f0 = use_g.select(g0, h_[0]);
  const std::uint64_t f1 = use_g.select(g1, h_[1]);
  // tag = (h + s) mod 2^128.
  t = static_cast<detail::u128>(f0) + s_[0];
  detail::store_le64(tag.data(), static_cast<std::uint64_t>(t));
  detail::store_le64(tag.data() + 8, f1 + s_[1] + static_cast<std::uint64_t>(t >> 64));
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

// SPDX-License-Identifier: MIT
// Constant-time helpers; see ct.h.
#include "baretls/crypto/ct.h"

namespace baretls::crypto::ct {

Mask equal(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) noexcept {
  if (a.size() != b.size()) return Mask::zeros();  // lengths are public
  std::uint64_t diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<std::uint64_t>(a[i] ^ b[i]);
  return is_zero(value_barrier(diff));
}

void cond_copy(Mask m, std::span<std::uint8_t> dst, std::span<const std::uint8_t> src) noexcept {
  const std::uint8_t mb = m.byte();
  const std::size_t n = dst.size() < src.size() ? dst.size() : src.size();
  for (std::size_t i = 0; i < n; ++i)
    dst[i] = static_cast<std::uint8_t>((src[i] & mb) | (dst[i] & static_cast<std::uint8_t>(~mb)));
}

void cond_swap(Mask m, std::span<std::uint8_t> a, std::span<std::uint8_t> b) noexcept {
  const std::uint8_t mb = m.byte();
  const std::size_t n = a.size() < b.size() ? a.size() : b.size();
  for (std::size_t i = 0; i < n; ++i) {
    const auto t = static_cast<std::uint8_t>((a[i] ^ b[i]) & mb);
    a[i] = static_cast<std::uint8_t>(a[i] ^ t);
    b[i] = static_cast<std::uint8_t>(b[i] ^ t);
  }
}

void cond_swap(Mask m, std::span<std::uint64_t> a, std::span<std::uint64_t> b) noexcept {
  const std::uint64_t mw = value_barrier(m.word());
  const std::size_t n = a.size() < b.size() ? a.size() : b.size();
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t t = (a[i] ^ b[i]) & mw;
    a[i] ^= t;
    b[i] ^= t;
  }
}

void table_lookup(std::span<std::uint8_t> out, std::span<const std::uint8_t> table,
                  std::size_t count, std::size_t index) noexcept {
  const std::size_t width = out.size();
  for (auto& b : out) b = 0;
  for (std::size_t e = 0; e < count; ++e) {
    const std::uint8_t mb = eq(e, index).byte();
    const auto entry = table.subspan(e * width, width);
    for (std::size_t i = 0; i < width; ++i) out[i] = static_cast<std::uint8_t>(out[i] | (entry[i] & mb));
  }
}

}  // namespace baretls::crypto::ct

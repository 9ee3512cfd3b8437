// SPDX-License-Identifier: MIT
// Constant-time vocabulary (docs/ARCHITECTURE.md): masks that are all ones or all
// zeros, comparisons that return masks, and selection without branches.
// value_barrier() hides a value from the optimiser so that masks are not
// turned back into branches.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace baretls::crypto::ct {

// CT: none (an empty asm statement; no code is emitted).
template <typename T>
[[nodiscard]] inline T value_barrier(T x) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  __asm__("" : "+r"(x));
  return x;
#else
  volatile T v = x;
  return v;
#endif
}

// A 64-bit word that is either all ones (true) or all zeros (false).
class Mask {
 public:
  static constexpr Mask ones() noexcept { return Mask(~std::uint64_t{0}); }
  static constexpr Mask zeros() noexcept { return Mask(0); }
  // From a 0/1 bit (CT: no branch on the bit).
  static Mask from_bit(std::uint64_t bit) noexcept {
    return Mask(value_barrier(std::uint64_t{0} - (bit & 1)));
  }
  static constexpr Mask from_word(std::uint64_t all_or_nothing) noexcept {
    return Mask(all_or_nothing);
  }

  [[nodiscard]] constexpr std::uint64_t word() const noexcept { return m_; }
  [[nodiscard]] std::uint8_t byte() const noexcept { return static_cast<std::uint8_t>(m_); }
  [[nodiscard]] std::uint32_t word32() const noexcept { return static_cast<std::uint32_t>(m_); }

  // The single point where a mask becomes a branchable value. Call it only
  // once the decision is meant to be public (e.g. "the tag matched").
  [[nodiscard]] bool to_bool() const noexcept { return value_barrier(m_) != 0; }

  Mask& operator&=(Mask o) noexcept { m_ &= o.m_; return *this; }
  Mask& operator|=(Mask o) noexcept { m_ |= o.m_; return *this; }
  friend Mask operator&(Mask a, Mask b) noexcept { return Mask(a.m_ & b.m_); }
  friend Mask operator|(Mask a, Mask b) noexcept { return Mask(a.m_ | b.m_); }
  friend Mask operator^(Mask a, Mask b) noexcept { return Mask(a.m_ ^ b.m_); }
  friend Mask operator~(Mask a) noexcept { return Mask(~a.m_); }

  // CT: a & m | b & ~m, no branch.
  template <typename T>
  [[nodiscard]] T select(T if_true, T if_false) const noexcept {
    const auto m = static_cast<T>(value_barrier(m_));
    return static_cast<T>((if_true & m) | (if_false & static_cast<T>(~m)));
  }

 private:
  constexpr explicit Mask(std::uint64_t m) noexcept : m_(m) {}
  std::uint64_t m_;
};

// CT: all of the following run in time independent of their values.
[[nodiscard]] inline Mask is_zero(std::uint64_t x) noexcept {
  // (~x & (x - 1)) has its top bit set only when x == 0.
  return Mask::from_bit((~x & (x - 1)) >> 63);
}
[[nodiscard]] inline Mask is_nonzero(std::uint64_t x) noexcept { return ~is_zero(x); }
[[nodiscard]] inline Mask eq(std::uint64_t a, std::uint64_t b) noexcept { return is_zero(a ^ b); }
// a < b for unsigned 64-bit values: the borrow out of a - b.
[[nodiscard]] inline Mask lt(std::uint64_t a, std::uint64_t b) noexcept {
  return Mask::from_bit(((~a & b) | ((~a | b) & (a - b))) >> 63);
}
[[nodiscard]] inline Mask gt(std::uint64_t a, std::uint64_t b) noexcept { return lt(b, a); }
[[nodiscard]] inline Mask le(std::uint64_t a, std::uint64_t b) noexcept { return ~lt(b, a); }
[[nodiscard]] inline Mask ge(std::uint64_t a, std::uint64_t b) noexcept { return ~lt(a, b); }

template <typename T>
[[nodiscard]] inline T select(Mask m, T if_true, T if_false) noexcept {
  return m.select(if_true, if_false);
}

// Byte strings of equal, public length. CT: time depends only on a.size().
// Spans of different lengths compare unequal (lengths are public).
[[nodiscard]] Mask equal(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) noexcept;

// dst = m ? src : dst. CT: time depends only on dst.size(); sizes must match.
void cond_copy(Mask m, std::span<std::uint8_t> dst, std::span<const std::uint8_t> src) noexcept;

// Swap a and b when m is set. CT: time depends only on the size.
void cond_swap(Mask m, std::span<std::uint8_t> a, std::span<std::uint8_t> b) noexcept;
void cond_swap(Mask m, std::span<std::uint64_t> a, std::span<std::uint64_t> b) noexcept;

// out = table[index] where the table holds `count` entries of out.size()
// bytes each, read by scanning every entry. CT: time depends only on the
// sizes, not on index.
void table_lookup(std::span<std::uint8_t> out, std::span<const std::uint8_t> table,
                  std::size_t count, std::size_t index) noexcept;

}  // namespace baretls::crypto::ct

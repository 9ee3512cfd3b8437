// SPDX-License-Identifier: MIT
// Montgomery arithmetic modulo an odd m of up to kMaxLimbs limbs, R = 2^(64n)
// for an n-limb modulus: multiplication and squaring (x*y/R mod m),
// conversion in and out, reduction of wider numbers, and exponentiation —
// fixed-window with masked table scans for secret exponents, square-and-
// multiply for public ones (_vartime). Kernels are chosen at init() from
// the CPU (portable, BMI2/ADX, AVX-512 IFMA).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "baretls/crypto/bigint.h"
#include "baretls/crypto/error.h"

namespace baretls::crypto {

namespace detail {
struct MontKernel;
}

class MontContext {
 public:
  enum class Secrecy : std::uint8_t { public_modulus, secret_modulus };

  MontContext() noexcept = default;
  MontContext(const MontContext&) noexcept = default;
  MontContext& operator=(const MontContext&) noexcept = default;
  ~MontContext();

  // m: odd, > 1, 1..kMaxLimbs limbs (the top limb may be zero; the limb
  // count n is public). Errors: invalid_argument (size), even_modulus.
  // CT: for a secret modulus, time depends only on n; a public modulus may
  // take a faster variable-time set-up.
  [[nodiscard]] Error init(std::span<const Limb> m, Secrecy secrecy) noexcept;

  [[nodiscard]] std::size_t size() const noexcept { return n_; }
  [[nodiscard]] std::span<const Limb> modulus() const noexcept { return std::span<const Limb>(m_).first(n_); }

  // All operands below are n limbs; Montgomery-form operands are < m and
  // results are fully reduced. r may alias the inputs.
  // CT: time depends only on n.
  void mul(Limb* r, const Limb* a, const Limb* b) const noexcept;  // a*b/R mod m
  void sqr(Limb* r, const Limb* a) const noexcept;                 // a*a/R mod m
  void to_mont(Limb* r, const Limb* a) const noexcept;             // a*R mod m, a < m
  void from_mont(Limb* r, const Limb* a) const noexcept;           // a/R mod m
  void set_one(Limb* r) const noexcept;                            // R mod m
  // r = a*R mod m for any a (any number of limbs). CT: time depends only on
  // a.size() and n.
  void reduce_to_mont(Limb* r, std::span<const Limb> a) const noexcept;

  // r = a^e in Montgomery form (a and r Montgomery form). Fixed 5-bit
  // windows over all 64*e.size() bits, every table entry read under a mask.
  // CT: time depends only on n and e.size().
  void exp(Limb* r, const Limb* a, std::span<const Limb> e) const noexcept;
  // r1 = a1^e1 in c1 and r2 = a2^e2 in c2 (the two halves of an RSA CRT
  // private operation): interleaved when the kernel computes both at once
  // (AVX-512 IFMA, equal sizes), else one after the other. CT: as exp().
  static void exp_pair(const MontContext& c1, Limb* r1, const Limb* a1, std::span<const Limb> e1,
                       const MontContext& c2, Limb* r2, const Limb* a2, std::span<const Limb> e2) noexcept;
  // Same result as exp(); square-and-multiply. CT: none — e must be public.
  void exp_vartime(Limb* r, const Limb* a, std::span<const Limb> e) const noexcept;

  [[nodiscard]] std::string_view implementation() const noexcept;

 private:
  std::array<Limb, kMaxLimbs> m_{};
  std::array<Limb, kMaxLimbs> r2_{};  // R^2 mod m
  Limb m0inv_ = 0;                    // -m^-1 mod 2^64
  std::size_t n_ = 0;
  const detail::MontKernel* kernel_ = nullptr;
};

}  // namespace baretls::crypto

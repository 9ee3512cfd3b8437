// SPDX-License-Identifier: MIT
// Montgomery kernels with BMI2 MULX and ADX ADCX/ADOX: each row
// t += a * b_i runs two independent carry chains (CF for the low halves,
// OF for the high halves) so products and additions overlap. The row is a
// small inline-assembly loop (four limbs per step); the product, squaring
// and REDC steps around it match the portable kernels (mont_portable.cpp).
#include "crypto/arch.h"

#if BARETLS_X86_64

#include <array>

#include "baretls/crypto/secret.h"
#include "crypto/mont_impl.h"
#include "crypto/wide.h"

namespace baretls::crypto::detail {
namespace {

// t[0..len) += a[0..len) * b; returns the carry-out limb (the sum fits in
// len + 1 limbs). Flags are preserved across the loop by using only
// MOV/LEA/JRCXZ/JMP between the ADCX/ADOX steps.
__attribute__((target("bmi2,adx"))) inline Limb row_mul_add(Limb* t, const Limb* a, Limb b, std::size_t len) noexcept {
  Limb hp, lo, hi;
  const std::size_t singles = len & 3, quads = len >> 2;
  __asm__ volatile(
      "xor %k[hp], %k[hp]\n\t"  // hp = 0; clears CF and OF
      "mov %[singles], %%rcx\n\t"
      "jrcxz 2f\n\t"
      "1:\n\t"
      "mulx (%[a]), %[lo], %[hi]\n\t"
      "adcx (%[t]), %[lo]\n\t"
      "adox %[hp], %[lo]\n\t"
      "mov %[lo], (%[t])\n\t"
      "mov %[hi], %[hp]\n\t"
      "lea 8(%[a]), %[a]\n\t"
      "lea 8(%[t]), %[t]\n\t"
      "lea -1(%%rcx), %%rcx\n\t"
      "jrcxz 2f\n\t"
      "jmp 1b\n\t"
      "2:\n\t"
      "mov %[quads], %%rcx\n\t"
      "jrcxz 4f\n\t"
      "3:\n\t"
      "mulx (%[a]), %[lo], %[hi]\n\t"
      "adcx (%[t]), %[lo]\n\t"
      "adox %[hp], %[lo]\n\t"
      "mov %[lo], (%[t])\n\t"
      "mulx 8(%[a]), %[lo], %[hp]\n\t"
      "adcx 8(%[t]), %[lo]\n\t"
      "adox %[hi], %[lo]\n\t"
      "mov %[lo], 8(%[t])\n\t"
      "mulx 16(%[a]), %[lo], %[hi]\n\t"
      "adcx 16(%[t]), %[lo]\n\t"
      "adox %[hp], %[lo]\n\t"
      "mov %[lo], 16(%[t])\n\t"
      "mulx 24(%[a]), %[lo], %[hp]\n\t"
      "adcx 24(%[t]), %[lo]\n\t"
      "adox %[hi], %[lo]\n\t"
      "mov %[lo], 24(%[t])\n\t"
      "lea 32(%[a]), %[a]\n\t"
      "lea 32(%[t]), %[t]\n\t"
      "lea -1(%%rcx), %%rcx\n\t"
      "jrcxz 4f\n\t"
      "jmp 3b\n\t"
      "4:\n\t"
      "mov $0, %[lo]\n\t"
      "adcx %[lo], %[hp]\n\t"
      "adox %[lo], %[hp]\n\t"
      : [hp] "=&r"(hp), [lo] "=&r"(lo), [hi] "=&r"(hi), [a] "+r"(a), [t] "+r"(t)
      : "d"(b), [singles] "r"(singles), [quads] "r"(quads)
      : "rcx", "cc", "memory");
  return hp;
}

}  // namespace

// r = t / R mod m for t < m*R (2n limbs, destroyed).
__attribute__((target("bmi2,adx"))) void redc_bmi2(Limb* r, Limb* t, const Limb* m, Limb m0inv,
                                                   std::size_t n) noexcept {
  Limb hi = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const Limb c = row_mul_add(t + i, m, t[i] * m0inv, n);
    const u128 s = u128{t[i + n]} + c + hi;
    t[i + n] = static_cast<Limb>(s);
    hi = static_cast<Limb>(s >> 64);
  }
  mont_final_sub(r, t + n, hi, m, n);
}

__attribute__((target("bmi2,adx"))) void mont_mul_bmi2(Limb* r, const Limb* a, const Limb* b, const Limb* m,
                                                       Limb m0inv, std::size_t n) noexcept {
  std::array<Limb, 2 * kMaxLimbs> t;
  for (std::size_t i = 0; i < n; ++i) t[i] = 0;
  for (std::size_t i = 0; i < n; ++i) t[i + n] = row_mul_add(t.data() + i, a, b[i], n);
  redc_bmi2(r, t.data(), m, m0inv, n);
  secure_wipe(t.data(), 2 * n * sizeof(Limb));
}

__attribute__((target("bmi2,adx"))) void mont_sqr_bmi2(Limb* r, const Limb* a, const Limb* m, Limb m0inv,
                                                       std::size_t n) noexcept {
  std::array<Limb, 2 * kMaxLimbs> t;
  // Cross products a[i]*a[j], i < j: row i adds a[i+1..n) * a[i] at t[2i+1].
  t[0] = 0;
  t[2 * n - 1] = 0;
  for (std::size_t i = 1; i < n; ++i) t[i] = 0;
  for (std::size_t i = 0; i + 1 < n; ++i) t[i + n] = row_mul_add(t.data() + 2 * i + 1, a + i + 1, a[i], n - 1 - i);
  // Double, then add the squares a[i]^2 at t[2i].
  Limb top = 0;
  for (std::size_t i = 0; i < 2 * n; ++i) {
    const Limb x = t[i];
    t[i] = (x << 1) | top;
    top = x >> 63;
  }
  Limb c = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const u128 sq = u128{a[i]} * a[i];
    u128 s = u128{t[2 * i]} + static_cast<Limb>(sq) + c;
    t[2 * i] = static_cast<Limb>(s);
    s = u128{t[2 * i + 1]} + static_cast<Limb>(sq >> 64) + static_cast<Limb>(s >> 64);
    t[2 * i + 1] = static_cast<Limb>(s);
    c = static_cast<Limb>(s >> 64);
  }
  redc_bmi2(r, t.data(), m, m0inv, n);
  secure_wipe(t.data(), 2 * n * sizeof(Limb));
}

const MontKernel kMontBmi2 = {mont_mul_bmi2, mont_sqr_bmi2, redc_bmi2, nullptr, nullptr, "bmi2-adx"};

}  // namespace baretls::crypto::detail

#endif  // BARETLS_X86_64

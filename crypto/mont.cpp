// SPDX-License-Identifier: MIT
// MontContext (see mont.h): set-up (m0inv by Newton iteration, R^2 mod m by
// modular doubling and squaring), conversions, reduction of wide numbers by
// Horner's rule in Montgomery form, and exponentiation.
#include "baretls/crypto/mont.h"

#include "baretls/crypto/cpu.h"
#include "baretls/crypto/secret.h"
#include "crypto/arch.h"
#include "crypto/mont_impl.h"

namespace baretls::crypto {
namespace {

constexpr unsigned kWindow = 5;
constexpr std::size_t kTableSize = std::size_t{1} << kWindow;

const detail::MontKernel& choose_kernel(std::size_t n) noexcept {
#if BARETLS_X86_64
  if (cpu_has(CpuFeature::bmi2) && cpu_has(CpuFeature::adx)) {
    const bool ifma = cpu_has(CpuFeature::avx512f) && cpu_has(CpuFeature::avx512vl) &&
                      cpu_has(CpuFeature::avx512ifma);
    if (ifma && (n == 16 || n == 24 || n == 32 || n == 48 || n == 64))
      return detail::kMontIfma;
    return detail::kMontBmi2;
  }
#endif
  (void)n;
  return detail::kMontPortable;
}

// x = 2x mod m for x < m. CT: time depends only on n.
void mod_double(Limb* x, const Limb* m, std::size_t n) noexcept {
  Limb top = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const Limb v = x[i];
    x[i] = (v << 1) | top;
    top = v >> 63;
  }
  detail::mont_final_sub(x, x, top, m, n);
}

// Bits [pos, pos + kWindow) of e (zero beyond its end). pos is public.
Limb window_at(std::span<const Limb> e, std::size_t pos) noexcept {
  const std::size_t limb = pos / 64;
  const unsigned off = static_cast<unsigned>(pos % 64);
  Limb v = limb < e.size() ? e[limb] >> off : 0;
  if (off + kWindow > 64 && limb + 1 < e.size()) v |= e[limb + 1] << (64 - off);
  return v & (kTableSize - 1);
}

}  // namespace

MontContext::~MontContext() { secure_wipe_object(*this); }

Error MontContext::init(std::span<const Limb> m, Secrecy secrecy) noexcept {
  const std::size_t n = m.size();
  if (n == 0 || n > kMaxLimbs) return Error::invalid_argument;
  if ((m[0] & 1) == 0) return Error::even_modulus;
  n_ = n;
  bigint::copy(m_, m);
  kernel_ = &choose_kernel(n);

  // -m^-1 mod 2^64: x = m0 is right to 3 bits for odd m0; each Newton step
  // x = x(2 - m0 x) doubles the correct bits (3, 6, 12, 24, 48, 96).
  Limb inv = m[0];
  for (int i = 0; i < 5; ++i) inv *= 2 - m[0] * inv;
  m0inv_ = Limb{0} - inv;

  // x = R mod m by doubling: from 1 (64n steps, CT) for a secret modulus,
  // from 2^(bits-1) for a public one.
  std::array<Limb, kMaxLimbs> x{};
  std::size_t steps = 64 * n;
  if (secrecy == Secrecy::public_modulus) {
    const std::size_t bits = bigint::bit_length_vartime(m);
    if (bits < 2) return Error::invalid_argument;
    x[(bits - 1) / 64] = Limb{1} << ((bits - 1) % 64);
    steps = 64 * n - (bits - 1);
  } else {
    x[0] = 1;  // m = 1 (a caller error) only yields zeros
  }
  for (std::size_t i = 0; i < steps; ++i) mod_double(x.data(), m_.data(), n);
  // x is now R mod m, the Montgomery form of 1. Double n more times to get
  // the form of 2^n, then square six times: (2^n)^(2^6) = 2^(64n) = R, whose
  // Montgomery form is R^2 mod m.
  for (std::size_t i = 0; i < n; ++i) mod_double(x.data(), m_.data(), n);
  for (int i = 0; i < 6; ++i) kernel_->sqr(x.data(), x.data(), m_.data(), m0inv_, n);
  bigint::copy(std::span<Limb>(r2_).first(n), std::span<const Limb>(x).first(n));
  secure_wipe(x.data(), sizeof x);
  return Error::ok;
}

void MontContext::mul(Limb* r, const Limb* a, const Limb* b) const noexcept {
  kernel_->mul(r, a, b, m_.data(), m0inv_, n_);
}

void MontContext::sqr(Limb* r, const Limb* a) const noexcept { kernel_->sqr(r, a, m_.data(), m0inv_, n_); }

void MontContext::to_mont(Limb* r, const Limb* a) const noexcept { mul(r, a, r2_.data()); }

void MontContext::from_mont(Limb* r, const Limb* a) const noexcept {
  // a / R mod m: Montgomery reduction of (0 || a), no product needed.
  std::array<Limb, 2 * kMaxLimbs> t{};
  for (std::size_t i = 0; i < n_; ++i) t[i] = a[i];
  kernel_->redc(r, t.data(), m_.data(), m0inv_, n_);
  secure_wipe(t.data(), 2 * n_ * sizeof(Limb));
}

void MontContext::set_one(Limb* r) const noexcept {
  // R mod m = (R^2 mod m) / R.
  from_mont(r, r2_.data());
}

void MontContext::reduce_to_mont(Limb* r, std::span<const Limb> a) const noexcept {
  // a = sum c_j R^j over n-limb chunks c_j. Horner from the top chunk:
  // acc <- acc*R + c_j, where acc*R in Montgomery form is mul(acc, R^2) and
  // c_j*R mod m is mul(c_j, R^2) (valid for any c_j < R since R^2 mod m < m).
  const std::size_t n = n_;
  std::array<Limb, kMaxLimbs> acc{}, chunk{};
  const auto accs = std::span<Limb>(acc).first(n);
  const auto ms = modulus();
  const std::size_t chunks = (a.size() + n - 1) / n;
  for (std::size_t j = chunks; j > 0; --j) {
    const std::size_t lo = (j - 1) * n;
    for (std::size_t i = 0; i < n; ++i) chunk[i] = lo + i < a.size() ? a[lo + i] : 0;
    mul(chunk.data(), chunk.data(), r2_.data());
    mul(acc.data(), acc.data(), r2_.data());
    bigint::mod_add(accs, accs, std::span<const Limb>(chunk).first(n), ms);
  }
  bigint::copy(std::span<Limb>(r, n), accs);
  secure_wipe(acc.data(), sizeof acc);
  secure_wipe(chunk.data(), sizeof chunk);
}

void MontContext::exp(Limb* r, const Limb* a, std::span<const Limb> e) const noexcept {
  const std::size_t n = n_;
  // table[k] = a^k (Montgomery form), k < 2^kWindow.
  std::array<Limb, kTableSize * kMaxLimbs> table;
  std::array<Limb, kMaxLimbs> acc, pick;
  set_one(table.data());
  bigint::copy(std::span<Limb>(table.data() + n, n), std::span<const Limb>(a, n));
  for (std::size_t k = 2; k < kTableSize; ++k) {
    if (k % 2 == 0) {
      sqr(table.data() + k * n, table.data() + (k / 2) * n);
    } else {
      mul(table.data() + k * n, table.data() + (k - 1) * n, a);
    }
  }
  // CT: every entry is read; the wanted one survives its mask.
  const auto lookup = [&](Limb index) {
    for (std::size_t i = 0; i < n; ++i) pick[i] = 0;
    for (std::size_t k = 0; k < kTableSize; ++k) {
      const Limb mask = ct::eq(k, index).word();
      const Limb* entry = table.data() + k * n;
      for (std::size_t i = 0; i < n; ++i) pick[i] |= entry[i] & mask;
    }
  };
  const std::size_t bits = 64 * e.size();
  const std::size_t windows = (bits + kWindow - 1) / kWindow;
  lookup(window_at(e, (windows - 1) * kWindow));
  bigint::copy(std::span<Limb>(acc).first(n), std::span<const Limb>(pick).first(n));
  for (std::size_t w = windows - 1; w > 0; --w) {
    for (unsigned s = 0; s < kWindow; ++s) sqr(acc.data(), acc.data());
    lookup(window_at(e, (w - 1) * kWindow));
    mul(acc.data(), acc.data(), pick.data());
  }
  bigint::copy(std::span<Limb>(r, n), std::span<const Limb>(acc).first(n));
  secure_wipe(table.data(), kTableSize * n * sizeof(Limb));
  secure_wipe(acc.data(), sizeof acc);
  secure_wipe(pick.data(), sizeof pick);
}

void MontContext::exp_pair(const MontContext& c1, Limb* r1, const Limb* a1, std::span<const Limb> e1,
                           const MontContext& c2, Limb* r2, const Limb* a2, std::span<const Limb> e2) noexcept {
  if (c1.kernel_ == c2.kernel_ && c1.kernel_->exp2 != nullptr) {
    std::array<Limb, kMaxLimbs> one1, one2;
    c1.set_one(one1.data());
    c2.set_one(one2.data());
    const detail::MontExpJob x{r1, a1, e1.data(), e1.size(), c1.m_.data(), c1.m0inv_, c1.n_, one1.data(),
                               c1.r2_.data()};
    const detail::MontExpJob y{r2, a2, e2.data(), e2.size(), c2.m_.data(), c2.m0inv_, c2.n_, one2.data(),
                               c2.r2_.data()};
    if (c1.kernel_->exp2(x, y)) return;
  }
  c1.exp(r1, a1, e1);
  c2.exp(r2, a2, e2);
}

void MontContext::exp_vartime(Limb* r, const Limb* a, std::span<const Limb> e) const noexcept {
  const std::size_t n = n_;
  std::array<Limb, kMaxLimbs> acc, base;
  bigint::copy(std::span<Limb>(base).first(n), std::span<const Limb>(a, n));
  const std::size_t bits = bigint::bit_length_vartime(e);
  if (bits == 0) {
    set_one(r);
    return;
  }
  if (kernel_->exp_vartime != nullptr) {
    std::array<Limb, kMaxLimbs> one;
    set_one(one.data());
    const detail::MontExpJob job{r, a, e.data(), e.size(), m_.data(), m0inv_, n, one.data(), r2_.data()};
    if (kernel_->exp_vartime(job)) return;
  }
  // The top bit gives acc = a; then square-and-multiply over the rest
  // (e = 65537: 16 squarings and one multiplication).
  bigint::copy(std::span<Limb>(acc).first(n), std::span<const Limb>(base).first(n));
  for (std::size_t i = bits - 1; i > 0; --i) {
    sqr(acc.data(), acc.data());
    if ((e[(i - 1) / 64] >> ((i - 1) % 64)) & 1) mul(acc.data(), acc.data(), base.data());
  }
  bigint::copy(std::span<Limb>(r, n), std::span<const Limb>(acc).first(n));
}

std::string_view MontContext::implementation() const noexcept {
  return kernel_ != nullptr ? kernel_->name : choose_kernel(0).name;
}

}  // namespace baretls::crypto

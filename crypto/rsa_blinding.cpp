// SPDX-License-Identifier: MIT
// The blinding pair an RSA private key reuses between private operations;
// see detail::RsaBlinding in rsa.h. The pair is squared after each use, so
// a pair drawn once (a modular inverse and r^e) serves kUses operations.
#include "baretls/crypto/rsa.h"
#include "baretls/crypto/secret.h"

namespace baretls::crypto::detail {
namespace {

// The try-lock: acquire on success, nothing on failure. CT: none needed
// (whether another thread holds the pair is public).
bool try_lock(std::atomic_flag& f) noexcept { return !f.test_and_set(std::memory_order_acquire); }
void unlock(std::atomic_flag& f) noexcept { f.clear(std::memory_order_release); }

}  // namespace

RsaBlinding& RsaBlinding::operator=(const RsaBlinding&) noexcept {
  // Assignment is not const: the caller owns this key exclusively here.
  secure_wipe(a_.data(), sizeof a_);
  secure_wipe(ai_.data(), sizeof ai_);
  uses_left_ = 0;
  return *this;
}

RsaBlinding::~RsaBlinding() {
  secure_wipe(a_.data(), sizeof a_);
  secure_wipe(ai_.data(), sizeof ai_);
}

bool RsaBlinding::take(const MontContext& n, Limb* a, Limb* ai) const noexcept {
  if (!try_lock(busy_)) return false;
  const bool have = uses_left_ != 0;  // not secret
  if (have) {
    bigint::copy(std::span<Limb>(a, n.size()), std::span<const Limb>(a_).first(n.size()));
    bigint::copy(std::span<Limb>(ai, n.size()), std::span<const Limb>(ai_).first(n.size()));
    // (r^e)^2 = (r^2)^e and (r^-1)^2 = (r^2)^-1: the next pair.
    n.sqr(a_.data(), a_.data());
    n.sqr(ai_.data(), ai_.data());
    --uses_left_;
  }
  unlock(busy_);
  return have;
}

void RsaBlinding::store(const MontContext& n, const Limb* a, const Limb* ai) const noexcept {
  if (n.size() > kMaxLimbs || !try_lock(busy_)) return;
  n.sqr(a_.data(), a);
  n.sqr(ai_.data(), ai);
  uses_left_ = kUses - 1;
  unlock(busy_);
}

}  // namespace baretls::crypto::detail

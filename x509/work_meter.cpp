// SPDX-License-Identifier: MIT
// The work meter of one path validation; see work_meter.h.
#include "x509/work_meter.h"

#include <bit>

namespace baretls::x509::detail {

namespace {

// RSA-2048 with e = 65537: 32 limbs, and square-and-multiply over a 17-bit e
// with two set bits costs about 17 + 2 multiplications.
constexpr std::uint64_t kRsa2048Cost = 32 * 32 * (17 + 2);

// A name comparison walks at most the shorter encoding: one unit per
// comparison and per this many octets of it.
constexpr std::size_t kNameBytesPerUnit = 64;

// RFC 8017 §5.2.2 RSAVP1 by square-and-multiply: bit_length(e) squarings
// and popcount(e) multiplications (give or take one, plus the conversions),
// each quadratic in the limb count.
std::uint32_t rsa_work(const PublicKey& key) noexcept {
  const std::uint64_t limbs = (key.bits() + 63) / 64;  // not secret
  std::uint64_t steps = 0;
  bool leading = true;
  for (const std::uint8_t byte : key.rsa_exponent()) {
    if (leading && byte == 0) continue;
    steps += leading ? static_cast<std::uint64_t>(std::bit_width(byte)) : 8;
    steps += static_cast<std::uint64_t>(std::popcount(byte));
    leading = false;
  }
  const std::uint64_t cost = limbs * limbs * steps;
  return static_cast<std::uint32_t>((cost + kRsa2048Cost - 1) / kRsa2048Cost);
}

}  // namespace

std::uint32_t signature_work(const PublicKey& key) noexcept {
  // ECDSA: two scalar multiplications; `baretls speed` puts a P-256 check at
  // 3.5-6 RSA-2048 checks and a P-384 check at 12-16 (portable, bmi2-adx).
  switch (key.type()) {
    case KeyType::rsa: return rsa_work(key);
    case KeyType::ec_p256: return 5;
    case KeyType::ec_p384: return 14;
  }
  return 1;
}

bool WorkMeter::charge_signature(const PublicKey& key) noexcept {
  const std::uint32_t work = signature_work(key);
  if (exhausted_ || stats_.signature_checks >= budget_.signature_checks ||
      work > budget_.signature_work - stats_.signature_work) {
    exhausted_ = true;
    return false;
  }
  ++stats_.signature_checks;
  stats_.signature_work += work;
  return true;
}

bool WorkMeter::charge_name_comparison(std::size_t bytes) noexcept {
  const std::uint64_t work = 1 + bytes / kNameBytesPerUnit;
  if (exhausted_ || work > budget_.name_work - stats_.name_work) {
    exhausted_ = true;
    return false;
  }
  ++stats_.name_comparisons;
  stats_.name_work += static_cast<std::uint32_t>(work);
  return true;
}

}  // namespace baretls::x509::detail

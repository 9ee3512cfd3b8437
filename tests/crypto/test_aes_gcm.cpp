// SPDX-License-Identifier: MIT
// AES-GCM suite. Vectors: vectors/nist-cavp/aes-gcm/gcmEncryptExtIV{128,256}.rsp
// and gcmDecrypt{128,256}.rsp (GCMVS): every record, on every path this CPU
// has (portable, AES-NI + PCLMULQDQ, VAES + VPCLMULQDQ on AVX2 and on
// AVX-512; on AArch64 the ARMv8 AES + PMULL path). Tags shorter than 128 bits are checked as the prefix of the full
// tag computed by seal; 128-bit
// tags also go through open, and every FAIL record must be rejected with a
// zeroed output. Then differential (each path vs portable), round-trip and
// single-bit tamper tests with a seeded RNG.
#include "baretls/crypto/aes_gcm.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>

#include "baretls/crypto/cpu.h"
#include "crypto/arch.h"
#include "crypto/bytes.h"
#include "crypto/gcm_impl.h"
#include "tests/support/cpu_paths.h"
#include "tests/support/hex.h"
#include "tests/support/vector_file.h"

using namespace baretls;
using namespace baretls::test;
using crypto::Error;

namespace {

constexpr std::uint32_t kWideFeatures = static_cast<std::uint32_t>(crypto::CpuFeature::vaes) |
                                        static_cast<std::uint32_t>(crypto::CpuFeature::vpclmulqdq);

constexpr std::uint32_t kAvx512Features = static_cast<std::uint32_t>(crypto::CpuFeature::avx512f) |
                                          static_cast<std::uint32_t>(crypto::CpuFeature::avx512bw) |
                                          static_cast<std::uint32_t>(crypto::CpuFeature::avx512vl) |
                                          static_cast<std::uint32_t>(crypto::CpuFeature::avx512dq) |
                                          static_cast<std::uint32_t>(crypto::CpuFeature::avx512ifma);

// Portable, AES-NI + PCLMULQDQ (no VAES), VAES on 256-bit registers (no
// AVX-512), and everything this CPU has.
std::vector<CpuPath> gcm_paths() {
  return cpu_paths({{"aesni_clmul", crypto::kAllCpuFeatures & ~kWideFeatures},
                    {"vaes_avx2", crypto::kAllCpuFeatures & ~kAvx512Features}});
}

// The decrypt files end some records with a bare "FAIL" line; the shared
// reader wants "Name = value", so that line becomes "FAIL = 1".
VectorFile load_gcm_file(const std::string& relative) {
  const std::string path = vector_path(relative);
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), path);
  std::ostringstream text;
  std::string line;
  while (std::getline(in, line)) {
    std::string t = line;
    while (!t.empty() && (t.back() == '\r' || t.back() == ' ')) t.pop_back();
    text << (t == "FAIL" ? std::string("FAIL = 1") : line) << '\n';
  }
  return parse_vector_text(text.str(), path);
}

crypto::AesGcm make_gcm(const Bytes& key) {
  crypto::AesGcm g;
  REQUIRE(g.init(key) == Error::ok);
  return g;
}

struct Counts {
  std::size_t records = 0, fail_records = 0, opened = 0, truncated = 0;
};

// One record: seal the plaintext (encrypt files) or recover it from the
// ciphertext (GCTR is its own inverse: seal(CT) outputs P), then seal P to get
// CT and the full tag, whose prefix must equal Tag exactly when the record
// is not FAIL. 128-bit tags are also checked through open().
void check_gcm_record(const VectorRecord& r, bool decrypt_file, Counts& n) {
  const auto key = r.bytes("Key");
  const auto iv = r.bytes("IV");
  const auto aad = r.bytes("AAD");
  const auto ct = r.bytes("CT");
  const auto tag = r.bytes("Tag");
  const bool fail = r.has("FAIL");
  REQUIRE_MESSAGE(tag.size() * 8 == std::stoul(r.section_value("Taglen")), r.where());
  REQUIRE_MESSAGE(iv.size() * 8 == std::stoul(r.section_value("IVlen")), r.where());
  const auto g = make_gcm(key);
  std::uint8_t full_tag[16];
  Bytes pt;
  if (decrypt_file) {
    Bytes recovered(ct.size());
    REQUIRE(g.seal(iv, aad, ct, recovered, full_tag) == Error::ok);
    pt = recovered;
    if (!fail) CHECK_MESSAGE(to_hex(pt) == r.get("PT"), r.where());
  } else {
    pt = r.bytes("PT");
  }
  Bytes out(pt.size());
  REQUIRE(g.seal(iv, aad, pt, out, full_tag) == Error::ok);
  CHECK_MESSAGE(to_hex(out) == to_hex(ct), r.where());
  const bool prefix_equal = std::equal(tag.begin(), tag.end(), full_tag);
  CHECK_MESSAGE(prefix_equal == !fail, r.where());
  if (tag.size() == 16) {
    Bytes opened(ct.size() + 3, 0xAA);
    const std::span<std::uint8_t> dst(opened.data() + 3, ct.size());  // unaligned
    const Error e = g.open(iv, aad, ct, dst, std::span<const std::uint8_t, 16>(tag.data(), 16));
    if (fail) {
      CHECK_MESSAGE(e == Error::auth_failed, r.where());
      CHECK_MESSAGE(std::all_of(dst.begin(), dst.end(), [](std::uint8_t b) { return b == 0; }), r.where());
    } else {
      CHECK_MESSAGE(e == Error::ok, r.where());
      CHECK_MESSAGE(std::equal(dst.begin(), dst.end(), pt.begin()), r.where());
    }
    ++n.opened;
  } else {
    ++n.truncated;
  }
  n.fail_records += fail;
  ++n.records;
}

Counts check_gcm_file(const std::string& relative, bool decrypt_file) {
  Counts n;
  for (const auto& r : load_gcm_file(relative).records) check_gcm_record(r, decrypt_file, n);
  return n;
}

Bytes random_bytes(std::mt19937_64& rng, std::size_t n) {
  Bytes b(n);
  for (auto& x : b) x = static_cast<std::uint8_t>(rng());
  return b;
}

}  // namespace

TEST_CASE("AES-GCM path selection") {
  {
    ScopedCpuMask mask(0);
    CHECK(make_gcm(Bytes(16)).implementation() == "portable");
  }
  for (const auto& path : gcm_paths()) {
    ScopedCpuMask mask(path.mask);
    MESSAGE("path " << path.name << " -> " << make_gcm(Bytes(32)).implementation());
  }
  CHECK(crypto::AesGcm().implementation().empty());
}

TEST_CASE("AES-GCM NIST GCMVS vectors, every record on every path") {
  for (const auto& path : gcm_paths()) {
    ScopedCpuMask mask(path.mask);
    const std::string impl(make_gcm(Bytes(16)).implementation());
    CAPTURE(impl);
    for (const char* bits : {"128", "256"}) {
      const Counts enc = check_gcm_file(std::string("nist-cavp/aes-gcm/gcmEncryptExtIV") + bits + ".rsp", false);
      const Counts dec = check_gcm_file(std::string("nist-cavp/aes-gcm/gcmDecrypt") + bits + ".rsp", true);
      CHECK(enc.records == 7875);
      CHECK(dec.records == 7875);
      CHECK(dec.fail_records == (std::string(bits) == "128" ? 4011u : 3919u));
      CHECK(enc.opened + dec.opened > 0);
      MESSAGE("AES-" << std::string(bits) << "-GCM [" << impl << "]: encrypt " << enc.records << " records (" << enc.opened
                     << " also opened, " << enc.truncated << " truncated tags checked as prefixes); decrypt "
                     << dec.records << " records (" << dec.fail_records << " FAIL rejected; " << dec.opened
                     << " through open, " << dec.truncated << " truncated tags checked as prefixes)");
    }
  }
}

TEST_CASE("AES-GCM accelerated paths equal portable (random keys, nonces, AAD 0..100, messages 0..5000)") {
  const std::uint64_t seed = 0x5eed6c3;
  MESSAGE("seed " << seed);
  std::mt19937_64 rng(seed);
  const auto paths = gcm_paths();
  std::size_t compared = 0;
  for (std::size_t iter = 0; iter < 700; ++iter) {
    const Bytes key = random_bytes(rng, iter % 3 == 2 ? 24 : (iter % 2 ? 32 : 16));
    const std::size_t nonce_len = iter % 5 == 4 ? 1 + rng() % 40 : 12;
    const Bytes nonce = random_bytes(rng, nonce_len);
    const Bytes aad = random_bytes(rng, iter % 101);
    const std::size_t len = iter < 400 ? iter : rng() % 5001;
    const Bytes msg = random_bytes(rng, len);
    Bytes ref_ct(len);
    std::uint8_t ref_tag[16];
    {
      ScopedCpuMask mask(0);
      REQUIRE(make_gcm(key).seal(nonce, aad, msg, ref_ct, ref_tag) == Error::ok);
    }
    for (const auto& path : paths) {
      ScopedCpuMask mask(path.mask);
      const auto g = make_gcm(key);
      const std::size_t off = 1 + iter % 7;
      // Out of place, unaligned.
      Bytes buf(len + off);
      const std::span<std::uint8_t> out(buf.data() + off, len);
      std::uint8_t tag[16];
      REQUIRE(g.seal(nonce, aad, msg, out, tag) == Error::ok);
      CHECK(std::equal(out.begin(), out.end(), ref_ct.begin()));
      CHECK(std::equal(tag, tag + 16, ref_tag));
      // In place, unaligned.
      Bytes inplace(len + off);
      std::copy(msg.begin(), msg.end(), inplace.begin() + static_cast<std::ptrdiff_t>(off));
      const std::span<std::uint8_t> io(inplace.data() + off, len);
      REQUIRE(g.seal(nonce, aad, io, io, tag) == Error::ok);
      CHECK(std::equal(io.begin(), io.end(), ref_ct.begin()));
      CHECK(std::equal(tag, tag + 16, ref_tag));
      // open(seal(m)) == m, in place and out of place.
      REQUIRE(g.open(nonce, aad, io, io, tag) == Error::ok);
      CHECK(std::equal(io.begin(), io.end(), msg.begin()));
      Bytes back(len);
      REQUIRE(g.open(nonce, aad, ref_ct, back, ref_tag) == Error::ok);
      CHECK(back == msg);
      ++compared;
    }
  }
  CHECK(compared >= 700);
  MESSAGE("compared " << compared << " (message, path) pairs with the portable result");
}

TEST_CASE("AES-GCM: flipping any single bit of ciphertext, tag, AAD or nonce makes open fail") {
  std::mt19937_64 rng(77);
  for (const auto& path : gcm_paths()) {
    ScopedCpuMask mask(path.mask);
    std::size_t rejected = 0, tried = 0;
    for (std::size_t nonce_len : {std::size_t{12}, std::size_t{7}}) {
      const auto g = make_gcm(random_bytes(rng, 16));
      Bytes nonce = random_bytes(rng, nonce_len);
      Bytes aad = random_bytes(rng, 21);
      const Bytes msg = random_bytes(rng, 67);
      Bytes ct(msg.size());
      std::array<std::uint8_t, 16> tag{};
      REQUIRE(g.seal(nonce, aad, msg, ct, tag) == Error::ok);
      auto expect_reject = [&] {
        Bytes out(ct.size(), 0x55);
        const Error e = g.open(nonce, aad, ct, out, tag);
        ++tried;
        if (e == Error::auth_failed && std::all_of(out.begin(), out.end(), [](std::uint8_t b) { return b == 0; }))
          ++rejected;
      };
      for (Bytes* field : {&ct, &aad, &nonce}) {
        for (std::size_t bit = 0; bit < field->size() * 8; ++bit) {
          (*field)[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
          expect_reject();
          (*field)[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
        }
      }
      for (std::size_t bit = 0; bit < 128; ++bit) {
        tag[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
        expect_reject();
        tag[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
      }
      // Truncating the AAD or the ciphertext fails too.
      Bytes full_out(ct.size());
      CHECK(g.open(nonce, std::span(aad).first(aad.size() - 1), ct, full_out, tag) == Error::auth_failed);
      Bytes short_out(ct.size() - 1);
      CHECK(g.open(nonce, aad, std::span(ct).first(ct.size() - 1), short_out, tag) == Error::auth_failed);
      // And the untouched message still opens.
      Bytes good(ct.size());
      CHECK(g.open(nonce, aad, ct, good, tag) == Error::ok);
      CHECK(good == msg);
    }
    CHECK(tried == 2 * ((67 + 21) * 8 + 128) + (12 + 7) * 8);
    CHECK(rejected == tried);
    MESSAGE("tamper [" << path.name << "]: " << rejected << " of " << tried << " single-bit flips rejected");
  }
}

TEST_CASE("AES-GCM: the GCTR counter wraps modulo 2^32 (SP 800-38D §6.2 inc32) on every path") {
  // J0 values of long IVs are arbitrary, so the 32-bit counter may wrap inside
  // a message. Drive each path's steps 3-6 with J0 = ...fffffff0 and check the
  // ciphertext against CTR built from AES-ECB with inc32, and the tags against
  // the portable path.
  std::mt19937_64 rng(2);
  const Bytes key = random_bytes(rng, 16);
  const Bytes aad = random_bytes(rng, 5);
  const Bytes msg = random_bytes(rng, 16 * 40 + 9);  // 41 blocks across the wrap
  std::uint8_t j0[16];
  for (auto& b : j0) b = static_cast<std::uint8_t>(rng());
  crypto::detail::store_be32(j0 + 12, 0xfffffff0u);
  crypto::Aes aes;
  REQUIRE(aes.init(key) == Error::ok);
  Bytes expected(msg.size());
  for (std::size_t i = 0; i < (msg.size() + 15) / 16; ++i) {
    std::uint8_t block[16], ks[16];
    std::copy(j0, j0 + 12, block);
    crypto::detail::store_be32(block + 12, 0xfffffff0u + 1u + static_cast<std::uint32_t>(i));
    aes.encrypt_block(block, ks);
    for (std::size_t j = 0; j < 16 && 16 * i + j < msg.size(); ++j) expected[16 * i + j] = msg[16 * i + j] ^ ks[j];
  }
  std::uint8_t h[16] = {};
  aes.encrypt_block(h, h);
  std::vector<const crypto::detail::GcmOps*> ops{&crypto::detail::kGcmPortable};
#if BARETLS_X86_64
  const auto has = [](std::initializer_list<crypto::CpuFeature> fs) {
    std::uint32_t m = 0;
    for (auto f : fs) m |= static_cast<std::uint32_t>(f);
    return (crypto::cpu_detected_features() & m) == m;
  };
  using F = crypto::CpuFeature;
  if (has({F::aesni, F::pclmulqdq, F::ssse3, F::sse41})) ops.push_back(&crypto::detail::kGcmClmul);
  if (has({F::aesni, F::pclmulqdq, F::avx2, F::vaes, F::vpclmulqdq})) ops.push_back(&crypto::detail::kGcmVaesAvx2);
  if (has({F::aesni, F::pclmulqdq, F::avx512f, F::avx512bw, F::avx512vl, F::vaes, F::vpclmulqdq}))
    ops.push_back(&crypto::detail::kGcmVaes);
#endif
#if BARETLS_ARM64_CRYPTO
  const std::uint32_t armv8 = static_cast<std::uint32_t>(crypto::CpuFeature::arm_aes) |
                              static_cast<std::uint32_t>(crypto::CpuFeature::arm_pmull);
  if ((crypto::cpu_detected_features() & armv8) == armv8) ops.push_back(&crypto::detail::kGcmPmull);
#endif
  std::uint8_t reference_tag[16] = {};
  for (const auto* o : ops) {
    std::uint64_t table[crypto::AesGcm::kTableWords] = {};
    o->prepare(table, crypto::detail::load_be64(h), crypto::detail::load_be64(h + 8));
    Bytes out(msg.size());
    std::uint8_t tag[16];
    o->seal(crypto::detail::GcmRequest{aes, table, j0, aad.data(), aad.size(), msg.data(), out.data(), msg.size(), tag});
    CHECK_MESSAGE(out == expected, o->name);
    if (o == ops.front()) std::copy(tag, tag + 16, reference_tag);
    CHECK_MESSAGE(std::equal(tag, tag + 16, reference_tag), o->name);
    Bytes back(msg.size());
    std::uint8_t tag2[16];
    o->open(crypto::detail::GcmRequest{aes, table, j0, aad.data(), aad.size(), out.data(), back.data(), out.size(), tag2});
    CHECK_MESSAGE(back == msg, o->name);
    CHECK_MESSAGE(std::equal(tag2, tag2 + 16, reference_tag), o->name);
  }
  MESSAGE("counter wrap checked on " << ops.size() << " paths");
  CHECK(ops.size() >= 1);
}

TEST_CASE("AES-GCM argument checks") {
  crypto::AesGcm g;
  std::uint8_t tag[16] = {};
  Bytes out(4);
  const Bytes nonce(12), in(4);
  CHECK(g.seal(nonce, {}, in, out, tag) == Error::invalid_argument);
  CHECK(g.init(Bytes(20)) == Error::bad_length);
  REQUIRE(g.init(Bytes(16)) == Error::ok);
  CHECK(g.seal({}, {}, in, out, tag) == Error::bad_length);
  Bytes short_out(3);
  CHECK(g.seal(nonce, {}, in, short_out, tag) == Error::bad_length);
  out.assign(4, 0x77);
  CHECK(g.open(nonce, {}, in, out, tag) == Error::auth_failed);
  CHECK(out == Bytes(4, 0));
}

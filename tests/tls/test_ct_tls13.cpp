// SPDX-License-Identifier: MIT
// Constant-time check (ctgrind style) for the TLS 1.3 secrets: the PSK, the
// (EC)DHE secret, traffic secrets and record plaintexts are marked undefined
// for Valgrind memcheck while the key schedule (RFC 8446 §7.1-7.5), the
// Finished and binder checks (§4.4.4, §4.2.11.2), record sealing (§5.2) and
// the TLSInnerPlaintext scan (§5.4) run. The public decisions - "the MAC
// matched" and "a content type was found" - are the values unpoisoned here
// or suppressed by test_ct_tls13.supp for the function's own body (the scan
// before it stays checked). Paths: portable and the non-AVX-512 code.
#include <doctest/doctest.h>

#include <algorithm>

#include "tests/crypto/ct_poison.h"
#include "tests/support/hex.h"
#include "tls/key_schedule13.h"
#include "tls/record13.h"

using namespace baretls;
using namespace baretls::tls;
using namespace baretls::test;

namespace {

Bytes bytes(std::span<const std::uint8_t> s) { return Bytes(s.begin(), s.end()); }

// Every secret of one schedule, as bytes (the traffic keys included).
std::vector<Bytes> run_schedule(crypto::HashId hash, const Bytes& psk, const Bytes& ecdhe) {
  const auto th = TranscriptHash::of(hash, from_ascii("transcript"));
  const auto early = EarlySecret::with_psk(hash, psk);
  const auto hs = early.handshake_secret(ecdhe);
  const auto ms = hs.master_secret();
  const auto c_ap = ms.client_application_traffic_secret_0(th);
  const auto keys = derive_traffic_keys13(hs.server_handshake_traffic_secret(th), crypto::AeadAlgorithm::aes_256_gcm);
  const auto psk2 = resumption_psk(ms.resumption_master_secret(th), Bytes{0, 1});
  Bytes exported(32);
  REQUIRE(tls13_exporter(ms.exporter_master_secret(th), "EXPORTER-ct", Bytes{1}, exported) == Error::ok);
  return {bytes(early.secret().expose()),
          bytes(early.binder_key(PskKind::resumption).expose()),
          bytes(hs.client_handshake_traffic_secret(th).expose()),
          bytes(c_ap.expose()),
          bytes(next_application_traffic_secret(c_ap).expose()),
          bytes(keys.key.expose()),
          bytes(keys.iv.expose()),
          bytes(psk2->expose()),
          exported};
}

}  // namespace

TEST_CASE("TLS 1.3 key schedule does not branch or index on the PSK or the (EC)DHE secret") {
  std::size_t runs = 0;
  for (const auto& path : ct_paths()) {
    ScopedCpuMask mask(path.mask);
    for (const auto hash : {crypto::HashId::sha256, crypto::HashId::sha384}) {
      Bytes psk(crypto::digest_size(hash), 0x3a), ecdhe(32, 0x5c);
      const auto reference = run_schedule(hash, psk, ecdhe);
      CT_POISON(psk.data(), psk.size());
      CT_POISON(ecdhe.data(), ecdhe.size());
      auto secrets = run_schedule(hash, psk, ecdhe);
      for (auto& s : secrets) CT_UNPOISON(s.data(), s.size());
      CT_UNPOISON(psk.data(), psk.size());
      CT_UNPOISON(ecdhe.data(), ecdhe.size());
      CHECK(secrets == reference);
      ++runs;
    }
  }
  CHECK(runs >= 2);
}

TEST_CASE("TLS 1.3 Finished and binder checks do not branch on the key or the MAC") {
  std::size_t runs = 0;
  for (const auto& path : ct_paths()) {
    ScopedCpuMask mask(path.mask);
    for (const auto hash : {crypto::HashId::sha256, crypto::HashId::sha384}) {
      const auto th = TranscriptHash::of(hash, from_ascii("ClientHello...CertificateVerify"));
      auto base = EarlySecret::with_psk(hash, Bytes(7, 1)).secret();
      const Bytes good = bytes(compute_verify_data13(base, th).view());
      Bytes bad = good;
      bad.back() ^= 0x80;
      CT_POISON(base.expose().data(), base.size());
      Error ok = check_finished13(base, th, good);
      Error mismatch = check_finished13(base, th, bad);
      Error binder_ok = check_binder13(base, th, good);
      CT_UNPOISON(&ok, sizeof ok);  // the outcome is public by design
      CT_UNPOISON(&mismatch, sizeof mismatch);
      CT_UNPOISON(&binder_ok, sizeof binder_ok);
      CT_UNPOISON(base.expose().data(), base.size());
      CHECK(ok == Error::ok);
      CHECK(mismatch == Error::bad_finished);
      CHECK(binder_ok == Error::ok);
      ++runs;
    }
  }
  CHECK(runs >= 2);
}

TEST_CASE("TLS 1.3 records: sealing and the padding scan do not branch on the plaintext or the key") {
  std::size_t runs = 0;
  for (const auto& path : ct_paths()) {
    ScopedCpuMask mask(path.mask);
    for (const std::size_t padding : {std::size_t{0}, std::size_t{40}}) {
      Bytes key(16, 0x11), iv(12, 0x22), content(100, 0x33);
      content[10] = 0;  // zeros inside the content are content
      Bytes record(5 + content.size() + 1 + padding + 16);
      CT_POISON(key.data(), key.size());
      CT_POISON(content.data(), content.size());
      crypto::Aead aead;
      crypto::Error init = aead.init(crypto::AeadAlgorithm::aes_128_gcm, key);
      auto sealed = seal_record13(aead, std::span<const std::uint8_t, 12>(iv.data(), 12), 5,
                                  ContentType::application_data, content, padding, record);
      CT_UNPOISON(&init, sizeof init);
      CT_UNPOISON(record.data(), record.size());  // ciphertext is public
      REQUIRE(init == crypto::Error::ok);
      REQUIRE(sealed.ok());
      // The inner plaintext as a receiver holds it after decryption: secret.
      Bytes inner = content;
      inner.push_back(static_cast<std::uint8_t>(ContentType::handshake));
      inner.resize(inner.size() + padding, 0);
      CT_POISON(inner.data(), inner.size());
      auto decoded = decode_inner_plaintext(inner);
      CT_UNPOISON(&decoded, sizeof decoded);  // type and length are public once decoded
      CT_UNPOISON(content.data(), content.size());
      CT_UNPOISON(key.data(), key.size());
      REQUIRE(decoded.ok());
      CHECK(decoded->type == ContentType::handshake);
      CHECK(decoded->content_size == content.size());
      ++runs;
    }
  }
  CHECK(runs >= 2);
}

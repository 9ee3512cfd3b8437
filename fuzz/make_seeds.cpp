// SPDX-License-Identifier: MIT
// Writes the seed corpora of the fuzz targets into <dir>/<target>/ (run by
// hand: build/fuzz/fuzz/fuzz_make_seeds fuzz/corpus; the results are
// committed, nothing needs this tool to replay them). The TLS seeds are real
// transcripts of our own client and server, made with the same fixed
// randomness and configurations as the targets, so they replay exactly; the
// record seeds are records really sealed under the targets' keys.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "baretls/tls/pump.h"
#include "baretls/x509/pem.h"
#include "fuzz/fuzz_record_keys.h"
#include "fuzz/fuzz_support.h"
#include "fuzz/fuzz_tls_established.h"
#include "tls/record.h"

namespace {

using namespace baretls;
using fuzz::Bytes;
namespace fs = std::filesystem;

fs::path g_root;
std::size_t g_written = 0;

void write_seed(const std::string& target, const std::string& name, std::span<const std::uint8_t> bytes) {
  const fs::path dir = g_root / target;
  fs::create_directories(dir);
  std::ofstream f(dir / name, std::ios::binary);
  f.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!f) fuzz::die("cannot write " + (dir / name).string());
  ++g_written;
}

void write_text_seed(const std::string& target, const std::string& name, const std::string& text) {
  write_seed(target, name, std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

std::string stem(const std::string& file) { return fs::path(file).stem().string(); }

const std::vector<std::string> kX509Leaves = {
    "leaf-rsa", "leaf-ec", "leaf-ec384-sha512", "leaf-pss", "leaf-pss384", "leaf-ip", "leaf-wildcard",
    "leaf-nc-ok", "leaf-nc-excluded", "leaf-expired", "leaf-client", "leaf-under-pl0", "leaf-under-sub",
    "leaf-unknown-critical", "leaf-loop", "leaf-badsig", "leaf-sha1", "leaf-direct", "leaf-cn-only"};
const std::vector<std::string> kTlsLeaves = {"p256", "p384", "rsa2048", "untrusted-p256"};

void der_and_verify_seeds() {
  const auto intermediates = fuzz::fixture_certificates("x509/intermediates.pem");
  for (const auto& leaf : kX509Leaves) {
    const auto certs = fuzz::fixture_certificates("x509/" + leaf + ".pem");
    write_seed("der", leaf, certs[0]);
    Bytes chain{0x01};  // www.example.com, 2026, purpose server
    for (const auto& c : certs) fuzz::append_piece(chain, c);
    for (const auto& c : intermediates) fuzz::append_piece(chain, c);
    write_seed("x509_verify", leaf, chain);
  }
  for (const auto& f : {"int-ec", "int-rsa", "int-nc", "root-rsa", "root-ec", "int-rsa-cross", "loop-a"}) {
    write_seed("der", f, fuzz::fixture_certificates(std::string("x509/") + f + ".pem")[0]);
  }
  for (const auto& leaf : kTlsLeaves) {
    const auto certs = fuzz::fixture_certificates("tls/" + leaf + ".pem");
    write_seed("der", "tls-" + leaf, certs[0]);
    Bytes chain{0x06};  // localhost, 2030, purpose server
    for (const auto& c : certs) fuzz::append_piece(chain, c);
    write_seed("x509_verify", "tls-" + leaf, chain);
  }
  for (const auto& f : {"p256-spki.der", "p384-spki.der", "rsa-spki.der", "rsa-pkcs8.der"}) {
    const std::string s = fuzz::read_fixture(std::string("x509/keys/") + f);
    write_seed("der", stem(f), std::span(reinterpret_cast<const std::uint8_t*>(s.data()), s.size()));
  }
}

void pem_key_seeds() {
  for (const auto& f : {"p256-pkcs8.pem", "p256-sec1.pem", "p384-pkcs8.pem", "p384-sec1.pem", "p521-pkcs8.pem",
                        "rsa-pkcs1.pem", "rsa-pkcs8.pem", "rsa-pkcs1-encrypted.pem", "ed25519-pkcs8.pem",
                        "int-ec.key.pem"}) {
    write_text_seed("pem_key", stem(f), fuzz::read_fixture(std::string("x509/keys/") + f));
  }
  for (const auto& f : {"rsa-pkcs8.der", "p256-spki.der"}) {
    const std::string s = fuzz::read_fixture(std::string("x509/keys/") + f);
    write_text_seed("pem_key", stem(f) + "-raw", s);
  }
  write_text_seed("pem_key", "tls-p256-key", fuzz::read_fixture("tls/p256.key"));
  write_text_seed("pem_key", "cert-and-key", fuzz::read_fixture("tls/p384.pem") + fuzz::read_fixture("tls/p384.key"));
  // The DER inside the PEM, for the from_der path.
  for (const auto& f : {"p256-sec1.pem", "rsa-pkcs1.pem", "p384-pkcs8.pem"}) {
    auto blocks = x509::pem_decode_blocks(fuzz::read_fixture(std::string("x509/keys/") + f));
    if (!blocks || blocks->empty()) fuzz::die(f);
    write_seed("pem_key", stem(f) + "-der", (*blocks)[0].data);
  }
}

// Appends every record a side seals, as on the wire (the Inspector's
// record_sent events), to the Bytes at ctx.
void record_sent(void* ctx, const tls::InspectEvent& e) {
  if (e.kind != tls::InspectKind::record_sent) return;
  auto* wire = static_cast<Bytes*>(ctx);
  wire->insert(wire->end(), e.bytes.begin(), e.bytes.end());
}

// Runs a handshake, recording every byte each side sends, then application
// data and close_notify from both. Fails unless both sides established.
struct Transcript {
  Bytes client_to_server, server_to_client;
};

Transcript record_handshake(const std::shared_ptr<const tls::ClientConfig>& cc,
                            const std::shared_ptr<const tls::ServerConfig>& sc, const std::string& what) {
  Transcript t;
  auto client_cfg = std::make_shared<tls::ClientConfig>(*cc);
  auto server_cfg = std::make_shared<tls::ServerConfig>(*sc);
  client_cfg->inspector = {&record_sent, &t.client_to_server};
  server_cfg->inspector = {&record_sent, &t.server_to_client};
  auto client = tls::Connection::client(client_cfg, fuzz::kServerName);
  auto server = tls::Connection::server(server_cfg);
  if (!client || !server) fuzz::die(what + ": connections do not start");
  (void)tls::pump(*client, *server);
  if (!client->is_established() || !server->is_established())
    fuzz::die(what + ": handshake failed: client " + std::string(tls::to_string(client->error())) + ", server " +
              std::string(tls::to_string(server->error())));
  static constexpr std::uint8_t kPing[] = {'p', 'i', 'n', 'g'};
  if (!client->write(kPing) || !server->write(kPing)) fuzz::die(what + ": write");
  if (client->close() != tls::Error::ok || server->close() != tls::Error::ok) fuzz::die(what + ": close");
  (void)tls::pump(*client, *server);
  return t;
}

struct Variant {
  tls::CipherSuite suite;
  tls::NamedGroup group;
  const char* name;
};

const std::vector<Variant> kVariants = {
    {tls::CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256, tls::NamedGroup::x25519, "ecdsa-aes128-x25519"},
    {tls::CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256, tls::NamedGroup::secp256r1, "ecdsa-aes128-p256"},
    {tls::CipherSuite::ecdhe_ecdsa_with_aes_256_gcm_sha384, tls::NamedGroup::secp384r1, "ecdsa-aes256-p384"},
    {tls::CipherSuite::ecdhe_ecdsa_with_chacha20_poly1305_sha256, tls::NamedGroup::x25519, "ecdsa-chacha-x25519"},
    {tls::CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256, tls::NamedGroup::x25519, "rsa-aes128-x25519"},
    {tls::CipherSuite::ecdhe_rsa_with_aes_256_gcm_sha384, tls::NamedGroup::secp256r1, "rsa-aes256-p256"},
    {tls::CipherSuite::ecdhe_rsa_with_chacha20_poly1305_sha256, tls::NamedGroup::secp384r1, "rsa-chacha-p384"},
    {tls::CipherSuite::rsa_with_aes_128_gcm_sha256, tls::NamedGroup::x25519, "rsakx-aes128"},
    {tls::CipherSuite::rsa_with_aes_256_gcm_sha384, tls::NamedGroup::x25519, "rsakx-aes256"},
};

void tls_engine_seeds() {
  for (const auto& v : kVariants) {
    // Client target: its own fixed configuration (seed 1, every suite); the
    // server varies. Server target: its own configuration (seed 2); the
    // client varies.
    {
      fuzz::CounterRng crng{1}, srng{100};
      auto cc = fuzz::make_client_config(crng);
      auto sc = fuzz::make_server_config(srng);
      sc->cipher_suites = {v.suite};
      sc->groups = {v.group};
      const auto t = record_handshake(cc, sc, v.name);
      write_seed("tls_client", v.name, t.server_to_client);
    }
    {
      fuzz::CounterRng crng{200}, srng{2};
      auto cc = fuzz::make_client_config(crng);
      cc->cipher_suites = {v.suite};
      // An ECDSA chain needs its curve among the client's groups too.
      cc->groups = {v.group};
      if (v.group == tls::NamedGroup::x25519) cc->groups.push_back(tls::NamedGroup::secp256r1);
      auto sc = fuzz::make_server_config(srng);
      const auto t = record_handshake(cc, sc, v.name);
      write_seed("tls_server", v.name, t.client_to_server);
    }
  }
}

void record_seeds() {
  const std::vector<std::pair<tls::ContentType, Bytes>> sequences[] = {
      {{tls::ContentType::application_data, Bytes{'h', 'e', 'l', 'l', 'o'}}},
      {{tls::ContentType::handshake, Bytes(40, 0x14)},
       {tls::ContentType::alert, Bytes{1, 0}},
       {tls::ContentType::application_data, Bytes{}},
       {tls::ContentType::application_data, Bytes(300, 0x61)}},
      {{tls::ContentType::application_data, Bytes(tls::kMaxPlaintext, 0x5a)}},
      {{tls::ContentType::change_cipher_spec, Bytes{1}}, {tls::ContentType::application_data, Bytes(17, 3)}},
  };
  for (std::uint8_t opt = 0; opt < 8; ++opt) {
    for (std::size_t s = 0; s < std::size(sequences); ++s) {
      if ((opt & 4u) != 0 && s >= 2) continue;  // the stricter policy on the small ones only
      tls::RecordLayer writer;
      if ((opt & 3u) != 3u) {
        const auto aead = fuzz::kRecordAeads[opt & 3u];
        if (writer.enable_write(aead, fuzz::fixed_record_keys(aead)) != tls::Error::ok) fuzz::die("enable_write");
      }
      Bytes out{opt};
      std::vector<std::uint8_t> recs;
      for (const auto& [type, body] : sequences[s]) {
        if (writer.seal(type, body, recs) != tls::Error::ok) fuzz::die("seal");
      }
      out.insert(out.end(), recs.begin(), recs.end());
      write_seed("tls_record", "opt" + std::to_string(opt) + "-seq" + std::to_string(s), out);
    }
  }
}

void established_seeds() {
  static constexpr std::uint8_t kData[] = {'a', 'p', 'p', 'l', 'i', 'c', 'a', 't', 'i', 'o', 'n'};
  for (std::uint8_t opt = 0; opt < 6; ++opt) {
    auto pair = fuzz::established_pair(opt);
    auto& sender = (opt & 1u) != 0 ? pair.client : pair.server;
    Bytes seed{opt};
    auto take = [&] {
      const auto o = sender.outgoing();
      seed.insert(seed.end(), o.begin(), o.end());
      sender.consume_outgoing(o.size());
    };
    take();
    if (!sender.write(kData)) fuzz::die("established write");
    take();
    const Bytes big(5000, 0x42);
    if (!sender.write(big)) fuzz::die("established write");
    take();
    if (sender.close() != tls::Error::ok) fuzz::die("established close");
    take();
    write_seed("tls_established", "opt" + std::to_string(opt), seed);
  }
}

void aead_seeds() {
  for (std::uint8_t alg = 0; alg < 3; ++alg) {
    for (std::size_t len : {0u, 1u, 16u, 63u, 64u, 255u, 513u}) {
      Bytes in{alg, static_cast<std::uint8_t>(len * 7), static_cast<std::uint8_t>(len % 21)};
      for (std::size_t i = 0; i < 32 + 12; ++i) in.push_back(static_cast<std::uint8_t>(i * 13 + alg));
      for (std::size_t i = 0; i < len % 21 + len; ++i) in.push_back(static_cast<std::uint8_t>(i ^ 0x5c));
      write_seed("aead_diff", "alg" + std::to_string(alg) + "-len" + std::to_string(len), in);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s CORPUS-DIR (fuzz/corpus)\n", argv[0]);
    return 2;
  }
  g_root = argv[1];
  der_and_verify_seeds();
  pem_key_seeds();
  tls_engine_seeds();
  record_seeds();
  established_seeds();
  aead_seeds();
  std::printf("wrote %zu seeds under %s\n", g_written, argv[1]);
  return 0;
}

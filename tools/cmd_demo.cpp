// SPDX-License-Identifier: MIT
// `baretls demo`: narrates the TLS 1.2 handshake with real values.
//
// This build has the hashes, HMAC and the PRF, so the demo walks through the
// key schedule of RFC 5246 §8.1 / RFC 7627 §4 and §6.3 and the Finished
// computation of §7.4.9 with fresh random values. The handshake messages
// themselves join the narration when the TLS engine lands.
#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>

#include "baretls/crypto/hash.h"
#include "baretls/crypto/random.h"
#include "baretls/crypto/secret.h"
#include "baretls/crypto/tls_prf.h"
#include "tools/commands.h"

namespace baretls::cli {
namespace {

struct Style {
  bool color = false;
  bool full = false;
  const char* head() const { return color ? "\033[1;36m" : ""; }
  const char* dim() const { return color ? "\033[2m" : ""; }
  const char* reset() const { return color ? "\033[0m" : ""; }
};

std::string hex(std::span<const std::uint8_t> b, bool full) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s;
  const bool shorten = !full && b.size() > 16;
  const std::size_t n = shorten ? 8 : b.size();
  for (std::size_t i = 0; i < n; ++i) {
    s += kDigits[b[i] >> 4];
    s += kDigits[b[i] & 15];
  }
  if (shorten) {
    s += "...";
    for (std::size_t i = b.size() - 4; i < b.size(); ++i) {
      s += kDigits[b[i] >> 4];
      s += kDigits[b[i] & 15];
    }
    s += " (" + std::to_string(b.size()) + " bytes)";
  }
  return s;
}

void step(const Style& st, int n, const char* title) {
  std::printf("\n%s[%d] %s%s\n", st.head(), n, title, st.reset());
}

void value(const Style& st, const char* name, std::span<const std::uint8_t> b) {
  std::printf("    %-22s %s\n", name, hex(b, st.full).c_str());
}

int usage(std::FILE* out, int status) {
  std::fprintf(out,
               "usage: baretls demo [--kex ecdhe|rsa] [--mutual] [--resume] [--full]\n"
               "Narrates a TLS 1.2 handshake step by step with real values.\n"
               "  --full   print every value in full (long values are shortened by default)\n");
  return status;
}

}  // namespace

int cmd_demo(int argc, char** argv) {
  Style st;
  st.color = isatty(STDOUT_FILENO) != 0;
  std::string kex = "ecdhe";
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--full") == 0) {
      st.full = true;
    } else if (std::strcmp(argv[i], "--kex") == 0 && i + 1 < argc) {
      kex = argv[++i];
      if (kex != "ecdhe" && kex != "rsa") return usage(stderr, 2);
    } else if (std::strcmp(argv[i], "--mutual") == 0 || std::strcmp(argv[i], "--resume") == 0) {
      std::fprintf(stderr, "baretls demo: %s needs the TLS engine, not built yet\n", argv[i]);
      return 2;
    } else if (std::strcmp(argv[i], "-h") == 0 || std::strcmp(argv[i], "--help") == 0) {
      return usage(stdout, 0);
    } else {
      return usage(stderr, 2);
    }
  }
  const auto rng = crypto::system_random();
  std::printf("baretls demo: the TLS 1.2 key schedule of TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n");
  std::printf("%s(this build has SHA-2, HMAC and the TLS PRF; the handshake messages are\n"
              " narrated once the TLS engine is built, so values a real peer would send are\n"
              " drawn at random here)%s\n",
              st.dim(), st.reset());

  step(st, 1, "ClientHello.random and ServerHello.random (RFC 5246 §7.4.1.2)");
  std::uint8_t client_random[32], server_random[32];
  if (rng(client_random) != crypto::Error::ok || rng(server_random) != crypto::Error::ok) {
    std::fprintf(stderr, "baretls demo: the operating system random source failed\n");
    return 1;
  }
  std::printf("    Each side sends 32 random bytes in its hello; both feed every key.\n");
  value(st, "client_random", client_random);
  value(st, "server_random", server_random);

  step(st, 2, "The pre-master secret");
  crypto::Secret<48> pre_master;
  std::size_t pms_len = 48;
  if (kex == "rsa") {
    // RFC 5246 §7.4.7.1: client_version (0x0303) + 46 random bytes.
    pre_master.expose()[0] = 3;
    pre_master.expose()[1] = 3;
    if (rng(pre_master.expose().subspan(2)) != crypto::Error::ok) return 1;
    std::printf("    RSA key transport: the client picks 48 bytes (version 03 03 + 46 random)\n"
                "    and encrypts them under the server's RSA key.\n");
  } else {
    pms_len = 32;
    if (rng(pre_master.expose().first(32)) != crypto::Error::ok) return 1;
    std::printf("    ECDHE: the shared x-coordinate of the two ephemeral keys (X25519: 32 bytes).\n"
                "    %s(drawn at random in this build: X25519 is not built yet)%s\n",
                st.dim(), st.reset());
  }
  value(st, "pre_master_secret", pre_master.expose().first(pms_len));

  step(st, 3, "session_hash: the transcript so far (RFC 7627 §3)");
  // The transcript would hold ClientHello .. ClientKeyExchange; here it holds
  // the two randoms, the only handshake bytes this build produces.
  crypto::Sha256 transcript;
  transcript.update(client_random);
  transcript.update(server_random);
  const auto session_hash = crypto::Sha256(transcript).final();
  std::printf("    SHA-256 over every handshake message up to ClientKeyExchange.\n");
  value(st, "session_hash", session_hash);

  step(st, 4, "master_secret with the extended master secret (RFC 7627 §4)");
  std::printf("    master_secret = PRF(pre_master_secret, \"extended master secret\",\n"
              "                        session_hash)[0..47]\n");
  crypto::Secret<48> master;
  crypto::tls12_prf(crypto::HashId::sha256, pre_master.expose().first(pms_len), "extended master secret",
                    session_hash, master.expose());
  value(st, "master_secret", master.expose());

  step(st, 5, "The key block (RFC 5246 §6.3)");
  std::printf("    key_block = PRF(master_secret, \"key expansion\", server_random + client_random)\n"
              "    AES-128-GCM needs 2 x 16-byte keys and 2 x 4-byte implicit IVs (RFC 5288 §3).\n");
  crypto::Secret<40> key_block;
  crypto::tls12_prf(crypto::HashId::sha256, master.expose(), "key expansion", server_random, client_random,
                    key_block.expose());
  const auto kb = key_block.expose();
  value(st, "client_write_key", kb.subspan(0, 16));
  value(st, "server_write_key", kb.subspan(16, 16));
  value(st, "client_write_IV", kb.subspan(32, 4));
  value(st, "server_write_IV", kb.subspan(36, 4));

  step(st, 6, "Finished verify_data (RFC 5246 §7.4.9)");
  std::printf("    verify_data = PRF(master_secret, finished_label, Hash(handshake_messages))[0..11]\n");
  const auto client_hash = crypto::Sha256(transcript).final();
  std::uint8_t client_verify[12], server_verify[12];
  crypto::tls12_prf(crypto::HashId::sha256, master.expose(), "client finished", client_hash, client_verify);
  value(st, "client verify_data", client_verify);
  transcript.update(client_verify);  // the client's Finished joins the transcript
  const auto server_hash = transcript.final();
  crypto::tls12_prf(crypto::HashId::sha256, master.expose(), "server finished", server_hash, server_verify);
  value(st, "server verify_data", server_verify);
  std::printf("\nEach side computes both values and compares the peer's in constant time;\n"
              "a match proves both derived the same master secret from the same transcript.\n");
  return 0;
}

}  // namespace baretls::cli

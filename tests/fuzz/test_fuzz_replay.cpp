// SPDX-License-Identifier: MIT
// Replays every committed seed (fuzz/corpus/<target>/) and crash regression
// (fuzz/regressions/<target>/) through the fuzz targets' entry points,
// compiled without libFuzzer (tests/fuzz/fuzz.cmake), so the inputs that
// once crashed stay fixed under the normal and asan builds. The TLS seeds
// are real transcripts: each must still complete its handshake, or the
// fuzzers would stop reaching the encrypted path (regenerate them with
// fuzz/make_seeds.cpp when the engine's messages change).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz/fuzz_support.h"

extern "C" int baretls_fuzz_der(const std::uint8_t*, std::size_t);
extern "C" int baretls_fuzz_x509_verify(const std::uint8_t*, std::size_t);
extern "C" int baretls_fuzz_pem_key(const std::uint8_t*, std::size_t);
extern "C" int baretls_fuzz_tls_client(const std::uint8_t*, std::size_t);
extern "C" int baretls_fuzz_tls_server(const std::uint8_t*, std::size_t);
extern "C" int baretls_fuzz_tls_record(const std::uint8_t*, std::size_t);
extern "C" int baretls_fuzz_tls_established(const std::uint8_t*, std::size_t);
extern "C" int baretls_fuzz_aead_diff(const std::uint8_t*, std::size_t);

namespace {

namespace fs = std::filesystem;
using Entry = int (*)(const std::uint8_t*, std::size_t);

std::vector<fs::path> inputs_of(const std::string& kind, const std::string& target) {
  std::vector<fs::path> files;
  const fs::path dir = fs::path(BARETLS_SOURCE_DIR) / "fuzz" / kind / target;
  if (!fs::is_directory(dir)) return files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::uint8_t> read_all(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  REQUIRE_MESSAGE(f.good(), "cannot open " << p.string());
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

struct Counts {
  std::size_t seeds = 0;
  std::size_t regressions = 0;
};

Counts replay(const std::string& target, Entry entry) {
  Counts c;
  for (const auto& kind : {"corpus", "regressions"}) {
    for (const auto& p : inputs_of(kind, target)) {
      const auto bytes = read_all(p);
      INFO("input " << p.string());
      CHECK(entry(bytes.data(), bytes.size()) == 0);
      ++(std::string(kind) == "corpus" ? c.seeds : c.regressions);
    }
  }
  MESSAGE(target << ": replayed " << c.seeds << " seeds and " << c.regressions << " regressions");
  return c;
}

// Seeds committed per target (fuzz/make_seeds.cpp writes exactly these).
constexpr std::size_t kDerSeeds = 34;
constexpr std::size_t kVerifySeeds = 23;
constexpr std::size_t kPemKeySeeds = 17;
constexpr std::size_t kTlsSeeds = 9;
constexpr std::size_t kRecordSeeds = 24;
constexpr std::size_t kEstablishedSeeds = 6;
constexpr std::size_t kAeadSeeds = 21;

}  // namespace

TEST_CASE("fuzz replay: der") { CHECK(replay("der", baretls_fuzz_der).seeds == kDerSeeds); }
TEST_CASE("fuzz replay: x509_verify") { CHECK(replay("x509_verify", baretls_fuzz_x509_verify).seeds == kVerifySeeds); }
TEST_CASE("fuzz replay: pem_key") { CHECK(replay("pem_key", baretls_fuzz_pem_key).seeds == kPemKeySeeds); }
TEST_CASE("fuzz replay: tls_record") { CHECK(replay("tls_record", baretls_fuzz_tls_record).seeds == kRecordSeeds); }
TEST_CASE("fuzz replay: aead_diff") { CHECK(replay("aead_diff", baretls_fuzz_aead_diff).seeds == kAeadSeeds); }

TEST_CASE("fuzz replay: TLS engine targets, every seed completes its handshake") {
  struct Target {
    const char* name;
    Entry entry;
    std::size_t seeds;
  };
  const Target targets[] = {{"tls_client", baretls_fuzz_tls_client, kTlsSeeds},
                            {"tls_server", baretls_fuzz_tls_server, kTlsSeeds},
                            {"tls_established", baretls_fuzz_tls_established, kEstablishedSeeds}};
  for (const auto& t : targets) {
    const std::size_t before = baretls::fuzz::drive_established_count();
    const Counts c = replay(t.name, t.entry);
    CHECK(c.seeds == t.seeds);
    const std::size_t established = baretls::fuzz::drive_established_count() - before;
    const std::string hint = std::string(t.name) + ": regenerate the seeds with fuzz/make_seeds.cpp if the handshake changed";
    INFO(hint);
    CHECK(established >= c.seeds);
  }
}

// SPDX-License-Identifier: MIT
// The benchmark harness (bench/harness.h, runner.h, frontend.h): a failed
// operation aborts the run with the case's name and a non-zero exit status;
// BARETLS_CPU=portable / set_cpu_features_mask(0) restricts every case and
// path; the `openssl speed` aliases; and every real baretls case passes its
// own result checks on every path (no false alarm).
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "baretls/crypto/cpu.h"
#include "bench/frontend.h"
#include "bench/harness.h"
#include "bench/runner.h"

using namespace baretls;
using namespace baretls::bench;

namespace {

// Restores the CPU mask a test changes.
struct MaskGuard {
  std::uint32_t saved = crypto::cpu_features_mask();
  ~MaskGuard() { crypto::set_cpu_features_mask(saved); }
};

// A case whose run() fails from its `fail_from`-th call on (counting from 1).
Case fake(const std::string& name, std::shared_ptr<int> calls, int fail_from) {
  return Case{name, "verify", "baretls", "injected", 0, Unit::operations_per_second, ~0u,
              [calls, fail_from](std::size_t n) {
                volatile std::size_t sink = 0;
                for (std::size_t i = 0; i < n * 100; ++i) sink = sink + i;
                return ++*calls < fail_from;
              }};
}

constexpr int kNever = 1 << 30;

// Registered in this test program only: a family whose operation fails.
BARETLS_BENCH_REGISTER("test-injected-failure", "baretls", [](std::vector<Case>& out) {
  out.push_back(fake("injected", std::make_shared<int>(0), 5));
});

int run_command(std::vector<std::string> args) {
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  const Frontend speed{"baretls speed", {"baretls"}, false, false};
  return run_frontend(speed, static_cast<int>(argv.size()), argv.data());
}

}  // namespace

TEST_SUITE("bench_harness") {
  TEST_CASE("a failed operation aborts the run and names the case") {
    for (const int fail_from : {1, 2, 7}) {  // at warm-up, at calibration, later
      CAPTURE(fail_from);
      auto good = std::make_shared<int>(0);
      auto bad = std::make_shared<int>(0);
      const std::vector<Case> cases{fake("good", good, kNever), fake("bad", bad, fail_from)};
      const RunOutcome out = run_cases(cases, RunOptions{0.003, 3});
      CHECK(out.results.empty());
      CHECK(out.failure.find("bad verify (baretls, injected): an operation failed") == 0);
      CHECK(*bad == fail_from);  // stopped at the first failed batch
    }
  }

  TEST_CASE("a failure makes the command exit non-zero; usage errors exit 2") {
    CHECK(run_command({"speed", "--seconds", "0.003", "test-injected-failure"}) == 1);
    CHECK(run_command({"speed", "no-such-algorithm"}) == 2);
    CHECK(run_command({"speed", "--rounds", "0"}) == 2);
    CHECK(run_command({"speed", "--seconds"}) == 2);
    CHECK(run_command({"speed", "--from-json", "x"}) == 2);  // baretls-compare's option only
  }

  TEST_CASE("every round is kept: the median between min and max") {
    auto calls = std::make_shared<int>(0);
    const RunOutcome three = run_cases({fake("ok", calls, kNever)}, RunOptions{0.006, 3});
    REQUIRE(three.failure.empty());
    REQUIRE(three.results.size() == 1);
    const Measurement& m = three.results[0];
    CHECK(m.min > 0);
    CHECK(m.min <= m.median);
    CHECK(m.median <= m.max);
    const RunOutcome one = run_cases({fake("ok", calls, kNever)}, RunOptions{0.002, 1});
    REQUIRE(one.results.size() == 1);
    CHECK(one.results[0].min == one.results[0].median);
    CHECK(one.results[0].max == one.results[0].median);
  }

  TEST_CASE("a baretls case runs under its own mask within the mask in force") {
    const MaskGuard guard;
    const auto observe = [](const char* library, std::uint32_t mask, std::shared_ptr<std::set<std::uint32_t>> seen) {
      return Case{"observe", "op", library, "p", 0, Unit::operations_per_second, mask, [seen](std::size_t) {
                    seen->insert(crypto::cpu_features_mask());
                    return true;
                  }};
    };
    for (const std::uint32_t ceiling : {0u, crypto::kAllCpuFeatures}) {
      CAPTURE(ceiling);
      crypto::set_cpu_features_mask(ceiling);
      auto all = std::make_shared<std::set<std::uint32_t>>();
      auto some = std::make_shared<std::set<std::uint32_t>>();
      auto peer = std::make_shared<std::set<std::uint32_t>>();
      const RunOutcome out = run_cases({observe("baretls", ~0u, all), observe("baretls", 5, some),
                                        observe("openssl", 0, peer)},
                                       RunOptions{0.001, 2});
      REQUIRE(out.failure.empty());
      CHECK(*all == std::set<std::uint32_t>{ceiling});
      CHECK(*some == std::set<std::uint32_t>{5u & ceiling});
      CHECK(*peer == std::set<std::uint32_t>{ceiling});  // peers leave the mask alone
      CHECK(crypto::cpu_features_mask() == ceiling);
    }
  }

  TEST_CASE("under the portable mask every case names the portable path") {
    const MaskGuard guard;
    crypto::set_cpu_features_mask(0);
    std::vector<std::string> unknown;
    const auto cases = build_cases({"sha256", "sha512", "aes-128-gcm", "chacha20-poly1305", "p256", "ecdsa-p384",
                                    "rsa2048", "x25519", "tls-handshake", "x509-verify"},
                                   {"baretls"}, unknown);
    CHECK(unknown.empty());
    REQUIRE(cases.size() > 30);
    for (const auto& c : cases) {
      CAPTURE(c.algorithm);
      CHECK(c.impl == "portable");
      CHECK((c.cpu_mask & crypto::cpu_features_mask()) == 0);
    }
    CHECK(crypto::cpu_features_mask() == 0);
  }

  TEST_CASE("with every feature allowed, the accelerated paths this CPU has are listed") {
    const MaskGuard guard;
    crypto::set_cpu_features_mask(crypto::kAllCpuFeatures);
    std::vector<std::string> unknown;
    const auto cases = build_cases({"aes-128-gcm"}, {"baretls"}, unknown);
    std::set<std::string> paths;
    for (const auto& c : cases) paths.insert(c.impl);
    CHECK(paths.count("portable") == 1);
    const auto aesni = static_cast<std::uint32_t>(crypto::CpuFeature::aesni) |
                       static_cast<std::uint32_t>(crypto::CpuFeature::pclmulqdq);
    if ((crypto::cpu_detected_features() & aesni) == aesni) CHECK(paths.size() > 1);
  }

  TEST_CASE("the openssl speed names select the families") {
    std::vector<std::string> unknown;
    const auto cases = build_cases({"ecdhp256", "ecdsap384", "hmac", "ecdhx25519", "nope"}, {"baretls"}, unknown);
    CHECK(unknown == std::vector<std::string>{"nope"});
    std::set<std::string> algorithms, operations;
    for (const auto& c : cases) {
      algorithms.insert(c.algorithm);
      operations.insert(c.algorithm + " " + c.operation);
    }
    CHECK(algorithms == std::set<std::string>{"ecdhp256", "ecdsap384", "hmac(sha256)", "ecdhx25519"});
    for (const char* op : {"ecdhp256 derive", "ecdhp256 keygen+derive", "ecdhx25519 derive",
                           "ecdhx25519 keygen+derive", "ecdsap384 sign", "ecdsap384 verify", "hmac(sha256) mac"})
      CHECK(operations.count(op) == 1);
    CHECK(resolve_family("p256") == "p256");
    CHECK(resolve_family("ecdsap256") == "ecdsa-p256");
  }

  TEST_CASE("every baretls case passes its own checks on every path, and portably") {
    const MaskGuard guard;
    std::vector<std::string> families;
    for (const auto& f : registry())
      if (f.library == "baretls" && f.name.rfind("test-", 0) != 0) families.push_back(f.name);
    for (const std::uint32_t ceiling : {crypto::kAllCpuFeatures, 0u}) {
      CAPTURE(ceiling);
      crypto::set_cpu_features_mask(ceiling);
      std::vector<std::string> unknown;
      const auto cases = build_cases(families, {"baretls"}, unknown);
      REQUIRE(cases.size() > 50);
      const RunOutcome out = run_cases(cases, RunOptions{1e-4, 1});
      CHECK_MESSAGE(out.failure.empty(), out.failure);
      CHECK(out.results.size() == cases.size());
      for (const auto& c : cases) CHECK_MESSAGE(c.impl != "setup-failed", case_name(c));
    }
  }
}

// SPDX-License-Identifier: MIT
// Shared checks for the SHA-2 suites: NIST SHAVS ShortMsg/LongMsg (every
// record) and Monte Carlo (SHAVS §6.4: 100 checkpoints of 1000 iterations),
// plus the split property (any split of the input gives the same digest).
#pragma once

#include <doctest/doctest.h>

#include <array>
#include <random>
#include <string>
#include <vector>

#include "tests/support/cpu_paths.h"
#include "tests/support/hex.h"
#include "tests/support/vector_file.h"

namespace baretls::test {

// Checks every record of a ShortMsg/LongMsg file; returns the count.
template <typename H>
std::size_t check_sha_msg_file(const std::string& relative) {
  const auto file = load_vector_file(vector_path(relative));
  std::size_t checked = 0;
  for (const auto& r : file.records) {
    const auto len_bits = r.number("Len");
    REQUIRE_MESSAGE(len_bits % 8 == 0, r.where());
    auto msg = r.bytes("Msg");
    msg.resize(len_bits / 8);  // Len = 0 comes with Msg = 00
    const auto expected = r.bytes("MD");
    const auto got = H::hash(msg);
    CHECK_MESSAGE(to_hex(got) == to_hex(expected), r.where());
    ++checked;
  }
  return checked;
}

// SHAVS Monte Carlo; returns the number of checkpoints checked.
template <typename H>
std::size_t check_sha_monte_file(const std::string& relative) {
  const auto file = load_vector_file(vector_path(relative));
  REQUIRE(!file.records.empty());
  REQUIRE(file.records.front().has("Seed"));
  auto seed = file.records.front().bytes("Seed");
  std::size_t checked = 0;
  for (std::size_t j = 1; j < file.records.size(); ++j) {
    const auto& r = file.records[j];
    REQUIRE(r.number("COUNT") == j - 1);
    std::array<Bytes, 3> md{seed, seed, seed};
    for (int i = 3; i < 1003; ++i) {
      H h;
      h.update(md[0]);
      h.update(md[1]);
      h.update(md[2]);
      const auto d = h.final();
      md[0] = md[1];
      md[1] = md[2];
      md[2] = Bytes(d.begin(), d.end());
    }
    seed = md[2];
    CHECK_MESSAGE(to_hex(seed) == r.get("MD"), r.where());
    ++checked;
  }
  return checked;
}

// Every split point of a message, and random multi-way splits.
template <typename H>
void check_sha_splits() {
  std::mt19937 rng(20261126);
  Bytes msg(700);
  for (auto& b : msg) b = static_cast<std::uint8_t>(rng());
  const auto whole = H::hash(msg);
  for (std::size_t cut = 0; cut <= msg.size(); ++cut) {
    H h;
    h.update(std::span<const std::uint8_t>(msg).first(cut));
    h.update(std::span<const std::uint8_t>(msg).subspan(cut));
    REQUIRE_MESSAGE(h.final() == whole, "split at " << cut);
  }
  for (int trial = 0; trial < 200; ++trial) {
    H h;
    std::size_t pos = 0;
    while (pos < msg.size()) {
      const std::size_t n = std::min<std::size_t>(msg.size() - pos, rng() % 150);
      h.update(std::span<const std::uint8_t>(msg).subspan(pos, n));
      pos += n;
    }
    REQUIRE(h.final() == whole);
  }
  // A context is reusable after final().
  H h;
  h.update(msg);
  (void)h.final();
  h.update(msg);
  CHECK(h.final() == whole);
}

}  // namespace baretls::test

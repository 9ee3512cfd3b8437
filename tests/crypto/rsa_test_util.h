// SPDX-License-Identifier: MIT
// Helpers for the RSA suites: a seeded RandomSource, NIST hash names,
// odd-length hex, and a reader for the RSA Laboratories "# Label:" files.
#pragma once

#include <doctest/doctest.h>

#include <cstdint>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "baretls/crypto/hash.h"
#include "baretls/crypto/random.h"
#include "tests/support/hex.h"
#include "tests/support/vector_file.h"

namespace baretls::test {

// A deterministic RandomSource (mt19937_64 seeded by the test).
struct SeededRandom {
  std::mt19937_64 gen;
  explicit SeededRandom(std::uint64_t seed) : gen(seed) {}
  static crypto::Error fill(void* ctx, std::span<std::uint8_t> out) {
    auto* self = static_cast<SeededRandom*>(ctx);
    for (auto& b : out) b = static_cast<std::uint8_t>(self->gen());
    return crypto::Error::ok;
  }
  crypto::RandomSource source() { return crypto::RandomSource{&SeededRandom::fill, this}; }
};

inline crypto::Error failing_fill(void*, std::span<std::uint8_t>) { return crypto::Error::rng_failure; }

// "SHA256" -> HashId; nullopt for SHA1 / SHA224 (not implemented).
inline std::optional<crypto::HashId> nist_hash(const std::string& name) {
  if (name == "SHA256") return crypto::HashId::sha256;
  if (name == "SHA384") return crypto::HashId::sha384;
  if (name == "SHA512") return crypto::HashId::sha512;
  if (name == "SHA1" || name == "SHA224") return std::nullopt;
  throw VectorFormatError("unknown SHAAlg " + name);
}

// Hex with a possibly dropped leading zero nibble, left-padded to `width`
// bytes (0: to the next whole byte).
inline Bytes padded_hex(const std::string& hex, std::size_t width = 0) {
  Bytes b = from_hex(hex.size() % 2 ? "0" + hex : hex);
  if (width > b.size()) b.insert(b.begin(), width - b.size(), 0);
  return b;
}

inline Bytes digest_of(crypto::HashId id, const Bytes& msg) {
  Bytes d(crypto::digest_size(id));
  crypto::hash(id, msg, d);
  return d;
}

// RSA Laboratories layout: "# Label:" then lines of hex octets.
using LabelledValues = std::vector<std::pair<std::string, Bytes>>;

inline LabelledValues load_rsa_labs(const std::string& relative) {
  std::ifstream in(vector_path(relative), std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + relative);
  LabelledValues out;
  std::string line;
  bool collecting = false;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty() && line[0] == '#') {
      collecting = line.size() > 2 && line.back() == ':';
      if (collecting) out.emplace_back(line.substr(2, line.size() - 3), Bytes{});
      continue;
    }
    if (line.empty() || !collecting) {
      if (!line.empty() && collecting) throw VectorFormatError(relative + ": stray line " + line);
      continue;
    }
    std::istringstream words(line);
    std::string w;
    while (words >> w) {
      const Bytes b = from_hex(w);
      out.back().second.insert(out.back().second.end(), b.begin(), b.end());
    }
  }
  return out;
}

}  // namespace baretls::test

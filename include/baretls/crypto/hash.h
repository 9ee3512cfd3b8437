// SPDX-License-Identifier: MIT
// The hash vocabulary: the HashFunction concept that Sha256/Sha384/Sha512
// satisfy (for templates such as Hmac<H>), a run-time HashId, and AnyHash,
// a heap-free context for code that picks the hash at run time (the TLS
// transcript, RSA encodings, ECDSA).
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "baretls/crypto/sha256.h"
#include "baretls/crypto/sha512.h"

namespace baretls::crypto {

template <typename H>
concept HashFunction = requires(H h, std::span<const std::uint8_t> in,
                                std::span<std::uint8_t, H::kDigestSize> out) {
  { H::kDigestSize } -> std::convertible_to<std::size_t>;
  { H::kBlockSize } -> std::convertible_to<std::size_t>;
  h.init();
  h.update(in);
  h.final(out);
};

enum class HashId : std::uint8_t { sha256, sha384, sha512 };

inline constexpr std::size_t kMaxDigestSize = 64;
inline constexpr std::size_t kMaxHashBlockSize = 128;

[[nodiscard]] constexpr std::size_t digest_size(HashId id) noexcept {
  return id == HashId::sha256 ? 32 : id == HashId::sha384 ? 48 : 64;
}
[[nodiscard]] constexpr std::size_t block_size(HashId id) noexcept {
  return id == HashId::sha256 ? 64 : 128;
}
[[nodiscard]] constexpr std::string_view hash_name(HashId id) noexcept {
  return id == HashId::sha256 ? "SHA-256" : id == HashId::sha384 ? "SHA-384" : "SHA-512";
}

// A hash context chosen at run time; copyable (snapshots of a running hash).
class AnyHash {
 public:
  explicit AnyHash(HashId id) noexcept;
  AnyHash(const AnyHash&) noexcept;
  AnyHash& operator=(const AnyHash&) noexcept;
  ~AnyHash();

  [[nodiscard]] HashId id() const noexcept { return id_; }
  [[nodiscard]] std::size_t digest_size() const noexcept { return crypto::digest_size(id_); }

  void init() noexcept;
  void update(std::span<const std::uint8_t> data) noexcept;
  // Writes digest_size() bytes to out (out.size() must be at least that) and
  // re-initialises. Returns the number of bytes written.
  std::size_t final(std::span<std::uint8_t> out) noexcept;

 private:
  HashId id_;
  union {
    Sha256 sha256_;
    Sha384 sha384_;
    Sha512 sha512_;
  };
};

// One-shot digest of `data`; writes digest_size(id) bytes, returns that count.
std::size_t hash(HashId id, std::span<const std::uint8_t> data, std::span<std::uint8_t> out) noexcept;

}  // namespace baretls::crypto

// SPDX-License-Identifier: MIT
// A strict DER reader (ITU-T X.690 §8 and §10): single-byte tags, definite
// minimal lengths, minimal INTEGERs, canonical BOOLEAN and BIT STRING, bounded
// nesting, no trailing bytes. Every BER-only construct is refused. The reader
// never copies: elements are spans into the caller's buffer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "baretls/x509/error.h"

namespace baretls::x509::der {

using Bytes = std::span<const std::uint8_t>;

// Universal tags (X.680 §8.4), with the constructed bit where DER requires it.
inline constexpr std::uint8_t kBoolean = 0x01;
inline constexpr std::uint8_t kInteger = 0x02;
inline constexpr std::uint8_t kBitString = 0x03;
inline constexpr std::uint8_t kOctetString = 0x04;
inline constexpr std::uint8_t kNull = 0x05;
inline constexpr std::uint8_t kOid = 0x06;
inline constexpr std::uint8_t kUtf8String = 0x0c;
inline constexpr std::uint8_t kPrintableString = 0x13;
inline constexpr std::uint8_t kTeletexString = 0x14;
inline constexpr std::uint8_t kIa5String = 0x16;
inline constexpr std::uint8_t kUtcTime = 0x17;
inline constexpr std::uint8_t kGeneralizedTime = 0x18;
inline constexpr std::uint8_t kUniversalString = 0x1c;
inline constexpr std::uint8_t kBmpString = 0x1e;
inline constexpr std::uint8_t kSequence = 0x30;
inline constexpr std::uint8_t kSet = 0x31;

// Context-specific tags [n]: primitive (IMPLICIT over a primitive type) or
// constructed (EXPLICIT, or IMPLICIT over a SEQUENCE).
[[nodiscard]] constexpr std::uint8_t context(std::uint8_t n) noexcept {
  return static_cast<std::uint8_t>(0x80u | n);
}
[[nodiscard]] constexpr std::uint8_t context_constructed(std::uint8_t n) noexcept {
  return static_cast<std::uint8_t>(0xa0u | n);
}

// Deepest nesting of constructed values we follow (certificates need ~8).
inline constexpr unsigned kMaxDepth = 24;
// Largest length we accept for one element (a certificate is far smaller).
inline constexpr std::size_t kMaxLength = 1u << 24;

struct Element {
  std::uint8_t tag = 0;
  Bytes value;  // contents octets
  Bytes raw;    // identifier + length + contents (for hashing and comparison)
};

struct BitString {
  Bytes bytes;                   // contents after the unused-bits octet
  std::uint8_t unused_bits = 0;  // 0..7, and 0 when bytes is empty
};

class Reader {
 public:
  explicit Reader(Bytes data, unsigned depth = 0) noexcept : data_(data), depth_(depth) {}

  [[nodiscard]] bool empty() const noexcept { return data_.empty(); }
  [[nodiscard]] std::size_t remaining() const noexcept { return data_.size(); }
  // True when the next element has this tag (false at the end).
  [[nodiscard]] bool peek(std::uint8_t tag) const noexcept { return !data_.empty() && data_[0] == tag; }

  // One element of any tag.
  [[nodiscard]] Result<Element> read_any() noexcept;
  // One element whose identifier octet must be `tag`.
  [[nodiscard]] Result<Element> read(std::uint8_t tag) noexcept;
  // The element if the next tag is `tag`, else nothing (nothing consumed).
  [[nodiscard]] Result<std::optional<Element>> read_optional(std::uint8_t tag) noexcept;
  // A constructed element's contents as a nested reader (depth + 1).
  [[nodiscard]] Result<Reader> read_constructed(std::uint8_t tag) noexcept;
  [[nodiscard]] Result<Reader> read_sequence() noexcept { return read_constructed(kSequence); }

  // X.690 §8.3 + §10: INTEGER contents, minimal (two's complement, may be
  // negative). read_unsigned_integer also refuses negative values and strips
  // the sign octet, so the span is the big-endian magnitude (at least 1 byte).
  [[nodiscard]] Result<Bytes> read_integer(std::uint8_t tag = kInteger) noexcept;
  [[nodiscard]] Result<Bytes> read_unsigned_integer() noexcept;
  // A non-negative INTEGER that fits in 63 bits.
  [[nodiscard]] Result<std::uint64_t> read_small_unsigned(std::uint8_t tag = kInteger) noexcept;
  // X.690 §11.1: FALSE is 0x00, TRUE is 0xff.
  [[nodiscard]] Result<bool> read_boolean() noexcept;
  // X.690 §11.2: unused bits are zero; none when empty.
  [[nodiscard]] Result<BitString> read_bit_string(std::uint8_t tag = kBitString) noexcept;
  [[nodiscard]] Result<Bytes> read_octet_string(std::uint8_t tag = kOctetString) noexcept;
  [[nodiscard]] Error read_null() noexcept;
  // OBJECT IDENTIFIER contents, checked (X.690 §8.19: minimal subidentifiers).
  [[nodiscard]] Result<Bytes> read_oid() noexcept;

  // Error::malformed unless every byte was consumed.
  [[nodiscard]] Error expect_end() const noexcept { return data_.empty() ? Error::ok : Error::malformed; }
  [[nodiscard]] unsigned depth() const noexcept { return depth_; }

 private:
  Bytes data_;
  unsigned depth_;
};

// A whole buffer that must be exactly one element with this tag.
[[nodiscard]] Result<Element> parse_single(Bytes data, std::uint8_t tag) noexcept;
// OID contents are a valid encoding (non-empty, minimal base-128 arcs).
[[nodiscard]] bool oid_is_valid(Bytes oid) noexcept;
// A BIT STRING holding whole octets (unused bits 0), e.g. keys and signatures.
[[nodiscard]] Result<Bytes> octets_of(const BitString& bits) noexcept;

}  // namespace baretls::x509::der

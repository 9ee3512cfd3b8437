// SPDX-License-Identifier: MIT
// wire::Reader and wire::Writer: the one way handshake and record code reads
// and writes the TLS presentation language (RFC 5246 §4). Every read is
// bounds-checked and every failure is a decode_* error (docs/ARCHITECTURE.md); the
// Writer writes into a caller's buffer and back-fills length prefixes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "baretls/tls/errors.h"

namespace baretls::tls::wire {

// Reads big-endian integers and length-prefixed vectors from a span it does
// not own. After the first failure the reader is "failed": further reads
// return the same error, so a parser may check once at the end if it wants.
class Reader {
 public:
  explicit Reader(std::span<const std::uint8_t> data) noexcept : data_(data) {}

  [[nodiscard]] std::size_t remaining() const noexcept { return data_.size() - pos_; }
  [[nodiscard]] bool empty() const noexcept { return remaining() == 0; }
  [[nodiscard]] Error error() const noexcept { return error_; }

  [[nodiscard]] Result<std::uint8_t> u8() noexcept;
  [[nodiscard]] Result<std::uint16_t> u16() noexcept;
  [[nodiscard]] Result<std::uint32_t> u24() noexcept;
  [[nodiscard]] Result<std::uint32_t> u32() noexcept;
  // Exactly n bytes.
  [[nodiscard]] Result<std::span<const std::uint8_t>> bytes(std::size_t n) noexcept;
  // opaque x<min..max> with a 1-, 2- or 3-byte length prefix (prefix_size
  // follows from max as in RFC 5246 §4.3). The length must lie in [min, max].
  [[nodiscard]] Result<std::span<const std::uint8_t>> opaque8(std::size_t min, std::size_t max) noexcept;
  [[nodiscard]] Result<std::span<const std::uint8_t>> opaque16(std::size_t min, std::size_t max) noexcept;
  [[nodiscard]] Result<std::span<const std::uint8_t>> opaque24(std::size_t min, std::size_t max) noexcept;
  // The same, as a sub-reader over the vector's body.
  [[nodiscard]] Result<Reader> sub8(std::size_t min, std::size_t max) noexcept;
  [[nodiscard]] Result<Reader> sub16(std::size_t min, std::size_t max) noexcept;
  [[nodiscard]] Result<Reader> sub24(std::size_t min, std::size_t max) noexcept;
  // decode_trailing_data unless everything was read.
  [[nodiscard]] Error expect_empty() const noexcept;

 private:
  [[nodiscard]] Result<std::span<const std::uint8_t>> opaque(std::size_t prefix, std::size_t min,
                                                             std::size_t max) noexcept;
  Error fail(Error e) noexcept {
    if (error_ == Error::ok) error_ = e;
    return error_;
  }
  std::span<const std::uint8_t> data_;
  std::size_t pos_ = 0;
  Error error_ = Error::ok;
};

// Writes into a caller's buffer. Overflow is sticky: the writer records
// buffer_too_small and ignores later writes; check error() (or finish()).
class Writer {
 public:
  explicit Writer(std::span<std::uint8_t> out) noexcept : out_(out) {}

  void u8(std::uint8_t v) noexcept;
  void u16(std::uint16_t v) noexcept;
  void u24(std::uint32_t v) noexcept;
  void u32(std::uint32_t v) noexcept;
  void bytes(std::span<const std::uint8_t> b) noexcept;
  // Vectors with a length prefix of `prefix` bytes holding `b`.
  void opaque8(std::span<const std::uint8_t> b) noexcept { vector(1, b); }
  void opaque16(std::span<const std::uint8_t> b) noexcept { vector(2, b); }
  void opaque24(std::span<const std::uint8_t> b) noexcept { vector(3, b); }

  // Back-filled lengths: `auto m = w.open_length(2); ...body...; w.close_length(m);`
  // Nested opens are fine; each close checks the body fits its prefix.
  struct Mark {
    std::size_t at;
    std::size_t prefix;
  };
  [[nodiscard]] Mark open_length(std::size_t prefix) noexcept;
  void close_length(Mark m) noexcept;

  [[nodiscard]] std::size_t size() const noexcept { return pos_; }
  [[nodiscard]] Error error() const noexcept { return error_; }
  [[nodiscard]] std::span<std::uint8_t> written() const noexcept { return out_.first(pos_); }
  // The number of bytes written, or the first error.
  [[nodiscard]] Result<std::size_t> finish() const noexcept {
    if (error_ != Error::ok) return error_;
    return pos_;
  }

 private:
  void vector(std::size_t prefix, std::span<const std::uint8_t> b) noexcept;
  void put_be(std::uint64_t v, std::size_t n) noexcept;
  std::span<std::uint8_t> out_;
  std::size_t pos_ = 0;
  Error error_ = Error::ok;
};

}  // namespace baretls::tls::wire

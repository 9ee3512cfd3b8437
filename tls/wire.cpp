// SPDX-License-Identifier: MIT
// wire::Reader and wire::Writer (see wire.h). RFC 5246 §4: integers are
// big-endian; variable-length vectors carry a length prefix just wide
// enough for their declared maximum.
#include "tls/wire.h"

namespace baretls::tls::wire {

Result<std::span<const std::uint8_t>> Reader::bytes(std::size_t n) noexcept {
  if (error_ != Error::ok) return error_;
  if (n > remaining()) return fail(Error::decode_truncated);
  const auto out = data_.subspan(pos_, n);
  pos_ += n;
  return out;
}

namespace {
std::uint32_t load_be(std::span<const std::uint8_t> b) noexcept {
  std::uint32_t v = 0;
  for (const std::uint8_t x : b) v = (v << 8) | x;
  return v;
}
}  // namespace

Result<std::uint8_t> Reader::u8() noexcept {
  auto b = bytes(1);
  if (!b) return b.error();
  return (*b)[0];
}

Result<std::uint16_t> Reader::u16() noexcept {
  auto b = bytes(2);
  if (!b) return b.error();
  return static_cast<std::uint16_t>(load_be(*b));
}

Result<std::uint32_t> Reader::u24() noexcept {
  auto b = bytes(3);
  if (!b) return b.error();
  return load_be(*b);
}

Result<std::uint32_t> Reader::u32() noexcept {
  auto b = bytes(4);
  if (!b) return b.error();
  return load_be(*b);
}

Result<std::span<const std::uint8_t>> Reader::opaque(std::size_t prefix, std::size_t min,
                                                     std::size_t max) noexcept {
  auto len_bytes = bytes(prefix);
  if (!len_bytes) return len_bytes.error();
  const std::size_t len = load_be(*len_bytes);
  if (len < min || len > max) return fail(Error::decode_bad_length);
  return bytes(len);
}

Result<std::span<const std::uint8_t>> Reader::opaque8(std::size_t min, std::size_t max) noexcept {
  return opaque(1, min, max);
}
Result<std::span<const std::uint8_t>> Reader::opaque16(std::size_t min, std::size_t max) noexcept {
  return opaque(2, min, max);
}
Result<std::span<const std::uint8_t>> Reader::opaque24(std::size_t min, std::size_t max) noexcept {
  return opaque(3, min, max);
}

Result<Reader> Reader::sub8(std::size_t min, std::size_t max) noexcept {
  auto b = opaque(1, min, max);
  if (!b) return b.error();
  return Reader(*b);
}
Result<Reader> Reader::sub16(std::size_t min, std::size_t max) noexcept {
  auto b = opaque(2, min, max);
  if (!b) return b.error();
  return Reader(*b);
}
Result<Reader> Reader::sub24(std::size_t min, std::size_t max) noexcept {
  auto b = opaque(3, min, max);
  if (!b) return b.error();
  return Reader(*b);
}

Error Reader::expect_empty() const noexcept {
  if (error_ != Error::ok) return error_;
  return remaining() == 0 ? Error::ok : Error::decode_trailing_data;
}

void Writer::put_be(std::uint64_t v, std::size_t n) noexcept {
  if (error_ != Error::ok) return;
  if (n > out_.size() - pos_) {
    error_ = Error::buffer_too_small;
    return;
  }
  for (std::size_t i = 0; i < n; ++i) out_[pos_ + i] = static_cast<std::uint8_t>(v >> (8 * (n - 1 - i)));
  pos_ += n;
}

void Writer::u8(std::uint8_t v) noexcept { put_be(v, 1); }
void Writer::u16(std::uint16_t v) noexcept { put_be(v, 2); }
void Writer::u24(std::uint32_t v) noexcept { put_be(v, 3); }
void Writer::u32(std::uint32_t v) noexcept { put_be(v, 4); }

void Writer::bytes(std::span<const std::uint8_t> b) noexcept {
  if (error_ != Error::ok) return;
  if (b.size() > out_.size() - pos_) {
    error_ = Error::buffer_too_small;
    return;
  }
  for (std::size_t i = 0; i < b.size(); ++i) out_[pos_ + i] = b[i];
  pos_ += b.size();
}

void Writer::vector(std::size_t prefix, std::span<const std::uint8_t> b) noexcept {
  const Mark m = open_length(prefix);
  bytes(b);
  close_length(m);
}

Writer::Mark Writer::open_length(std::size_t prefix) noexcept {
  const Mark m{pos_, prefix};
  put_be(0, prefix);
  return m;
}

void Writer::close_length(Mark m) noexcept {
  if (error_ != Error::ok) return;
  const std::size_t body = pos_ - m.at - m.prefix;
  if (m.prefix < 8 && body >> (8 * m.prefix) != 0) {
    error_ = Error::internal_error;  // our bug: a body longer than its prefix allows
    return;
  }
  for (std::size_t i = 0; i < m.prefix; ++i)
    out_[m.at + i] = static_cast<std::uint8_t>(body >> (8 * (m.prefix - 1 - i)));
}

}  // namespace baretls::tls::wire

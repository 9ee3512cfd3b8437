// SPDX-License-Identifier: MIT
// Strict DER reader; see der.h. ITU-T X.690 §8.1 (identifier and length
// octets), §10.1 (definite form, minimal length), §8.3 (INTEGER), §11.1
// (BOOLEAN), §11.2 (BIT STRING), §8.19 (OBJECT IDENTIFIER).
#include "x509/der.h"

namespace baretls::x509::der {

namespace {

// X.690 §8.1.3 + §10.1: definite form with the fewest octets. Reads the
// length starting at data[*pos]; advances *pos. BER's indefinite form (0x80)
// is an unsupported encoding; non-minimal long forms are malformed.
Result<std::size_t> read_length(Bytes data, std::size_t* pos) noexcept {
  if (*pos >= data.size()) return Error::malformed;
  const std::uint8_t first = data[(*pos)++];
  if (first < 0x80) return static_cast<std::size_t>(first);
  if (first == 0x80) return Error::unsupported_encoding;
  const std::size_t count = first & 0x7fu;
  if (count > 3) return Error::too_large;  // > 2^24 bytes
  if (data.size() - *pos < count) return Error::malformed;
  std::size_t len = 0;
  for (std::size_t i = 0; i < count; ++i) len = (len << 8) | data[(*pos)++];
  // §10.1: "the minimum number of octets": no leading zero octet, and the
  // long form only for lengths of 128 and more.
  if (len < 0x80) return Error::malformed;
  if (count > 1 && (len >> (8 * (count - 1))) == 0) return Error::malformed;
  if (len > kMaxLength) return Error::too_large;
  return len;
}

}  // namespace

Result<Element> Reader::read_any() noexcept {
  if (data_.empty()) return Error::malformed;
  const std::uint8_t tag = data_[0];
  // X.690 §8.1.2.4: tag numbers >= 31 use the high-tag form; nothing in
  // X.509 needs them, so they are refused rather than half-parsed.
  if ((tag & 0x1fu) == 0x1fu) return Error::unsupported_encoding;
  std::size_t pos = 1;
  const auto len = read_length(data_, &pos);
  if (!len) return len.error();
  if (data_.size() - pos < *len) return Error::malformed;
  Element e;
  e.tag = tag;
  e.value = data_.subspan(pos, *len);
  e.raw = data_.first(pos + *len);
  data_ = data_.subspan(pos + *len);
  return e;
}

Result<Element> Reader::read(std::uint8_t tag) noexcept {
  if (data_.empty()) return Error::malformed;
  if (data_[0] != tag) {
    // A constructed form of a primitive universal type is BER (X.690 §10.2).
    if ((data_[0] & 0x20u) != 0 && (data_[0] & 0xdfu) == tag && tag < 0x1f) return Error::unsupported_encoding;
    return Error::malformed;
  }
  return read_any();
}

Result<std::optional<Element>> Reader::read_optional(std::uint8_t tag) noexcept {
  if (!peek(tag)) return std::optional<Element>();
  auto e = read(tag);
  if (!e) return e.error();
  return std::optional<Element>(*e);
}

Result<Reader> Reader::read_constructed(std::uint8_t tag) noexcept {
  if ((tag & 0x20u) == 0) return Error::malformed;  // our bug if reached; refuse anyway
  if (depth_ + 1 > kMaxDepth) return Error::too_large;
  auto e = read(tag);
  if (!e) return e.error();
  return Reader(e->value, depth_ + 1);
}

Result<Bytes> Reader::read_integer(std::uint8_t tag) noexcept {
  auto e = read(tag);
  if (!e) return e.error();
  const Bytes v = e->value;
  // X.690 §8.3.2: at least one octet; the first nine bits are not all
  // ones and not all zeros.
  if (v.empty()) return Error::malformed;
  if (v.size() > 1) {
    if (v[0] == 0x00 && (v[1] & 0x80u) == 0) return Error::malformed;
    if (v[0] == 0xff && (v[1] & 0x80u) != 0) return Error::malformed;
  }
  return v;
}

Result<Bytes> Reader::read_unsigned_integer() noexcept {
  auto v = read_integer();
  if (!v) return v.error();
  if (((*v)[0] & 0x80u) != 0) return Error::malformed;  // negative
  if (v->size() > 1 && (*v)[0] == 0x00) return v->subspan(1);
  return *v;
}

Result<std::uint64_t> Reader::read_small_unsigned(std::uint8_t tag) noexcept {
  auto v = read_integer(tag);
  if (!v) return v.error();
  if (((*v)[0] & 0x80u) != 0) return Error::malformed;
  if (v->size() > 8) return Error::too_large;
  std::uint64_t x = 0;
  for (const std::uint8_t b : *v) x = (x << 8) | b;
  if (x >> 63) return Error::too_large;
  return x;
}

Result<bool> Reader::read_boolean() noexcept {
  auto e = read(kBoolean);
  if (!e) return e.error();
  if (e->value.size() != 1) return Error::malformed;
  if (e->value[0] == 0x00) return false;
  if (e->value[0] == 0xff) return true;
  return Error::malformed;  // X.690 §11.1: DER TRUE is 0xff
}

Result<BitString> Reader::read_bit_string(std::uint8_t tag) noexcept {
  auto e = read(tag);
  if (!e) return e.error();
  const Bytes v = e->value;
  if (v.empty() || v[0] > 7) return Error::malformed;
  BitString bits;
  bits.unused_bits = v[0];
  bits.bytes = v.subspan(1);
  if (bits.bytes.empty() && bits.unused_bits != 0) return Error::malformed;
  // X.690 §11.2.1: the unused bits are zero.
  if (!bits.bytes.empty()) {
    const std::uint8_t mask = static_cast<std::uint8_t>((1u << bits.unused_bits) - 1u);
    if ((bits.bytes.back() & mask) != 0) return Error::malformed;
  }
  return bits;
}

Result<Bytes> Reader::read_octet_string(std::uint8_t tag) noexcept {
  auto e = read(tag);
  if (!e) return e.error();
  return e->value;
}

Error Reader::read_null() noexcept {
  auto e = read(kNull);
  if (!e) return e.error();
  return e->value.empty() ? Error::ok : Error::malformed;
}

Result<Bytes> Reader::read_oid() noexcept {
  auto e = read(kOid);
  if (!e) return e.error();
  if (!oid_is_valid(e->value)) return Error::malformed;
  return e->value;
}

bool oid_is_valid(Bytes oid) noexcept {
  // X.690 §8.19.2: each subidentifier is base 128, minimal (no leading
  // 0x80 octet), the last octet of each has bit 8 clear.
  if (oid.empty() || oid.size() > 64) return false;
  bool start = true;
  for (const std::uint8_t b : oid) {
    if (start && b == 0x80) return false;
    start = (b & 0x80u) == 0;
  }
  return start;
}

Result<Element> parse_single(Bytes data, std::uint8_t tag) noexcept {
  Reader r(data);
  auto e = r.read(tag);
  if (!e) return e.error();
  BARETLS_TRY(r.expect_end());
  return e;
}

Result<Bytes> octets_of(const BitString& bits) noexcept {
  if (bits.unused_bits != 0) return Error::malformed;
  return bits.bytes;
}

}  // namespace baretls::x509::der

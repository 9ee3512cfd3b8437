// SPDX-License-Identifier: MIT
// Strict DER for ECDSA signatures: Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER,
// s INTEGER } (RFC 5480 §2.2.3, RFC 3279 §2.2.3), with X.690 §8.3.2 minimal
// INTEGER contents, §10.1 definite minimal lengths, and no trailing bytes.
#include "baretls/crypto/ecdsa.h"
#include "crypto/ec_impl.h"

namespace baretls::crypto {
namespace {

constexpr std::uint8_t kTagSequence = 0x30;
constexpr std::uint8_t kTagInteger = 0x02;

// Writes the minimal INTEGER of a positive big-endian value (when out is not
// null) and returns its encoded length.
std::size_t write_integer(const std::uint8_t* v, std::size_t size, std::uint8_t* out) noexcept {
  std::size_t skip = 0;
  while (skip + 1 < size && v[skip] == 0) ++skip;
  const std::size_t pad = (v[skip] & 0x80) != 0 ? 1 : 0;
  const std::size_t len = size - skip + pad;
  if (out != nullptr) {
    out[0] = kTagInteger;
    out[1] = static_cast<std::uint8_t>(len);  // < 128: at most 49 bytes
    std::size_t pos = 2;
    if (pad != 0) out[pos++] = 0x00;
    for (std::size_t i = skip; i < size; ++i) out[pos++] = v[i];
  }
  return 2 + len;
}

// Reads one INTEGER at der[pos..] into out (size bytes, left-padded).
Error read_integer(std::span<const std::uint8_t> der, std::size_t& pos, std::uint8_t* out, std::size_t size) noexcept {
  if (der.size() - pos < 2 || der[pos] != kTagInteger) return Error::bad_signature_encoding;
  const std::size_t len = der[pos + 1];
  // X.690 §10.1: lengths below 128 use the short form; ours always are.
  if ((len & 0x80) != 0 || len == 0 || der.size() - pos - 2 < len) return Error::bad_signature_encoding;
  const std::uint8_t* c = der.data() + pos + 2;
  // X.690 §8.3.3: two's complement, so a set top bit is a negative number.
  if ((c[0] & 0x80) != 0) return Error::bad_signature_encoding;
  // X.690 §8.3.2: the first nine bits must not be all zeros.
  if (len > 1 && c[0] == 0 && (c[1] & 0x80) == 0) return Error::bad_signature_encoding;
  const std::size_t skip = (len > 1 && c[0] == 0) ? 1 : 0;
  const std::size_t value_len = len - skip;
  if (value_len > size) return Error::signature_out_of_range;
  for (std::size_t i = 0; i < size - value_len; ++i) out[i] = 0;
  for (std::size_t i = 0; i < value_len; ++i) out[size - value_len + i] = c[skip + i];
  pos += 2 + len;
  return Error::ok;
}

}  // namespace

Result<std::size_t> ecdsa_sig_to_der(Curve c, std::span<const std::uint8_t> sig_rs,
                                     std::span<std::uint8_t> der_out) noexcept {
  const auto& ops = detail::curve_ops(c);
  if (sig_rs.size() != 2 * ops.size) return Error::bad_signature_encoding;
  const std::uint8_t* r = sig_rs.data();
  const std::uint8_t* s = r + ops.size;
  if (!(ops.scalar_in_range(r) & ops.scalar_in_range(s)).to_bool()) return Error::signature_out_of_range;
  const std::size_t body = write_integer(r, ops.size, nullptr) + write_integer(s, ops.size, nullptr);
  if (der_out.size() < 2 + body) return Error::buffer_too_small;
  der_out[0] = kTagSequence;
  der_out[1] = static_cast<std::uint8_t>(body);  // <= 102
  const std::size_t rlen = write_integer(r, ops.size, der_out.data() + 2);
  write_integer(s, ops.size, der_out.data() + 2 + rlen);
  return 2 + body;
}

Error ecdsa_sig_from_der(Curve c, std::span<const std::uint8_t> der, std::span<std::uint8_t> sig_rs_out) noexcept {
  const auto& ops = detail::curve_ops(c);
  if (sig_rs_out.size() < 2 * ops.size) return Error::buffer_too_small;
  if (der.size() < 2 || der[0] != kTagSequence) return Error::bad_signature_encoding;
  // Short-form length only (the body is at most 102 bytes), covering the rest
  // of the input exactly: no truncation, no trailing bytes.
  if ((der[1] & 0x80) != 0 || der[1] != der.size() - 2) return Error::bad_signature_encoding;
  std::size_t pos = 2;
  std::uint8_t* r = sig_rs_out.data();
  std::uint8_t* s = r + ops.size;
  BARETLS_TRY(read_integer(der, pos, r, ops.size));
  BARETLS_TRY(read_integer(der, pos, s, ops.size));
  if (pos != der.size()) return Error::bad_signature_encoding;
  if (!(ops.scalar_in_range(r) & ops.scalar_in_range(s)).to_bool()) return Error::signature_out_of_range;
  return Error::ok;
}

}  // namespace baretls::crypto

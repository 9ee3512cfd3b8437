// SPDX-License-Identifier: MIT
// TLS 1.3 record protection (RFC 8446 §5.2-5.4); see record13.h.
#include "tls/record13.h"

#include <cstring>

#include "baretls/crypto/ct.h"
#include "baretls/crypto/secret.h"

namespace baretls::tls {

namespace {

constexpr std::uint8_t kOpaqueType = static_cast<std::uint8_t>(ContentType::application_data);  // 23
constexpr std::uint16_t kLegacyRecordVersion = kTls12;                                        // 0x0303

// The content types a TLSInnerPlaintext may carry (§5: "Implementations MUST
// NOT send record types not defined in this document"; change_cipher_spec is
// never protected).
bool is_protected_type(std::uint8_t type) noexcept {
  return type == static_cast<std::uint8_t>(ContentType::handshake) ||
         type == static_cast<std::uint8_t>(ContentType::alert) ||
         type == static_cast<std::uint8_t>(ContentType::application_data);
}

// The checks on a decrypted TLSInnerPlaintext whose type is now public.
Error check_inner(std::uint8_t type, std::size_t content_size) noexcept {
  // RFC 8446 §5 (https://www.rfc-editor.org/rfc/rfc8446#section-5)
  // "An implementation which receives ... a protected change_cipher_spec
  // record MUST abort the handshake with an "unexpected_message" alert."
  if (type == static_cast<std::uint8_t>(ContentType::change_cipher_spec)) return Error::unexpected_change_cipher_spec;
  // §5: "If a TLS implementation receives an unexpected record type, it MUST
  // terminate the connection with an "unexpected_message" alert."
  if (!is_protected_type(type)) return Error::unexpected_record_type;
  // §5.4: "Implementations MUST NOT send Handshake and Alert records that have
  // a zero-length TLSInnerPlaintext.content; if such a message is received,
  // the receiving implementation MUST terminate the connection with an
  // "unexpected_message" alert."
  if (content_size == 0 && type != static_cast<std::uint8_t>(ContentType::application_data))
    return Error::empty_inner_content;
  return Error::ok;
}

}  // namespace

std::array<std::uint8_t, kRecordNonceSize13> record_nonce13(std::span<const std::uint8_t, kRecordNonceSize13> iv,
                                                            std::uint64_t seq) noexcept {
  std::array<std::uint8_t, kRecordNonceSize13> nonce;
  for (std::size_t i = 0; i < 4; ++i) nonce[i] = iv[i];  // XOR with the four zero bytes of padding
  for (std::size_t i = 0; i < 8; ++i) nonce[4 + i] = static_cast<std::uint8_t>(iv[4 + i] ^ (seq >> (56 - 8 * i)));
  return nonce;
}

std::array<std::uint8_t, kRecordHeaderSize13> record_header13(std::size_t ciphertext_length) noexcept {
  return {kOpaqueType, static_cast<std::uint8_t>(kLegacyRecordVersion >> 8),
          static_cast<std::uint8_t>(kLegacyRecordVersion), static_cast<std::uint8_t>(ciphertext_length >> 8),
          static_cast<std::uint8_t>(ciphertext_length)};
}

Result<std::size_t> encode_inner_plaintext(std::span<const std::uint8_t> content, ContentType type,
                                           std::size_t padding, std::span<std::uint8_t> out) noexcept {
  const auto type_byte = static_cast<std::uint8_t>(type);
  if (content.size() > kMaxPlaintext13 || padding > kMaxInnerPlaintext13 - 1 - content.size() ||
      !is_protected_type(type_byte))
    return Error::invalid_argument;
  const std::size_t size = content.size() + 1 + padding;
  if (out.size() < size) return Error::buffer_too_small;
  if (!content.empty() && content.data() != out.data()) std::memmove(out.data(), content.data(), content.size());
  out[content.size()] = type_byte;
  // §5.4: "Implementations MUST set the padding octets to all zeros before encrypting."
  std::memset(out.data() + content.size() + 1, 0, padding);
  return size;
}

Result<InnerPlaintext> decode_inner_plaintext(std::span<const std::uint8_t> inner) noexcept {
  // §5.4: "the receiving implementation scans the field from the end toward
  // the beginning until it finds a non-zero octet." We visit every byte and
  // keep the last non-zero one with masks, so the time says nothing about
  // the padding length.
  std::uint64_t type = 0;      // secret until returned
  std::uint64_t position = 0;  // index of the type byte
  crypto::ct::Mask found = crypto::ct::Mask::zeros();
  for (std::size_t i = 0; i < inner.size(); ++i) {
    const crypto::ct::Mask nonzero = crypto::ct::is_nonzero(inner[i]);
    type = nonzero.select<std::uint64_t>(inner[i], type);
    position = nonzero.select<std::uint64_t>(i, position);
    found |= nonzero;
  }
  // §5.4: "If a receiving implementation does not find a non-zero octet in
  // the cleartext, it MUST terminate the connection with an
  // "unexpected_message" alert."
  if (!found.to_bool()) return Error::no_inner_content_type;
  return InnerPlaintext{static_cast<ContentType>(type), static_cast<std::size_t>(position)};
}

Result<std::size_t> seal_record13(const crypto::Aead& aead, std::span<const std::uint8_t, kRecordNonceSize13> iv,
                                  std::uint64_t seq, ContentType type, std::span<const std::uint8_t> content,
                                  std::size_t padding, std::span<std::uint8_t> record) noexcept {
  if (record.size() < kRecordHeaderSize13 + kRecordTagSize13) return Error::buffer_too_small;
  const auto body = record.subspan(kRecordHeaderSize13, record.size() - kRecordHeaderSize13 - kRecordTagSize13);
  auto inner_size = encode_inner_plaintext(content, type, padding, body);
  if (!inner_size) return inner_size.error();
  const auto header = record_header13(*inner_size + kRecordTagSize13);
  std::memcpy(record.data(), header.data(), header.size());
  const auto inner = body.first(*inner_size);
  const auto tag = record.subspan(kRecordHeaderSize13 + *inner_size).first<kRecordTagSize13>();
  const auto nonce = record_nonce13(iv, seq);
  if (aead.seal(nonce, header, inner, inner, tag) != crypto::Error::ok) return Error::internal_error;
  return kRecordHeaderSize13 + *inner_size + kRecordTagSize13;
}

Result<OpenedRecord13> open_record13(const crypto::Aead& aead, std::span<const std::uint8_t, kRecordNonceSize13> iv,
                                     std::uint64_t seq, std::span<std::uint8_t> record) noexcept {
  // The header and the lengths are public.
  if (record.size() < kRecordHeaderSize13) return Error::decode_truncated;
  const std::size_t length = (std::size_t{record[3]} << 8) | record[4];
  if (length != record.size() - kRecordHeaderSize13) return Error::decode_bad_length;
  if (record[0] != kOpaqueType) return Error::unexpected_record_type;
  // §5.2: "An endpoint that receives a record that exceeds this length MUST
  // terminate the connection with a "record_overflow" alert." (2^14 + 256)
  // §5.4: "the full encoded TLSInnerPlaintext MUST NOT exceed 2^14 + 1 octets"
  if (length > kMaxCiphertext13 || (length >= kRecordTagSize13 && length - kRecordTagSize13 > kMaxInnerPlaintext13))
    return Error::record_overflow;
  // Too short to carry a tag: it cannot authenticate.
  if (length < kRecordTagSize13) return Error::bad_record_mac;
  const auto header = std::span<const std::uint8_t>(record).first(kRecordHeaderSize13);  // the additional data
  const auto inner = record.subspan(kRecordHeaderSize13, length - kRecordTagSize13);
  const auto tag = std::span<const std::uint8_t>(record).last<kRecordTagSize13>();
  const auto nonce = record_nonce13(iv, seq);
  // §5.2: "If the decryption fails, the receiver MUST terminate the
  // connection with a "bad_record_mac" alert." Aead::open zeroes `inner` then.
  if (aead.open(nonce, header, inner, inner, tag) != crypto::Error::ok) return Error::bad_record_mac;
  const auto decoded = decode_inner_plaintext(inner);
  const Error e = decoded ? check_inner(static_cast<std::uint8_t>(decoded->type), decoded->content_size)
                          : decoded.error();
  if (e != Error::ok) {
    crypto::secure_wipe(inner);
    return e;
  }
  return OpenedRecord13{decoded->type, inner.first(decoded->content_size)};
}

}  // namespace baretls::tls

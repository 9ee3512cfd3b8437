// SPDX-License-Identifier: MIT
// TLS 1.3 record protection as pure functions (RFC 8446 §5.2-5.4): the
// TLSInnerPlaintext (content, real content type, zero padding), the
// per-record nonce (IV XOR the padded sequence number), the record header as
// additional data, and sealing/opening one complete record in place with a
// keyed crypto::Aead. Sequence numbers, buffers and key changes belong to
// the record channel that calls these.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "baretls/crypto/aead.h"
#include "baretls/tls/errors.h"
#include "tls/messages.h"

namespace baretls::tls {

// RFC 8446 §5.1: TLSPlaintext.length "MUST NOT exceed 2^14 bytes".
inline constexpr std::size_t kMaxPlaintext13 = std::size_t{1} << 14;
// §5.4: "the full encoded TLSInnerPlaintext MUST NOT exceed 2^14 + 1 octets".
inline constexpr std::size_t kMaxInnerPlaintext13 = kMaxPlaintext13 + 1;
// §5.2: TLSCiphertext.length "MUST NOT exceed 2^14 + 256 bytes".
inline constexpr std::size_t kMaxCiphertext13 = kMaxPlaintext13 + 256;
// opaque_type(1) || legacy_record_version(2) || length(2)
inline constexpr std::size_t kRecordHeaderSize13 = 5;
inline constexpr std::size_t kRecordTagSize13 = crypto::Aead::kTagSize;
inline constexpr std::size_t kRecordNonceSize13 = crypto::Aead::kNonceSize;
// The largest record sent: 5 + 2^14 + 1 (type) + 16 (tag), padding included.
inline constexpr std::size_t kMaxRecordOut13 = kRecordHeaderSize13 + kMaxInnerPlaintext13 + kRecordTagSize13;

// RFC 8446 §5.3: the 64-bit sequence number in network byte order, padded on
// the left with zeros to iv_length (12), XORed with the write IV.
// CT: no branch or index on iv or seq.
[[nodiscard]] std::array<std::uint8_t, kRecordNonceSize13> record_nonce13(
    std::span<const std::uint8_t, kRecordNonceSize13> iv, std::uint64_t seq) noexcept;

// RFC 8446 §5.2: the record header, which is also the additional data:
//   additional_data = TLSCiphertext.opaque_type (23) ||
//                     TLSCiphertext.legacy_record_version (0x0303) || TLSCiphertext.length
[[nodiscard]] std::array<std::uint8_t, kRecordHeaderSize13> record_header13(std::size_t ciphertext_length) noexcept;

// RFC 8446 §5.2: struct { opaque content[TLSPlaintext.length]; ContentType type;
//   uint8 zeros[length_of_padding]; } TLSInnerPlaintext;
// Writes content || type || `padding` zeros to out.first(content.size() + 1 + padding);
// content may already sit at out's start. invalid_argument when content is
// longer than 2^14, the whole longer than 2^14 + 1, or type is not handshake,
// alert or application_data; buffer_too_small when out is short.
[[nodiscard]] Result<std::size_t> encode_inner_plaintext(std::span<const std::uint8_t> content, ContentType type,
                                                         std::size_t padding, std::span<std::uint8_t> out) noexcept;

struct InnerPlaintext {
  ContentType type;
  std::size_t content_size;  // content is inner.first(content_size)
};
// RFC 8446 §5.4: scans from the end for the last non-zero byte, which is the
// content type; no_inner_content_type when every byte is zero.
// CT: time depends only on inner.size() (the padding length stays hidden
// until the result is used).
[[nodiscard]] Result<InnerPlaintext> decode_inner_plaintext(std::span<const std::uint8_t> inner) noexcept;

// Seals `content` of `type` with `padding` zero bytes as one complete record
// (header || encrypted_record) at the start of `record`; returns its size.
// content may already sit at record[5..]. Errors as encode_inner_plaintext,
// and internal_error if the AEAD is not keyed. CT: time depends only on the lengths.
[[nodiscard]] Result<std::size_t> seal_record13(const crypto::Aead& aead,
                                                std::span<const std::uint8_t, kRecordNonceSize13> iv,
                                                std::uint64_t seq, ContentType type,
                                                std::span<const std::uint8_t> content, std::size_t padding,
                                                std::span<std::uint8_t> record) noexcept;

struct OpenedRecord13 {
  ContentType type;                  // the real content type from TLSInnerPlaintext
  std::span<std::uint8_t> content;   // inside the caller's record buffer
};
// Opens one complete record (header || encrypted_record, exactly) in place.
// Errors, in the order checked: decode_truncated / decode_bad_length (header
// and length disagree with record.size()), unexpected_record_type
// (opaque_type not 23), record_overflow (TLSCiphertext.length over 2^14 + 256
// or TLSInnerPlaintext over 2^14 + 1), bad_record_mac (tag mismatch),
// no_inner_content_type (all zeros), unexpected_change_cipher_spec (a
// protected change_cipher_spec, §5), unexpected_record_type (an unknown inner
// type), empty_inner_content (an empty handshake or alert record, §5.4). On
// any error after decryption the plaintext is wiped: nothing is released.
// CT: time depends only on the lengths and the tag decision.
[[nodiscard]] Result<OpenedRecord13> open_record13(const crypto::Aead& aead,
                                                   std::span<const std::uint8_t, kRecordNonceSize13> iv,
                                                   std::uint64_t seq, std::span<std::uint8_t> record) noexcept;

}  // namespace baretls::tls

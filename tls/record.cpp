// SPDX-License-Identifier: MIT
// Record framing and protection (see record.h). RFC 5246 §6.2.1-§6.2.3.3,
// RFC 5288 §3, RFC 7905 §2.
#include "tls/record.h"

#include <algorithm>
#include <limits>

#include "tls/inspect_hook.h"

namespace baretls::tls {

namespace {
bool known_type(std::uint8_t t) noexcept { return t >= 20 && t <= 23; }

// RFC 5246 App. E.1: "TLS servers MUST accept any value {03,XX} as the
// record layer version number for ClientHello"; the ClientHello body's
// client_version is the version check (handshake_server.cpp). After ServerHello both
// sides use 0x0303 only.
bool version_allowed(VersionPolicy policy, std::uint16_t version) noexcept {
  switch (policy) {
    case VersionPolicy::any_tls: return version >= kTls10 && version <= kTls12;
    case VersionPolicy::client_hello: return (version >> 8) == 0x03;
    case VersionPolicy::tls12: return version == kTls12;
  }
  return false;
}
}  // namespace

// RFC 5246 §6.2.1: struct { ContentType type; ProtocolVersion version;
//   uint16 length; opaque fragment[TLSPlaintext.length]; } TLSPlaintext;
Result<std::optional<OpenedRecord>> RecordLayer::open_next(std::span<std::uint8_t> in) noexcept {
  if (in.size() < kRecordHeaderSize) return std::optional<OpenedRecord>{};
  const std::uint8_t type = in[0];
  const std::uint16_t version = static_cast<std::uint16_t>((in[1] << 8) | in[2]);
  const std::size_t length = static_cast<std::size_t>((in[3] << 8) | in[4]);
  // RFC 5246 §6: "If a TLS implementation receives an unexpected record
  // type, it MUST send an unexpected_message alert."
  if (!known_type(type)) return Error::unexpected_record_type;
  if (!version_allowed(policy_, version)) return Error::bad_record_version;
  // RFC 5246 §6.2.3: "The length MUST NOT exceed 2^14 + 2048." We bound AEAD at 2^14 + 256.
  if (length > (read_.on ? kMaxCiphertext : kMaxPlaintext)) return Error::record_overflow;
  if (in.size() < kRecordHeaderSize + length) return std::optional<OpenedRecord>{};

  auto fragment = in.subspan(kRecordHeaderSize, length);
  if (inspector_ != nullptr) inspect_wire_.assign(in.begin(), in.begin() + static_cast<std::ptrdiff_t>(kRecordHeaderSize + length));
  if (read_.on) {
    if (read_.seq == std::numeric_limits<std::uint64_t>::max()) return Error::sequence_number_exhausted;
    auto n = read_.cipher.open(read_.seq, type, version, fragment);
    if (!n) return n.error();
    ++read_.seq;
    // RFC 5246 §6.2.3: TLSCompressed.length MUST NOT exceed 2^14 + 1024; we
    // never compress, so the plaintext is bounded by 2^14 (§6.2.1).
    if (*n > kMaxPlaintext) return Error::record_overflow;
    fragment = fragment.subspan(read_.cipher.explicit_nonce_size(), *n);
  }
  const auto ct = static_cast<ContentType>(type);
  if (fragment.empty()) {
    // RFC 5246 §6.2.1: "Implementations MUST NOT send zero-length fragments
    // of Handshake, Alert, or ChangeCipherSpec content types."
    if (ct != ContentType::application_data) return Error::decode_bad_length;
    if (++empty_run_ > kMaxEmptyRecords) return Error::too_many_empty_records;
  } else {
    empty_run_ = 0;
  }
  if (inspector_ != nullptr) inspect_record(*inspector_, from_client_, false, inspect_wire_, fragment, read_.on ? read_.seq - 1 : 0, read_.on);
  return std::optional<OpenedRecord>{OpenedRecord{ct, fragment, kRecordHeaderSize + length}};
}

// RFC 5246 §6.2.3.3: struct { opaque nonce_explicit[record_iv_length];
//   aead-ciphered struct { opaque content[TLSCompressed.length]; }; } GenericAEADCipher;
Error RecordLayer::seal_into(ContentType type, std::span<const std::uint8_t> plaintext,
                             std::span<std::uint8_t> record) noexcept {
  if (plaintext.size() > kMaxPlaintext || record.size() != sealed_size(plaintext.size())) {
    return Error::internal_error;
  }
  const std::size_t body = record.size() - kRecordHeaderSize;
  record[0] = static_cast<std::uint8_t>(type);
  record[1] = static_cast<std::uint8_t>(write_version() >> 8);
  record[2] = static_cast<std::uint8_t>(write_version());
  record[3] = static_cast<std::uint8_t>(body >> 8);
  record[4] = static_cast<std::uint8_t>(body);
  const auto fragment = record.subspan(kRecordHeaderSize);
  if (!write_.on) {
    std::copy(plaintext.begin(), plaintext.end(), fragment.begin());
    if (inspector_ != nullptr) inspect_record(*inspector_, from_client_, true, record, plaintext, 0, false);
    return Error::ok;
  }
  if (write_.seq == std::numeric_limits<std::uint64_t>::max()) return Error::sequence_number_exhausted;
  BARETLS_TRY(write_.cipher.seal(write_.seq, static_cast<std::uint8_t>(type), write_version(), plaintext, fragment));
  ++write_.seq;
  if (inspector_ != nullptr) inspect_record(*inspector_, from_client_, true, record, plaintext, write_.seq - 1, true);
  return Error::ok;
}

Error RecordLayer::enable_read(crypto::AeadAlgorithm aead, const DirectionKeys& keys) noexcept {
  BARETLS_TRY(read_.cipher.init(aead, keys));
  read_.seq = 0;
  read_.on = true;
  return Error::ok;
}

Error RecordLayer::enable_write(crypto::AeadAlgorithm aead, const DirectionKeys& keys) noexcept {
  BARETLS_TRY(write_.cipher.init(aead, keys));
  write_.seq = 0;
  write_.on = true;
  return Error::ok;
}

}  // namespace baretls::tls

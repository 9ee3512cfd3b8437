// SPDX-License-Identifier: MIT
// The TLS 1.2 record layer (RFC 5246 §6.2): framing, content types, record
// versions, size limits, sequence numbers and AEAD protection per direction.
// It never wraps a sequence number: the connection ends first (STYLE.md §6).
// Buffers belong to the connection; records are opened in place.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "baretls/tls/errors.h"
#include "baretls/tls/inspect.h"
#include "tls/messages.h"
#include "tls/record_cipher.h"

namespace baretls::tls {

// RFC 5246 §6.2.1: "The length MUST NOT exceed 2^14."
inline constexpr std::size_t kMaxPlaintext = 16384;
// RFC 5246 §6.2.3 allows 2^14 + 2048; an AEAD adds at most 8 + 16 bytes, and
// the issue bounds accepted ciphertext at 2^14 + 256.
inline constexpr std::size_t kMaxCiphertext = kMaxPlaintext + 256;
inline constexpr std::size_t kRecordHeaderSize = 5;
// The largest record we send: header 5 + explicit nonce 8 + 16384 + tag 16.
inline constexpr std::size_t kMaxRecordOut = kRecordHeaderSize + 8 + kMaxPlaintext + kAeadTagSize;
// The largest record we accept: header 5 + 2^14 + 256.
inline constexpr std::size_t kMaxRecordIn = kRecordHeaderSize + kMaxCiphertext;
// Consecutive empty records tolerated before too_many_empty_records.
inline constexpr std::size_t kMaxEmptyRecords = 32;

// Which record versions the next incoming record may carry.
enum class VersionPolicy : std::uint8_t {
  any_tls,  // 0x0301..0x0303: first ClientHello record, or before ServerHello
  tls12,    // 0x0303 only
};

struct OpenedRecord {
  ContentType type;
  std::span<std::uint8_t> plaintext;  // inside the caller's buffer
  std::size_t wire_size;              // header + fragment, to consume
};

class RecordLayer {
 public:
  // Parses and opens the record at the start of `in` (decrypting in place).
  // nullopt: not enough bytes yet. Errors: unexpected_record_type,
  // bad_record_version, record_overflow, bad_record_mac, decode_bad_length
  // (empty handshake/alert/CCS fragment), too_many_empty_records,
  // sequence_number_exhausted.
  [[nodiscard]] Result<std::optional<OpenedRecord>> open_next(std::span<std::uint8_t> in) noexcept;

  // Appends one record carrying `plaintext` (<= kMaxPlaintext) to `out`.
  [[nodiscard]] Error seal(ContentType type, std::span<const std::uint8_t> plaintext,
                           std::vector<std::uint8_t>& out) noexcept;
  // Appends as many records as `data` needs.
  [[nodiscard]] Error seal_all(ContentType type, std::span<const std::uint8_t> data,
                               std::vector<std::uint8_t>& out) noexcept;

  // After ChangeCipherSpec (RFC 5246 §7.1): protect this direction, seq = 0.
  [[nodiscard]] Error enable_read(RecordAead aead, const DirectionKeys& keys) noexcept;
  [[nodiscard]] Error enable_write(RecordAead aead, const DirectionKeys& keys) noexcept;
  [[nodiscard]] bool read_protected() const noexcept { return read_.on; }
  [[nodiscard]] bool write_protected() const noexcept { return write_.on; }
  void set_version_policy(VersionPolicy p) noexcept { policy_ = p; }
  // The version written in our record headers (0x0301 in the first ClientHello
  // record is allowed by RFC 5246 App. E.1; we always write 0x0303).
  [[nodiscard]] std::uint16_t write_version() const noexcept { return kTls12; }

  // Inspector (inspect.h): report every record sealed and opened; null: off.
  void set_inspector(const Inspector& ins, bool from_client) noexcept {
    inspector_ = ins.event != nullptr ? &ins : nullptr;
    from_client_ = from_client;
  }

  // For tests: start sequence numbers elsewhere.
  void set_sequence_numbers_for_test(std::uint64_t read_seq, std::uint64_t write_seq) noexcept {
    read_.seq = read_seq;
    write_.seq = write_seq;
  }

 private:
  struct Direction {
    RecordCipher cipher;
    std::uint64_t seq = 0;
    bool on = false;
  };
  Direction read_;
  Direction write_;
  VersionPolicy policy_ = VersionPolicy::any_tls;
  std::size_t empty_run_ = 0;
  const Inspector* inspector_ = nullptr;  // Inspector: off unless set
  bool from_client_ = false;
  std::vector<std::uint8_t> inspect_wire_;  // the record before in-place decryption
};

}  // namespace baretls::tls

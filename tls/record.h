// SPDX-License-Identifier: MIT
// The TLS 1.2 record layer (RFC 5246 §6.2): framing, content types, record
// versions, size limits, sequence numbers and AEAD protection per direction.
// It never wraps a sequence number: the connection ends first (docs/ARCHITECTURE.md).
// Buffers belong to the connection; records are opened in place.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <optional>
#include <span>
#include <utility>
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
  any_tls,       // 0x0301..0x0303: a client before ServerHello
  client_hello,  // 0x0300..0x03FF: a server before its ServerHello (RFC 5246 App. E.1)
  tls12,         // 0x0303 only
};

// The allocator of the record buffers: std::allocator's interface, except
// that storage starts on a cache line (kRecordAlign) and growing a vector
// default-initialises its new bytes (leaves them as they are) instead of
// zero-filling them, since a seal overwrites the whole record at once.
// Aligned storage keeps a transport's copy into input_buffer() and out of
// outgoing() on whole cache lines when the peer's buffer is aligned too.
inline constexpr std::size_t kRecordAlign = 64;
template <typename T>
struct RecordAllocator {
  using value_type = T;
  RecordAllocator() noexcept = default;
  template <typename U>
  RecordAllocator(const RecordAllocator<U>&) noexcept {}  // NOLINT(google-explicit-constructor)
  [[nodiscard]] T* allocate(std::size_t n) {
    return static_cast<T*>(::operator new(n * sizeof(T), std::align_val_t{kRecordAlign}));
  }
  void deallocate(T* p, std::size_t) noexcept { ::operator delete(p, std::align_val_t{kRecordAlign}); }
  template <typename U>
  void construct(U* p) noexcept(noexcept(U())) {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
  template <typename U>
  bool operator==(const RecordAllocator<U>&) const noexcept {
    return true;
  }
};
// Incoming and outgoing records. Every byte a seal adds is written before it
// is visible; incoming bytes are read only once committed.
using RecordBuffer = std::vector<std::uint8_t, RecordAllocator<std::uint8_t>>;

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

  // Wire size of the record that carries `plaintext_size` bytes now.
  [[nodiscard]] std::size_t sealed_size(std::size_t plaintext_size) const noexcept {
    return kRecordHeaderSize + plaintext_size + (write_.on ? write_.cipher.overhead() : 0);
  }
  // Writes the record carrying `plaintext` (<= kMaxPlaintext) into `record`
  // (record.size() == sealed_size(plaintext.size()); disjoint from plaintext),
  // encrypting straight from `plaintext` into it: no intermediate copy. On an
  // error `record` holds nothing to send.
  [[nodiscard]] Error seal_into(ContentType type, std::span<const std::uint8_t> plaintext,
                                std::span<std::uint8_t> record) noexcept;
  // Appends one record carrying `plaintext` (<= kMaxPlaintext) to `out`.
  template <typename Buffer>
  [[nodiscard]] Error seal(ContentType type, std::span<const std::uint8_t> plaintext, Buffer& out) noexcept {
    if (plaintext.size() > kMaxPlaintext) return Error::internal_error;
    const std::size_t start = out.size();
    const std::size_t size = sealed_size(plaintext.size());
    out.resize(start + size);
    const Error e = seal_into(type, plaintext, std::span<std::uint8_t>(out.data() + start, size));
    if (e != Error::ok) out.resize(start);
    return e;
  }
  // Appends as many records as `data` needs.
  template <typename Buffer>
  [[nodiscard]] Error seal_all(ContentType type, std::span<const std::uint8_t> data, Buffer& out) noexcept {
    do {
      const std::size_t n = data.size() < kMaxPlaintext ? data.size() : kMaxPlaintext;
      BARETLS_TRY(seal(type, data.first(n), out));
      data = data.subspan(n);
    } while (!data.empty());
    return Error::ok;
  }

  // After ChangeCipherSpec (RFC 5246 §7.1): protect this direction, seq = 0.
  [[nodiscard]] Error enable_read(crypto::AeadAlgorithm aead, const DirectionKeys& keys) noexcept;
  [[nodiscard]] Error enable_write(crypto::AeadAlgorithm aead, const DirectionKeys& keys) noexcept;
  // After a fatal error: both directions' keys are wiped; nothing more is
  // opened or sealed (protection stays on, so nothing goes out in the clear).
  void drop_keys() noexcept {
    read_.cipher.wipe();
    write_.cipher.wipe();
  }
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

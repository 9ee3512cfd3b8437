// SPDX-License-Identifier: MIT
// The record channel under a handshake: the record layer with its cipher
// states (record.h), every buffer of a connection (incoming records,
// handshake reassembly, the outgoing flight, records to transmit) and the
// alert state (RFC 5246 §7.2). It knows no role and no handshake: the engine
// (engine.h) drives it, and a TLS 1.3 handshake would drive the same channel
// (tls/record13.h holds the 1.3 record protection that would slot in behind
// RecordLayer). Buffer sizes come from ChannelSizes. Internal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "baretls/tls/errors.h"
#include "tls/record.h"

namespace baretls::tls::detail {

// How large the buffers grow. The defaults fit the largest records of
// RFC 5246 §6.2 (kMaxRecordIn, kMaxRecordOut).
struct ChannelSizes {
  std::size_t record_in = kMaxRecordIn;     // incoming: one whole record at least
  std::size_t record_out = kMaxRecordOut;   // outgoing: unsent bytes plus the next record
  std::size_t out_slack = 64;               // room for alerts behind a full record
  std::size_t kept_reassembly = 16 * 1024;  // reassembly capacity kept between messages
  // CommonConfig::release_idle_buffers: the input and output buffers go back
  // whenever they hold nothing, and are taken again when needed.
  bool release_idle = false;
};

// The largest handshake body accepted: for a ClientHello and for the rest.
struct HandshakeBounds {
  std::size_t client_hello;
  std::size_t other;
};

class RecordChannel {
 public:
  explicit RecordChannel(ChannelSizes sizes = {}) noexcept : sizes_(sizes) {}

  [[nodiscard]] RecordLayer& record() noexcept { return record_; }
  [[nodiscard]] const RecordLayer& record() const noexcept { return record_; }
  [[nodiscard]] const ChannelSizes& sizes() const noexcept { return sizes_; }
  void set_release_idle(bool on) noexcept { sizes_.release_idle = on; }

  // Incoming records, opened in place. input_space() is the free tail of the
  // buffer (unprocessed bytes move to the front first when no application
  // data points into it; a released buffer is taken again); commit_input()
  // takes what the caller wrote there. With release_idle, open_next() and
  // consume_application_data() give the buffer back (wiped) once it holds
  // nothing.
  [[nodiscard]] std::span<std::uint8_t> input_space();
  [[nodiscard]] Error commit_input(std::size_t n) noexcept;
  [[nodiscard]] Result<std::optional<OpenedRecord>> open_next() noexcept;
  // After a record was handled: it leaves the buffer, unless it holds
  // application data (then it leaves once that is consumed).
  void done_with(const OpenedRecord& rec) noexcept;
  void hold_application_data(const OpenedRecord& rec) noexcept;
  [[nodiscard]] bool has_application_data() const noexcept { return app_pos_ != app_end_; }
  [[nodiscard]] std::span<const std::uint8_t> application_data() const noexcept;
  // buffer_too_small past what application_data() gave. True when the record
  // was used up and a header's worth of the next one is buffered.
  [[nodiscard]] Result<bool> consume_application_data(std::size_t n) noexcept;
  [[nodiscard]] const RecordBuffer& input() const noexcept { return in_; }

  // Handshake reassembly (RFC 5246 §6.2.1: messages may be coalesced or
  // fragmented). The next whole message (header included) or nullopt;
  // handshake_message_too_large past `bounds`, checked from the header.
  void add_handshake_bytes(std::span<const std::uint8_t> data);
  [[nodiscard]] Result<std::optional<std::vector<std::uint8_t>>> next_handshake_message(HandshakeBounds bounds);
  [[nodiscard]] bool mid_handshake_message() const noexcept { return !hs_.empty(); }
  [[nodiscard]] std::size_t reassembly_capacity() const noexcept { return hs_.capacity(); }

  // Handshake messages queued by the handshake, sealed by flush_flight().
  [[nodiscard]] std::vector<std::uint8_t>& flight() noexcept { return flight_; }
  [[nodiscard]] Error flush_flight();

  // Records to transmit.
  [[nodiscard]] Error seal(ContentType type, std::span<const std::uint8_t> plaintext) {
    return record_.seal(type, plaintext, out_);
  }
  [[nodiscard]] std::size_t write_room() const noexcept;
  // Seals straight from `data` (at most write_room()) into `out`.
  [[nodiscard]] Error seal_application_data(std::span<const std::uint8_t> data);
  [[nodiscard]] std::span<const std::uint8_t> outgoing() const noexcept {
    return std::span<const std::uint8_t>(out_).subspan(out_sent_);
  }
  // With release_idle, the buffer goes back once everything was taken.
  void consume_outgoing(std::size_t n) noexcept;
  [[nodiscard]] bool has_output() const noexcept { return out_.size() > out_sent_; }

  // Alerts (RFC 5246 §7.2). send_alert() notes a fatal alert or close_notify
  // once sealed; receive_alert() applies a peer's alert: peer_alert for a
  // fatal one or a close_notify before the handshake ended (`established`
  // false), unexpected_message past kMaxWarnings warnings in a row.
  static constexpr std::size_t kMaxWarnings = 4;
  [[nodiscard]] bool send_alert(AlertLevel level, Alert a);
  [[nodiscard]] Error receive_alert(AlertLevel level, Alert a, bool established) noexcept;
  void note_application_data() noexcept { warning_run_ = 0; }
  void note_transport_eof() noexcept { transport_eof_ = true; }
  [[nodiscard]] std::optional<Alert> alert_sent() const noexcept { return alert_sent_; }
  [[nodiscard]] std::optional<Alert> peer_alert() const noexcept { return peer_alert_; }
  [[nodiscard]] bool close_notify_received() const noexcept { return close_notify_received_; }
  [[nodiscard]] bool close_notify_sent() const noexcept { return close_notify_sent_; }
  [[nodiscard]] bool transport_eof() const noexcept { return transport_eof_; }

  // Memory: the handshake buffers go back once established; after a fatal
  // error the keys are wiped and every buffer but the output freed.
  void release_handshake_buffers() noexcept;
  void release_after_failure() noexcept;
  [[nodiscard]] std::size_t footprint() const noexcept {
    return in_.capacity() + out_.capacity() + hs_.capacity() + flight_.capacity();
  }

 private:
  void release_idle_input() noexcept;
  void release_idle_output() noexcept;
  void reserve_reassembly(std::size_t more);
  void release_reassembly();

  ChannelSizes sizes_;
  RecordLayer record_;
  RecordBuffer in_;              // one record at most after compaction
  std::size_t in_len_ = 0;       // bytes held
  std::size_t in_pos_ = 0;       // start of the first unprocessed record
  std::size_t in_high_ = 0;      // most bytes held since the buffer was taken (what a wipe covers)
  std::size_t app_pos_ = 0;      // decrypted application data not yet read:
  std::size_t app_end_ = 0;      //   in_[app_pos_, app_end_), inside the record at in_pos_
  std::size_t app_record_ = 0;   // wire size of that record
  std::vector<std::uint8_t> hs_;      // reassembly: grown per message, then released
  std::vector<std::uint8_t> flight_;  // handshake messages queued
  RecordBuffer out_;                  // records to transmit (grown without zero-filling)
  std::size_t out_sent_ = 0;

  std::optional<Alert> alert_sent_;
  std::optional<Alert> peer_alert_;
  bool close_notify_received_ = false;
  bool close_notify_sent_ = false;
  bool transport_eof_ = false;
  std::size_t warning_run_ = 0;
};

}  // namespace baretls::tls::detail

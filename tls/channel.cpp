// SPDX-License-Identifier: MIT
// The record channel (see channel.h): incoming records (RFC 5246 §6.2),
// handshake reassembly with a size bound (§6.2.1), the outgoing flight and
// records, alerts (§7.2) and the buffers' memory.
#include "tls/channel.h"

#include <algorithm>
#include <cstring>

#include "baretls/crypto/secret.h"

namespace baretls::tls::detail {

namespace {
// RFC 5246 §7.4: uint24 length after the type byte.
std::size_t declared_length(const std::vector<std::uint8_t>& hs) {
  return (std::size_t{hs[1]} << 16) | (std::size_t{hs[2]} << 8) | hs[3];
}
}  // namespace

// When no decrypted data points into the buffer, the unprocessed bytes move
// to the front first, so that a whole record always fits once the
// application has read what it was given.
std::span<std::uint8_t> RecordChannel::input_space() {
  if (in_.empty()) in_.resize(sizes_.record_in, 0);  // zeroed once: nothing stale is ever offered
  if (app_pos_ == app_end_ && in_pos_ > 0) {
    if (in_len_ > in_pos_) std::memmove(in_.data(), in_.data() + in_pos_, in_len_ - in_pos_);
    in_len_ -= in_pos_;
    in_pos_ = 0;
  }
  return std::span(in_).subspan(in_len_);
}

Error RecordChannel::commit_input(std::size_t n) noexcept {
  if (n > in_.size() - in_len_) return Error::buffer_too_small;  // more than input_space() offered
  in_len_ += n;
  in_high_ = std::max(in_high_, in_len_);
  return Error::ok;
}

Result<std::optional<OpenedRecord>> RecordChannel::open_next() noexcept {
  if (in_pos_ == in_len_) {  // nothing buffered
    release_idle_input();
    return std::optional<OpenedRecord>{};
  }
  return record_.open_next(std::span(in_).subspan(in_pos_, in_len_ - in_pos_));
}

void RecordChannel::done_with(const OpenedRecord& rec) noexcept {
  if (app_pos_ == app_end_) in_pos_ += rec.wire_size;
}

void RecordChannel::hold_application_data(const OpenedRecord& rec) noexcept {
  app_pos_ = static_cast<std::size_t>(rec.plaintext.data() - in_.data());
  app_end_ = app_pos_ + rec.plaintext.size();
  app_record_ = rec.wire_size;  // consumed once read() drains it
}

std::span<const std::uint8_t> RecordChannel::application_data() const noexcept {
  return std::span<const std::uint8_t>(in_).subspan(app_pos_, app_end_ - app_pos_);
}

// Once a record's data is all consumed, the record leaves the buffer.
Result<bool> RecordChannel::consume_application_data(std::size_t n) noexcept {
  if (n > app_end_ - app_pos_) return Error::buffer_too_small;  // more than application_data() gave
  if (n == 0) return false;
  app_pos_ += n;
  if (app_pos_ != app_end_) return false;
  app_pos_ = app_end_ = 0;
  in_pos_ += app_record_;
  app_record_ = 0;
  if (in_pos_ == in_len_) release_idle_input();
  return in_len_ - in_pos_ >= kRecordHeaderSize;
}

// Issue #15: idle connections hold little memory. The input buffer held
// decrypted records, so it is wiped before it goes back; the output buffer
// only ever held records as sent (application data is sealed straight from
// the caller's buffer into it, RecordLayer::seal_into).
void RecordChannel::release_idle_input() noexcept {
  if (!sizes_.release_idle || in_.capacity() == 0 || in_pos_ != in_len_ || app_pos_ != app_end_) return;
  crypto::secure_wipe(std::span<std::uint8_t>(in_).first(in_high_));  // beyond: zeros since it was taken
  RecordBuffer().swap(in_);
  in_len_ = in_pos_ = in_high_ = 0;
}

void RecordChannel::release_idle_output() noexcept {
  if (!sizes_.release_idle || out_.capacity() == 0 || out_sent_ != out_.size()) return;
  RecordBuffer().swap(out_);
  out_sent_ = 0;
}

// Room for `more` bytes: the buffer doubles as bytes arrive (so memory
// follows what was received, never a declared length), but never grows past
// the end of the message being reassembled.
void RecordChannel::reserve_reassembly(std::size_t more) {
  const std::size_t need = hs_.size() + more;
  if (need <= hs_.capacity()) return;
  std::size_t cap = std::max(need, 2 * hs_.capacity());
  if (hs_.size() >= kHandshakeHeaderSize)
    cap = std::max(need, std::min(cap, kHandshakeHeaderSize + declared_length(hs_)));
  hs_.reserve(cap);
}

// Once a large message has left the buffer, its memory goes back: the
// buffer keeps at most kept_reassembly bytes of capacity between messages.
void RecordChannel::release_reassembly() {
  if (hs_.capacity() <= sizes_.kept_reassembly || hs_.size() > sizes_.kept_reassembly) return;
  std::vector<std::uint8_t>(hs_.begin(), hs_.end()).swap(hs_);
}

void RecordChannel::add_handshake_bytes(std::span<const std::uint8_t> data) {
  reserve_reassembly(data.size());
  hs_.insert(hs_.end(), data.begin(), data.end());
}

Result<std::optional<std::vector<std::uint8_t>>> RecordChannel::next_handshake_message(HandshakeBounds bounds) {
  if (hs_.size() < kHandshakeHeaderSize) return std::optional<std::vector<std::uint8_t>>{};
  const std::size_t len = declared_length(hs_);
  const bool hello = hs_[0] == static_cast<std::uint8_t>(HandshakeType::client_hello);
  if (len > (hello ? bounds.client_hello : bounds.other)) return Error::handshake_message_too_large;
  if (hs_.size() < kHandshakeHeaderSize + len) return std::optional<std::vector<std::uint8_t>>{};
  const auto end = hs_.begin() + static_cast<std::ptrdiff_t>(kHandshakeHeaderSize + len);
  std::vector<std::uint8_t> message(hs_.begin(), end);
  hs_.erase(hs_.begin(), end);
  release_reassembly();
  return std::optional<std::vector<std::uint8_t>>(std::move(message));
}

Error RecordChannel::flush_flight() {
  if (flight_.empty()) return Error::ok;
  const Error e = record_.seal_all(ContentType::handshake, flight_, out_);
  flight_.clear();
  return e;
}

// Plaintext the next record may carry: unsent bytes plus the new record stay
// within one full record (record_out), which bounds the buffer.
std::size_t RecordChannel::write_room() const noexcept {
  const std::size_t pending = out_.size() - out_sent_;
  const std::size_t overhead = record_.sealed_size(0);
  if (pending + overhead >= sizes_.record_out) return 0;
  return std::min(kMaxPlaintext, sizes_.record_out - pending - overhead);
}

// Seals straight from the caller's buffer into the record's place in `out`
// (RecordLayer::seal_into): no copy of the plaintext.
Error RecordChannel::seal_application_data(std::span<const std::uint8_t> data) {
  if (out_sent_ > 0) {  // drop what was sent, so unsent bytes start the buffer
    out_.erase(out_.begin(), out_.begin() + static_cast<std::ptrdiff_t>(out_sent_));
    out_sent_ = 0;
  }
  // A record and a trailing alert fit without growing (vector growth doubles).
  const std::size_t want = sizes_.record_out + sizes_.out_slack;
  if (out_.capacity() < want) out_.reserve(want);
  return record_.seal(ContentType::application_data, data, out_);
}

void RecordChannel::consume_outgoing(std::size_t n) noexcept {
  out_sent_ += std::min(n, out_.size() - out_sent_);
  if (out_sent_ == out_.size()) {
    out_.clear();
    out_sent_ = 0;
    release_idle_output();
  }
}

// RFC 5246 §7.2: struct { AlertLevel level; AlertDescription description; } Alert;
bool RecordChannel::send_alert(AlertLevel level, Alert a) {
  const std::uint8_t body[2] = {static_cast<std::uint8_t>(level), static_cast<std::uint8_t>(a)};
  if (seal(ContentType::alert, body) != Error::ok) return false;
  if (level == AlertLevel::fatal) alert_sent_ = a;
  if (a == Alert::close_notify) close_notify_sent_ = true;
  return true;
}

Error RecordChannel::receive_alert(AlertLevel level, Alert a, bool established) noexcept {
  if (a == Alert::close_notify) {
    // RFC 5246 §7.2.1: "the other party MUST respond with a close_notify
    // alert of its own and close down the connection immediately". The
    // engine answers when read() reports the closure to the application, so
    // that data read just before it can still be answered (an echo server).
    close_notify_received_ = true;
    if (established) return Error::ok;
    peer_alert_ = a;  // closed before the handshake finished
    return Error::peer_alert;
  }
  if (level == AlertLevel::fatal) {
    // RFC 5246 §7.2.2: the connection ends; nothing is sent back.
    peer_alert_ = a;
    return Error::peer_alert;
  }
  // Warnings (no_renegotiation, user_canceled, ...) are ignored, but a peer
  // cannot keep us busy with them.
  if (++warning_run_ > kMaxWarnings) return Error::unexpected_message;
  return Error::ok;
}

void RecordChannel::release_handshake_buffers() noexcept {
  if (flight_.capacity() != 0) std::vector<std::uint8_t>().swap(flight_);
  if (hs_.empty() && hs_.capacity() != 0) std::vector<std::uint8_t>().swap(hs_);
}

// Nothing is opened or sealed after a fatal error, so the keys and every
// buffer but `out` (which holds the alert to transmit) can go.
void RecordChannel::release_after_failure() noexcept {
  record_.drop_keys();
  crypto::secure_wipe(std::span<std::uint8_t>(in_));
  RecordBuffer().swap(in_);
  in_len_ = in_pos_ = in_high_ = app_pos_ = app_end_ = app_record_ = 0;
  std::vector<std::uint8_t>().swap(hs_);
  std::vector<std::uint8_t>().swap(flight_);
}

}  // namespace baretls::tls::detail

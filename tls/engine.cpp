// SPDX-License-Identifier: MIT
// The connection engine (see engine.h): incoming records (RFC 5246 §6.2),
// handshake reassembly with a size bound, alerts (RFC 5246 §7.2), the
// handshake dispatcher and application data.
#include "tls/engine.h"
#include "tls/inspect_hook.h"
#include "tls/resumption.h"

#include <algorithm>
#include <cstring>

namespace baretls::tls::detail {

Error Engine::fail(Error e) {
  if (error != Error::ok) return error;
  error = e;
  app_pos = app_end = 0;
  hs.clear();
  flight.clear();
  if (const auto a = alert_for(e); a && !alert_sent) send_alert(AlertLevel::fatal, *a);
  forget_session(*this);  // RFC 5246 §7.2.2 (resumption.h)
  neg.master.wipe();
  return error;
}

// RFC 5246 §7.2: struct { AlertLevel level; AlertDescription description; } Alert;
void Engine::send_alert(AlertLevel level, Alert a) {
  const std::uint8_t body[2] = {static_cast<std::uint8_t>(level), static_cast<std::uint8_t>(a)};
  if (record.seal(ContentType::alert, body, out) != Error::ok) return;
  if (level == AlertLevel::fatal) alert_sent = a;
  if (a == Alert::close_notify) close_notify_sent = true;
  trace(std::string(">>> Alert ") + (level == AlertLevel::fatal ? "fatal " : "warning ") +
        std::string(to_string(a)));
}

void Engine::trace(std::string_view text) const {
  const auto& t = config().trace;
  if (t.line != nullptr) t.line(t.ctx, text);
}

// The free tail of the input buffer. When no decrypted data points into it,
// the unprocessed bytes move to the front first, so that a whole record
// (kMaxRecordIn) always fits once the application has read what it was given.
std::span<std::uint8_t> Engine::input_space() {
  if (error != Error::ok) return {};
  if (in.empty()) in.resize(kMaxRecordIn, 0);  // zeroed once: nothing stale is ever offered
  if (app_pos == app_end && in_pos > 0) {
    if (in_len > in_pos) std::memmove(in.data(), in.data() + in_pos, in_len - in_pos);
    in_len -= in_pos;
    in_pos = 0;
  }
  return std::span(in).subspan(in_len);
}

Result<std::size_t> Engine::commit_input(std::size_t n) {
  if (error != Error::ok) return error;
  if (n > in.size() - in_len) return Error::buffer_too_small;  // more than input_space() offered
  in_len += n;
  if (const Error e = pump(); e != Error::ok) return e;
  return n;
}

Result<std::size_t> Engine::feed(std::span<const std::uint8_t> data) {
  const auto space = input_space();
  const std::size_t n = std::min(data.size(), space.size());
  std::copy_n(data.begin(), n, space.begin());
  return commit_input(n);
}

Error Engine::pump() {
  while (error == Error::ok && app_pos == app_end && !close_notify_received) {
    auto rec = record.open_next(std::span(in).subspan(in_pos, in_len - in_pos));
    if (!rec) return fail(rec.error());
    if (!rec->has_value()) break;
    const OpenedRecord& r = **rec;
    if (const Error e = on_record(r); e != Error::ok) return fail(e);
    if (app_pos != app_end) {
      app_record = r.wire_size;  // consumed once read() drains it
    } else {
      in_pos += r.wire_size;
    }
  }
  if (error == Error::ok) {
    if (!flight.empty()) {
      if (const Error e = flush_flight(); e != Error::ok) return fail(e);
    }
    // Established: the handshake buffers' memory goes back (issue #7 bounds
    // an established connection at 48 KiB). A no-op once they are empty.
    if (state == HsState::established) {
      if (flight.capacity() != 0) std::vector<std::uint8_t>().swap(flight);
      if (hs.empty() && hs.capacity() != 0) std::vector<std::uint8_t>().swap(hs);
    }
  }
  return error;
}

Error Engine::on_record(const OpenedRecord& rec) {
  switch (rec.type) {
    case ContentType::handshake: return on_handshake_bytes(rec.plaintext);
    case ContentType::alert: return on_alert(rec.plaintext);
    case ContentType::change_cipher_spec: {
      // RFC 5246 §7.1: the message consists of a single byte of value 1; it
      // must not arrive in the middle of a handshake message.
      if (rec.plaintext.size() != 1 || rec.plaintext[0] != 1) return Error::decode_bad_value;
      if (!hs.empty()) return Error::unexpected_change_cipher_spec;
      const auto rows = role == Role::client ? client_rows() : server_rows();
      const Handler h = find_handler(rows, state, kChangeCipherSpec);
      if (h == nullptr) return Error::unexpected_change_cipher_spec;
      trace("<<< ChangeCipherSpec");
      auto next = h(*this, {});
      if (!next) return next.error();
      state = *next;
      return Error::ok;
    }
    case ContentType::application_data: {
      // RFC 5246 §6.2.1 / §7.4.9: no application data before Finished
      // (and never in the clear).
      if (state != HsState::established || !record.read_protected()) return Error::unexpected_message;
      if (!hs.empty()) return Error::unexpected_message;
      warning_run = 0;
      renegotiation_run = 0;
      app_pos = static_cast<std::size_t>(rec.plaintext.data() - in.data());
      app_end = app_pos + rec.plaintext.size();
      return Error::ok;
    }
  }
  return Error::unexpected_record_type;
}

namespace {
// RFC 5246 §7.4: uint24 length after the type byte.
std::size_t declared_length(const std::vector<std::uint8_t>& hs) {
  return (std::size_t{hs[1]} << 16) | (std::size_t{hs[2]} << 8) | hs[3];
}
}  // namespace

// The largest body accepted for a message of `type`: the configured bound,
// and at least kMaxClientHelloSize for the ClientHello a server receives
// (many suites or a large padding extension make real ones bigger than 64 KiB).
std::size_t Engine::handshake_bound(std::uint8_t type) const noexcept {
  const std::size_t configured = config().max_handshake_message_size;
  if (role == Role::server && type == static_cast<std::uint8_t>(HandshakeType::client_hello))
    return std::max(configured, kMaxClientHelloSize);
  return configured;
}

// Room for `more` bytes: the buffer doubles as bytes arrive (so memory
// follows what was received, never a declared length), but never grows past
// the end of the message being reassembled.
void Engine::reserve_reassembly(std::size_t more) {
  const std::size_t need = hs.size() + more;
  if (need <= hs.capacity()) return;
  std::size_t cap = std::max(need, 2 * hs.capacity());
  if (hs.size() >= kHandshakeHeaderSize) cap = std::max(need, std::min(cap, kHandshakeHeaderSize + declared_length(hs)));
  hs.reserve(cap);
}

// Once a large message has left the buffer, its memory goes back: the
// buffer keeps at most kKeptReassembly bytes of capacity between messages.
void Engine::release_reassembly() {
  if (hs.capacity() <= kKeptReassembly || hs.size() > kKeptReassembly) return;
  std::vector<std::uint8_t>(hs.begin(), hs.end()).swap(hs);
}

// RFC 5246 §6.2.1: handshake messages may be coalesced into one record or
// fragmented across several. Reassemble, each bounded by handshake_bound().
Error Engine::on_handshake_bytes(std::span<const std::uint8_t> data) {
  reserve_reassembly(data.size());
  hs.insert(hs.end(), data.begin(), data.end());
  while (hs.size() >= kHandshakeHeaderSize) {
    const std::size_t len = declared_length(hs);
    if (len > handshake_bound(hs[0])) return Error::handshake_message_too_large;
    if (hs.size() < kHandshakeHeaderSize + len) break;
    const auto type = static_cast<HandshakeType>(hs[0]);
    const std::vector<std::uint8_t> message(hs.begin(), hs.begin() + static_cast<std::ptrdiff_t>(4 + len));
    hs.erase(hs.begin(), hs.begin() + static_cast<std::ptrdiff_t>(4 + len));
    release_reassembly();
    BARETLS_TRY(dispatch(type, message));
    if (error != Error::ok) return error;
  }
  return Error::ok;
}

Error Engine::dispatch(HandshakeType type, std::span<const std::uint8_t> message) {
  const auto body = message.subspan(kHandshakeHeaderSize);
  // Described only when traced: describing parses the message a second time.
  if (tracing()) trace("<<< " + describe_handshake(type, body, role == Role::client ? Role::server : Role::client, neg.suite));
  inspect_handshake(config(), role == Role::client, false, message);
  const auto rows = role == Role::client ? client_rows() : server_rows();
  const Handler h = find_handler(rows, state, type);
  if (h == nullptr) return Error::unexpected_message;
  // RFC 5246 §7.4.1.1: HelloRequest is not in the transcript; nothing after
  // the handshake is either (renegotiation is refused).
  if (state != HsState::established && type != HandshakeType::hello_request) {
    if (type == HandshakeType::finished) neg.finished_hash_size = transcript.snapshot(neg.finished_hash);
    transcript.update(message);
  }
  auto next = h(*this, body);
  if (!next) return next.error();
  state = *next;
  return Error::ok;
}

Error Engine::on_alert(std::span<const std::uint8_t> body) {
  // We accept alerts only whole (two bytes in one record), as every stack sends them.
  if (body.size() != 2) return Error::decode_bad_length;
  const std::uint8_t level = body[0];
  const auto desc = static_cast<Alert>(body[1]);
  if (level != 1 && level != 2) return Error::decode_bad_value;
  trace(std::string("<<< Alert ") + (level == 2 ? "fatal " : "warning ") + std::string(to_string(desc)));
  if (desc == Alert::close_notify) {
    // RFC 5246 §7.2.1: "the other party MUST respond with a close_notify
    // alert of its own and close down the connection immediately". We
    // answer when read() reports the closure to the application, so that
    // data read just before it can still be answered (an echo server).
    close_notify_received = true;
    if (state != HsState::established) {  // closed before the handshake finished
      peer_alert = desc;
      error = Error::peer_alert;
      return error;
    }
    return Error::ok;
  }
  if (level == 2) {
    // RFC 5246 §7.2.2: the connection ends; we send nothing back, and its
    // session is not resumed.
    peer_alert = desc;
    alert_sent = std::nullopt;
    error = Error::peer_alert;
    forget_session(*this);
    return Error::peer_alert;
  }
  // Warnings (no_renegotiation, user_canceled, ...) are logged and ignored,
  // but a peer cannot keep us busy with them.
  if (++warning_run > 4) return Error::unexpected_message;
  return Error::ok;
}

// Decrypted application data, in place in `in` (records are opened where
// they arrived). Valid until the next call that changes the engine.
Result<std::span<const std::uint8_t>> Engine::read_view() {
  if (error != Error::ok) return error;
  if (app_pos == app_end) {
    if (!close_notify_received) return std::span<const std::uint8_t>{};
    if (!close_notify_sent) send_alert(AlertLevel::warning, Alert::close_notify);
    return Error::closed;
  }
  return std::span<const std::uint8_t>(in).subspan(app_pos, app_end - app_pos);
}

// Once a record's data is all consumed, the record leaves the buffer and the
// records behind it are processed.
Error Engine::consume_read(std::size_t n) {
  if (error != Error::ok) return error;
  if (n > app_end - app_pos) return Error::buffer_too_small;  // more than read_view() gave
  if (n == 0) return Error::ok;
  app_pos += n;
  if (app_pos == app_end) {
    app_pos = app_end = 0;
    in_pos += app_record;
    app_record = 0;
    // The records behind it, if a header's worth has arrived; nothing else
    // can have changed since the last pump().
    if (in_len - in_pos >= kRecordHeaderSize) return pump();
  }
  return Error::ok;
}

Result<std::size_t> Engine::read(std::span<std::uint8_t> out_buf) {
  auto view = read_view();
  if (!view) return view.error();
  const std::size_t n = std::min(out_buf.size(), view->size());
  std::copy_n(view->begin(), n, out_buf.begin());
  BARETLS_TRY(consume_read(n));
  return n;
}

// Plaintext the next record may carry: unsent bytes plus the new record stay
// within one full record (kMaxRecordOut), which bounds the buffer.
std::size_t Engine::write_room() const noexcept {
  const std::size_t pending = out.size() - out_sent;
  const std::size_t overhead = record.sealed_size(0);
  if (pending + overhead >= kMaxRecordOut) return 0;
  return std::min(kMaxPlaintext, kMaxRecordOut - pending - overhead);
}

// Seals straight from the caller's buffer into the record's place in `out`
// (RecordLayer::seal_into): no copy of the plaintext.
Result<std::size_t> Engine::write(std::span<const std::uint8_t> data) {
  if (error != Error::ok) return error;
  if (close_notify_sent) return Error::closed;
  if (state != HsState::established) return Error::invalid_state;
  const std::size_t n = std::min(data.size(), write_room());
  if (n == 0) return std::size_t{0};
  if (out_sent > 0) {  // drop what was sent, so unsent bytes start the buffer
    out.erase(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(out_sent));
    out_sent = 0;
  }
  // A record and a trailing alert fit without growing (vector growth doubles).
  if (out.capacity() < kMaxRecordOut + kOutSlack) out.reserve(kMaxRecordOut + kOutSlack);
  if (const Error e = record.seal(ContentType::application_data, data.first(n), out); e != Error::ok) return fail(e);
  return n;
}

// RFC 5246 §7.2.2 / RFC 5746 §4: a no_renegotiation warning per request,
// up to kMaxRenegotiationRefusals in a row; beyond, the connection ends.
Error Engine::refuse_renegotiation() {
  if (++renegotiation_run > kMaxRenegotiationRefusals) return Error::too_many_renegotiation_requests;
  send_alert(AlertLevel::warning, Alert::no_renegotiation);
  return Error::ok;
}

std::uint32_t Engine::state_flags() const noexcept {
  std::uint32_t f = 0;
  if (out.size() > out_sent) f |= kHasOutput;
  if (error != Error::ok) return f | kFailed | kClosed;
  if (app_pos != app_end) f |= kReadable;
  if (close_notify_received || close_notify_sent || transport_eof) f |= kClosed;
  if (state == HsState::established) {
    f |= kEstablished;
    if (!close_notify_sent && write_room() > 0) f |= kWritable;
  } else {
    f |= kHandshaking;
  }
  if (!(f & kReadable) && !close_notify_received && !transport_eof) f |= kWantInput;
  return f;
}

}  // namespace baretls::tls::detail

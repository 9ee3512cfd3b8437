// SPDX-License-Identifier: MIT
// The connection engine (see engine.h): what each record means to the
// handshake (RFC 5246 §6.2), the handshake dispatcher, alerts (RFC 5246
// §7.2), application data and the failed state. Buffers and records belong
// to the channel (channel.h).
#include "tls/engine.h"

#include <algorithm>
#include <initializer_list>

#include "tls/inspect_hook.h"

namespace baretls::tls::detail {

// The one way into the failed state; the first error sticks. Its alert goes
// out once (alert_for), the session is forgotten when the connection ends by
// a fatal alert (RFC 5246 §7.2.2; a close_notify or a missing one, §7.2.1,
// does not end it), then the secrets are wiped and the buffers given back.
Error Engine::fail(Error e) {
  if (error != Error::ok) return error;
  error = e;
  if (const auto a = alert_for(e); a && !channel.alert_sent()) send_alert(AlertLevel::fatal, *a);
  const bool closed_cleanly =
      e == Error::truncated || (e == Error::peer_alert && channel.peer_alert() == Alert::close_notify);
  if (!closed_cleanly) handshake->forget_session(*this);
  neg.master.wipe();
  for (DirectionKeys* k : {&neg.keys.client_write, &neg.keys.server_write}) {
    k->key.wipe();
    k->iv.wipe();
  }
  handshake->wipe();
  transcript.stop_keeping();
  channel.release_after_failure();
  return error;
}

void Engine::send_alert(AlertLevel level, Alert a) {
  (void)channel.send_alert(level, a);
}

std::span<std::uint8_t> Engine::input_space() {
  if (error != Error::ok) return {};
  return channel.input_space();
}

Result<std::size_t> Engine::commit_input(std::size_t n) {
  if (error != Error::ok) return error;
  BARETLS_TRY(channel.commit_input(n));
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
  while (error == Error::ok && !channel.has_application_data() && !channel.close_notify_received()) {
    auto rec = channel.open_next();
    if (!rec) return fail(rec.error());
    if (!rec->has_value()) break;
    const OpenedRecord& r = **rec;
    if (const Error e = on_record(r); e != Error::ok) return fail(e);
    channel.done_with(r);
  }
  if (error == Error::ok) {
    if (const Error e = channel.flush_flight(); e != Error::ok) return fail(e);
    // Established: the handshake buffers' memory goes back (issue #7 bounds
    // an established connection at 48 KiB). A no-op once they are empty.
    if (state == HsState::established) channel.release_handshake_buffers();
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
      if (channel.mid_handshake_message()) return Error::unexpected_change_cipher_spec;
      if (!handshake->accepts(state, kChangeCipherSpec)) return Error::unexpected_change_cipher_spec;
      auto next = handshake->handle(*this, kChangeCipherSpec, {});
      if (!next) return next.error();
      state = *next;
      return Error::ok;
    }
    case ContentType::application_data: {
      // RFC 5246 §6.2.1 / §7.4.9: no application data before Finished
      // (and never in the clear).
      if (state != HsState::established || !channel.record().read_protected()) return Error::unexpected_message;
      if (channel.mid_handshake_message()) return Error::unexpected_message;
      channel.note_application_data();
      renegotiation_run = 0;
      channel.hold_application_data(rec);
      return Error::ok;
    }
  }
  return Error::unexpected_record_type;
}

// The largest bodies accepted: the configured bound, and at least
// kMaxClientHelloSize for the ClientHello a server receives (many suites or
// a large padding extension make real ones bigger than 64 KiB).
HandshakeBounds Engine::handshake_bounds() const noexcept {
  const std::size_t configured = config().max_handshake_message_size;
  return {role == Role::server ? std::max(configured, kMaxClientHelloSize) : configured, configured};
}

// RFC 5246 §6.2.1: handshake messages may be coalesced into one record or
// fragmented across several; each is dispatched once whole.
Error Engine::on_handshake_bytes(std::span<const std::uint8_t> data) {
  channel.add_handshake_bytes(data);
  while (true) {
    auto message = channel.next_handshake_message(handshake_bounds());
    if (!message) return message.error();
    if (!message->has_value()) return Error::ok;
    const auto type = static_cast<HandshakeType>((**message)[0]);
    BARETLS_TRY(dispatch(type, **message));
    if (error != Error::ok) return error;
  }
}

Error Engine::dispatch(HandshakeType type, std::span<const std::uint8_t> message) {
  const auto body = message.subspan(kHandshakeHeaderSize);
  inspect_handshake(config(), role == Role::client, false, message, neg.suite);
  if (!handshake->accepts(state, type)) return Error::unexpected_message;
  // RFC 5246 §7.4.1.1: HelloRequest is not in the transcript; nothing after
  // the handshake is either (renegotiation is refused).
  if (state != HsState::established && type != HandshakeType::hello_request) {
    neg.before_hash_size = transcript.snapshot(neg.before_hash);
    neg.before_messages_size = transcript.messages().size();
    transcript.update(message);
  }
  auto next = handshake->handle(*this, type, body);
  if (!next) return next.error();
  state = *next;
  return Error::ok;
}

// We accept alerts only whole (two bytes in one record), as every stack sends them.
Error Engine::on_alert(std::span<const std::uint8_t> body) {
  if (body.size() != 2) return Error::decode_bad_length;
  const std::uint8_t level = body[0];
  const auto desc = static_cast<Alert>(body[1]);
  if (level != 1 && level != 2) return Error::decode_bad_value;
  // A fatal one or an early close_notify comes back as peer_alert, which
  // pump() hands to fail().
  return channel.receive_alert(static_cast<AlertLevel>(level), desc, state == HsState::established);
}

// Decrypted application data, in place in the input buffer (records are
// opened where they arrived). Valid until the next call that changes the engine.
Result<std::span<const std::uint8_t>> Engine::read_view() {
  if (error != Error::ok) return error;
  if (!channel.has_application_data()) {
    if (!channel.close_notify_received()) return std::span<const std::uint8_t>{};
    if (!channel.close_notify_sent()) send_alert(AlertLevel::warning, Alert::close_notify);
    return Error::closed;
  }
  return channel.application_data();
}

// Once a record's data is all consumed, the records behind it are processed
// (if a header's worth has arrived; nothing else can have changed since the
// last pump()).
Error Engine::consume_read(std::size_t n) {
  if (error != Error::ok) return error;
  auto more = channel.consume_application_data(n);
  if (!more) return more.error();
  return *more ? pump() : Error::ok;
}

Result<std::size_t> Engine::read(std::span<std::uint8_t> out_buf) {
  auto view = read_view();
  if (!view) return view.error();
  const std::size_t n = std::min(out_buf.size(), view->size());
  std::copy_n(view->begin(), n, out_buf.begin());
  BARETLS_TRY(consume_read(n));
  return n;
}

Result<std::size_t> Engine::write(std::span<const std::uint8_t> data) {
  if (error != Error::ok) return error;
  if (channel.close_notify_sent()) return Error::closed;
  if (state != HsState::established) return Error::invalid_state;
  const std::size_t n = std::min(data.size(), channel.write_room());
  if (n == 0) return std::size_t{0};
  if (const Error e = channel.seal_application_data(data.first(n)); e != Error::ok) return fail(e);
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
  if (channel.has_output()) f |= kHasOutput;
  if (error != Error::ok) return f | kFailed | kClosed;
  if (channel.has_application_data()) f |= kReadable;
  if (channel.close_notify_received() || channel.close_notify_sent() || channel.transport_eof()) f |= kClosed;
  if (state == HsState::established) {
    f |= kEstablished;
    if (!channel.close_notify_sent() && channel.write_room() > 0) f |= kWritable;
  } else {
    f |= kHandshaking;
  }
  if (!(f & kReadable) && !channel.close_notify_received() && !channel.transport_eof()) f |= kWantInput;
  return f;
}

}  // namespace baretls::tls::detail

// SPDX-License-Identifier: MIT
// Shared handshake framing and list helpers (messages.h, msg_common.h).
#include "tls/msg_common.h"

#include "tls/messages.h"

namespace baretls::tls {

namespace detail {

Result<std::vector<std::uint16_t>> read_u16_list(wire::Reader& r, std::size_t min, std::size_t max) {
  auto body = r.sub16(min, max);
  if (!body) return body.error();
  if (body->remaining() % 2 != 0) return Error::decode_bad_length;
  std::vector<std::uint16_t> out;
  out.reserve(body->remaining() / 2);
  while (!body->empty()) {
    auto v = body->u16();
    if (!v) return v.error();
    out.push_back(*v);
  }
  return out;
}

Result<ServerHelloFields> read_server_hello_fields(wire::Reader& r) {
  auto version = r.u16();
  auto random = r.bytes(32);
  auto sid = r.opaque8(0, 32);
  auto suite = r.u16();
  auto comp = r.u8();
  if (!version || !random || !sid || !suite || !comp) return r.error();
  return ServerHelloFields{*version, *random, *sid, *suite, *comp};
}

void write_u16_list(wire::Writer& w, std::span<const std::uint16_t> list) {
  const auto m = w.open_length(2);
  for (const auto v : list) w.u16(v);
  w.close_length(m);
}

}  // namespace detail

std::string_view to_string(HandshakeType t) noexcept {
  switch (t) {
    case HandshakeType::hello_request: return "HelloRequest";
    case HandshakeType::client_hello: return "ClientHello";
    case HandshakeType::server_hello: return "ServerHello";
    case HandshakeType::new_session_ticket: return "NewSessionTicket";
    case HandshakeType::certificate: return "Certificate";
    case HandshakeType::server_key_exchange: return "ServerKeyExchange";
    case HandshakeType::certificate_request: return "CertificateRequest";
    case HandshakeType::server_hello_done: return "ServerHelloDone";
    case HandshakeType::certificate_verify: return "CertificateVerify";
    case HandshakeType::client_key_exchange: return "ClientKeyExchange";
    case HandshakeType::finished: return "Finished";
  }
  return "unknown";
}

// Handshake bodies are bounded by the u24 length; we size the scratch by
// what the caller writes (certificate chains are the big ones). It starts
// small and grows on buffer_too_small, so that a flight of small messages
// never holds 16 KiB of scratch (issue #15: a server handshake's heap peak).
Error append_framed(std::vector<std::uint8_t>& out, HandshakeType type,
                    void (*body)(wire::Writer&, const void*), const void* msg) {
  std::size_t room = 1024;
  for (;;) {
    const std::size_t start = out.size();
    out.resize(start + room);
    wire::Writer w(std::span<std::uint8_t>(out).subspan(start));
    w.u8(static_cast<std::uint8_t>(type));
    const auto m = w.open_length(3);
    body(w, msg);
    w.close_length(m);
    auto n = w.finish();
    if (n) {
      out.resize(start + *n);
      return Error::ok;
    }
    out.resize(start);
    if (n.error() != Error::buffer_too_small || room >= (1u << 24)) return n.error();
    room *= 4;
  }
}

Error append_empty_handshake(std::vector<std::uint8_t>& out, HandshakeType type) {
  out.push_back(static_cast<std::uint8_t>(type));
  out.insert(out.end(), {0, 0, 0});
  return Error::ok;
}

// RFC 5246 §7.4.1.1 HelloRequest and §7.4.5 ServerHelloDone: struct { };
Error parse_empty(std::span<const std::uint8_t> body) {
  return body.empty() ? Error::ok : Error::decode_trailing_data;
}

}  // namespace baretls::tls

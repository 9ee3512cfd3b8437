// SPDX-License-Identifier: MIT
// Application-Layer Protocol Negotiation (RFC 7301): the client offers its
// protocols in order, the server picks one by its own preference and
// answers with exactly that one, or refuses with no_application_protocol.
#include <algorithm>

#include "tls/engine.h"
#include "tls/features.h"

namespace baretls::tls::detail {

// RFC 7301 §3.1: opaque ProtocolName<1..2^8-1>;
//   ProtocolName protocol_name_list<2..2^16-1>;
// "Empty strings MUST NOT be included and byte strings MUST NOT be truncated."
Error check_alpn_config(const CommonConfig& c) {
  std::size_t total = 0;
  for (const auto& name : c.alpn) {
    if (name.empty() || name.size() > 0xff) return Error::bad_config;
    total += 1 + name.size();
  }
  if (total > 0xffff) return Error::bad_config;
  return Error::ok;
}

std::optional<std::vector<std::string>> client_alpn_offer(const CommonConfig& c) {
  if (c.alpn.empty()) return std::nullopt;
  return c.alpn;
}

// RFC 7301 §3.1: the server's "protocol_name_list" MUST contain exactly one
// ProtocolName (checked by ServerHello::parse). RFC 7301 §3.2 leaves the
// check of the choice to the client; we insist it was offered.
Error client_accept_alpn(Engine& e, const ServerHello& sh) {
  if (!sh.alpn) return Error::ok;
  const auto& offered = e.config().alpn;
  // RFC 5246 §7.4.1.4: an extension we did not send.
  if (offered.empty()) return Error::unoffered_extension;
  if (std::find(offered.begin(), offered.end(), *sh.alpn) == offered.end())
    return Error::unoffered_application_protocol;
  e.alpn_protocol = *sh.alpn;
  return Error::ok;
}

// RFC 7301 §3.2: "the server SHALL select the most highly preferred
// protocol that it supports and that is also advertised by the client. In
// the event that the server supports no protocols that the client
// advertises, then the server SHALL respond with a fatal
// "no_application_protocol" alert." A server without ALPN ignores the
// extension (RFC 5246 §7.4.1.4).
Error server_select_alpn(Engine& e, const ClientHello& ch) {
  const auto& ours = e.config().alpn;
  if (!ch.alpn || ours.empty()) return Error::ok;
  for (const auto& p : ours) {
    if (std::find(ch.alpn->begin(), ch.alpn->end(), p) != ch.alpn->end()) {
      e.alpn_protocol = p;
      return Error::ok;
    }
  }
  return Error::no_application_protocol;
}

}  // namespace baretls::tls::detail

// SPDX-License-Identifier: MIT
// The handshake features beyond the first handshake that the handshake
// objects (handshake_client.h, handshake_server.h) call into: ALPN (RFC
// 7301; alpn.cpp), SNI certificate selection (RFC 6066 §3, RFC 6125 §6.4;
// sni.cpp) and the NSS key log (key_log.cpp). Client certificates are
// members of the handshake objects (client_auth_client.cpp,
// client_auth_server.cpp). Internal.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "baretls/tls/config.h"
#include "baretls/tls/errors.h"
#include "tls/messages.h"

namespace baretls::tls::detail {

struct Engine;

// --- ALPN (alpn.cpp) ---
// bad_config unless every name is 1..255 bytes and the encoded list fits.
[[nodiscard]] Error check_alpn_config(const CommonConfig& c);
// The client's offer: nullopt when it has no protocols configured.
[[nodiscard]] std::optional<std::vector<std::string>> client_alpn_offer(const CommonConfig& c);
// Client: the server's answer must be one we offered; stores it.
[[nodiscard]] Error client_accept_alpn(Engine& e, const ServerHello& sh);
// Server: picks by its own preference; no overlap -> no_application_protocol.
// Without ALPN configured the extension is ignored.
[[nodiscard]] Error server_select_alpn(Engine& e, const ClientHello& ch);

// --- SNI (sni.cpp) ---
// The server's chains to try, in tiers: those whose leaf SAN dNSName equals
// the requested name, then those matching by wildcard, then every chain in
// configured order (certificates[0], the default, first). Empty tiers are left out.
struct ChainTier {
  std::vector<const CertifiedKey*> chains;
  bool name_matched = false;
};
[[nodiscard]] std::vector<ChainTier> sni_tiers(const ServerConfig& cfg, const std::optional<std::string>& server_name);
// RFC 6066 §3 HostName: "the fully qualified DNS hostname of the server ...
// represented as a byte string using ASCII encoding without a trailing dot".
// Our rule: 1..253 bytes, dot-separated labels of 1..63 letters, digits,
// hyphens and underscores, no label starting or ending with a hyphen. So no
// NUL, control, space or non-ASCII byte, no empty label, no trailing dot.
// Underscores are outside RFC 1123 LDH but occur in real host names and are
// sent by real clients; an IPv4 literal passes (some clients send one; it
// names no certificate). A server refuses anything else (invalid_server_name).
[[nodiscard]] bool is_valid_host_name(std::string_view name) noexcept;
// DNS names compare ASCII case-insensitively (RFC 4343 §3).
[[nodiscard]] bool same_host_name(std::string_view a, std::string_view b) noexcept;
// The host_name a client sends for `server_name`: without one trailing dot;
// none for an IP literal ("Literal IPv4 and IPv6 addresses are not permitted
// in HostName") or a name is_valid_host_name() refuses.
[[nodiscard]] std::optional<std::string> client_sni(std::string_view server_name);

// --- Key log (key_log.cpp) ---
// Calls config().key_log once per connection with the NSS CLIENT_RANDOM line
// for neg.master. Exposes the master secret by design (debugging only).
void log_master_secret(Engine& e);

}  // namespace baretls::tls::detail

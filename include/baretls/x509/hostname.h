// SPDX-License-Identifier: MIT
// Server identity checks (RFC 6125 §6.4, RFC 5280 §4.2.1.6): DNS names are
// matched against subjectAltName dNSName entries only (never the subject
// CN), ASCII case-insensitively; a wildcard is accepted only as the whole
// left-most label, matches exactly one label, and needs at least two labels
// after it (so "*.com" matches nothing). IP literals (v4 and v6) are
// compared with iPAddress entries only.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "baretls/x509/certificate.h"
#include "baretls/x509/error.h"

namespace baretls::x509 {

struct IpAddress {
  std::array<std::uint8_t, 16> bytes{};
  std::size_t size = 0;  // 4 or 16
  [[nodiscard]] std::span<const std::uint8_t> span() const noexcept { return {bytes.data(), size}; }
};

// A dotted-quad IPv4 ("192.0.2.1", decimal, no leading zeros) or an RFC 4291
// §2.2 IPv6 text form ("2001:db8::1", "::ffff:192.0.2.1"); nothing else.
[[nodiscard]] std::optional<IpAddress> parse_ip_literal(std::string_view text) noexcept;
// RFC 6125 §6.4.1 / §6.4.3 with the rules above. `reference` may end in
// one '.', which is ignored.
[[nodiscard]] bool match_dns_name(std::string_view presented, std::string_view reference) noexcept;
// Error::ok or Error::hostname_mismatch (also for an empty or invalid host).
[[nodiscard]] Error check_hostname(const Certificate& cert, std::string_view host) noexcept;

}  // namespace baretls::x509

// SPDX-License-Identifier: MIT
// Host-name and IP-address matching; see hostname.h. RFC 6125 §6.4.1
// (case-insensitive label comparison), §6.4.3 (wildcards; we take the
// strictest reading: only a whole left-most "*" label), §6.4.4 is not used
// (no CN fallback), RFC 4291 §2.2 (IPv6 text).
#include "baretls/x509/hostname.h"

namespace baretls::x509 {

namespace {

char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_ignore_case(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// A syntactically plausible DNS name: 1..253 chars, labels 1..63 of
// letters, digits, '-' and '_' (seen in practice), not starting/ending with '-'.
bool is_dns_name(std::string_view name) noexcept {
  if (name.empty() || name.size() > 253) return false;
  std::size_t label = 0;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (c == '.') {
      if (label == 0 || name[i - 1] == '-') return false;
      label = 0;
      continue;
    }
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok || (label == 0 && c == '-') || ++label > 63) return false;
  }
  return label != 0 && name.back() != '-';
}

std::optional<IpAddress> parse_ipv4(std::string_view text) noexcept {
  IpAddress ip;
  ip.size = 4;
  std::size_t part = 0;
  std::size_t pos = 0;
  while (part < 4) {
    std::size_t value = 0;
    std::size_t digits = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      value = value * 10 + static_cast<std::size_t>(text[pos] - '0');
      if (++digits > 3) return std::nullopt;
      ++pos;
    }
    if (digits == 0 || value > 255 || (digits > 1 && text[pos - digits] == '0')) return std::nullopt;
    ip.bytes[part++] = static_cast<std::uint8_t>(value);
    if (part < 4) {
      if (pos >= text.size() || text[pos] != '.') return std::nullopt;
      ++pos;
    }
  }
  if (pos != text.size()) return std::nullopt;
  return ip;
}

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  c = lower(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// RFC 4291 §2.2: eight 16-bit groups; "::" once for a run of zero groups; an
// IPv4 dotted quad may end the address (forms 2 and 3).
std::optional<IpAddress> parse_ipv6(std::string_view text) noexcept {
  std::uint16_t groups[8] = {};
  std::size_t count = 0;
  std::optional<std::size_t> gap;  // index where "::" stands
  std::size_t pos = 0;
  if (text.substr(0, 2) == "::") {
    gap = 0;
    pos = 2;
  } else if (!text.empty() && text[0] == ':') {
    return std::nullopt;
  }
  while (pos < text.size()) {
    // An embedded IPv4 address takes the last two groups.
    const std::size_t next_colon = text.find(':', pos);
    if (next_colon == std::string_view::npos && text.find('.', pos) != std::string_view::npos) {
      const auto v4 = parse_ipv4(text.substr(pos));
      if (!v4 || count > 6) return std::nullopt;
      groups[count++] = static_cast<std::uint16_t>(v4->bytes[0] << 8 | v4->bytes[1]);
      groups[count++] = static_cast<std::uint16_t>(v4->bytes[2] << 8 | v4->bytes[3]);
      pos = text.size();
      break;
    }
    std::uint32_t value = 0;
    std::size_t digits = 0;
    while (pos < text.size() && hex_value(text[pos]) >= 0) {
      value = value << 4 | static_cast<std::uint32_t>(hex_value(text[pos]));
      if (++digits > 4) return std::nullopt;
      ++pos;
    }
    if (digits == 0 || count == 8) return std::nullopt;
    groups[count++] = static_cast<std::uint16_t>(value);
    if (pos == text.size()) break;
    if (text[pos] != ':') return std::nullopt;
    ++pos;
    if (pos < text.size() && text[pos] == ':') {
      if (gap) return std::nullopt;  // "::" at most once
      gap = count;
      ++pos;
    } else if (pos == text.size()) {
      return std::nullopt;  // trailing single ':'
    }
  }
  if (gap ? count > 7 : count != 8) return std::nullopt;
  IpAddress ip;
  ip.size = 16;
  const std::size_t head = gap ? *gap : count;
  const std::size_t zeros = 8 - count;
  for (std::size_t i = 0, g = 0; i < 8; ++i) {
    const bool in_gap = i >= head && i < head + zeros;
    const std::uint16_t v = in_gap ? 0 : groups[g++];
    ip.bytes[2 * i] = static_cast<std::uint8_t>(v >> 8);
    ip.bytes[2 * i + 1] = static_cast<std::uint8_t>(v);
  }
  return ip;
}

}  // namespace

std::optional<IpAddress> parse_ip_literal(std::string_view text) noexcept {
  if (text.find(':') != std::string_view::npos) return parse_ipv6(text);
  return parse_ipv4(text);
}

bool match_dns_name(std::string_view presented, std::string_view reference) noexcept {
  if (!reference.empty() && reference.back() == '.') reference.remove_suffix(1);
  if (!is_dns_name(reference) || parse_ip_literal(reference)) return false;
  if (presented.size() > 2 && presented[0] == '*' && presented[1] == '.') {
    // §6.4.3 rule 2: "*" stands for exactly the left-most label. We also
    // demand two labels after it: "*.com" or "*.co" never match.
    const std::string_view rest = presented.substr(2);
    if (rest.find('.') == std::string_view::npos || !is_dns_name(rest)) return false;
    const std::size_t dot = reference.find('.');
    if (dot == std::string_view::npos || dot == 0) return false;
    return equal_ignore_case(reference.substr(dot + 1), rest);
  }
  // Any other '*' (partial label, not left-most) makes the name unusable.
  if (!is_dns_name(presented)) return false;
  return equal_ignore_case(presented, reference);
}

Error check_hostname(const Certificate& cert, std::string_view host) noexcept {
  if (host.empty()) return Error::hostname_mismatch;
  const auto ip = parse_ip_literal(host);
  for (const auto& name : cert.subject_alt_names) {
    if (ip) {
      if (name.form != NameForm::ip) continue;
      const auto want = ip->span();
      if (std::equal(want.begin(), want.end(), name.value.begin(), name.value.end())) return Error::ok;
    } else if (name.form == NameForm::dns) {
      const std::string_view presented(reinterpret_cast<const char*>(name.value.data()), name.value.size());
      if (match_dns_name(presented, host)) return Error::ok;
    }
  }
  return Error::hostname_mismatch;
}

}  // namespace baretls::x509

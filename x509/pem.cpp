// SPDX-License-Identifier: MIT
// PEM decoding and encoding; see pem.h. RFC 7468 §2-§3, RFC 4648 §4.
#include "baretls/x509/pem.h"

namespace baretls::x509 {

namespace {

constexpr std::string_view kBegin = "-----BEGIN ";
constexpr std::string_view kEnd = "-----END ";
constexpr std::string_view kDashes = "-----";
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int base64_value(char c) noexcept {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// RFC 7468 §3: label = [ labelchar *( ["-" / SP] labelchar ) ], labelchar =
// %x21-2C / %x2E-7E.
bool label_is_valid(std::string_view label) noexcept {
  char prev = '-';
  for (const char c : label) {
    const bool labelchar = c >= 0x21 && c <= 0x7e && c != '-';
    if (!labelchar && c != '-' && c != ' ') return false;
    if (!labelchar && (prev == '-' || prev == ' ')) return false;
    prev = c;
  }
  return label.empty() || (prev != '-' && prev != ' ');
}

// Only whitespace up to the end of the line (or of the text).
bool rest_of_line_blank(std::string_view text, std::size_t pos) noexcept {
  for (; pos < text.size() && text[pos] != '\n'; ++pos) {
    if (text[pos] != ' ' && text[pos] != '\t' && text[pos] != '\r') return false;
  }
  return true;
}

// Position of the next "-----BEGIN " at the start of a line, or npos.
std::size_t find_begin(std::string_view text, std::size_t from) noexcept {
  while (true) {
    const std::size_t pos = text.find(kBegin, from);
    if (pos == std::string_view::npos || pos == 0 || text[pos - 1] == '\n') return pos;
    from = pos + 1;
  }
}

}  // namespace

Result<std::vector<std::uint8_t>> base64_decode(std::string_view text) {
  std::vector<std::uint8_t> out;
  out.reserve(text.size() / 4 * 3);
  std::uint32_t acc = 0;
  std::size_t count = 0;    // significant characters, padding included
  std::size_t padding = 0;  // '=' seen
  for (const char c : text) {
    if (is_space(c)) continue;
    if (c == '=') {
      ++padding;
      ++count;
      continue;
    }
    const int v = base64_value(c);
    if (v < 0 || padding != 0) return Error::malformed;  // bad char, or data after '='
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    ++count;
    if (count % 4 == 0) {
      out.push_back(static_cast<std::uint8_t>(acc >> 16));
      out.push_back(static_cast<std::uint8_t>(acc >> 8));
      out.push_back(static_cast<std::uint8_t>(acc));
      acc = 0;
    }
  }
  // RFC 4648 §3.2/§4: a multiple of 4 with at most two '=' closing the last
  // quantum; §3.5: the pad bits must be zero (canonical encoding).
  if (count % 4 != 0 || padding > 2) return Error::malformed;
  if (padding == 1) {  // 3 characters = 18 bits -> 2 bytes, 2 pad bits
    if ((acc & 0x3u) != 0) return Error::malformed;
    out.push_back(static_cast<std::uint8_t>(acc >> 10));
    out.push_back(static_cast<std::uint8_t>(acc >> 2));
  } else if (padding == 2) {  // 2 characters = 12 bits -> 1 byte, 4 pad bits
    if ((acc & 0xfu) != 0) return Error::malformed;
    out.push_back(static_cast<std::uint8_t>(acc >> 4));
  }
  return out;
}

Result<std::vector<PemBlock>> pem_decode_blocks(std::string_view text) {
  if (text.size() > kMaxPemText) return Error::too_large;
  std::vector<PemBlock> blocks;
  std::size_t pos = find_begin(text, 0);
  while (pos != std::string_view::npos) {
    const std::size_t label_start = pos + kBegin.size();
    const std::size_t label_end = text.find(kDashes, label_start);
    if (label_end == std::string_view::npos) return Error::malformed;
    const std::string_view label = text.substr(label_start, label_end - label_start);
    if (!label_is_valid(label) || label.find('\n') != std::string_view::npos) return Error::malformed;
    const std::size_t body_start = label_end + kDashes.size();
    if (!rest_of_line_blank(text, body_start)) return Error::malformed;
    const std::size_t end = text.find(kEnd, body_start);
    if (end == std::string_view::npos) return Error::malformed;
    // RFC 7468 §2: the END label must match the BEGIN label.
    const std::size_t end_label = end + kEnd.size();
    if (text.substr(end_label, label.size()) != label ||
        text.substr(end_label + label.size(), kDashes.size()) != kDashes) {
      return Error::malformed;
    }
    const std::size_t after = end_label + label.size() + kDashes.size();
    if (!rest_of_line_blank(text, after)) return Error::malformed;
    auto data = base64_decode(text.substr(body_start, end - body_start));
    if (!data) return data.error();
    if (data->empty()) return Error::malformed;
    blocks.push_back(PemBlock{std::string(label), std::move(*data)});
    pos = find_begin(text, after);
  }
  return blocks;
}

Result<std::vector<std::vector<std::uint8_t>>> pem_decode_all(std::string_view text, std::string_view label) {
  auto blocks = pem_decode_blocks(text);
  if (!blocks) return blocks.error();
  std::vector<std::vector<std::uint8_t>> out;
  for (auto& b : *blocks) {
    if (b.label == label) out.push_back(std::move(b.data));
  }
  return out;
}

std::string pem_encode(std::string_view label, std::span<const std::uint8_t> data) {
  std::string out = std::string(kBegin) + std::string(label) + "-----\n";
  std::size_t line = 0;
  for (std::size_t i = 0; i < data.size(); i += 3) {
    const std::size_t n = data.size() - i < 3 ? data.size() - i : 3;
    std::uint32_t v = static_cast<std::uint32_t>(data[i]) << 16;
    if (n > 1) v |= static_cast<std::uint32_t>(data[i + 1]) << 8;
    if (n > 2) v |= data[i + 2];
    const char quad[4] = {kAlphabet[(v >> 18) & 63], kAlphabet[(v >> 12) & 63],
                          n > 1 ? kAlphabet[(v >> 6) & 63] : '=', n > 2 ? kAlphabet[v & 63] : '='};
    out.append(quad, 4);
    line += 4;
    if (line == 64) {
      out += '\n';
      line = 0;
    }
  }
  if (line != 0) out += '\n';
  out += std::string(kEnd) + std::string(label) + "-----\n";
  return out;
}

}  // namespace baretls::x509

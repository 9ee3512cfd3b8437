// SPDX-License-Identifier: MIT
// UTCTime / GeneralizedTime parsing and printing; see time.h. RFC 5280
// §4.1.2.5.1-2; the civil-date arithmetic is the usual era-based algorithm.
#include "baretls/x509/time.h"
#include "x509/parsers.h"

#include <cstdio>

namespace baretls::x509 {

namespace {

// `count` decimal digits at s[pos..]; -1 if any is not a digit.
int digits(std::span<const std::uint8_t> s, std::size_t pos, std::size_t count) noexcept {
  int v = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint8_t c = s[pos + i];
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

bool is_leap(std::int64_t y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(std::int64_t y, unsigned m) noexcept {
  constexpr unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

}  // namespace

std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) noexcept {
  const std::int64_t y = month <= 2 ? year - 1 : year;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = month > 2 ? month - 3 : month + 9;
  const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Result<std::int64_t> parse_time(const der::Element& element) noexcept {
  const auto s = element.value;
  std::int64_t year = 0;
  std::size_t pos = 0;
  if (element.tag == der::kUtcTime) {
    // RFC 5280 §4.1.2.5.1: "MUST be expressed in Greenwich Mean Time (Zulu)
    // and MUST include seconds (i.e., times are YYMMDDHHMMSSZ)".
    if (s.size() != 13) return Error::malformed;
    const int yy = digits(s, 0, 2);
    if (yy < 0) return Error::malformed;
    // "Where YY is greater than or equal to 50, the year SHALL be interpreted as 19YY".
    year = yy >= 50 ? 1900 + yy : 2000 + yy;
    pos = 2;
  } else if (element.tag == der::kGeneralizedTime) {
    // §4.1.2.5.2: "MUST include seconds ... MUST NOT include fractional seconds".
    if (s.size() != 15) return Error::malformed;
    const int yyyy = digits(s, 0, 4);
    if (yyyy < 0) return Error::malformed;
    year = yyyy;
    pos = 4;
  } else {
    return Error::malformed;
  }
  const int month = digits(s, pos, 2);
  const int day = digits(s, pos + 2, 2);
  const int hour = digits(s, pos + 4, 2);
  const int minute = digits(s, pos + 6, 2);
  const int second = digits(s, pos + 8, 2);
  if (s[pos + 10] != 'Z') return Error::malformed;
  if (month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 ||
      second > 59) {
    return Error::malformed;
  }
  if (static_cast<unsigned>(day) > days_in_month(year, static_cast<unsigned>(month))) return Error::malformed;
  const std::int64_t days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return days * 86400 + hour * 3600 + minute * 60 + second;
}

std::string format_time(std::int64_t t) {
  std::int64_t days = t / 86400;
  std::int64_t secs = t % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  // Inverse of days_from_civil.
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld %02lld:%02lld:%02lld UTC", static_cast<long long>(y),
                static_cast<long long>(m), static_cast<long long>(d), static_cast<long long>(secs / 3600),
                static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60));
  return buf;
}

}  // namespace baretls::x509

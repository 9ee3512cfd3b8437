// SPDX-License-Identifier: MIT
// Certificate times (RFC 5280 §4.1.2.5): UTCTime "YYMMDDHHMMSSZ" (§4.1.2.5.1,
// YY >= 50 is 19YY) and GeneralizedTime "YYYYMMDDHHMMSSZ" (§4.1.2.5.2, no
// fractional seconds), converted to Unix time (seconds since 1970, UTC).
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "baretls/x509/error.h"

namespace baretls::x509 {

// Days from 1970-01-01 to the given proleptic Gregorian date.
[[nodiscard]] std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) noexcept;
// "2025-01-31 12:00:00 UTC".
[[nodiscard]] std::string format_time(std::int64_t unix_time);

}  // namespace baretls::x509

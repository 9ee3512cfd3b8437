// SPDX-License-Identifier: MIT
// `baretls client --sess-in/--sess-out`: a tls::Session in a file, as
// "-----BEGIN BARETLS SESSION-----" armour around base64 of
// Session::serialize(). The file holds a master secret: written mode 0600.
#pragma once

#include <optional>
#include <string>

#include "baretls/tls/session.h"

namespace baretls::cli {

inline constexpr const char* kSessionPemLabel = "BARETLS SESSION";

// The session in `path`; nullopt and a message on stderr on failure.
std::optional<tls::Session> read_session_file(const std::string& path);
// Writes (replacing) `path` with mode 0600; false and a message on failure.
bool write_session_file(const std::string& path, const tls::Session& session);

}  // namespace baretls::cli

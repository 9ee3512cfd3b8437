// SPDX-License-Identifier: MIT
// Helpers shared by `baretls client` and `baretls server`: list parsing for
// --cipher/--groups, certificate and key loading, the system clock and the
// --trace printer (trace.h).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "baretls/tls/config.h"
#include "baretls/tls/connection.h"

namespace baretls::cli {

// "A:B,C" -> {"A","B","C"}.
std::vector<std::string> split_list(std::string_view s);
// Fills cfg.cipher_suites / cfg.groups; false (and a message) on an unknown name.
bool parse_ciphers(std::string_view list, tls::CommonConfig& cfg);
bool parse_groups(std::string_view list, tls::CommonConfig& cfg);
// Reads CHAIN.pem and KEY.pem into a CertifiedKey; nullopt and a message on failure.
std::optional<tls::CertifiedKey> load_certified_key(const char* cert_path, const char* key_path);
std::optional<std::string> read_text_file(const char* path);
tls::Clock system_clock();
// "TLS_..., x25519" for the connection summary.
std::string describe_session(const tls::Connection& c);
// The reason for a failed connection, with the alert when there is one.
std::string describe_failure(const tls::Connection& c, tls::Error e);

// --alpn "h2,http/1.1" -> cfg.alpn (comma separated; names 1..255 bytes).
bool parse_alpn(std::string_view list, tls::CommonConfig& cfg);
// --keylog FILE, or $SSLKEYLOGFILE when `path` is empty: a sink appending
// NSS key-log lines to the file (created 0600). Nothing set: no sink.
// False (and a message) when the file cannot be opened.
bool open_key_log(const std::string& path, tls::CommonConfig& cfg);
// "subject CN=..., O=... issued by CN=..." for a DER certificate (escaped, tools/escape.h).
std::string describe_certificate(std::span<const std::uint8_t> der);

}  // namespace baretls::cli

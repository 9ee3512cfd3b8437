// SPDX-License-Identifier: MIT
// TLS alerts (RFC 5246 §7.2) and the tls::Error codes, grouped by cause
// (docs/ARCHITECTURE.md). alert_for() is the one place that maps an error to the
// alert sent; to_string() gives a stable one-line reason.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "baretls/result.h"

namespace baretls::tls {

// RFC 5246 §7.2, RFC 5746 §3.3... AlertDescription values.
enum class Alert : std::uint8_t {
  close_notify = 0,
  unexpected_message = 10,
  bad_record_mac = 20,
  record_overflow = 22,
  handshake_failure = 40,
  bad_certificate = 42,
  unsupported_certificate = 43,
  certificate_revoked = 44,
  certificate_expired = 45,
  certificate_unknown = 46,
  illegal_parameter = 47,
  unknown_ca = 48,
  access_denied = 49,
  decode_error = 50,
  decrypt_error = 51,
  protocol_version = 70,
  insufficient_security = 71,
  internal_error = 80,
  user_canceled = 90,
  no_renegotiation = 100,
  missing_extension = 109,        // RFC 8446 §6.2
  unsupported_extension = 110,
  unrecognized_name = 112,
  no_application_protocol = 120,  // RFC 7301 §3.2
};

enum class AlertLevel : std::uint8_t { warning = 1, fatal = 2 };

[[nodiscard]] std::string_view to_string(Alert a) noexcept;

enum class Error : std::uint16_t {
  ok = 0,

  // decode -> decode_error
  decode_truncated = 100,
  decode_bad_length,
  decode_trailing_data,
  decode_duplicate_extension,
  decode_bad_value,

  // protocol -> unexpected_message
  unexpected_message = 200,
  unexpected_record_type,
  unexpected_change_cipher_spec,
  too_many_renegotiation_requests,  // kMaxRenegotiationRefusals in a row, no data between
  no_inner_content_type,     // RFC 8446 §5.4: a TLSInnerPlaintext of zero bytes only
  empty_inner_content,       // RFC 8446 §5.4: a Handshake or Alert record with no content

  // record layer
  record_overflow = 300,
  bad_record_mac,
  too_many_empty_records,
  handshake_message_too_large,
  sequence_number_exhausted,
  bad_record_version,

  // parameters -> illegal_parameter / handshake_failure / protocol_version
  protocol_version = 400,
  no_common_cipher_suite,
  no_common_group,
  no_common_signature_algorithm,
  unoffered_cipher_suite,
  unoffered_group,
  unoffered_signature_algorithm,
  unoffered_extension,
  bad_key_share,
  extended_master_secret_required,
  secure_renegotiation_failed,
  renegotiation_refused,
  compression_not_null,
  no_application_protocol,
  illegal_parameter,
  unoffered_application_protocol,  // RFC 7301 §3.2: the server chose a protocol we did not offer
  missing_extension,          // RFC 8446 §9.2: a mandatory extension is absent
  extension_not_allowed,      // RFC 8446 §4.2: a known extension in a message that may not carry it
  pre_shared_key_not_last,    // RFC 8446 §4.2.11: pre_shared_key is not the last ClientHello extension
  psk_binder_count_mismatch,  // RFC 8446 §4.2.11: not one binder per identity
  duplicate_key_share_group,  // RFC 8446 §4.2.8: two KeyShareEntry values for one group
  key_share_group_not_offered,  // RFC 8446 §4.2.8: a share for a group not in supported_groups
  unoffered_version,          // RFC 8446 §4.2.1: ServerHello selected a version not offered
  bad_key_update_request,     // RFC 8446 §4.6.3: request_update other than 0 or 1
  bad_record_size_limit,      // RFC 8449 §4: a record_size_limit below 64
  useless_hello_retry_request,  // RFC 8446 §4.1.4: a HelloRetryRequest that changes nothing
  invalid_server_name,             // RFC 6066 §3: SNI host_name is not a valid DNS name
  own_certificate_key_usage,       // server: our chains' keyUsage allows none of the client's suites

  // crypto checks
  bad_finished = 500,
  bad_signature,
  bad_certificate_verify,
  bad_psk_binder,            // RFC 8446 §4.2.11.2
  signature_unverifiable,    // the peer's key cannot check a signature of this scheme (x509 unsupported_algorithm)

  // certificates
  certificate_required = 600,
  certificate_expired,
  certificate_not_yet_valid,
  certificate_unknown_ca,
  certificate_bad,
  certificate_hostname_mismatch,
  certificate_unsupported,
  certificate_wrong_purpose,  // RFC 5280 §4.2.1.12: extendedKeyUsage excludes this role
  certificate_chain_too_long,  // more certificates than kMaxPeerChainCertificates
  certificate_key_usage,       // RFC 5280 §4.2.1.3: the peer leaf's keyUsage forbids the key exchange / signing

  // local
  internal_error = 700,
  buffer_too_small,
  bad_config,
  random_failure,
  invalid_state,
  would_block,
  io_error,                  // the transport (socket) failed; see errno
  invalid_argument,          // a caller's argument is out of range (e.g. an exporter label)
  missing_random,            // Connection made with a configuration without a random source
  missing_clock,             // a configuration that verifies certificates has no clock
  private_key_failure,       // our private-key operation failed (RSA fault check, signer error)

  // peer
  peer_alert = 800,          // the peer sent a fatal alert (see Connection::peer_alert())
  closed,                    // the connection was closed by close_notify
  truncated,                 // EOF without close_notify
};

template <typename T>
using Result = baretls::Result<T, Error>;

// The alert sent for a fatal error, or nullopt when none is sent.
[[nodiscard]] std::optional<Alert> alert_for(Error e) noexcept;
[[nodiscard]] std::string_view to_string(Error e) noexcept;

}  // namespace baretls::tls

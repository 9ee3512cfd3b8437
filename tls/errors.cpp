// SPDX-License-Identifier: MIT
// Error -> alert mapping and reasons; see errors.h.
#include "baretls/tls/errors.h"

namespace baretls::tls {

std::string_view to_string(Alert a) noexcept {
  switch (a) {
    case Alert::close_notify: return "close_notify";
    case Alert::unexpected_message: return "unexpected_message";
    case Alert::bad_record_mac: return "bad_record_mac";
    case Alert::record_overflow: return "record_overflow";
    case Alert::handshake_failure: return "handshake_failure";
    case Alert::bad_certificate: return "bad_certificate";
    case Alert::unsupported_certificate: return "unsupported_certificate";
    case Alert::certificate_revoked: return "certificate_revoked";
    case Alert::certificate_expired: return "certificate_expired";
    case Alert::certificate_unknown: return "certificate_unknown";
    case Alert::illegal_parameter: return "illegal_parameter";
    case Alert::unknown_ca: return "unknown_ca";
    case Alert::access_denied: return "access_denied";
    case Alert::decode_error: return "decode_error";
    case Alert::decrypt_error: return "decrypt_error";
    case Alert::protocol_version: return "protocol_version";
    case Alert::insufficient_security: return "insufficient_security";
    case Alert::internal_error: return "internal_error";
    case Alert::user_canceled: return "user_canceled";
    case Alert::no_renegotiation: return "no_renegotiation";
    case Alert::missing_extension: return "missing_extension";
    case Alert::unsupported_extension: return "unsupported_extension";
    case Alert::unrecognized_name: return "unrecognized_name";
    case Alert::no_application_protocol: return "no_application_protocol";
  }
  return "unknown_alert";
}

std::optional<Alert> alert_for(Error e) noexcept {
  switch (e) {
    case Error::ok: return std::nullopt;
    case Error::decode_truncated:
    case Error::decode_bad_length:
    case Error::decode_trailing_data:
    case Error::decode_duplicate_extension:
    case Error::decode_bad_value: return Alert::decode_error;
    case Error::unexpected_message:
    case Error::unexpected_record_type:
    case Error::unexpected_change_cipher_spec:
    case Error::too_many_renegotiation_requests:
    case Error::no_inner_content_type:
    case Error::empty_inner_content: return Alert::unexpected_message;
    case Error::record_overflow: return Alert::record_overflow;
    // RFC 5246 §7.2.2: record_overflow is for records; a handshake message
    // over its bound is a handshake field out of range (as OpenSSL and BoringSSL).
    case Error::handshake_message_too_large: return Alert::illegal_parameter;
    case Error::bad_record_mac: return Alert::bad_record_mac;
    case Error::too_many_empty_records: return Alert::unexpected_message;
    case Error::sequence_number_exhausted: return Alert::internal_error;
    case Error::bad_record_version: return Alert::protocol_version;
    case Error::protocol_version: return Alert::protocol_version;
    case Error::no_common_cipher_suite:
    case Error::no_common_group:
    case Error::no_common_signature_algorithm:
    case Error::extended_master_secret_required:
    case Error::secure_renegotiation_failed: return Alert::handshake_failure;
    case Error::unoffered_cipher_suite:
    case Error::unoffered_group:
    case Error::unoffered_signature_algorithm:
    case Error::bad_key_share:
    case Error::compression_not_null:
    case Error::illegal_parameter:
    case Error::unoffered_application_protocol:
    case Error::extension_not_allowed:
    case Error::pre_shared_key_not_last:
    case Error::psk_binder_count_mismatch:
    case Error::duplicate_key_share_group:
    case Error::key_share_group_not_offered:
    case Error::unoffered_version:
    case Error::bad_key_update_request:
    case Error::bad_record_size_limit:
    case Error::useless_hello_retry_request: return Alert::illegal_parameter;
    case Error::missing_extension: return Alert::missing_extension;
    case Error::unoffered_extension: return Alert::unsupported_extension;
    case Error::invalid_server_name: return Alert::unrecognized_name;
    case Error::own_certificate_key_usage: return Alert::handshake_failure;
    case Error::renegotiation_refused: return Alert::no_renegotiation;
    case Error::no_application_protocol: return Alert::no_application_protocol;
    case Error::bad_finished:
    case Error::bad_signature:
    case Error::bad_certificate_verify:
    case Error::bad_psk_binder:
    case Error::signature_unverifiable: return Alert::decrypt_error;
    case Error::certificate_required: return Alert::handshake_failure;
    case Error::certificate_expired:
    case Error::certificate_not_yet_valid: return Alert::certificate_expired;
    case Error::certificate_unknown_ca: return Alert::unknown_ca;
    case Error::certificate_bad:
    case Error::certificate_hostname_mismatch: return Alert::bad_certificate;
    case Error::certificate_unsupported:
    case Error::certificate_wrong_purpose:
    case Error::certificate_key_usage: return Alert::unsupported_certificate;
    case Error::certificate_chain_too_long: return Alert::bad_certificate;
    case Error::internal_error:
    case Error::buffer_too_small:
    case Error::bad_config:
    case Error::random_failure:
    case Error::invalid_state:
    case Error::invalid_argument:
    case Error::missing_random:
    case Error::missing_clock:
    case Error::private_key_failure: return Alert::internal_error;
    case Error::would_block:
    case Error::io_error:
    case Error::peer_alert:
    case Error::closed:
    case Error::truncated: return std::nullopt;
  }
  return Alert::internal_error;
}

std::string_view to_string(Error e) noexcept {
  switch (e) {
    case Error::ok: return "ok";
    case Error::decode_truncated: return "message truncated";
    case Error::decode_bad_length: return "length field out of range";
    case Error::decode_trailing_data: return "trailing data after message";
    case Error::decode_duplicate_extension: return "duplicate extension";
    case Error::decode_bad_value: return "malformed field value";
    case Error::unexpected_message: return "unexpected handshake message";
    case Error::unexpected_record_type: return "unknown record content type";
    case Error::unexpected_change_cipher_spec: return "unexpected ChangeCipherSpec";
    case Error::too_many_renegotiation_requests: return "too many renegotiation requests";
    case Error::no_inner_content_type: return "protected record without a content type (all zero bytes)";
    case Error::empty_inner_content: return "protected handshake or alert record with no content";
    case Error::record_overflow: return "record too large";
    case Error::bad_record_mac: return "record failed authentication";
    case Error::too_many_empty_records: return "too many empty records";
    case Error::handshake_message_too_large:
      return "handshake message over its size bound (max_handshake_message_size; 2^17 bytes for a ClientHello)";
    case Error::sequence_number_exhausted: return "record sequence number exhausted";
    case Error::bad_record_version: return "bad record version";
    case Error::protocol_version: return "peer does not support TLS 1.2";
    case Error::no_common_cipher_suite: return "no cipher suite in common";
    case Error::no_common_group: return "no key-exchange group in common";
    case Error::no_common_signature_algorithm: return "no signature algorithm in common";
    case Error::unoffered_cipher_suite: return "peer chose a cipher suite that was not offered";
    case Error::unoffered_group: return "peer chose a group that was not offered";
    case Error::unoffered_signature_algorithm: return "peer used a signature algorithm that was not offered";
    case Error::unoffered_extension: return "peer sent an extension that was not offered";
    case Error::bad_key_share: return "invalid key-exchange public value";
    case Error::extended_master_secret_required: return "peer does not support extended master secret";
    case Error::secure_renegotiation_failed: return "secure renegotiation check failed";
    case Error::renegotiation_refused: return "renegotiation refused";
    case Error::compression_not_null: return "compression other than null";
    case Error::no_application_protocol: return "no application protocol in common";
    case Error::illegal_parameter: return "illegal parameter";
    case Error::unoffered_application_protocol: return "peer chose an application protocol that was not offered";
    case Error::missing_extension: return "a mandatory extension is missing";
    case Error::extension_not_allowed: return "extension not allowed in this message";
    case Error::pre_shared_key_not_last: return "pre_shared_key is not the last ClientHello extension";
    case Error::psk_binder_count_mismatch: return "PSK binders do not match the identities one to one";
    case Error::duplicate_key_share_group: return "two key shares for the same group";
    case Error::key_share_group_not_offered: return "key share for a group not in supported_groups";
    case Error::unoffered_version: return "peer selected a protocol version that was not offered";
    case Error::bad_key_update_request: return "KeyUpdate request_update out of range";
    case Error::bad_record_size_limit: return "record_size_limit below 64";
    case Error::useless_hello_retry_request: return "HelloRetryRequest would not change the ClientHello";
    case Error::invalid_server_name: return "server_name (SNI) is not a valid DNS host name";
    case Error::own_certificate_key_usage:
      return "our certificate's key usage allows none of the key exchanges the client offers";
    case Error::bad_finished: return "Finished verify_data mismatch";
    case Error::bad_signature: return "key-exchange signature does not verify";
    case Error::bad_certificate_verify: return "CertificateVerify signature does not verify";
    case Error::bad_psk_binder: return "PSK binder mismatch";
    case Error::signature_unverifiable: return "the peer's key cannot verify a signature of this scheme";
    case Error::certificate_required: return "peer did not send a required certificate";
    case Error::certificate_expired: return "certificate has expired";
    case Error::certificate_not_yet_valid: return "certificate is not yet valid";
    case Error::certificate_unknown_ca: return "certificate issuer is not trusted";
    case Error::certificate_bad: return "bad certificate";
    case Error::certificate_hostname_mismatch: return "certificate does not match the host name";
    case Error::certificate_unsupported: return "unsupported certificate";
    case Error::certificate_wrong_purpose: return "certificate is not for this purpose (extended key usage)";
    case Error::certificate_chain_too_long: return "certificate chain too long";
    case Error::certificate_key_usage: return "certificate key usage does not allow this key exchange or signature";
    case Error::internal_error: return "internal error";
    case Error::buffer_too_small: return "buffer too small";
    case Error::bad_config: return "invalid configuration";
    case Error::random_failure: return "random source failed";
    case Error::invalid_state: return "operation not valid in this state";
    case Error::would_block: return "would block";
    case Error::io_error: return "transport I/O error";
    case Error::invalid_argument: return "argument out of range";
    case Error::missing_random: return "invalid configuration: no random source (set config.random)";
    case Error::missing_clock: return "invalid configuration: certificates are verified but no clock is set (set config.clock)";
    case Error::private_key_failure: return "private-key operation failed";
    case Error::peer_alert: return "peer sent a fatal alert";
    case Error::closed: return "connection closed";
    case Error::truncated: return "connection closed without close_notify (truncation)";
  }
  return "unknown error";
}

}  // namespace baretls::tls

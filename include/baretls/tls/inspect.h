// SPDX-License-Identifier: MIT
// The Inspector: a callback through which a Connection reports what it does,
// for teaching (`baretls demo`), tracing (`--trace`) and debugging. Each
// handshake message sent and received (with its 4-byte header and its decoded
// fields), each record as on the wire (and its plaintext), the named values
// of the key exchange and key schedule, and the end of the handshake. Nothing
// is decoded or reported when no inspector is set.
//
// WARNING: like the key log, it hands out SECRETS (pre-master secret, master
// secret, traffic keys). Anyone who sees these events can decrypt the
// connection. It is off unless CommonConfig::inspector.event is set; never
// set it in production code paths that could leak its output.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "baretls/tls/handshake_fields.h"

namespace baretls::tls {

enum class InspectKind : std::uint8_t {
  handshake_sent,      // name: message name ("ClientHello"); bytes: header + body; fields
  handshake_received,  // likewise, as reassembled from records
  record_sent,         // name: content type; bytes: header + fragment as on the wire;
  record_received,     //   plaintext: the content before encryption / after decryption
  secret,              // a secret value (keys, pre-master and master secret)
  value,               // a public value (randoms, points, hashes, verify_data)
  handshake_complete,  // name: the negotiated suite's IANA name (both Finished verified)
};

// Event names of kind secret / value (RFC words):
//   client_random, server_random                          value
//   client_ecdhe_public, server_ecdhe_public              value   (the sender's ephemeral point)
//   ecdhe_shared_secret                                   secret  (RFC 8422 §5.10: x-coordinate)
//   encrypted_pre_master_secret                           value   (RSA, RFC 5246 §7.4.7.1)
//   pre_master_secret                                     secret
//   session_hash                                          value   (RFC 7627 §3, EMS only)
//   master_secret                                         secret  (RFC 5246 §8.1 / RFC 7627 §4)
//   key_block, client_write_key, server_write_key,
//   client_write_iv, server_write_iv                      secret  (RFC 5246 §6.3)
//   finished_hash                                         value   (transcript hash the sender's Finished covers)
//   client_verify_data, server_verify_data                value   (computed by the sender of that Finished)
//   expected_client_verify_data, expected_server_verify_data
//                                                         value   (computed by the receiver, then compared)
struct InspectEvent {
  InspectKind kind = InspectKind::value;
  bool from_client = false;  // the side reporting: true for the client connection
  std::string_view name;
  std::span<const std::uint8_t> bytes;
  std::span<const std::uint8_t> plaintext;  // records only
  std::uint64_t sequence = 0;               // records only: the record sequence number
  bool is_protected = false;                // records only: sealed with the traffic keys
  const HandshakeFields* fields = nullptr;  // handshake messages only: the decoded body
};

// The hook itself (CommonConfig::inspector). Called synchronously from
// inside feed()/write()/close(); spans are valid during the call only.
struct Inspector {
  void (*event)(void* ctx, const InspectEvent& e) = nullptr;
  void* ctx = nullptr;
};

}  // namespace baretls::tls

// SPDX-License-Identifier: MIT
// What a client keeps to resume a TLS 1.2 session (RFC 5246 §7.3, §7.4.1.2;
// RFC 5077 §3.4): the suite, the extended-master-secret status (RFC 7627
// §5.3), the session ID and/or ticket, the peer's verified leaf certificate
// (a resumed session keeps the peer identity, RFC 5246 §7.3, §F.1.4), the
// SNI host_name it was made under (RFC 6066 §3: never resumed under another
// name), and the 48-byte master secret, which is wiped when the Session
// dies. serialize()/parse() give a versioned byte form for files (the CLI's
// --sess-out / --sess-in armour it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "baretls/crypto/secret.h"
#include "baretls/tls/errors.h"
#include "baretls/tls/types.h"

namespace baretls::tls {

struct Session {
  static constexpr std::size_t kMasterSecretSize = 48;
  static constexpr std::size_t kMaxSessionIdSize = 32;   // RFC 5246 §7.4.1.2: SessionID <0..32>
  static constexpr std::size_t kMaxTicketSize = 0xffff;  // RFC 5077 §3.3: opaque ticket<0..2^16-1>
  static constexpr std::size_t kMaxPeerCertificateSize = 16 * 1024;  // our bound on a stored leaf
  static constexpr std::size_t kMaxServerNameSize = 255;           // a DNS name is at most 253
  static constexpr std::uint8_t kFormatVersion = 3;

  CipherSuite suite = CipherSuite::ecdhe_ecdsa_with_aes_128_gcm_sha256;
  bool extended_master_secret = false;
  std::vector<std::uint8_t> session_id;      // may be empty when a ticket is used
  std::vector<std::uint8_t> ticket;          // empty: resume by ID
  std::uint32_t ticket_lifetime_hint = 0;    // seconds, RFC 5077 §3.3 (0: unspecified)
  std::int64_t created = 0;                  // Unix time (config clock) of the full handshake
  // The peer's leaf certificate (DER) as verified in the full handshake;
  // empty when the peer was not authenticated (a server without a client
  // certificate). At most kMaxPeerCertificateSize bytes.
  std::vector<std::uint8_t> peer_certificate;
  // RFC 6066 §3: the SNI host_name of the full handshake (sent by a client,
  // received by a server); empty when there was none. A session resumes only
  // under the same name (ASCII case-insensitive), by ID and by ticket.
  std::string server_name;

  // CT: none beyond copying 48 bytes.
  [[nodiscard]] std::span<const std::uint8_t, kMasterSecretSize> master_secret() const noexcept {
    return master_.expose();
  }
  void set_master_secret(std::span<const std::uint8_t, kMasterSecretSize> ms) noexcept {
    master_ = crypto::Secret<kMasterSecretSize>(ms);
  }

  // Format v3: version(1) suite(2) ems(1) created(8) lifetime_hint(4)
  //   session_id<0..32> ticket<0..2^16-1> peer_certificate<0..2^14>
  //   server_name<0..255> master_secret[48], big-endian. Empty result: a
  //   field out of bounds. The result holds the master secret: the caller
  //   wipes or protects it.
  [[nodiscard]] std::vector<std::uint8_t> serialize() const;
  // Strict: known version and suite, ems 0 or 1, lengths in bounds, no
  // trailing bytes; any failure is a decode_* error. Version 2 (no
  // server_name) is still read, with an empty name.
  [[nodiscard]] static Result<Session> parse(std::span<const std::uint8_t> bytes);

 private:
  crypto::Secret<kMasterSecretSize> master_;
};

}  // namespace baretls::tls

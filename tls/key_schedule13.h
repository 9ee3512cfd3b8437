// SPDX-License-Identifier: MIT
// The TLS 1.3 key schedule (RFC 8446 §7.1) over HKDF (crypto/hkdf.h):
// HKDF-Expand-Label and Derive-Secret; the Early, Handshake and Master
// Secrets as three stage types, each deriving only what is known at its
// stage; traffic keys and IVs (§7.3), Finished and binder MACs (§4.4.4,
// §4.2.11.2), KeyUpdate (§7.2), resumption PSKs (§4.6.1) and exporters
// (§7.5), the message_hash of HelloRetryRequest transcripts (§4.4.1).
// Every secret is a Secret13, wiped when it dies.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "baretls/crypto/aead.h"
#include "baretls/crypto/hash.h"
#include "baretls/crypto/secret.h"
#include "baretls/tls/errors.h"
#include "tls/key_schedule.h"

namespace baretls::tls {

// Hash.length is at most 48 for the TLS 1.3 suites; the buffers take any
// digest of crypto/hash.h.
inline constexpr std::size_t kMaxHashSize13 = crypto::kMaxDigestSize;

// A secret of Hash.length bytes (RFC 8446 §7.1), for the hash it names.
class Secret13 {
 public:
  explicit Secret13(crypto::HashId hash) noexcept : hash_(hash) {}
  // nullopt unless bytes.size() == digest_size(hash).
  [[nodiscard]] static std::optional<Secret13> from_bytes(crypto::HashId hash,
                                                          std::span<const std::uint8_t> bytes) noexcept;

  [[nodiscard]] crypto::HashId hash() const noexcept { return hash_; }
  [[nodiscard]] std::size_t size() const noexcept { return crypto::digest_size(hash_); }
  [[nodiscard]] std::span<const std::uint8_t> expose() const noexcept { return bytes_.expose().first(size()); }
  [[nodiscard]] std::span<std::uint8_t> expose() noexcept { return bytes_.expose().first(size()); }

 private:
  crypto::HashId hash_;
  crypto::Secret<kMaxHashSize13> bytes_;
};

// Transcript-Hash(Messages) (RFC 8446 §4.4.1): Hash.length public bytes.
class TranscriptHash {
 public:
  // Hash(messages); of(hash, {}) is the Hash("") that Derive-Secret(., label, "") uses.
  [[nodiscard]] static TranscriptHash of(crypto::HashId hash, std::span<const std::uint8_t> messages) noexcept;
  // A digest computed elsewhere (Transcript::snapshot); nullopt unless
  // digest.size() == digest_size(hash).
  [[nodiscard]] static std::optional<TranscriptHash> from_bytes(crypto::HashId hash,
                                                                std::span<const std::uint8_t> digest) noexcept;

  [[nodiscard]] crypto::HashId hash() const noexcept { return hash_; }
  [[nodiscard]] std::span<const std::uint8_t> bytes() const noexcept {
    return std::span<const std::uint8_t>(bytes_).first(crypto::digest_size(hash_));
  }

 private:
  explicit TranscriptHash(crypto::HashId hash) noexcept : hash_(hash) {}
  crypto::HashId hash_;
  std::array<std::uint8_t, kMaxHashSize13> bytes_{};
};

// RFC 8446 §4.4.1: after a HelloRetryRequest, ClientHello1 is replaced in the
// transcript by message_hash || 00 00 Hash.length || Hash(ClientHello1).
struct MessageHash {
  std::array<std::uint8_t, 4 + kMaxHashSize13> bytes{};  // handshake header + Hash.length
  std::size_t size = 0;
  [[nodiscard]] std::span<const std::uint8_t> view() const noexcept {
    return std::span<const std::uint8_t>(bytes).first(size);
  }
};
[[nodiscard]] MessageHash make_message_hash(const TranscriptHash& client_hello1) noexcept;

// RFC 8446 §7.1:
//   HKDF-Expand-Label(Secret, Label, Context, Length) = HKDF-Expand(Secret, HkdfLabel, Length)
//   struct { uint16 length = Length; opaque label<7..255> = "tls13 " + Label;
//            opaque context<0..255> = Context; } HkdfLabel;
// Writes Length = out.size() bytes. invalid_argument when the label is
// longer than 249 bytes, the context longer than 255, or Length above
// 255*Hash.length (RFC 5869 §2.3). CT: time depends only on the lengths.
[[nodiscard]] Error hkdf_expand_label(crypto::HashId hash, std::span<const std::uint8_t> secret,
                                      std::string_view label, std::span<const std::uint8_t> context,
                                      std::span<std::uint8_t> out) noexcept;

// "ext binder" for external PSKs, "res binder" for resumption PSKs (§7.1).
enum class PskKind : std::uint8_t { external, resumption };

class HandshakeSecret;
class MasterSecret13;

// RFC 8446 §7.1: Early Secret = HKDF-Extract(0, PSK), where PSK is
// Hash.length zero bytes when no PSK is in use. CT: time depends only on the
// lengths.
// Each Derive-Secret(Secret, Label, Messages) below is
//   HKDF-Expand-Label(Secret, Label, Transcript-Hash(Messages), Hash.length).
class EarlySecret {
 public:
  [[nodiscard]] static EarlySecret without_psk(crypto::HashId hash) noexcept;
  [[nodiscard]] static EarlySecret with_psk(crypto::HashId hash, std::span<const std::uint8_t> psk) noexcept;

  // Derive-Secret(., "ext binder" | "res binder", "") = binder_key
  [[nodiscard]] Secret13 binder_key(PskKind kind) const noexcept;
  // Derive-Secret(., "c e traffic", ClientHello) (0-RTT: computed, never used for data here)
  [[nodiscard]] Secret13 client_early_traffic_secret(const TranscriptHash& client_hello) const noexcept;
  // Derive-Secret(., "e exp master", ClientHello)
  [[nodiscard]] Secret13 early_exporter_master_secret(const TranscriptHash& client_hello) const noexcept;
  // Handshake Secret = HKDF-Extract(Derive-Secret(., "derived", ""), (EC)DHE)
  [[nodiscard]] HandshakeSecret handshake_secret(std::span<const std::uint8_t> ecdhe_shared_secret) const noexcept;

  [[nodiscard]] const Secret13& secret() const noexcept { return secret_; }

 private:
  explicit EarlySecret(crypto::HashId hash) noexcept : secret_(hash) {}
  Secret13 secret_;
};

class HandshakeSecret {
 public:
  // Derive-Secret(., "c hs traffic" / "s hs traffic", ClientHello...ServerHello)
  [[nodiscard]] Secret13 client_handshake_traffic_secret(const TranscriptHash& hello) const noexcept;
  [[nodiscard]] Secret13 server_handshake_traffic_secret(const TranscriptHash& hello) const noexcept;
  // Master Secret = HKDF-Extract(Derive-Secret(., "derived", ""), 0)
  [[nodiscard]] MasterSecret13 master_secret() const noexcept;

  [[nodiscard]] const Secret13& secret() const noexcept { return secret_; }

 private:
  friend class EarlySecret;
  explicit HandshakeSecret(crypto::HashId hash) noexcept : secret_(hash) {}
  Secret13 secret_;
};

class MasterSecret13 {
 public:
  // Derive-Secret(., "c ap traffic" / "s ap traffic" / "exp master",
  //   ClientHello...server Finished)
  [[nodiscard]] Secret13 client_application_traffic_secret_0(const TranscriptHash& server_finished) const noexcept;
  [[nodiscard]] Secret13 server_application_traffic_secret_0(const TranscriptHash& server_finished) const noexcept;
  [[nodiscard]] Secret13 exporter_master_secret(const TranscriptHash& server_finished) const noexcept;
  // Derive-Secret(., "res master", ClientHello...client Finished)
  [[nodiscard]] Secret13 resumption_master_secret(const TranscriptHash& client_finished) const noexcept;

  [[nodiscard]] const Secret13& secret() const noexcept { return secret_; }

 private:
  friend class HandshakeSecret;
  explicit MasterSecret13(crypto::HashId hash) noexcept : secret_(hash) {}
  Secret13 secret_;
};

// RFC 8446 §7.3: [sender]_write_key = HKDF-Expand-Label(Secret, "key", "", key_length)
//                [sender]_write_iv  = HKDF-Expand-Label(Secret, "iv", "", iv_length)
// with key_length from the AEAD and iv_length 12 (§5.3: max(8, N_MIN) = 12).
[[nodiscard]] DirectionKeys derive_traffic_keys13(const Secret13& traffic_secret,
                                                  crypto::AeadAlgorithm aead) noexcept;

// RFC 8446 §7.2: application_traffic_secret_N+1 =
//   HKDF-Expand-Label(application_traffic_secret_N, "traffic upd", "", Hash.length)
[[nodiscard]] Secret13 next_application_traffic_secret(const Secret13& current) noexcept;

// RFC 8446 §4.4.4: finished_key = HKDF-Expand-Label(BaseKey, "finished", "", Hash.length)
[[nodiscard]] Secret13 finished_key(const Secret13& base_key) noexcept;

// verify_data (or a PSK binder): Hash.length public bytes.
struct VerifyData13 {
  std::array<std::uint8_t, kMaxHashSize13> bytes{};
  std::size_t size = 0;
  [[nodiscard]] std::span<const std::uint8_t> view() const noexcept {
    return std::span<const std::uint8_t>(bytes).first(size);
  }
};

// RFC 8446 §4.4.4: verify_data = HMAC(finished_key, Transcript-Hash(Handshake
// Context, Certificate*, CertificateVerify*)); the BaseKey is the sender's
// handshake traffic secret. §4.2.11.2: a PSK binder is the same computation
// with the binder_key as BaseKey over Transcript-Hash(Truncate(ClientHello1)).
// CT: time depends only on the hash.
[[nodiscard]] VerifyData13 compute_verify_data13(const Secret13& base_key, const TranscriptHash& context) noexcept;

// Compares the peer's verify_data or binder with the expected one in
// constant time: ok, or bad_finished / bad_psk_binder (also for a wrong
// length). CT: time depends only on the lengths.
[[nodiscard]] Error check_finished13(const Secret13& base_key, const TranscriptHash& context,
                                     std::span<const std::uint8_t> verify_data) noexcept;
[[nodiscard]] Error check_binder13(const Secret13& binder_key, const TranscriptHash& truncated_client_hello,
                                   std::span<const std::uint8_t> binder) noexcept;

// RFC 8446 §4.6.1: PSK = HKDF-Expand-Label(resumption_master_secret,
//   "resumption", ticket_nonce, Hash.length). invalid_argument for a nonce
// longer than 255 bytes (ticket_nonce<0..255>).
[[nodiscard]] Result<Secret13> resumption_psk(const Secret13& resumption_master_secret,
                                              std::span<const std::uint8_t> ticket_nonce) noexcept;

// RFC 8446 §7.5: TLS-Exporter(label, context_value, key_length) =
//   HKDF-Expand-Label(Derive-Secret(Secret, label, ""), "exporter",
//                     Hash(context_value), key_length)
// with Secret the exporter_master_secret (or the early one); key_length =
// out.size(). invalid_argument for a label longer than 249 bytes or an
// output longer than 255*Hash.length.
[[nodiscard]] Error tls13_exporter(const Secret13& exporter_master_secret, std::string_view label,
                                   std::span<const std::uint8_t> context_value, std::span<std::uint8_t> out) noexcept;

}  // namespace baretls::tls

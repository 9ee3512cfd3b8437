// SPDX-License-Identifier: MIT
// `baretls demo` narration of the secrets: ClientKeyExchange (RFC 5246
// §7.4.7, RFC 8422 §5.7), the master secret with the extended-master-secret
// session hash (RFC 7627 §4), the key block and its split (RFC 5246 §6.3),
// ChangeCipherSpec (§7.1) and both Finished messages (§7.4.9), showing that
// each value computed by one side is the one the other side computed.
#include <algorithm>
#include <string>

#include "tools/demo.h"

namespace baretls::cli::demo {

namespace {

bool same(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) {
  return !a.empty() && std::equal(a.begin(), a.end(), b.begin(), b.end());
}

void narrate_client_key_exchange(Out& out, const Log& log) {
  const Event* ev = log.sent(true, tls::HandshakeType::client_key_exchange);
  out.heading("ClientKeyExchange", "client -> server", "RFC 5246 §7.4.7");
  if (ev == nullptr) return out.check("the client sent a ClientKeyExchange", false);
  const auto enc = log.value(true, "encrypted_pre_master_secret");
  if (!enc.empty()) {
    out.say("RSA key transport (RFC 5246 §7.4.7.1): the client picks the 48-byte pre-master secret itself - "
            "its version 03 03 and 46 random bytes - and encrypts it with the server's RSA public key "
            "(PKCS #1 v1.5). Only the holder of the private key can read it. No forward secrecy: whoever "
            "gets that key later can decrypt a recording of this connection.");
    out.bytes("pre_master_secret (client)", log.value(true, "pre_master_secret"));
    out.bytes("encrypted (on the wire)", enc);
    out.say("The server decrypts it. Had the padding been wrong it would silently use random bytes instead "
            "(no error an attacker could observe; the Finished check fails later):");
    out.bytes("pre_master_secret (server)", log.value(false, "pre_master_secret"));
    out.check("the server recovered the client's pre-master secret",
              same(log.value(true, "pre_master_secret"), log.value(false, "pre_master_secret")));
  } else {
    out.say("ECDHE (RFC 8422 §5.7): the client makes its own ephemeral key pair and sends the public point. "
            "Each side multiplies the other's point by its own private scalar; both land on the same shared "
            "value, which never crossed the wire. The private scalars are forgotten after the handshake "
            "(forward secrecy).");
    out.bytes("client public point", log.value(true, "client_ecdhe_public"));
    out.bytes("shared secret (client)", log.value(true, "ecdhe_shared_secret"));
    out.bytes("shared secret (server)", log.value(false, "ecdhe_shared_secret"));
    out.check("both sides computed the same shared secret",
              same(log.value(true, "ecdhe_shared_secret"), log.value(false, "ecdhe_shared_secret")));
    out.say("This shared value is the pre-master secret (RFC 8422 §5.10: the x-coordinate; for X25519 the "
            "32-byte output).");
  }
  out.bytes("message on the wire", ev->bytes);
}

}  // namespace

void narrate_key_exchange(Out& out, const Log& log) { narrate_client_key_exchange(out, log); }

void narrate_keys(Out& out, const Log& log) {
  const auto session_hash = log.value(true, "session_hash");
  out.heading("Master secret", "both sides", session_hash.empty() ? "RFC 5246 §8.1" : "RFC 7627 §4");
  out.say(session_hash.empty()
              ? "Extended master secret: NOT negotiated (a hello lacked the extension). baretls allows such a full "
                "handshake by default (--require-ems refuses it), but never resumes its session (RFC 7627 §5.3), "
                "and uses the original formula:"
              : "Extended master secret: negotiated (both hellos carried the extension, RFC 7627 §5.1), so the "
                "RFC 7627 formula is used:");
  if (!session_hash.empty()) {
    out.say("With the extended master secret, the pre-master secret is stretched by the PRF together with a "
            "hash of every handshake message so far (ClientHello .. ClientKeyExchange), so the master secret "
            "is tied to this exact handshake (this defeats the triple-handshake attack).");
    out.formula("session_hash    = Hash(handshake_messages)");
    out.formula("master_secret   = PRF(pre_master_secret, \"extended master secret\", session_hash)[0..47]");
    out.bytes("session_hash (client)", session_hash);
    out.bytes("session_hash (server)", log.value(false, "session_hash"));
  } else {
    out.say("The pre-master secret is stretched by the PRF with both randoms:");
    out.formula("master_secret = PRF(pre_master_secret, \"master secret\", client_random + server_random)[0..47]");
  }
  const auto ms_client = log.value(true, "master_secret");
  const auto ms_server = log.value(false, "master_secret");
  out.bytes("master_secret (client)", ms_client);
  out.bytes("master_secret (server)", ms_server);
  out.check("client and server hold the same 48-byte master secret", same(ms_client, ms_server));

  out.heading("Key block", "both sides", "RFC 5246 §6.3");
  out.say("The master secret is expanded into the keys of this connection: one key per direction, and for "
          "AES-GCM a 4-byte implicit IV (salt) per direction (RFC 5288 §3). Note the randoms' order: "
          "server_random first here.");
  out.formula("key_block = PRF(master_secret, \"key expansion\", server_random + client_random)");
  const auto block = log.value(true, "key_block");
  out.bytes("key_block", block);
  out.bytes("client_write_key", log.value(true, "client_write_key"));
  out.bytes("server_write_key", log.value(true, "server_write_key"));
  out.bytes("client_write_IV", log.value(true, "client_write_iv"));
  out.bytes("server_write_IV", log.value(true, "server_write_iv"));
  out.check("the server derived the same key block", same(block, log.value(false, "key_block")));
}

void narrate_finished(Out& out, const Log& log, bool client) {
  const char* dir = client ? "client -> server" : "server -> client";
  const char* who = client ? "client" : "server";
  const char* peer = client ? "server" : "client";
  out.heading(client ? "ChangeCipherSpec (client)" : "ChangeCipherSpec (server)", dir, "RFC 5246 §7.1");
  out.say(std::string("Not a handshake message but its own record type with one byte, 01: from the next record "
                      "on, everything the ") + who + " sends is encrypted with the " + who + "_write key.");
  if (const Event* rec = log.find(client, tls::InspectKind::record_sent, "change_cipher_spec"))
    out.bytes("record on the wire", rec->bytes);

  const std::string label = std::string(who) + "_verify_data";
  out.heading(client ? "Finished (client)" : "Finished (server)", dir, "RFC 5246 §7.4.9");
  out.say(std::string("The first encrypted message. It proves the ") + who +
          " knows the master secret and saw the same handshake: a PRF over the hash of every handshake message "
          "it has sent and received. The " + peer + " computes the same value on its side and compares.");
  out.formula(std::string("verify_data = PRF(master_secret, \"") + who +
                    " finished\", Hash(handshake_messages))[0..11]");
  out.bytes("handshake hash", log.value(client, "finished_hash"));
  if (client && same(log.value(true, "finished_hash"), log.value(true, "session_hash")))
    out.say("(the same as session_hash: no handshake message was added since ClientKeyExchange, and "
            "ChangeCipherSpec is not a handshake message)");
  const auto computed = log.value(client, label);
  const auto expected = log.value(!client, "expected_" + label);
  out.bytes(std::string("verify_data (") + who + ")", computed);
  out.bytes(std::string("expected by the ") + peer, expected);
  out.check(std::string("the ") + peer + " checked the " + who + "'s Finished: verify_data matches",
            same(computed, expected));
  for (const auto& rec : log.events()) {
    if (rec.from_client != client || rec.kind != tls::InspectKind::record_sent || !rec.is_protected ||
        rec.name != "handshake")
      continue;
    out.bytes("encrypted record", rec.bytes);
    out.say("(the 16-byte Finished message sealed with the " + std::string(who) +
            "_write key: record header, explicit nonce, ciphertext, tag - the parts are shown with the "
            "application data below)");
    break;
  }
}

}  // namespace baretls::cli::demo

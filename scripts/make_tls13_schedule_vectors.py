#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Makes vectors/tls13/key-schedule-openssl.txt: whole TLS 1.3 key schedules
# (RFC 8446 §7.1-7.5, §4.4.4, §4.6.1) for SHA-256 and SHA-384, computed with
# the openssl CLI's TLS13-KDF (OpenSSL 3.0; EXTRACT_ONLY with a salt and the
# label "derived" applies Derive-Secret(salt, "derived", "") itself) and Python's
# hmac for verify_data. RFC 8448 has SHA-256 traces only and no KeyUpdate or
# exporter values, so this file covers TLS_AES_256_GCM_SHA384, "traffic upd"
# and TLS-Exporter. Inputs (PSK, (EC)DHE secret, transcript hashes, ticket
# nonce, exporter label and context) are fixed byte patterns.
# Run from the repository root: scripts/make_tls13_schedule_vectors.py
import hashlib, hmac, subprocess

HASHES = [("SHA-256", "SHA256", hashlib.sha256, 16), ("SHA-384", "SHA384", hashlib.sha384, 32)]


def pattern(n, start):
    return bytes((start + 13 * i) & 0xFF for i in range(n))


def tls13_kdf(digest, length, mode, key=None, salt=None, label=None, data=b""):
    args = ["openssl", "kdf", "-binary", "-keylen", str(length), "-kdfopt", "mode:" + mode,
            "-kdfopt", "digest:" + digest, "-kdfopt", "hexprefix:" + b"tls13 ".hex()]
    if key is not None:
        args += ["-kdfopt", "hexkey:" + key.hex()]
    if salt is not None:
        args += ["-kdfopt", "hexsalt:" + salt.hex()]
    if label is not None:
        args += ["-kdfopt", "hexlabel:" + label.encode().hex(), "-kdfopt", "hexdata:" + data.hex()]
    out = subprocess.run(args + ["TLS13-KDF"], stdout=subprocess.PIPE, check=True).stdout
    assert len(out) == length
    return out


def schedule(name, digest, hashfn, key_len, count, psk):
    n = hashfn().digest_size
    expand = lambda secret, label, data, length=n: tls13_kdf(digest, length, "EXPAND_ONLY", key=secret,
                                                             label=label, data=data)
    empty_hash = hashfn(b"").digest()
    ecdhe = pattern(n, 0x40 + count)
    hello, server_finished, client_finished, cert_verify = (pattern(n, s + count) for s in (1, 2, 3, 4))
    nonce, exporter_label, exporter_context = pattern(2 + count, 0x70), "EXPERIMENTAL baretls", pattern(9, 0x30)
    v = {"PSK": psk or b"", "ECDHE": ecdhe, "HelloHash": hello, "CertificateVerifyHash": cert_verify,
         "ServerFinishedHash": server_finished, "ClientFinishedHash": client_finished, "TicketNonce": nonce,
         "ExporterLabel": exporter_label.encode(), "ExporterContext": exporter_context}
    early = tls13_kdf(digest, n, "EXTRACT_ONLY", key=psk if psk else None)
    v["EarlySecret"] = early
    v["ResBinderKey"] = expand(early, "res binder", empty_hash)
    v["ExtBinderKey"] = expand(early, "ext binder", empty_hash)
    handshake = tls13_kdf(digest, n, "EXTRACT_ONLY", key=ecdhe, salt=early, label="derived")
    v["HandshakeSecret"] = handshake
    v["ClientHandshakeTrafficSecret"] = expand(handshake, "c hs traffic", hello)
    v["ServerHandshakeTrafficSecret"] = s_hs = expand(handshake, "s hs traffic", hello)
    master = tls13_kdf(digest, n, "EXTRACT_ONLY", salt=handshake, label="derived")
    v["MasterSecret"] = master
    v["ClientApplicationTrafficSecret0"] = c_ap = expand(master, "c ap traffic", server_finished)
    v["ServerApplicationTrafficSecret0"] = expand(master, "s ap traffic", server_finished)
    v["ExporterMasterSecret"] = exp = expand(master, "exp master", server_finished)
    v["ResumptionMasterSecret"] = res = expand(master, "res master", client_finished)
    v["ServerHandshakeKey"] = expand(s_hs, "key", b"", key_len)
    v["ServerHandshakeIV"] = expand(s_hs, "iv", b"", 12)
    v["ServerFinishedKey"] = fk = expand(s_hs, "finished", b"")
    v["ServerVerifyData"] = hmac.new(fk, cert_verify, hashfn).digest()
    v["ClientApplicationTrafficSecret1"] = expand(c_ap, "traffic upd", b"")
    v["ResumptionPSK"] = expand(res, "resumption", nonce)
    v["Exporter32"] = expand(expand(exp, exporter_label, empty_hash), "exporter", hashfn(exporter_context).digest(), 32)
    return v


def main():
    out = ["# Whole TLS 1.3 key schedules (RFC 8446 §7.1-7.5, §4.4.4, §4.6.1) computed with the",
           "# openssl CLI (TLS13-KDF) and Python's hmac by scripts/make_tls13_schedule_vectors.py",
           "# (see ORIGIN.md). Inputs: PSK (empty: no PSK), ECDHE, the transcript hashes, TicketNonce,",
           "# ExporterLabel (ASCII as hex), ExporterContext. Keys are for AES-128-GCM (SHA-256) and",
           "# AES-256-GCM (SHA-384). ClientApplicationTrafficSecret1 is the KeyUpdate of secret 0.", ""]
    for name, digest, hashfn, key_len in HASHES:
        out += ["[Hash = %s]" % name, ""]
        for count, psk in enumerate([None, pattern(hashfn().digest_size, 0xA5)], 1):
            out.append("Count = %d" % count)
            out += ["%s = %s" % (k, val.hex()) for k, val in schedule(name, digest, hashfn, key_len, count, psk).items()]
            out.append("")
    with open("vectors/tls13/key-schedule-openssl.txt", "w", encoding="utf-8") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    main()

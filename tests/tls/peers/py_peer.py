#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Interop peer for tests/tls/interop_peers.sh: python3's ssl module (OpenSSL
underneath), limited to TLS 1.2. Same command line as go_peer.go:

  py_peer.py server CERT KEY [CERT KEY ...]
      One listener per certificate on 127.0.0.1 with a port the kernel picks;
      prints "listening PORT..." (in argument order) and echoes every
      connection until the client's close_notify, then sends its own. One line
      per connection on stderr. Runs until killed.
  py_peer.py client CA_FILE PAYLOAD_FILE CASES_FILE
      Each line of CASES_FILE is "PORT SUITE GROUP[:GROUP...]" (IANA suite
      name; groups x25519, P-256, P-384): connects to 127.0.0.1:PORT as
      "localhost", offers only that suite, sends the payload, reads it back
      and compares it byte for byte. Prints "ok LINE" or "FAIL LINE: reason".

Groups: SSLContext.set_ecdh_curve() sets exactly one group (SSL_CTX_set1_groups
with OpenSSL 3), and the module has no call for a list. With one group in the
case, the client offers only that one; with several, it offers OpenSSL's
default list (x25519, P-256, x448, P-521, P-384) and the server picks.
"""
import socket
import ssl
import sys
import threading

# The eight TLS 1.2 suites of the baretls profile: IANA name -> OpenSSL name.
SUITES = {
    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256": "ECDHE-ECDSA-AES128-GCM-SHA256",
    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256": "ECDHE-RSA-AES128-GCM-SHA256",
    "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384": "ECDHE-ECDSA-AES256-GCM-SHA384",
    "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384": "ECDHE-RSA-AES256-GCM-SHA384",
    "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256": "ECDHE-ECDSA-CHACHA20-POLY1305",
    "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256": "ECDHE-RSA-CHACHA20-POLY1305",
    "TLS_RSA_WITH_AES_128_GCM_SHA256": "AES128-GCM-SHA256",
    "TLS_RSA_WITH_AES_256_GCM_SHA384": "AES256-GCM-SHA384",
}
# Group name -> OpenSSL short name, as set_ecdh_curve() wants it.
GROUPS = {"x25519": "X25519", "P-256": "prime256v1", "P-384": "secp384r1"}
IO_TIMEOUT = 30


def log(line):
    print(line, file=sys.stderr, flush=True)


def tls12_only(ctx):
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.maximum_version = ssl.TLSVersion.TLSv1_2


def server_context(cert, key):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls12_only(ctx)
    ctx.set_ciphers(":".join(SUITES.values()))
    ctx.load_cert_chain(cert, key)
    # OpenSSL follows the client's group order unless told to prefer its own.
    ctx.options &= ~ssl.OP_CIPHER_SERVER_PREFERENCE
    return ctx


def echo(ctx, raw, port):
    raw.settimeout(IO_TIMEOUT)
    try:
        with ctx.wrap_socket(raw, server_side=True, suppress_ragged_eofs=False) as conn:
            total, suite = 0, conn.cipher()[0]
            while data := conn.recv(65536):  # b"" once the client's close_notify came
                conn.sendall(data)
                total += len(data)
            conn.unwrap()  # our close_notify
            log(f"port {port}: {suite}, echoed {total} bytes")
    except (OSError, ssl.SSLError) as e:
        log(f"port {port}: {e}")
    finally:
        raw.close()


def accept_loop(listener, ctx, port):
    while True:
        raw, _ = listener.accept()
        echo(ctx, raw, port)


def serve(args):
    if not args or len(args) % 2:
        sys.exit("py_peer: server needs CERT KEY pairs")
    ports = []
    for cert, key in zip(args[0::2], args[1::2]):
        ctx = server_context(cert, key)
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        port = listener.getsockname()[1]
        ports.append(str(port))
        threading.Thread(target=accept_loop, args=(listener, ctx, port), daemon=True).start()
    print("listening " + " ".join(ports), flush=True)
    threading.Event().wait()  # serve until the test kills us


def run_case(ca_file, payload, port, suite, groups):
    """One connection offering one suite; the payload must come back unchanged."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    tls12_only(ctx)
    ctx.load_verify_locations(ca_file)
    ctx.set_ciphers(SUITES[suite])
    names = groups.split(":")
    if len(names) == 1:
        ctx.set_ecdh_curve(GROUPS[names[0]])
    with socket.create_connection(("127.0.0.1", int(port)), timeout=IO_TIMEOUT) as raw:
        with ctx.wrap_socket(raw, server_hostname="localhost", suppress_ragged_eofs=False) as conn:
            if conn.cipher()[0] != SUITES[suite]:
                raise ValueError(f"negotiated {conn.cipher()[0]}")
            conn.sendall(payload)
            back = bytearray()
            while len(back) < len(payload):
                data = conn.recv(len(payload) - len(back))
                if not data:
                    raise ValueError(f"closed after {len(back)} bytes")
                back += data
            if back != payload:
                raise ValueError("the echoed data differs")
            conn.unwrap()  # close_notify both ways


def client(args):
    if len(args) != 3:
        sys.exit("py_peer: client needs CA_FILE PAYLOAD_FILE CASES_FILE")
    ca_file, payload_file, cases_file = args
    with open(payload_file, "rb") as f:
        payload = f.read()
    with open(cases_file) as f:
        for line in f.read().splitlines():
            fields = line.split()
            if len(fields) != 3:
                sys.exit(f"py_peer: bad case line {line!r}")
            try:
                run_case(ca_file, payload, *fields)
                print(f"ok {line}", flush=True)
            except (OSError, ssl.SSLError, ValueError, KeyError) as e:
                print(f"FAIL {line}: {e!r}", flush=True)


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("server", "client"):
        sys.exit("usage: py_peer.py server CERT KEY... | client CA PAYLOAD CASES")
    (serve if sys.argv[1] == "server" else client)(sys.argv[2:])


if __name__ == "__main__":
    main()

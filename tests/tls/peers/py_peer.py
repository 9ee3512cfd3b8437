#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Interop peer for tests/tls/interop_peers.sh: python3's ssl module (OpenSSL
underneath), limited to TLS 1.2. Same command line as go_peer.go:

  py_peer.py server [--features CA_FILE] CERT KEY [CERT KEY ...]
      One listener per certificate on 127.0.0.1 with a port the kernel picks;
      prints "listening PORT..." (in argument order) and echoes every
      connection until the client's close_notify, then sends its own. One line
      per connection on stderr. Runs until killed. With --features: ALPN
      "http/1.1", a client certificate required and verified against CA_FILE,
      and the line also names the server_name, ALPN and client certificate.
  py_peer.py client CA_FILE PAYLOAD_FILE CASES_FILE
      Each line of CASES_FILE is "PORT SUITE GROUP[:GROUP...]" (IANA suite
      name; groups x25519, P-256, P-384): connects to 127.0.0.1:PORT as
      "localhost", offers only that suite, sends the payload, reads it back
      and compares it byte for byte. Prints "ok LINE" or "FAIL LINE: reason".
  py_peer.py features CA_FILE CERT KEY PORT
      One connection to 127.0.0.1:PORT as "localhost" with the client
      certificate CERT, offering ALPN "h2" and "http/1.1", the 24 bytes
      "client certificate, ALPN" echoed and checked. Prints "alpn PROTO";
      errors on stderr, exit status 1.

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
FEATURES_DATA = b"client certificate, ALPN"


def log(line):
    print(line, file=sys.stderr, flush=True)


def tls12_only(ctx):
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.maximum_version = ssl.TLSVersion.TLSv1_2


def server_context(cert, key, client_ca):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls12_only(ctx)
    ctx.set_ciphers(":".join(SUITES.values()))
    ctx.load_cert_chain(cert, key)
    # OpenSSL follows the client's group order unless told to prefer its own.
    ctx.options &= ~ssl.OP_CIPHER_SERVER_PREFERENCE
    if client_ca:
        ctx.set_alpn_protocols(["http/1.1"])
        ctx.verify_mode = ssl.CERT_REQUIRED
        ctx.load_verify_locations(client_ca)
        ctx.sni_callback = note_server_name
    return ctx


def note_server_name(conn, name, _ctx):
    """The SNI name the client sent, kept on the SSLSocket for the log."""
    conn.peer_server_name = name


def features_note(conn):
    """", server_name ..., alpn ..., client ..." for a --features server."""
    if conn.context.verify_mode != ssl.CERT_REQUIRED:
        return ""
    subject = dict(item[0] for item in conn.getpeercert()["subject"])
    return (f", server_name {getattr(conn, 'peer_server_name', '')},"
            f" alpn {conn.selected_alpn_protocol()}, client {subject.get('commonName')}")


def echo(ctx, raw, port):
    raw.settimeout(IO_TIMEOUT)
    try:
        with ctx.wrap_socket(raw, server_side=True, suppress_ragged_eofs=False) as conn:
            total, suite, note = 0, conn.cipher()[0], features_note(conn)
            while data := conn.recv(65536):  # b"" once the client's close_notify came
                conn.sendall(data)
                total += len(data)
            conn.unwrap()  # our close_notify
            log(f"port {port}: {suite}{note}, echoed {total} bytes")
    except (OSError, ssl.SSLError) as e:
        log(f"port {port}: {e}")
    finally:
        raw.close()


def accept_loop(listener, ctx, port):
    while True:
        raw, _ = listener.accept()
        echo(ctx, raw, port)


def serve(args):
    client_ca = None
    if args[:1] == ["--features"] and len(args) >= 2:
        client_ca, args = args[1], args[2:]
    if not args or len(args) % 2:
        sys.exit("py_peer: server needs CERT KEY pairs")
    ports = []
    for cert, key in zip(args[0::2], args[1::2]):
        ctx = server_context(cert, key, client_ca)
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


def features(args):
    """Client certificate and ALPN against our server (see the top)."""
    if len(args) != 4:
        sys.exit("py_peer: features needs CA_FILE CERT KEY PORT")
    ca_file, cert, key, port = args
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    tls12_only(ctx)
    ctx.load_verify_locations(ca_file)
    ctx.load_cert_chain(cert, key)
    ctx.set_alpn_protocols(["h2", "http/1.1"])
    try:
        with socket.create_connection(("127.0.0.1", int(port)), timeout=IO_TIMEOUT) as raw:
            with ctx.wrap_socket(raw, server_hostname="localhost", suppress_ragged_eofs=False) as conn:
                conn.sendall(FEATURES_DATA)
                back = bytearray()
                while len(back) < len(FEATURES_DATA) and (data := conn.recv(len(FEATURES_DATA) - len(back))):
                    back += data
                if back != FEATURES_DATA:
                    sys.exit(f"py_peer: echoed {bytes(back)!r}")
                print(f"alpn {conn.selected_alpn_protocol()}", flush=True)
                conn.unwrap()
    except (OSError, ssl.SSLError) as e:
        sys.exit(f"py_peer: {e!r}")


def main():
    modes = {"server": serve, "client": client, "features": features}
    if len(sys.argv) < 2 or sys.argv[1] not in modes:
        sys.exit("usage: py_peer.py server [--features CA] CERT KEY... | client CA PAYLOAD CASES"
                 " | features CA CERT KEY PORT")
    modes[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()

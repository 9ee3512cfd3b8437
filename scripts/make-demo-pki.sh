#!/bin/sh
# SPDX-License-Identifier: MIT
# Generates the test PKI built into `baretls demo` (tools/demo_pki/*.pem):
# a demo CA (ECDSA P-256), an ECDSA P-256 server certificate and an RSA-2048
# server certificate for server.baretls.example (the RSA one for --kex rsa),
# and a client certificate (ECDSA P-256, clientAuth) for --mutual. 100-year
# validity. The keys are public test keys: never trust this CA anywhere.
# CMake embeds the files into the program (tools/demo_pki/embed.cmake); the
# demo reads no file at run time. Re-run only to replace the PKI.
set -eu
out="$(cd "$(dirname "$0")/.." && pwd)/tools/demo_pki"
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
days=36500

cat > "$tmp/ca.ext" <<'X'
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
X
cat > "$tmp/server_ec.ext" <<'X'
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:server.baretls.example
authorityKeyIdentifier = keyid
X
cat > "$tmp/server_rsa.ext" <<'X'
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:server.baretls.example
authorityKeyIdentifier = keyid
X
cat > "$tmp/client.ext" <<'X'
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
authorityKeyIdentifier = keyid
X

openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$out/ca.key.pem"
cat > "$tmp/req.cnf" <<'X'
[req]
distinguished_name = dn
prompt = no
[dn]
X
openssl req -new -key "$out/ca.key.pem" -config "$tmp/req.cnf" -subj "/O=baretls demo/CN=baretls demo CA" -out "$tmp/ca.csr"
openssl x509 -req -in "$tmp/ca.csr" -key "$out/ca.key.pem" -set_serial "0x$(openssl rand -hex 8)" \
  -days "$days" -sha256 -extfile "$tmp/ca.ext" -out "$out/ca.pem" 2>/dev/null

issue() {  # name keyalg subject ext
  case "$2" in
    ec) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$out/$1.key.pem" ;;
    rsa) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$out/$1.key.pem" 2>/dev/null ;;
  esac
  openssl req -new -config "$tmp/req.cnf" -key "$out/$1.key.pem" -subj "$3" -out "$tmp/$1.csr"
  openssl x509 -req -in "$tmp/$1.csr" -CA "$out/ca.pem" -CAkey "$out/ca.key.pem" -set_serial "0x$(openssl rand -hex 8)" \
    -days "$days" -sha256 -extfile "$tmp/$4" -out "$out/$1.pem" 2>/dev/null
}
issue server_ec ec "/O=baretls demo/CN=server.baretls.example" server_ec.ext
issue server_rsa rsa "/O=baretls demo/CN=server.baretls.example" server_rsa.ext
issue client ec "/O=baretls demo/CN=student client" client.ext
rm -f "$out/ca.key.pem"  # the demo never issues certificates at run time
openssl verify -CAfile "$out/ca.pem" "$out/server_ec.pem" "$out/server_rsa.pem"
openssl verify -purpose sslclient -CAfile "$out/ca.pem" "$out/client.pem"

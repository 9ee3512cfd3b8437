#!/bin/sh
# SPDX-License-Identifier: MIT
# Generates the TLS test fixtures in this folder with the openssl CLI:
#   ca.pem / ca.key             root CA (ECDSA P-256), 100 years
#   other-ca.pem / other-ca.key an unrelated root (for "untrusted CA" tests)
#   rsa2048.pem / rsa2048.key   leaf, RSA-2048         } chain = leaf + (nothing: issued by ca.pem)
#   p256.pem / p256.key         leaf, ECDSA P-256      } SAN DNS:localhost, IP:127.0.0.1
#   p384.pem / p384.key         leaf, ECDSA P-384      }
#   untrusted-p256.pem / .key   leaf issued by other-ca
#   rsa4096.pem / rsa4096.key   leaf, RSA-4096, issued by ca.pem (issue 15: handshake memory peak)
# Added for client certificates and SNI (issue 8), all issued by ca.pem:
#   client-rsa.pem / .key       client leaf, RSA-2048, EKU clientAuth only
#   client-p256.pem / .key      client leaf, ECDSA P-256, EKU clientAuth only
#   client-serverauth-p256.*    leaf with EKU serverAuth only (wrong purpose for a client)
#   sni-exact-p256.pem / .key   server leaf, ECDSA P-256, SAN DNS:www.example.test
#   sni-exact-rsa.pem / .key    server leaf, RSA-2048, SAN DNS:www.example.test
#   sni-wild-p384.pem / .key    server leaf, ECDSA P-384, SAN DNS:*.wild.example.test
# Keys are unencrypted PKCS#8. Run from this folder; tests never run it. Files
# that already exist are kept (each step runs only when its key is missing),
# so adding a fixture does not regenerate the others.
set -eu
days=36500
ext_leaf=$(mktemp)
ext_ca=$(mktemp)
trap 'rm -f "$ext_leaf" "$ext_ca" *.csr *.srl' EXIT
cat > "$ext_ca" <<EOT
basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
EOT
cat > "$ext_leaf" <<EOT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth,clientAuth
subjectAltName=DNS:localhost,IP:127.0.0.1
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
EOT

make_ca() {  # name subject
  [ -f "$1.key" ] && return 0
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key"
  openssl req -new -key "$1.key" -subj "$2" -out "$1.csr"
  openssl x509 -req -in "$1.csr" -signkey "$1.key" -days $days -sha256 -extfile "$ext_ca" -out "$1.pem"
}
make_leaf() {  # name ca genpkey-args...
  name=$1; ca=$2; shift 2
  [ -f "$name.key" ] && return 0
  openssl genpkey "$@" -out "$name.key"
  openssl req -new -key "$name.key" -subj "/CN=localhost/O=baretls test" -out "$name.csr"
  openssl x509 -req -in "$name.csr" -CA "$ca.pem" -CAkey "$ca.key" -CAcreateserial -days $days -sha256 \
    -extfile "$ext_leaf" -out "$name.pem"
}

make_ca ca "/CN=baretls test root CA/O=baretls test"
make_ca other-ca "/CN=baretls other root CA/O=baretls test"
make_leaf rsa2048 ca -algorithm RSA -pkeyopt rsa_keygen_bits:2048
make_leaf p256 ca -algorithm EC -pkeyopt ec_paramgen_curve:P-256
make_leaf p384 ca -algorithm EC -pkeyopt ec_paramgen_curve:P-384
make_leaf untrusted-p256 other-ca -algorithm EC -pkeyopt ec_paramgen_curve:P-256
make_leaf rsa4096 ca -algorithm RSA -pkeyopt rsa_keygen_bits:4096

# Client and SNI leaves: an extension file per leaf (EKU and SAN differ).
make_leaf_ext() {  # name subject ext-lines genpkey-args...
  name=$1; subj=$2; ext=$3; shift 3
  [ -f "$name.key" ] && return 0
  extfile=$(mktemp)
  printf '%s\n' "basicConstraints=critical,CA:FALSE" "subjectKeyIdentifier=hash" \
    "authorityKeyIdentifier=keyid" "$ext" | tr ';' '\n' > "$extfile"
  openssl genpkey "$@" -out "$name.key"
  openssl req -new -key "$name.key" -subj "$subj" -out "$name.csr"
  openssl x509 -req -in "$name.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -days $days -sha256 \
    -extfile "$extfile" -out "$name.pem"
  rm -f "$extfile"
}
client_ext="keyUsage=critical,digitalSignature;extendedKeyUsage=clientAuth"
make_leaf_ext client-rsa "/CN=baretls test client RSA/O=baretls test" "$client_ext" \
  -algorithm RSA -pkeyopt rsa_keygen_bits:2048
make_leaf_ext client-p256 "/CN=baretls test client P-256/O=baretls test" "$client_ext" \
  -algorithm EC -pkeyopt ec_paramgen_curve:P-256
make_leaf_ext client-serverauth-p256 "/CN=baretls test server-only/O=baretls test" \
  "keyUsage=critical,digitalSignature;extendedKeyUsage=serverAuth" -algorithm EC -pkeyopt ec_paramgen_curve:P-256
server_ext="keyUsage=critical,digitalSignature,keyEncipherment;extendedKeyUsage=serverAuth"
make_leaf_ext sni-exact-p256 "/CN=www.example.test/O=baretls test" "$server_ext;subjectAltName=DNS:www.example.test" \
  -algorithm EC -pkeyopt ec_paramgen_curve:P-256
make_leaf_ext sni-exact-rsa "/CN=www.example.test/O=baretls test" "$server_ext;subjectAltName=DNS:www.example.test" \
  -algorithm RSA -pkeyopt rsa_keygen_bits:2048
make_leaf_ext sni-wild-p384 "/CN=*.wild.example.test/O=baretls test" \
  "$server_ext;subjectAltName=DNS:*.wild.example.test" -algorithm EC -pkeyopt ec_paramgen_curve:P-384
# Added for keyUsage against the key exchange (issue 14, RFC 5246 §7.4.2, RFC 5280 §4.2.1.3):
#   ku-encipher-rsa.pem / .key  server leaf, RSA-2048, keyUsage keyEncipherment only (RSA key transport only)
#   ku-sign-rsa.pem / .key      server leaf, RSA-2048, keyUsage digitalSignature only (ECDHE_RSA only)
#   client-ku-agree-p256.*      client leaf, ECDSA P-256, keyUsage keyAgreement only (cannot sign CertificateVerify)
localhost_san="subjectAltName=DNS:localhost,IP:127.0.0.1"
make_leaf_ext ku-encipher-rsa "/CN=localhost/O=baretls test keyEncipherment only" \
  "keyUsage=critical,keyEncipherment;extendedKeyUsage=serverAuth;$localhost_san" \
  -algorithm RSA -pkeyopt rsa_keygen_bits:2048
make_leaf_ext ku-sign-rsa "/CN=localhost/O=baretls test digitalSignature only" \
  "keyUsage=critical,digitalSignature;extendedKeyUsage=serverAuth;$localhost_san" \
  -algorithm RSA -pkeyopt rsa_keygen_bits:2048
make_leaf_ext client-ku-agree-p256 "/CN=baretls test client keyAgreement/O=baretls test" \
  "keyUsage=critical,keyAgreement;extendedKeyUsage=clientAuth" -algorithm EC -pkeyopt ec_paramgen_curve:P-256

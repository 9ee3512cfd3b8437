#!/bin/sh
# SPDX-License-Identifier: MIT
# Regenerates vectors/x509/: test PKIs (RSA and ECDSA roots, intermediates,
# leaves) exercising each rule of RFC 5280 §6 path validation and RFC 6125
# host-name matching that baretls implements, plus key files in every format
# x509/key.cpp reads. Uses the openssl CLI (`openssl ca` for fixed validity
# dates). Keys are fresh on every run, so the output differs each time; the
# tests only depend on the structure (vectors/x509/verify-cases.txt).
# Usage: scripts/make-x509-fixtures.sh [OUTDIR]   (default vectors/x509)
set -eu

OUT=${1:-"$(dirname "$0")/../vectors/x509"}
mkdir -p "$OUT" "$OUT/keys"
OUT=$(cd "$OUT" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# shellcheck source=scripts/x509-fixture-lib.sh
. "$(dirname "$0")/x509-fixture-lib.sh"

# Validity windows (UTC). Tests run at 2026-01-01 (1767225600).
CA_START=20240101000000Z; CA_END=20400101000000Z
LEAF_START=20250101000000Z; LEAF_END=20270101000000Z

ROOT_EXT='basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash'
INT_EXT='basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid:always'
LEAF_BASE='basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid:always'
SERVER="$LEAF_BASE\nextendedKeyUsage=serverAuth,clientAuth"
EC_LEAF='basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid:always\nextendedKeyUsage=serverAuth'

# --- RSA hierarchy -----------------------------------------------------------
key root-rsa rsa3072; key int-rsa rsa; key leaf-rsa rsa
issue root-rsa root-rsa self "/O=baretls test/CN=baretls Test RSA Root" $CA_START $CA_END sha256 "$ROOT_EXT"
issue int-rsa int-rsa root-rsa "/O=baretls test/CN=baretls Test RSA Intermediate" $CA_START 20380101000000Z sha256 "$INT_EXT"
issue leaf-rsa leaf-rsa int-rsa "/O=baretls test/CN=www.example.com" $LEAF_START $LEAF_END sha256 \
  "$SERVER\nsubjectAltName=DNS:www.example.com,DNS:example.com"
issue leaf-direct leaf-rsa root-rsa "/O=baretls test/CN=direct.example.com" $LEAF_START $LEAF_END sha384 \
  "$SERVER\nsubjectAltName=DNS:direct.example.com"

# --- ECDSA hierarchy: P-384 root (SHA-384), P-256 intermediate and leaf ----
key root-ec p384; key int-ec p256; key leaf-ec p256; key leaf-ec384 p384
issue root-ec root-ec self "/O=baretls test/CN=baretls Test ECDSA Root" $CA_START $CA_END sha384 "$ROOT_EXT"
issue int-ec int-ec root-ec "/O=baretls test/CN=baretls Test ECDSA Intermediate" $CA_START 20380101000000Z sha384 "$INT_EXT"
issue leaf-ec leaf-ec int-ec "/O=baretls test/CN=ec.example.com" $LEAF_START $LEAF_END sha256 \
  "$EC_LEAF\nsubjectAltName=DNS:ec.example.com,IP:192.0.2.1,IP:2001:db8::1"
# A P-384 leaf signed ecdsa-with-SHA512 by the P-384 root.
issue leaf-ec384-sha512 leaf-ec384 root-ec "/O=baretls test/CN=p384.example.com" $LEAF_START $LEAF_END sha512 \
  "$EC_LEAF\nsubjectAltName=DNS:p384.example.com"

# --- Signature algorithms ----------------------------------------------------
issue leaf-sha512 leaf-rsa int-rsa "/CN=sha512.example.com" $LEAF_START $LEAF_END sha512 \
  "$SERVER\nsubjectAltName=DNS:sha512.example.com"
issue leaf-pss leaf-rsa int-rsa "/CN=pss.example.com" $LEAF_START $LEAF_END sha256 \
  "$SERVER\nsubjectAltName=DNS:pss.example.com" rsa_padding_mode:pss rsa_pss_saltlen:digest
issue leaf-pss384 leaf-rsa int-rsa "/CN=pss384.example.com" $LEAF_START $LEAF_END sha384 \
  "$SERVER\nsubjectAltName=DNS:pss384.example.com" rsa_padding_mode:pss rsa_pss_saltlen:digest
issue leaf-sha1 leaf-rsa int-rsa "/CN=sha1.example.com" $LEAF_START $LEAF_END sha1 \
  "$SERVER\nsubjectAltName=DNS:sha1.example.com"

# --- Validity ------------------------------------------------------------------
issue leaf-expired leaf-rsa int-rsa "/CN=expired.example.com" 20230101000000Z 20240101000000Z sha256 \
  "$SERVER\nsubjectAltName=DNS:expired.example.com"
issue leaf-notyet leaf-rsa int-rsa "/CN=notyet.example.com" 20270101000000Z 20280101000000Z sha256 \
  "$SERVER\nsubjectAltName=DNS:notyet.example.com"

# --- Host names ----------------------------------------------------------------
issue leaf-wildcard leaf-rsa int-rsa "/CN=*.wild.example.com" $LEAF_START $LEAF_END sha256 \
  "$SERVER\nsubjectAltName=DNS:*.wild.example.com"
issue leaf-wildcard-tld leaf-rsa int-rsa "/CN=*.com" $LEAF_START $LEAF_END sha256 \
  "$SERVER\nsubjectAltName=DNS:*.com"
issue leaf-ip leaf-rsa int-rsa "/CN=192.0.2.10" $LEAF_START $LEAF_END sha256 \
  "$SERVER\nsubjectAltName=IP:192.0.2.10,IP:2001:db8::10,DNS:192.0.2.11"
issue leaf-cn-only leaf-rsa int-rsa "/CN=cn-only.example.com" $LEAF_START $LEAF_END sha256 "$SERVER"

# --- Purpose (EKU) -----------------------------------------------------------
issue leaf-client leaf-rsa int-rsa "/CN=client.example.com" $LEAF_START $LEAF_END sha256 \
  "$LEAF_BASE\nextendedKeyUsage=clientAuth\nsubjectAltName=DNS:client.example.com"
issue leaf-noeku leaf-rsa int-rsa "/CN=noeku.example.com" $LEAF_START $LEAF_END sha256 \
  "$LEAF_BASE\nsubjectAltName=DNS:noeku.example.com"

# --- Unknown critical extension ----------------------------------------------
issue leaf-unknown-critical leaf-rsa int-rsa "/CN=crit.example.com" $LEAF_START $LEAF_END sha256 \
  "$SERVER\nsubjectAltName=DNS:crit.example.com\n1.3.6.1.4.1.55555.1=critical,DER:05:00"
issue leaf-unknown-noncritical leaf-rsa int-rsa "/CN=noncrit.example.com" $LEAF_START $LEAF_END sha256 \
  "$SERVER\nsubjectAltName=DNS:noncrit.example.com\n1.3.6.1.4.1.55555.1=DER:05:00"

# --- CA flag, pathLenConstraint, keyCertSign --------------------------------
key int-noca rsa; key int-pl0 rsa; key int-sub rsa; key int-nokcs rsa
issue int-noca int-noca root-rsa "/CN=Not A CA" $CA_START 20380101000000Z sha256 \
  'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,keyCertSign,digitalSignature\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid:always'
issue leaf-under-noca leaf-rsa int-noca "/CN=noca.example.com" $LEAF_START $LEAF_END sha256 \
  "$SERVER\nsubjectAltName=DNS:noca.example.com"
issue int-pl0 int-pl0 root-rsa "/CN=PathLen 0 CA" $CA_START 20380101000000Z sha256 \
  'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid:always'
issue leaf-under-pl0 leaf-rsa int-pl0 "/CN=pl0.example.com" $LEAF_START $LEAF_END sha256 \
  "$SERVER\nsubjectAltName=DNS:pl0.example.com"
issue int-sub int-sub int-pl0 "/CN=Sub CA under PathLen 0" $CA_START 20380101000000Z sha256 "$INT_EXT"
issue leaf-under-sub leaf-rsa int-sub "/CN=sub.example.com" $LEAF_START $LEAF_END sha256 \
  "$SERVER\nsubjectAltName=DNS:sub.example.com"
issue int-nokcs int-nokcs root-rsa "/CN=CA without keyCertSign" $CA_START 20380101000000Z sha256 \
  'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,digitalSignature,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid:always'
issue leaf-under-nokcs leaf-rsa int-nokcs "/CN=nokcs.example.com" $LEAF_START $LEAF_END sha256 \
  "$SERVER\nsubjectAltName=DNS:nokcs.example.com"

# --- Name constraints ----------------------------------------------------------
key int-nc p256
issue int-nc int-nc root-rsa "/CN=Name Constrained CA" $CA_START 20380101000000Z sha256 \
  "$INT_EXT\nnameConstraints=critical,permitted;DNS:nc.example.com,permitted;IP:192.0.2.0/255.255.255.0,excluded;DNS:bad.nc.example.com"
issue leaf-nc-ok leaf-ec int-nc "/CN=www.nc.example.com" $LEAF_START $LEAF_END sha256 \
  "$EC_LEAF\nsubjectAltName=DNS:www.nc.example.com,IP:192.0.2.5"
issue leaf-nc-outside leaf-ec int-nc "/CN=www.other.example" $LEAF_START $LEAF_END sha256 \
  "$EC_LEAF\nsubjectAltName=DNS:www.other.example"
issue leaf-nc-excluded leaf-ec int-nc "/CN=x.bad.nc.example.com" $LEAF_START $LEAF_END sha256 \
  "$EC_LEAF\nsubjectAltName=DNS:x.bad.nc.example.com"
issue leaf-nc-ip-outside leaf-ec int-nc "/CN=ip.nc.example.com" $LEAF_START $LEAF_END sha256 \
  "$EC_LEAF\nsubjectAltName=DNS:ip.nc.example.com,IP:198.51.100.1"

# --- Cross-signing: the RSA intermediate also certified by a second root ----
key root-b rsa
issue root-b root-b self "/O=baretls test/CN=baretls Test Root B" $CA_START $CA_END sha256 "$ROOT_EXT"
ISSUERKEY=root-b issue int-rsa-by-b int-rsa root-b "/O=baretls test/CN=baretls Test RSA Intermediate" \
  $CA_START 20380101000000Z sha256 "$INT_EXT"
# An expired copy of the intermediate (same name and key) under the RSA root.
issue int-rsa-expired int-rsa root-rsa "/O=baretls test/CN=baretls Test RSA Intermediate" \
  20200101000000Z 20210101000000Z sha256 "$INT_EXT"

# --- A loop: A certified by B, B certified by A --------------------------------
key loop-a rsa; key loop-b rsa
issue loop-b-seed loop-b self "/CN=Loop CA B" $CA_START $CA_END sha256 "$ROOT_EXT"
issue loop-a loop-a loop-b-seed "/CN=Loop CA A" $CA_START $CA_END sha256 "$INT_EXT"
issue loop-b loop-b loop-a "/CN=Loop CA B" $CA_START $CA_END sha256 "$INT_EXT"
rm -f "$OUT/loop-b-seed.pem"
issue leaf-loop leaf-rsa loop-a "/CN=loop.example.com" $LEAF_START $LEAF_END sha256 \
  "$SERVER\nsubjectAltName=DNS:loop.example.com"

# --- A signature that does not verify: leaf-rsa with its last signature byte changed
openssl x509 -in "$OUT/leaf-rsa.pem" -outform DER -out "$WORK/badsig.der"
last=$(tail -c 1 "$WORK/badsig.der" | od -An -tu1 | tr -d ' ')
size=$(wc -c < "$WORK/badsig.der")
printf "$(printf '\\%03o' $(( (last + 1) % 256 )))" | dd of="$WORK/badsig.der" bs=1 seek=$((size - 1)) conv=notrunc 2>/dev/null
openssl x509 -inform DER -in "$WORK/badsig.der" -out "$OUT/leaf-badsig.pem"

# --- Self-signed leaf (not trusted) ------------------------------------------------
issue leaf-selfsigned leaf-rsa self "/CN=self.example.com" $LEAF_START $LEAF_END sha256 \
  "$SERVER\nsubjectAltName=DNS:self.example.com"

# --- Bundles -------------------------------------------------------------------
cat "$OUT/root-rsa.pem" "$OUT/root-ec.pem" > "$OUT/roots.pem"
cat "$OUT/int-rsa.pem" "$OUT/int-ec.pem" > "$OUT/intermediates.pem"
cat "$OUT/int-rsa-expired.pem" "$OUT/int-rsa.pem" > "$OUT/int-rsa-expired-first.pem"
cat "$OUT/int-rsa.pem" "$OUT/int-rsa-by-b.pem" > "$OUT/int-rsa-cross.pem"
cat "$OUT/int-pl0.pem" "$OUT/int-sub.pem" > "$OUT/int-pl0-sub.pem"
cat "$OUT/loop-a.pem" "$OUT/loop-b.pem" > "$OUT/loop.pem"

# --- Keys in every format --------------------------------------------------------
K="$OUT/keys"
cp "$WORK/leaf-rsa.key" "$K/rsa-pkcs8.pem"
openssl pkey -in "$WORK/leaf-rsa.key" -traditional -out "$K/rsa-pkcs1.pem"
openssl pkey -in "$WORK/leaf-rsa.key" -outform DER -out "$K/rsa-pkcs8.der"
openssl pkey -in "$WORK/leaf-rsa.key" -pubout -outform DER -out "$K/rsa-spki.der"
cp "$WORK/leaf-ec.key" "$K/p256-pkcs8.pem"
openssl pkey -in "$WORK/leaf-ec.key" -traditional -out "$K/p256-sec1.pem"
openssl pkey -in "$WORK/leaf-ec.key" -pubout -outform DER -out "$K/p256-spki.der"
cp "$WORK/leaf-ec384.key" "$K/p384-pkcs8.pem"
openssl pkey -in "$WORK/leaf-ec384.key" -traditional -out "$K/p384-sec1.pem"
openssl pkey -in "$WORK/leaf-ec384.key" -pubout -outform DER -out "$K/p384-spki.der"
openssl pkey -in "$WORK/leaf-rsa.key" -aes256 -passout pass:baretls -out "$K/rsa-pkcs8-encrypted.pem"
openssl rsa -in "$WORK/leaf-rsa.key" -traditional -aes128 -passout pass:baretls -out "$K/rsa-pkcs1-encrypted.pem" 2>/dev/null
cp "$WORK/int-ec.key" "$K/int-ec-pkcs8.pem"
cp "$WORK/leaf-ec384.key" "$WORK/unused.key"
openssl genpkey -algorithm ED25519 -out "$K/ed25519-pkcs8.pem"
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-521 -out "$K/p521-pkcs8.pem"
# Each certificate's private key, for the TLS suites.
cp "$WORK/root-rsa.key" "$K/root-rsa.key.pem"
cp "$WORK/int-rsa.key" "$K/int-rsa.key.pem"
cp "$WORK/root-ec.key" "$K/root-ec.key.pem"
cp "$WORK/int-ec.key" "$K/int-ec.key.pem"
# --- What openssl sees in each certificate (checked by tests/x509/test_certificate.cpp)
EXP="$OUT/expected-certificates.txt"
{
  echo "# Generated by scripts/make-x509-fixtures.sh from 'openssl x509' output."
  echo "# One record per certificate: serial (hex), names, validity (Unix time),"
  echo "# key bits, SHA-256 fingerprint, key identifiers (hex, '-' when absent)."
  echo
  for f in "$OUT"/root-*.pem "$OUT"/int-*.pem "$OUT"/leaf-*.pem "$OUT"/loop-?.pem; do
    case "$f" in *-first.pem|*-cross.pem|*-sub.pem|*/roots.pem) [ "$(grep -c BEGIN "$f")" -gt 1 ] && continue ;; esac
    x() { openssl x509 -in "$f" -noout "$@"; }
    nb=$(x -startdate | sed 's/notBefore=//'); na=$(x -enddate | sed 's/notAfter=//')
    ski=$(x -ext subjectKeyIdentifier 2>/dev/null | sed -n 2p | tr -d ' :' | tr 'A-F' 'a-f')
    aki=$(x -ext authorityKeyIdentifier 2>/dev/null | sed -n 2p | tr -d ' :' | sed 's/^keyid//' | tr 'A-F' 'a-f')
    echo "File = $(basename "$f")"
    echo "Serial = $(x -serial | sed 's/serial=//' | tr 'A-F' 'a-f')"
    echo "Subject = $(x -subject -nameopt sep_comma_plus_space,sname,esc_2253,utf8 | sed 's/^subject=//')"
    echo "Issuer = $(x -issuer -nameopt sep_comma_plus_space,sname,esc_2253,utf8 | sed 's/^issuer=//')"
    echo "NotBefore = $(date -u -d "$nb" +%s)"
    echo "NotAfter = $(date -u -d "$na" +%s)"
    echo "Bits = $(x -text | sed -n 's/.*Public-Key: (\([0-9]*\) bit).*/\1/p')"
    echo "SHA256 = $(x -fingerprint -sha256 | sed 's/.*=//' | tr -d ':' | tr 'A-F' 'a-f')"
    echo "SKI = ${ski:--}"
    echo "AKI = ${aki:--}"
    echo
  done
} > "$EXP"
# --- The verification cases (tests/x509/test_verify.cpp, test_interop_verify.cpp)
cat > "$OUT/verify-cases.txt" <<'CASES'
# baretls verify cases over the fixtures in this folder.
# Leaf/CAfile/Untrusted: files here ('-': none). Hostname: '-' for none (an
# IP literal is checked against iPAddress entries). Purpose: server|client|any.
# At: Unix time. Expect: ok or the x509::Error name. OpenSSL: same (openssl
# verify gives the same verdict) or differs (a deliberate difference, pinned:
# SHA-1 refused, no CN fallback, alternative issuers retried, notAfter inclusive
# as RFC 5280 §4.1.2.5 says).
# 1767225600 = 2026-01-01, 1704067200 = 2024-01-01, 1811808000 = 2027-06-01.
CASES
emit() {
  printf 'Name = %s\nLeaf = %s\nCAfile = %s\nUntrusted = %s\nHostname = %s\nPurpose = %s\nAt = %s\nExpect = %s\nOpenSSL = %s\n\n' \
    "$@" >> "$OUT/verify-cases.txt"
}
AT=1767225600
emit rsa-chain leaf-rsa.pem roots.pem intermediates.pem www.example.com server $AT ok same
emit rsa-chain-apex leaf-rsa.pem roots.pem intermediates.pem EXAMPLE.com server $AT ok same
emit rsa-chain-no-host leaf-rsa.pem roots.pem intermediates.pem - any $AT ok same
emit rsa-wrong-host leaf-rsa.pem roots.pem intermediates.pem other.example.com server $AT hostname_mismatch same
emit rsa-missing-intermediate leaf-rsa.pem roots.pem - www.example.com server $AT unknown_issuer same
emit rsa-wrong-root leaf-rsa.pem root-ec.pem intermediates.pem www.example.com server $AT unknown_issuer same
emit rsa-direct-sha384 leaf-direct.pem root-rsa.pem - direct.example.com server $AT ok same
emit rsa-sha512 leaf-sha512.pem roots.pem int-rsa.pem sha512.example.com server $AT ok same
emit rsa-pss-sha256 leaf-pss.pem roots.pem int-rsa.pem pss.example.com server $AT ok same
emit rsa-pss-sha384 leaf-pss384.pem roots.pem int-rsa.pem pss384.example.com server $AT ok same
emit rsa-sha1-refused leaf-sha1.pem roots.pem int-rsa.pem sha1.example.com server $AT unsupported_algorithm differs
emit bad-signature leaf-badsig.pem roots.pem int-rsa.pem www.example.com server $AT bad_signature same
emit ec-chain leaf-ec.pem roots.pem intermediates.pem ec.example.com server $AT ok same
emit ec-ipv4 leaf-ec.pem roots.pem intermediates.pem 192.0.2.1 server $AT ok same
emit ec-ipv6 leaf-ec.pem roots.pem intermediates.pem 2001:db8::1 server $AT ok same
emit ec-ipv6-long leaf-ec.pem roots.pem intermediates.pem 2001:DB8:0:0:0:0:0:1 server $AT ok same
emit ec-ip-wrong leaf-ec.pem roots.pem intermediates.pem 192.0.2.2 server $AT hostname_mismatch same
emit ec-client-purpose leaf-ec.pem roots.pem intermediates.pem - client $AT wrong_purpose same
emit ec-p384-sha512 leaf-ec384-sha512.pem root-ec.pem - p384.example.com server $AT ok same
emit expired leaf-expired.pem roots.pem int-rsa.pem expired.example.com server $AT expired same
emit expired-boundary leaf-expired.pem roots.pem int-rsa.pem expired.example.com server 1704067200 ok differs
emit not-yet-valid leaf-notyet.pem roots.pem int-rsa.pem notyet.example.com server $AT not_yet_valid same
emit not-yet-valid-later leaf-notyet.pem roots.pem int-rsa.pem notyet.example.com server 1811808000 ok same
emit wildcard leaf-wildcard.pem roots.pem int-rsa.pem a.wild.example.com server $AT ok same
emit wildcard-case leaf-wildcard.pem roots.pem int-rsa.pem A.WILD.Example.COM server $AT ok same
emit wildcard-two-labels leaf-wildcard.pem roots.pem int-rsa.pem a.b.wild.example.com server $AT hostname_mismatch same
emit wildcard-no-label leaf-wildcard.pem roots.pem int-rsa.pem wild.example.com server $AT hostname_mismatch same
emit wildcard-tld leaf-wildcard-tld.pem roots.pem int-rsa.pem example.com server $AT hostname_mismatch same
emit ip-san-v4 leaf-ip.pem roots.pem int-rsa.pem 192.0.2.10 server $AT ok same
emit ip-san-v6 leaf-ip.pem roots.pem int-rsa.pem 2001:db8::10 server $AT ok same
emit ip-in-dns-san leaf-ip.pem roots.pem int-rsa.pem 192.0.2.11 server $AT hostname_mismatch same
emit cn-not-used leaf-cn-only.pem roots.pem int-rsa.pem cn-only.example.com server $AT hostname_mismatch differs
emit eku-client-only-as-server leaf-client.pem roots.pem int-rsa.pem client.example.com server $AT wrong_purpose same
emit eku-client-only-as-client leaf-client.pem roots.pem int-rsa.pem - client $AT ok same
emit eku-both-as-client leaf-rsa.pem roots.pem intermediates.pem - client $AT ok same
emit no-eku leaf-noeku.pem roots.pem int-rsa.pem noeku.example.com server $AT ok same
emit unknown-critical leaf-unknown-critical.pem roots.pem int-rsa.pem crit.example.com server $AT unsupported_critical_extension same
emit unknown-noncritical leaf-unknown-noncritical.pem roots.pem int-rsa.pem noncrit.example.com server $AT ok same
emit not-a-ca leaf-under-noca.pem roots.pem int-noca.pem noca.example.com server $AT not_a_ca same
emit pathlen0-ok leaf-under-pl0.pem roots.pem int-pl0-sub.pem pl0.example.com server $AT ok same
emit pathlen0-exceeded leaf-under-sub.pem roots.pem int-pl0-sub.pem sub.example.com server $AT path_too_long same
emit no-keycertsign leaf-under-nokcs.pem roots.pem int-nokcs.pem nokcs.example.com server $AT key_usage_forbids same
emit nc-permitted leaf-nc-ok.pem roots.pem int-nc.pem www.nc.example.com server $AT ok same
emit nc-permitted-ip leaf-nc-ok.pem roots.pem int-nc.pem 192.0.2.5 server $AT ok same
emit nc-outside leaf-nc-outside.pem roots.pem int-nc.pem www.other.example server $AT name_constraint_violated same
emit nc-excluded leaf-nc-excluded.pem roots.pem int-nc.pem x.bad.nc.example.com server $AT name_constraint_violated same
emit nc-ip-outside leaf-nc-ip-outside.pem roots.pem int-nc.pem ip.nc.example.com server $AT name_constraint_violated same
emit cross-signed-alternative leaf-rsa.pem root-b.pem int-rsa-cross.pem www.example.com server $AT ok differs
emit cross-signed-direct leaf-rsa.pem root-b.pem int-rsa-by-b.pem www.example.com server $AT ok same
emit cross-signed-wrong-copy leaf-rsa.pem root-b.pem int-rsa.pem www.example.com server $AT unknown_issuer same
emit expired-copy-first leaf-rsa.pem roots.pem int-rsa-expired-first.pem www.example.com server $AT ok same
emit expired-copy-only leaf-rsa.pem roots.pem int-rsa-expired.pem www.example.com server $AT expired same
emit loop leaf-loop.pem roots.pem loop.pem loop.example.com server $AT chain_loop same
emit self-signed-leaf leaf-selfsigned.pem roots.pem - self.example.com server $AT unknown_issuer same
emit root-itself root-rsa.pem roots.pem - - any $AT ok same
emit root-ec-itself root-ec.pem roots.pem - - any $AT ok same

echo "fixtures written to $OUT"

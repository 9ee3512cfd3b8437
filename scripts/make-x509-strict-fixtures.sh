#!/bin/sh
# SPDX-License-Identifier: MIT
# Regenerates vectors/x509/strict/: certificates for the stricter rules of
# path validation (issue #14): directoryName constraints and issuer/subject
# chaining compared as RFC 5280 §7.1 says (case and spaces folded, string
# types crossed), wildcards against excluded DNS subtrees, critical key
# identifiers and a CA with an empty subject (RFC 5280 §4.2.1.1-2, §4.1.2.6),
# RSA keys under 2048 bits, and crafted chains that cost unbounded work:
# 15 intermediates with an 8192-bit n and e near n (refused at key import),
# and 15 with e = 2^32 - 1 (allowed, stopped by the work budget). Uses the
# openssl CLI (`openssl ca` for fixed dates; `asn1parse -genconf` and
# `x509 -force_pubkey` to place the crafted public keys, which have no
# private key). Keys are fresh on every run; the tests depend only on the
# structure (strict/verify-cases.txt).
# Usage: scripts/make-x509-strict-fixtures.sh [OUTDIR]   (default vectors/x509/strict)
set -eu

OUT=${1:-"$(dirname "$0")/../vectors/x509/strict"}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# shellcheck source=scripts/x509-fixture-lib.sh
. "$(dirname "$0")/x509-fixture-lib.sh"

# A request config whose string_mask gives PrintableString where it can
# (the default config gives UTF8String).
sed 's/^prompt = no$/prompt = no\nstring_mask = default/' "$WORK/ca.cnf" > "$WORK/printable.cnf"

# Validity windows (UTC). Tests run at 2026-01-01 (1767225600).
CA_START=20240101000000Z; CA_END=20400101000000Z
LEAF_START=20250101000000Z; LEAF_END=20270101000000Z

ROOT_EXT='basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash'
INT_EXT='basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid:always'
LEAF='basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid:always\nextendedKeyUsage=serverAuth'

# leaf NAME ISSUER SUBJECT SAN...: a P-256 server leaf with the leaf key.
leaf() {
  name=$1; issuer=$2; subj=$3
  shift 3
  issue "$name" leaf "$issuer" "$subj" $LEAF_START $LEAF_END sha256 "$LEAF\nsubjectAltName=$*"
}

key root rsa; key leaf p256
issue root root self "/O=baretls strict/CN=Strict Test Root" $CA_START $CA_END sha256 "$ROOT_EXT"

# --- directoryName constraints (RFC 5280 §4.2.1.10 compared per §7.1) -------
# The constraint's O is a UTF8String (openssl's default string_mask).
key int-dn-excluded p256; key int-dn-permitted p256
issue int-dn-excluded int-dn-excluded root "/O=baretls strict/CN=Excluding Evil Corp" $CA_START $CA_END sha256 \
  "$INT_EXT\nnameConstraints=critical,excluded;dirName:evil_dn\n[ evil_dn ]\nO = Evil Corp"
issue int-dn-permitted int-dn-permitted root "/O=baretls strict/CN=Permitting Good Corp" $CA_START $CA_END sha256 \
  "$INT_EXT\nnameConstraints=critical,permitted;dirName:good_dn\n[ good_dn ]\nO = Good Corp"
leaf leaf-dn-evil int-dn-excluded "/O=Evil Corp/CN=evil.example.com" DNS:evil.example.com
leaf leaf-dn-evil-upper int-dn-excluded "/O=EVIL CORP/CN=evil.example.com" DNS:evil.example.com
leaf leaf-dn-evil-spaces int-dn-excluded "/O=  evil   corp /CN=evil.example.com" DNS:evil.example.com
REQCONFIG="$WORK/printable.cnf" leaf leaf-dn-evil-printable int-dn-excluded "/O=Evil Corp/CN=evil.example.com" \
  DNS:evil.example.com
leaf leaf-dn-evil-sub int-dn-excluded "/O=Evil Corp/OU=Sales/CN=evil.example.com" DNS:evil.example.com
leaf leaf-dn-evil-corporation int-dn-excluded "/O=Evil Corporation/CN=other.example.com" DNS:other.example.com
leaf leaf-dn-evil-not-first int-dn-excluded "/C=US/O=Evil Corp/CN=other.example.com" DNS:other.example.com
leaf leaf-dn-good-lower int-dn-permitted "/O=good corp/CN=good.example.com" DNS:good.example.com
leaf leaf-dn-bad int-dn-permitted "/O=Bad Corp/CN=bad.example.com" DNS:bad.example.com

# --- Issuer/subject chaining per §7.1 ------------------------------------------
# int-chain-twin has int-chain's key and its name in other letters, spaces and
# string types; leaf-chain-variant, issued by the twin, names it as issuer but
# is verified with int-chain only.
key int-chain p256
issue int-chain int-chain root "/O=baretls strict/CN=Strict Chaining CA" $CA_START $CA_END sha256 "$INT_EXT"
REQCONFIG="$WORK/printable.cnf" issue int-chain-twin int-chain root "/O=BARETLS STRICT/CN=strict  chaining ca " \
  $CA_START $CA_END sha256 "$INT_EXT"
leaf leaf-chain-variant int-chain-twin "/CN=chain.example.com" DNS:chain.example.com
rm -f "$OUT/int-chain-twin.pem"

# --- Wildcards against DNS subtrees (RFC 5280 §4.2.1.10, RFC 6125 §6.4.3) ---
key int-dns-excluded p256; key int-dns-permitted p256
issue int-dns-excluded int-dns-excluded root "/O=baretls strict/CN=Excluding DNS" $CA_START $CA_END sha256 \
  "$INT_EXT\nnameConstraints=critical,excluded;DNS:secret.example.com,excluded;DNS:example.net,excluded;DNS:.example.org"
issue int-dns-permitted int-dns-permitted root "/O=baretls strict/CN=Permitting DNS" $CA_START $CA_END sha256 \
  "$INT_EXT\nnameConstraints=critical,permitted;DNS:example.com"
leaf leaf-wild-secret int-dns-excluded "/CN=wildcard leaf" 'DNS:*.example.com'
leaf leaf-wild-net int-dns-excluded "/CN=wildcard leaf" 'DNS:*.net'
leaf leaf-wild-org int-dns-excluded "/CN=wildcard leaf" 'DNS:*.example.org'
leaf leaf-wild-org-apex int-dns-excluded "/CN=wildcard leaf" 'DNS:*.org'
leaf leaf-wild-deeper int-dns-excluded "/CN=wildcard leaf" 'DNS:*.a.example.com'
leaf leaf-wild-partial int-dns-excluded "/CN=wildcard leaf" 'DNS:s*.example.com'
leaf leaf-wild-partial-miss int-dns-excluded "/CN=wildcard leaf" 'DNS:w*.example.com'
leaf leaf-dns-trailing-dot int-dns-excluded "/CN=trailing dot leaf" 'DNS:secret.example.com.'
leaf leaf-dns-plain int-dns-excluded "/CN=plain leaf" 'DNS:www.example.com'
leaf leaf-perm-wild int-dns-permitted "/CN=wildcard leaf" 'DNS:*.example.com'
leaf leaf-perm-wild-com int-dns-permitted "/CN=wildcard leaf" 'DNS:*.com'

# --- RFC 5280 MUSTs: key identifiers non-critical, a CA's subject not empty --
issue leaf-ski-critical leaf root "/CN=ski.example.com" $LEAF_START $LEAF_END sha256 \
  'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nsubjectKeyIdentifier=critical,hash\nsubjectAltName=DNS:ski.example.com'
issue leaf-aki-critical leaf root "/CN=aki.example.com" $LEAF_START $LEAF_END sha256 \
  'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nauthorityKeyIdentifier=critical,keyid:always\nsubjectAltName=DNS:aki.example.com'
key int-empty p256
openssl req -new -config "$WORK/ca.cnf" -key "$WORK/int-empty.key" -subj "/" -out "$WORK/int-empty.csr"
printf '[ ext ]\n%b\n' "$INT_EXT" > "$WORK/int-empty.ext"
openssl x509 -req -in "$WORK/int-empty.csr" -CA "$OUT/root.pem" -CAkey "$WORK/root.key" -set_serial 0x5eed01 \
  -days 7300 -sha256 -extfile "$WORK/int-empty.ext" -extensions ext -out "$OUT/int-empty-subject.pem" 2>/dev/null

# --- RSA keys under 2048 bits: a root, an intermediate, a leaf --------------
key root-rsa1024 rsa1024; key int-rsa1024 rsa1024; key leaf-rsa1024 rsa1024
issue root-rsa1024 root-rsa1024 self "/O=baretls strict/CN=RSA-1024 Root" $CA_START $CA_END sha256 "$ROOT_EXT"
leaf leaf-under-rsa1024-root root-rsa1024 "/CN=weakroot.example.com" DNS:weakroot.example.com
issue int-rsa1024 int-rsa1024 root "/O=baretls strict/CN=RSA-1024 Intermediate" $CA_START $CA_END sha256 "$INT_EXT"
leaf leaf-under-rsa1024-int int-rsa1024 "/CN=weakint.example.com" DNS:weakint.example.com
issue leaf-rsa1024 leaf-rsa1024 root "/CN=weakleaf.example.com" $LEAF_START $LEAF_END sha256 \
  'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:weakleaf.example.com'

# --- Crafted chains: a leaf issued by "Crafted CA" and 15 intermediates of
# that name whose keys are made up (an odd 8192-bit n, no private key). The
# leaf's signature is an 8192-bit RSA one, so that every candidate issuer
# costs a full RSA public operation, as in the attack ---------------------
key crafted-ca rsa8192
issue crafted-ca crafted-ca self "/CN=Crafted CA" $CA_START $CA_END sha256 "$ROOT_EXT"
leaf leaf-crafted crafted-ca "/CN=crafted.example.com" DNS:crafted.example.com
n=$(openssl rand -hex 1024 | sed 's/^./f/; s/.$/f/')
# spki NAME E_HEX: an RSA SubjectPublicKeyInfo (RFC 3279 §2.3.1) with n and e.
spki() {
  cat > "$WORK/$1.asn1" <<ASN1
asn1=SEQUENCE:spki
[spki]
alg=SEQUENCE:alg
key=BITWRAP,SEQUENCE:rsakey
[alg]
oid=OID:rsaEncryption
null=NULL
[rsakey]
n=INTEGER:0x$n
e=INTEGER:0x$2
ASN1
  openssl asn1parse -genconf "$WORK/$1.asn1" -out "$WORK/$1.der" -noout
  openssl pkey -pubin -inform DER -in "$WORK/$1.der" -out "$WORK/$1.pub.pem"
}
spki huge-e "$(python3 -c "print('%x' % (int('$n', 16) - 2))")"
spki big-e ffffffff
openssl req -new -config "$WORK/ca.cnf" -key "$WORK/crafted-ca.key" -subj "/CN=Crafted CA" -out "$WORK/crafted.csr"
printf '[ ext ]\n%b\n' "$INT_EXT" > "$WORK/crafted.ext"
for kind in huge-e big-e; do
  : > "$OUT/crafted-$kind.pem"
  for i in $(seq 1 15); do
    openssl x509 -req -in "$WORK/crafted.csr" -force_pubkey "$WORK/$kind.pub.pem" -CA "$OUT/crafted-ca.pem" \
      -CAkey "$WORK/crafted-ca.key" -set_serial "$i" -days 7300 -sha256 -extfile "$WORK/crafted.ext" \
      -extensions ext 2>/dev/null >> "$OUT/crafted-$kind.pem"
  done
done
rm -f "$OUT/crafted-ca.pem"

# --- The verification cases (tests/x509/test_verify.cpp, test_cli_verify.cpp,
# test_interop_verify.cpp); file names relative to vectors/x509/ -------------
cat > "$OUT/verify-cases.txt" <<'CASES'
# baretls verify cases over the fixtures in this folder (same format as
# ../verify-cases.txt; paths relative to vectors/x509/). OpenSSL = differs
# marks where openssl verify (3.0, default options) accepts what we refuse:
# wildcards that could reach an excluded subtree, an absolute (trailing-dot)
# name inside one, RSA keys under 2048 bits.
# 1767225600 = 2026-01-01.
CASES
emit() {
  printf 'Name = %s\nLeaf = strict/%s\nCAfile = strict/%s\nUntrusted = %s\nHostname = %s\nPurpose = %s\nAt = %s\nExpect = %s\nOpenSSL = %s\n\n' \
    "$@" >> "$OUT/verify-cases.txt"
}
AT=1767225600
emit dn-excluded-exact leaf-dn-evil.pem root.pem strict/int-dn-excluded.pem - server $AT name_constraint_violated same
emit dn-excluded-upper leaf-dn-evil-upper.pem root.pem strict/int-dn-excluded.pem - server $AT name_constraint_violated same
emit dn-excluded-spaces leaf-dn-evil-spaces.pem root.pem strict/int-dn-excluded.pem - server $AT name_constraint_violated same
emit dn-excluded-printable leaf-dn-evil-printable.pem root.pem strict/int-dn-excluded.pem - server $AT name_constraint_violated same
emit dn-excluded-subtree leaf-dn-evil-sub.pem root.pem strict/int-dn-excluded.pem - server $AT name_constraint_violated same
emit dn-excluded-longer-value leaf-dn-evil-corporation.pem root.pem strict/int-dn-excluded.pem - server $AT ok same
emit dn-excluded-not-prefix leaf-dn-evil-not-first.pem root.pem strict/int-dn-excluded.pem - server $AT ok same
emit dn-permitted-lower leaf-dn-good-lower.pem root.pem strict/int-dn-permitted.pem - server $AT ok same
emit dn-permitted-other leaf-dn-bad.pem root.pem strict/int-dn-permitted.pem - server $AT name_constraint_violated same
emit chain-name-variant leaf-chain-variant.pem root.pem strict/int-chain.pem chain.example.com server $AT ok same
emit wildcard-excluded-label leaf-wild-secret.pem root.pem strict/int-dns-excluded.pem - server $AT name_constraint_violated differs
emit wildcard-excluded-apex leaf-wild-net.pem root.pem strict/int-dns-excluded.pem - server $AT name_constraint_violated differs
emit wildcard-excluded-dot leaf-wild-org.pem root.pem strict/int-dns-excluded.pem - server $AT name_constraint_violated same
emit wildcard-dot-base-apex leaf-wild-org-apex.pem root.pem strict/int-dns-excluded.pem - server $AT ok same
emit wildcard-one-label-short leaf-wild-deeper.pem root.pem strict/int-dns-excluded.pem - server $AT ok same
emit wildcard-partial-label leaf-wild-partial.pem root.pem strict/int-dns-excluded.pem - server $AT name_constraint_violated differs
emit wildcard-partial-miss leaf-wild-partial-miss.pem root.pem strict/int-dns-excluded.pem - server $AT ok same
emit dns-trailing-dot leaf-dns-trailing-dot.pem root.pem strict/int-dns-excluded.pem - server $AT name_constraint_violated differs
emit dns-plain-outside leaf-dns-plain.pem root.pem strict/int-dns-excluded.pem www.example.com server $AT ok same
emit wildcard-permitted leaf-perm-wild.pem root.pem strict/int-dns-permitted.pem - server $AT ok same
emit wildcard-permitted-wider leaf-perm-wild-com.pem root.pem strict/int-dns-permitted.pem - server $AT name_constraint_violated same
emit rsa1024-root leaf-under-rsa1024-root.pem root-rsa1024.pem - weakroot.example.com server $AT weak_key differs
emit rsa1024-intermediate leaf-under-rsa1024-int.pem root.pem strict/int-rsa1024.pem weakint.example.com server $AT weak_key differs
emit rsa1024-leaf leaf-rsa1024.pem root.pem - weakleaf.example.com server $AT weak_key differs
emit crafted-huge-exponent leaf-crafted.pem root.pem strict/crafted-huge-e.pem - server $AT unsupported_rsa_key same
emit crafted-work-limit leaf-crafted.pem root.pem strict/crafted-big-e.pem - server $AT work_limit_exceeded same

echo "fixtures written to $OUT"

# SPDX-License-Identifier: MIT
# Shared by scripts/make-x509-fixtures.sh and make-x509-strict-fixtures.sh
# (sourced, not run): an `openssl ca` set-up in $WORK and the helpers that
# make keys and issue certificates with fixed validity dates into $OUT.
# The caller sets OUT (output folder) and WORK (a temporary folder).

mkdir -p "$WORK/newcerts"
: > "$WORK/index.txt"
echo 1000 > "$WORK/serial"

cat > "$WORK/ca.cnf" <<CNF
[ ca ]
default_ca = testca
[ testca ]
dir = $WORK
database = $WORK/index.txt
new_certs_dir = $WORK/newcerts
serial = $WORK/serial
default_md = sha256
policy = policy_any
unique_subject = no
copy_extensions = none
email_in_dn = no
[ policy_any ]
commonName = supplied
organizationName = optional
organizationalUnitName = optional
countryName = optional
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused
CNF

# key NAME rsa|rsa1024|rsa3072|rsa8192|p256|p384
key() {
  case "$2" in
    rsa) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/$1.key" 2>/dev/null ;;
    rsa1024) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out "$WORK/$1.key" 2>/dev/null ;;
    rsa3072) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out "$WORK/$1.key" 2>/dev/null ;;
    rsa8192) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:8192 -out "$WORK/$1.key" 2>/dev/null ;;
    p256) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -pkeyopt ec_param_enc:named_curve -out "$WORK/$1.key" ;;
    p384) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -pkeyopt ec_param_enc:named_curve -out "$WORK/$1.key" ;;
  esac
}

# issue NAME KEYNAME ISSUER|self SUBJECT START END MD "EXT LINES" [SIGOPT...]
# ISSUER is the name of an issued certificate whose key signs (ISSUER.key
# names the issuer's key file via the ISSUERKEY variable when set). The
# subject keeps the string types and spaces of the request (-preserveDN);
# REQCONFIG names another `openssl req` config (e.g. another string_mask).
issue() {
  name=$1; keyname=$2; issuer=$3; subj=$4; start=$5; end=$6; md=$7; ext=$8
  shift 8
  printf '[ ext ]\n%b\n' "$ext" > "$WORK/$name.ext"
  openssl req -new -config "${REQCONFIG:-$WORK/ca.cnf}" -key "$WORK/$keyname.key" -subj "$subj" -out "$WORK/$name.csr"
  sigopts=""
  for s in "$@"; do sigopts="$sigopts -sigopt $s"; done
  if [ "$issuer" = self ]; then
    # shellcheck disable=SC2086
    openssl ca -config "$WORK/ca.cnf" -batch -notext -preserveDN -selfsign -keyfile "$WORK/$keyname.key" \
      -in "$WORK/$name.csr" -out "$OUT/$name.pem" -startdate "$start" -enddate "$end" -md "$md" \
      -extfile "$WORK/$name.ext" -extensions ext $sigopts 2>/dev/null
  else
    ikey=${ISSUERKEY:-$(cat "$WORK/$issuer.keyname")}
    # shellcheck disable=SC2086
    openssl ca -config "$WORK/ca.cnf" -batch -notext -preserveDN -cert "$OUT/$issuer.pem" -keyfile "$WORK/$ikey.key" \
      -in "$WORK/$name.csr" -out "$OUT/$name.pem" -startdate "$start" -enddate "$end" -md "$md" \
      -extfile "$WORK/$name.ext" -extensions ext $sigopts 2>/dev/null
  fi
  echo "$keyname" > "$WORK/$name.keyname"
}

// SPDX-License-Identifier: MIT
// A certificate chain and private key from PEM; see baretls/tls/credentials.h.
#include "baretls/tls/credentials.h"

#include <memory>
#include <string>
#include <utility>

#include "baretls/crypto/secret.h"
#include "baretls/x509/key.h"
#include "baretls/x509/pem.h"
#include "baretls/x509/trust_store.h"

namespace baretls::tls {

std::string_view to_string(CredentialError e) noexcept {
  switch (e) {
    case CredentialError::ok: return "ok";
    case CredentialError::unreadable_chain_file: return "cannot read the certificate file";
    case CredentialError::unreadable_key_file: return "cannot read the key file";
    case CredentialError::file_too_large: return "file too large";
    case CredentialError::malformed_chain: return "malformed PEM in the certificate file";
    case CredentialError::no_certificate: return "no certificate";
    case CredentialError::no_private_key: return "no private key";
    case CredentialError::malformed_key: return "malformed private key";
    case CredentialError::encrypted_key: return "encrypted keys are not supported";
    case CredentialError::unsupported_key: return "unsupported key type";
  }
  return "unknown error";
}

namespace {

CredentialError key_error(x509::Error e) noexcept {
  switch (e) {
    case x509::Error::encrypted_key: return CredentialError::encrypted_key;
    case x509::Error::unsupported_key:
    case x509::Error::unsupported_rsa_key: return CredentialError::unsupported_key;
    default: return CredentialError::malformed_key;
  }
}

#if BARETLS_WITH_FILES
// The whole file as text, or the error for `unreadable`.
baretls::Result<std::string, CredentialError> read_text(const char* path, CredentialError unreadable) {
  auto bytes = x509::read_file(path, kMaxCredentialFile);
  if (!bytes) return bytes.error() == x509::Error::too_large ? CredentialError::file_too_large : unreadable;
  std::string text(bytes->begin(), bytes->end());
  crypto::secure_wipe(*bytes);  // it may hold a private key
  return text;
}
#endif

}  // namespace

CredentialResult load_certified_key(std::string_view chain_pem, std::string_view key_pem) {
  auto chain = x509::pem_decode_all(chain_pem, "CERTIFICATE");
  if (!chain) return CredentialError::malformed_chain;
  if (chain->empty()) return CredentialError::no_certificate;
  // RFC 7468 §10-§13: "PRIVATE KEY", "ENCRYPTED PRIVATE KEY", and the
  // legacy "RSA PRIVATE KEY" / "EC PRIVATE KEY" labels all end this way.
  if (key_pem.find("PRIVATE KEY-----") == std::string_view::npos) return CredentialError::no_private_key;
  auto key = x509::PrivateKey::from_pem(key_pem);
  if (!key) return key_error(key.error());
  CertifiedKey ck;
  ck.chain = std::move(*chain);
  ck.key = std::make_shared<const x509::PrivateKey>(std::move(*key));
  return ck;
}

#if BARETLS_WITH_FILES
CredentialResult load_certified_key_files(const char* chain_path, const char* key_path) {
  const auto chain = read_text(chain_path, CredentialError::unreadable_chain_file);
  if (!chain) return chain.error();
  auto key = read_text(key_path, CredentialError::unreadable_key_file);
  if (!key) return key.error();
  auto loaded = load_certified_key(*chain, *key);
  crypto::secure_wipe(key->data(), key->size());  // the key text is secret
  return loaded;
}
#endif

}  // namespace baretls::tls

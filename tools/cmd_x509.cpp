// SPDX-License-Identifier: MIT
// `baretls x509 FILE`: prints each certificate of a PEM file (or one DER
// certificate) readably: names, serial, validity, key, signature algorithm,
// subjectAltName, key usages, basic constraints, name constraints, key
// identifiers and the SHA-256 fingerprint.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "baretls/x509/certificate.h"
#include "baretls/x509/pem.h"
#include "baretls/x509/time.h"
#include "baretls/x509/trust_store.h"
#include "tools/commands.h"
#include "tools/escape.h"

namespace baretls::cli {

namespace {

std::string hex(std::span<const std::uint8_t> bytes, bool colons) {
  std::string out;
  char buf[4];
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (colons && i != 0) out += ':';
    std::snprintf(buf, sizeof buf, "%02X", bytes[i]);
    out += buf;
  }
  return out;
}

std::string ip_text(std::span<const std::uint8_t> ip) {
  std::string out;
  char buf[8];
  if (ip.size() == 4 || ip.size() == 8) {
    for (std::size_t i = 0; i < ip.size(); ++i) {
      if (i == 4) out += '/';
      else if (i != 0) out += '.';
      out += std::to_string(ip[i]);
    }
    return out;
  }
  for (std::size_t i = 0; i + 1 < ip.size(); i += 2) {
    if (i == 16) out += '/';
    else if (i != 0) out += ':';
    std::snprintf(buf, sizeof buf, "%x", static_cast<unsigned>(ip[i] << 8 | ip[i + 1]));
    out += buf;
  }
  return out;
}

// Every certificate string is the issuer's choice: printed through escape_peer_text().
std::string general_name(const x509::GeneralName& n) {
  const std::string text = escape_peer_text(std::string_view(reinterpret_cast<const char*>(n.value.data()), n.value.size()));
  switch (n.form) {
    case x509::NameForm::dns: return "DNS:" + text;
    case x509::NameForm::ip: return "IP:" + ip_text(n.value);
    case x509::NameForm::rfc822: return "email:" + text;
    case x509::NameForm::uri: return "URI:" + text;
    case x509::NameForm::directory: {
      auto name = x509::Name::from_der(n.value);
      return "DirName:" + (name ? escape_peer_text(name->to_string()) : std::string("?"));
    }
    default: return "other";
  }
}

std::string key_usage_text(std::uint16_t ku) {
  static const char* const kNames[] = {"digitalSignature", "nonRepudiation", "keyEncipherment",
                                       "dataEncipherment", "keyAgreement",   "keyCertSign",
                                       "cRLSign",          "encipherOnly",   "decipherOnly"};
  std::string out;
  for (unsigned i = 0; i < 9; ++i) {
    if ((ku & (1u << i)) == 0) continue;
    if (!out.empty()) out += ", ";
    out += kNames[i];
  }
  return out;
}

std::string key_text(const x509::Certificate& c) {
  auto key = c.public_key();
  if (!key) return std::string("unsupported (") + std::string(x509::to_string(key.error())) + ")";
  return std::string(x509::key_type_name(key->type())) + ", " + std::to_string(key->bits()) + " bits";
}

void print_certificate(const x509::Certificate& c) {
  std::cout << "  Subject:             " << escape_peer_text(c.subject.to_string()) << "\n"
            << "  Issuer:              " << escape_peer_text(c.issuer.to_string()) << "\n"
            << "  Version:             " << c.version << "\n"
            << "  Serial:              " << hex(c.serial, true) << "\n"
            << "  Not before:          " << x509::format_time(c.not_before) << "\n"
            << "  Not after:           " << x509::format_time(c.not_after) << "\n"
            << "  Public key:          " << key_text(c) << "\n"
            << "  Signature algorithm: " << c.signature_algorithm.name
            << (c.signature_algorithm.supported ? "" : " (not accepted)") << "\n";
  if (c.basic_constraints) {
    std::cout << "  Basic constraints:   CA:" << (c.basic_constraints->ca ? "TRUE" : "FALSE");
    if (c.basic_constraints->path_len) std::cout << ", pathlen:" << *c.basic_constraints->path_len;
    std::cout << "\n";
  }
  if (c.key_usage) std::cout << "  Key usage:           " << key_usage_text(*c.key_usage) << "\n";
  if (c.extended_key_usage) {
    std::cout << "  Extended key usage:  ";
    for (std::size_t i = 0; i < c.extended_key_usage->size(); ++i) {
      std::cout << (i ? ", " : "") << x509::oid_text((*c.extended_key_usage)[i]);
    }
    std::cout << "\n";
  }
  if (c.has_subject_alt_name) {
    std::cout << "  Subject alt names:   ";
    for (std::size_t i = 0; i < c.subject_alt_names.size(); ++i) {
      std::cout << (i ? ", " : "") << general_name(c.subject_alt_names[i]);
    }
    std::cout << "\n";
  }
  if (c.name_constraints) {
    for (const auto& s : c.name_constraints->permitted) std::cout << "  Permitted subtree:   " << general_name(s.base) << "\n";
    for (const auto& s : c.name_constraints->excluded) std::cout << "  Excluded subtree:    " << general_name(s.base) << "\n";
  }
  if (!c.subject_key_id.empty()) std::cout << "  Subject key id:      " << hex(c.subject_key_id, true) << "\n";
  if (!c.authority_key_id.empty()) std::cout << "  Authority key id:    " << hex(c.authority_key_id, true) << "\n";
  if (c.unknown_critical_extension) std::cout << "  Unknown critical extension: yes (the certificate is unusable)\n";
  const auto fp = c.fingerprint_sha256();
  std::cout << "  SHA-256 fingerprint: " << hex(fp, true) << "\n";
}

}  // namespace

int cmd_x509(int argc, char** argv) {
  if (argc != 2 || std::string(argv[1]) == "-h" || std::string(argv[1]) == "--help") {
    std::cout << "usage: baretls x509 FILE\n\nPrints each certificate of FILE (PEM, or one DER certificate).\n";
    return argc == 2 ? 0 : 2;
  }
  auto data = x509::read_file(argv[1], x509::kMaxTrustFile);
  if (!data) {
    std::cerr << "baretls x509: cannot read " << argv[1] << "\n";
    return 1;
  }
  const std::string_view text(reinterpret_cast<const char*>(data->data()), data->size());
  auto ders = x509::pem_decode_all(text, "CERTIFICATE");
  if (!ders) {
    std::cerr << "baretls x509: " << argv[1] << ": " << x509::to_string(ders.error()) << "\n";
    return 1;
  }
  if (ders->empty()) ders->push_back(*data);
  int status = 0;
  for (std::size_t i = 0; i < ders->size(); ++i) {
    std::cout << "Certificate " << i + 1 << ":\n";
    auto cert = x509::Certificate::parse((*ders)[i]);
    if (!cert) {
      std::cout << "  error: " << x509::to_string(cert.error()) << "\n";
      status = 1;
      continue;
    }
    print_certificate(*cert);
  }
  return status;
}

}  // namespace baretls::cli

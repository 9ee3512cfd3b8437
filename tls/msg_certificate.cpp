// SPDX-License-Identifier: MIT
// Certificate (RFC 5246 §7.4.2, and §7.4.6 for the client's) and
// CertificateRequest (RFC 5246 §7.4.4). The chain is carried as DER blobs;
// x509/ parses and verifies them.
#include "tls/messages.h"
#include "tls/msg_common.h"

namespace baretls::tls {

// RFC 5246 §7.4.2: opaque ASN.1Cert<1..2^24-1>;
//   struct { ASN.1Cert certificate_list<0..2^24-1>; } Certificate;
Result<CertificateMsg> CertificateMsg::parse(std::span<const std::uint8_t> body) {
  wire::Reader r(body);
  auto list = r.sub24(0, 0xffffff);
  if (!list) return list.error();
  BARETLS_TRY(r.expect_empty());
  CertificateMsg msg;
  while (!list->empty()) {
    auto cert = list->opaque24(1, 0xffffff);
    if (!cert) return cert.error();
    msg.certificate_list.emplace_back(cert->begin(), cert->end());
  }
  return msg;
}

void CertificateMsg::serialize(wire::Writer& w) const {
  const auto m = w.open_length(3);
  for (const auto& c : certificate_list) w.opaque24(c);
  w.close_length(m);
}

// RFC 5246 §7.4.4:
//   ClientCertificateType certificate_types<1..2^8-1>;
//   SignatureAndHashAlgorithm supported_signature_algorithms<2^16-1>;
//   DistinguishedName certificate_authorities<0..2^16-1>;
//   opaque DistinguishedName<1..2^16-1>;
// (§7.4.1.4.1 bounds supported_signature_algorithms at <2..2^16-2>.)
Result<CertificateRequest> CertificateRequest::parse(std::span<const std::uint8_t> body) {
  wire::Reader r(body);
  CertificateRequest cr;
  auto types = r.opaque8(1, 0xff);
  if (!types) return types.error();
  cr.certificate_types.assign(types->begin(), types->end());
  auto algs = detail::read_u16_list(r, 2, 0xfffe);
  if (!algs) return algs.error();
  cr.signature_algorithms = std::move(*algs);
  auto cas = r.sub16(0, 0xffff);
  if (!cas) return cas.error();
  while (!cas->empty()) {
    auto dn = cas->opaque16(1, 0xffff);
    if (!dn) return dn.error();
    cr.authorities.emplace_back(dn->begin(), dn->end());
  }
  BARETLS_TRY(r.expect_empty());
  return cr;
}

void CertificateRequest::serialize(wire::Writer& w) const {
  w.opaque8(certificate_types);
  detail::write_u16_list(w, signature_algorithms);
  const auto m = w.open_length(2);
  for (const auto& dn : authorities) w.opaque16(dn);
  w.close_length(m);
}

}  // namespace baretls::tls

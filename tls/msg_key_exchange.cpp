// SPDX-License-Identifier: MIT
// ServerKeyExchange for ECDHE (RFC 8422 §5.4, signed per RFC 5246 §7.4.3)
// and ClientKeyExchange (RFC 8422 §5.7 ECDHE point; RFC 5246 §7.4.7.1
// RSA-encrypted pre-master secret).
#include "tls/messages.h"
#include "tls/msg_common.h"

namespace baretls::tls {

// RFC 8422 §5.4:
//   struct { ECCurveType curve_type; NamedCurve namedcurve; } ECParameters;  (named_curve only)
//   struct { ECParameters curve_params; ECPoint public; } ServerECDHParams;
//   struct { opaque point <1..2^8-1>; } ECPoint;
//   ServerKeyExchange: ServerECDHParams params; Signature signed_params;
// RFC 5246 §7.4.1.4.1 digitally-signed: SignatureAndHashAlgorithm algorithm;
//   opaque signature<0..2^16-1>;
Result<ServerKeyExchange> ServerKeyExchange::parse(std::span<const std::uint8_t> body) {
  wire::Reader r(body);
  ServerKeyExchange ske;
  auto curve_type = r.u8();
  if (!curve_type) return curve_type.error();
  // RFC 8422 §5.4: explicit curves are deprecated; only named_curve is defined here.
  if (*curve_type != kNamedCurve) return Error::illegal_parameter;
  auto curve = r.u16();
  auto point = r.opaque8(1, 0xff);
  auto scheme = r.u16();
  auto sig = r.opaque16(0, 0xffff);
  if (!curve || !point || !scheme || !sig) return r.error();
  BARETLS_TRY(r.expect_empty());
  ske.named_curve = *curve;
  ske.public_point.assign(point->begin(), point->end());
  ske.signature_scheme = *scheme;
  ske.signature.assign(sig->begin(), sig->end());
  return ske;
}

std::vector<std::uint8_t> ServerKeyExchange::params() const {
  std::vector<std::uint8_t> out(4 + public_point.size());
  wire::Writer w(out);
  w.u8(kNamedCurve);
  w.u16(named_curve);
  w.opaque8(public_point);
  return out;
}

std::vector<std::uint8_t> ServerKeyExchange::signed_data(std::span<const std::uint8_t, 32> client_random,
                                                         std::span<const std::uint8_t, 32> server_random) const {
  const auto p = params();
  std::vector<std::uint8_t> out(client_random.size() + server_random.size() + p.size());
  wire::Writer w(out);
  w.bytes(client_random);
  w.bytes(server_random);
  w.bytes(p);
  return out;
}

void ServerKeyExchange::serialize(wire::Writer& w) const {
  w.u8(kNamedCurve);
  w.u16(named_curve);
  w.opaque8(public_point);
  w.u16(signature_scheme);
  w.opaque16(signature);
}

// RFC 8422 §5.7: ClientECDiffieHellmanPublic: ECPoint ecdh_Yc; (opaque <1..2^8-1>)
// RFC 5246 §7.4.7.1: public-key-encrypted PreMasterSecret pre_master_secret;
//   as a TLS 1.2 opaque vector: <0..2^16-1>.
Result<ClientKeyExchange> ClientKeyExchange::parse(std::span<const std::uint8_t> body, KeyExchange kex) {
  wire::Reader r(body);
  ClientKeyExchange cke;
  cke.kex = kex;
  auto v = kex == KeyExchange::rsa ? r.opaque16(0, 0xffff) : r.opaque8(1, 0xff);
  if (!v) return v.error();
  BARETLS_TRY(r.expect_empty());
  cke.exchange_keys.assign(v->begin(), v->end());
  return cke;
}

void ClientKeyExchange::serialize(wire::Writer& w) const {
  if (kex == KeyExchange::rsa)
    w.opaque16(exchange_keys);
  else
    w.opaque8(exchange_keys);
}

// RFC 5246 §7.4.8: digitally-signed struct { opaque handshake_messages[handshake_messages_length]; }
Result<CertificateVerify> CertificateVerify::parse(std::span<const std::uint8_t> body) {
  wire::Reader r(body);
  CertificateVerify cv;
  auto scheme = r.u16();
  auto sig = r.opaque16(0, 0xffff);
  if (!scheme || !sig) return r.error();
  BARETLS_TRY(r.expect_empty());
  cv.signature_scheme = *scheme;
  cv.signature.assign(sig->begin(), sig->end());
  return cv;
}

void CertificateVerify::serialize(wire::Writer& w) const {
  w.u16(signature_scheme);
  w.opaque16(signature);
}

// RFC 5246 §7.4.9: opaque verify_data[verify_data_length];
Result<Finished> Finished::parse(std::span<const std::uint8_t> body) {
  wire::Reader r(body);
  auto v = r.bytes(kVerifyDataSize);
  if (!v) return v.error();
  BARETLS_TRY(r.expect_empty());
  Finished f;
  std::copy(v->begin(), v->end(), f.verify_data.begin());
  return f;
}

void Finished::serialize(wire::Writer& w) const { w.bytes(verify_data); }

}  // namespace baretls::tls

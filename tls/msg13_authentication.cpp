// SPDX-License-Identifier: MIT
// The authentication messages of TLS 1.3 (RFC 8446 §4.4): Certificate
// (§4.4.2), the content a CertificateVerify signs (§4.4.3; the message has
// the TLS 1.2 layout, messages.h) and Finished (§4.4.4).
#include <algorithm>
#include <string_view>

#include "tls/msg13_common.h"

namespace baretls::tls {

namespace {

// RFC 8446 §4.4.2:
//   struct { opaque cert_data<1..2^24-1>; Extension extensions<0..2^16-1>; } CertificateEntry;
// (RawPublicKey entries need server/client_certificate_type, which baretls never offers.)
Result<std::vector<std::uint8_t>> parse_certificate_entry(wire::Reader& r) {
  auto cert = r.opaque24(1, 0xffffff);
  if (!cert) return cert.error();
  // §4.4.2: "Extensions in the Certificate message from the server MUST
  // correspond to ones from the ClientHello message. Extensions in the
  // Certificate message from the client MUST correspond to extensions in the
  // CertificateRequest message from the server." baretls sends neither
  // status_request nor signed_certificate_timestamp, so none may appear.
  BARETLS_TRY(detail::walk_extensions13(r, 0, 0xffff, [](std::uint16_t type, wire::Reader&) {
    return detail::other_extension13(type, ExtensionContext::certificate);
  }));
  return std::vector<std::uint8_t>(cert->begin(), cert->end());
}

}  // namespace

// RFC 8446 §4.4.2:
//   struct { opaque certificate_request_context<0..2^8-1>;
//            CertificateEntry certificate_list<0..2^24-1>; } Certificate;
Result<Certificate13> Certificate13::parse(std::span<const std::uint8_t> body) {
  wire::Reader r(body);
  Certificate13 msg;
  auto context = r.opaque8(0, 0xff);
  if (!context) return context.error();
  msg.certificate_request_context.assign(context->begin(), context->end());
  auto list = r.sub24(0, 0xffffff);
  if (!list) return list.error();
  while (!list->empty()) {
    auto cert = parse_certificate_entry(*list);
    if (!cert) return cert.error();
    msg.certificate_list.push_back(std::move(*cert));
  }
  BARETLS_TRY(r.expect_empty());
  return msg;
}

void Certificate13::serialize(wire::Writer& w) const {
  w.opaque8(certificate_request_context);
  const auto list = w.open_length(3);
  for (const auto& cert : certificate_list) {
    w.opaque24(cert);
    w.u16(0);  // no extensions
  }
  w.close_length(list);
}

SignedContent13 certificate_verify_content(CertificateVerifySide side, const TranscriptHash& transcript) noexcept {
  // RFC 8446 §4.4.3: "The digital signature is then computed over the
  // concatenation of:
  //   -  A string that consists of octet 32 (0x20) repeated 64 times
  //   -  The context string
  //   -  A single 0 byte which serves as the separator
  //   -  The content to be signed" (Transcript-Hash(Handshake Context, Certificate))
  constexpr std::string_view kServer = "TLS 1.3, server CertificateVerify";
  constexpr std::string_view kClient = "TLS 1.3, client CertificateVerify";
  const std::string_view context = side == CertificateVerifySide::server ? kServer : kClient;
  const auto hash = transcript.bytes();
  SignedContent13 out;
  auto at = std::fill_n(out.bytes.begin(), 64, std::uint8_t{0x20});
  at = std::copy(context.begin(), context.end(), at);
  *at++ = 0;
  at = std::copy(hash.begin(), hash.end(), at);
  out.size = static_cast<std::size_t>(at - out.bytes.begin());
  return out;
}

// RFC 8446 §4.4.4: struct { opaque verify_data[Hash.length]; } Finished;
Result<Finished13> Finished13::parse(std::span<const std::uint8_t> body, crypto::HashId hash) {
  if (body.size() != crypto::digest_size(hash)) return Error::decode_bad_length;
  Finished13 f;
  std::copy(body.begin(), body.end(), f.verify_data.bytes.begin());
  f.verify_data.size = body.size();
  return f;
}

void Finished13::serialize(wire::Writer& w) const { w.bytes(verify_data.view()); }

}  // namespace baretls::tls

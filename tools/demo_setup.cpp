// SPDX-License-Identifier: MIT
// `baretls demo`: the client and server configurations over the embedded
// test PKI (tools/demo_pki.h). ECDHE: the server holds the ECDSA P-256
// certificate and the client offers our default suites; --kex rsa: the server
// holds the RSA-2048 certificate and the client offers RSA key transport only.
#include <cstdio>
#include <ctime>

#include "baretls/crypto/random.h"
#include "baretls/tls/credentials.h"
#include "baretls/tls/session_cache.h"
#include "baretls/tls/ticket_keys.h"
#include "tools/demo.h"
#include "tools/demo_pki.h"
#include "tools/tls_options.h"

namespace baretls::cli::demo {

namespace {

bool load(std::string_view cert_pem, std::string_view key_pem, tls::CertifiedKey& out) {
  auto loaded = tls::load_certified_key(cert_pem, key_pem);
  if (!loaded) {
    std::fprintf(stderr, "baretls demo: the embedded test PKI does not load (%s)\n",
                 std::string(tls::to_string(loaded.error())).c_str());
    return false;
  }
  out = std::move(*loaded);
  return true;
}

}  // namespace

bool make_setup(const Options& opt, Setup& out) {
  out.now = static_cast<std::int64_t>(std::time(nullptr));
  out.roots = std::make_shared<x509::TrustStore>();
  if (out.roots->add_pem(demo_pki::kCa) != x509::Error::ok) {
    std::fprintf(stderr, "baretls demo: the embedded demo CA does not load\n");
    return false;
  }
  out.server = std::make_shared<tls::ServerConfig>();
  out.client = std::make_shared<tls::ClientConfig>();
  for (tls::CommonConfig* c : {static_cast<tls::CommonConfig*>(out.server.get()),
                               static_cast<tls::CommonConfig*>(out.client.get())}) {
    c->random = crypto::system_random();
    c->clock = system_clock();
  }
  tls::CertifiedKey server_key;
  if (!load(opt.rsa ? demo_pki::kServerRsa : demo_pki::kServerEc,
            opt.rsa ? demo_pki::kServerRsaKey : demo_pki::kServerEcKey, server_key))
    return false;
  out.server->certificates.push_back(std::move(server_key));
  out.client->trust_store = out.roots;
  if (opt.mutual) {  // RFC 5246 §7.4.4: the server requires a client certificate from the demo CA
    out.server->client_auth = tls::ClientAuth::required;
    out.server->client_trust_store = out.roots;
    tls::CertifiedKey client_key;
    if (!load(demo_pki::kClient, demo_pki::kClientKey, client_key)) return false;
    out.client->client_certificate = std::move(client_key);
  }
  if (opt.resume) {  // RFC 5246 §7.3 session IDs and RFC 5077 tickets
    out.server->session_cache = std::make_shared<tls::SessionCache>(16, 3600);
    out.server->ticket_keys = std::make_shared<tls::TicketKeys>(3600, 7200);
  }
  if (opt.rsa) out.client->cipher_suites = {tls::CipherSuite::rsa_with_aes_128_gcm_sha256,
                                            tls::CipherSuite::rsa_with_aes_256_gcm_sha384};
  return true;
}

}  // namespace baretls::cli::demo

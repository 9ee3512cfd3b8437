// SPDX-License-Identifier: MIT
// Trust anchors from PEM text, files and directories; see trust_store.h.
// RFC 5280 §6.1.1 (d): a trust anchor is a name and a public key. The file
// functions exist only with BARETLS_WITH_FILES.
#include "baretls/x509/trust_store.h"

#include <algorithm>
#if BARETLS_WITH_FILES
#include <cstdio>
#include <filesystem>
#include <string>
#endif

#include "baretls/x509/pem.h"

namespace baretls::x509 {

#if BARETLS_WITH_FILES
Result<std::vector<std::uint8_t>> read_file(const char* path, std::size_t limit) {
  std::FILE* f = std::fopen(path, "rb");
  if (f == nullptr) return Error::unreadable_file;
  std::vector<std::uint8_t> data;
  std::uint8_t buf[4096];
  while (true) {
    const std::size_t n = std::fread(buf, 1, sizeof buf, f);
    if (n == 0) break;
    if (data.size() + n > limit) {
      std::fclose(f);
      return Error::too_large;
    }
    data.insert(data.end(), buf, buf + n);
  }
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return Error::unreadable_file;
  return data;
}
#endif  // BARETLS_WITH_FILES

bool TrustStore::contains(const Certificate& cert) const noexcept {
  const auto der = cert.der();
  return std::any_of(anchors_.begin(), anchors_.end(), [&](const Certificate& a) {
    const auto other = a.der();
    return std::equal(der.begin(), der.end(), other.begin(), other.end());
  });
}

Error TrustStore::add(const Certificate& cert) {
  if (!contains(cert)) anchors_.push_back(cert);
  return Error::ok;
}

Error TrustStore::add_der(std::span<const std::uint8_t> der) {
  auto cert = Certificate::parse(der);
  if (!cert) return cert.error();
  return add(*cert);
}

Error TrustStore::add_pem(std::string_view text) {
  auto blocks = pem_decode_all(text, "CERTIFICATE");
  if (!blocks) return blocks.error();
  if (blocks->empty()) return Error::no_certificate;
  Error first = Error::ok;
  for (const auto& der : *blocks) {
    const Error e = add_der(der);
    if (e != Error::ok && first == Error::ok) first = e;
  }
  return first;
}

#if BARETLS_WITH_FILES
Error TrustStore::load_file(const char* path) {
  auto data = read_file(path, kMaxTrustFile);
  if (!data) return data.error();
  return add_pem(std::string_view(reinterpret_cast<const char*>(data->data()), data->size()));
}

Error TrustStore::load_directory(const char* path) {
  std::error_code ec;
  std::filesystem::directory_iterator it(path, ec);
  if (ec) return Error::unreadable_file;
  std::vector<std::string> files;
  // The error_code overloads only: the library is built without exceptions.
  for (; it != std::filesystem::directory_iterator(); it.increment(ec)) {
    if (ec) return Error::unreadable_file;
    std::error_code type_ec;
    if (it->is_regular_file(type_ec)) files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end());  // deterministic order
  const std::size_t before = anchors_.size();
  for (const auto& file : files) {
    // Files without certificates (or unreadable ones) are not anchors; skip them.
    (void)load_file(file.c_str());
  }
  return anchors_.size() > before ? Error::ok : Error::no_certificate;
}
#endif  // BARETLS_WITH_FILES

}  // namespace baretls::x509

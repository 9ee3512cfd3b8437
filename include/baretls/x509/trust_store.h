// SPDX-License-Identifier: MIT
// A set of trust anchors: self-contained certificates whose name and key
// are trusted as they are (RFC 5280 §6.1.1 (d)); their own signatures are
// never checked. Loaded from PEM text, a PEM bundle file, or a directory of
// PEM files (duplicates are kept once); the file functions exist only with
// BARETLS_WITH_FILES (<baretls/build_config.h>).
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "baretls/build_config.h"
#include "baretls/x509/certificate.h"
#include "baretls/x509/error.h"

namespace baretls::x509 {

#if BARETLS_WITH_FILES
// Where Debian and Ubuntu keep the system bundle.
inline constexpr const char* kSystemBundle = "/etc/ssl/certs/ca-certificates.crt";
// Largest file we read (the system bundle is ~200 KB).
inline constexpr std::size_t kMaxTrustFile = 16u << 20;
#endif

class TrustStore {
 public:
  // Every CERTIFICATE block. Blocks that do not parse are skipped and the
  // first such error returned (the others are still added); no block at all
  // gives Error::no_certificate.
  [[nodiscard]] Error add_pem(std::string_view text);
  [[nodiscard]] Error add_der(std::span<const std::uint8_t> der);
  [[nodiscard]] Error add(const Certificate& cert);
#if BARETLS_WITH_FILES
  [[nodiscard]] Error load_file(const char* path);       // PEM bundle
  [[nodiscard]] Error load_directory(const char* path);  // every regular file holding PEM certificates
#endif
  [[nodiscard]] std::size_t size() const noexcept { return anchors_.size(); }
  [[nodiscard]] const std::vector<Certificate>& anchors() const noexcept { return anchors_; }
  // True when exactly this certificate (same DER) is an anchor.
  [[nodiscard]] bool contains(const Certificate& cert) const noexcept;

 private:
  std::vector<Certificate> anchors_;
};

#if BARETLS_WITH_FILES
// Reads a whole (small) file; Error::unreadable_file when it cannot be read,
// Error::too_large past `limit`.
[[nodiscard]] Result<std::vector<std::uint8_t>> read_file(const char* path, std::size_t limit);
#endif

}  // namespace baretls::x509

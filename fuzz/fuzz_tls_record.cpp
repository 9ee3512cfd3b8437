// SPDX-License-Identifier: MIT
// Fuzz target "tls_record": the record layer's open path (RFC 5246 §6.2,
// RFC 5288 §3, RFC 7905 §2) with fixed keys. Input: one option byte (see
// fuzz_record_keys.h), then a stream of records opened one after another
// until the layer wants more bytes or fails. Seeds are records really sealed
// under the same keys, so mutations of headers and lengths reach past the
// tag check.
#include <cstring>
#include <vector>

#include "fuzz/fuzz_record_keys.h"
#include "fuzz/fuzz_support.h"
#include "tls/record.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace baretls;
  if (size < 1) return 0;
  const std::uint8_t opt = data[0];
  tls::RecordLayer layer;
  layer.set_version_policy((opt & 4u) != 0 ? tls::VersionPolicy::tls12 : tls::VersionPolicy::any_tls);
  if ((opt & 3u) != 3u) {
    const auto aead = fuzz::kRecordAeads[opt & 3u];
    if (layer.enable_read(aead, fuzz::fixed_record_keys(aead)) != tls::Error::ok) fuzz::die("enable_read");
  }
  // A heap copy of exactly the input, so ASan sees any read past its end.
  std::vector<std::uint8_t> buf(data + 1, data + size);
  std::span<std::uint8_t> in(buf);
  while (true) {
    auto rec = layer.open_next(in);
    if (!rec || !rec->has_value()) break;
    const auto& r = **rec;
    if (r.wire_size > in.size() || r.plaintext.size() > tls::kMaxPlaintext) fuzz::die("record outside its buffer");
    if (r.plaintext.data() < in.data() || r.plaintext.data() + r.plaintext.size() > in.data() + r.wire_size)
      fuzz::die("plaintext outside its record");
    volatile std::uint8_t sink = 0;
    for (const auto b : r.plaintext) sink = static_cast<std::uint8_t>(sink ^ b);
    in = in.subspan(r.wire_size);
  }
  return 0;
}

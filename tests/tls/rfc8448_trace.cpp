// SPDX-License-Identifier: MIT
// Test support: RFC 8448 traces; see rfc8448_trace.h.
#include "tests/tls/rfc8448_trace.h"

#include <algorithm>
#include <stdexcept>

#include "baretls/crypto/sha256.h"

namespace baretls::test::rfc8448 {

namespace {
constexpr std::string_view kFiles[kTraceCount] = {
    "rfc8448-simple-1rtt.txt", "rfc8448-resumed-0rtt.txt", "rfc8448-hello-retry-request.txt",
    "rfc8448-client-authentication.txt", "rfc8448-compatibility-mode.txt"};

// RFC 8446 §4.1.3: a HelloRetryRequest's Random is SHA-256("HelloRetryRequest").
bool is_hello_retry_request(const Bytes& server_hello) {
  const auto special = crypto::Sha256::hash(from_ascii("HelloRetryRequest"));
  // Handshake header (4) + legacy_version (2), then Random.
  return server_hello.size() >= 38 && std::equal(special.begin(), special.end(), server_hello.begin() + 6);
}

bool complete(const Bytes& message) {
  if (message.size() < 4) return false;
  const std::size_t length = (std::size_t{message[1]} << 16) | (std::size_t{message[2]} << 8) | message[3];
  return length + 4 == message.size();
}
}  // namespace

Trace load_trace(std::string_view file) {
  const std::string path = vector_path("tls13/" + std::string(file));
  return Trace{std::string(file), load_vector_file(path).records};
}

std::vector<Trace> load_traces() {
  std::vector<Trace> out;
  for (const auto file : kFiles) out.push_back(load_trace(file));
  return out;
}

bool step_is(const VectorRecord& r, std::string_view prefix) { return r.get("Step").rfind(prefix, 0) == 0; }

std::string step_label(const VectorRecord& r) {
  const std::string& step = r.get("Step");
  const auto open = step.find('"');
  const auto close = step.find('"', open + 1);
  if (open == std::string::npos || close == std::string::npos) throw VectorFormatError(r.where() + ": no label");
  std::string label = step.substr(open + 1, close - open - 1);
  if (label.rfind("tls13 ", 0) == 0) label.erase(0, 6);
  return label;
}

std::string constructed_message(const VectorRecord& r) {
  const std::string& step = r.get("Step");
  for (const std::string_view prefix : {"construct a ", "construct an "}) {
    if (step.rfind(prefix, 0) != 0) continue;
    const auto end = step.find(" handshake message");
    if (end != std::string::npos) return step.substr(prefix.size(), end - prefix.size());
  }
  return "";
}

void TraceTranscript::add(const Bytes& message) {
  transcript_.insert(transcript_.end(), message.begin(), message.end());
  ++count_;
}

void TraceTranscript::on_step(const VectorRecord& r) {
  const std::string name = constructed_message(r);
  if (!name.empty()) {
    const Bytes message = r.bytes(name);
    if (name == "ClientHello" && !complete(message)) {
      pending_prefix_ = message;  // the binders follow in the record
      return;
    }
    if (name == "ServerHello" && is_hello_retry_request(message)) {
      const auto ch1 = tls::TranscriptHash::of(crypto::HashId::sha256, transcript_);
      const auto synthetic = tls::make_message_hash(ch1);
      transcript_.assign(synthetic.view().begin(), synthetic.view().end());
    }
    add(message);
    return;
  }
  if (!pending_prefix_.empty() && step_is(r, "send handshake record")) {
    const Bytes payload = r.bytes("payload");
    if (payload.size() < pending_prefix_.size() || !complete(payload) ||
        !std::equal(pending_prefix_.begin(), pending_prefix_.end(), payload.begin()))
      throw VectorFormatError(r.where() + ": record does not complete the ClientHello");
    pending_prefix_.clear();
    add(payload);
  }
}

tls::TranscriptHash TraceTranscript::hash() const {
  return tls::TranscriptHash::of(crypto::HashId::sha256, transcript_);
}

}  // namespace baretls::test::rfc8448

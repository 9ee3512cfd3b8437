// SPDX-License-Identifier: MIT
// Distinguished-name comparison (RFC 5280 §7.1): attribute values compared
// with caseIgnoreMatch after the string preparation of RFC 4518 §2; see
// name.h. What we implement of RFC 4518:
//   §2.1 Transcode: PrintableString, IA5String, VisibleString, UTF8String
//        (strict), BMPString, UniversalString; TeletexString is read as
//        ISO 8859-1 (the RFC leaves it "a local matter").
//   §2.2 Map: every listed mapping to nothing and to SPACE; case folding
//        (RFC 3454 B.2) for ASCII and Latin-1 only.
//   §2.3 Normalize (NFKC) and §2.4 Prohibit: not implemented. A code point
//        outside the repertoire where our mapping is complete and NFKC is the
//        identity (ASCII, Latin-1 letters, the code points §2.2 lists) marks
//        the value as not fully prepared: two such values that still differ
//        compare as cannot_tell, never as a plain "no".
//   §2.5 Check bidi: nothing to do.  §2.6.1 Insignificant space handling:
//        in full (compared as the sequence of space-separated words).
#include <algorithm>
#include <utility>

#include "baretls/x509/name.h"
#include "x509/name_prep.h"
#include "x509/parsers.h"

namespace baretls::x509 {

namespace {

constexpr std::uint32_t kEnd = 0xffffffffu;  // no more code points
constexpr std::uint32_t kBad = 0xfffffffeu;  // not decodable: §2 "Undefined"
constexpr std::uint32_t kSpace = 0x20;

bool is_directory_string(std::uint8_t tag) noexcept {
  switch (tag) {
    case der::kPrintableString:
    case der::kIa5String:
    case 0x1a:  // VisibleString
    case der::kTeletexString:
    case der::kUtf8String:
    case der::kBmpString:
    case der::kUniversalString: return true;
    default: return false;
  }
}

// RFC 4518 §2.1: one code point of the value at a time.
class Transcoder {
 public:
  Transcoder(std::uint8_t tag, der::Bytes value) noexcept : tag_(tag), value_(value) {}

  std::uint32_t next() noexcept {
    if (pos_ == value_.size()) return kEnd;
    switch (tag_) {
      case der::kUtf8String: return next_utf8();
      case der::kBmpString: return next_fixed(2);
      case der::kUniversalString: return next_fixed(4);
      case der::kTeletexString: return value_[pos_++];  // ISO 8859-1
      default: return value_[pos_] < 0x80 ? value_[pos_++] : kBad;  // ASCII types
    }
  }

 private:
  // BMPString (UCS-2) and UniversalString (UCS-4), big-endian; no surrogates.
  std::uint32_t next_fixed(std::size_t width) noexcept {
    if (value_.size() - pos_ < width) return kBad;
    std::uint32_t cp = 0;
    for (std::size_t i = 0; i < width; ++i) cp = cp << 8 | value_[pos_++];
    return cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? kBad : cp;
  }

  // RFC 3629 §4: shortest form only, no surrogates, nothing above U+10FFFF.
  std::uint32_t next_utf8() noexcept {
    const std::uint8_t lead = value_[pos_++];
    if (lead < 0x80) return lead;
    std::size_t extra = 0;  // continuation bytes
    std::uint32_t min = 0;  // smallest code point of that length
    if (lead >= 0xc2 && lead <= 0xdf) {
      extra = 1;
      min = 0x80;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      extra = 2;
      min = 0x800;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      extra = 3;
      min = 0x10000;
    } else {
      return kBad;
    }
    std::uint32_t cp = lead & (0x7fu >> (extra + 1));
    if (value_.size() - pos_ < extra) return kBad;
    for (std::size_t i = 0; i < extra; ++i) {
      const std::uint8_t c = value_[pos_++];
      if ((c & 0xc0) != 0x80) return kBad;
      cp = cp << 6 | (c & 0x3fu);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return kBad;
    return cp;
  }

  std::uint8_t tag_;
  der::Bytes value_;
  std::size_t pos_ = 0;
};

// The result of §2.2 for one code point: up to two code points, and whether
// our preparation of it is complete (see the file comment).
struct Mapped {
  std::uint32_t cp[2] = {0, 0};
  std::uint8_t count = 0;
  bool complete = true;
};

bool in(std::uint32_t cp, std::uint32_t lo, std::uint32_t hi) noexcept { return cp >= lo && cp <= hi; }

// RFC 4518 §2.2: the code points mapped to nothing.
bool maps_to_nothing(std::uint32_t cp) noexcept {
  return in(cp, 0x00, 0x08) || in(cp, 0x0e, 0x1f) || in(cp, 0x7f, 0x84) || in(cp, 0x86, 0x9f) || cp == 0xad ||
         cp == 0x034f || cp == 0x06dd || cp == 0x070f || cp == 0x1806 || in(cp, 0x180b, 0x180e) ||
         in(cp, 0x200b, 0x200f) || in(cp, 0x202a, 0x202e) || in(cp, 0x2060, 0x2063) || in(cp, 0x206a, 0x206f) ||
         in(cp, 0xfe00, 0xfe0f) || cp == 0xfeff || in(cp, 0xfff9, 0xfffc) || in(cp, 0x1d173, 0x1d17a) ||
         cp == 0xe0001 || in(cp, 0xe0020, 0xe007f);
}

// RFC 4518 §2.2: the code points mapped to SPACE (controls and separators).
bool maps_to_space(std::uint32_t cp) noexcept {
  return in(cp, 0x09, 0x0d) || cp == 0x20 || cp == 0x85 || cp == 0xa0 || cp == 0x1680 || in(cp, 0x2000, 0x200a) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x205f || cp == 0x3000;
}

// Latin-1 symbols with an NFKC compatibility mapping (or, for U+00B5, a case
// folding to U+03BC): outside the repertoire we prepare completely.
bool latin1_needs_nfkc(std::uint32_t cp) noexcept {
  switch (cp) {
    case 0xa8: case 0xaa: case 0xaf: case 0xb2: case 0xb3: case 0xb4: case 0xb5:
    case 0xb8: case 0xb9: case 0xba: case 0xbc: case 0xbd: case 0xbe: return true;
    default: return false;
  }
}

Mapped map_code_point(std::uint32_t cp) noexcept {
  Mapped m;
  if (maps_to_space(cp)) {
    m.cp[m.count++] = kSpace;
  } else if (maps_to_nothing(cp)) {
    // nothing
  } else if (in(cp, 'A', 'Z') || (in(cp, 0xc0, 0xde) && cp != 0xd7)) {
    m.cp[m.count++] = cp + 0x20;  // RFC 3454 B.2: ASCII and Latin-1 capitals
  } else if (cp == 0xdf) {
    m.cp[m.count++] = 's';  // RFC 3454 B.2: U+00DF; 0073 0073
    m.cp[m.count++] = 's';
  } else {
    m.cp[m.count++] = cp;
    m.complete = cp < 0x100 && !latin1_needs_nfkc(cp);
  }
  return m;
}

// A value after §2.1, §2.2 and §2.6.1, one code point at a time: its words
// joined by a single SPACE, without leading or trailing SPACE. Two prepared
// values are equal exactly when these sequences are (§2.6.1 turns the same
// word sequence into the same string, and different ones into different
// strings).
class Prepared {
 public:
  explicit Prepared(const NameAttribute& a) noexcept : in_(a.tag, a.value) {}

  std::uint32_t next() noexcept {
    for (;;) {
      const std::uint32_t cp = next_mapped();
      if (cp == kEnd || cp == kBad) return cp;  // trailing spaces dropped
      if (cp == kSpace) {
        space_pending_ = started_;  // leading spaces dropped
        continue;
      }
      started_ = true;
      if (space_pending_) {
        space_pending_ = false;
        held_ = cp;
        return kSpace;
      }
      return cp;
    }
  }
  // False when a code point outside our complete repertoire was seen.
  [[nodiscard]] bool complete() const noexcept { return complete_; }

 private:
  std::uint32_t next_mapped() noexcept {
    if (held_ != kEnd) return std::exchange(held_, kEnd);
    while (queued_ == queue_.count) {
      const std::uint32_t cp = in_.next();
      if (cp == kEnd || cp == kBad) return cp;
      queue_ = map_code_point(cp);
      queued_ = 0;
      complete_ = complete_ && queue_.complete;
    }
    return queue_.cp[queued_++];
  }

  Transcoder in_;
  Mapped queue_;
  std::uint8_t queued_ = 0;
  std::uint32_t held_ = kEnd;
  bool started_ = false;
  bool space_pending_ = false;
  bool complete_ = true;
};

bool same_bytes(der::Bytes a, der::Bytes b) noexcept { return std::equal(a.begin(), a.end(), b.begin(), b.end()); }

// "Two naming attributes match if the attribute types are the same and the
// values of the attributes are an exact match after processing with the
// string preparation algorithm." Values that are not strings must be equal.
NameMatch match_attribute(const NameAttribute& a, const NameAttribute& b) noexcept {
  if (!same_bytes(a.type, b.type)) return NameMatch::no;
  if (a.tag == b.tag && same_bytes(a.value, b.value)) return NameMatch::yes;
  if (!is_directory_string(a.tag) || !is_directory_string(b.tag)) return NameMatch::no;
  Prepared x(a), y(b);
  for (;;) {
    const std::uint32_t cx = x.next(), cy = y.next();
    if (cx == kBad || cy == kBad) return NameMatch::cannot_tell;
    if (cx != cy) break;
    if (cx == kEnd) return NameMatch::yes;
  }
  // They differ; that is final only if both are prepared completely.
  return a.prepared_in_full && b.prepared_in_full ? NameMatch::no : NameMatch::cannot_tell;
}

// yes > cannot_tell > no.
NameMatch better(NameMatch a, NameMatch b) noexcept {
  if (a == NameMatch::yes || b == NameMatch::yes) return NameMatch::yes;
  return a == NameMatch::cannot_tell || b == NameMatch::cannot_tell ? NameMatch::cannot_tell : NameMatch::no;
}
// no < cannot_tell < yes.
NameMatch worse(NameMatch a, NameMatch b) noexcept {
  if (a == NameMatch::no || b == NameMatch::no) return NameMatch::no;
  return a == NameMatch::cannot_tell || b == NameMatch::cannot_tell ? NameMatch::cannot_tell : NameMatch::yes;
}

using Attributes = std::span<const NameAttribute>;

// Every attribute of `x` matches one of `y`.
NameMatch covered(Attributes x, Attributes y) noexcept {
  NameMatch all = NameMatch::yes;
  for (const auto& a : x) {
    NameMatch any = NameMatch::no;
    for (const auto& b : y) {
      any = better(any, match_attribute(a, b));
      if (any == NameMatch::yes) break;
    }
    all = worse(all, any);
    if (all == NameMatch::no) break;
  }
  return all;
}

// Multi-valued RDNs hold two or three attributes in practice; past this,
// only identical encodings match (the pairwise comparison is quadratic).
constexpr std::size_t kMaxRdnAttributes = 8;

// "Two relative distinguished names RDN1 and RDN2 match if they have the
// same number of naming attributes and for each naming attribute in RDN1
// there is a matching naming attribute in RDN2." Checked both ways, so that
// repeated attributes cannot make the relation one-sided.
NameMatch match_rdn(Attributes x, Attributes y, der::Bytes x_der, der::Bytes y_der) noexcept {
  if (x.size() != y.size()) return NameMatch::no;
  if (x.size() > kMaxRdnAttributes) return same_bytes(x_der, y_der) ? NameMatch::yes : NameMatch::cannot_tell;
  const NameMatch forward = covered(x, y);
  return forward == NameMatch::no ? forward : worse(forward, covered(y, x));
}

// The attributes of the RDN starting at `first` (attributes are in order).
Attributes rdn_at(const Name& n, std::size_t& first) noexcept {
  const std::size_t begin = first;
  const std::size_t index = n.attributes[begin].rdn;
  while (first < n.attributes.size() && n.attributes[first].rdn == index) ++first;
  return Attributes(n.attributes).subspan(begin, first - begin);
}

// The first `count` RDNs of `a` and `b`, in order.
NameMatch match_leading_rdns(const Name& a, const Name& b, std::size_t count) noexcept {
  NameMatch result = NameMatch::yes;
  std::size_t ia = 0, ib = 0;
  for (std::size_t i = 0; i < count; ++i) {
    result = worse(result, match_rdn(rdn_at(a, ia), rdn_at(b, ib), a.rdns[i], b.rdns[i]));
    if (result == NameMatch::no) break;
  }
  return result;
}

}  // namespace

bool prepares_in_full(std::uint8_t tag, der::Bytes value) noexcept {
  if (!is_directory_string(tag)) return false;
  NameAttribute a;
  a.tag = tag;
  a.value = value;
  Prepared p(a);
  std::uint32_t c = 0;
  while (c != kEnd && c != kBad) c = p.next();
  return c == kEnd && p.complete();
}

NameMatch match_names(const Name& a, const Name& b) noexcept {
  if (same_bytes(a.raw, b.raw)) return NameMatch::yes;  // the binary-equality fast path
  if (a.rdns.size() != b.rdns.size()) return NameMatch::no;
  return match_leading_rdns(a, b, a.rdns.size());
}

NameMatch match_subtree(const Name& name, const Name& base) noexcept {
  if (base.rdns.size() > name.rdns.size()) return NameMatch::no;
  return match_leading_rdns(name, base, base.rdns.size());
}

bool Name::is_within(const Name& base) const noexcept { return match_subtree(*this, base) == NameMatch::yes; }

bool operator==(const Name& a, const Name& b) noexcept { return match_names(a, b) == NameMatch::yes; }

}  // namespace baretls::x509

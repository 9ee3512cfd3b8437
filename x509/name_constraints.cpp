// SPDX-License-Identifier: MIT
// Name constraints (RFC 5280 §4.2.1.10, §6.1.3 (b)-(c)): dNSName and
// iPAddress subtrees, directoryName compared as §7.1 says (name_match.cpp);
// constraints on other forms (rfc822Name, URI, ...) that we do not evaluate
// reject any certificate carrying a name of that form ("MUST either process
// the constraint or reject the certificate"). A wildcard dNSName stands for
// every name it could match: it is within a permitted subtree only if all of
// them are, and hits an excluded subtree if any of them would.
#include <algorithm>
#include <string_view>

#include "x509/oid.h"
#include "baretls/x509/verify.h"
#include "x509/work_meter.h"
#include "x509/parsers.h"

namespace baretls::x509 {

namespace {

using Match = NameMatch;

char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_ignore_case(std::string_view a, std::string_view b) noexcept {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) { return lower(x) == lower(y); });
}

// A DNS name without the one trailing '.' of an absolute name, so that
// "host.example." and "host.example" meet the same constraints.
std::string_view dns_text(der::Bytes b) noexcept {
  std::string_view s(reinterpret_cast<const char*>(b.data()), b.size());
  if (s.size() > 1 && s.back() == '.') s.remove_suffix(1);
  return s;
}

// The last label of `name` (everything after its last '.'), removed.
std::string_view pop_label(std::string_view& name) noexcept {
  const std::size_t dot = name.rfind('.');
  const std::string_view label = dot == std::string_view::npos ? name : name.substr(dot + 1);
  name = dot == std::string_view::npos ? std::string_view() : name.substr(0, dot);
  return label;
}

// A presented label with '*' (the pattern) could match `label`: RFC 6125
// §6.4.3 allows one '*', standing for any run of characters (possibly none)
// between a fixed head and tail. A label with several is not a wildcard we
// can reason about: it is assumed to match anything.
bool label_could_match(std::string_view pattern, std::string_view label) noexcept {
  const std::size_t star = pattern.find('*');
  if (star == std::string_view::npos) return equal_ignore_case(pattern, label);
  if (pattern.find('*', star + 1) != std::string_view::npos) return true;
  const std::string_view head = pattern.substr(0, star);
  const std::string_view tail = pattern.substr(star + 1);
  return label.size() >= head.size() + tail.size() && equal_ignore_case(label.substr(0, head.size()), head) &&
         equal_ignore_case(label.substr(label.size() - tail.size()), tail);
}

// §4.2.1.10: "Any DNS name that can be constructed by simply adding zero or
// more labels to the left-hand side of the name satisfies the name
// constraint." A leading '.' (common in practice) requires at least one
// label. With `wildcards`, a presented label holding '*' matches any label
// it could stand for (a wildcard stands for exactly one label, RFC 6125
// §6.4.3), so the answer is "could some name it matches be within".
bool dns_within(std::string_view name, std::string_view base, bool wildcards) noexcept {
  if (base.empty()) return true;
  const bool strict = base.front() == '.';
  if (strict) base.remove_prefix(1);
  while (!base.empty()) {
    if (name.empty()) return false;
    const std::string_view want = pop_label(base);
    const std::string_view have = pop_label(name);
    if (!(wildcards ? label_could_match(have, want) : equal_ignore_case(have, want))) return false;
  }
  return !strict || !name.empty();
}

// §4.2.1.10: iPAddress constraints are address || mask (8 or 32 octets).
bool ip_within(der::Bytes ip, der::Bytes base) noexcept {
  if (base.size() != 2 * ip.size()) return false;
  for (std::size_t i = 0; i < ip.size(); ++i) {
    const std::uint8_t mask = base[ip.size() + i];
    if ((ip[i] & mask) != (base[i] & mask)) return false;
  }
  return true;
}

Match as_match(bool within) noexcept { return within ? Match::yes : Match::no; }

// A name to check: its form and value, and for directory names the parsed
// Name (the subject, or a directoryName of the subjectAltName).
struct Candidate {
  const GeneralName& name;
  const Name* directory = nullptr;
};

// One name against one subtree. `excluded` asks "could it be within" (for
// wildcards), permitted subtrees ask "is all of it within".
Match within(const Candidate& c, const GeneralSubtree& subtree, bool excluded) {
  if (c.name.form != subtree.base.form) return Match::no;
  if (subtree.unsupported) return Match::cannot_tell;
  switch (c.name.form) {
    case NameForm::dns:
      return as_match(dns_within(dns_text(c.name.value), dns_text(subtree.base.value), excluded));
    case NameForm::ip: return as_match(ip_within(c.name.value, subtree.base.value));
    case NameForm::directory:
      return c.directory == nullptr ? Match::cannot_tell : match_subtree(*c.directory, subtree.directory);
    default: return Match::cannot_tell;
  }
}

// What one comparison may cost grows with the shorter of the two encodings.
bool charge(detail::WorkMeter& meter, const Candidate& c, const GeneralSubtree& subtree) noexcept {
  return meter.charge_name_comparison(std::min(c.name.value.size(), subtree.base.value.size()));
}

Error check_one_name(const Candidate& c, const NameConstraints& nc, detail::WorkMeter& meter) {
  // §6.1.3 (b): within at least one permitted subtree of its form, if any.
  // A subtree we cannot evaluate, or a comparison we cannot decide, refuses.
  bool has_permitted_form = false;
  bool permitted = false;
  for (const auto& subtree : nc.permitted) {
    if (!charge(meter, c, subtree)) return Error::work_limit_exceeded;
    const Match m = within(c, subtree, false);
    if (c.name.form == subtree.base.form) has_permitted_form = true;
    if (m == Match::cannot_tell) return Error::name_constraint_violated;
    if (m == Match::yes) permitted = true;
  }
  if (has_permitted_form && !permitted) return Error::name_constraint_violated;
  // §6.1.3 (c): within no excluded subtree (a possible hit counts).
  for (const auto& subtree : nc.excluded) {
    if (!charge(meter, c, subtree)) return Error::work_limit_exceeded;
    if (within(c, subtree, true) != Match::no) return Error::name_constraint_violated;
  }
  return Error::ok;
}

Error check_alt_name(const GeneralName& name, const NameConstraints& nc, detail::WorkMeter& meter) {
  if (name.form != NameForm::directory) return check_one_name(Candidate{name, nullptr}, nc, meter);
  auto element = der::parse_single(name.value, der::kSequence);
  auto parsed = element ? parse_name(*element) : Result<Name>(element.error());
  return check_one_name(Candidate{name, parsed ? &*parsed : nullptr}, nc, meter);
}

}  // namespace

namespace detail {

Error check_name_constraints(const Certificate& cert, const NameConstraints& nc, bool is_leaf, WorkMeter& meter) {
  // §4.2.1.10: "Name constraints are not applied to self-issued certificates
  // (unless the certificate is the final certificate in the path)."
  if (cert.is_self_issued() && !is_leaf) return Error::ok;
  // The subject name is a directoryName (§6.1.3 (b): "the subject name").
  if (!cert.subject.empty()) {
    const GeneralName subject{NameForm::directory, cert.subject.raw};
    BARETLS_TRY(check_one_name(Candidate{subject, &cert.subject}, nc, meter));
    // Legacy emailAddress attributes fall under rfc822Name constraints,
    // which we do not evaluate.
    for (const auto& a : cert.subject.attributes) {
      if (!oid::equal(a.type, oid::kEmailAddress)) continue;
      const GeneralName email{NameForm::rfc822, a.value};
      BARETLS_TRY(check_one_name(Candidate{email, nullptr}, nc, meter));
    }
  }
  for (const auto& name : cert.subject_alt_names) BARETLS_TRY(check_alt_name(name, nc, meter));
  return Error::ok;
}

}  // namespace detail

Error check_name_constraints(const Certificate& cert, const NameConstraints& nc, bool is_leaf) {
  detail::WorkMeter meter{VerifyBudget{}};
  return detail::check_name_constraints(cert, nc, is_leaf, meter);
}

}  // namespace baretls::x509

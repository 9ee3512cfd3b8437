// SPDX-License-Identifier: MIT
// Name constraints (RFC 5280 §4.2.1.10, §6.1.3 (b)-(c)): dNSName and
// iPAddress subtrees, directoryName as an RDN prefix; constraints on other
// forms (rfc822Name, URI, ...) that we do not evaluate reject any
// certificate carrying a name of that form ("MUST either process the
// constraint or reject the certificate").
#include <algorithm>
#include <string_view>

#include "baretls/x509/oid.h"
#include "baretls/x509/verify.h"

namespace baretls::x509 {

namespace {

char lower(std::uint8_t c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
}

bool ends_with_ignore_case(der::Bytes name, der::Bytes suffix) noexcept {
  if (suffix.size() > name.size()) return false;
  const std::size_t off = name.size() - suffix.size();
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    if (lower(name[off + i]) != lower(suffix[i])) return false;
  }
  return true;
}

// §4.2.1.10: "Any DNS name that can be constructed by simply adding zero or
// more labels to the left-hand side of the name satisfies the name
// constraint." A leading '.' (common in practice) requires at least one label.
bool dns_within(der::Bytes name, der::Bytes base) noexcept {
  if (base.empty()) return true;
  if (!ends_with_ignore_case(name, base)) return false;
  if (base[0] == '.') return name.size() > base.size();
  if (name.size() == base.size()) return true;
  return name[name.size() - base.size() - 1] == '.';
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

bool directory_within(der::Bytes name_der, der::Bytes base_der) {
  auto name_element = der::parse_single(name_der, der::kSequence);
  auto base_element = der::parse_single(base_der, der::kSequence);
  if (!name_element || !base_element) return false;
  auto name = Name::parse(*name_element);
  auto base = Name::parse(*base_element);
  return name && base && name->is_within(*base);
}

// The result of comparing one name with one subtree.
enum class Match : std::uint8_t { no, yes, cannot_tell };

Match within(const GeneralName& name, const GeneralSubtree& subtree) {
  if (name.form != subtree.base.form) return Match::no;
  if (subtree.unsupported) return Match::cannot_tell;
  switch (name.form) {
    case NameForm::dns: return dns_within(name.value, subtree.base.value) ? Match::yes : Match::no;
    case NameForm::ip: return ip_within(name.value, subtree.base.value) ? Match::yes : Match::no;
    case NameForm::directory: return directory_within(name.value, subtree.base.value) ? Match::yes : Match::no;
    default: return Match::cannot_tell;
  }
}

Error check_one_name(const GeneralName& name, const NameConstraints& nc) {
  // §6.1.3 (b): within at least one permitted subtree of its form, if any.
  bool has_permitted_form = false;
  bool permitted = false;
  for (const auto& subtree : nc.permitted) {
    const Match m = within(name, subtree);
    if (name.form == subtree.base.form) has_permitted_form = true;
    if (m == Match::cannot_tell) return Error::name_constraint_violated;
    if (m == Match::yes) permitted = true;
  }
  if (has_permitted_form && !permitted) return Error::name_constraint_violated;
  // §6.1.3 (c): within no excluded subtree.
  for (const auto& subtree : nc.excluded) {
    const Match m = within(name, subtree);
    if (m != Match::no) return Error::name_constraint_violated;
  }
  return Error::ok;
}

}  // namespace

Error check_name_constraints(const Certificate& cert, const NameConstraints& nc, bool is_leaf) {
  // §4.2.1.10: "Name constraints are not applied to self-issued certificates
  // (unless the certificate is the final certificate in the path)."
  if (cert.is_self_issued() && !is_leaf) return Error::ok;
  // The subject name is a directoryName (§6.1.3 (b): "the subject name").
  if (!cert.subject.empty()) {
    GeneralName subject{NameForm::directory, cert.subject.raw};
    BARETLS_TRY(check_one_name(subject, nc));
    // Legacy emailAddress attributes fall under rfc822Name constraints,
    // which we do not evaluate.
    for (const auto& a : cert.subject.attributes) {
      if (!oid::equal(a.type, oid::kEmailAddress)) continue;
      GeneralName email{NameForm::rfc822, a.value};
      BARETLS_TRY(check_one_name(email, nc));
    }
  }
  for (const auto& name : cert.subject_alt_names) BARETLS_TRY(check_one_name(name, nc));
  return Error::ok;
}

}  // namespace baretls::x509

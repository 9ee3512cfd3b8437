// SPDX-License-Identifier: MIT
// AnyHash: a tagged union of the SHA-2 contexts; see hash.h.
#include "baretls/crypto/hash.h"

#include <new>

namespace baretls::crypto {

AnyHash::AnyHash(HashId id) noexcept : id_(id) {
  switch (id_) {
    case HashId::sha256: new (&sha256_) Sha256(); break;
    case HashId::sha384: new (&sha384_) Sha384(); break;
    case HashId::sha512: new (&sha512_) Sha512(); break;
  }
}

AnyHash::AnyHash(const AnyHash& o) noexcept : id_(o.id_) {
  switch (id_) {
    case HashId::sha256: new (&sha256_) Sha256(o.sha256_); break;
    case HashId::sha384: new (&sha384_) Sha384(o.sha384_); break;
    case HashId::sha512: new (&sha512_) Sha512(o.sha512_); break;
  }
}

AnyHash& AnyHash::operator=(const AnyHash& o) noexcept {
  if (this != &o) {
    this->~AnyHash();
    new (this) AnyHash(o);
  }
  return *this;
}

AnyHash::~AnyHash() {
  switch (id_) {
    case HashId::sha256: sha256_.~Sha256(); break;
    case HashId::sha384: sha384_.~Sha384(); break;
    case HashId::sha512: sha512_.~Sha512(); break;
  }
}

void AnyHash::init() noexcept {
  switch (id_) {
    case HashId::sha256: sha256_.init(); break;
    case HashId::sha384: sha384_.init(); break;
    case HashId::sha512: sha512_.init(); break;
  }
}

void AnyHash::update(std::span<const std::uint8_t> data) noexcept {
  switch (id_) {
    case HashId::sha256: sha256_.update(data); break;
    case HashId::sha384: sha384_.update(data); break;
    case HashId::sha512: sha512_.update(data); break;
  }
}

std::size_t AnyHash::final(std::span<std::uint8_t> out) noexcept {
  switch (id_) {
    case HashId::sha256: sha256_.final(out.first<Sha256::kDigestSize>()); return Sha256::kDigestSize;
    case HashId::sha384: sha384_.final(out.first<Sha384::kDigestSize>()); return Sha384::kDigestSize;
    case HashId::sha512: sha512_.final(out.first<Sha512::kDigestSize>()); return Sha512::kDigestSize;
  }
  return 0;
}

std::size_t hash(HashId id, std::span<const std::uint8_t> data, std::span<std::uint8_t> out) noexcept {
  AnyHash h(id);
  h.update(data);
  return h.final(out);
}

}  // namespace baretls::crypto

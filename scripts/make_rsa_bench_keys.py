#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Writes bench/rsa_bench_keys.h from vectors/rsa/keys-openssl.txt (the
# openssl-made fixture keys), so the baretls and peer benchmark cases sign
# with the same keys. Run from the repository root.
import re

HEADER = """// SPDX-License-Identifier: MIT
// The RSA keys of vectors/rsa/keys-openssl.txt (openssl-generated test keys,
// see vectors/rsa/ORIGIN.md) as hex strings, shared by the baretls and peer
// benchmark cases so that every library signs with the same key.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace baretls::bench {

struct RsaBenchKey {
  unsigned bits;
  const char* n;
  const char* e;
  const char* d;
  const char* p;
  const char* q;
  const char* dp;
  const char* dq;
  const char* qinv;
};

inline constexpr RsaBenchKey kRsaBenchKeys[] = {"""

FOOTER = """};

// Hex string -> bytes (the strings above are well-formed).
inline std::vector<std::uint8_t> rsa_bench_bytes(std::string_view hex) {
  const auto nibble = [](char c) {
    return static_cast<std::uint8_t>(c <= '9' ? c - '0' : c - 'a' + 10);
  };
  std::vector<std::uint8_t> out(hex.size() / 2);
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = static_cast<std::uint8_t>(nibble(hex[2 * i]) << 4 | nibble(hex[2 * i + 1]));
  return out;
}

inline const RsaBenchKey& rsa_bench_key(unsigned bits) {
  for (const auto& k : kRsaBenchKeys)
    if (k.bits == bits) return k;
  return kRsaBenchKeys[0];
}

}  // namespace baretls::bench
"""


def main():
    text = open("vectors/rsa/keys-openssl.txt").read()
    out = [HEADER]
    for sec in re.split(r"\[mod = ", text)[1:]:
        bits = int(sec.split("]")[0])
        f = dict(re.findall(r"^(\w+) = ([0-9a-f]+)$", sec, re.M))
        out.append("    {%d," % bits)
        for k in ["n", "e", "d", "p", "q", "dp", "dq", "qinv"]:
            v = f[k]
            if len(v) < 90:
                out.append('     "%s",' % v)
            else:
                out.append('     "' + '"\n     "'.join(v[i:i + 96] for i in range(0, len(v), 96)) + '",')
        out[-1] = out[-1][:-1] + "},"
    out.append(FOOTER)
    open("bench/rsa_bench_keys.h", "w").write("\n".join(out))


if __name__ == "__main__":
    main()

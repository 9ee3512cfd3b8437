#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Makes vectors/hkdf/hkdf-sha384-sha512-openssl.txt: HKDF (RFC 5869) records
# for SHA-384 and SHA-512, which RFC 5869 Appendix A does not cover, computed
# by the openssl CLI (`openssl kdf ... HKDF`, an implementation independent of
# ours): PRK with mode EXTRACT_ONLY, OKM with the default extract-and-expand.
# Inputs are fixed byte patterns, so the file is reproducible. The lengths
# cover one byte, exactly one block, a block boundary plus one, a salt longer
# than the hash block (HMAC hashes it first) and the maximum L = 255*HashLen.
# Run from the repository root: scripts/make_hkdf_vectors.py
import subprocess

HASHES = [("SHA-384", "SHA384", 48, 128), ("SHA-512", "SHA512", 64, 128)]


def pattern(n, start):
    return bytes((start + 7 * i) & 0xFF for i in range(n))


def openssl_kdf(digest, ikm, salt, info, length, mode=None):
    args = ["openssl", "kdf", "-binary", "-keylen", str(length), "-kdfopt", "digest:" + digest,
            "-kdfopt", "hexkey:" + ikm.hex()]
    if salt:
        args += ["-kdfopt", "hexsalt:" + salt.hex()]
    if info:
        args += ["-kdfopt", "hexinfo:" + info.hex()]
    if mode:
        args += ["-kdfopt", "mode:" + mode]
    return subprocess.run(args + ["HKDF"], stdout=subprocess.PIPE, check=True).stdout


def cases(hash_len, block):
    # (ikm, salt, info, L)
    return [
        (pattern(22, 0x0b), pattern(13, 0x00), pattern(10, 0xf0), 42),
        (pattern(80, 0x00), pattern(80, 0x60), pattern(80, 0xb0), 1),
        (pattern(32, 0x11), b"", b"", hash_len),
        (pattern(48, 0x22), pattern(hash_len, 0x33), pattern(20, 0x44), hash_len + 1),
        (pattern(64, 0x55), pattern(block + 3, 0x66), pattern(255, 0x77), 3 * hash_len - 5),
        (pattern(16, 0x88), pattern(8, 0x99), b"", 255 * hash_len),
    ]


def main():
    out = ["# HKDF (RFC 5869) over SHA-384 and SHA-512, computed with the openssl CLI by",
           "# scripts/make_hkdf_vectors.py (see ORIGIN.md). IKM, salt, info, PRK, OKM hex;",
           "# L decimal (bytes). An empty salt means \"not provided\" (HashLen zeros).", ""]
    for name, digest, hash_len, block in HASHES:
        out += ["[Hash = %s]" % name, ""]
        for count, (ikm, salt, info, length) in enumerate(cases(hash_len, block), 1):
            prk = openssl_kdf(digest, ikm, salt, info, hash_len, "EXTRACT_ONLY")
            okm = openssl_kdf(digest, ikm, salt, info, length)
            assert len(prk) == hash_len and len(okm) == length
            out += ["Count = %d" % count, "IKM = " + ikm.hex(), "salt = " + salt.hex(), "info = " + info.hex(),
                    "L = %d" % length, "PRK = " + prk.hex(), "OKM = " + okm.hex(), ""]
    with open("vectors/hkdf/hkdf-sha384-sha512-openssl.txt", "w", encoding="ascii") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    main()

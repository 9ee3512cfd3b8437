#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Generates crypto/ec_field_bmi2.h: MULX/ADCX/ADOX Montgomery multiplication
# kernels as GCC inline assembly.
#  - MontAdxKernel<Params>: any odd modulus of 4 or 6 limbs (word-by-word
#    Montgomery, q = acc0 * n0), used for the P-256 order and the P-384 field
#    and order;
#  - P256AdxKernel: the P-256 field, where q*p needs one MULX (p's shape).
# Run from the repository root: python3 scripts/gen_ec_bmi2.py

def line(s):
    return '        "' + s + '\\n\\t"'


def generic_rows(n):
    acc = n + 2
    out = []
    for k in range(acc):
        out.append(line(f"xorl %k[x{k}], %k[x{k}]"))
    for i in range(n):
        x = [f"%[x{(i + k) % acc}]" for k in range(acc)]
        out.append(f"        // Row {i}: acc += a * b[{i}], then acc += q * m with q = acc0 * n0; drop acc0.")
        out.append(line(f"movq {8 * i}(%[b]), %%rdx"))
        out.append(line(f"xorl %k[x{(i + n + 1) % acc}], %k[x{(i + n + 1) % acc}]"))
        for j in range(n):
            out += [line(f"mulxq {8 * j}(%[a]), %[lo], %[hi]"), line(f"adcxq %[lo], {x[j]}"),
                    line(f"adoxq %[hi], {x[j + 1]}")]
        out += [line(f"adcxq {x[n + 1]}, {x[n]}"), line(f"adoxq {x[n + 1]}, {x[n + 1]}"),
                line(f"adcq $0, {x[n + 1]}")]
        out += [line(f"movq {x[0]}, %%rdx"), line("imulq %[n0], %%rdx"), line("xorl %k[lo], %k[lo]")]
        for j in range(n):
            out += [line(f"mulxq %[m{j}], %[lo], %[hi]"), line(f"adcxq %[lo], {x[j]}"),
                    line(f"adoxq %[hi], {x[j + 1]}")]
        out += [line("movl $0, %k[lo]"), line(f"adcxq %[lo], {x[n]}"), line(f"adoxq %[lo], {x[n + 1]}"),
                line(f"adcxq %[lo], {x[n + 1]}")]
    result = [(n + k) % acc for k in range(n + 1)]  # low n limbs, then the top word
    return out, result


def p256_rows():
    out = []
    for i in range(4):
        x = [f"%[x{(i + k) % 6}]" for k in range(6)]
        a0, a1, a2, a3, a4, a5 = x
        out.append(f"        // Row {i}: acc += a * b[{i}]; fold q = acc0 (q*p = q*2^96 + q*c*2^192 - q + q*2^256).")
        out += [line(f"movq {8 * i}(%[b]), %%rdx"), line(f"xorl %k[x{(i + 5) % 6}], %k[x{(i + 5) % 6}]")]
        if i == 0:
            out += [line(f"mulxq 0(%[a]), {a0}, {a1}"), line(f"mulxq 8(%[a]), %[lo], {a2}"),
                    line(f"addq %[lo], {a1}"), line(f"mulxq 16(%[a]), %[lo], {a3}"), line(f"adcq %[lo], {a2}"),
                    line(f"mulxq 24(%[a]), %[lo], {a4}"), line(f"adcq %[lo], {a3}"), line(f"adcq $0, {a4}")]
        else:
            for j in range(4):
                out += [line(f"mulxq {8 * j}(%[a]), %[lo], %[hi]"), line(f"adcxq %[lo], {x[j]}"),
                        line(f"adoxq %[hi], {x[j + 1]}")]
            out += [line(f"adcxq {a5}, {a4}"), line(f"adoxq {a5}, {a5}"), line(f"adcq $0, {a5}")]
        out += [line(f"movq {a0}, %[lo]"), line("shlq $32, %[lo]"), line(f"movq {a0}, %[hi]"),
                line("shrq $32, %[hi]"), line(f"addq %[lo], {a1}"), line(f"adcq %[hi], {a2}"),
                line(f"movq {a0}, %%rdx"), line("mulxq %[c], %[lo], %[hi]"), line(f"adcq %[lo], {a3}"),
                line(f"adcq %[hi], {a4}"), line(f"adcq $0, {a5}")]
    return out


def p256_sqr_rows():
    t = [f"%[x{k}]" for k in range(8)]
    L = ["        // Cross products a_i a_j (i < j) into t1..t7."]
    L += [line("movq 0(%[a]), %%rdx"), line(f"movl $0, %k[x7]"),
          line(f"mulxq 8(%[a]), {t[1]}, {t[2]}"), line(f"mulxq 16(%[a]), %[lo], {t[3]}"),
          line(f"addq %[lo], {t[2]}"), line(f"mulxq 24(%[a]), %[lo], {t[4]}"), line(f"adcq %[lo], {t[3]}"),
          line(f"adcq $0, {t[4]}"),
          line("movq 8(%[a]), %%rdx"), line(f"xorl %k[x5], %k[x5]"),
          line("mulxq 16(%[a]), %[lo], %[hi]"), line(f"adcxq %[lo], {t[3]}"), line(f"adoxq %[hi], {t[4]}"),
          line("mulxq 24(%[a]), %[lo], %[hi]"), line(f"adcxq %[lo], {t[4]}"), line(f"adoxq %[hi], {t[5]}"),
          line(f"movl $0, %k[x6]"), line(f"adcxq {t[6]}, {t[5]}"), line(f"adoxq {t[6]}, {t[6]}"),
          line(f"adcq $0, {t[6]}"),
          line("movq 16(%[a]), %%rdx"), line("mulxq 24(%[a]), %[lo], %[hi]"), line(f"addq %[lo], {t[5]}"),
          line(f"adcq %[hi], {t[6]}"), line(f"adcq $0, {t[7]}")]
    L += ["        // Double them (CF chain) and add the squares a_i^2 (OF chain)."]
    L += [line("xorl %k[x0], %k[x0]"), line("movq 0(%[a]), %%rdx"), line(f"mulxq %%rdx, {t[0]}, %[hi]"),
          line(f"adcxq {t[1]}, {t[1]}"), line(f"adoxq %[hi], {t[1]}")]
    for i in range(1, 4):
        L += [line(f"movq {8 * i}(%[a]), %%rdx"), line("mulxq %%rdx, %[lo], %[hi]"),
              line(f"adcxq {t[2 * i]}, {t[2 * i]}"), line(f"adoxq %[lo], {t[2 * i]}"),
              line(f"adcxq {t[2 * i + 1]}, {t[2 * i + 1]}"), line(f"adoxq %[hi], {t[2 * i + 1]}")]
    L += ["        // Montgomery-reduce the low half t0..t3 (one MULX per limb, as in mul)."]
    for i in range(4):
        r = [t[(i + k) % 4] for k in range(4)]
        L += [line(f"movq {r[0]}, %%rdx"), line(f"movq {r[0]}, %[lo]"), line("shlq $32, %[lo]"),
              line(f"movq {r[0]}, %[hi]"), line("shrq $32, %[hi]"), line(f"addq %[lo], {r[1]}"),
              line(f"adcq %[hi], {r[2]}"), line("mulxq %[c], %[lo], %[hi]"), line(f"adcq %[lo], {r[3]}"),
              line("adcq $0, %[hi]"), line(f"movq %[hi], {r[0]}")]
    L += ["        // Add the high half t4..t7; the carry goes to lo."]
    L += [line(f"addq {t[4]}, {t[0]}"), line(f"adcq {t[5]}, {t[1]}"), line(f"adcq {t[6]}, {t[2]}"),
          line(f"adcq {t[7]}, {t[3]}"), line("movl $0, %k[lo]"), line("adcq $0, %[lo]")]
    return L


def add_sub_fns(n, indent="  "):
    """r = a + b mod m and r = a - b mod m with plain ADD/ADC/SBB/CMOV."""
    t = [f"%[t{k}]" for k in range(n)]
    add = [line(f"movq {8 * k}(%[a]), {t[k]}") for k in range(n)]
    add += [line("movl $0, %k[c]"), line(f"addq 0(%[b]), {t[0]}")]
    add += [line(f"adcq {8 * k}(%[b]), {t[k]}") for k in range(1, n)]
    add += [line("adcq $0, %[c]")]
    add += [line(f"movq {t[k]}, {8 * k}(%[r])") for k in range(n)]
    add += [line(f"subq %[m0], {t[0]}")] + [line(f"sbbq %[m{k}], {t[k]}") for k in range(1, n)]
    add += [line("sbbq $0, %[c]")]
    add += ["        // Borrow: the sum was below m, keep it."]
    add += [line(f"cmovcq {8 * k}(%[r]), {t[k]}") for k in range(n)]
    add += [line(f"movq {t[k]}, {8 * k}(%[r])") for k in range(n)]
    sub = [line(f"movq {8 * k}(%[a]), {t[k]}") for k in range(n)]
    sub += [line(f"subq 0(%[b]), {t[0]}")] + [line(f"sbbq {8 * k}(%[b]), {t[k]}") for k in range(1, n)]
    sub += [line("sbbq %[c], %[c]")]
    sub += [line(f"movq {t[k]}, {8 * k}(%[r])") for k in range(n)]
    sub += [line(f"addq %[m0], {t[0]}")] + [line(f"adcq %[m{k}], {t[k]}") for k in range(1, n)]
    sub += ["        // No borrow (c == 0): keep the plain difference."]
    sub += [line("testq %[c], %[c]")] + [line(f"cmovzq {8 * k}(%[r]), {t[k]}") for k in range(n)]
    sub += [line(f"movq {t[k]}, {8 * k}(%[r])") for k in range(n)]
    outs = ", ".join(f'[t{k}] "=&r"(t[{k}])' for k in range(n))
    mods = ", ".join(f'[m{j}] "m"(kM[{j}])' for j in range(n))
    return f"""{indent}static void add(Fe& r, const Fe& a, const Fe& b) noexcept {{
{indent}  std::uint64_t t[{n}], c;
{indent}  __asm__ __volatile__(  // writes r through a pointer
{chr(10).join(add)}
        : {outs}, [c] "=&r"(c)
        : [r] "r"(r.data()), [a] "r"(a.data()), [b] "r"(b.data()), {mods}
        : "cc", "memory");
{indent}}}
{indent}static void sub(Fe& r, const Fe& a, const Fe& b) noexcept {{
{indent}  std::uint64_t t[{n}], c;
{indent}  __asm__ __volatile__(  // writes r through a pointer
{chr(10).join(sub)}
        : {outs}, [c] "=&r"(c)
        : [r] "r"(r.data()), [a] "r"(a.data()), [b] "r"(b.data()), {mods}
        : "cc", "memory");
{indent}}}
"""


def outputs(count):
    regs = ", ".join(f'[x{k}] "=&r"(x[{k}])' for k in range(count))
    return f'        : {regs},\n          [lo] "=&r"(lo), [hi] "=&r"(hi)'


def generic_fn(n):
    rows, result = generic_rows(n)
    mods = ", ".join(f'[m{j}] "m"(kM[{j}])' for j in range(n))
    res = ", ".join(f"x[{k}]" for k in result[:n])
    body = f"""    std::uint64_t x[{n + 2}], lo, hi;
    __asm__(
{chr(10).join(rows)}
{outputs(n + 2)}
        : [a] "r"(a.data()), [b] "r"(b.data()), [n0] "m"(kN0), {mods}
        : "rdx", "cc", "memory");
    Field::reduce_once(r, Fe{{{res}}}, x[{result[n]}]);
"""
    if n == 6:  # 13 registers: more than AddressSanitizer builds leave free
        body = ("#if defined(BARETLS_EC_ASAN)\n    Field::mul_portable(r, a, b);\n#else\n" + body +
                "#endif\n")
    return f"""  static void mul{n}(Fe& r, const Fe& a, const Fe& b) noexcept requires(N == {n}) {{
{body}  }}
"""


HEADER = """// SPDX-License-Identifier: MIT
// Generated by scripts/gen_ec_bmi2.py (do not edit). Internal: Montgomery
// multiplication with MULX/ADCX/ADOX (BMI2 + ADX) as GCC inline assembly,
// for the fields of ec_field_impl.h. Each row adds a * b[i] to the
// accumulator on two carry chains (CF and OF), then adds q * m to clear the
// low limb. Operands are read and written through pointers under a "memory"
// clobber, which leaves enough registers under sanitizers. Inline assembly
// needs no compiler target flags; callers select these kernels only when
// cpu_has(bmi2) and cpu_has(adx).
// CT: straight-line code, no data-dependent branches or addresses.
#pragma once

#include <cstdint>

#include "crypto/arch.h"
#include "crypto/ec_field_impl.h"

// GCC names AddressSanitizer builds with __SANITIZE_ADDRESS__, clang through
// __has_feature(address_sanitizer).
#if defined(__SANITIZE_ADDRESS__)
#define BARETLS_EC_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define BARETLS_EC_ASAN 1
#endif
#endif

namespace baretls::crypto::detail {

#if BARETLS_X86_64
// Word-by-word Montgomery for any odd modulus of 4 or 6 limbs.
template <typename Params>
struct MontAdxKernel {
  using Field = MontField<Params>;
  using Fe = typename Field::Fe;
  static constexpr std::size_t N = Field::N;
  static constexpr Fe kM = Field::kM;
  static constexpr std::uint64_t kN0 = Field::kN0;

  static void mul(Fe& r, const Fe& a, const Fe& b) noexcept {
    if constexpr (N == 4) {
      mul4(r, a, b);
    } else {
      mul6(r, a, b);
    }
  }
  static void sqr(Fe& r, const Fe& a) noexcept { mul(r, a, a); }

"""


def generic_add_sub(n):
    text = add_sub_fns(n)
    return text.replace("static void add(Fe& r, const Fe& a, const Fe& b) noexcept {",
                        f"static void add(Fe& r, const Fe& a, const Fe& b) noexcept requires(N == {n}) {{").replace(
        "static void sub(Fe& r, const Fe& a, const Fe& b) noexcept {",
        f"static void sub(Fe& r, const Fe& a, const Fe& b) noexcept requires(N == {n}) {{")

P256 = """
// The P-256 field: p = 2^256 - 2^224 + 2^192 + 2^96 - 1 and -p^-1 = 1 mod
// 2^64, so q = acc0 and q*p = q*2^256 - q*2^224 + q*2^192 + q*2^96 - q: the
// low limb cancels, and only q*2^96 and q*(2^64 - 2^32 + 1)*2^192 are added.
template <typename Params>
struct P256AdxKernelT {
  using Field = MontField<Params>;
  using Fe = typename Field::Fe;
  static constexpr std::uint64_t kC = 0xffffffff00000001;  // p's top limb
  static constexpr Fe kM = Field::kM;

  static void mul(Fe& r, const Fe& a, const Fe& b) noexcept {
    std::uint64_t x[6], lo, hi;
    __asm__(
@ROWS@
@OUT@
        : [a] "r"(a.data()), [b] "r"(b.data()), [c] "m"(kC)
        : "rdx", "cc", "memory");
    Field::reduce_once(r, Fe{x[4], x[5], x[0], x[1]}, x[2]);
  }

  // a^2: the 8-limb square (cross products doubled plus squares), then the
  // low half reduced and the high half added.
  static void sqr(Fe& r, const Fe& a) noexcept {
    std::uint64_t x[8], lo, hi;
    __asm__(
@SQR@
@SQROUT@
        : [a] "r"(a.data()), [c] "m"(kC)
        : "rdx", "cc", "memory");
    Field::reduce_once(r, Fe{x[0], x[1], x[2], x[3]}, lo);
  }

@ADDSUB@};
#endif

}  // namespace baretls::crypto::detail
"""

with open("crypto/ec_field_bmi2.h", "w") as f:
    f.write(HEADER + generic_fn(4) + "\n" + generic_fn(6) + "\n" + generic_add_sub(4) + generic_add_sub(6) + "};\n")
    f.write(P256.replace("@ROWS@", "\n".join(p256_rows())).replace("@OUT@", outputs(6))
            .replace("@SQR@", "\n".join(p256_sqr_rows())).replace("@SQROUT@", outputs(8))
            .replace("@ADDSUB@", add_sub_fns(4)))

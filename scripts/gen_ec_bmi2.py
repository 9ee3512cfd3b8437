#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Generates crypto/ec_field_bmi2.h: MULX/ADCX/ADOX Montgomery multiplication
# kernels as GCC inline assembly.
#  - MontAdxKernel<Params>: any odd modulus of 4 or 6 limbs (word-by-word
#    Montgomery, q = acc0 * n0), used for the P-384 field and order and for
#    the P-256 order's conversions. (The P-256 field and order have their own
#    register-resident kernels: crypto/p256_field_adx.h, p256_scalar_adx.h.)
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
    # Not inlined: the asm needs 13 registers, which clang cannot always find
    # inside a large caller.
    return f"""  __attribute__((noinline)) static void mul{n}(Fe& r, const Fe& a, const Fe& b) noexcept requires(N == {n}) {{
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

#include "crypto/adx_asm.h"
#include "crypto/arch.h"
#include "crypto/ec_field_impl.h"

namespace baretls::crypto::detail {

#if BARETLS_X86_64
// Word-by-word Montgomery for any odd modulus of 4 or 6 limbs.
template <typename Params>
struct MontAdxKernel {
  using Field = MontField<Params>;
  using Fe = typename Field::Fe;
  static constexpr std::size_t N = Field::N;
  // Hidden: -fPIC code then reads the constants RIP-relative instead of
  // spending a register on each GOT entry.
  __attribute__((visibility("hidden"))) static constexpr Fe kM = Field::kM;
  __attribute__((visibility("hidden"))) static constexpr std::uint64_t kN0 = Field::kN0;

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

TAIL = """#endif

}  // namespace baretls::crypto::detail
"""

with open("crypto/ec_field_bmi2.h", "w") as f:
    f.write(HEADER + generic_fn(4) + "\n" + generic_fn(6) + "\n" + generic_add_sub(4) + generic_add_sub(6) + "};\n")
    f.write(TAIL)

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Makes vectors/tls13/rfc8448-*.txt from the text of RFC 8448 "Example
# Handshake Traces for TLS 1.3": every step of the traces of sections 3-7 that
# carries values becomes one "Name = value" record (Actor, Step, then each
# value as hex, in the order printed). Steps printed without values ("(same as
# server)") are left out. Two edits, both noted in the files: a salt printed as
# "0 (all zero octets)" becomes Hash.length zero bytes, and "(empty)" becomes an
# empty value. Every value's length is checked against the "(N octets)" the RFC
# prints beside it.
# Run from the repository root: scripts/rfc8448_vectors.py [path/to/rfc8448.txt]
import re, sys

SECTIONS = {
    "3": ("rfc8448-simple-1rtt.txt", "Simple 1-RTT Handshake"),
    "4": ("rfc8448-resumed-0rtt.txt", "Resumed 0-RTT Handshake"),
    "5": ("rfc8448-hello-retry-request.txt", "HelloRetryRequest"),
    "6": ("rfc8448-client-authentication.txt", "Client Authentication"),
    "7": ("rfc8448-compatibility-mode.txt", "Compatibility Mode"),
}
PAGE_LINE = re.compile(r"^(Thomson\s.*\[Page \d+\]|RFC 8448\s.*January 2019)$")
SECTION = re.compile(r"^(\d+)\.  (.*)$")
STEP = re.compile(r"^   \{(client|server)\}  (.*)$")
FIELD = re.compile(r"^      (\S.*?)(?: \((\d+) octets?\))?:  (.*)$")
HEX_MORE = re.compile(r"^         ([0-9a-f ]+)$")


def clean_lines(text):
    for line in text.replace("\f", "").split("\n"):
        line = line.rstrip()
        if PAGE_LINE.match(line):
            continue
        yield line


def parse_steps(lines):
    """Yields (actor, step, [(name, hex)]) for one section's lines."""
    step = None
    for line in lines:
        if not line:
            continue
        m = STEP.match(line)
        if m:
            if step:
                yield step
            step = [m.group(1), m.group(2), []]
            continue
        if step is None:
            continue
        m = FIELD.match(line)
        if m:
            name, octets, value = m.group(1), m.group(2), m.group(3)
            step[2].append([name, octets, value])
            continue
        m = HEX_MORE.match(line)
        if m and step[2]:
            step[2][-1][2] += " " + m.group(1)
            continue
        if line.startswith("      ") and not step[2]:
            step[1] += " " + line.strip()  # a step title continued on the next line
            continue
        if not line.startswith("   "):
            continue  # prose between traces
        raise SystemExit("unparsed line: %r" % line)
    if step:
        yield step


def field_value(name, octets, value, hash_len):
    if value == "(empty)":
        return ""
    if value.startswith("0 (all zero octets)"):
        return "00" * hash_len
    hexstr = value.replace(" ", "")
    if not re.fullmatch(r"[0-9a-f]*", hexstr) or octets is None or len(hexstr) != 2 * int(octets):
        raise SystemExit("bad value for %s: %r" % (name, value))
    return hexstr


def render(number, title, steps):
    out = ["# RFC 8448 §%s \"%s\": the values of every step of the trace, in the" % (number, title),
           "# order printed, extracted by scripts/rfc8448_vectors.py (see ORIGIN.md).",
           "# Actor and Step are the RFC's words; every other field is hex. Edits: a salt",
           "# printed as \"0 (all zero octets)\" is written as Hash.length zero bytes and",
           "# \"(empty)\" as an empty value.",
           "[Trace = RFC 8448 §%s %s]" % (number, title), ""]
    count = 0
    for actor, title_text, fields in steps:
        if not fields:
            continue
        hash_len = 32  # every trace of RFC 8448 uses TLS_AES_128_GCM_SHA256
        out.append("Actor = " + actor)
        out.append("Step = " + title_text.rstrip(":"))
        seen = set()
        for name, octets, value in fields:
            key = name.replace(" ", "_")
            if key in seen:
                raise SystemExit("repeated field %s in %s" % (key, title_text))
            seen.add(key)
            out.append("%s = %s" % (key, field_value(name, octets, value, hash_len)))
        out.append("")
        count += 1
    return "\n".join(out), count


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/ref/rfc/rfc8448.txt"
    with open(path, encoding="ascii") as f:
        lines = list(clean_lines(f.read()))
    sections, current = {}, None
    for line in lines:
        m = SECTION.match(line)
        if m:
            current = m.group(1)
            sections[current] = []
            continue
        if current is not None:
            sections[current].append(line)
    for number, (name, title) in SECTIONS.items():
        text, count = render(number, title, list(parse_steps(sections[number])))
        with open("vectors/tls13/" + name, "w", encoding="utf-8") as f:
            f.write(text)
        print("%s: %d records" % (name, count))


if __name__ == "__main__":
    main()

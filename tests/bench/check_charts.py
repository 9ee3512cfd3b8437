#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks a benchmark chart page (bench/report_html.h) against the JSON run
it was drawn from.

  check_charts.py --json RUN.jsonl --html PAGE.html [--svg-dir DIR]
                  [--charts N] [--title T]... [--chromium PATH]

The page must be well-formed XML, fetch nothing (no script, every link a
local anchor, a Content-Security-Policy of default-src 'none'), hold one
bar per result with its library and path, one ratio marker per baretls bar
whose cluster has an OpenSSL figure (the printed ratio equal to the one
computed here from the JSON), one dashed OpenSSL line per such cluster, and
the run's facts. --svg-dir: one standalone, well-formed SVG file per chart.
--chromium: the page loads in headless Chromium without a console message,
and a copy with an external image is caught (the check itself works).
Prints one line per failed check; exits 1 if any failed.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from html.parser import HTMLParser

SVG = "{http://www.w3.org/2000/svg}"
failures = []
checks = 0


def check(ok, what):
    global checks
    checks += 1
    if not ok:
        failures.append(what)
        print("FAIL:", what)


class Collector(HTMLParser):
    """Elements by tag and class, the text inside each, every URL-bearing attribute."""

    def __init__(self):
        super().__init__()
        self.elements = []  # (tag, classes, attrs, text list)
        self.stack = []
        self.urls = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name in ("href", "src", "xlink:href", "action", "data"):
            if name in a:
                self.urls.append(a[name])
        el = (tag, set((a.get("class") or "").split()), a, [])
        self.elements.append(el)
        self.stack.append(el)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.stack.pop()

    def handle_endtag(self, tag):
        while self.stack:
            el = self.stack.pop()
            if el[0] == tag:
                break

    def handle_data(self, data):
        for el in self.stack:
            el[3].append(data)

    def find(self, tag, cls=None):
        return [e for e in self.elements if e[0] == tag and (cls is None or cls in e[1])]


def text_of(el):
    return "".join(el[3])


def read_run(path):
    run, results = None, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            obj = json.loads(line)
            if obj["type"] == "run":
                run = obj
            else:
                results.append(obj)
    return run, results


def expected_ratios(results):
    """(algorithm, operation, size, path) -> baretls median / OpenSSL's best median."""
    clusters = defaultdict(list)
    for r in results:
        clusters[(r["algorithm"], r["operation"], r["size"], r["unit"])].append(r)
    ratios, references = {}, 0
    for key, members in clusters.items():
        openssl = [m["median"] for m in members if m["library"] == "openssl"]
        if not openssl or max(openssl) <= 0:
            continue
        references += 1
        for m in members:
            if m["library"] == "baretls":
                ratios[key[:3] + (m["path"],)] = m["median"] / max(openssl)
    return ratios, references


def check_page(html_path, run, results, charts, titles):
    with open(html_path, encoding="utf-8") as f:
        page = f.read()
    try:
        ET.fromstring(page.split("\n", 1)[1] if page.startswith("<!DOCTYPE") else page)
        check(True, "well-formed")
    except ET.ParseError as e:
        check(False, f"page is not well-formed XML: {e}")
    doc = Collector()
    doc.feed(page)
    check(not doc.find("script"), "no <script> element")
    check(all(u.startswith("#") for u in doc.urls), f"only local anchors, found {doc.urls[:3]}")
    check("@import" not in page and "url(" not in page, "no @import or url() in the style sheets")
    csp = [e for e in doc.find("meta") if e[2].get("http-equiv") == "Content-Security-Policy"]
    check(csp and "default-src 'none'" in csp[0][2].get("content", ""), "a default-src 'none' policy")

    svgs = doc.find("svg", "chart")
    check(len(svgs) == len(doc.find("section")) == len(doc.find("h2")), "one section and heading per chart")
    if charts is not None:
        check(len(svgs) == charts, f"{charts} charts (found {len(svgs)})")
    headings = [text_of(h) for h in doc.find("h2")]
    for t in titles:
        check(any(h.startswith(t + " (") for h in headings), f"a chart titled '{t}' (found {headings})")

    bars = doc.find("rect", "bar")
    check(len(bars) == len(results), f"one bar per result: {len(results)} (found {len(bars)})")
    labels = sorted(text_of(e) for e in doc.find("text", "label"))
    want = sorted(f"{r['library']} \u00b7 {r['path']}" for r in results)
    check(labels == want, "a label 'library \u00b7 path' per result")
    clusters = {text_of(e) for e in doc.find("text", "cluster")}
    check(clusters == {r["algorithm"] for r in results}, f"cluster labels are the algorithms (found {clusters})")

    ratios, references = expected_ratios(results)
    markers = doc.find("text", "ratio")
    check(len(markers) == len(ratios), f"{len(ratios)} ratio markers (found {len(markers)})")
    check(len(doc.find("line", "reference")) == references, f"{references} OpenSSL lines")
    printed = sorted(float(re.match(r"([0-9.]+)\u00d7 OpenSSL$", text_of(m)).group(1)) for m in markers)
    computed = sorted(ratios.values())
    check(len(printed) == len(computed) and all(abs(x - y) <= 0.0051 for x, y in zip(printed, computed)),
          "ratio markers equal median / OpenSSL")
    check(len(doc.find("path", "whisker")) == len(results), "one min-max whisker per bar")

    table = {}
    for th, td in zip(doc.find("th"), doc.find("td")):
        table[text_of(th)] = text_of(td)
    for key, field in (("CPU", "cpu"), ("date", "date"), ("compiler", "compiler"), ("build flags", "flags")):
        check(table.get(key) == run[field], f"run table {key} = {run[field]!r} (found {table.get(key)!r})")
    check(f"median of {run['rounds']} rounds" in table.get("statistic", ""), "the statistic is named")
    return len(svgs)


def check_svg_dir(svg_dir, charts):
    files = sorted(f for f in os.listdir(svg_dir) if f.endswith(".svg"))
    check(len(files) == charts, f"{charts} SVG files (found {len(files)})")
    for name in files:
        try:
            root = ET.parse(os.path.join(svg_dir, name)).getroot()
        except ET.ParseError as e:
            check(False, f"{name} is not well-formed: {e}")
            continue
        check(root.tag == SVG + "svg", f"{name}: an SVG root element")
        check(root.find(SVG + "style") is not None, f"{name}: its own style sheet")
        check(any("title" in (t.get("class") or "") for t in root.iter(SVG + "text")), f"{name}: a title")
        check(root.findall(f".//{SVG}rect[@class]"), f"{name}: bars")


def chromium_load(chromium, path):
    """Loads a file in headless Chromium; returns (DOM, console lines)."""
    profile = tempfile.mkdtemp(prefix="charts-chromium-")
    try:
        proc = subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
             "--enable-logging=stderr", "--v=0", "--dump-dom", "file://" + os.path.abspath(path)],
            capture_output=True, text=True, timeout=120)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    console = [l for l in proc.stderr.splitlines() if ":CONSOLE" in l]
    return proc.returncode, proc.stdout, console, proc.stderr


def check_chromium(chromium, html_path, charts):
    rc, dom, console, stderr = chromium_load(chromium, html_path)
    check(rc == 0, f"chromium exit status 0 (got {rc}; stderr tail: {stderr[-500:]!r})")
    check(not console, f"no console message: {console[:3]}")
    check(dom.count('class="chart"') == charts, f"chromium's DOM holds the {charts} charts")
    # Negative control: the same page with an external image must be reported.
    with open(html_path, encoding="utf-8") as f:
        page = f.read()
    with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False, encoding="utf-8") as bad:
        bad.write(page.replace("</body>", '<img src="http://127.0.0.1:9/x.png"/></body>'))
    try:
        _, _, console, _ = chromium_load(chromium, bad.name)
    finally:
        os.unlink(bad.name)
    check(any("Content Security Policy" in l for l in console), "an external fetch would be caught")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--json", required=True)
    p.add_argument("--html", required=True)
    p.add_argument("--svg-dir")
    p.add_argument("--charts", type=int)
    p.add_argument("--title", action="append", default=[])
    p.add_argument("--chromium")
    a = p.parse_args()
    run, results = read_run(a.json)
    check(run is not None and results, "the JSON has a run line and results")
    charts = check_page(a.html, run, results, a.charts, a.title)
    if a.svg_dir:
        check_svg_dir(a.svg_dir, charts)
    if a.chromium:
        if shutil.which(a.chromium):
            check_chromium(a.chromium, a.html, charts)
        else:
            print(f"chromium not found ({a.chromium}): load check skipped")
    print(f"check_charts: {checks} checks, {len(failures)} failed ({len(results)} results, {charts} charts)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

// SPDX-License-Identifier: MIT
// The benchmark data model (bench/report*.h): the JSON lines schema, the
// reader's refusals, the statistics, and the charts built from the committed
// fixture tests/bench/fixture_compare.jsonl (a trimmed baretls-compare run).
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "bench/report.h"
#include "bench/report_charts.h"
#include "bench/report_html.h"
#include "bench/report_json.h"
#include "bench/report_svg.h"

using namespace baretls::bench;

namespace {

std::string fixture() {
  std::ifstream in(BARETLS_SOURCE_DIR "/tests/bench/fixture_compare.jsonl");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Report sample() {
  Report r;
  r.run = RunInfo{"baretls speed", "2026-01-02T03:04:05Z", "CPU \"x\" <&>", "aesni avx2", "", "GCC 12",
                  "Release -O3", "", 0.3, 3};
  r.results.push_back(Measurement{"ecdhp256", "derive", "baretls", "bmi2-adx", 0, Unit::operations_per_second, 6500.5,
                                  6400.25, 7000});
  r.results.push_back(Measurement{"sha256", "hash", "baretls", "sha_ni", 16384, Unit::megabytes_per_second, 1728.99,
                                  1685.05, 1760.726});
  return r;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto p = haystack.find(needle); p != std::string::npos; p = haystack.find(needle, p + 1)) ++n;
  return n;
}

}  // namespace

TEST_SUITE("bench_report") {
  TEST_CASE("a result line has the documented fields in the documented order") {
    const auto m = sample().results[0];
    CHECK(to_json(m) ==
          "{\"type\":\"result\",\"algorithm\":\"ecdhp256\",\"operation\":\"derive\",\"library\":\"baretls\","
          "\"path\":\"bmi2-adx\",\"size\":0,\"unit\":\"ops/s\",\"median\":6500.500,\"min\":6400.250,\"max\":7000.000}");
  }

  TEST_CASE("the run line escapes strings and names the statistic") {
    const std::string line = to_json(sample().run);
    CHECK(line.rfind("{\"type\":\"run\",\"tool\":\"baretls speed\",\"date\":\"2026-01-02T03:04:05Z\"", 0) == 0);
    CHECK(line.find("\"cpu\":\"CPU \\\"x\\\" <&>\"") != std::string::npos);
    CHECK(line.find("\"statistic\":\"median\",\"seconds\":0.3,\"rounds\":3}") != std::string::npos);
  }

  TEST_CASE("JSON lines round trip") {
    const Report r = sample();
    const auto parsed = parse_json_lines(to_json_lines(r));
    REQUIRE(parsed.report);
    CHECK(parsed.report->run.cpu == r.run.cpu);
    CHECK(parsed.report->run.rounds == 3);
    REQUIRE(parsed.report->results.size() == 2);
    const Measurement& m = parsed.report->results[1];
    CHECK(m.algorithm == "sha256");
    CHECK(m.path == "sha_ni");
    CHECK(m.size == 16384);
    CHECK(m.unit == Unit::megabytes_per_second);
    CHECK(m.median == doctest::Approx(1728.99));
    CHECK(m.min == doctest::Approx(1685.05));
    CHECK(m.max == doctest::Approx(1760.726));
  }

  TEST_CASE("the reader decodes RFC 8259 escapes and UTF-8 text") {
    const std::string run =
        "{\"type\":\"run\",\"tool\":\"t\",\"date\":\"d\",\"cpu\":\"CPU\",\"cpu_features\":\"\",\"baretls_cpu\":\"\","
        "\"compiler\":\"\",\"flags\":\"\",\"libraries\":\"\",\"seconds\":1e-1,\"rounds\":1}\n";
    std::string text = run;
    text.replace(text.find("\"CPU\""), 5, "\"\\u001f\\u0041\\n\\t\\\"\\\\\\/\xc3\xa9\"");
    const auto parsed = parse_json_lines(text);
    REQUIRE_MESSAGE(parsed.report, parsed.error);
    CHECK(parsed.report->run.cpu == "\x1f" "A\n\t\"\\/\xc3\xa9");
    CHECK(parsed.report->run.seconds == doctest::Approx(0.1));
    // What the writer never produces is refused: \u beyond ASCII, raw control characters.
    std::string wide = run;
    wide.replace(wide.find("\"CPU\""), 5, "\"\\u00e9\"");
    CHECK_FALSE(parse_json_lines(wide).report);
    std::string raw = run;
    raw.replace(raw.find("\"CPU\""), 5, "\"\t\"");
    CHECK_FALSE(parse_json_lines(raw).report);
    // The writer's escapes read back.
    RunInfo odd = sample().run;
    odd.cpu = "tab\there \"q\" back\\slash \x01";
    const auto back = parse_json_lines(to_json(odd) + "\n");
    REQUIRE(back.report);
    CHECK(back.report->run.cpu == odd.cpu);
  }

  TEST_CASE("the reader refuses what is not the schema, naming the line") {
    const std::string run = to_json(sample().run) + "\n";
    const std::string good = to_json(sample().results[0]);
    const auto refuses = [](const std::string& text, const std::string& why) {
      const auto parsed = parse_json_lines(text);
      CHECK_FALSE(parsed.report);
      CHECK_MESSAGE(parsed.error.find(why) != std::string::npos, parsed.error);
    };
    refuses("", "no run line");
    refuses(good + "\n" + run, "line 1: a result before the run line");
    refuses(run + run, "line 2: a second run line");
    refuses(run + "{\"type\":\"other\"}", "line 2: \"type\" must be");
    refuses(run + "[1,2]", "line 2: expected '{'");
    refuses(run + "{\"type\":\"result\",\"type\":\"result\"}", "duplicate member");
    refuses(run + good.substr(0, good.size() - 1), "line 2: expected ',' or '}'");
    refuses(run + good + " x", "text after the object");
    std::string bad_unit = good;
    bad_unit.replace(bad_unit.find("ops/s"), 5, "op/s");
    refuses(run + bad_unit, "\"unit\" must be");
    std::string unordered = good;
    unordered.replace(unordered.find("\"min\":6400.250"), 14, "\"min\":9000.000");
    refuses(run + unordered, "min <= median <= max");
    std::string negative = good;
    negative.replace(negative.find("\"size\":0"), 8, "\"size\":-1");
    refuses(run + negative, "\"size\" must be a non-negative number");
    std::string missing = good;
    missing.replace(missing.find("\"path\":\"bmi2-adx\","), 18, "");
    refuses(run + missing, "\"path\" must be a string");
    refuses(run + "{\"type\":\"result\",\"algorithm\":\"a\\x\"}", "bad value for \"algorithm\"");
    refuses(run + "{\"type\":\"result\",\"size\":01}", "expected ',' or '}'");
  }

  TEST_CASE("the committed fixture parses: every line counted") {
    const auto parsed = parse_json_lines(fixture());
    REQUIRE_MESSAGE(parsed.report, parsed.error);
    CHECK(parsed.report->run.tool == "baretls-compare");
    CHECK(parsed.report->results.size() == 41);
  }

  TEST_CASE("summaries: median of the rounds with min and max") {
    const Summary odd = summarize({5, 1, 3});
    CHECK(odd.median == 3);
    CHECK(odd.min == 1);
    CHECK(odd.max == 5);
    const Summary even = summarize({4, 1, 3, 10});
    CHECK(even.median == 3.5);
    CHECK(even.min == 1);
    CHECK(even.max == 10);
    CHECK(summarize({7}).median == 7);
  }

  TEST_CASE("charts: one per group, operation and size; OpenSSL as the reference") {
    const auto parsed = parse_json_lines(fixture());
    REQUIRE(parsed.report);
    const auto charts = build_charts(*parsed.report);
    REQUIRE(charts.size() == 8);
    CHECK(charts[0].title == "Hashes: hash, 64 B");
    CHECK(charts[1].title == "Hashes: hash, 16 KiB");
    CHECK(charts[1].slug == "hashes-hash-16-kib");
    CHECK(charts[2].title == "ECDH key exchange: derive");
    CHECK(charts[3].title == "ECDH key exchange: keygen+derive");
    CHECK(charts[4].title == "AEAD: encrypt, 16 KiB");
    CHECK(charts[5].title == "RSA: sign");
    CHECK(charts[7].title == "TLS handshakes: handshake");

    const Cluster& p256 = charts[2].clusters[0];
    CHECK(p256.label == "ecdhp256");
    REQUIRE(p256.bars.size() == 5);
    CHECK(p256.bars[0].library == "baretls");
    CHECK(p256.bars[1].path == "bmi2-adx");
    REQUIRE(p256.reference);
    CHECK(*p256.reference == doctest::Approx(18950.374));
    REQUIRE(p256.bars[1].ratio);
    CHECK(*p256.bars[1].ratio == doctest::Approx(6530.401 / 18950.374));
    CHECK_FALSE(p256.bars[2].ratio);  // OpenSSL's own bar

    // A cluster without OpenSSL has no reference and no ratio.
    const Cluster& resumed = charts[7].clusters[1];
    CHECK(resumed.label == "resumed (ticket)");
    CHECK_FALSE(resumed.reference);
    CHECK_FALSE(resumed.bars[0].ratio);

    std::size_t bars = 0;
    for (const auto& c : charts)
      for (const auto& cl : c.clusters) bars += cl.bars.size();
    CHECK(bars == 41);
  }

  TEST_CASE("the page and the SVG files: every bar, ratio and reference drawn, text escaped") {
    const auto parsed = parse_json_lines(fixture());
    REQUIRE(parsed.report);
    const std::string page = render_html(*parsed.report);
    CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(count(page, "<svg ") == 8);
    CHECK(count(page, "<rect class=\"bar ") == 41);
    CHECK(count(page, "<text class=\"ratio ") == 20);
    CHECK(count(page, "<line class=\"reference\"") == 10);
    CHECK(count(page, "<script") == 0);
    CHECK(page.find("Test CPU &lt;model&gt; &amp; &quot;quoted&quot; &#39;name&#39;") != std::string::npos);
    CHECK(page.find("0.34\xc3\x97 OpenSSL") != std::string::npos);  // ecdhp256 derive, bmi2-adx

    const auto files = render_svg_files(*parsed.report);
    REQUIRE(files.size() == 8);
    CHECK(files[0].name == "01-hashes-hash-64-b.svg");
    CHECK(files[7].name == "08-tls-handshakes-handshake.svg");
    for (const auto& f : files) {
      CHECK(f.content.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=", 0) == 0);
      CHECK(f.content.find("<style>") != std::string::npos);
    }
  }

  TEST_CASE("figures and sizes as the charts print them") {
    CHECK(format_figure(1234567.4) == "1,234,567");
    CHECK(format_figure(1000) == "1,000");
    CHECK(format_figure(987.65) == "987.6");
    CHECK(format_figure(9.876) == "9.88");
    CHECK(size_label(64) == "64 B");
    CHECK(size_label(16384) == "16 KiB");
    CHECK(xml_escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;");
  }
}

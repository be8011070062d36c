"""Site rules: loading and validation, domain matching, precedence against the generic
rules and between site rules, the match timeout on user patterns, XPath drops, pickling,
explain, and the example packs proven on their fixture cases."""

from __future__ import annotations

import json
import pickle
import re
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from conftest import load_case
from selectolax.lexbor import LexborHTMLParser

from cleanweb import extract
from cleanweb import fixtures as fx
from cleanweb import site_rules as sr
from cleanweb.document import Document
from cleanweb.options import Options
from cleanweb.site_rules import RulePack, RulePackError, SiteRule

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "src" / "cleanweb" / "rules" / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SITE_CASES = sorted(p for p in FIXTURES.glob("site-*") if fx.is_case(p))

SENTENCES = (
    "The council met on Tuesday to discuss the new budget, which includes more money for roads.",
    "Members argued for hours about the size of the reserve fund and how fast it should be spent.",
    "In the end a narrow majority approved the plan, with two members abstaining from the vote.",
    "The mayor said the decision would let the city repair bridges closed since the spring.",
    "Residents who attended the meeting said they hoped the work would begin before winter.",
)
URL = "https://news.example.org/2020/budget.html"


def page(extra: str = "", after: str = "", head: str = "") -> str:
    """An article of five paragraphs in div.post, ``extra`` inside it, ``after`` beside it."""
    body = "".join(f"<p>{s}</p>" for s in SENTENCES)
    return (f"<html><head>{head}</head><body><div class='post'>{body}{extra}</div>"
            f"{after}</body></html>")


def rule(rule_id: str = "t.rule", **kw: Any) -> SiteRule:
    kw.setdefault("domains", ("example.org",))
    return SiteRule(rule_id, "test rule", **kw)


def run(html: str, *rules: SiteRule, url: str = URL) -> Document:
    return extract(html, url=url, options=Options(site_rules=RulePack(rules), explain=True))


def reason(doc: Document, start: str) -> str:
    """The reason that decided the first traced block starting with ``start``."""
    return next(b.reason for b in doc.trace if b.text.startswith(start))


def write(tmp_path: Path, text: str, name: str = "site.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- loading

GOOD = """
domains = ["example.org"]

[[rule]]
id = "ex.promo"
reason = "promotion box"
drop = [".promo"]
drop_lines = ['^Sponsored:']

[[rule]]
id = "ex.video"
reason = "video pages keep their body in #story"
domains = ["video.example.org"]
url_pattern = '/clips?/'
main = "#story"
captions = [".still-title"]
drop_xpath = ["//div[@data-kind='teaser']"]
meta = { author = ".byline a", date = "time.published" }
"""


def test_load_file_reads_rules_and_file_defaults(tmp_path: Path) -> None:
    pack = RulePack.load(write(tmp_path, GOOD))
    promo, video = pack.rules
    assert promo.domains == ("example.org",)  # the file's default
    assert video.domains == ("video.example.org",)  # its own
    assert video.meta == (("date", "time.published"), ("author", ".byline a"))
    assert video.drop_xpath == ("//div[@data-kind='teaser']",)
    assert pack.source.endswith("site.toml")


def test_load_directory_reads_toml_files_by_name(tmp_path: Path) -> None:
    write(tmp_path, '[[rule]]\nid = "b.x"\nreason = "r"\ndomains = ["b.org"]\ndrop = ["p"]\n',
          "b.toml")
    write(tmp_path, '[[rule]]\nid = "a.x"\nreason = "r"\ndomains = ["a.org"]\ndrop = ["p"]\n',
          "a.toml")
    write(tmp_path, "not toml at all [", "notes.txt")
    assert [r.id for r in RulePack.load(tmp_path).rules] == ["a.x", "b.x"]


BAD_RULES = [
    ('drop = ["p"]\nreason = "r"', "rule #1: missing id"),
    ('id = "x.a"\ndrop = ["p"]', "rule x.a: missing reason"),
    ('id = "x.a"\nreason = "r"\ndrop = ["p"]\ncolour = "red"', "rule x.a: unknown keys colour"),
    ('id = "x.a"\nreason = "r"\ndrop = ["div["]', "rule x.a: bad CSS selector 'div['"),
    ('id = "x.a"\nreason = "r"\ncaptions = [""]', "rule x.a: empty CSS selector"),
    ('id = "x.a"\nreason = "r"\ndrop_xpath = ["//div[@"]', "rule x.a: bad XPath '//div[@'"),
    ('id = "x.a"\nreason = "r"\ndrop_lines = ["(unclosed"]', "rule x.a: bad drop_lines pattern"),
    ('id = "x.a"\nreason = "r"\ndrop_lines = ["x*"]', "matches the empty string"),
    ('id = "x.a"\nreason = "r"\nurl_pattern = "[a-"\ndrop = ["p"]', "bad url_pattern"),
    ('id = "x.a"\nreason = "r"\ndrop = "p"\nmain = ["#a"]', "rule x.a: main must be a string"),
    ('id = "x.a"\nreason = "r"\ndrop = [1]', "rule x.a: drop must be a list of strings"),
    ('id = "x.a"\nreason = "r"\nmeta = { writer = ".w" }', "rule x.a: unknown meta field writer"),
    ('id = "x.a"\nreason = "r"\nmeta = ".w"', "rule x.a: meta must be a table"),
    ('id = "x a"\nreason = "r"\ndrop = ["p"]', "rule x a: rule id 'x a'"),
    ('id = "x.a"\nreason = "r"', "rule x.a: no action"),
]


@pytest.mark.parametrize(("body", "message"), BAD_RULES)
def test_load_errors_name_file_rule_and_problem(tmp_path: Path, body: str,
                                                message: str) -> None:
    path = write(tmp_path, f'domains = ["example.org"]\n[[rule]]\n{body}\n')
    with pytest.raises(RulePackError) as err:
        RulePack.load(path)
    assert str(err.value).startswith(f"{path}: ")
    assert message in str(err.value)


@pytest.mark.parametrize(("domains", "message"), [
    ('["https://example.org"]', "must be a bare host name"),
    ('["example.org/news"]', "must be a bare host name"),
    ('["*.example.org"]', "must be a bare host name"),
    ('["example.org:http"]', "bad port"),
    ('["localhost.", "org"]', "is not a host name"),
    ("[]", "needs domains or url_pattern"),
])
def test_load_rejects_bad_domains(tmp_path: Path, domains: str, message: str) -> None:
    path = write(tmp_path, f'[[rule]]\nid = "x.a"\nreason = "r"\ndomains = {domains}\n'
                 'drop = ["p"]\n')
    with pytest.raises(RulePackError, match=r"rule x\.a: ") as err:
        RulePack.load(path)
    assert message in str(err.value)


def test_load_file_level_errors(tmp_path: Path) -> None:
    with pytest.raises(RulePackError, match=r"site\.toml: not valid TOML"):
        RulePack.load(write(tmp_path, "[[rule]\nid="))
    with pytest.raises(RulePackError, match="unknown top-level keys rules"):
        RulePack.load(write(tmp_path, '[[rules]]\nid = "a"\n'))
    with pytest.raises(RulePackError, match=r"no \[\[rule\]\] tables"):
        RulePack.load(write(tmp_path, 'domains = ["a.org"]\n'))
    with pytest.raises(RulePackError, match="no such file or directory"):
        RulePack.load(tmp_path / "missing.toml")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(RulePackError, match=r"no \*\.toml rule files"):
        RulePack.load(empty)


def test_duplicate_ids_across_files_name_both(tmp_path: Path) -> None:
    text = '[[rule]]\nid = "same.id"\nreason = "r"\ndomains = ["a.org"]\ndrop = ["p"]\n'
    first = write(tmp_path, text, "a.toml")
    second = write(tmp_path, text, "b.toml")
    with pytest.raises(RulePackError) as err:
        RulePack.load(tmp_path)
    assert str(err.value) == f"{second}: rule same.id: id already used in {first}"


def test_rule_pack_error_is_a_value_error_and_rules_validate_in_python() -> None:
    assert issubclass(RulePackError, ValueError)
    with pytest.raises(ValueError, match=r"rule py\.x: bad CSS selector"):
        rule("py.x", drop=("a[",))
    with pytest.raises(ValueError, match="used twice"):
        RulePack((rule("a", drop=("p",)), rule("a", drop=("p",))))


# ---------------------------------------------------------------- matching pages


@pytest.mark.parametrize(("domain", "url", "applies"), [
    ("example.org", "https://example.org/a", True),
    ("example.org", "https://www.news.example.org/a", True),  # any subdomain
    ("example.org", "https://notexample.org/a", False),  # not a label boundary
    ("example.org", "https://example.org.evil.net/a", False),
    ("Example.ORG.", "https://EXAMPLE.org./a", True),  # case and trailing dots
    ("news.example.org", "https://example.org/a", False),  # parent is not covered
    ("example.org", "http://example.org:8080/a", True),  # no port named: any port
    ("example.org:8080", "http://example.org:8080/a", True),
    ("example.org:8080", "http://example.org/a", False),
    ("example.org:443", "https://example.org/a", True),  # the scheme's default port
    ("example.org:443", "http://example.org/a", False),
    ("bücher.de", "https://www.xn--bcher-kva.de/a", True),  # IDN: Unicode vs punycode
    ("xn--bcher-kva.de", "https://shop.bücher.de/a", True),
    ("BÜCHER.de", "https://bücher.de/a", True),
    ("例子.中国", "http://新闻.例子.中国/a", True),
    ("例子.中国", "http://例子.cn/a", False),
])
def test_domain_matching(domain: str, url: str, applies: bool) -> None:
    assert rule(domains=(domain,), drop=("p",)).applies_to(url) is applies


def test_url_pattern_alone_and_with_domains() -> None:
    only = rule(domains=(), url_pattern=r"/video/\d+", drop=("p",))
    assert only.applies_to("https://any.site/video/12")
    assert not only.applies_to("https://any.site/news/12")
    both = rule(url_pattern=r"/video/", drop=("p",))
    assert both.applies_to("https://example.org/video/1")
    assert not both.applies_to("https://example.com/video/1")
    assert not both.applies_to(None)


def test_rules_act_only_on_matching_pages() -> None:
    drop_box = rule(drop=(".box",))
    html = page("<div class='box'><p>Boxed text that a site rule removes from the body.</p></div>")
    assert "Boxed text" not in run(html, drop_box).text
    assert "Boxed text" in run(html, drop_box, url="https://example.com/a").text
    assert "Boxed text" in run(html, drop_box, url=None).text  # type: ignore[arg-type]


# ---------------------------------------------------------------- precedence


def test_site_drop_beats_generic_keep_and_explain_names_it() -> None:
    doc = run(page("<p class='note'>Note: this paragraph is ordinary prose the site drops.</p>"),
              rule("t.note", drop=("p.note",)))
    assert "ordinary prose" not in doc.text
    assert reason(doc, "Note: this paragraph is ordina") == "site.t.note"


def test_a_site_drop_holds_however_much_of_the_page_it_takes() -> None:
    # A generic chrome name on a wrapper of most of the prose is void; a site's drop is not.
    box = "".join(f"<p>{s} Boxed.</p>" for s in SENTENCES)
    html = page(after=f"<div class='widget'>{box}</div>")
    assert "Boxed." in run(html).text
    doc = run(html, rule("t.box", drop=("div.widget",)))
    assert "Boxed." not in doc.text and SENTENCES[0] in doc.text


def test_inline_drop_keeps_the_sentence_whole() -> None:
    html = page("<p>Shares of <a href='/q'>Acme</a><span class='quote'>(12.5, +0.3)</span> rose "
                "after the vote, traders said on Wednesday afternoon.</p>")
    doc = run(html, rule("t.quote", drop=("span.quote",)))
    assert "Shares of Acme rose after the vote, traders said on Wednesday afternoon." in (
        doc.text.split("\n"))


def test_site_main_beats_generic_chrome_naming() -> None:
    # The generic tables call a sidebar chrome; a site that keeps its story there says so.
    story = "".join(f"<p>{s} Aside.</p>" for s in SENTENCES[:3])
    html = page(after=f"<div class='sidebar'>{story}</div>")
    assert "Aside." not in run(html).text
    doc = run(html, rule(main="div.sidebar"))
    assert "Aside." in doc.text
    assert SENTENCES[4] not in doc.text  # the scored region is not used


def test_site_caption_beats_generic_body() -> None:
    html = page("<p class='still'>A crowd outside the town hall on Tuesday evening</p>")
    assert run(html, rule(captions=("p.still",))).captions == (
        "A crowd outside the town hall on Tuesday evening",)


def test_site_lines_add_drops_and_generic_drops_keep_their_reason() -> None:
    html = page("<p>Sponsored: this budget story is brought to you by a local bank.</p>"
                "<p>Copyright 2020 Example Corp. All rights reserved.</p>")
    doc = run(html, rule("t.lines", drop_lines=(r"^Sponsored:", r"All rights reserved")))
    assert reason(doc, "Sponsored:") == "site.t.lines"
    assert reason(doc, "Copyright 2020").startswith("generic.")
    assert "Sponsored" not in doc.text


def test_site_metadata_replaces_generic_only_when_found() -> None:
    head = "<meta property='article:published_time' content='2020-01-02'>"
    html = page("<span class='when'>2021-03-04</span>", head=head)
    found = run(html, rule(meta=(("date", "span.when"),)))
    assert (found.date, found.date_iso) == ("2021-03-04", "2021-03-04")
    missing = run(html, rule(meta=(("date", "span.nowhere"),)))
    assert missing.date_iso == "2020-01-02"
    # explain names the rule that decided: the site rule, or the page's own meta tag
    assert dict(found.meta_rules)["date"] == "site.t.rule"
    assert dict(missing.meta_rules)["date"] == "metadata.date.meta"


def test_more_specific_domain_wins_whatever_the_pack_order() -> None:
    broad = rule("t.broad", drop=(".box",))
    narrow = rule("t.narrow", domains=("news.example.org",), drop=(".box",))
    html = page("<div class='box'><p>Boxed text that a site rule removes from the body.</p></div>")
    for order in ((broad, narrow), (narrow, broad)):
        assert reason(run(html, *order), "Boxed text that a site rule re") == "site.t.narrow"
    assert RulePack((broad, narrow)).for_url(URL) == (narrow, broad)


def test_url_pattern_then_pack_order_break_ties() -> None:
    plain = rule("t.plain", drop=("p",))
    pattern = rule("t.pattern", url_pattern="/2020/", drop=("p",))
    later = rule("t.later", drop=("p",))
    assert RulePack((plain, later, pattern)).for_url(URL) == (pattern, plain, later)


def test_first_rule_decides_each_element_field_and_main() -> None:
    first = rule("t.first", domains=("news.example.org",), captions=(".x",),
                 meta=(("author", ".a1"),), main="div.post")
    second = rule("t.second", drop=(".x",), meta=(("author", ".a2"), ("source", ".a2")),
                  main="div.other")
    html = page("<p class='x'>A crowd outside the town hall on Tuesday evening</p>"
                "<span class='a1'>Ann Lee</span><span class='a2'>Bob Roe</span>",
                after="<div class='other'><p>Other text that is not the story.</p></div>")
    doc = run(html, second, first)
    assert doc.captions == ("A crowd outside the town hall on Tuesday evening",)
    assert (doc.author, doc.source) == ("Ann Lee", "Bob Roe")  # field by field
    assert "Other text" not in doc.text


# ---------------------------------------------------------------- user patterns are bounded


def test_catastrophic_line_pattern_does_not_hang() -> None:
    long_line = "a" * 30_000 + "!"
    html = page(f"<p>{long_line}</p>")
    start = time.perf_counter()
    doc = run(html, rule("t.evil", drop_lines=(r"(a+)+$",)))
    assert time.perf_counter() - start < 5
    assert long_line in doc.text  # a timed-out pattern counts as no match


def test_catastrophic_url_pattern_does_not_hang() -> None:
    evil = rule(domains=(), url_pattern=r"(x+x+)+y", drop=("p",))
    start = time.perf_counter()
    assert not evil.applies_to("https://a.org/" + "x" * 5_000)
    assert time.perf_counter() - start < 5


# ---------------------------------------------------------------- XPath


def test_xpath_drop_finds_elements_and_skips_other_results() -> None:
    html = page("<div data-kind='teaser'><p>Teaser text of another article entirely.</p></div>")
    xpath = rule("t.xp", drop_xpath=("//div[@data-kind='teaser']", "//p/text()", "count(//p)"))
    doc = run(html, xpath)
    assert "Teaser text" not in doc.text
    assert reason(doc, "Teaser text of another articl") == "site.t.xp"
    assert SENTENCES[0] in doc.text


def test_xpath_sees_the_tree_as_parsed() -> None:
    # The parser inserts <tbody>; an XPath through it finds the cell.
    tree = LexborHTMLParser("<table><tr><td>cell</td></tr></table><p>x</p>")
    found = sr.xpath_nodes(tree, ["//table/tbody/tr/td"])
    assert [(n.tag, n.text()) for n in found] == [("td", "cell")]


def test_xpath_skips_elements_whose_position_differs() -> None:
    import lxml.html  # type: ignore[import-untyped]

    tree = LexborHTMLParser("<div><p>a</p><p>b</p></div>")
    assert tree.root is not None
    other = lxml.html.document_fromstring("<div><span>x</span><p>a</p><p>b</p></div>")
    target = other.xpath("//p")[0]
    assert sr._counterpart(tree.root, other, target) is None
    same = lxml.html.document_fromstring(tree.html)
    node = sr._counterpart(tree.root, same, same.xpath("//p")[1])
    assert node is not None and node.text() == "b"


def test_xpath_runs_only_when_its_rule_applies(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    real = sr.xpath_nodes

    def counted(*args: Any) -> Any:
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(sr, "xpath_nodes", counted)
    xpath = rule("t.xp", drop_xpath=("//p",))
    run(page(), xpath, url="https://other.net/a")
    assert calls == []
    run(page(), xpath)
    assert len(calls) == 1


# ---------------------------------------------------------------- pickling


def test_options_with_a_loaded_pack_pickle_and_still_work(tmp_path: Path) -> None:
    options = Options(site_rules=RulePack.load(write(tmp_path, GOOD)))
    back = pickle.loads(pickle.dumps(options))
    assert back == options
    assert back.site_rules is not None
    assert [r.id for r in back.site_rules.for_url("https://video.example.org/clip/1")] == [
        "ex.video", "ex.promo"]
    html = page("<p>Sponsored: a message from the bank on the corner of Main Street.</p>")
    assert "Sponsored" not in extract(html, url=URL, options=back).text


def test_rules_are_immutable() -> None:
    r = rule(drop=("p",))
    with pytest.raises(AttributeError):
        r.drop = ()  # type: ignore[misc]
    assert replace(r, drop=(".x",)).drop == (".x",)  # a changed copy is re-validated
    with pytest.raises(ValueError, match="bad CSS"):
        replace(r, drop=("[",))


# ---------------------------------------------------------------- fixtures naming a pack


def test_fixture_meta_names_a_pack_relative_to_the_case_or_above(tmp_path: Path) -> None:
    pack = write(tmp_path, GOOD)
    case = tmp_path / "cases" / "one"
    case.mkdir(parents=True)
    options = fx.options_of({"options": {"site_rules": "site.toml"}}, case)
    assert options.site_rules is not None and options.site_rules.source == str(pack)
    with pytest.raises(fx.FixtureError, match="not found"):
        fx.options_of({"options": {"site_rules": "nope.toml"}}, case)
    write(tmp_path, "[[rule]]\nid=1", "bad.toml")
    with pytest.raises(fx.FixtureError, match="bad options"):
        fx.options_of({"options": {"site_rules": "bad.toml"}}, case)


# ---------------------------------------------------------------- the example packs


def _score(case: fx.Case, doc: Document) -> dict[str, float]:
    """Per checked field: shingle F1 for text and captions, 1/0 for the others."""
    want = case.expected or {}
    got = fx.actual_fields(doc)
    out = {}
    for name in fx.FIELDS:
        if name not in want:
            continue
        if name in fx.LIST_FIELDS:
            out[name] = fx.similarity("\n".join(want[name]), "\n".join(got[name]))
        else:
            out[name] = float(want[name] == got[name])
    return out


def _better(with_pack: dict[str, float], without: dict[str, float]) -> bool:
    no_worse = all(with_pack[k] >= without[k] - 1e-9 for k in without)
    return no_worse and any(with_pack[k] > without[k] + 1e-9 for k in without)


def _run(case: fx.Case, pack: RulePack | None) -> Document:
    return extract(fx.read_page(case.page), url=case.meta.get("url"),
                   options=Options(site_rules=pack))


def _pack_of(case: fx.Case) -> RulePack:
    options = fx.options_of(case.meta, case.path)
    assert options.site_rules is not None
    return options.site_rules


def test_example_packs_load() -> None:
    pack = RulePack.load(EXAMPLES)
    assert len(pack.rules) >= 3
    assert Options().site_rules is None  # never part of the defaults


def test_every_example_rule_is_proven_by_a_case() -> None:
    proven = {r for p in SITE_CASES for r in json.loads((p / fx.META).read_text())["proves"]}
    assert {r.id for r in RulePack.load(EXAMPLES).rules} == proven


@pytest.mark.parametrize("folder", SITE_CASES, ids=[p.name for p in SITE_CASES])
def test_example_pack_matches_the_gold_better(folder: Path) -> None:
    case = load_case(folder)
    pack = _pack_of(case)
    with_pack, without = _score(case, _run(case, pack)), _score(case, _run(case, None))
    assert _better(with_pack, without), (with_pack, without)


@pytest.mark.parametrize("folder", SITE_CASES, ids=[p.name for p in SITE_CASES])
def test_each_proved_rule_is_needed(folder: Path) -> None:
    """Taking any one rule the case proves out of the pack makes the output worse."""
    case = load_case(folder)
    pack = _pack_of(case)
    full = _score(case, _run(case, pack))
    for rule_id in case.meta["proves"]:
        assert rule_id in {r.id for r in pack.for_url(case.meta["url"])}
        reduced = RulePack(tuple(r for r in pack.rules if r.id != rule_id))
        assert _better(full, _score(case, _run(case, reduced))), rule_id


def test_explain_names_the_rule_behind_a_forced_main_container() -> None:
    from cleanweb import Options, extract
    from cleanweb.site_rules import RulePack, SiteRule

    prose = "The council met on Tuesday to discuss the new budget, with money for schools."
    html = (f"<body><div class='a'><p>{prose}</p></div>"
            f"<div class='b'><p>{prose} b1</p><p>{prose} b2</p><p>{prose} b3</p></div></body>")
    pack = RulePack((SiteRule("ex.main", "the article sits in div.a", domains=("example.com",),
                              main="div.a"),))
    doc = extract(html, url="https://example.com/x",
                  options=Options(site_rules=pack, explain=True))
    assert doc.text == prose
    assert [b.reason.split(":")[0] for b in doc.trace if b.kept] == ["site.ex.main"]
    assert doc.region == "body > div, blocks 1-1, site.ex.main"


# ---------------------------------------------------------------- no signal from the page

#: Every attribute name cleanweb writes, or ever wrote, into a page's tree for its own use.
INTERNAL_ATTRIBUTES = ("data-cleanweb-rule",)
#: Values those attributes carried: "<action>:<rule id>".
INTERNAL_VALUES = ("main:x", "drop:x", "caption:x", "main:", "drop")
SPAM = "".join(
    f"<p>Buy cheap replica watches today, number {i}: free shipping, best prices, order now, "
    "and tell your friends about the amazing discount while the offer lasts.</p>"
    for i in range(6))


def _with_spam(html: str, attribute: str | None) -> str:
    """The page with a block of spam paragraphs opening its body (carrying ``attribute``)."""
    block = f"<div {attribute or ''}>{SPAM}</div>"
    return re.sub(r"(<body\b[^>]*>)", lambda m: m.group(1) + block, html, count=1,
                  flags=re.IGNORECASE)


def _everywhere(html: str, name: str, value: str) -> str:
    """The page serialized with ``name="value"`` on every element of its body."""
    tree = LexborHTMLParser(html)
    assert tree.body is not None
    for node in tree.body.traverse():
        if node.is_element_node:
            node.attrs[name] = value
    return tree.html or ""


def _real_pages(datasets: Path) -> list[tuple[str, str]]:
    """(html, url) of the first pages of two sets, English and Chinese."""
    out = []
    for name in ("aeb", "zh-dev"):
        folder = datasets / name
        gold = [json.loads(line) for line in
                (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()[:2]]
        out += [((folder / "pages" / f"{row['id']}.html").read_text(encoding="utf-8",
                                                                     errors="replace"),
                 row["url"] or URL) for row in gold]
    return out


def _site_pack(url: str) -> RulePack:
    """Rules that apply to ``url`` and act on common elements of any page."""
    host = sr.url_host(url)[0]
    return RulePack((SiteRule("t.any", "acts on every page", domains=(host,),
                              drop=("nav", "footer"), captions=("figcaption",),
                              drop_lines=(r"^Advertisement$",)),))


@pytest.mark.parametrize("with_rules", [False, True], ids=["no-site-rules", "site-rules"])
def test_no_attribute_on_the_page_steers_the_extractor(datasets: Path, with_rules: bool) -> None:
    # A page that wraps spam in an attribute the package once read must get exactly the
    # output it gets without that attribute, trace included: nothing internal is read
    # from the page's own markup.
    for html, url in _real_pages(datasets):
        options = Options(site_rules=_site_pack(url) if with_rules else None, explain=True)
        plain = extract(_with_spam(html, None), url=url, options=options)
        assert any(b.text.startswith("Buy cheap") for b in plain.trace)
        for name in INTERNAL_ATTRIBUTES:
            for value in INTERNAL_VALUES:
                spoofed = extract(_with_spam(html, f'{name}="{value}"'), url=url,
                                  options=options)
                assert spoofed == plain, (url, name, value)
                everywhere = _everywhere(_with_spam(html, None), name, value)
                baseline = _everywhere(_with_spam(html, None), "data-plain", value)
                assert (extract(everywhere, url=url, options=options)
                        == extract(baseline, url=url, options=options)), (url, name, value)


def test_the_package_writes_no_attribute_into_the_tree() -> None:
    source = REPO / "src" / "cleanweb"
    writes = re.compile(r"\.attrs\[[^\]]+\]\s*=(?!=)|set_attribute|data-cleanweb")
    found = [f"{path.relative_to(source)}:{n}" for path in sorted(source.rglob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if writes.search(line)]
    assert found == []

"""Publication dates: find a date as written in a short text and normalize it to ISO 8601.

Pages write dates in many shapes ("2020年02月26日 16:12", "2019-09-07 13:43:45",
"10-08 12:00", "March 3, 2020", "昨天"). :func:`find_date` returns the first one found with
its span as written (that is what a reader sees), :func:`normalize` turns the written form
into ISO 8601 when the year is known. Patterns are tried in table order: the most explicit
shapes first, so "2019-09-07 13:43" is never read as the month-day form "09-07 13:43".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from cleanweb.rules.base import LazyRegex, Rule, RuleSet, search

_TIME = r"(?:[T\s]*(?P<H>\d{1,2})[:：](?P<M>\d{2})(?:[:：](?P<S>\d{2}))?(?:\.\d+)?)?"
_ZONE = r"(?P<Z>Z|[+-]\d{2}:?\d{2})?"
_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MON_NAMES = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_MON = rf"(?P<mon>{_MON_NAMES})[a-z]*\.?"
#: Month names of German, Spanish, French, Italian, Portuguese, Dutch, Indonesian, Turkish and
#: Polish (genitive, as dates write them), each with its number; written in full, since
#: several of their abbreviations are common words.
_INTL_MONTHS: Mapping[str, int] = MappingProxyType({
    name: number
    for number, names in enumerate((
        "januar jänner enero janvier gennaio janeiro januari ocak stycznia",
        "februar febrero février fevrier febbraio fevereiro februari şubat lutego",
        "märz marzo mars março maart maret mart marca",
        "april abril avril aprile nisan kwietnia",
        "mai mayo maggio maio mei mayıs maja",
        "juni junio juin giugno junho haziran czerwca",
        "juli julio juillet luglio julho temmuz lipca",
        "august agosto août aout augustus agustus ağustos sierpnia",
        "september septiembre setiembre septembre settembre setembro eylül września",
        "oktober octubre octobre ottobre outubro ekim października",
        "november noviembre novembre novembro kasım listopada",
        "dezember diciembre décembre decembre dicembre dezembro december desember aralık "
        "grudnia",
    ), 1)
    for name in names.split()
})  # fmt: skip
# Longest first, so "märz" is never cut to a shorter name; (?i) matching covers capitals.
_INTL_MON = "(?P<imon>" + "|".join(sorted(_INTL_MONTHS, key=len, reverse=True)) + ")"

#: Date shapes, most explicit first. Groups: y/yy (year), m or mon (month), d, H/M/S, Z.
DATE_RULES = RuleSet(
    [
        Rule(
            "date.cjk_ymd",
            rf"(?<!\d)(?P<y>(?:19|20)\d{{2}})\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*日{_TIME}",
            "Chinese/Japanese full date, the common byline form",
            examples=("2020年02月26日 16:12", "2019年06月15日08:18", "2020 年 2 月 6 日"),
            near_misses=("第 2019 号", "2019年，"),
        ),
        Rule(
            "date.iso_ymd",
            rf"(?<!\d)(?P<y>(?:19|20)\d{{2}})[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}})(?!\d){_TIME}{_ZONE}",
            "numeric year-month-day, ISO and its slash/dot variants",
            examples=("2019-09-07 13:43:45", "2019.09.07", "2019-09-07T13:43:45+08:00"),
            near_misses=("版本 3.14", "电话 010-12345678"),
        ),
        Rule(
            "date.dmy_dots",
            rf"(?<![\d.])(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>(?:19|20)\d{{2}})(?![\d.]){_TIME}",
            "day.month.year with dots, the numeric date of German, Polish, Turkish, Dutch and "
            "other European pages (13.05.2024); dots put the day first",
            examples=("13.05.2024", "13.05.2024 08:28", "4.6.2019"),
            near_misses=("Version 1.2.2019.3", "Kapitel 13.05", "127.0.0.1"),
        ),
        Rule(
            "date.yy_md_time",
            r"(?<![\d:-])(?P<yy>\d{2})-(?P<m>\d{2})-(?P<d>\d{2})\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?!\d)",
            "two-digit year with a time, as some platforms print older posts",
            examples=("18-03-08 23:16",),
            near_misses=("编号 18-03-08",),
        ),
        Rule(
            "date.cjk_md",
            rf"(?<!\d)(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*日{_TIME}",
            "Chinese month-day without year",
            examples=("6月5日 08:30", "3月5日"),
            near_misses=("6个月5天",),
        ),
        Rule(
            "date.md_time",
            r"(?<![\d:/-])(?P<m>\d{1,2})[-/](?P<d>\d{1,2})\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?!\d)",
            "month-day with a time, the current-year form of feed platforms",
            examples=("10-08 12:00",),
            near_misses=("比分 25:61",),
        ),
        Rule(
            "date.en_dmy",
            rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MON},?\s+(?P<y>(?:19|20)\d{{2}})\b",
            "English day month year (3 March 2020, 3 March, 2020)",
            examples=("3 March 2020", "14 January, 2008", "3RD MARCH 2020"),
            near_misses=("Score 5040 points in 12 games",),
        ),
        Rule(
            "date.en_mdy",
            rf"\b{_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{{2}})\b",
            "English month day, year (March 3, 2020)",
            examples=("March 3, 2020", "Jan. 5, 2011", "SEPT. 5, 2011"),
            near_misses=("May 2020 was warm.",),
        ),
        Rule(
            "date.intl_dmy",
            rf"(?<![\w.])(?P<d>\d{{1,2}})\.?\s*(?:de\s+)?{_INTL_MON}(?!\w)\.?,?\s+"
            rf"(?:de\s+|del\s+)?(?P<y>(?:19|20)\d{{2}})(?!\d){_TIME}"
            r"(?!\s*[ap]\.?\s?m\b)",  # a 12-hour clock is left out, not read as 24-hour
            "day month year in German, Spanish, French, Italian, Portuguese, Dutch, Indonesian, "
            "Turkish or Polish ('4. Juni 2019', '4 de junio de 2019', '4 juin 2019', "
            "'4 czerwca 2019'); the month written out; a clock after it is kept when it "
            "reads as 24-hour",
            examples=("4. Juni 2019", "4. Juni 2019, 15:54", "4 de junio de 2019",
                      "2 de mayo de 2022", "4 juin 2019", "4 giugno 2019",
                      "4 czerwca 2019", "4 Haziran 2019", "4 Agustus 2019"),
            near_misses=("4 Marktstände 2019", "Seit 2019 gibt es 4 Juniorteams.",
                         "Er kam am 4. nach Hause, 2019 war es soweit."),
        ),
        Rule(
            "date.relative",
            r"(?:^|\s)(?P<rel>今天|昨天|前天|\d{1,2}\s*(?:分钟|小时|天)前)(?:\s|$)",
            "relative date as shown by apps and feeds; written form only, no ISO",
            examples=("3小时前", "5 分钟前", "昨天"),
            near_misses=("昨天的会议很成功。",),
        ),
    ]
)
_COMPILED = {rule.id: LazyRegex(rule) for rule in DATE_RULES}  # compiled on first use


def compile_patterns() -> None:
    """Compile the date patterns now (see :func:`cleanweb.extract.compile_rules`)."""
    for lazy in _COMPILED.values():
        lazy.get()

#: What text must contain for each date rule to match, as alternatives (stdlib ``re``,
#: whose scans for a digit or a literal are several times cheaper than the full ``regex``
#: patterns). A rule's pattern runs only when a guard of it occurs; ``\s`` of ``re``
#: covers every space ``regex`` knows.
DATE_GUARDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "date.cjk_ymd": (r"\d\s*年",),
        "date.iso_ymd": (r"\d\d{3}[-/.]\d",),
        "date.dmy_dots": (r"\d\.\d\d?\.(?:19|20)\d\d",),
        "date.yy_md_time": (r"\d-\d\d-\d",),
        "date.cjk_md": (r"\d\s*月",),
        "date.md_time": (r"\d[-/]\d\d?\s",),
        "date.en_dmy": (rf"\d(?i:(?:st|nd|rd|th)?\s+(?:{_MON_NAMES}))",),  # day month
        "date.en_mdy": (r"\d(?i:(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d)",),  # day, year
        "date.intl_dmy": (rf"\d(?i:\.?\s*(?:de\s+)?{_INTL_MON})",),
        "date.relative": (r"\d\s*(?:分钟|小时|天)前", "今天", "昨天", "前天"),
    }
)
_GUARDS = {rule_id: re.compile("|".join(alts)) for rule_id, alts in DATE_GUARDS.items()}
_ALTS = [alt for alts in DATE_GUARDS.values() for alt in alts]
#: The union of :data:`DATE_GUARDS` in two scans, one led by a digit and one by a word, so
#: each skips fast to where it can start: text with neither holds no date (most text,
#: including most text with numbers).
DATE_DIGITS = r"\d(?:" + "|".join(a.removeprefix(r"\d") for a in _ALTS if a.startswith(r"\d")) + ")"
DATE_WORDS = "|".join(a for a in _ALTS if not a.startswith(r"\d"))
_DATE_DIGITS = re.compile(DATE_DIGITS)
_DATE_WORDS = re.compile(DATE_WORDS)


def maybe_date(text: str) -> bool:
    """Whether ``text`` may hold a date at all (cheap; no false negatives)."""
    return _DATE_DIGITS.search(text) is not None or _DATE_WORDS.search(text) is not None


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in text: ``text`` as written, ``iso`` when the year is known."""

    text: str
    iso: str | None
    rule: str
    start: int
    end: int


def find_date(text: str) -> DateMatch | None:
    """The earliest date in ``text``; at equal positions the more explicit shape wins
    (table order), so "2019-09-07 13:43" is never read as "09-07 13:43"."""
    if not maybe_date(text):  # most text has no date at all: skip the table
        return None
    best: DateMatch | None = None
    for rule in DATE_RULES:
        if best is not None and best.start == 0:
            break  # nothing can start earlier
        if _GUARDS[rule.id].search(text) is None:
            continue
        m = search(_COMPILED[rule.id], text)
        if m is None:
            continue
        groups = m.groupdict()
        if not _plausible(groups):
            continue
        written = m.group(0).strip()
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        if best is None or start < best.start:
            best = DateMatch(written, _iso(groups), rule.id, start, start + len(written))
    return best


def normalize(text: str) -> str | None:
    """ISO 8601 for a written date, or None when there is none or the year is unknown."""
    found = find_date(text)
    return found.iso if found else None


# A match's groups; those a rule's pattern requires are never None.
Groups = dict[str, Any]
_MONTH_OF = MappingProxyType({name[:3]: i for i, name in enumerate(_MONTHS, 1)})


def _plausible(groups: Groups) -> bool:
    if groups.get("rel"):
        return True
    month, day = _month(groups), int(groups["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False
    hour = groups.get("H")
    return hour is None or (int(hour) < 24 and int(groups["M"]) < 60)


def _month(groups: Groups) -> int:
    name = groups.get("mon")
    if name:
        return _MONTH_OF.get(name.casefold()[:3], 0)  # 0: implausible
    name = groups.get("imon")
    if name:
        return _INTL_MONTHS.get(name.lower(), 0)
    return int(groups["m"])


def _year(groups: Groups) -> int | None:
    if groups.get("y"):
        return int(groups["y"])
    if groups.get("yy"):
        return 2000 + int(groups["yy"])
    return None


def _iso(groups: Groups) -> str | None:
    year = _year(groups)
    if year is None:
        return None
    out = f"{year:04d}-{_month(groups):02d}-{int(groups['d']):02d}"
    if groups.get("H"):
        out += f"T{int(groups['H']):02d}:{groups['M']}:{groups.get('S') or '00'}"
        zone = groups.get("Z")
        if zone:
            out += "Z" if zone == "Z" else f"{zone[:3]}:{zone[-2:]}"
    return out


def same_day(iso: str, written: DateMatch) -> bool:
    """Whether a full ISO date agrees with a year-less written date (month and day)."""
    found = find_date(written.text)
    if found is None or found.rule == "date.relative":
        return False
    m = search(_COMPILED[found.rule], written.text)
    if m is None:
        return False
    groups = m.groupdict()
    return iso[5:10] == f"{_month(groups):02d}-{int(groups['d']):02d}"


def fill_year(written: DateMatch, iso_hint: str | None) -> str | None:
    """ISO for a year-less written date, taking the year from ``iso_hint`` when the
    month and day agree (a meta tag usually carries the full timestamp)."""
    if written.iso is not None:
        return written.iso
    if not iso_hint or len(iso_hint) < 10 or not same_day(iso_hint, written):
        return None
    m = search(_COMPILED[written.rule], written.text)
    groups = m.groupdict() if m is not None else {}
    if not groups.get("H"):
        return iso_hint
    return f"{iso_hint[:10]}T{int(groups['H']):02d}:{groups['M']}:{groups.get('S') or '00'}"

"""The synthetic corpus: deterministic, evenly spread, true to its eras, and its truth exact.

The truth checks read the text independently of the generator (their own date finder, the
vocabulary's area names) so that a generator recording a fact it did not write fails here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import Counter

import pytest
from django.core.management import call_command

from devtools.corpus import generate, write_corpus
from inspections import vocabulary as vocab
from tests.scoring import extract, score

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
MONTHS = {name.lower(): n for n, month in enumerate(MONTH_NAMES, 1) for name in (month, month[:3])}
_MONTH = r"(?P<month>[A-Za-z]+)"
DATE_PATTERNS = (
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})"),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}),\s+(?P<year>\d{{4}})"),
    re.compile(r"\b(?P<day>\d{2})[/.](?P<month>\d{2})[/.](?P<year>\d{4})\b"),
)
NUMBER_WORDS = (
    "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen",
)  # fmt: skip
GRADE_WORDS = {
    "outstanding": "outstanding",
    "good": "good",
    "adequate": "adequate",
    "requires-improvement": "requires improvement",
    "inadequate": "inadequate",
}
FURNITURE = re.compile(
    r"^\s*(?:page \d+(?: of \d+)?|- \d+ -|\d+|\d+ \| p a g e|official(?: - public)?|"
    r"not protectively marked|[\u00b91] .*|>?\.\.\. cont'd|cont'd/|continued overleaf)\s*$",
    re.IGNORECASE | re.MULTILINE,
)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    for curly, straight in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"')):
        text = text.replace(curly, straight)
    return re.sub(r"\s+", " ", text)


def dates_in(text: str) -> set[dt.date]:
    found = set()
    folded = fold(text)
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(folded):
            month = match.group("month")
            month = int(month) if month.isdigit() else MONTHS.get(month.lower())
            try:
                found.add(dt.date(int(match.group("year")), month, int(match.group("day"))))
            except (TypeError, ValueError):
                continue
    return found


def count_stated(text: str, count: int, noun: str) -> bool:
    """Whether the text states ``count`` of ``noun`` ('areas? for improvement', ...)."""
    number = rf"(?:{count}|{NUMBER_WORDS[count]})" if count < len(NUMBER_WORDS) else str(count)
    if count == 0:
        number = r"(?:no|any)"
    return bool(
        re.search(rf"\b{number}\s+{noun}", text, re.IGNORECASE)
        or re.search(rf"{noun}:\s*{count or '(?:None|0)'}\b", text, re.IGNORECASE)
    )


def area_named(text: str, area: str, kind: str) -> bool:
    lowered = text.lower()
    terms = {term.key: term for term in (*vocab.AREAS, *vocab.PILLARS)}
    names = [name.lower() for name in terms[area].all_names]
    if area in ("effectiveness", "efficiency", "legitimacy"):
        names += ["keeps people safe", "legitimately"]
        if kind == f"peel-{area}":
            return True  # a single-pillar report: the pillar is the area
    if area == "serious-organised-crime":
        names += ["organised crime"]
    return any(name in lowered for name in names)


@pytest.fixture(scope="module")
def corpus():
    return list(generate(400, 43, (2014, 2025), seed="test"))


def test_generate_same_seed_gives_same_letters():
    first = list(generate(30, 43, (2014, 2025), seed=5))
    again = list(generate(30, 43, (2014, 2025), seed=5))
    other = list(generate(30, 43, (2014, 2025), seed=6))

    assert first == again
    assert [letter.text for letter in first] != [letter.text for letter in other]


def test_write_corpus_same_seed_writes_same_bytes(tmp_path):
    write_corpus(tmp_path / "a", n=25, seed=9)
    write_corpus(tmp_path / "b", n=25, seed=9)

    names = sorted(path.name for path in (tmp_path / "a").iterdir())
    assert len(names) == 26
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    truth = json.loads((tmp_path / "a" / "truth.json").read_text(encoding="utf-8"))
    assert sorted(truth) == [name for name in names if name != "truth.json"]


def test_generate_spreads_letters_evenly_over_forces_and_years():
    letters = list(generate(43 * 12, 43, (2014, 2025), seed=1))

    forces = Counter(letter.truth["force"] for letter in letters)
    years = Counter(letter.truth["date"][:4] for letter in letters if letter.truth["date"])

    assert set(forces.values()) == {12}
    assert sorted(years) == [str(year) for year in range(2014, 2026)]
    assert all(38 <= count <= 43 for count in years.values())


def test_generate_first_k_forces_and_year_span():
    letters = list(generate(40, 5, (2019, 2020), seed=1))

    assert {letter.truth["force"] for letter in letters} == {f.name for f in vocab.FORCES[:5]}
    assert {letter.truth["date"][:4] for letter in letters if letter.truth["date"]} == {
        "2019",
        "2020",
    }


def test_generate_rejects_years_outside_the_eras():
    with pytest.raises(ValueError, match="2014-2025"):
        generate(5, 43, (2010, 2012), seed=1)


def test_truth_scalars_appear_in_the_text(corpus):
    for name, text, truth in corpus:
        folded = fold(text)
        if truth["reference"]:
            assert truth["reference"] in text, name
        if truth["commissioner"]:
            assert truth["commissioner"] in folded, name
        if truth["recipient"]:
            assert truth["recipient"].split()[-1] in folded, name
        force = vocab.FORCES_BY_NAME[truth["force"]]
        assert any(alias in folded for alias in force.all_names), name
        if truth["date"]:
            assert dt.date.fromisoformat(truth["date"]) in dates_in(text), name
        if truth["inspection"]["published"]:
            assert dt.date.fromisoformat(truth["inspection"]["published"]) in dates_in(text), name


def test_truth_period_is_named_or_inferred_as_the_seeds_infer_it(corpus):
    for name, text, truth in corpus:
        inspection = truth["inspection"]
        period = inspection["period"]
        if period is None:
            continue
        first, _, last = period.partition("/")
        spellings = [period, f"{first}-{last}", f"{first}\u2013{last}", f"{first}\u20132025"]
        named = any(spelling in text for spelling in spellings) or (
            len(period) == 4 and f"PEEL inspections for the {period}/" in text
        )
        inferred = (inspection["kind"], period) == ("peel", "2021/22") or (
            inspection["kind"] == "state-of-policing"
            and inspection["published"]
            and len(period) == 4
            and int(inspection["published"][:4]) - 1 == int(period)
        )
        assert named or inferred, name


def test_truth_grades_and_counts_appear_in_the_text(corpus):
    for name, text, truth in corpus:
        lowered = fold(text).lower()
        for area, grade in truth["grades"]:
            assert GRADE_WORDS[grade] in lowered, name
            assert area_named(fold(text), area, truth["inspection"]["kind"]), (name, area)
        for grade, count in truth.get("grade_summary", {}).items():
            assert GRADE_WORDS[grade] in lowered, name
            assert str(count) in lowered or NUMBER_WORDS[count] in lowered, name
        if truth["areas_for_improvement_count"] is not None:
            noun = r"areas? for improvement"
            assert count_stated(fold(text), truth["areas_for_improvement_count"], noun), name
        if truth["causes_of_concern_count"] is not None:
            noun = r"causes? (?:of|for) concern"
            assert count_stated(fold(text), truth["causes_of_concern_count"], noun), name


def test_truth_afis_are_the_letters_words_without_page_furniture(corpus):
    for name, text, truth in corpus:
        without_furniture = fold(FURNITURE.sub("", text.replace("\r\n", "\n")))
        for number, afi in truth["afis"]:
            assert afi == " ".join(afi.split()), name
            assert afi in without_furniture, (name, number)
            assert re.search(rf"\b{number}\b", without_furniture), name


def test_eras_grades_and_area_names_match_the_date(corpus):
    for name, text, truth in corpus:
        when = truth["date"] or truth["inspection"]["published"]
        year = int(when[:4]) if when else None
        lowered = text.lower()
        kind = truth["inspection"]["kind"]
        if year and year < 2021:
            assert not re.search(r"\badequate", lowered), name
        if kind.startswith("peel-") and year:
            assert year <= 2018, name
        if year and (
            "police powers and public treatment" in lowered or "leadership and" in lowered
        ):
            assert year >= 2023, name
        if year and "developing a positive workplace" in lowered:
            assert 2021 <= year <= 2023, name
        grades = {grade for _, grade in truth["grades"]}
        if kind.startswith("peel-") or kind == "crime-data-integrity":
            assert "adequate" not in grades, name


def test_commissioners_hold_the_office_of_their_force_and_date():
    essex = list(generate(24, ["Essex Police"], (2016, 2025), seed=2))
    met = list(generate(12, ["Metropolitan Police Service"], (2014, 2025), seed=2))
    city = list(generate(12, ["City of London Police"], (2014, 2025), seed=2))

    for _, text, truth in essex:
        if truth["date"] and truth["date"] >= "2018" and truth["commissioner"]:
            assert "Police, Fire and Crime Commissioner" in text
    for _, text, truth in met:
        if truth["commissioner"]:
            assert "Mayor" in text
    assert all(truth["commissioner"] is None for _, _, truth in city)


def test_recipients_are_in_office_on_the_letters_date(corpus):
    for name, _, truth in corpus:
        when = truth["date"]
        if not when or not truth["recipient"]:
            continue
        if truth["recipient"] == "Thomas Winsor":
            assert when < "2022-04-01", name
        if truth["recipient"] == "Andy Cooke":
            assert when >= "2022-04-01", name
        if truth["recipient"] == "Amber Rudd":
            assert "2016-07-13" <= when <= "2018-04-29", name


def test_commissioners_change_at_elections():
    letters = list(generate(12 * 4, ["Kent Police"], (2014, 2025), seed=4))
    by_term: dict[int, set[str]] = {}
    for _, _, truth in letters:
        if truth["date"] and truth["commissioner"]:
            term = sum(truth["date"] >= d for d in ("2016-05-05", "2021-05-06", "2024-05-02"))
            by_term.setdefault(term, set()).add(truth["commissioner"])

    assert all(len(names) == 1 for names in by_term.values())
    assert len(by_term) == 4


def test_generate_corpus_command_writes_letters_and_truth(tmp_path):
    call_command("generate_corpus", "--letters", "12", "--forces", "3", "--out", str(tmp_path))

    truth = json.loads((tmp_path / "truth.json").read_text(encoding="utf-8"))
    assert len(truth) == 12
    assert {record["force"] for record in truth.values()} == {f.name for f in vocab.FORCES[:3]}


def test_parser_scores_at_least_99_percent_on_a_small_corpus(tmp_path):
    write_corpus(tmp_path, n=200, seed="suite")
    truth = json.loads((tmp_path / "truth.json").read_text(encoding="utf-8"))

    percent, mismatches = score([extract(tmp_path / name) for name in truth], truth)

    assert percent >= 99.0, "\n".join(mismatches)

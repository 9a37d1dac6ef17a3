"""inspections.vocabulary: PEEL cycles from the periods letters name."""

import datetime as dt
import re

import pytest

from inspections import vocabulary as vocab


@pytest.mark.parametrize(
    ("kind", "period", "published", "cycle"),
    [
        # One framework written several ways is one cycle.
        ("peel", "2023/24", None, "2023-25"),
        ("peel", "2023/25", None, "2023-25"),
        ("peel", "2023-2025", None, "2023-25"),
        ("peel", "2023–25", None, "2023-25"),
        ("peel", "2021/22", None, "2021-22"),
        ("peel", "2021", dt.date(2022, 4, 1), "2021-22"),  # "PEEL 2021" of a 2021/22 report
        ("peel", "2018/19", None, "2018-19"),
        ("serious-organised-crime", "2021/22", None, "2021-22"),
        # Pillar years stay years.
        ("peel-effectiveness", "2017", None, "2017"),
        ("peel-legitimacy", "2016/17", None, "2016"),
        ("peel", "2016", None, "2016"),
        # Other inspections keep their own years, written the same way.
        ("state-of-policing", "2013/14", None, "2013-14"),
        ("state-of-policing", "2021", None, "2021"),
        ("crime-data-integrity", "2020", None, "2020"),
        # No period: an integrated PEEL report's date names its framework; nothing else does.
        ("peel", "", dt.date(2024, 12, 5), "2023-25"),
        ("peel", "", dt.date(2016, 12, 5), ""),
        ("thematic", "", dt.date(2024, 12, 5), ""),
        ("peel", "", None, ""),
        # Words typed in the admin that are not years still make a key.
        ("peel", "2023 Revisit", None, "2023-revisit"),
    ],
)
def test_cycle_for(kind, period, published, cycle):
    assert vocab.cycle_for(kind, period, published) == cycle


def test_cycle_keys_are_url_safe():
    periods = ["2023/24", "2023–2025", "2013/14", "  2016 ", "PEEL 2023/24 (re-visit)", "?&/"]
    keys = [vocab.cycle_for(kind, p) for kind in ("peel", "thematic") for p in periods]

    assert all(re.fullmatch(vocab.CYCLE_PATTERN, key) for key in keys if key)


def test_framework_cycles_cover_their_years():
    by_cycle = {f.cycle: list(f.years) for f in vocab.FRAMEWORKS if f.cycle}

    assert by_cycle == {
        "2018-19": [2018, 2019],
        "2021-22": [2021, 2022],
        "2023-25": [2023, 2024, 2025],
    }


def test_cycle_label_writes_a_span_with_an_en_dash():
    assert [vocab.cycle_label(c) for c in ("2023-25", "2016", "")] == ["2023–25", "2016", ""]


def test_every_force_is_in_exactly_one_of_the_nine_english_regions_or_wales():
    from inspections.vocabulary import FORCES, REGION_OF_FORCE, REGIONS

    listed = [slug for _, _, slugs in REGIONS for slug in slugs]
    assert len(REGIONS) == 10 and len(listed) == len(set(listed)) == 43
    assert set(listed) == {force.slug for force in FORCES}
    wales = {force.slug for force in FORCES if force.country == "Wales"}
    assert {slug for slug, region in REGION_OF_FORCE.items() if region == "wales"} == wales


def test_each_peel_cycle_has_its_framework_and_areas():
    from inspections.vocabulary import FRAMEWORK_AREAS, PEEL_CYCLES, framework_of_cycle

    keys = [framework_of_cycle(cycle).key for cycle in PEEL_CYCLES]
    assert keys == ["peel-2014-17"] * 4 + ["peel-2018-19", "peel-2021-22", "peel-2023-25"]
    assert FRAMEWORK_AREAS["peel-2018-19"] == ("effectiveness", "efficiency", "legitimacy")
    assert len(FRAMEWORK_AREAS["peel-2023-25"]) == 9
    assert framework_of_cycle("2020") is None and framework_of_cycle("2019") is None

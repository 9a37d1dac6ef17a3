import datetime as dt
import itertools
import json

import plotly.graph_objects as go
import pytest
from django.template.defaultfilters import date as date_filter
from django.utils.html import json_script

from inspections import charts
from inspections import vocabulary as vocab
from inspections.models import Grade
from tests.builders import make_answered_inspection, make_grade


def _point(when, area="preventing-crime", grade="good", **kwargs):
    kwargs.setdefault("inspection", "PEEL inspection")
    return charts.GradePoint(when=when, area=area, grade=grade, **kwargs)


def test_grade_timeline_without_dated_points_is_none():
    assert charts.grade_timeline([]) is None
    assert charts.grade_timeline([_point(None)]) is None


def test_grade_timeline_is_a_valid_plotly_figure():
    points = [
        _point(dt.date(2022, 5, 1), quote="x"),
        _point(dt.date(2024, 12, 5), grade="adequate"),
    ]

    figure = charts.grade_timeline(points)

    go.Figure(figure)  # raises on any property plotly does not know


def test_grade_timeline_one_series_per_area_plots_rank_and_date():
    points = [
        _point(dt.date(2022, 5, 1), "preventing-crime", "outstanding"),
        _point(dt.date(2022, 5, 1), "investigating-crime", "adequate"),
        _point(dt.date(2024, 12, 5), "investigating-crime", "good"),
    ]

    traces = charts.grade_timeline(points)["data"]

    by_name = {trace["name"]: trace for trace in traces}
    assert set(by_name) == {"Preventing crime", "Investigating crime"}
    assert by_name["Investigating crime"]["x"][-1] == "2024-12-05"
    assert round(by_name["Investigating crime"]["y"][-1]) == vocab.GRADE_RANK["good"]
    assert [round(y) for y in by_name["Preventing crime"]["y"]] == [vocab.GRADE_RANK["outstanding"]]


def test_grade_timeline_breaks_the_line_between_frameworks():
    points = [_point(dt.date(2018, 3, 22)), _point(dt.date(2022, 5, 18))]

    trace = charts.grade_timeline(points)["data"][0]

    assert trace["x"] == ["2018-03-22", None, "2022-05-18"]
    assert trace["connectgaps"] is False


def test_grade_timeline_marks_each_framework_start_inside_the_range():
    points = [_point(dt.date(2018, 3, 22)), _point(dt.date(2024, 12, 5))]

    layout = charts.grade_timeline(points)["layout"]

    lines = [shape["x0"] for shape in layout["shapes"] if shape["type"] == "line"]
    assert lines == ["2018-09-01", "2021-06-01", "2023-06-01"]
    labels = [annotation["text"] for annotation in layout["annotations"]]
    assert labels[0].startswith("PEEL 2014–17") and "5-point" in labels[-1]


def test_grade_timeline_labels_the_axis_in_words():
    layout = charts.grade_timeline([_point(dt.date(2022, 5, 1))])["layout"]

    assert layout["yaxis"]["ticktext"] == [vocab.GRADE_LABELS[g] for g in vocab.GRADES]


def test_grade_timeline_shades_a_term_in_office():
    shade = charts.Shade(dt.date(2021, 5, 1), dt.date(2024, 5, 1), "In office")

    layout = charts.grade_timeline([_point(dt.date(2022, 5, 1))], shade=shade)["layout"]

    rect = layout["shapes"][0]
    assert (rect["type"], rect["x0"], rect["x1"]) == ("rect", "2021-05-01", "2024-05-01")


def test_grade_timeline_escapes_letter_text_in_hover():
    point = _point(dt.date(2022, 5, 1), quote="<b>bold</b> claim", inspection="A & B")

    custom = charts.grade_timeline([point])["data"][0]["customdata"][0]

    assert custom[1] == "A &amp; B"
    assert "<b>" not in custom[2] and "&lt;b&gt;" in custom[2]


def test_grade_timeline_carries_the_evidence_url_for_clicks():
    point = _point(dt.date(2022, 5, 1), url="/letters/1/#grade-3")

    assert charts.grade_timeline([point])["data"][0]["customdata"][0][3] == "/letters/1/#grade-3"


def test_grade_distribution_counts_in_scale_order():
    figure = charts.grade_distribution({"good": 4, "outstanding": 3})

    go.Figure(figure)
    assert figure["data"][0]["x"] == ["Outstanding", "Good"]
    assert figure["data"][0]["y"] == [3, 4]


def test_grade_distribution_empty_is_none():
    assert charts.grade_distribution({}) is None


@pytest.mark.django_db
def test_points_from_grades_link_like_the_grades_themselves():
    inspection = make_answered_inspection()
    letter = inspection.letters.get()
    make_grade(inspection=inspection, letter=letter, area="leadership", start=None)
    make_grade(inspection=inspection, letter=None, area="vetting")

    rows = list(Grade.objects.filter(inspection=inspection).timeline())
    points = charts.points_from_grades(rows)
    grades = [Grade.objects.get(pk=row.pk) for row in rows]

    assert [p.url for p in points] == [g.evidence_url for g in grades]
    assert {p.inspection_url for p in points} == {inspection.get_absolute_url()}
    assert [p.from_letter for p in points] == [g.letter_id is not None for g in grades]
    assert len({p.url for p in points}) == 4  # quote anchors, the letter, the inspection


def test_grade_point_dates_read_like_the_date_filter():
    for when in (dt.date(2024, 12, 5), dt.date(2019, 9, 30), dt.date(2021, 5, 1)):
        assert _point(when).when_label == date_filter(when)  # DATE_FORMAT: "5 December 2024"
    assert _point(dt.date(2024, 12, 5)).when_label == "5 December 2024"
    assert _point(None).when_label == ""


@pytest.mark.django_db
def test_points_from_grades_name_inspections_like_the_inspections_themselves():
    titled = make_answered_inspection()
    untitled = make_answered_inspection(title="", period="2021/22")

    rows = Grade.objects.filter(inspection__in=[titled, untitled]).timeline()

    names = {p.inspection for p in charts.points_from_grades(rows)}
    assert names == {str(titled), str(untitled)}
    assert str(untitled).endswith("2021/22")


def test_figure_json_escapes_like_json_script():
    point = _point(dt.date(2022, 5, 1), inspection="</script><b>&", quote="Good ‘so far’")
    figure = charts.grade_timeline([point])

    written = figure.json

    script = json_script(figure, "x")
    assert "<" not in written and ">" not in written and "&" not in written
    assert json.loads(written) == json.loads(script[script.index(">") + 1 : -len("</script>")])


def test_grade_point_table_row_escapes_and_links_the_letter_text():
    point = _point(
        dt.date(2022, 5, 1),
        inspection="<b>PEEL</b>",
        quote='"good" & <i>more</i>',
        url="/letters/1/#grade-3",
        inspection_url="/inspections/2/",
        from_letter=True,
    )

    row = point.table_row

    assert '<td><time datetime="2022-05-01">1 May 2022</time></td><td>Preventing crime</td>' in row
    assert '<span class="grade grade--good">Good</span>' in row
    assert '<a href="/inspections/2/">&lt;b&gt;PEEL&lt;/b&gt;</a>' in row
    assert (
        '<a href="/letters/1/#grade-3" class="quote-link">“&quot;good&quot; &amp; &lt;i&gt;' in row
    )


def test_grade_point_table_row_without_date_or_quote_says_so():
    from_letter = _point(None, url="/letters/1/", from_letter=True).table_row
    unread = _point(None, url="/inspections/2/").table_row

    assert "<td>Not known</td>" in from_letter
    assert '<a href="/letters/1/">The letter</a>' in from_letter
    assert unread.endswith("<td>—</td></tr>")


def test_grade_timeline_keeps_areas_with_one_grade_on_one_date_apart():
    """A cycle grading nine areas good on one date is nine dots, not one: each area sits at
    its own height inside the band of its grade, and the band's edges are grid lines."""
    when = dt.date(2024, 3, 1)
    areas = [term.key for term in vocab.AREAS[:9]]
    figure = charts.grade_timeline([_point(when, area, "good") for area in areas])

    heights = [trace["y"][0] for trace in figure["data"]]
    rank = vocab.GRADE_RANK["good"]
    assert len(set(heights)) == 9
    assert all(rank - 0.5 < height < rank + 0.5 for height in heights)
    ordered = sorted(heights)
    assert min(b - a for a, b in itertools.pairwise(ordered)) >= 0.08
    assert figure["layout"]["yaxis"]["minor"]["tickvals"] == [1.5, 2.5, 3.5, 4.5]
    go.Figure(figure)


def test_grade_distribution_axis_has_a_few_ticks_and_room_for_labels_at_national_size():
    figure = charts.grade_distribution({"good": 132, "requires-improvement": 61, "outstanding": 9})

    go.Figure(figure)
    yaxis = figure["layout"]["yaxis"]
    assert "dtick" not in yaxis and yaxis["nticks"] <= 6
    assert yaxis["range"][1] > 132  # the tallest bar's label fits above it
    assert figure["data"][0]["cliponaxis"] is False

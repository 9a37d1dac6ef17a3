"""Public dashboard pages: home, forces, commissioners, inspections and findings.

Each page reads through named QuerySet methods with their joins built in, so the number of
queries per page is fixed whatever the number of forces, letters or grades (tests pin it).
Every read of letters, inspections, grades and findings starts from ``public()``: a withdrawn
letter and what was read from it, and rows staff deleted, are on no page and in no figure.
"""

import datetime as dt
from collections import defaultdict

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Value,
    When,
)
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import urlencode

from letters.models import FILING_NOTE, Letter
from pccsite.db import prebuilt
from pccsite.listing import ListingView

from . import accountability, chart_svg, charts, compare, overview
from . import vocabulary as vocab
from .filters import CommissionerFilter, FindingFilter, ForceFilter, GradeFilter, InspectionFilter
from .models import AreaForImprovement, Commissioner, CommissionerTerm, Force, Grade, Inspection
from .review import grade_review
from .tables import CommissionerTable, FindingTable, ForceTable, GradeTable, InspectionTable

LATEST = 5
# Long sections of a force's or commissioner's page show their newest rows and link to the
# filtered list for the rest, so the page's size and time do not grow with the history.
SECTION_ROWS = 10

# The detail pages' QuerySets with counted subqueries, built once per process (pccsite.db).
_forces_with_counts = prebuilt(lambda: Force.objects.with_counts())
_inspections_with_counts = prebuilt(
    lambda: Inspection.objects.public().with_counts().latest_first()
)
_commissioners_with_stats = prebuilt(
    lambda: Commissioner.objects.with_letter_stats().with_finding_count().with_terms()
)
_letters_listed = prebuilt(lambda: Letter.objects.public().listing())
_findings_in_context = prebuilt(lambda: AreaForImprovement.objects.public().with_context())
_public_grades = prebuilt(lambda: Grade.objects.public())


def home(request):
    distribution, framework = _latest_cycle_distribution()
    context = {
        "counts": _site_counts(),
        "latest_letters": _letters_listed().latest_first()[:LATEST],
        "latest_inspections": Inspection.objects.public().with_force().latest_first()[:LATEST],
        "framework": framework,
        "distribution": distribution,
        "distribution_chart": charts.grade_distribution(dict(distribution)),
    }
    return render(request, "inspections/home.html", context)


def force_detail(request, slug):
    force = get_object_or_404(_forces_with_counts(), slug=slug)
    grades = charts.points_from_grades(_public_grades().for_force(force).timeline())
    inspections = _inspections_with_counts().for_force(force)
    findings = _findings_in_context().for_force(force).by_inspection()
    terms = list(CommissionerTerm.objects.for_force(force).with_letter_count().by_start())
    chart = charts.grade_timeline(grades)
    newest = list(inspections[:SECTION_ROWS])
    context = {
        "force": force,
        "grades": grades,
        "chart": chart,
        # Painted with the HTML; Plotly replaces it once loaded (inspections/chart_svg.py).
        "chart_static": chart_svg.timeline_svg(chart),
        "inspections": newest,
        "letters": list(_letters_listed().for_force(force).latest_first()[:SECTION_ROWS]),
        "terms": terms,
        "in_office": _in_office_now(terms),
        "findings": list(findings[:SECTION_ROWS]),
        "section_rows": SECTION_ROWS,
        "all_inspections_url": _filtered("inspections:inspection_list", force=force.pk),
        "all_letters_url": _filtered("letters:letter_list", force=force.pk),
        "all_findings_url": _filtered("inspections:finding_list", force=force.pk),
        "official_cycles": compare.official_by_cycle(force),
        **overview.force_overview(grades, newest),
    }
    context.update(accountability.for_force(force, context["findings"]))
    return render(request, "inspections/force_detail.html", context)


def commissioner_detail(request, slug):
    commissioner = get_object_or_404(_commissioners_with_stats(), slug=slug)
    letters = _letters_listed().for_commissioner(commissioner).latest_first()
    answered, force_grades, force_only = _answered_and_force_grades(commissioner)
    terms = list(commissioner.terms.all())
    shades = _terms_in_office(commissioner, terms)
    findings = _findings_in_context().for_commissioner(commissioner)
    context = {
        "commissioner": commissioner,
        "letters": list(letters[:SECTION_ROWS]),
        "terms": terms,
        "current_term": terms[-1] if terms else None,
        "in_office": Inspection.objects.public().in_office_of(commissioner).response_counts(),
        "grades": answered,
        "chart": charts.grade_timeline(answered),
        "force_chart": charts.grade_timeline(force_grades, shades=shades),
        "force_only_grades": force_only,
        "findings": list(findings.by_inspection()[:SECTION_ROWS]),
        "section_rows": SECTION_ROWS,
        "all_letters_url": _filtered("letters:letter_list", commissioner=commissioner.pk),
        "all_findings_url": _filtered("inspections:finding_list", commissioner=commissioner.pk),
    }
    # Painted with the HTML; Plotly replaces them once loaded (inspections/chart_svg.py).
    context["chart_static"] = chart_svg.timeline_svg(context["chart"])
    context["force_chart_static"] = chart_svg.timeline_svg(context["force_chart"])
    context.update(accountability.for_commissioner(commissioner))
    return render(request, "inspections/commissioner_detail.html", context)


def inspection_detail(request, pk):
    inspection = get_object_or_404(Inspection.objects.public().with_force(), pk=pk)
    grades = list(inspection.grades.public().dated().select_related("letter").defer("letter__text"))
    letters = list(_answering(inspection))
    findings = list(
        inspection.areas_for_improvement.public().select_related("letter").defer("letter__text")
    )
    same_cycle = list(inspection.others_of_its_cycle().public().order_by("published", "pk"))
    context = {
        "inspection": inspection,
        "framework": vocab.framework_for(inspection.published),
        "grades": grades,
        "letters": letters,
        "summaries": [(letter, _summary_check(letter, grades)) for letter in letters],
        "same_cycle": same_cycle,
        "filing": _filing_notes(letters, same_cycle),
        "afis": [f for f in findings if f.kind == AreaForImprovement.Kind.AFI],
        "concerns": [f for f in findings if f.kind != AreaForImprovement.Kind.AFI],
        "official": compare.beside_inspection(inspection, grades),
        "review": grade_review(grades),
    }
    context.update(accountability.for_inspection(inspection, letters, findings))
    return render(request, "inspections/inspection_detail.html", context)


class ForceListView(ListingView):
    export_name = "forces"
    queryset = Force.objects.listing().by_name()
    filterset_class = ForceFilter
    table_class = ForceTable
    heading = "Forces"
    intro = "The 43 territorial police forces of England and Wales."


class CommissionerListView(ListingView):
    export_name = "commissioners"
    queryset = (
        Commissioner.objects.registered()
        .with_letter_stats()
        .with_term_span()
        .order_by("force__name", "term_start", "name")
    )
    filterset_class = CommissionerFilter
    table_class = CommissionerTable
    heading = "Commissioners"
    intro = (
        "Everyone who has held the office for a force since November 2012: police and crime "
        "commissioners, police, fire and crime commissioners, mayors and their deputies for "
        "policing, and the City of London's police authority chairs, with the letters loaded "
        "here."
    )


class InspectionListView(ListingView):
    export_name = "inspections"
    queryset = Inspection.objects.public().with_counts().latest_first()
    filterset_class = InspectionFilter
    table_class = InspectionTable
    heading = "Inspections"
    intro = "HMICFRS inspections that the loaded letters answer."


class FindingListView(ListingView):
    export_name = "findings"
    queryset = AreaForImprovement.objects.public().with_context().by_inspection()
    filterset_class = FindingFilter
    table_class = FindingTable
    heading = "Findings"
    intro = (
        "Every area for improvement (AFI), cause of concern and recommendation the letters "
        "report, with the response to it. The Finding column says which each one is."
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breakdown"] = _findings_by_kind(context["filter"].qs)
        return context


class GradeListView(ListingView):
    export_name = "grades"
    queryset = (
        Grade.objects.public()
        .listing()
        .order_by(
            F("when").desc(nulls_last=True),
            "inspection__force__name",
            "inspection_id",
            "area",
            "pk",
        )
    )
    filterset_class = GradeFilter
    table_class = GradeTable
    heading = "Grades"
    intro = (
        "Every grade read from the letters, one row per grade, with the words it was read "
        "from. Grades compare only within one PEEL framework."
    )


def _site_counts():
    """(label, count, url, note) for the home page: each count is what its link lists."""
    with_letters = Exists(Letter.objects.public().filter(force=OuterRef("pk")))
    forces = Force.objects.aggregate(total=Count("pk"), loaded=Count("pk", filter=with_letters))
    afi = Q(kind=AreaForImprovement.Kind.AFI)
    findings = AreaForImprovement.objects.public().aggregate(
        afis=Count("pk", filter=afi), every=Count("pk")
    )
    others = findings["every"] - findings["afis"]
    return [
        (
            "Forces",
            forces["total"],
            reverse("inspections:force_list"),
            f"{forces['loaded']} with letters",
        ),
        (
            "Commissioners",
            Commissioner.objects.registered().count(),
            reverse("inspections:commissioner_list"),
            "",
        ),
        ("Letters", Letter.objects.public().count(), reverse("letters:letter_list"), ""),
        (
            "Inspections",
            Inspection.objects.public().count(),
            reverse("inspections:inspection_list"),
            "",
        ),
        (
            "Areas for improvement",
            findings["afis"],
            _filtered("inspections:finding_list", kind=AreaForImprovement.Kind.AFI),
            _and_other_findings(others),
        ),
    ]


def _and_other_findings(count):
    if not count:
        return ""
    if count == 1:
        return "and 1 cause of concern or recommendation"
    return f"and {count} causes of concern or recommendations"


def _findings_by_kind(findings):
    """ "3 areas for improvement, 1 cause of concern": the filtered findings by kind, one query."""
    counts = dict(findings.order_by().values_list("kind").annotate(n=Count("pk")))
    nouns = {
        AreaForImprovement.Kind.AFI: ("area for improvement", "areas for improvement"),
        AreaForImprovement.Kind.CAUSE_OF_CONCERN: ("cause of concern", "causes of concern"),
        AreaForImprovement.Kind.RECOMMENDATION: ("recommendation", "recommendations"),
    }
    return ", ".join(
        f"{counts[kind]} {one if counts[kind] == 1 else many}"
        for kind, (one, many) in nouns.items()
        if counts.get(kind)
    )


def _latest_cycle_distribution():
    """Grade counts within the newest PEEL framework that has any dated grade: one pass over
    the grades, counted by framework and grade (finding the newest date first, then counting
    within its framework, read every grade twice)."""
    newest_first = sorted(vocab.FRAMEWORKS, key=lambda f: f.starts, reverse=True)
    framework_of = Case(
        *(When(when__gte=f.starts, then=Value(f.key)) for f in newest_first),
        default=Value(""),
    )
    rows = (
        Grade.objects.public()
        .dated()
        .annotate(framework=framework_of)
        .order_by()
        .values_list("framework", "grade")
        .annotate(n=Count("pk"))
    )
    counts = defaultdict(dict)
    for key, grade, n in rows:
        counts[key][grade] = n
    framework = next((f for f in newest_first if counts.get(f.key)), None)
    if framework is None:
        return [], None
    found = counts[framework.key]
    return [(grade, found[grade]) for grade in vocab.GRADES if grade in found], framework


def _filtered(list_name, **params):
    """The URL of a listing page with its filters set."""
    return f"{reverse(list_name)}?{urlencode(params)}"


def _answered_and_force_grades(commissioner):
    """Points of the inspections the commissioner answered, of their force's grades, and of
    the force's grades the first list lacks.

    The page's force table lists only that last part, so the two tables together hold the
    force chart's data without printing a grade twice.
    """
    grades = Grade.objects.public().answered_by(commissioner)
    rows = list(grades.timeline("answered", "inspection__force"))
    answered, force, force_only = [], [], []
    for point, row in zip(charts.points_from_grades(rows), rows, strict=True):
        if row.answered:
            answered.append(point)
        if row.inspection__force == commissioner.force_id:
            force.append(point)
            if not row.answered:
                force_only.append(point)
    return answered, force, force_only


def _terms_in_office(commissioner, terms):
    """Shades for the commissioner's time in office, from the registry's terms: terms that
    follow one another (a re-election, a PCC becoming PFCC) make one shade."""
    spells = []
    for term in terms:
        if spells and term.start <= spells[-1][1] + dt.timedelta(days=1):
            spells[-1][1] = max(spells[-1][1], term.shade_end)
        else:
            spells.append([term.start, term.shade_end])
    label = f"{commissioner.name}: in office"
    return [charts.Shade(start, end, label) for start, end in spells]


def _in_office_now(terms):
    """The people holding the office today, from a force's terms (deputies after mayors)."""
    current = [term for term in terms if term.end is None]
    return sorted(current, key=lambda term: term.role == Commissioner.Title.DEPUTY_MAYOR)


def _answering(inspection):
    """The letters answering an inspection, with their load warnings (the notes on which
    inspection each was filed under are among them) and whether each states the report's
    publication date (a span the loader keeps only for words it read)."""
    states_date = ExpressionWrapper(
        Q(spans__has_key="inspection.published"), output_field=BooleanField()
    )
    letters = inspection.letters.public().listing().defer(None).defer("text", "spans")
    return letters.annotate(states_published=states_date).latest_first()


def _filing_notes(letters, same_cycle):
    """(letter, notes) for each letter whose inspection is in doubt: the loader's notes, or,
    for a letter that names the period alone while other reports of the cycle are stored,
    that it may answer one of those instead (a person who filed it settled that)."""
    filing = []
    for letter in letters:
        notes = [note.removeprefix(FILING_NOTE) for note in letter.filing_notes]
        settled = "inspection" in letter.edited_fields
        if not notes and same_cycle and not letter.states_published and not settled:
            notes = [
                "it names the period but not when the report was published, so it may "
                "answer another inspection of this cycle"
            ]
        if notes:
            filing.append((letter, notes))
    return filing


def _summary_check(letter, grades):
    named = [grade for grade in grades if grade.letter_id == letter.pk]
    return {
        "stated": letter.grade_summary_items,
        "differences": letter.grade_summary_differences(named),
    }

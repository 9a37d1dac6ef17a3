"""The compare pages: a PEEL cycle across every force (/peel/<cycle>/), an area across forces
and cycles (/areas/<key>/), and the index of cycles (/peel/).

Each reads a fixed number of queries (the forces, the letters' grades, the inspectorate's
grades and counts), whatever the number of forces and grades; tests pin them.
"""

from functools import cached_property

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from pccsite.listing import ListingView

from . import charts, compare
from . import vocabulary as vocab
from .compare_tables import CompareFilter, CycleTable
from .models import Force, OfficialGrade


def cycles_index(request):
    """Every PEEL cycle with its framework, and every area with a page."""
    counts = dict.fromkeys(vocab.PEEL_CYCLES, 0)
    for cycle in OfficialGrade.objects.graded().values_list("cycle", flat=True):
        counts[cycle] = counts.get(cycle, 0) + 1
    cycles = [
        {
            "cycle": cycle,
            "label": vocab.cycle_label(cycle),
            "framework": vocab.framework_of_cycle(cycle),
            "official": counts.get(cycle, 0),
            "url": reverse("inspections:peel_cycle", args=[cycle]),
        }
        for cycle in reversed(vocab.PEEL_CYCLES)
    ]
    return render(request, "inspections/peel_index.html", {"cycles": cycles, "areas": _areas()})


def _areas():
    keys = dict.fromkeys(key for areas in vocab.FRAMEWORK_AREAS.values() for key in areas)
    keys.update(dict.fromkeys(k for extra in vocab.FRAMEWORK_EXTRA_AREAS.values() for k in extra))
    return [
        (vocab.AREA_LABELS[key], reverse("inspections:area_detail", args=[key])) for key in keys
    ]


class PeelCycleView(ListingView):
    """Every force a row, every area of the cycle's framework a column, both sources per cell;
    sortable by any area, filtered by region and country, exported with both sources."""

    template_name = "inspections/peel_cycle.html"
    queryset = Force.objects.by_name()
    filterset_class = CompareFilter
    table_class = CycleTable

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.cycle = kwargs["cycle"]
        if self.cycle not in vocab.PEEL_CYCLES:
            raise Http404("No such PEEL cycle")
        self.framework = vocab.framework_of_cycle(self.cycle)
        self.export_name = f"peel-{self.cycle}"
        self.heading = f"PEEL {vocab.cycle_label(self.cycle)}: every force"

    @cached_property
    def rows_and_areas(self):
        return compare.cycle_rows(self.cycle, list(self.object_list))

    def get_table_data(self):
        return self.rows_and_areas[0]

    def get_table_kwargs(self):
        return {"cycle": self.cycle, "areas": self.rows_and_areas[1]}

    def get_table(self, **kwargs):
        """The table sorted from the request and never paginated: 43 forces are one page, and
        comparing them is the point."""
        table = self.get_table_class()(data=self.get_table_data(), **kwargs)
        table.request = self.request
        if order_by := self.request.GET.getlist(table.prefixed_order_by_field):
            table.order_by = order_by
        return table

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows, areas = self.rows_and_areas
        distribution = compare.distribution(rows, areas, self.framework.scale)
        context.update(
            cycle=self.cycle,
            cycle_label=vocab.cycle_label(self.cycle),
            framework=self.framework,
            scale=self.framework.scale,
            distribution=distribution,
            chart=charts.area_distribution(distribution),
            count_totals=compare.count_totals(rows),
            disagreements=sum(row.cell(area).disagrees for row in rows for area in areas),
            other_cycles=[
                (vocab.cycle_label(c), reverse("inspections:peel_cycle", args=[c]))
                for c in reversed(vocab.PEEL_CYCLES)
                if c != self.cycle
            ],
            area_links=[
                (vocab.AREA_LABELS[a], reverse("inspections:area_detail", args=[a])) for a in areas
            ],
        )
        return context


def area_detail(request, key):
    """An area across forces and cycles, and how each force moved from one cycle to the next."""
    cycles = compare.area_cycles(key)
    if not cycles:
        raise Http404("No PEEL framework grades this area")
    rows, cycles, moves = compare.area_rows(key, Force.objects.by_name())
    table = [
        (row, [(cycle, row.cell(cycle), moves.get((row.force.pk, cycle))) for cycle in cycles])
        for row in rows
    ]
    context = {
        "area": key,
        "label": vocab.AREA_LABELS[key],
        "names": _names(key),
        "cycles": [(c, vocab.cycle_label(c), vocab.framework_of_cycle(c)) for c in cycles],
        "breaks": _breaks(cycles),
        "table": table,
        "summary": compare.move_summary(cycles, moves),
    }
    return render(request, "inspections/area_detail.html", context)


def _names(key):
    term = next((t for t in (*vocab.AREAS, *vocab.PILLARS) if t.key == key), None)
    return term.names if term else ()


def _breaks(cycles):
    """(before, after, framework after) wherever the framework changes between two cycles."""
    return [
        (vocab.cycle_label(a), vocab.cycle_label(b), vocab.framework_of_cycle(b))
        for a, b in zip(cycles, cycles[1:], strict=False)
        if vocab.framework_of_cycle(a) != vocab.framework_of_cycle(b)
    ]

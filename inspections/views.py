"""Public dashboard pages."""

from django.shortcuts import get_object_or_404, render

from .models import Commissioner, Force, Inspection


def home(request):
    return render(request, "inspections/home.html", {"forces": Force.objects.by_name()})


def force_detail(request, slug):
    force = get_object_or_404(Force, slug=slug)
    return render(request, "inspections/force_detail.html", {"force": force})


def commissioner_detail(request, slug):
    commissioner = get_object_or_404(Commissioner.objects.with_force(), slug=slug)
    return render(request, "inspections/commissioner_detail.html", {"commissioner": commissioner})


def inspection_detail(request, pk):
    inspection = get_object_or_404(Inspection.objects.with_force(), pk=pk)
    return render(request, "inspections/inspection_detail.html", {"inspection": inspection})

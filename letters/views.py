"""Public pages for letters."""

from django.shortcuts import get_object_or_404, render

from .models import Letter


def letter_detail(request, pk):
    letter = get_object_or_404(Letter.objects.with_context(), pk=pk)
    return render(request, "letters/letter_detail.html", {"letter": letter})

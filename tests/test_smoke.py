import pytest

from inspections.models import Force
from inspections.vocabulary import FORCES


@pytest.mark.django_db
def test_forces_migration_creates_all_43_forces():
    assert Force.objects.count() == 43 == len(FORCES)
    assert Force.objects.get(slug="leicestershire").aliases[-1] == "LLR"

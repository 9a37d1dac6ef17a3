"""What the inspection page says people checked, and where its letters disagree.

Worked out from the grades the page shows already (each with its letter), so it costs no query:
an area two public letters grade differently is shown with both grades, their quotes and a
warning, never one of them silently; a grade a person corrected or confirmed says so, as
"staff" (the public page names no one).
"""

from collections import defaultdict

from pccsite.provenance import provenance


def grade_review(grades) -> dict:
    by_area = defaultdict(list)
    for grade in grades:
        by_area[grade.area].append(grade)
    disagreements = [
        (rows[0].area_label, rows) for rows in by_area.values() if len({r.grade for r in rows}) > 1
    ]
    checked = []
    for grade in grades:
        field = next(iter(grade.edited_fields), "grade") if grade.edited_fields else "grade"
        version = grade.letter.parser_version if grade.letter_id else ""
        source = provenance(grade, field, version, public=True, said=grade.quote)
        if source.checked:
            checked.append((grade, source))
    return {"disagreements": disagreements, "checked": checked}

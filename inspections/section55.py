"""The section 55 clock: whether a commissioner's comments on an inspection arrived in time.

Section 55 of the Police Act 1996 asks the local policing body to publish its comments on an
HMICFRS report about its force within 56 days of the report's publication. The site can only
say what it has loaded, so every status speaks of loaded letters: "no response loaded yet" is
never "no response made" (a letter may exist that nobody has loaded here).

The response date is the earliest date written on a public letter answering the inspection:
the letter's own date, which is usually, but not always, the day it was sent or published. A
letter without a date is a response whose date is not stated, never a late one.

``clock`` is the rule in Python, for one inspection whose letters are already in hand (the
inspection page). ``status_case`` is the same rule as SQL, for QuerySets that filter, sort and
count by it (``InspectionQuerySet.with_response_clock``); the tests hold both to the same cases.

"Today" is always an argument: pages pass ``today()``, which reads ``settings.SECTION55_TODAY``
(a date or ISO string; unset in production) so a test fixes the day. A cached page may say
"not yet due" for up to the page cache's lifetime (an hour) after midnight of the due day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Case, CharField, Q, Value, When
from django.utils import timezone
from django.utils.formats import date_format

RESPONSE_DAYS = 56
DUE_AFTER = dt.timedelta(days=RESPONSE_DAYS)

ON_TIME = "on-time"
LATE = "late"
NOT_LOADED = "no-response-loaded"
NOT_DUE = "not-yet-due"
UNDATED = "date-not-stated"

# In the order pages list them: what is settled, then what is still open.
STATUSES = (
    (ON_TIME, "On time"),
    (LATE, "Late"),
    (UNDATED, "Response date not stated"),
    (NOT_LOADED, "No response loaded yet"),
    (NOT_DUE, "Not yet due"),
)
STATUS_LABELS = dict(STATUSES)
# The statuses whose clock has run its course or been stopped by a response: what "N of M on
# time" counts M over. An unanswered report that is not yet due is neither on time nor late.
SETTLED = (ON_TIME, LATE, UNDATED, NOT_LOADED)


def today() -> dt.date:
    """The day the clock reads: ``settings.SECTION55_TODAY`` when set, else today in the
    site's time zone."""
    fixed = getattr(settings, "SECTION55_TODAY", None)
    if isinstance(fixed, str):
        return dt.date.fromisoformat(fixed)
    return fixed or timezone.localdate()


def due_date(published: dt.date) -> dt.date:
    return published + DUE_AFTER


@dataclass(frozen=True)
class Clock:
    """One inspection's clock: when its report was published, the earliest dated response
    loaded (None if none is dated), whether any public letter answers it, and the day read."""

    published: dt.date
    responded: dt.date | None
    answered: bool
    today: dt.date

    @property
    def due(self) -> dt.date:
        return due_date(self.published)

    @property
    def status(self) -> str:
        return status_of(self.published, self.responded, self.answered, self.today)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def days_late(self) -> int | None:
        """Days after the due date that the response is dated; None unless late."""
        return (self.responded - self.due).days if self.status == LATE else None

    @property
    def days_overdue(self) -> int | None:
        """Days since the due date with no response loaded; None unless so."""
        return (self.today - self.due).days if self.status == NOT_LOADED else None

    @property
    def days_to_respond(self) -> int | None:
        return (self.responded - self.published).days if self.responded else None

    @property
    def label(self) -> str:
        """The status in a short sentence: "Late by 3 days", "Not yet due (due 7 March 2024)"."""
        return label_of(self.status, self.published, self.responded, self.today)


def status_of(published: dt.date, responded: dt.date | None, answered: bool, today: dt.date) -> str:
    """The rule. A loaded response stops the clock: dated, it is on time up to and including
    the due day, else late; undated, its date is not stated. With none loaded, the report is
    "not yet due" up to and including the due day, then "no response loaded yet"."""
    due = due_date(published)
    if responded is not None:
        return ON_TIME if responded <= due else LATE
    if answered:
        return UNDATED
    return NOT_DUE if today <= due else NOT_LOADED


def label_of(status: str, published: dt.date, responded: dt.date | None, today: dt.date) -> str:
    due = due_date(published)
    if status == LATE:
        return f"Late by {_days((responded - due).days)}"
    if status == NOT_DUE:
        return f"Not yet due (due {date_format(due)})"
    if status == NOT_LOADED:
        return f"No response loaded yet (due {date_format(due)})"
    return STATUS_LABELS[status]


def days_late(published: dt.date, responded: dt.date | None) -> int | None:
    """Days after the due date that a response is dated; None unless it is late."""
    if responded is None or responded <= due_date(published):
        return None
    return (responded - due_date(published)).days


def _days(n: int) -> str:
    return f"{n} day{'' if n == 1 else 's'}"


def clock(
    published: dt.date | None, response_dates: list[dt.date | None], today: dt.date
) -> Clock | None:
    """The clock of a report published on ``published`` and answered by letters dated
    ``response_dates`` (None for an undated letter); None when the publication date is not
    known, since then there is no clock to read."""
    if published is None:
        return None
    dated = [day for day in response_dates if day is not None]
    return Clock(published, min(dated, default=None), bool(response_dates), today)


def status_case(today: dt.date) -> Case:
    """``status_of`` in SQL, over the annotations ``published``, ``responded`` (the earliest
    public letter's date), ``answered`` and ``response_delay`` (responded - published, a
    duration: date arithmetic every database compares the same way); NULL when unpublished."""
    return Case(
        When(published__isnull=True, then=None),
        When(Q(responded__isnull=False) & Q(response_delay__lte=DUE_AFTER), then=Value(ON_TIME)),
        When(responded__isnull=False, then=Value(LATE)),
        When(answered=True, then=Value(UNDATED)),
        When(published__gte=today - DUE_AFTER, then=Value(NOT_DUE)),
        default=Value(NOT_LOADED),
        output_field=CharField(),
    )


def summary(counts: dict[str, int]) -> dict:
    """What a force or commissioner page says from counts per status: ``on_time`` of
    ``settled`` (every report whose clock has run out or been stopped), and the rest in words."""
    settled = sum(counts.get(status, 0) for status in SETTLED)
    return {
        "on_time": counts.get(ON_TIME, 0),
        "settled": settled,
        "total": sum(counts.values()),
        "parts": [
            (status, label, counts[status]) for status, label in STATUSES if counts.get(status)
        ],
    }

"""The public site's list pages, named once for everything that visits them all: the soak
run, the browser tests and the read-only tests. No Django imports: the soak imports it before
any settings exist.
"""

LIST_PATHS = (
    "/",
    "/forces/",
    "/commissioners/",
    "/inspections/",
    "/letters/",
    "/areas-for-improvement/",
    "/grades/",
    "/section-55/",
    "/data/",
)

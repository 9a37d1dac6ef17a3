"""The parser benchmark's report keeps its hand-written sections across runs."""

from devtools.parse_bench import KEEP_MARKER, _kept_tail


def test_a_new_report_keeps_what_follows_the_marker(tmp_path):
    report = tmp_path / "bench.md"
    report.write_text(f"# old figures\n\n{KEEP_MARKER}\n\n## Held-out set\n\n90.7%\n", "utf-8")
    assert _kept_tail(report) == f"\n{KEEP_MARKER}\n\n## Held-out set\n\n90.7%\n"


def test_a_report_without_the_marker_or_file_keeps_nothing(tmp_path):
    report = tmp_path / "bench.md"
    assert _kept_tail(report) == ""
    report.write_text("# generated only\n", "utf-8")
    assert _kept_tail(report) == ""

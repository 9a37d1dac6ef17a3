"""What a load reports: one FileResult per file, summed up in a LoadSummary."""

from __future__ import annotations

from dataclasses import dataclass, field

from .corrections import Conflict
from .files import printable

# The summary names this many of the files loaded with warnings (with the first warning of
# each) and counts the rest: enough to act on, short enough to read after a load of thousands.
NAMED_WARNINGS = 10


@dataclass(frozen=True)
class FileError:
    source: str
    error: str

    def __str__(self):
        return printable(f"{self.source}: {self.error}")


@dataclass(frozen=True)
class FileResult:
    """What happened to one file: created, updated, unchanged, duplicate or failed."""

    source: str
    outcome: str
    detail: str = ""
    conflicts: tuple[Conflict, ...] = ()
    warnings: tuple[str, ...] = ()
    # Found by its text rather than its path or bytes (re-encoded, an earlier or a new version
    # of a letter): ``detail`` says which letter; the summary lists every one.
    matched: bool = False


@dataclass
class LoadSummary:
    dry_run: bool = False
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicate: int = 0
    failed: int = 0
    with_warnings: int = 0
    errors: list[FileError] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    # The first NAMED_WARNINGS files with warnings, in file order: (source, their warnings).
    warned: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    matched: list[FileError] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged + self.duplicate + self.failed

    def add(self, result: FileResult) -> None:
        setattr(self, result.outcome, getattr(self, result.outcome) + 1)
        if result.outcome == "failed":
            self.errors.append(FileError(result.source, result.detail))
        if result.warnings:
            self.with_warnings += 1
            if len(self.warned) < NAMED_WARNINGS:
                self.warned.append((result.source, result.warnings))
        self.conflicts.extend(result.conflicts)
        if result.matched:
            # (FileError prints a name and a message, escaped, as the summary needs.)
            self.matched.append(FileError(result.source, result.detail))

    def __str__(self):
        return (
            f"{self.total} file{'' if self.total == 1 else 's'}: "
            f"{self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged, "
            f"{self.duplicate} duplicate{'' if self.duplicate == 1 else 's'}, "
            f"{self.failed} failed, {len(self.conflicts)} conflicts, "
            f"{self.with_warnings} with warnings"
        )

"""What an import did, per bundle and per record, for people (text) and scripts (JSON)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.base.atomic import atomic_write
from app.base.ids import short_id

# Record outcomes
IMPORTED = "imported"  # a new record, or a version with no relatives here yet
ALREADY_PRESENT = "already_present"  # this exact version is here already (nothing changed)
FAST_FORWARDED = "fast_forwarded"  # a newer version of a record: it is now the current one, the old one kept
SUPERSEDED = "already_superseded"  # an older version arriving after a newer one: kept in the history
UPDATED = "updated"  # the same version, now signed: status and sheet added
CONFLICT = "conflict"  # competing versions: both kept, the record flagged for the coordinator
REJECTED = "rejected"  # the bundle was refused; nothing of it was written
RECORD_OUTCOMES = (IMPORTED, ALREADY_PRESENT, FAST_FORWARDED, SUPERSEDED, UPDATED, CONFLICT, REJECTED)

# Bundle outcomes
BUNDLE_IMPORTED = "imported"
BUNDLE_KNOWN = "already_imported"  # a receipt says this exact bundle was taken in before: no-op
BUNDLE_REJECTED = "rejected"


@dataclass
class RecordOutcome:
    record_id: str
    version_id: str
    outcome: str
    detail: str = ""
    region_code: str = ""


@dataclass
class BundleReport:
    file: str
    outcome: str
    bundle_id: str | None = None
    assessor: str | None = None
    fingerprint: str | None = None
    encrypted: bool = False
    reason: str = ""
    error_kind: str = ""
    records: list[RecordOutcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def counts(self) -> dict[str, int]:
        counter = Counter(r.outcome for r in self.records)
        return {name: counter.get(name, 0) for name in RECORD_OUTCOMES if counter.get(name)}

    def line(self) -> str:
        if self.outcome == BUNDLE_REJECTED:
            return f"{self.file}: REJECTED ({self.error_kind}) - {self.reason}"
        if self.outcome == BUNDLE_KNOWN:
            return f"{self.file}: already imported (bundle {self.bundle_id and short_id(self.bundle_id)}), nothing to do"
        counts = ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in self.counts.items()) or "no records"
        who = f" from {self.assessor}" if self.assessor else ""
        return f"{self.file}: imported{who}: {counts}"


def summarize(bundles: list[BundleReport]) -> dict[str, int]:
    """How many bundles were taken in, were known already (a receipt: nothing done) and were rejected."""
    counter = Counter(b.outcome for b in bundles)
    return {BUNDLE_IMPORTED: counter[BUNDLE_IMPORTED], BUNDLE_KNOWN: counter[BUNDLE_KNOWN],
            BUNDLE_REJECTED: counter[BUNDLE_REJECTED]}


def summary_line(summary: dict[str, int]) -> str:
    """ "6 bundle(s): 0 taken in, 6 already imported, 0 rejected" (the CLI's line; the UI words its own)."""
    return (f"{sum(summary.values())} bundle(s): {summary[BUNDLE_IMPORTED]} taken in, "
            f"{summary[BUNDLE_KNOWN]} already imported, {summary[BUNDLE_REJECTED]} rejected")


@dataclass
class ImportReport:
    bundles: list[BundleReport] = field(default_factory=list)
    started_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))

    @property
    def rejected(self) -> list[BundleReport]:
        return [b for b in self.bundles if b.outcome == BUNDLE_REJECTED]

    @property
    def summary(self) -> dict[str, int]:
        """Bundles per outcome: taken in now, taken in before (a no-op), rejected — what every report says."""
        return summarize(self.bundles)

    @property
    def totals(self) -> dict[str, int]:
        counter: Counter[str] = Counter()
        for bundle in self.bundles:
            counter.update(bundle.counts)
        return dict(counter)

    def to_dict(self, complete: bool = True) -> dict[str, Any]:
        return {
            "started_at": self.started_at,
            "complete": complete,  # False: written as the import went, and it did not end (yet)
            "bundles": [asdict(b) | {"counts": b.counts} for b in self.bundles],
            "totals": self.totals,
            "rejected_bundles": len(self.rejected),
            "summary": self.summary,
        }

    def lines(self, verbose: bool = False) -> list[str]:
        lines = []
        for bundle in self.bundles:
            lines.append(bundle.line())
            lines += [f"  note: {note}" for note in bundle.notes]
            for record in bundle.records:
                if verbose or record.outcome in (CONFLICT,):
                    lines.append(f"  {record.outcome.replace('_', ' ')}: record {short_id(record.record_id)} version "
                                 f"{short_id(record.version_id)} {record.region_code} {record.detail}".rstrip())
        total = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in sorted(self.totals.items()))
        lines.append(summary_line(self.summary) + (f"; records: {total}" if total else ""))
        return lines

    def write_json(self, path: str | Path, complete: bool = True) -> None:
        data = json.dumps(self.to_dict(complete), ensure_ascii=False, indent=2) + "\n"
        atomic_write(path, data.encode("utf-8"))

"""What the sync service answers for one bundle, in the words both sides use.

The importer's report says ``imported`` / ``already_imported`` / ``rejected`` per bundle and an
outcome per record; over the network one word per bundle is enough for the laptop to decide what to
do next (mark it sent, or show why not), with the record counts alongside.
"""

from __future__ import annotations

import errno
from dataclasses import asdict, dataclass, field
from typing import Any

from app.bundles import report as R

TAKEN_IN = "taken_in"  # imported: new records or versions are in the coordinator's store
REPEATED = "repeated"  # everything in it was there already (the same bundle again, or its versions)
CONFLICT = "conflict"  # imported, and at least one record now has competing versions for the coordinator
REJECTED = "rejected"  # refused whole, with the same reason `nilai bundle import` gives
QUARANTINED = "quarantined"  # kept unopened until the coordinator trusts (or not) the sender's certificate
OUTCOMES = (TAKEN_IN, REPEATED, CONFLICT, REJECTED, QUARANTINED)
SENT = (TAKEN_IN, REPEATED, CONFLICT)  # the laptop may mark the bundle sent


@dataclass(frozen=True)
class Outcome:
    outcome: str
    reason: str = ""
    records: dict[str, int] = field(default_factory=dict)
    bundle_id: str | None = None
    error_kind: str = ""
    kept: str = ""  # quarantined: the SHA-256 it is kept under in the store's quarantine

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Outcome:
        if data.get("outcome") not in OUTCOMES:
            raise ValueError(f"not a sync outcome: {data.get('outcome')!r}")
        return cls(str(data["outcome"]), str(data.get("reason", "")), dict(data.get("records") or {}),
                   data.get("bundle_id"), str(data.get("error_kind", "")), str(data.get("kept", "")))


def from_report(bundle: R.BundleReport) -> Outcome:
    """One bundle's import report as the sync outcome."""
    counts = bundle.counts
    if bundle.outcome == R.BUNDLE_REJECTED:
        return Outcome(REJECTED, bundle.reason, counts, bundle.bundle_id, bundle.error_kind)
    if bundle.outcome == R.BUNDLE_KNOWN:
        return Outcome(REPEATED, "this bundle was taken in before", counts, bundle.bundle_id)
    if counts.get(R.CONFLICT):
        return Outcome(CONFLICT, f"{counts[R.CONFLICT]} record(s) now have competing versions; the coordinator "
                       "decides", counts, bundle.bundle_id)
    if counts and set(counts) <= {R.ALREADY_PRESENT}:
        return Outcome(REPEATED, "every version in it was here already", counts, bundle.bundle_id)
    return Outcome(TAKEN_IN, "", counts, bundle.bundle_id)


# faults of the service, not of the bundle: the sender keeps it and sends it again later
DISK_FULL = frozenset({errno.ENOSPC, errno.EDQUOT})


def disk_full_reason() -> str:
    return ("the coordinator's disk is full: nothing of the bundle was kept; send it again later "
            "(the coordinator frees space on the service's data directory)")


def store_down_reason(exc: BaseException) -> str:
    return f"the coordinator's store does not answer ({first_line(exc)}); nothing was received: send it again later"


def first_line(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__

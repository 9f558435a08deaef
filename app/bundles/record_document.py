"""A record file written out of a store: one finalized or signed version with its scores, evidence and
change log up to that version (:mod:`app.bundles.manifest` reads them back, strictly)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, select

from app.bundles.format import FORMAT_VERSION, RECORD_FORMAT, iso
from app.bundles.manifest import ENTRY_FIELDS
from app.models.tables import Assessment, ChangeLogEntry, Evidence, Score


def entry_dict(entry: ChangeLogEntry) -> dict[str, Any]:
    return {name: getattr(entry, name) for name in ENTRY_FIELDS}


def chain_of(session: Session, record_id: str) -> list[ChangeLogEntry]:
    return list(session.exec(select(ChangeLogEntry).where(ChangeLogEntry.chain_id == record_id)
                             .order_by(col(ChangeLogEntry.position))))


def chain_prefix(chain: Sequence[ChangeLogEntry], version_id: str) -> list[ChangeLogEntry]:
    """The chain from its start up to the last entry written for ``version_id``."""
    last = max((i for i, e in enumerate(chain) if e.version_id == version_id), default=-1)
    return list(chain[: last + 1])


def record_document(session: Session, assessment: Assessment, chain: Sequence[ChangeLogEntry]) -> dict[str, Any]:
    """The record file of one version, as a JSON-ready dict."""
    scores = session.exec(select(Score).where(Score.version_id == assessment.version_id)
                          .order_by(col(Score.indicator_code))).all()
    evidence = session.exec(select(Evidence).where(Evidence.version_id == assessment.version_id)
                            .order_by(col(Evidence.added_at), col(Evidence.id))).all()
    return {
        "format": RECORD_FORMAT,
        "format_version": FORMAT_VERSION,
        "assessment": {
            "record_id": assessment.record_id,
            "version_id": assessment.version_id,
            "previous_version_id": assessment.previous_version_id,
            "round_id": assessment.round_id,
            "region_code": assessment.region_code,
            "assessor_id": assessment.assessor_id,
            "slot_id": assessment.slot_id,
            "instrument_hash": assessment.instrument_hash,
            "status": str(assessment.status),
            "delegation": json.loads(assessment.delegation_json or "[]"),
            "reopen_reason": assessment.reopen_reason,
            "sheet_sha256": assessment.sheet_sha256,
            "created_at": iso(assessment.created_at),
            "updated_at": iso(assessment.updated_at),
            "finalized_at": iso(assessment.finalized_at),
            "signed_at": iso(assessment.signed_at),
        },
        "scores": [{"indicator_code": s.indicator_code, "level": s.level, "not_applicable": bool(s.not_applicable),
                    "note": s.note, "updated_at": iso(s.updated_at)} for s in scores],
        "evidence": [{"id": e.id, "indicator_code": e.indicator_code, "file_name": e.file_name, "sha256": e.sha256,
                      "size": e.size, "added_at": iso(e.added_at)} for e in evidence],
        "change_log": [entry_dict(e) for e in chain_prefix(chain, assessment.version_id)],
    }

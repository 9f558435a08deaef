"""The scoring core: one assessor's assessment of one region, every change committed and logged.

The public API callers use (`from app import assessments; assessments.set_level(...)`), gathered
from its concerns: `editing` (reading and changing a draft), `history` (undo and redo from the
change log) and `lifecycle` (validate, finalize, reopen, sign).
"""

from __future__ import annotations

from app.assessments.editing import (
    NOT_APPLICABLE,
    AssessmentError,
    Change,
    FinalizeBlocked,
    Problem,
    add_evidence,
    decode_mark,
    encode_mark,
    evidence_dir,
    get_version,
    last_open_version,
    marks_of,
    remove_evidence,
    set_delegation,
    set_level,
    set_not_applicable,
    set_note,
    start_assessment,
)
from app.assessments.history import redo, undo, undo_state
from app.assessments.lifecycle import (
    finalize,
    mark_signed,
    mark_signed_many,
    reopen,
    summary_of,
    unmet_requirements,
    validate,
)

__all__ = [
    "NOT_APPLICABLE", "AssessmentError", "Change", "FinalizeBlocked", "Problem", "add_evidence", "decode_mark",
    "encode_mark", "evidence_dir", "finalize", "get_version", "last_open_version", "mark_signed", "mark_signed_many",
    "marks_of",
    "redo", "remove_evidence", "reopen", "set_delegation", "set_level", "set_not_applicable", "set_note",
    "start_assessment", "summary_of", "undo", "undo_state", "unmet_requirements", "validate",
]

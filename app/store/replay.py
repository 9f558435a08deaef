"""What a record's change log says each of its versions holds, compared with the version's rows.

The hash chain proves the log was not edited; it does not prove the scores beside it were written
through it. A tool that changes a score without logging the change, then re-signs, leaves an intact
chain beside a different score. Replaying the log (level, note, evidence and delegation entries, in
chain order, carried over from version to version as reopening does) and comparing the result with
the version's scores closes that gap, on import (:mod:`app.bundles.manifest`) and in ``nilai check``
(:mod:`app.store.integrity`).

Entries are read by attribute or key, so both change-log rows and the dicts of a bundle's record file
can be replayed.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter
from typing import Any

NOT_APPLICABLE = "NA"  # how "not applicable" is written where a level would be


def level_text(level: int | None, not_applicable: bool) -> str:
    """A level as the change log writes it: the number, ``NA``, or empty for no level."""
    if not_applicable:
        return NOT_APPLICABLE
    return "" if level is None else str(level)


@dataclass
class VersionState:
    """Levels, notes, evidence and delegation of one version as its change log has them."""

    levels: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    evidence: Counter[tuple[str, str]] = field(default_factory=Counter)  # (indicator, sha256) -> files
    delegation: Any = None  # None: never logged

    def copy(self) -> VersionState:
        return VersionState(dict(self.levels), dict(self.notes), Counter(self.evidence), self.delegation)


FIELDS = ("version_id", "field", "indicator_code", "new")  # what the replay reads of an entry
_FROM_DICT, _FROM_ROW = itemgetter(*FIELDS), attrgetter(*FIELDS)


def replay(entries: Iterable[Any], version_id: str | None = None,
           fields: Callable[[Any], tuple[Any, ...]] | None = None) -> dict[str, VersionState]:
    """Each version's state at its last entry, for the versions the entries name (chain order).

    ``version_id``: only that version's state is kept (the others' states are not copied); the
    replay itself is the same, entry by entry, so the answer for that version is too. ``fields``:
    how to read an entry's FIELDS when all the entries are of one kind (else each entry is looked at)."""
    state = VersionState()
    states: dict[str, VersionState] = {}
    current: str | None = None
    for entry in entries:
        # A record file's dicts, change-log rows, or rows followed by a fork's dicts (nilai check).
        entry_version, kind, code, new = (fields or (_FROM_DICT if type(entry) is dict or isinstance(entry, Mapping)
                                                    else _FROM_ROW))(entry)
        if entry_version is not None and entry_version != current:
            if current is not None and (version_id is None or current == version_id):
                states[current] = state.copy()
            current = entry_version
        if kind == "level":
            state.levels[code] = new
        elif kind == "note":
            state.notes[code] = new
        elif kind == "evidence":
            _replay_evidence(state, code, new)
        elif kind == "delegation":
            state.delegation = _json_or_text(new)
    if current is not None and (version_id is None or current == version_id):
        states[current] = state  # the last version's state: nothing replays after it
    return states


def _replay_evidence(state: VersionState, code: str, value: str) -> None:
    # "+<json>" attaches one file, "-<json>" detaches it (see app.assessments).
    info = _json_or_text(value[1:]) if value else None
    sha = info.get("sha256") if isinstance(info, dict) else None
    if not isinstance(sha, str):
        state.evidence[(code, f"unreadable entry {value[:40]!r}")] += 1
        return
    key = (code, sha)
    if value[0] == "+":
        state.evidence[key] += 1
    elif state.evidence[key] > 0:
        state.evidence[key] -= 1
        if not state.evidence[key]:
            del state.evidence[key]


def _json_or_text(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


def _agree(have: Mapping[str, str], said: Mapping[str, str]) -> bool:
    """``have.get(code, "") == said.get(code, "")`` for every code: the quick yes before the loops below."""
    return have == said or {k: v for k, v in have.items() if v} == {k: v for k, v in said.items() if v}


def differences(logged: VersionState, *, levels: Mapping[str, str], notes: Mapping[str, str],
                evidence: Iterable[tuple[str, str]], delegation_json: str | None) -> list[str]:
    """Where the version's rows disagree with its replayed log, one phrase each (empty: they agree)."""
    found: list[str] = []
    for code in () if _agree(levels, logged.levels) else sorted(set(levels) | set(logged.levels)):
        have, said = levels.get(code, ""), logged.levels.get(code, "")
        if have != said:
            found.append(f"indicator {code} has level {have or 'none'!s} but its change log says {said or 'none'}")
    for code in () if _agree(notes, logged.notes) else sorted(set(notes) | set(logged.notes)):
        if notes.get(code, "") != logged.notes.get(code, ""):
            found.append(f"the note of indicator {code} differs from its change log")
    attached = Counter(evidence)
    if +attached != +logged.evidence:
        codes = sorted({code for code, _ in (attached - logged.evidence) + (logged.evidence - attached)})
        found.append(f"the evidence of indicator(s) {', '.join(codes)} differs from the change log")
    delegation = _json_or_text(delegation_json) if delegation_json else []
    if delegation != (logged.delegation if logged.delegation is not None else []):
        found.append("the delegation differs from its change log")
    return found

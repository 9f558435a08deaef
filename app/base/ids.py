"""Short forms of ids, as people read and type them.

New ids are UUIDv7 (app.models.tables.new_id): their first twelve hex digits are the time in
milliseconds, so two made in the same minute share their first eight characters. The short form of
such an id is its last eight characters (random); an older random id (UUID4) keeps its first eight.
A reference typed by a user matches an id by its start (as before) or by its short form.
"""

from __future__ import annotations


def short_id(value: str) -> str:
    """Eight characters that tell this id from its neighbours."""
    if len(value) == 36 and value[14] == "7" and value[8] == "-":
        return value[-8:]
    return value[:8]


def id_matches(value: str, ref: str) -> bool:
    """``ref`` names ``value``: the whole id, a start of it, or its short form."""
    return bool(ref) and (value.startswith(ref) or ref == short_id(value))

"""A change-log entry's chained hash, worked out from a record file's entry as fast as it can be.

``app.store.changelog.entry_hash`` is the definition (``json.dumps`` of the hashed fields, sorted keys,
compact, ``ensure_ascii=False``, after the previous hash); the importer checks every entry of every record
against it, so these build the same text directly. Property tests (tests/bundles/test_fast_paths.py,
test_record_fast.py) hold each equal to ``entry_hash``. :func:`app.bundles.manifest.parse_record` inlines
:func:`chained_hash` in its loop over the entries.
"""

from __future__ import annotations

import hashlib
from operator import itemgetter
from typing import Any

import orjson

from app.store.changelog import ENTRY_TEXT, encode_text

# Every field of a change-log entry in a record file.
ENTRY_FIELDS = ("id", "chain_id", "position", "version_id", "indicator_code", "field", "old", "new", "reason",
                "kind", "undoes", "actor", "at", "prev_hash", "entry_hash")

# The text app.store.changelog.entry_hash hashes, built directly (the definition's twin, kept beside it):
# only used on entries whose value types were checked first; a property test holds it equal to entry_hash.
_sha256 = hashlib.sha256


# The hashed fields in ENTRY_TEXT's order (sorted), and every field of an entry in sorted order.
HASHED_VALUES = itemgetter("actor", "at", "chain_id", "field", "id", "indicator_code", "kind", "new", "old", "position",
                           "reason", "undoes", "version_id")
ENTRY_VALUES = itemgetter(*sorted(ENTRY_FIELDS))


# Faster still, for an entry whose chain holds: orjson writes the entry as json.dumps would (sorted keys, compact,
# the same escapes for every code point: a test holds them equal), and the hashed text is that minus the two hash
# members. When entry_hash and prev_hash are 64-character hex texts (as they are wherever the chain holds: each
# is a SHA-256 hexdigest), those members are exactly `,"entry_hash":"<64>"` and `,"prev_hash":"<64>"`; their
# keys occur nowhere else (a quote inside a JSON string is always escaped, so `,"` never occurs inside a value).
# Any other entry_hash gives a hash that cannot equal it (a hexdigest never equals a text that is not one).
_DUMPS, _SORTED = orjson.dumps, orjson.OPT_SORT_KEYS
ENTRY_HASH_KEY, PREV_HASH_KEY = b',"entry_hash":"', b',"prev_hash":"'
ENTRY_HASH_MEMBER, PREV_HASH_MEMBER = len(ENTRY_HASH_KEY) + 65, len(PREV_HASH_KEY) + 65  # + 64 hex + closing quote


def chained_hash(e: dict[str, Any], prev_hash: str) -> str | None:
    """``app.store.changelog.entry_hash`` of a checked entry (a dict of exactly its fields) whose prev_hash and
    entry_hash are 64-character hex texts, computed from orjson's text of it; None where orjson writes no text
    (a lone surrogate, an integer past 64 bits): use :func:`entry_hash_of`. See _DUMPS above."""
    try:
        text = _DUMPS(e, option=_SORTED)
    except orjson.JSONEncodeError:
        return None
    k = text.find(ENTRY_HASH_KEY)
    m = text.find(PREV_HASH_KEY, k)
    return _sha256(prev_hash.encode("ascii") + text[:k] + text[k + ENTRY_HASH_MEMBER:m]
                   + text[m + PREV_HASH_MEMBER:]).hexdigest()


def entry_hash_of(e: dict[str, Any], prev_hash: str) -> str:
    """``app.store.changelog.entry_hash`` of a checked change-log entry given as a dict (see ENTRY_TEXT)."""
    return entry_hash_fields(prev_hash, *HASHED_VALUES(e))


def entry_hash_fields(prev_hash: str, actor: str, at: str, chain_id: str, field_: str, entry_id: str, indicator: str,
                kind: str, new: str, old: str, position: int, reason: str, undoes: str | None,
                version: str | None) -> str:
    enc = encode_text
    text = ENTRY_TEXT % (enc(actor), enc(at), enc(chain_id), enc(field_), enc(entry_id), enc(indicator), enc(kind),
                          enc(new), enc(old), position, enc(reason), "null" if undoes is None else enc(undoes),
                          "null" if version is None else enc(version))
    return _sha256((prev_hash + text).encode("utf-8")).hexdigest()

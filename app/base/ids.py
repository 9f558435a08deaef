"""New ids, and their short forms as people read and type them.

New ids are UUIDv7 (RFC 9562; :func:`uuid7_text`, which app.models.tables.new_id calls): their first
twelve hex digits are the time in milliseconds, so two made in the same minute share their first
eight characters. The short form of
such an id is its last eight characters (random); an older random id (UUID4) keeps its first eight.
A reference typed by a user matches an id by its start (as before) or by its short form.
"""

from __future__ import annotations

import os
import threading
import time

_RANDOM_BATCH = 4096  # bytes of os.urandom read at once: 409 ids' random bits
_lock = threading.Lock()
_random, _used, _last_ms = b"", 0, 0


def _forget_random() -> None:
    global _random, _used
    _random, _used = b"", 0  # a forked child reading its parent's unused bytes would repeat its ids


os.register_at_fork(after_in_child=_forget_random)


def uuid7_text() -> str:
    """A new UUIDv7 as text: 48 bits of Unix milliseconds, the version, 74 random bits and the variant.

    Ids made later sort later, also within a millisecond: as in the uuid6 package this replaces (and
    Python 3.14's uuid.uuid7), a millisecond already used is moved on by one. An id is made on every
    score change, and the package's read of the system's random source per id, its UUID object and
    its text took ~6 % of a change's CPU (benchmarks/bench_score_change.py); here the random bytes
    come from os.urandom in batches and the text is formatted directly.
    """
    global _random, _used, _last_ms
    with _lock:
        if _used + 10 > len(_random):
            _random, _used = os.urandom(_RANDOM_BATCH), 0
        bits = int.from_bytes(_random[_used:_used + 10], "big")  # 80 random bits, 74 of them used
        _used += 10
        ms = max(time.time_ns() // 1_000_000, _last_ms + 1)
        _last_ms = ms
    ms &= 0xFFFF_FFFF_FFFF
    # unix_ts_ms (48) | version 7 and rand_a (12) | variant 0b10 and rand_b (62), from bits' 12 + 62
    return (f"{ms >> 16:08x}-{ms & 0xFFFF:04x}-{0x7000 | bits >> 68:04x}-{0x8000 | bits >> 48 & 0x3FFF:04x}-"
            f"{bits & 0xFFFF_FFFF_FFFF:012x}")


def short_id(value: str) -> str:
    """Eight characters that tell this id from its neighbours."""
    if len(value) == 36 and value[14] == "7" and value[8] == "-":
        return value[-8:]
    return value[:8]


def id_matches(value: str, ref: str) -> bool:
    """``ref`` names ``value``: the whole id, a start of it, or its short form."""
    return bool(ref) and (value.startswith(ref) or ref == short_id(value))

"""Partial uploads on the service's disk: the state of each resumable upload, nothing about HTTP.

Each upload is two files under ``<data dir>/sync/uploads/``: ``<id>.part`` (the bytes received and
verified so far) and ``<id>.json`` (who sends it, its declared length and SHA-256, the verified
offset, when it expires and, once imported, the answer). The offset in the JSON is the truth: bytes
past it in the ``.part`` file are a chunk cut off mid-way (or one whose digest did not match) and
are cut away before the next chunk is written. So a crash, a restart of the service or a dropped
connection never leaves unverified bytes in an upload.

An upload expires ``expiry`` after its last accepted chunk; :meth:`UploadStore.expire` (run at start
and periodically) removes expired ones, finished or not. The JSON of a finished upload stays until
then so a sender whose connection dropped just before the answer can still ask for it.
"""

from __future__ import annotations

import json
import os
import re
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

DEFAULT_EXPIRY = timedelta(hours=24)
_ID = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True)
class Upload:
    id: str
    fingerprint: str  # the sender's certificate: only they may continue it
    length: int  # the whole bundle, declared at creation
    sha256: str  # of the whole bundle, declared at creation (hex)
    offset: int = 0  # bytes received and verified
    expires: float = 0.0  # POSIX time
    answer: dict[str, Any] | None = field(default=None)  # {"status", "body"} once handed to the import

    @property
    def finished(self) -> bool:
        return self.answer is not None

    @property
    def expires_http(self) -> str:
        """RFC 9110 date, as the tus expiration extension's ``Upload-Expires`` wants it."""
        return datetime.fromtimestamp(self.expires, UTC).strftime("%a, %d %b %Y %H:%M:%S GMT")


class UploadStore:
    def __init__(self, root: Path, expiry: timedelta = DEFAULT_EXPIRY, clock: Callable[[], float] = time.time) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.expiry = expiry
        self.clock = clock

    def _json(self, upload_id: str) -> Path:
        return self.root / f"{upload_id}.json"

    def part(self, upload: Upload) -> Path:
        return self.root / f"{upload.id}.part"

    def create(self, fingerprint: str, length: int, sha256: str) -> Upload:
        upload = Upload(uuid.uuid4().hex, fingerprint, length, sha256, 0, self.clock() + self.expiry.total_seconds())
        self.save(upload)  # the JSON first: a .part without one is a leftover and is removed
        self.part(upload).touch()
        return upload

    def get(self, upload_id: str) -> Upload | None:
        if not _ID.match(upload_id):
            return None
        try:
            data = json.loads(self._json(upload_id).read_text(encoding="utf-8"))
            return Upload(**data)
        except (OSError, ValueError, TypeError):
            return None

    def save(self, upload: Upload) -> None:
        """Replace the record whole (a rename) but without fsync: one per chunk would cost more than the
        chunk. After a power cut the record may lag behind the bytes (cut back at the next chunk) or run
        ahead of them (the whole file then fails the declared SHA-256 and is sent again): never wrong."""
        target = self._json(upload.id)
        temp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}")
        temp.write_bytes(json.dumps(asdict(upload), sort_keys=True).encode("utf-8"))
        os.replace(temp, target)

    def accepted(self, upload: Upload, offset: int) -> Upload:
        """A chunk verified up to ``offset``: recorded, and the expiry pushed back."""
        moved = replace(upload, offset=offset, expires=self.clock() + self.expiry.total_seconds())
        self.save(moved)
        return moved

    def finish(self, upload: Upload, status: int, body: dict[str, Any]) -> Upload:
        """The import answered: keep the answer (until expiry) for a sender who missed it."""
        done = replace(upload, answer={"status": status, "body": body})
        self.save(done)
        self.part(done).unlink(missing_ok=True)
        return done

    def discard(self, upload: Upload) -> None:
        self.part(upload).unlink(missing_ok=True)
        self._json(upload.id).unlink(missing_ok=True)

    def unfinished(self, fingerprint: str | None = None) -> list[Upload]:
        found = [u for u in self._all() if not u.finished]
        return [u for u in found if fingerprint is None or u.fingerprint == fingerprint]

    def reserved_bytes(self, fingerprint: str) -> int:
        """What this sender's unfinished uploads declared, summed (what their disk use may grow to)."""
        return sum(u.length for u in self.unfinished(fingerprint))

    def expire(self, busy: set[str] | frozenset[str] = frozenset()) -> list[Upload]:
        """Remove expired uploads and leftovers (not the ``busy`` ones, a chunk or an import under way)."""
        now = self.clock()
        gone = []
        for upload in self._all():
            if upload.id in busy:
                continue
            if upload.expires <= now or (not upload.finished and not self.part(upload).exists()):
                # expired, or its bytes went to an import the service did not live to answer: the sender starts anew
                self.discard(upload)
                gone.append(upload)
        for part in self.root.glob("*.part"):
            if _ID.match(part.stem) and part.stem not in busy and not self._json(part.stem).exists():
                part.unlink(missing_ok=True)
        for temp in self.root.glob(".*"):  # an atomic write cut off by a crash
            if temp.is_file() and temp.stat().st_mtime < now - 60:
                temp.unlink(missing_ok=True)
        return gone

    def _all(self) -> list[Upload]:
        found = (self.get(p.stem) for p in self.root.glob("*.json") if _ID.match(p.stem))
        return [u for u in found if u is not None]


def take_whole(store: UploadStore, upload: Upload, into: Path) -> None:
    """Move a complete upload's bytes to ``into`` (same file system) for the import."""
    os.replace(store.part(upload), into)

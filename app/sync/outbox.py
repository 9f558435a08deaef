"""The assessor's outbox: final and signed versions on their way to the coordinator's sync service.

The outbox is rows in the store (``sync_outbox``), so it survives restarts and crashes. Each
version is queued once per state (final, then signed), sent in a result bundle written by the same
export as ``nilai bundle export``, and marked sent only when the service answers taken_in, repeated
or conflict (the coordinator has it). The bundle file stays in ``<data dir>/sync/outbox/`` until
then and its name is recorded on the rows before the first byte goes out: a send cut short (the
laptop off, the process killed) is repeated with the very same bundle, which the service answers
with "repeated", so nothing arrives twice. It is sent in chunks (:mod:`app.sync.resumable`) and the
upload's address waits beside the file, so that repeat goes on where the cut-off send stopped.
Any other answer leaves the versions queued with a one-line reason.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlmodel import col, select

from app.base.atomic import atomic_write
from app.bundles import sync_target
from app.bundles.errors import BundleError
from app.bundles.export import export_bundle, version_state
from app.models.sync import OutboxEntry
from app.models.tables import Assessment, Round, utcnow
from app.rounds import RoundError, resolve_round
from app.store import Store, settings
from app.sync.client import SendFailed
from app.sync.lock import exclusive
from app.sync.outcome import QUARANTINED, REJECTED, SENT, Outcome
from app.sync.resumable import STATE_SUFFIX, state_path, upload_bundle

OUTBOX_DIR = ("sync", "outbox")
FAILED = "failed"  # no answer from the service (or it refused the sender): try again later
NO_TARGET = "no_target"  # the round package names no sync service
WORDS = {"taken_in": "taken in", "repeated": "already there", "conflict": "taken in, with a conflict for the coordinator",
         REJECTED: "rejected", QUARANTINED: "quarantined", FAILED: "not sent", NO_TARGET: "not sent"}

Send = Callable[[str, Path, Any, Path], Outcome]


class SyncError(Exception):
    """The outbox cannot be used as asked (an unknown round); the message says why."""


@dataclass(frozen=True)
class Delivery:
    """What became of one bundle of queued versions."""

    round_name: str
    versions: int
    outcome: str  # an Outcome word, or FAILED / NO_TARGET
    reason: str = ""
    bundle_id: str | None = None

    @property
    def sent(self) -> bool:
        return self.outcome in SENT

    def line(self) -> str:
        text = f"round {self.round_name!r}: {self.versions} version(s) {WORDS.get(self.outcome, self.outcome)}"
        return f"{text}: {self.reason}" if self.reason and not self.sent else text


def outbox_dir(store: Store) -> Path:
    return Path(store.data_dir).joinpath(*OUTBOX_DIR)


def queue_new(store: Store) -> int:
    """Queue this laptop's final and signed versions not queued yet in that state; how many were added."""
    with store.transaction(write=True) as session:
        profile_id = settings.get(session, settings.PROFILE)
        if not profile_id:
            return 0
        known = {(v, s) for v, s in session.exec(select(OutboxEntry.version_id, OutboxEntry.state))}
        mine = session.exec(select(Assessment).where(Assessment.assessor_id == profile_id,
                                                     col(Assessment.status).in_(("final", "signed"))))
        added = 0
        for assessment in mine:
            state = version_state(assessment)
            if (assessment.version_id, state) not in known:
                session.add(OutboxEntry(version_id=assessment.version_id, state=state, round_id=assessment.round_id))
                added += 1
        return added


def waiting(store: Store, round_id: str | None = None) -> list[OutboxEntry]:
    """The queued entries not sent yet (oldest first), with their last reason."""
    with store.transaction() as session:
        query = select(OutboxEntry).where(col(OutboxEntry.sent_at).is_(None))
        if round_id is not None:
            query = query.where(OutboxEntry.round_id == round_id)
        return list(session.exec(query.order_by(col(OutboxEntry.queued_at), col(OutboxEntry.version_id))))


@exclusive  # one sync of this data directory at a time (app.sync.lock)
def send_queued(store: Store, unlocked: Any, *, round_ref: str | None = None, retries: int = 3, backoff: float = 1.0,
                send: Send = upload_bundle, sleep: Callable[[float], None] = time.sleep,
                progress: Callable[[str], None] | None = None) -> list[Delivery]:
    """Queue what is new, then send every round's queued versions to its sync service.

    ``retries``: further attempts after a send that got no answer (offline, timeout, the service's
    store busy), waiting ``backoff`` seconds, then twice that, and so on; a refusal is not retried."""
    queue_new(store)
    with store.transaction() as session:
        only = None
        if round_ref is not None:
            try:
                only = resolve_round(session, round_ref).id
            except RoundError as exc:
                raise SyncError(str(exc)) from exc
        query = select(OutboxEntry.round_id).where(col(OutboxEntry.sent_at).is_(None)).distinct()
        round_ids = sorted(r for r in session.exec(query) if only is None or r == only)
        rounds = {r: (session.get(Round, r), sync_target.get(session, r)) for r in round_ids}
    _clear_orphans(store)
    deliveries: list[Delivery] = []
    for round_id, (round_, target) in rounds.items():
        name = round_.name if round_ is not None else round_id
        if target is None:
            entries = waiting(store, round_id)
            reason = "its round package names no sync service; hand the bundle in as a file (nilai bundle export)"
            _record(store, [e.version_id for e in entries], None, NO_TARGET, reason)
            deliveries.append(Delivery(name, len(entries), NO_TARGET, reason))
            continue
        cert = Path(store.data_dir).joinpath("sync", f"{round_id}.pem")
        cert.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(cert, target.cert_pem.encode("ascii"))
        while True:
            try:
                batch = _next_batch(store, round_id, unlocked)
            except BundleError as exc:
                deliveries.append(Delivery(name, len(waiting(store, round_id)), FAILED,
                                           f"the bundle could not be written: {exc}"))
                break
            if batch is None:
                break
            path, version_ids = batch
            if progress is not None:
                progress(f"round {name!r}: sending {len(version_ids)} version(s) to {target.url}")
            delivery = _deliver(store, name, target.url, path, version_ids, unlocked, cert, retries, backoff, send, sleep)
            deliveries.append(delivery)
            if progress is not None:
                progress(delivery.line())
            if not delivery.sent:
                break
    return deliveries


def _next_batch(store: Store, round_id: str, unlocked: Any) -> tuple[Path, list[str]] | None:
    """The bundle to send next: one already written for queued versions (a send cut short), or a new one."""
    folder = outbox_dir(store)
    entries = waiting(store, round_id)
    if not entries:
        return None
    for name in sorted({e.batch for e in entries if e.batch}):
        if (folder / name).is_file():
            return folder / name, sorted({e.version_id for e in entries if e.batch == name})
    version_ids = sorted({e.version_id for e in entries})
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{uuid.uuid4()}.nilai"
    export_bundle(store, path, unlocked=unlocked, version_ids=version_ids)
    with store.transaction(write=True) as session:  # named before it is sent: a repeat sends this same file
        for entry in session.exec(select(OutboxEntry).where(col(OutboxEntry.version_id).in_(version_ids),
                                                            col(OutboxEntry.sent_at).is_(None))):
            entry.batch = path.name
            session.add(entry)
    return path, version_ids


def _deliver(store: Store, round_name: str, url: str, path: Path, version_ids: list[str], unlocked: Any, cert: Path,
             retries: int, backoff: float, send: Send, sleep: Callable[[float], None]) -> Delivery:
    failure: SendFailed | None = None
    for attempt in range(max(0, retries) + 1):
        if attempt:
            sleep(backoff * 2 ** (attempt - 1))
        try:
            outcome = send(url, path, unlocked, cert)
        except SendFailed as exc:
            failure = exc
            if exc.status is not None and exc.status < 500:
                break  # the service refused the sender: asking again changes nothing
            continue
        reason = outcome.reason
        if outcome.outcome == QUARANTINED:
            reason = ("the coordinator does not trust this laptop's certificate yet; the bundle waits on the service "
                      "until they do, then send again")
        _record(store, version_ids, path, outcome.outcome, reason)
        return Delivery(round_name, len(version_ids), outcome.outcome, reason, outcome.bundle_id)
    reason = _one_line(failure)
    _record(store, version_ids, path, FAILED, reason)
    return Delivery(round_name, len(version_ids), FAILED, reason)


def _one_line(failure: SendFailed | None) -> str:
    text = str(failure).splitlines()[0] if failure is not None and str(failure) else "no answer"
    if "CERTIFICATE_VERIFY_FAILED" in text:
        return (f"{text}; the service's certificate is not the one pinned in the round package: ask the "
                "coordinator for a new round package")
    if failure is not None and failure.status is None:
        return f"offline? {text}; the versions stay queued"
    return text


def _record(store: Store, version_ids: list[str], path: Path | None, outcome: str, reason: str) -> None:
    now = utcnow()
    with store.transaction(write=True) as session:
        query = select(OutboxEntry).where(col(OutboxEntry.version_id).in_(version_ids), col(OutboxEntry.sent_at).is_(None))
        if path is not None:  # only the states this bundle carried (a version signed since waits for the next)
            query = query.where(OutboxEntry.batch == path.name)
        for entry in session.exec(query):
            if path is not None:
                entry.attempts += 1
                entry.last_attempt_at = now
            entry.outcome, entry.reason = outcome, reason[:2000]
            if outcome in SENT:
                entry.sent_at = now
            session.add(entry)
    if outcome in SENT and path is not None:
        path.unlink(missing_ok=True)
        state_path(path).unlink(missing_ok=True)


def _clear_orphans(store: Store) -> None:
    """Bundle files no queued version refers to (written, then the process stopped before naming them)."""
    folder = outbox_dir(store)
    if not folder.is_dir():
        return
    named = {e.batch for e in waiting(store) if e.batch}
    for path in folder.glob("*.nilai"):
        if path.name not in named:
            path.unlink(missing_ok=True)
    for state in folder.glob("*.nilai" + STATE_SUFFIX):  # the upload of a bundle gone (sent, or never named)
        if not state.with_name(state.name.removesuffix(STATE_SUFFIX)).exists():
            state.unlink(missing_ok=True)

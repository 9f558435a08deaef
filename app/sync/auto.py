"""Automatic sync, the laptop's side: is the service there, and if so send what is queued.

The desktop calls :func:`sync_if_reachable` off the GUI thread every minute or so (app/ui/mainwindow/
auto_sync.py decides when). It queues what is new, asks each round's service ``GET /health`` over the
pinned TLS connection (a short timeout: a laptop without a network must not wait long), and sends
the outbox only to the services that answer. :class:`Backoff` spaces the checks out while the laptop
is offline. :func:`failure_kind` sorts a delivery that did not go through into the few cases the
assessor can tell apart (offline, the service's certificate, not trusted yet, refused).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from sqlmodel import col, select

from app.base.atomic import atomic_write
from app.bundles import sync_target
from app.models.tables import Round, Setting
from app.store import Store
from app.sync.client import SendFailed, pinned_context
from app.sync.inbox import Reception, receive
from app.sync.outbox import FAILED, NO_TARGET, Delivery, queue_new, send_queued, waiting
from app.sync.outcome import QUARANTINED, REJECTED

PROBE_TIMEOUT = httpx.Timeout(5.0)

# what became of a delivery that did not go through, in the assessor's terms
OFFLINE, CERTIFICATE, NOT_TRUSTED, REFUSED, NO_SERVICE = "offline", "certificate", "not_trusted", "refused", "no_service"


@dataclass(frozen=True)
class Attempt:
    """One automatic sync: what waited, which services answered, what was sent."""

    queued: int  # versions waiting before the send
    unreachable: dict[str, str] = field(default_factory=dict)  # round name -> why its service did not answer
    deliveries: list[Delivery] = field(default_factory=list)
    needs_key: bool = False  # something waits and a service answers, but no unlocked identity to sign with
    received: list[Reception] = field(default_factory=list)  # what came back, per service

    @property
    def reached(self) -> bool:
        return bool(self.deliveries) or self.needs_key or bool(self.received)

    @property
    def returned(self) -> int:
        """Assessments newly returned for revision (by the service's answer or a newer round package)."""
        return sum(r.returned for r in self.received)


def probe(url: str, cert: Path, client: httpx.Client | None = None) -> str | None:
    """None when the service at ``url`` answers ``GET /health`` with 200 over the pinned connection; else
    one line saying why not."""
    own = client is None
    try:
        http = client or httpx.Client(verify=pinned_context(cert), timeout=PROBE_TIMEOUT)
    except SendFailed as exc:
        return str(exc)
    try:
        response = http.get(url.rstrip("/") + "/health")
    except httpx.HTTPError as exc:
        text = f"{url}: the service could not be reached ({type(exc).__name__}: {exc})"
        return _certificate_words(text) or f"offline? {text}"
    finally:
        if own:
            http.close()
    if response.status_code != 200:
        try:
            reason = str(response.json().get("reason", ""))
        except ValueError:
            reason = response.text.strip()[:200]
        return f"{url}: the service answered {response.status_code}: {reason or response.reason_phrase}"
    return None


def sync_if_reachable(store: Store, unlocked: Any | None,
                      progress: Callable[[int, int], None] | None = None) -> Attempt:
    """Send the outbox of every round whose service answers now, then fetch what came back from it (a
    newer round package, returns for revision: app.sync.inbox). With ``unlocked`` None (the requests are
    signed with the key) only say whether there is something to send and somewhere to send it
    (``needs_key``). ``progress(sent, queued)`` is called before the sending starts and after each round.
    Raises SyncBusy (app.sync.lock) when another sync of this data directory is running."""
    with store.transaction() as session:  # a laptop whose round packages name no service: nothing to do
        if session.exec(select(Setting.key).where(col(Setting.key).startswith("sync.url:"))).first() is None:
            return Attempt(0)
    queue_new(store)
    entries = waiting(store)
    if not entries and unlocked is None:
        return Attempt(0)  # nothing to send, and nothing can be fetched without the key
    sending = {e.round_id for e in entries}
    with store.transaction() as session:  # with the key, every round naming a service: returns may wait there
        candidates = sending if unlocked is None else sending | set(session.exec(select(Round.id)))
        targets = {}
        for round_id in sorted(candidates):
            target = sync_target.get(session, round_id)
            if target is not None:
                targets[round_id] = target
        names = _round_names(session, list(targets))
    unreachable: dict[str, str] = {}
    reachable: list[str] = []
    for round_id, target in targets.items():
        cert = Path(store.data_dir).joinpath("sync", f"{round_id}.pem")
        cert.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(cert, target.cert_pem.encode("ascii"))
        why = probe(target.url, cert)
        if why is None:
            reachable.append(round_id)
        elif round_id in sending:
            unreachable[names.get(round_id, round_id)] = why
    queued = len({e.version_id for e in entries})
    if not reachable:
        return Attempt(queued, unreachable)
    if unlocked is None:
        return Attempt(queued, unreachable, needs_key=True)
    deliveries: list[Delivery] = []
    if progress is not None and queued:
        progress(0, queued)
    for round_id in (r for r in reachable if r in sending):  # one try each: the next look comes soon enough
        deliveries += send_queued(store, unlocked, round_ref=round_id, retries=0)
        if progress is not None:
            progress(sum(d.versions for d in deliveries if d.sent), queued)
    received: list[Reception] = []
    for round_id in reachable:
        received += receive(store, unlocked, only_round=round_id)
    return Attempt(queued, unreachable, deliveries, received=received)


def failure_kind(delivery: Delivery) -> str:
    """The case a delivery that did not go through falls in (the outbox writes its reasons this way)."""
    if delivery.outcome == QUARANTINED:
        return NOT_TRUSTED
    if delivery.outcome == NO_TARGET:
        return NO_SERVICE
    if delivery.outcome == REJECTED:
        return REFUSED
    if delivery.outcome == FAILED and "not the one pinned" in delivery.reason:
        return CERTIFICATE
    if delivery.outcome == FAILED and (delivery.reason.startswith("offline?") or "(503)" in delivery.reason):
        return OFFLINE
    return REFUSED


def probe_kind(reason: str) -> str:
    return CERTIFICATE if "not the one pinned" in reason else OFFLINE


def _certificate_words(text: str) -> str | None:
    if "CERTIFICATE_VERIFY_FAILED" in text:
        return (f"{text}; the service's certificate is not the one pinned in the round package: ask the "
                "coordinator for a new round package")
    return None


def _round_names(session: Any, round_ids: list[str]) -> dict[str, str]:
    return {r.id: r.name for r in session.exec(select(Round).where(col(Round.id).in_(round_ids)))} if round_ids else {}


@dataclass
class Backoff:
    """When to look for the service next: every ``every`` seconds while it answers (or nothing waits),
    twice as long after each check that found it unreachable, up to ``longest``."""

    every: float = 60.0
    longest: float = 900.0
    misses: int = 0

    def next_delay(self) -> float:
        return min(self.longest, self.every * 2 ** self.misses)

    def missed(self) -> None:
        self.misses = min(self.misses + 1, 16)

    def reached(self) -> None:
        self.misses = 0

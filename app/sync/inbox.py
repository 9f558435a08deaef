"""The laptop's side of what comes back: a newer round package, and the returns for revision.

After the outbox is sent, ``nilai sync`` (and File ▸ Sync now) asks each round's sync service for its
current round package - taken in by ``nilai round import``'s own code when it is newer than the one
here, so its signature is checked against the coordinator certificate remembered for the round - and
for the returns addressed to this laptop's assessor, which are kept (and the ones the coordinator
withdrew or saw answered are closed). Requests are signed with the assessor's key like the bundles
sent; the connection accepts only the service certificate pinned in the round package.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from sqlmodel import select

from app.assessments.returns import TakenIn, take_in_store
from app.base.atomic import atomic_write
from app.bundles import sync_target
from app.bundles.round_package import PackageError, import_round_package
from app.models.tables import Round
from app.rounds import resolve_round
from app.store import Store
from app.sync.client import TIMEOUT, SendFailed, pinned_context
from app.sync.outbox import Delivery, send_queued
from app.sync.returns import VERSION_HEADER
from app.sync.signing import signed_headers

PACKAGES_DIR = ("sync", "packages")


@dataclass
class Reception:
    """What one sync service sent back for this laptop."""

    url: str
    rounds: list[str]
    package: str = ""  # "round R: package version N taken in", or ""
    taken: TakenIn = field(default_factory=TakenIn)
    error: str = ""
    package_returned: int = 0  # returns the newer round package brought

    @property
    def returned(self) -> int:
        """Assessments newly returned for revision, by the package or the service's answer."""
        return self.package_returned + self.taken.added

    @property
    def ok(self) -> bool:
        return not self.error

    def line(self) -> str:
        if self.error:
            return f"{self.url}: nothing fetched: {self.error}"
        taken = self.taken
        if self.package_returned:
            taken = TakenIn(self.returned, taken.withdrawn, taken.ignored)
        return "; ".join(p for p in (self.package, taken.line()) if p)

    def to_json(self) -> dict[str, Any]:
        return {"url": self.url, "rounds": self.rounds, "package": self.package, "added": self.returned,
                "withdrawn": self.taken.withdrawn, "error": self.error}


def _get(http: httpx.Client, url: str, identity: Any) -> httpx.Response:
    headers = signed_headers("GET", url, b"", identity)
    try:
        response = http.get(url, headers=headers)
    except httpx.HTTPError as exc:
        raise SendFailed(f"{url}: the service could not be reached ({type(exc).__name__}: {exc})") from exc
    if response.status_code not in (200, 404):
        try:
            reason = response.json().get("reason", "")
        except ValueError:
            reason = response.text.strip()[:200]
        raise SendFailed(f"{url}: refused ({response.status_code}): {reason or response.reason_phrase}",
                         response.status_code)
    return response


def fetch_returns(http: httpx.Client, base_url: str, identity: Any) -> list[Any]:
    response = _get(http, base_url.rstrip("/") + "/returns", identity)
    data = response.json() if response.status_code == 200 else {}
    items = data.get("returns") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise SendFailed(f"{base_url}/returns: the answer is not a list of returns")
    return items


def fetch_round_package(http: httpx.Client, base_url: str, round_id: str, identity: Any) -> tuple[int, bytes] | None:
    """(package version, bytes) of the round's current package, or None when none was issued."""
    response = _get(http, f"{base_url.rstrip('/')}/round-package?round={round_id}", identity)
    if response.status_code == 404:
        return None
    version = response.headers.get(VERSION_HEADER, "")
    return (int(version) if version.isdigit() else 0), response.content


def receive(store: Store, identity: Any, *, only_round: str | None = None) -> list[Reception]:
    """Fetch, from every round's sync service, a newer round package and this assessor's returns."""
    with store.transaction() as session:
        rounds = [(r.id, r.name, r.package_version or 0, sync_target.get(session, r.id))
                  for r in session.exec(select(Round)) if only_round in (None, r.id)]
    services: dict[tuple[str, str], list[tuple[str, str, int]]] = {}
    for round_id, name, version, target in rounds:
        if target is not None:
            services.setdefault((target.url, target.cert_pem), []).append((round_id, name, version))
    receptions = []
    for (url, pem), members in sorted(services.items()):
        reception = Reception(url, [name for _, name, _ in members])
        cert = Path(store.data_dir).joinpath("sync", f"{members[0][0]}.pem")
        cert.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(cert, pem.encode("ascii"))
        try:
            with httpx.Client(verify=pinned_context(cert), timeout=TIMEOUT) as http:
                taken_packages = []
                for round_id, name, version in members:
                    fetched = fetch_round_package(http, url, round_id, identity)
                    if fetched is not None and fetched[0] > version:
                        line, returned = _take_package(store, round_id, name, *fetched)
                        taken_packages.append(line)
                        reception.package_returned += returned
                reception.package = "; ".join(taken_packages)
                items = fetch_returns(http, url, identity)
            reception.taken = take_in_store(store, items, round_ids={round_id for round_id, _, _ in members})
        except (SendFailed, PackageError) as exc:
            reception.error = str(exc).splitlines()[0]
        receptions.append(reception)
    return receptions


def _take_package(store: Store, round_id: str, name: str, version: int, content: bytes) -> tuple[str, int]:
    folder = Path(store.data_dir).joinpath(*PACKAGES_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{round_id}-v{version}.nilairound"
    atomic_write(path, content)
    result = import_round_package(store, path)  # signed by the coordinator remembered for the round, or refused
    return f"round {name!r}: package version {result.package_version} {result.outcome.replace('_', ' ')}", result.returned


def sync_round_trip(store: Store, identity: Any, *, round_ref: str | None = None, retries: int = 3,
                    **send_options: Any) -> tuple[list[Delivery], list[Reception]]:
    """Send the outbox, then fetch what came back: what ``nilai sync`` and File ▸ Sync now run."""
    deliveries = send_queued(store, identity, round_ref=round_ref, retries=retries, **send_options)
    only = None
    if round_ref is not None:  # known: send_queued refused an unknown round already
        with store.transaction() as session:
            only = resolve_round(session, round_ref).id
    return deliveries, receive(store, identity, only_round=only)


def has_service(store: Store) -> bool:
    """Does any round here name a sync service (something may come back even when nothing goes out)?"""
    with store.transaction() as session:
        return any(sync_target.get(session, r.id) is not None for r in session.exec(select(Round)))

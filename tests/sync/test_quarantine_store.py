"""The quarantine in the store (SQLite here; PostgreSQL through `nilai serve` in test_service.py and
test_coordinator_arrivals.py): kept whole and once, read back with the certificate's name and NIP,
bounded, trusted (imported) or rejected (deleted)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from app.bundles import report as R
from app.bundles.trust import cert_info
from app.store import open_store
from app.sync import quarantine
from tests.bundles.helpers import Demo, export


def kept(store, demo: Demo, index: int, bundle: Path) -> bool:
    pem = demo.cert(index).read_text()
    return quarantine.keep(store, bundle, hashlib.sha256(bundle.read_bytes()).hexdigest(), cert_info(pem).fingerprint,
                           pem, "the sender's certificate is not on the trust list")


def test_kept_once_listed_with_the_certificate_then_trusted_and_imported(demo: Demo, tmp_path: Path) -> None:
    store = open_store(tmp_path / "coordinator")
    try:
        bundle = export(demo, 1, tmp_path / "a1.nilai")
        assert kept(store, demo, 1, bundle) and not kept(store, demo, 1, bundle)
        [item] = quarantine.waiting(store)
        info = cert_info(demo.cert(1).read_text())
        assert (item.fingerprint, item.name, item.nip, item.size) == (info.fingerprint, info.name, info.nip,
                                                                    bundle.stat().st_size)
        assert item.file_name.startswith("sync-") and item.sha256[:12] in item.file_name
        outcome = quarantine.trust_and_import(store, [item.fingerprint])
        assert [b.outcome for b in outcome.report.bundles] == [R.BUNDLE_IMPORTED]
        assert quarantine.waiting(store) == [] and quarantine.settle(store) is None
    finally:
        store.close()


def test_rejected_bundles_are_deleted_and_a_full_quarantine_keeps_no_more(demo: Demo, tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store(tmp_path / "coordinator")
    try:
        first = export(demo, 2, tmp_path / "a2.nilai")
        second = export(demo, 2, tmp_path / "b2.nilai", "--all")
        monkeypatch.setattr(quarantine, "MAX_PER_CERTIFICATE_BYTES", first.stat().st_size + 10)
        assert kept(store, demo, 2, first)
        with pytest.raises(quarantine.TooLargeForQuarantine, match="the quarantine is full"):
            kept(store, demo, 2, second)
        assert quarantine.count(store) == 1
        assert quarantine.reject(store, [cert_info(demo.cert(2).read_text()).fingerprint]) == 1
        assert quarantine.count(store) == 0
        assert kept(store, demo, 2, second)  # room again
    finally:
        store.close()

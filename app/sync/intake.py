"""The service's intake of one received bundle: the very import `nilai bundle import` runs.

Nothing here knows HTTP. A bundle arrives as a file in ``<data dir>/sync/incoming/`` (the web
layer streams it there and checks it against the signed digest); then it is either kept in the
store's quarantine (sender not trusted yet: app.sync.quarantine) or handed to
:func:`app.bundles.importer.import_bundles`, the function the command line calls, with the same checks and the same all-or-nothing transaction, and
the same JSON report is written under ``<data dir>/sync/reports/``. What an import refused is kept
under ``sync/rejected/`` for the coordinator to look at.

Imports in one service process run one at a time (the importer is already safe beside other
processes on the same PostgreSQL store; a lock here keeps one process from competing with itself).
"""

from __future__ import annotations

import json
import logging
import os
import threading
import uuid
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from app.bundles import report as R
from app.bundles.errors import BundleError
from app.bundles.format import SUFFIX
from app.bundles.importer import import_bundles
from app.bundles.intake import bundle_certificate
from app.bundles.trust import REVOKED
from app.models.sync import TrustedCertificate
from app.store import Store
from app.sync import quarantine
from app.sync.outcome import QUARANTINED, REJECTED, Outcome, from_report

TRUSTED, REVOKED_KEY, UNKNOWN = "trusted", "revoked", "unknown"
# The service holds no private key (it would need the coordinator's passphrase on a server): a bundle
# encrypted to the coordinator is for a file hand-in; over the service TLS already protects the bundle.
ENCRYPTED = ("encrypted to the coordinator's certificate, and the sync service opens no encrypted bundle (it holds "
             "no private key); send it unencrypted (`nilai sync` does: TLS protects it on the way) or hand the file "
             "to the coordinator for `nilai bundle import --passphrase-file`")


class Intake:
    def __init__(self, store: Store, data_dir: Path) -> None:
        self.store = store
        self.data_dir = Path(data_dir)
        self.root = self.data_dir / "sync"
        self.incoming = self.root / "incoming"
        self.reports = self.root / "reports"
        self.rejected = self.root / "rejected"
        for folder in (self.incoming, self.reports, self.rejected):
            folder.mkdir(parents=True, exist_ok=True)
        for leftover in self.incoming.iterdir():  # uploads cut off by a stop or a crash; the sender sends again
            leftover.unlink(missing_ok=True)
        self._lock = threading.Lock()

    def standing(self, fingerprint: str) -> tuple[str, str]:
        """Is this certificate trusted, revoked, or unknown here - read now, so a revocation takes effect at once."""
        with self.store.transaction() as session:
            row = session.get(TrustedCertificate, fingerprint)
        if row is None:
            return UNKNOWN, ""
        if row.source.startswith(REVOKED):
            return REVOKED_KEY, (f"the certificate of {row.name or 'this assessor'} ({fingerprint[:16]}…) was "
                                 f"{row.source}; ask the coordinator")
        return TRUSTED, ""

    def new_upload(self) -> Path:
        return self.incoming / f"{uuid.uuid4().hex}.part"

    def receive(self, upload: Path, sha256: str, fingerprint: str, cert_pem: str) -> Outcome:
        """Take in a complete, authenticated upload; the file is moved or removed when this returns."""
        spooled = upload.with_name(f"{sha256}-{upload.stem[:8]}{SUFFIX}")
        os.replace(upload, spooled)
        try:
            standing, _reason = self.standing(fingerprint)
            if standing == UNKNOWN:
                return self._quarantine(spooled, sha256, fingerprint, cert_pem,
                                        "the sender's certificate is not on the trust list")
            with self._lock:
                report = import_bundles(self.store, [spooled])
            bundle = report.bundles[0]
            if bundle.outcome == R.BUNDLE_REJECTED and bundle.error_kind == "failed":
                self._store_answers()  # a check that failed because the database went away is no rejection
            written = self.reports / f"{datetime.now(UTC):%Y%m%dT%H%M%S.%f}-{sha256[:16]}.json"
            try:
                report.write_json(written)
            except OSError as exc:  # the import is committed (its receipt is in the store): answer it all the same
                logging.getLogger("app.sync").warning(json.dumps(
                    {"event": "report_not_written", "file": written.name, "reason": str(exc),
                     "time": datetime.now(UTC).isoformat(timespec="milliseconds")}))
            outcome = from_report(bundle)
            if bundle.outcome == R.BUNDLE_REJECTED and bundle.error_kind == "encrypted":
                outcome = Outcome(REJECTED, ENCRYPTED, {}, bundle.bundle_id, "encrypted")
            if bundle.outcome == R.BUNDLE_REJECTED and bundle.error_kind == "untrusted":
                # sent by a trusted assessor but signed by a certificate not trusted here: it waits too
                try:
                    info = bundle_certificate(spooled, source="sync service")
                except BundleError:
                    pass
                else:
                    signer, revoked = self.standing(info.fingerprint)
                    if signer == REVOKED_KEY:  # refused, not waiting for a decision already taken
                        outcome = Outcome(REJECTED, revoked, {}, bundle.bundle_id, "revoked")
                    else:
                        return self._quarantine(spooled, sha256, info.fingerprint, info.pem, bundle.reason,
                                                fingerprint)
            if outcome.outcome == REJECTED:
                os.replace(spooled, self.rejected / f"{sha256}{SUFFIX}")
            return outcome
        finally:
            spooled.unlink(missing_ok=True)

    def _store_answers(self) -> None:
        """Raise (the service then answers 503, "send it again") when the store does not answer now."""
        with self.store.engine.connect() as connection:
            connection.execute(text("SELECT 1"))

    def _quarantine(self, spooled: Path, sha256: str, fingerprint: str, cert_pem: str, reason: str,
                    sender: str = "") -> Outcome:
        try:
            quarantine.keep(self.store, spooled, sha256, fingerprint, cert_pem, reason, sender or fingerprint)
        except quarantine.TooLargeForQuarantine as exc:
            return Outcome(REJECTED, f"{reason}; {exc}", bundle_id=None, error_kind="untrusted")
        return Outcome(QUARANTINED, f"kept for the coordinator's decision: {reason} (certificate {fingerprint[:16]}…); "
                       f"the coordinator checks its fingerprint {fingerprint} with you, then trusts it",
                       bundle_id=None, error_kind="untrusted", kept=sha256)

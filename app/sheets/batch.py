"""A batch of signed sheets as a pipeline: rendering starts before the key is unlocked.

``SheetBatch(store, out_dir, round_id=…, day=…, lang=…, renderer=…)`` counts what the batch will
sign (as :func:`app.sheets.export.export_sheets` documents); ``start()`` takes the first snapshots
and hands them to the render processes; ``sign(unlocked, …)`` then signs, writes and records each
sheet as it comes back from rendering, keeping the render processes a bounded distance ahead.
Until ``sign`` is called nothing is written anywhere, so a wrong passphrase or a cancelled prompt
costs only the rendering (``discard()``, or leaving the ``with`` block, stops it).

Why: rendering is most of a batch's CPU time and needs no key, so the command line starts the
render processes first thing (:meth:`SheetRenderer.warm_up`) and lets them render while it
imports pyHanko and unlocks the key (scrypt, slow on purpose). On a
busy two-core machine the batch's wall time is then set by the rendering alone.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import logging
import os
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from types import TracebackType

from sqlmodel import select

from app.assessments.snapshots import snapshot_in
from app.identity import UnlockedIdentity
from app.models.domain import AssessmentSnapshot, AssessmentStatus
from app.models.tables import Assessor, Panel, Round
from app.rounds import resolve_round
from app.sheets.files import read_signature_image
from app.sheets.keep import (
    ExportResult,
    Progress,
    _actor,
    _describe_os_error,
    _failure_message,
    _lang,
    _record,
    _record_many,
    _remove,
    _sign,
    _write,
    _Written,
)
from app.sheets.render_pool import MAX_SHEETS_AHEAD, Rendering, SheetRenderer, default_workers
from app.sheets.scope import SheetExportError, assessments_in_scope, check_signer, parse_day, signer_profile
from app.store import Store

log = logging.getLogger(__name__)

AHEAD = MAX_SHEETS_AHEAD  # sheets rendering or rendered, not yet signed (~60 KB each when rendered)
REFILL = 16  # snapshots are taken this many at a time, in one transaction
GROUP = 4  # sheets per render task: fewer hand-overs to the render processes, one pickled instrument
RECORD_EVERY = 8  # written sheets recorded as signed in one transaction


class SheetBatch:
    """Every finalized, unsigned, current assessment of this laptop's assessor in a round (and day)."""

    def __init__(
        self,
        store: Store,
        out_dir: str | os.PathLike[str],
        *,
        round_id: str | None = None,
        day: dt.date | str | None = None,
        lang: str = "id",
        renderer: SheetRenderer | None = None,
        workers: int | None = None,
    ) -> None:
        self.started = time.perf_counter()
        self.store, self.lang, self.out = store, _lang(lang), Path(out_dir).expanduser()
        day = parse_day(day)
        with store.transaction() as session:
            self.profile = signer_profile(session)
            round_ = resolve_round(session, round_id)
            scope = assessments_in_scope(session, round_.id, self.profile.id, day)
            self.pending = [a.version_id for a in scope if a.status == AssessmentStatus.FINAL]
            self.result = ExportResult(
                out_dir=self.out,
                round_id=round_.id,
                round_name=round_.name,
                total=len(self.pending),
                already_signed=sum(a.status == AssessmentStatus.SIGNED for a in scope),
                not_finalized=sum(a.status == AssessmentStatus.DRAFT for a in scope),
            )
        self._renderer = renderer
        self._workers = workers
        self._todo = iter(self.pending)
        self._queue: deque[tuple[AssessmentSnapshot, Rendering]] = deque()

    # ----------------------------------------------------------------------- before signing

    def check(self, unlocked: UnlockedIdentity) -> None:
        """Raise :class:`SheetExportError` if ``unlocked`` is not this assessor's identity or the
        output folder cannot be used; nothing is signed then."""
        check_signer(self.profile, unlocked)
        try:
            self.out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SheetExportError(f"The output folder {self.out} cannot be used: {_describe_os_error(exc)}.") from exc
        if not self.out.is_dir():
            raise SheetExportError(f"{self.out} is not a folder.")

    def start(self) -> None:
        """Hand the first sheets to the render processes (started now if none were given)."""
        if not self.pending:
            self.discard()
            return
        if self._renderer is None:
            workers = self._workers if self._workers is not None else default_workers(len(self.pending))
            self._renderer = SheetRenderer(workers, self.lang)
        self._fill()

    def _fill(self) -> None:
        """Top the queue up to :data:`AHEAD` sheets: :data:`REFILL` snapshots per transaction, handed
        to the render processes in groups of :data:`GROUP`."""
        assert self._renderer is not None
        if len(self._queue) > AHEAD - REFILL:
            return
        with self.store.transaction() as session:
            # The session's identity map holds rows weakly: held here, the round, the assessor and
            # the round's panels are read once per transaction instead of once per snapshot.
            held = [session.get(Round, self.result.round_id), session.get(Assessor, self.profile.id),
                    *session.exec(select(Panel).where(Panel.round_id == self.result.round_id))]
            while len(self._queue) < AHEAD:
                snaps = [snapshot_in(session, version_id) for version_id in itertools.islice(self._todo, GROUP)]
                if not snaps:
                    return
                self._queue.extend(zip(snaps, self._renderer.submit_group(snaps), strict=True))
            del held

    # ----------------------------------------------------------------------- signing

    def sign(
        self,
        unlocked: UnlockedIdentity,
        *,
        progress: Progress | None = None,
        cancel: Callable[[], bool] | None = None,
        signature_image: bytes | None = None,
    ) -> ExportResult:
        """Sign, write and record every sheet of the batch, in order; see ``export_sheets``."""
        result = self.result
        self.check(unlocked)
        if not self.pending:
            result.seconds = time.perf_counter() - self.started
            return result
        if self._renderer is None:
            self.start()
        assert self._renderer is not None
        image = signature_image if signature_image is not None else read_signature_image(self.store.data_dir)
        actor = _actor(self.profile)
        # A writer thread writes sheet k (its fsyncs wait on the disk, not the CPU) while this
        # thread signs sheet k + 1; sheet k + 1 is handed over only once sheet k is written, so a
        # failure stops the batch right there. Written sheets are recorded here, up to RECORD_EVERY
        # in one transaction (one commit and its fsync for several; recording on the writer thread
        # would cost more CPU in hand-overs of Python's lock than it saves). A sheet is recorded
        # only once its files are durable: a crash can lose the record of a few written sheets
        # (still 'final', so the next export signs and writes them again), never the reverse.
        writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nilai-sheet-writer")
        writing: tuple[AssessmentSnapshot, Future[_Written]] | None = None
        written: list[_Written] = []  # durable, not yet recorded
        current: AssessmentSnapshot | None = None

        def collect() -> None:
            """Wait for the sheet being written; it joins the sheets to record."""
            nonlocal writing, current
            if writing is None:
                return
            current, future = writing
            writing = None
            written.append(future.result())  # raises what writing it raised (its files are gone then)
            current = None
            if progress is not None:
                progress(len(result.signed) + len(written), result.total, written[-1].snap.region.name)

        def record() -> None:
            """Record the written sheets; if that fails, one at a time, so that the sheets before a
            failing one stay signed (the failing one's files, and those of the sheets after it, go)."""
            nonlocal current
            group = written[:]
            written.clear()
            if not group:
                return
            try:
                result.signed.extend(_record_many(self.store, group, actor=actor))
                return
            except Exception:
                log.debug("recording %d sheets at once failed; one at a time", len(group), exc_info=True)
            # (An interrupt leaves the group's files: whether its commit happened is not known, and a
            # file without its record is made good by the next export, a record without its file never.)
            for index, sheet in enumerate(group):
                current = sheet.snap
                try:
                    result.signed.append(_record(self.store, sheet, actor=actor))  # removes its files on failure
                except BaseException:
                    for later in group[index + 1:]:
                        _remove(later)
                    raise
            current = None

        def stop() -> bool:
            if cancel is not None and cancel():
                result.cancelled = True
            return result.cancelled

        try:
            while self._queue and not stop():
                snap, rendering = self._queue.popleft()
                current = snap
                pdf = self._renderer.result(snap, rendering)
                self._fill()  # keep the render processes busy while this one is signed and written
                signed = _sign(snap, pdf, unlocked, lang=self.lang, signature_image=image)
                current = None
                collect()
                if len(written) >= RECORD_EVERY:
                    record()
                if stop():  # asked while the previous sheet was written: this one is dropped unwritten
                    break
                writing = (snap, writer.submit(_write, self.store, snap, signed, out_dir=self.out))
            collect()
            record()
        except Exception as exc:  # every failure ends the batch the same clean way
            failed = current
            # a sheet failed to sign, to be written or to be recorded: the sheets written before it are kept
            with contextlib.suppress(Exception):
                collect()
            with contextlib.suppress(Exception):
                record()
            result.error = _failure_message(exc, failed, len(result.signed))
            result.failed_version_id = failed.version_id if failed else None
        finally:
            writer.shutdown(wait=True)  # a sheet being written is finished first
            if writing is not None:  # written, but the batch stopped before recording it
                with contextlib.suppress(Exception):
                    written.append(writing[1].result())
            for sheet in written:
                _remove(sheet)
            self.close()
            result.seconds = time.perf_counter() - self.started
        return result

    # ----------------------------------------------------------------------- the end

    def close(self) -> None:
        """Wait for the render processes to stop (any sheet not yet rendered is dropped)."""
        renderer, self._renderer = self._renderer, None
        self._queue.clear()
        if renderer is not None:
            renderer.close()

    def discard(self) -> None:
        """Stop rendering at once: the batch will not be signed (wrong passphrase, prompt cancelled)."""
        renderer, self._renderer = self._renderer, None
        self._queue.clear()
        if renderer is not None:
            renderer.discard()

    def __enter__(self) -> SheetBatch:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.discard()

"""GUI kill campaign: type a note at human speed into the real interview window, SIGKILL the program
at random moments, and measure what the store lost: at most the last few hundred milliseconds of
typing may be missing, however long the typing went on.

A fork server imports Qt and the program once; for each kill it forks a fresh program (its own
QApplication, copy of the store and main window, offscreen) that reopens the interview as after
any crash, puts the cursor in the note and types one key every 150 ms through Qt's key events,
reporting each key on stdout. The driver kills it at a random moment and compares the store with
what was typed.

Run by tests/test_note_kill_campaign.py with a CI-sized setting; for a longer manual run:
    .venv/bin/python tests/note_kill_campaign.py --kills 1000
"""

from __future__ import annotations

import argparse
import contextlib
import os
import queue
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEY_GAP_MS = 150
AHEAD = 2  # programs being set up while one types, so a kill costs little more than its typing
TEXT = ("Bupati hadir bersama Kepala Dinas Kominfo; Perda TIK 2017 sudah disahkan, pusat data di Bappeda "
        "belum bersertifikat. ")


def typed_text(count: int) -> str:
    """The first ``count`` characters the typist types (the sentence, over and over)."""
    return (TEXT * (count // len(TEXT) + 1))[:count]


def _say(line: str) -> None:
    os.write(1, (line + "\n").encode())  # one write: whole lines even when killed mid-way


# -- the program being killed ------------------------------------------------------------------


def type_until_killed(data_dir: str, go: int) -> None:
    """The forked child: the real main window on ``data_dir``; once ``go`` is readable, it types into
    the open interview's note until it is killed."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.store import open_store, settings
    from app.ui.mainwindow.window import MainWindow
    from app.ui.state import UiState
    from app.ui.tasks import TaskRunner

    app = QApplication(["nilai"])
    store = open_store(data_dir)
    profile = settings.profile(store)
    assert profile is not None
    window = MainWindow(store, TaskRunner(), profile, "en", UiState(Path(data_dir)))
    window.show()
    window.start()  # back to the interview that was open, as after any crash
    view = window.interview
    me = os.getpid()
    count = 0

    def key() -> None:
        nonlocal count
        QTest.keyClicks(view.panel.note, typed_text(count + 1)[-1])
        count += 1
        _say(f"KEY {me} {count} {time.monotonic():.6f}")

    def begin() -> None:
        if view.session is None or view.session.snapshot is None or view.current_code is None:
            QTimer.singleShot(20, begin)  # the first read of the assessment is on its way
            return
        view.panel.note.setFocus()
        _say(f"SET {me}")
        os.read(go, 1)  # set up while the previous program types; start typing when told
        _say(f"READY {me} {view.current_code} {time.monotonic():.6f}")
        typist.start()

    typist = QTimer()
    typist.setInterval(KEY_GAP_MS)
    typist.timeout.connect(key)
    QTimer.singleShot(0, begin)
    app.exec()


def serve() -> None:
    """``prep DATA_DIR`` forks a typing program (reported as ``PID``), ``go PID`` lets it type;
    every ended program is reported as ``END PID STATUS``."""
    sys.path.insert(0, str(ROOT))
    import PySide6.QtTest  # noqa: F401 - loaded once here, not in every child
    import PySide6.QtWidgets  # noqa: F401

    import app.ui.mainwindow.window  # noqa: F401

    def reap() -> None:
        while True:
            try:
                pid, status = os.wait()
            except ChildProcessError:
                time.sleep(0.02)
                continue
            _say(f"END {pid} {status}")

    go_pipes: dict[int, int] = {}
    threading.Thread(target=reap, daemon=True).start()
    _say("SERVING")
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        if command == "prep":
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(write_end)
                try:
                    type_until_killed(argument, read_end)
                except BaseException as exc:  # noqa: BLE001 - reported to the driver, which fails the campaign
                    sys.stderr.write(f"typist failed: {exc!r}\n")
                finally:
                    os._exit(70)
            os.close(read_end)
            go_pipes[pid] = write_end
            _say(f"PID {pid}")
        elif command == "go":
            write_end = go_pipes.pop(int(argument))
            os.write(write_end, b"g")
            os.close(write_end)


# -- the driver --------------------------------------------------------------------------------


def prepare(data_dir: Path) -> str:
    """A store with this laptop's assessor and one draft assessment left open, as the program keeps it."""
    sys.path.insert(0, str(ROOT))
    from app import assessments
    from app.instruments import find_instrument
    from app.rounds import create_round
    from app.store import open_store, settings

    store = open_store(data_dir)
    try:
        me = settings.save_profile(store, "Siti Rahmawati", "198001012005012001", "Kominfo")
        instrument = find_instrument("smart-city-readiness-2018")
        with store.transaction() as session:
            round_id = create_round(session, name="Kill campaign", instrument=instrument, region_codes=["3325"]).id
        version = assessments.start_assessment(store, round_id=round_id, region_code="3325", assessor_id=me.id)
        settings.write(store, settings.LAST_OPEN, version)
        return version
    finally:
        store.close()


def stored_note(data_dir: Path, version_id: str, code: str) -> tuple[str, int]:
    """The note in the store after a kill, and how many saves (change-log entries) it took.

    Read with plain sqlite3 (which recovers the write-ahead log like any opener): an oracle apart
    from the code under test, and cheap enough to run after every kill.
    """
    from app.store import DATABASE_FILE

    connection = sqlite3.connect(data_dir / DATABASE_FILE)
    try:
        row = connection.execute("SELECT note FROM score WHERE version_id = ? AND indicator_code = ?",
                                 (version_id, code)).fetchone()
        (saves,) = connection.execute("SELECT count(*) FROM change_log WHERE version_id = ? AND field = 'note'",
                                      (version_id,)).fetchone()
        return (row[0] if row else ""), saves
    finally:
        connection.close()


@dataclass
class CampaignResult:
    kills: int = 0
    typed: int = 0  # characters typed before the kills
    lost: int = 0  # characters typed but not in the store afterwards
    saves: int = 0  # note saves that reached the store
    typing_seconds: float = 0.0
    max_loss_ms: float = 0.0  # the longest stretch of typing lost to one kill
    setup_wait_seconds: float = 0.0  # time the driver waited for a program to be ready to type
    losses_ms: list[float] = field(default_factory=list)

    @property
    def mean_loss_ms(self) -> float:
        return sum(self.losses_ms) / max(1, len(self.losses_ms))

    def summary(self) -> str:
        return (f"note kill campaign: {self.kills} kills, {self.typed} characters typed at {KEY_GAP_MS} ms/key, "
                f"{self.lost} lost ({self.lost / max(1, self.kills):.1f} per kill), loss {self.mean_loss_ms:.0f} ms of typing "
                f"on average, {self.max_loss_ms:.0f} ms at most, {self.saves} saves in {self.typing_seconds:.0f} s of typing "
                f"({self.setup_wait_seconds:.0f} s waiting for a program to be set up)")


class Server:
    """The fork server, with a thread reading its stdout into a queue, sorted into events by pid."""

    def __init__(self, log: Path) -> None:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
        env.pop("NILAI_DATA_DIR", None)
        self.stderr = open(log, "w+b")  # noqa: SIM115 - closed in close()
        self.process = subprocess.Popen([sys.executable, __file__, "--serve"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=self.stderr, env=env, cwd=ROOT)
        self.lines: queue.Queue[str] = queue.Queue()
        self.events: dict[tuple[str, int], list[str]] = {}  # (word, pid) -> the rest of each line
        self.serving = False
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.wait_until(lambda: self.serving, "the fork server to start", timeout=60)

    def _read(self) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            self.lines.put(raw.decode().rstrip("\n"))
        self.lines.put("EOF")

    def pump(self, deadline: float) -> None:
        """Sort the lines that arrive until ``deadline`` (or the first one) into events."""
        try:
            line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            return
        if line == "EOF":
            raise AssertionError(f"the fork server ended; its stderr: {self.errors()}")
        if line == "SERVING":
            self.serving = True
            return
        word, pid, *rest = line.split()
        self.events.setdefault((word, int(pid)), []).append(" ".join(rest))

    def wait_until(self, condition, what: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"no {what} within {timeout} s; the typists' stderr: {self.errors()}")
            self.pump(deadline)

    def event(self, word: str, pid: int) -> list[str]:
        return self.events.get((word, pid), [])

    def seen(self, word: str, pid: int):
        return lambda: bool(self.event(word, pid))

    def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(f"{line}\n".encode())
        self.process.stdin.flush()

    def prep(self, data_dir: Path) -> int:
        known = {pid for word, pid in self.events if word == "PID"}
        self.send(f"prep {data_dir}")
        self.wait_until(lambda: any(word == "PID" and pid not in known for word, pid in self.events), "new program")
        return next(pid for word, pid in self.events if word == "PID" and pid not in known)

    def errors(self) -> str:
        self.stderr.seek(0)
        return self.stderr.read().decode(errors="replace")[-3000:]

    def close(self) -> None:
        for word, pid in list(self.events):
            if word == "PID" and not self.event("END", pid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.close()
        self.process.kill()
        self.process.wait()
        self.reader.join(timeout=10)
        self.process.stdout.close()
        self.stderr.close()


def run_campaign(work_dir: Path, kills: int, seed: int, typing_seconds: tuple[float, float] = (0.2, 1.6),
                 allowed_loss_ms: float | None = None) -> CampaignResult:
    """Kill ``kills`` typing programs; every kill must lose at most ``allowed_loss_ms`` of typing.

    The next programs are set up (each on its own copy of the store) while the current one types.
    """
    rng = random.Random(seed)
    work_dir.mkdir(parents=True, exist_ok=True)
    template = work_dir / "template"
    version = prepare(template)
    result = CampaignResult()
    server = Server(work_dir / "typist-stderr.log")
    programs: list[tuple[int, Path]] = []  # set up, waiting to type: (pid, its copy of the store)

    def set_up_next(kill: int) -> None:
        run_dir = work_dir / f"run-{kill % (AHEAD + 1)}"
        shutil.rmtree(run_dir, ignore_errors=True)
        shutil.copytree(template, run_dir)
        programs.append((server.prep(run_dir), run_dir))

    try:
        for kill in range(min(AHEAD, kills)):
            set_up_next(kill)
        for kill in range(kills):
            pid, run_dir = programs.pop(0)
            waiting = time.monotonic()
            server.wait_until(server.seen("SET", pid), "program set up", timeout=60)
            result.setup_wait_seconds += time.monotonic() - waiting
            server.send(f"go {pid}")
            server.wait_until(server.seen("READY", pid), "typing")
            code, started = server.event("READY", pid)[0].split()
            if kill + AHEAD < kills:
                set_up_next(kill + AHEAD)
            kill_at = float(started) + rng.uniform(*typing_seconds)
            while time.monotonic() < kill_at:
                server.pump(kill_at)
                if server.event("END", pid):
                    raise AssertionError(f"the typing program ended before the kill: {server.errors()}")
            os.kill(pid, signal.SIGKILL)
            killed = time.monotonic()
            server.wait_until(server.seen("END", pid), "end after the kill")
            status = int(server.event("END", pid)[0])
            if not (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL):
                raise AssertionError(f"the typing program was not killed but ended ({status}): {server.errors()}")
            keys = {int(n): float(at) for n, at in (line.split() for line in server.event("KEY", pid))}
            typed = max(keys, default=0)
            note, saves = stored_note(run_dir, version, code)
            if note != typed_text(len(note)) or len(note) > typed:
                raise AssertionError(f"the store holds {note!r}, which is not what was typed ({typed} keys)")
            lost = typed - len(note)
            # The loss in time: from the moment the first character missing from the store was typed to the kill.
            loss_ms = (killed - keys[len(note) + 1]) * 1000 if lost else 0.0
            result.kills += 1
            result.typed += typed
            result.lost += lost
            result.saves += saves
            result.typing_seconds += killed - float(started)
            result.losses_ms.append(loss_ms)
            result.max_loss_ms = max(result.max_loss_ms, loss_ms)
            if allowed_loss_ms is not None and loss_ms > allowed_loss_ms:
                raise AssertionError(f"kill {result.kills}: {lost} of {typed} characters lost, the last "
                                     f"{loss_ms:.0f} ms of typing (at most {allowed_loss_ms:.0f} ms allowed)")
    finally:
        server.close()
    return result


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--serve":
        serve()
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-typing", type=float, default=3.0, help="seconds of typing before a kill, at most")
    parser.add_argument("--work-dir", type=Path)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    directory = args.work_dir or Path(tempfile.mkdtemp(prefix="nilai-note-kill-"))
    result = run_campaign(directory, args.kills, args.seed, typing_seconds=(0.2, args.max_typing))
    print(result.summary())


if __name__ == "__main__":
    main()

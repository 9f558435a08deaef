"""The round-setup workspace at the largest round the programme plans for (app/ui/setup).

Run: ``.venv/bin/python -m benchmarks.bench_setup_ui [--n 5]`` (offscreen Qt).

Shape: all 514 regencies and cities to interview, 40 assessors from 20 provinces, 10 panels of 3
over 5 days. Measured on the GUI thread, since these run there: opening the round (every page
reads its step back), one slot moved in the grid (the rows it changes saved, checked again and
redrawn) and that move undone. Generation runs on the task runner (here an inline executor) and
is measured with its save and recheck. The move and the undo are made with step 4 (the grid) on
screen, and each includes the events it leaves pending (the rows' height measured again, the grid
repainted), as a coordinator dragging slots waits for them. Each line gives the median wall time
and, beside it, the median CPU time of the process: on the shared machine the wall time swings
with other work, the CPU time says what the move itself costs. Target: a move or an undo under
0.5 s, so that dragging slots about stays fluid.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `app` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.timing import median_wall_and_cpu  # noqa: E402

TARGET = 0.5


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5)
    args = parser.parse_args(argv)
    # deferred: Qt and the store only once the arguments are read (``--help`` stays instant)
    from PySide6.QtWidgets import QApplication

    from app.regions import regions
    from app.rounds import setup
    from app.rounds.setup import ScheduleLayout
    from app.store import open_store
    from app.ui.coordinator.services import CoordinatorServices
    from app.ui.setup.workspace import SetupWorkspace
    from app.ui.tasks import InlineExecutor, TaskRunner

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder))
        try:
            round_id = setup.new_round(store, name="Bench", instrument_id="smart-city-readiness-2018")
            setup.add_candidates(store, round_id, [r.code for r in regions()], "interview")
            provinces = sorted({r.province_code for r in regions()})[:20]
            for i in range(40):
                setup.add_assessor(store, round_id, name=f"Penilai {i + 1}", province_code=provinces[i % 20])
            days = tuple(date(2026, 3, 2) + timedelta(days=d) for d in range(5))
            setup.save_schedule_layout(store, round_id, ScheduleLayout(days=days, panels=10, panel_size=3))
            runner = TaskRunner(InlineExecutor())
            workspace = SetupWorkspace(CoordinatorServices(store, runner, Path(folder), "en"))
            workspace.resize(1366, 768)
            workspace.show()
            page = workspace.schedule_page

            def open_round() -> None:
                workspace.set_round(None)
                workspace.set_round(round_id)

            opening = median_wall_and_cpu(open_round, args.n)
            generating = median_wall_and_cpu(page.generate, args.n)
            history = workspace.ctx.history
            workspace.show_step(3)  # the grid on screen, as when slots are dragged about
            QApplication.processEvents()

            def move() -> None:
                target = page.slots[5]
                if not page.move_slot(0, target.day, target.start, 1):
                    raise SystemExit("the benchmark's move was refused: it would time nothing")
                QApplication.processEvents()  # the row heights measured again and the grid repainted

            def undo_and_redo() -> None:
                history.undo()
                QApplication.processEvents()
                history.redo()
                QApplication.processEvents()

            moving = median_wall_and_cpu(move, args.n)
            undoing = tuple(seconds / 2 for seconds in median_wall_and_cpu(undo_and_redo, args.n))
            print(f"514 candidates, 40 assessors, 10x3 panels, 5 days: {len(page.slots)} slots, "
                  f"{len(page.problems)} problem(s) after the moves")
            for label, (wall, cpu), target in (("open the round (all five pages)", opening, None),
                                               ("generate + save + recheck", generating, None),
                                               ("move one slot (save, recheck, redraw)", moving, TARGET),
                                               ("undo or redo a move", undoing, TARGET)):
                verdict = f"  (target < {target} s: {'met' if wall < target else 'NOT met'})" if target else ""
                print(f"  {label:40} {wall * 1000:8.1f} ms (CPU {cpu * 1000:.1f} ms){verdict}")
            workspace.close()
            runner.shutdown()
        finally:
            store.close()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

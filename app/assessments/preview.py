"""A sample assessment under an instrument, in a throw-away store, to preview it before a round.

The coordinator wants to see the interview screen and the evaluation sheet as they will look with
an instrument before handing the round out. Both are drawn by the real code from a real store, so
the preview builds one in a temporary folder: a round with one sample region, a sample assessor,
and one assessment with every indicator scored at its middle level. Nothing touches the
coordinator's own store; :meth:`SamplePreview.close` removes the folder.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from app.assessments.editing import set_level, set_note, start_assessment
from app.models.domain import AssessorInfo, Instrument
from app.rounds import SlotPlan, add_slots, create_round
from app.store import Store, open_store, settings

__all__ = ["SAMPLE_REGION", "SamplePreview", "sample_preview"]

SAMPLE_REGION = "3325"  # Kabupaten Batang, Jawa Tengah: a regency that took part in 2018


@dataclass
class SamplePreview:
    store: Store
    folder: Path
    round_id: str
    version_id: str
    assessor: AssessorInfo
    instrument: Instrument

    def close(self) -> None:
        self.store.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def sample_preview(instrument: Instrument, note: str = "Contoh / Example") -> SamplePreview:
    """A throw-away store holding one sample assessment of ``instrument``, every indicator scored."""
    folder = Path(tempfile.mkdtemp(prefix="nilai-preview-"))
    store = open_store(folder)
    try:
        assessor = settings.save_profile(store, "Penilai Contoh", "000000000000000000", "Contoh")
        with store.transaction(write=True) as session:
            round_ = create_round(session, name=f"{instrument.title.id} (pratinjau / preview)", instrument=instrument,
                                  region_codes=[SAMPLE_REGION])
            add_slots(session, round_, [SlotPlan(date.today(), time(8, 0), 30, "Panel 1", "Ruang 1",
                                                 SAMPLE_REGION, (assessor.id,))])
            round_id = round_.id
        version = start_assessment(store, round_id=round_id, region_code=SAMPLE_REGION, assessor_id=assessor.id)
        actor = f"{assessor.name} <{assessor.nip}>"
        for indicator in instrument.indicators():
            middle = indicator.levels[(len(indicator.levels) - 1) // 2]
            set_level(store, version, indicator.code, middle.level, actor)
            if middle.requires_note:
                set_note(store, version, indicator.code, note, actor)
    except BaseException:
        store.close()
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return SamplePreview(store, folder, round_id, version, assessor, instrument)

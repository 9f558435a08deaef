"""Round setup's refusals in the interface language.

The core raises SetupError with an English message for the command line, and names what it says
as a kind with fields (a round name, region and province codes, a NIP); here each kind is a
translatable sentence, regions named from the catalogue. A refusal without a known kind (or any
other error) is shown as the core wrote it, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import time

from PySide6.QtCore import QObject

from app.rounds.setup import FileProblems, SetupError
from app.ui.setup.plan_words import PlanWords, province_text, region_text, time_text


def _regions(codes: str) -> str:
    return ", ".join(region_text(code.strip()) for code in codes.split(",") if code.strip())


class SetupWords(QObject):
    """One line for a refused setup request: what is wrong and what to do."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan_words = PlanWords(self)

    def _fill(self, text: str, *values: str) -> str:
        for n, value in enumerate(values, start=1):
            text = text.replace(f"%{n}", value)
        return text

    def _time(self, hh_mm: str) -> str:
        """ "08.00" in Indonesian, "08:00" in English."""
        hour, minute = hh_mm.split(":")
        return time_text(time(int(hour), int(minute)))

    def said(self, exc: BaseException) -> str:
        """The sentence for this refusal; the core's English (first line) when the kind is unknown."""
        english = str(exc).strip()
        fallback = english.splitlines()[0] if english else type(exc).__name__
        if isinstance(exc, FileProblems) and exc.problems:
            return self._fill(self.tr("%1: %2 problem(s), nothing was imported; the first: %3"),
                              exc.fields.get("source", ""), str(len(exc.problems)),
                              self.plan_words.file_problem(exc.problems[0]))
        if not isinstance(exc, SetupError) or not exc.kind:
            return fallback
        sentence = self._sentences(exc.fields).get(exc.kind)
        return sentence() if sentence else fallback

    def _sentences(self, f: dict[str, str]) -> dict[str, Callable[[], str]]:
        return {
            "round_name_taken": lambda: self.tr("A round named “%1” already exists here; choose another name."
                                                ).replace("%1", f["name"]),
            "round_name_missing": lambda: self.tr("The round needs a name, e.g. “Gerakan Menuju 100 Smart City "
                                                  "2019”."),
            "round_name_long": lambda: self.tr("The round name is %1 characters long; shorten it to at most 200."
                                               ).replace("%1", f["length"]),
            "dates_reversed": lambda: self._fill(self.tr("The round ends (%1) before it starts (%2); swap or correct "
                                                         "the dates."), f["ends_on"], f["starts_on"]),
            "instrument_unknown": lambda: self.tr("No instrument with hash %1 is built in or stored here; import the "
                                                  "instrument first.").replace("%1", f["hash"]),
            "instrument_locked": lambda: self.tr("Scoring has started in this round, so its instrument can no longer "
                                                 "change; start a new round for another instrument."),
            "candidate_scored": lambda: self.tr("%1 already has assessments in this round, so it stays a candidate; "
                                                "nothing was removed.").replace("%1", _regions(f["regions"])),
            "not_candidate": lambda: self.tr("%1 is not a candidate of this round; add it first."
                                             ).replace("%1", _regions(f["regions"])),
            "regions_unknown": lambda: self.tr("No regency or city has the BPS code %1; check the codes."
                                               ).replace("%1", f["regions"]),
            "assessor_scored": lambda: self.tr("%1 already has assessments in this round, so they stay in it."
                                               ).replace("%1", f["name"]),
            "assessor_name_missing": lambda: self.tr("An assessor needs a name."),
            "nip_not_digits": lambda: self.tr("NIP “%1” has characters other than digits; write the civil-servant "
                                              "number only.").replace("%1", f["nip"]),
            "nip_taken": lambda: self._fill(self.tr("NIP %1 already belongs to %2; check the number."),
                                            f["nip"], f["other"]),
            "province_unknown": lambda: self.tr("“%1” is not a province code; choose the province from the list."
                                                ).replace("%1", f["province"]),
            "region_unknown": lambda: self.tr("No regency or city has the BPS code %1; check the code."
                                              ).replace("%1", f["region"]),
            "region_not_in_province": lambda: self._fill(self.tr("%1 is not in %2; correct the province or the "
                                                                 "regency/city."), region_text(f["region"]),
                                                         province_text(f["province"])),
            "conflict_unknown": lambda: self.tr("Conflict with %1: no regency or city has this BPS code."
                                                ).replace("%1", f["region"]),
            "no_file": lambda: self.tr("%1: no such file; check the path.").replace("%1", f["file"]),
            "not_spreadsheet": lambda: self.tr("%1: not a spreadsheet Nilai reads; save it as .xlsx or .csv."
                                               ).replace("%1", f["file"]),
            "unreadable_xlsx": lambda: self.tr("%1: cannot be read as an XLSX workbook; save it again from the "
                                               "spreadsheet program as .xlsx.").replace("%1", f["file"]),
            "day_twice": lambda: self.tr("A day is listed twice in the schedule; list each interview day once."),
            "day_reversed": lambda: self._fill(self.tr("The day ends (%1) before it starts (%2); correct the hours."),
                                               self._time(f["end"]), self._time(f["start"])),
            "slot_length": lambda: self.tr("An interview of %1 minutes is outside 5 to 480; give a slot length such "
                                           "as 30.").replace("%1", f["minutes"]),
            "break_reversed": lambda: self._fill(self.tr("The break %1–%2 ends before it starts; correct it."),
                                                 self._time(f["start"]), self._time(f["end"])),
            "break_outside": lambda: self._fill(self.tr("The break %1–%2 is outside the day (%3–%4); move it or "
                                                        "widen the day."), *(self._time(f[k]) for k in
                                                                             ("start", "end", "day_start", "day_end"))),
            "break_overlap": lambda: self.tr("The break at %1 overlaps the one before it; merge them into one."
                                             ).replace("%1", self._time(f["start"])),
            "panels_count": lambda: self.tr("%1 panels: give between 1 and 50.").replace("%1", f["panels"]),
            "panel_size": lambda: self.tr("%1 assessors per panel: give between 1 and 20.").replace("%1",
                                                                                                   f["panel_size"]),
            "rooms_too_many": lambda: self._fill(self.tr("%1 rooms for %2 panels; give one room per panel at most."),
                                                 f["rooms"], f["panels"]),
            "room_semicolon": lambda: self.tr("A room name cannot contain “;”; rename the room."),
            "calibration_name_missing": lambda: self.tr("A calibration case needs a name, e.g. “Kota Contoh”."),
            "calibration_name_long": lambda: self.tr("A calibration case's name has at most 100 characters; "
                                                     "shorten it."),
            "calibration_name_taken": lambda: self._fill(self.tr("This round already has a calibration case named "
                                                                 "“%1” (%2); choose another name."),
                                                         f["name"], f["code"]),
            "calibration_unknown": lambda: self.tr("%1 is not a calibration case of this round; nothing was "
                                                   "removed.").replace("%1", f["code"]),
            "calibration_scored": lambda: self._fill(self.tr("%1 %2 already has %3 assessment(s) in this round; "
                                                             "nothing was removed. To remove it anyway, tick “also "
                                                             "when scored”: its scores then no longer count."),
                                                     f["code"], f["name"], f["count"]),
        }

"""The schedule generator's and checker's words in the interface language.

The core says each problem, note and reason in English for the command line, and names what it
says as a kind with fields (region and province codes, days, times, counts); here each kind is a
translatable sentence, with regions named from the catalogue, days and times written as the
interface language writes them. A kind this module does not know falls back to the core's English.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

from PySide6.QtCore import QDate, QLocale, QObject, QTime

from app.regions import by_code, provinces
from app.rounds.planning import Note, SlotProblem
from app.rounds.setup import ResolvedLine


def day_text(day: date, form: str = "ddd d MMM") -> str:
    """A day as the interface language writes it ("Rab 4 Mar", "Wed 4 Mar")."""
    return QLocale().toString(QDate(day.year, day.month, day.day), form)


def region_text(code: str) -> str:
    """ "Kabupaten Karanganyar (3313)": region names are proper names, the same in every language."""
    info = by_code().get(code)
    return f"{info.name} ({code})" if info else code


def province_text(code: str | None) -> str:
    return provinces().get(code or "", code or "")


def time_text(moment: time) -> str:
    """ "08.00" in Indonesian, "08:00" in English."""
    return QLocale().toString(QTime(moment.hour, moment.minute), "HH:mm" if QLocale().language() !=
                              QLocale.Language.Indonesian else "HH.mm")


def number(value: int) -> str:
    return QLocale().toString(value)


class PlanWords(QObject):
    """Sentences for the planner's problems, notes and reasons, and the pasted lines' problems."""

    def _fill(self, text: str, *values: str) -> str:
        for n, value in enumerate(values, start=1):
            text = text.replace(f"%{n}", value)
        return text

    def percent(self, share: float) -> str:
        return self.tr("%1%").replace("%1", QLocale().toString(round(share * 100)))

    def when(self, at: dict[str, Any]) -> str:
        """ "08.00 Rab 4 Mar (P1 D2, Ruang Garuda)" """
        return self._fill(self.tr("%1 on %2 (%3, %4)"), time_text(at["start"]), day_text(at["day"]),
                          str(at["panel"]), str(at["room"]))

    def _conflict(self, why: str, province: str | None, region: str = "") -> str:
        if why == "declared":
            return self.tr("declared a conflict with it")
        if why == "region":
            return self.tr("comes from it") if not region else self.tr("is from %1").replace("%1", region_text(region))
        return self.tr("is from %1").replace("%1", province_text(province))

    # --- the checker -------------------------------------------------------------------------

    def problem(self, problem: SlotProblem) -> str:
        d, kind = problem.data, problem.kind
        if not d:
            return problem.message
        if kind == "outside_day" and "day" in d:
            return self.tr("%1 is not an interview day of the round").replace("%1", day_text(d["day"], "ddd d MMM yyyy"))
        if kind == "outside_day":
            return self._fill(self.tr("%1 for %2 minutes is outside the day (%3–%4)"), time_text(d["start"]),
                              number(d["minutes"]), time_text(d["day_start"]), time_text(d["day_end"]))
        if kind == "in_break":
            return self._fill(self.tr("%1 for %2 minutes runs into the break %3–%4"), time_text(d["start"]),
                              number(d["minutes"]), time_text(d["break_start"]), time_text(d["break_end"]))
        if kind == "not_candidate":
            return self.tr("%1 is not a candidate of the round").replace("%1", region_text(d["region"]))
        if kind == "unknown_assessor":
            return self.tr("assessor %1 is not in the round").replace("%1", str(d["assessor"]))
        if kind == "conflict":
            return self._fill(self.tr("%1 sits on %2 but %3"), str(d["assessor"]), region_text(d["region"]),
                              self._conflict(d["why"], d.get("province")))
        if kind == "panel_not_full":
            return self._fill(self.tr("%1 assessor(s) on the panel, it needs %2"), number(d["seated"]),
                              number(d["needed"]))
        if kind == "candidate_twice":
            return self._fill(self.tr("%1 is also interviewed at %2"), region_text(d["region"]),
                              "; ".join(self.when(at) for at in d["others"]))
        if kind == "overlap":
            return self._fill(self.tr("overlaps %1 at %2 in the same room"), region_text(d["region"]), self.when(d))
        if kind == "double_booked":
            return self._fill(self.tr("%1 is also on %2 at %3"), str(d["assessor"]), region_text(d["region"]),
                              self.when(d))
        if kind == "unscheduled":
            return self.tr("%1 has no slot").replace("%1", region_text(d["region"]))
        return problem.message

    # --- the generator -----------------------------------------------------------------------

    def note(self, note: str) -> str:
        """A note of a generated plan, or a reason no plan fits."""
        if not isinstance(note, Note):
            return note
        text = self._note(note.kind, note.data)
        return note if text is None else text

    def _note(self, kind: str, d: dict[str, Any]) -> str | None:  # noqa: PLR0911 - one sentence a kind
        if kind == "counts":
            return self._fill(self.tr("%1 candidates in %2 slots on %3 panel-days (%4 panels × %5 days); "
                                      "%6 slots left free"), *(number(d[k]) for k in
                                                               ("candidates", "slots", "panel_days", "panels", "days",
                                                                "free")))
        if kind == "balanced":
            text = (self.tr("Load balanced: every panel-day has %1 candidates") if d["low"] == d["high"] else
                    self.tr("Load balanced: every panel-day has %1 or %2 candidates"))
            text = self._fill(text, number(d["low"]), number(d["high"]))
            return text + (self.tr(" (or all it holds)") if d["full"] else "")
        if kind == "unbalanced":
            return self._fill(self.tr("The conflicts did not allow a load within one candidate per panel-day: "
                                      "loads range from %1 to %2"), number(d["low"]), number(d["high"]))
        if kind == "linkage":
            text = (self.tr("%1 of %2 panel pairs share an assessor or the calibration case") if d["calibration"] else
                    self.tr("%1 of %2 panel pairs share an assessor"))
            text = self._fill(text, number(d["linked"]), number(d["pairs"]))
            if d["most"] is not None:
                text += self._fill(self.tr(" (at most %1 with %2 panels of %3 a day)"), self.percent(d["most"]),
                                   number(d["panels"]), number(d["panel_size"]))
            return text
        if kind == "all_linked":
            return self.tr("Every panel is linked to every other through shared assessors, so the ranking can "
                           "compare their severity")
        if kind == "islands":
            return self.tr("The panels fall into %1 groups with no assessor in common: the ranking cannot compare "
                           "severity between them (choose linking rotate, or a calibration case)"
                           ).replace("%1", number(d["groups"]))
        if kind == "calibration":
            return self._fill(self.tr("Calibration case: %1 is interviewed by all %2 assessors together at %3 on %4"),
                              region_text(d["region"]), number(d["assessors"]), time_text(d["start"]),
                              day_text(d["day"], "ddd d MMM yyyy"))
        return self._reason(kind, d)

    def _reason(self, kind: str, d: dict[str, Any]) -> str | None:  # noqa: PLR0911 - one sentence a kind
        if kind == "linking_unknown":
            return self.tr("the way panels are linked is not known (%1)").replace("%1", str(d["linking"]))
        if kind == "no_panels":
            return self._fill(self.tr("a round needs at least one panel of at least one assessor (%1 panels of %2 "
                                      "asked)"), number(d["panels"]), number(d["panel_size"]))
        if kind == "no_candidates":
            return self.tr("the round has no candidates to schedule")
        if kind == "no_days":
            return self.tr("the round has no interview days")
        if kind == "listed_twice":
            return self.tr("listed more than once: %1").replace("%1", ", ".join(map(region_text, d["regions"])))
        if kind == "too_few_assessors":
            return self._fill(self.tr("panel size %1 × %2 panels needs %3 assessors, the round has %4"),
                              *(number(d[k]) for k in ("panel_size", "panels", "needed", "assessors")))
        if kind == "too_few_slots":
            text = self._fill(self.tr("%1 candidates but only %2 slots (%3 panels, %4 days, slots a day: %5, "
                                      "%6 minutes each)"), number(d["candidates"]), number(d["slots"]),
                              number(d["panels"]), number(d["days"]), " + ".join(map(number, d["per_day"])),
                              number(d["minutes"]))
            return text + (self.tr("; the calibration case takes the first slot of every room on the first day")
                           if d["calibration"] else "")
        if kind in ("all_conflicted", "few_free"):
            whys = self.tr(" or ").join(self._conflict(why, province, d["region"]) for why, province in d["conflicts"])
            if kind == "all_conflicted":
                return self._fill(self.tr("%1: every assessor %2"), region_text(d["region"]), whys)
            return self._fill(self.tr("%1: only %2 of %3 assessors have no conflict with it (the others: %4), a panel "
                                      "needs %5"), region_text(d["region"]), number(d["free"]), number(d["assessors"]),
                              whys, number(d["panel_size"]))
        if kind == "more_blocked":
            return self.tr("and %1 more candidates like these").replace("%1", number(d["count"]))
        if kind == "calibration_conflicts":
            return self.tr("calibration case: every candidate conflicts with at least one assessor, so none can be "
                           "interviewed by all of them; choose linking rotate")
        if kind == "calibration_no_slot":
            return self.tr("calibration case: the first day holds no slot for it")
        if kind == "unmatched":
            regions = d["regions"]
            who = (", ".join(map(region_text, regions)) if len(regions) <= 4 else
                   self.tr("from %1").replace("%1", ", ".join(f"{province_text(code)} ({number(n)})"
                                                                for code, n in d["provinces"])))
            return self._fill(self.tr("no seating was found that gives every candidate a panel free of its conflicts: "
                                      "%1 candidates (%2) can sit only before the %3 panel-days with no conflicted "
                                      "assessor, which hold %4 slots; add days or panels, or assessors from other "
                                      "provinces"), number(len(regions)), who, number(d["panel_days"]),
                              number(d["slots"]))
        return None

    # --- pasted candidates -------------------------------------------------------------------

    def pasted(self, line: ResolvedLine) -> str:
        """Why a pasted line names no region, and what to do."""
        return self.found(line.problem_kind, line.problem_data, line.text) or line.problem

    def found(self, kind: str, d: dict[str, Any], written: str) -> str | None:  # noqa: PLR0911 - one a kind
        """Why a text names no regency or city (see app.rounds.setup.names.Found)."""
        text = f"“{d.get('text', written)}”"
        if kind == "no_code":
            return self._fill(self.tr("%1: no regency or city has the BPS code %2"), text, d["code"])
        if kind == "not_in_province":
            return self._fill(self.tr("%1: %2 is not in %3"), text, region_text(d["code"]), province_text(d["province"]))
        if kind == "province_code":
            return self.tr("%1 is a province code; give a regency or city (four-digit BPS code or name)"
                           ).replace("%1", text)
        if kind == "empty":
            return self.tr("%1 is not a regency or city name or BPS code").replace("%1", text)
        if kind == "province":
            return self.tr("%1 is a province; give a regency or city").replace("%1", text)
        if kind == "unknown":
            said = (self._fill(self.tr("%1 is not a regency or city in %2"), text, province_text(d["province"]))
                    if d.get("province") else self.tr("%1 is not a regency or city").replace("%1", text))
            if d.get("near"):
                said += self.tr(" (did you mean %1?)").replace("%1", ", ".join(map(region_text, d["near"])))
            return said
        if kind == "cells_disagree":
            return self.tr("the cells of this row name different regions (%1); keep one").replace(
                "%1", self.tr(" and ").join(map(region_text, d["regions"])))
        return None

    # --- spreadsheets ------------------------------------------------------------------------

    def where(self, d: dict[str, Any]) -> str:
        """ "sheet Penilai, row 7, column province" in the interface language."""
        parts = [self.tr("sheet %1").replace("%1", d["sheet"])] if d.get("sheet") else []
        parts.append(self.tr("row %1").replace("%1", str(d["row"])))
        if d.get("column"):
            parts.append(self.tr("column %1").replace("%1", d["column"]))
        return ", ".join(parts)

    def file_problem(self, note: str) -> str:
        """One bad cell of an imported spreadsheet: where it is, then what is wrong."""
        if not isinstance(note, Note):
            return note
        d, kind = note.data, note.kind
        what = {
            "name_empty": lambda: self.tr("the assessor's name is empty"),
            "nip_not_digits": lambda: self.tr("“%1” is not a NIP (digits only)").replace("%1", d["nip"]),
            "nip_lost_digits": lambda: self.tr("%1 was kept as a number and has lost its last digits; format the "
                                               "column as Text and type the NIP again").replace("%1", d["nip"]),
            "province_unknown": lambda: self.tr("“%1” is not a province").replace("%1", d["text"]) + (
                self.tr(" (did you mean %1?)").replace("%1", self.tr(" or ").join(d["near"])) if d["near"] else ""),
            "ambiguous": lambda: self._fill(self.tr("“%1” is ambiguous: %2; write the BPS code"), d["text"],
                                            self.tr(" or ").join(map(region_text, d["choices"]))),
            "region": lambda: self.found(d["found"], d["found_data"], ""),
            "nip_twice": lambda: self._fill(self.tr("NIP %1 is also on row %2"), d["nip"], str(d["other"])),
            "no_rows": lambda: self.tr("the sheet has no assessor rows"),
            "no_name_column": lambda: self.tr("no column “name” (the columns are %1); start from the assessors "
                                              "template").replace("%1", d["columns"]),
            "no_column": lambda: self._fill(self.tr("no column “%1” (the columns are %2)"), d["wanted"],
                                            d["columns"]),
            "row": lambda: d["said"],
        }.get(kind)
        said = what() if what else None
        return f"{self.where(d)}: {said}" if said else note

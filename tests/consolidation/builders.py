"""Small rounds with hand-chosen levels, for consolidation tests."""

from __future__ import annotations

from datetime import date, time

from app.instruments import parse_instrument
from app.models.domain import Instrument
from app.models.tables import Assessment, Assessor, Round, Score

NA = "na"


def _t(text: str) -> dict[str, str]:
    return {"id": text, "en": text}


def instrument_from(dims: list[tuple[str, float, list[tuple[str, float, int]]]], ident: str = "consolidation-test") -> Instrument:
    """dims: (code, weight, [(indicator code, weight, number of levels)])."""
    return parse_instrument({
        "id": ident, "version": "1.0", "title": _t("Uji"), "description": _t("Uji"), "source_note": _t("Uji"),
        "dimensions": [
            {"code": code, "title": _t(f"Dimensi {code}"), "weight": weight,
             "indicators": [
                 {"code": icode, "title": _t(f"Indikator {icode}"), "question": _t("?"), "guidance": _t("-"),
                  "evidence_hint": _t("-"), "weight": iweight, "required": True,
                  "levels": [{"level": n, "label": _t(f"L{n}"), "descriptor": _t(f"{icode} {n}")}
                             for n in range(1, levels + 1)]}
                 for icode, iweight, levels in indicators]}
            for code, weight, indicators in dims
        ],
    }, source="tests")


def three_dimensions() -> Instrument:
    """Struktur 40 (S1 60, S2 40), Infrastruktur 35 (I1 50, I2 50), Suprastruktur 25 (P1 100); levels 1..5."""
    return instrument_from([
        ("STR", 40, [("S1", 60, 5), ("S2", 40, 5)]),
        ("INF", 35, [("I1", 50, 5), ("I2", 50, 5)]),
        ("SUP", 25, [("P1", 100, 5)]),
    ])


class RoundBuilder:
    """A round in a store: candidates, one panel per region group, assessors, assessments."""

    def __init__(self, store, instrument: Instrument, regions: list[str], *, name: str = "Uji konsolidasi",
                 rule: str = "mean", sizes: tuple[int, ...] = (2, 1)) -> None:
        from app.rounds import create_round

        self.store = store
        self.instrument = instrument
        self.assessor_ids: dict[str, str] = {}
        with store.transaction() as session:
            round_ = create_round(session, name=name, instrument=instrument, region_codes=regions,
                                  shortlist_sizes=sizes)
            round_.aggregation_rule = rule
            session.add(round_)
            self.round_id = round_.id

    def assessor(self, name: str) -> str:
        if name not in self.assessor_ids:
            with self.store.transaction() as session:
                row = Assessor(name=name, nip=f"19800101{len(self.assessor_ids):010d}", organisation="Kominfo")
                session.add(row)
                session.flush()
                self.assessor_ids[name] = row.id
        return self.assessor_ids[name]

    def panel(self, panel_name: str, regions: list[str], assessors: list[str]) -> None:
        from app.rounds import SlotPlan, add_slots

        ids = tuple(self.assessor(a) for a in assessors)
        with self.store.transaction() as session:
            round_ = session.get(Round, self.round_id)
            add_slots(session, round_, [SlotPlan(date(2018, 3, 5), time(8 + i, 0), 30, panel_name, "Ruang 1", code, ids)
                                        for i, code in enumerate(regions)])

    def assess(self, region: str, assessor: str, levels: dict[str, int | str | None], *, status: str = "final",
               in_conflict: bool = False, is_current: bool = True, instrument_hash: str | None = None,
               record_id: str | None = None) -> str:
        assessor_id = self.assessor(assessor)
        with self.store.transaction() as session:
            kwargs = {"record_id": record_id} if record_id else {}
            row = Assessment(round_id=self.round_id, region_code=region, assessor_id=assessor_id,
                             instrument_hash=instrument_hash or self.instrument.content_hash, status=status,
                             in_conflict=in_conflict, is_current=is_current, **kwargs)
            session.add(row)
            session.flush()
            for code, level in levels.items():
                if level == NA:
                    session.add(Score(version_id=row.version_id, indicator_code=code, level=None, not_applicable=True))
                else:
                    session.add(Score(version_id=row.version_id, indicator_code=code, level=level))
            return row.version_id

    def assess_all(self, region: str, assessor: str, level: int, **kwargs) -> str:
        return self.assess(region, assessor, {ind.code: level for ind in self.instrument.indicators()}, **kwargs)

"""The ranking method in words (Bahasa Indonesia or English), for the XLSX method sheet and the PDF.

Filled in with the round's own rule, dimensions, weights and shortlist sizes, so the text printed
with a ranking describes exactly how that ranking was produced. ``docs/ranking-method.md`` is the
long form.
"""

from __future__ import annotations

from app.consolidation.consolidate import Consolidation
from app.consolidation.panel_scores import SPREAD_FLAG
from app.consolidation.rules import describe, parse_rule


def _fmt(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def severity_item(c: Consolidation, lang: str = "en") -> tuple[str, str] | None:
    """The severity paragraph of an adjusted ranking (None for the other rules)."""
    fit = c.severity
    if fit is None:
        return None
    low = min(fit.assessors, key=lambda a: a.severity)
    high = max(fit.assessors, key=lambda a: a.severity)
    flagged = ", ".join(f"{c.data.assessors[a.assessor_id].name} ({a.flag})" for a in fit.assessors if a.flag) or "–"
    if lang != "id":
        return ("Assessor severity", (
            f"Fitted on {fit.observations} counted levels of {len(fit.assessors)} assessors, normalised to 0–100: "
            "level = round mean + region readiness + indicator easiness − assessor severity + noise, by least squares "
            "with each effect summing to zero (NumPy; docs/ranking-method.md §9). Residual SD "
            f"{fit.residual_sd:.2f} points. Severities run from {low.severity_levels:+.2f} levels "
            f"({c.data.assessors[low.assessor_id].name}, most lenient) to {high.severity_levels:+.2f} levels "
            f"({c.data.assessors[high.assessor_id].name}, most severe). Each assessor's level is raised by their "
            f"severity before the panel mean. Fit flags (erratic, halo): {flagged}."))
    return ("Keketatan asesor", (
        f"Diestimasi dari {fit.observations} tingkat yang dihitung dari {len(fit.assessors)} asesor, dinormalkan ke "
        "0–100: tingkat = rata-rata putaran + kesiapan daerah + kemudahan indikator − keketatan asesor + galat, "
        "dengan kuadrat terkecil dan tiap efek berjumlah nol (NumPy; docs/ranking-method.md §9). Simpangan baku "
        f"residu {fit.residual_sd:.2f} poin. Keketatan berkisar dari {low.severity_levels:+.2f} tingkat "
        f"({c.data.assessors[low.assessor_id].name}, paling longgar) sampai {high.severity_levels:+.2f} tingkat "
        f"({c.data.assessors[high.assessor_id].name}, paling ketat). Tingkat tiap asesor ditambah keketatannya "
        f"sebelum rata-rata panel. Tanda kecocokan (erratic, halo): {flagged}."))


def is_official(c: Consolidation) -> bool:
    """The ranking is made with the round's official rule (``Round.aggregation_rule``): its shortlist is the round's."""
    return parse_rule(c.round.aggregation_rule) is c.rule


def official_item(c: Consolidation, lang: str = "en") -> tuple[str, str]:
    """Which rule made this ranking, and whether it is the round's official one."""
    official = parse_rule(c.round.aggregation_rule)
    if lang != "id":
        return ("Official rule", f"This ranking and its shortlists are made with the rule {c.rule.value}, the "
                f"round's official rule." if is_official(c) else f"This ranking and its shortlists are made with "
                f"the rule {c.rule.value}, which is NOT the round's official rule ({official.value}): they are not "
                "the round's shortlists.")
    return ("Aturan resmi", f"Peringkat ini dan daftar pendeknya dibuat dengan aturan {c.rule.value}, aturan resmi "
            "putaran." if is_official(c) else f"Peringkat ini dan daftar pendeknya dibuat dengan aturan "
            f"{c.rule.value}, BUKAN aturan resmi putaran ({official.value}): ini bukan daftar pendek putaran.")


def method_items(c: Consolidation, lang: str = "en") -> list[tuple[str, str]]:
    """(heading, paragraph) pairs describing how this ranking was made."""
    items = _method_items(c, lang)
    items.insert(3, official_item(c, lang))
    severity = severity_item(c, lang)
    if severity is not None:
        items.insert(4, severity)
    return items


def _method_items(c: Consolidation, lang: str = "en") -> list[tuple[str, str]]:
    en = lang != "id"
    dims = c.instrument.dimensions
    dim_list = ", ".join(f"{d.code} {d.title.get(lang)} ({d.weight:g}%)" for d in dims)
    breakers = ", ".join(f"{d.code} ({d.title.get(lang)})" for d in dims)
    sizes = ", ".join(str(n) for n in c.shortlist_sizes) or "–"
    if en:
        return [
            ("Round", f"{c.round.name} — {c.round.programme}. Instrument {c.instrument.id} version "
                      f"{c.instrument.version} (content hash {c.instrument.content_hash[:12]}). "
                      f"Produced {c.generated_at}."),
            ("Which assessments count", "Per assessor and region, the version in force of the assessment, finalized "
             "or signed, not in conflict between imported versions, scored under the round's instrument version. "
             "Drafts, conflicting and duplicate assessments wait for the coordinator and do not count."),
            ("Combining the panel", f"Aggregation rule: {describe(c.rule, 'en')}. Per region and indicator, the "
             "levels of the counted assessments are combined; 'not applicable' and unscored indicators are left out."),
            ("Moderation", "Where the coordinator has set a moderated level (with a logged reason), it replaces the "
             "combined level of that indicator. The assessors' own levels are kept and exported."),
            ("Scores", "A level is normalised to 0–100: (level − lowest) / (highest − lowest) × 100. A dimension "
             "score is the weighted mean of its indicators that have a level, the weights renormalised over them; "
             f"the panel score is the weighted mean of the dimension scores the same way. Dimensions: {dim_list}."),
            ("Ranking", f"Highest panel score first. Scores are compared rounded to {c.score_decimals} decimals. "
             f"Equal panel scores are separated by the dimension scores in this order: {breakers}; regions equal "
             "on all of them are genuinely tied, share a rank and are listed by region code. Ranks are standard "
             "competition ranks (1, 2, 2, 4). Regions without any counted assessment are not ranked."),
            ("Shortlists", f"Sizes: {sizes}. A shortlist takes every region whose whole tie group fits within its "
             "size. A group of genuinely tied regions that straddles a cut-off is flagged ('tie') and left to the "
             "coordinator; no region of it is taken or dropped silently."),
            ("Agreement", "Krippendorff's alpha (ordinal) on the assessors' original levels, per indicator (units: "
             "regions), per dimension and for the round (units: region × indicator); beside it Gwet's AC1 and AC2 "
             "(ordinal weights) per indicator, per dimension and for the round. ICC(1,1) (Shrout & Fleiss "
             "1979, one-way random, single rater) of the assessors' totals over the regions, because each region "
             "is seen by a different panel; ICC(2,1) per panel that scored three or more regions together. An "
             f"indicator of a region is flagged when its assessors' levels differ by {SPREAD_FLAG} levels or more."),
            ("Recomputing", "The scores CSV (or the Scores sheet) holds every assessor's level per indicator per "
             "region, the moderated levels, the weights and the level ranges; with the rule above anyone can "
             "recompute every panel score and the order. docs/ranking-method.md gives the method step by step."),
        ]
    return [
        ("Putaran", f"{c.round.name} — {c.round.programme}. Instrumen {c.instrument.id} versi "
                    f"{c.instrument.version} (hash isi {c.instrument.content_hash[:12]}). Dibuat {c.generated_at}."),
        ("Penilaian yang dihitung", "Per asesor dan daerah, versi penilaian yang berlaku, sudah final atau "
         "ditandatangani, tidak berkonflik antarversi impor, dan dinilai dengan versi instrumen putaran ini. Draf, "
         "penilaian berkonflik dan ganda menunggu koordinator dan tidak dihitung."),
        ("Penggabungan panel", f"Aturan agregasi: {describe(c.rule, 'id')}. Per daerah dan indikator, tingkat dari "
         "penilaian yang dihitung digabungkan; indikator 'tidak berlaku' dan yang belum dinilai tidak diikutkan."),
        ("Moderasi", "Bila koordinator menetapkan tingkat moderasi (dengan alasan yang tercatat), tingkat itu "
         "menggantikan tingkat gabungan indikator tersebut. Tingkat asli dari para asesor tetap disimpan dan diekspor."),
        ("Skor", "Tingkat dinormalkan ke 0–100: (tingkat − terendah) / (tertinggi − terendah) × 100. Skor dimensi "
         "adalah rata-rata tertimbang indikatornya yang memiliki tingkat, bobotnya dinormalkan ulang; skor panel "
         f"adalah rata-rata tertimbang skor dimensi dengan cara yang sama. Dimensi: {dim_list}."),
        ("Peringkat", f"Skor panel tertinggi lebih dulu. Skor dibandingkan setelah dibulatkan ke {c.score_decimals} "
         f"desimal. Skor panel yang sama dipisahkan oleh skor dimensi dengan urutan: {breakers}; daerah yang sama "
         "pada semuanya benar-benar seri, berbagi peringkat dan diurutkan menurut kode daerah. Peringkat memakai "
         "peringkat kompetisi standar (1, 2, 2, 4). Daerah tanpa penilaian yang dihitung tidak diberi peringkat."),
        ("Daftar pendek", f"Ukuran: {sizes}. Daftar pendek mengambil setiap daerah yang seluruh kelompok serinya "
         "muat dalam ukurannya. Kelompok daerah yang benar-benar seri dan melintasi batas ditandai ('seri') dan "
         "diserahkan kepada koordinator; tidak ada yang diambil atau dibuang diam-diam."),
        ("Kesepakatan", "Alfa Krippendorff (ordinal) atas tingkat asli para asesor, per indikator (unit: daerah), "
         "per dimensi dan untuk putaran (unit: daerah × indikator); di sampingnya AC1 dan AC2 Gwet (bobot ordinal) "
         "per indikator, per dimensi dan untuk putaran. ICC(1,1) (Shrout & Fleiss 1979, acak satu "
         "arah, penilai tunggal) atas total para asesor, karena setiap daerah dinilai panel yang berbeda; ICC(2,1) "
         "per panel yang menilai tiga daerah atau lebih bersama. Indikator suatu daerah ditandai bila tingkat "
         f"para asesornya berselisih {SPREAD_FLAG} tingkat atau lebih."),
        ("Menghitung ulang", "CSV skor (atau lembar Scores) memuat tingkat setiap asesor per indikator per daerah, "
         "tingkat moderasi, bobot dan rentang tingkat; dengan aturan di atas siapa pun dapat menghitung ulang skor "
         "panel dan urutannya. docs/ranking-method.md menjelaskan metodenya langkah demi langkah."),
    ]


def agreement_rows(c: Consolidation, lang: str = "en", compact: bool = False) -> list[tuple[str, str, str]]:
    """(figure, value, detail) rows of the agreement figures; ``compact`` folds dimensions and panels into one row each."""
    en = lang != "id"
    a = c.agreement
    rows = [(("Krippendorff's alpha (ordinal), round" if en else "Alfa Krippendorff (ordinal), putaran"),
             _fmt(a.round.alpha), f"{a.round.units} units, {a.round.values} levels" if en
             else f"{a.round.units} unit, {a.round.values} tingkat"),
            (("Gwet's AC1 / AC2 (ordinal weights), round" if en else "AC1 / AC2 Gwet (bobot ordinal), putaran"),
             f"{_fmt(a.round.ac1)} / {_fmt(a.round.ac2)}",
             "does not collapse when most levels are the same" if en else "tidak runtuh bila sebagian besar tingkat sama")]
    if compact:
        rows.append(("alpha by dimension" if en else "alfa per dimensi",
                     ", ".join(f"{f.code} {_fmt(f.alpha)}" for f in a.dimensions), ""))
        rows.append(("AC1 / AC2 by dimension" if en else "AC1 / AC2 per dimensi",
                     ", ".join(f"{f.code} {_fmt(f.ac1)} / {_fmt(f.ac2)}" for f in a.dimensions), ""))
    else:
        for figure in a.dimensions:
            rows.append((f"alpha {figure.code}", _fmt(figure.alpha),
                         f"{figure.units} units" if en else f"{figure.units} unit"))
            rows.append((f"AC1 / AC2 {figure.code}", f"{_fmt(figure.ac1)} / {_fmt(figure.ac2)}", ""))
    rows.append(("ICC(1,1), assessors' totals" if en else "ICC(1,1), total asesor", _fmt(a.icc.value),
                 (f"{a.icc.targets} regions, {a.icc.ratings} assessments, k0 = {a.icc.raters_per_target:.2f}" if en
                  else f"{a.icc.targets} daerah, {a.icc.ratings} penilaian, k0 = {a.icc.raters_per_target:.2f}")))
    if compact and a.panels:
        rows.append(("ICC(2,1) by panel" if en else "ICC(2,1) per panel",
                     ", ".join(_fmt(p.icc2_1) for p in a.panels),
                     ", ".join(f"{p.regions} {'regions' if en else 'daerah'}" for p in a.panels)))
    for number, panel in enumerate(() if compact else a.panels, start=1):
        names = ", ".join(c.data.assessors[i].name for i in panel.assessor_ids)
        rows.append((f"ICC(2,1) panel {number}", _fmt(panel.icc2_1),
                     f"{panel.regions} {'regions' if en else 'daerah'}: {names}"))
    rows.append(("Flagged indicator × region (spread ≥ 2)" if en else "Indikator × daerah ditandai (selisih ≥ 2)",
                 str(a.flagged_cells), f"{a.flagged_regions} {'regions' if en else 'daerah'}"))
    worst = sorted((f for f in a.indicators if f.alpha is not None), key=lambda f: f.alpha or 0.0)[:5]
    if worst:
        rows.append(("Lowest indicator alphas" if en else "Alfa indikator terendah",
                     ", ".join(f"{f.code} {f.alpha:.2f}" for f in worst), ""))
    return rows

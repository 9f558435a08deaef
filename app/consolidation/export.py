"""The ranking as the files that leave the program: CSV (with the scores CSV beside it), XLSX or a PDF
report, signed when an unlocked identity is given. One entry point for the coordinator window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.consolidation.consolidate import Consolidation
from app.consolidation.exports_csv import scores_path_for, write_ranking_csv, write_scores_csv

FORMATS = ("csv", "xlsx", "pdf")
SIGN_REASON = "Peringkat dan daftar pendek / Ranking and shortlist"


def export_ranking(c: Consolidation, path: str | Path, fmt: str, lang: str = "en",
                   unlocked: Any | None = None) -> tuple[Path, ...]:
    """Write the ranking in ``fmt``; the paths written (CSV: the ranking, then the scores)."""
    path = Path(path)
    if fmt == "csv":
        return write_ranking_csv(c, path), write_scores_csv(c, scores_path_for(path))
    if fmt == "xlsx":
        from app.consolidation.exports_xlsx import write_ranking_xlsx  # deferred: loads openpyxl

        return (write_ranking_xlsx(c, path, lang=lang),)
    if fmt == "pdf":
        from app.consolidation.report_pdf import write_report  # deferred: loads ReportLab

        sign = None
        if unlocked is not None:
            from app.sheets import signing  # deferred: loads pyHanko

            def sign(pdf: bytes) -> bytes:
                return signing.sign_pdf(pdf, unlocked, reason=SIGN_REASON, location="")

        return (write_report(c, path, lang=lang, sign=sign),)
    raise ValueError(f"unknown export format {fmt!r}")

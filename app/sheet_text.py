"""The bilingual labels of the evaluation sheet, and how numbers and dates are written in each language.

Instrument texts (dimension and indicator titles, rubric descriptors) come from the instrument itself
through ``Text.get(lang)``; only the sheet's own words live here.
"""

from __future__ import annotations

from datetime import date, datetime, time

from app.models.domain import LANGUAGES, AssessmentStatus

# key -> (Bahasa Indonesia, English)
LABELS: dict[str, tuple[str, str]] = {
    "title": ("Lembar Penilaian", "Evaluation sheet"),
    "subtitle": ("Penilaian kesiapan daerah — wawancara panel", "Regional readiness assessment — panel interview"),
    "region": ("Daerah", "Region"),
    "province": ("Provinsi", "Province"),
    "bps_code": ("kode BPS", "BPS code"),
    "date": ("Tanggal", "Date"),
    "time": ("Waktu", "Time"),
    "panel": ("Panel / ruang", "Panel / room"),
    "assessor": ("Penilai", "Assessor"),
    "nip": ("NIP", "NIP"),
    "organisation": ("Instansi", "Organisation"),
    "status": ("Status", "Status"),
    "finalized": ("Difinalkan", "Finalized"),
    "no_slot": ("Tanpa jadwal", "Not scheduled"),
    "minutes": ("menit", "min"),
    "delegation": ("Delegasi yang hadir", "Delegation present"),
    "no_delegation": ("Tidak ada delegasi yang dicatat.", "No delegate was recorded."),
    "number": ("No.", "No."),
    "name": ("Nama", "Name"),
    "role": ("Jabatan", "Role"),
    "scores": ("Hasil penilaian per dimensi", "Scores by dimension"),
    "weight": ("bobot", "weight"),
    "subtotal": ("subtotal", "subtotal"),
    "code": ("Kode", "Code"),
    "indicator": ("Indikator", "Indicator"),
    "level": ("Level", "Level"),
    "descriptor": ("Deskriptor level", "Level descriptor"),
    "evidence": ("Bukti", "Evidence"),
    "note": ("Catatan", "Note"),
    "no_note": ("tidak ada catatan", "no note"),
    "not_applicable": ("T/B", "N/A"),
    "not_applicable_long": ("Tidak berlaku", "Not applicable"),
    "not_scored": ("—", "—"),
    "not_scored_long": ("Belum dinilai", "Not scored"),
    "required_mark": ("* indikator wajib", "* required indicator"),
    "summary": ("Ringkasan", "Summary"),
    "dimension": ("Dimensi", "Dimension"),
    "scored": ("Dinilai", "Scored"),
    "contribution": ("Kontribusi", "Contribution"),
    "weighted_total": ("Nilai total tertimbang", "Weighted total"),
    "missing_required": ("Indikator wajib belum dinilai", "Required indicators not scored"),
    "chart_caption": ("Profil kesiapan (0–100)", "Readiness profile (0–100)"),
    "identification": ("Identifikasi dokumen", "Document identification"),
    "record_id": ("ID rekaman", "Record id"),
    "version_id": ("ID versi", "Version id"),
    "previous_version_id": ("ID versi sebelumnya", "Previous version id"),
    "none": ("tidak ada", "none"),
    "instrument": ("Instrumen", "Instrument"),
    "instrument_hash": ("Hash instrumen", "Instrument hash"),
    "round": ("Putaran", "Round"),
    "reopen_reason": ("Alasan dibuka kembali", "Reason for reopening"),
    "qr_caption": ("Kode QR: rekaman, versi, instrumen", "QR code: record, version, instrument"),
    "signature_caption": ("Tanda tangan elektronik penilai", "Assessor's electronic signature"),
    "page_of": ("Halaman {page} dari {pages}", "Page {page} of {pages}"),
    "generated": ("Dibuat {when}", "Generated {when}"),
    "record_short": ("Rekaman {rid}", "Record {rid}"),
    "draft_watermark": ("DRAF", "DRAFT"),
    "subject": ("Lembar penilaian {region} — {round}", "Evaluation sheet {region} — {round}"),
}

STATUS_LABELS: dict[AssessmentStatus, tuple[str, str]] = {
    AssessmentStatus.DRAFT: ("Draf (belum final)", "Draft (not final)"),
    AssessmentStatus.FINAL: ("Final", "Final"),
    AssessmentStatus.SIGNED: ("Ditandatangani", "Signed"),
}

_MONTHS = (
    ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
     "November", "Desember"),
    ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"),
)
_WEEKDAYS = (
    ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
)


def check_lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported sheet language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    return lang


def _index(lang: str) -> int:
    return 1 if lang == "en" else 0


def label(key: str, lang: str, **values: object) -> str:
    text = LABELS[key][_index(lang)]
    return text.format(**values) if values else text


def status_label(status: AssessmentStatus, lang: str) -> str:
    return STATUS_LABELS[status][_index(lang)]


def number(value: float | None, lang: str, digits: int = 1) -> str:
    """``72,5`` in Indonesian, ``72.5`` in English; an em dash for no value."""
    if value is None:
        return "—"
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "id" else text


def long_date(day: date, lang: str, weekday: bool = True) -> str:
    i = _index(lang)
    month = _MONTHS[i][day.month - 1]
    text = f"{day.day} {month} {day.year}"
    return f"{_WEEKDAYS[i][day.weekday()]}, {text}" if weekday else text


def clock(value: time, lang: str) -> str:
    """``09.00`` in Indonesian (the official separator), ``09:00`` in English."""
    sep = "." if lang == "id" else ":"
    return f"{value.hour:02d}{sep}{value.minute:02d}"


def timestamp(value: datetime, lang: str) -> str:
    """Date and time to the minute, with the UTC offset when the value carries one."""
    text = f"{value.date().isoformat()} {clock(value.time(), lang)}"
    offset = value.utcoffset()
    if offset is not None:
        minutes = int(offset.total_seconds()) // 60
        sign = "+" if minutes >= 0 else "-"
        hours, mins = divmod(abs(minutes), 60)
        text += f" UTC{sign}{hours:02d}:{mins:02d}" if mins else f" UTC{sign}{hours}"
    return text

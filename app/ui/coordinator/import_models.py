"""Item models of the import tab: the import report (bundles, and their records beneath), the
unknown assessor certificates waiting for a decision, and the open conflicts."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app import regions
from app.base.ids import short_id
from app.bundles import report as R
from app.bundles.conflict_views import ConflictView
from app.bundles.intake import ImportOutcome, UnknownCertificate
from app.ui.coordinator.coverage_model import state_icon
from app.ui.widgets.table_base import ITEM_ROLE, ItemTableModel

Index = QModelIndex | QPersistentModelIndex


def region_label(code: str) -> str:
    """"3325 Kabupaten Batang" (the code alone for a region the catalogue does not know)."""
    found = regions.by_code().get(code)
    return f"{code} {found.name}" if found else code

# -- the import report ------------------------------------------------------------------------------

ITEM, OUTCOME, WHO, DETAIL = range(4)
OUTCOME_ROLE = Qt.ItemDataRole.UserRole + 1  # the outcome word (report.py constants)
PATH_ROLE = Qt.ItemDataRole.UserRole + 2  # a bundle row's file
KIND_ROLE = Qt.ItemDataRole.UserRole + 3  # "bundle" | "record"
CERT_REJECTED = "certificate_rejected"  # the coordinator declined the bundle's certificate

WARNING = QColor(214, 69, 65)
ICON_OF = {
    R.IMPORTED: "final", R.FAST_FORWARDED: "signed", R.UPDATED: "signed", R.ALREADY_PRESENT: "missing",
    R.SUPERSEDED: "missing", R.CONFLICT: "conflict", R.REJECTED: "duplicate", R.BUNDLE_KNOWN: "missing",
    CERT_REJECTED: "duplicate",
}


class ImportReportModel(QAbstractItemModel):
    """Top-level rows: one per bundle file (the latest import of that file); children: its records."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._bundles: list[tuple[Path, R.BundleReport, str]] = []  # file, report, outcome shown
        self._renewals: set[Path] = set()  # signed by a new key of an assessor known here

    def add(self, outcome: ImportOutcome) -> None:
        self.beginResetModel()
        self._renewals -= set(outcome.paths)
        self._renewals |= {u.path for u in outcome.unknown if u.known is not None}
        for path, bundle in zip(outcome.paths, outcome.report.bundles, strict=True):
            entry = (path, bundle, bundle.outcome)
            existing = next((i for i, (p, _, _) in enumerate(self._bundles) if p == path), None)
            if existing is None:
                self._bundles.append(entry)
            else:
                self._bundles[existing] = entry
        self.endResetModel()

    def mark_certificate_rejected(self, path: Path) -> None:
        for i, (p, bundle, _) in enumerate(self._bundles):
            if p == path:
                self._bundles[i] = (p, bundle, CERT_REJECTED)
                top = self.index(i, 0)
                self.dataChanged.emit(top, self.index(i, DETAIL))

    def bundle_rows(self) -> list[tuple[Path, R.BundleReport, str]]:
        return list(self._bundles)

    def summary(self) -> dict[str, int]:
        """Bundles per outcome as the list shows them (a declined certificate's bundle counts as rejected)."""
        counts = R.summarize([bundle for _, bundle, shown in self._bundles if shown != CERT_REJECTED])
        counts[R.BUNDLE_REJECTED] += sum(1 for _, _, shown in self._bundles if shown == CERT_REJECTED)
        return counts

    def outcome_text(self, outcome: str) -> str:
        return {
            R.IMPORTED: self.tr("imported"), R.ALREADY_PRESENT: self.tr("already present"),
            R.FAST_FORWARDED: self.tr("fast-forwarded"), R.SUPERSEDED: self.tr("already superseded"),
            R.UPDATED: self.tr("updated (now signed)"), R.CONFLICT: self.tr("conflict"), R.REJECTED: self.tr("rejected"),
            R.BUNDLE_KNOWN: self.tr("already imported"), CERT_REJECTED: self.tr("certificate rejected"),
        }.get(outcome, outcome)

    # -- tree structure: internalId 0 for bundles, bundle row + 1 for records ----------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._bundles)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._bundles[parent.row()][1].records)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 4:
            return (self.tr("Bundle / region"), self.tr("Outcome"), self.tr("Assessor / record"),
                    self.tr("Details"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._bundle_data(index, role)
        path, bundle, _ = self._bundles[index.internalId() - 1]
        record = bundle.records[index.row()]
        column = index.column()
        if role == OUTCOME_ROLE:
            return record.outcome
        if role == KIND_ROLE:
            return "record"
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
            if column == ITEM:
                return region_label(record.region_code)
            if column == OUTCOME:
                return self.outcome_text(record.outcome)
            if column == WHO:
                return self.tr("record %1 · version %2").replace("%1", short_id(record.record_id)).replace(
                    "%2", short_id(record.version_id))
            return record.detail
        if role == Qt.ItemDataRole.DecorationRole and column == OUTCOME:
            return state_icon(ICON_OF.get(record.outcome, "missing"))
        if role == Qt.ItemDataRole.ForegroundRole and record.outcome in (R.CONFLICT, R.REJECTED):
            return WARNING
        return None

    def _bundle_data(self, index: Index, role: int) -> Any:
        path, bundle, outcome = self._bundles[index.row()]
        column = index.column()
        if role == OUTCOME_ROLE:
            return outcome
        if role == PATH_ROLE:
            return path
        if role == KIND_ROLE:
            return "bundle"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == ITEM:
                return path.name if role == Qt.ItemDataRole.DisplayRole else str(path)
            if column == OUTCOME:
                return self.outcome_text(outcome)
            if column == WHO:
                return bundle.assessor or (bundle.fingerprint[:16] + "…" if bundle.fingerprint else "")
            if outcome in (R.BUNDLE_REJECTED, CERT_REJECTED):
                if bundle.error_kind == "untrusted" and role == Qt.ItemDataRole.DisplayRole:
                    if outcome == R.BUNDLE_REJECTED and path in self._renewals:
                        return self.tr("Same person (name + NIP), different key: a renewal or an impostor? "
                                       "Both certificates are listed below")
                    return (self.tr("Not trusted: the assessor's certificate is listed below") if outcome == R.BUNDLE_REJECTED
                            else self.tr("You rejected the assessor's certificate; nothing was imported"))
                return bundle.reason
            counts = ", ".join(f"{n} {self.outcome_text(name)}" for name, n in bundle.counts.items())
            notes = " · ".join(bundle.notes)
            return " · ".join(part for part in (counts, notes) if part)
        if role == Qt.ItemDataRole.DecorationRole and column == OUTCOME:
            if outcome == R.BUNDLE_IMPORTED:
                return state_icon("conflict" if bundle.counts.get(R.CONFLICT) else "final")
            return state_icon(ICON_OF.get(outcome, "missing"))
        if role == Qt.ItemDataRole.ForegroundRole and outcome in (R.BUNDLE_REJECTED, CERT_REJECTED):
            return WARNING
        return None


# -- unknown certificates -------------------------------------------------------------------------

NAME, NIP, ORGANISATION, FINGERPRINT, KNOWN, FILE = range(6)
UNKNOWN_ROLE = ITEM_ROLE  # the UnknownCertificate


def grouped(fingerprint: str) -> str:
    """A SHA-256 fingerprint in groups of four, easier to read aloud over the phone."""
    return " ".join(fingerprint[i:i + 4] for i in range(0, len(fingerprint), 4))


class UnknownCertificatesModel(ItemTableModel[UnknownCertificate]):
    def headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("NIP"), self.tr("Organisation"), self.tr("SHA-256 fingerprint"),
                self.tr("Known here with"), self.tr("Bundle"))

    def texts(self, item: UnknownCertificate) -> tuple[str, ...]:
        info = item.info
        known = grouped(item.known.fingerprint) if item.known else self.tr("nobody (a new assessor)")
        return (info.name, info.nip or "–", info.organisation or "–", grouped(info.fingerprint), known,
                item.path.name)

    def decoration(self, item: UnknownCertificate, column: int) -> Any:
        return state_icon("conflict") if item.known is not None and column == NAME else None

    def add(self, items: Iterable[UnknownCertificate]) -> None:
        """Add the certificates not listed yet (for the same bundle file)."""
        kept = self.items()
        for item in items:
            if not any(i.path == item.path and i.info.fingerprint == item.info.fingerprint for i in kept):
                kept.append(item)
        self.set_items(kept)

    def remove_fingerprint(self, fingerprint: str) -> list[UnknownCertificate]:
        gone = [i for i in self._items if i.info.fingerprint == fingerprint]
        if gone:
            self.set_items(i for i in self._items if i.info.fingerprint != fingerprint)
        return gone


# -- open conflicts -------------------------------------------------------------------------------

REGION, ASSESSOR, KIND, DETECTED, VERSIONS = range(5)
CONFLICT_ROLE = ITEM_ROLE  # the ConflictView


class ConflictsModel(ItemTableModel[ConflictView]):
    def headers(self) -> tuple[str, ...]:
        return self.tr("Region"), self.tr("Assessor"), self.tr("Kind"), self.tr("Detected"), self.tr("Versions")

    def texts(self, c: ConflictView) -> tuple[str, ...]:
        kind = self.tr("two versions from one parent") if c.kind == "branch" else \
            self.tr("same version, different content")
        return c.region, c.assessor, kind, c.detected_at.strftime("%Y-%m-%d %H:%M"), str(len(c.choices))

    def decoration(self, c: ConflictView, column: int) -> Any:
        return state_icon("conflict") if column == REGION else None

    def set_conflicts(self, items: Iterable[ConflictView]) -> None:
        self.set_items(items)

    def conflict(self, row: int) -> ConflictView:
        return self.item(row)

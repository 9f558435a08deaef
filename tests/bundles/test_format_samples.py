"""Formats are promises: bundles written by earlier versions keep importing.

``data/format-1-sample.nilai`` was written by Nilai 0.1.0 (bundle format 1): one assessor, two
regions, a reopened version with an evidence file, and a signed sheet. It carries its instrument,
so an empty data directory can take it in.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from sqlmodel import select

from tests.bundles.helpers import open_store_at, run_cli

SAMPLE = Path(__file__).parent / "data" / "format-1-sample.nilai"


def test_format_1_sample_still_verifies_and_imports(tmp_path: Path, capsys) -> None:
    from app.models.tables import Assessment, Evidence

    cert = tmp_path / "assessor.pem"
    with zipfile.ZipFile(SAMPLE) as z:
        cert.write_bytes(z.read("certificate.pem"))
        assert json.loads(z.read("manifest.json"))["format_version"] == 1
    data_dir = tmp_path / "coordinator"
    assert run_cli("--data-dir", data_dir, "bundle", "verify", SAMPLE, "--trust", cert) == 0
    report = tmp_path / "report.json"
    assert run_cli("--data-dir", data_dir, "bundle", "import", SAMPLE, "--trust", cert, "--report", report) == 0
    counts = json.loads(report.read_text(encoding="utf-8"))["totals"]
    assert counts == {"imported": 2, "fast_forwarded": 1}
    store = open_store_at(data_dir)
    try:
        with store.transaction() as session:
            rows = session.exec(select(Assessment)).all()
            assert len(rows) == 3 and len({a.record_id for a in rows}) == 2
            assert sum(1 for a in rows if a.is_current) == 2
            signed = [a for a in rows if a.status == "signed"]
            assert len(signed) == 1 and (data_dir / signed[0].sheet_path).is_file()
            evidence = session.exec(select(Evidence)).one()
            assert (data_dir / evidence.stored_path).read_text(encoding="utf-8").startswith("Perda No. 5 Tahun 2017")
    finally:
        store.close()

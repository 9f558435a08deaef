"""The sheet's QR code: the version kept per payload shape gives the codes qrcode fits afresh."""

from __future__ import annotations

import qrcode

from app.sheets import charts


def _fitted(payload: str) -> list[list[bool]]:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2, box_size=1, mask_pattern=2)
    code.add_data(payload)
    code.make(fit=True)
    return code.get_matrix()


def test_matrices_from_a_kept_version_are_those_fitted_afresh() -> None:
    charts._qr_versions.clear()
    # Same shape (one byte segment of the same length) in turn, then longer ones across versions.
    payloads = [f'{{"r":"{i:036d}","h":"{"ab" * 32}"}}' for i in range(3)]
    payloads += ["x" * n for n in (10, 11, 120, 121, 213, 214, 600)]
    payloads += ["1234567890" * 3 + "abc"]  # a numeric run and a byte run: two segments
    for payload in payloads + payloads:  # the second time every version comes from memory
        assert charts.qr_matrix(payload) == _fitted(payload), payload
    assert len(charts._qr_versions) < len(payloads)  # the ids of one length shared theirs


def test_the_drawing_has_one_rectangle_per_run_of_dark_modules() -> None:
    payload = '{"r":"abc","v":"def"}'
    matrix = charts.qr_matrix(payload)
    runs = charts._dark_runs(matrix)
    path = charts.qr_drawing(payload, 50.0, "Helvetica").qr
    assert path.operators == [0, 1, 1, 1, 3] * len(runs)
    assert len(path.points) == 8 * len(runs)
    cell = 50.0 / len(matrix)
    row, start, length = runs[0]
    assert path.points[:4] == [start * cell, 50.0 - (row + 1) * cell, (start + length) * cell, 50.0 - (row + 1) * cell]

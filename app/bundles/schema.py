"""JSON Schemas (draft 2020-12) of the bundle manifest and record files, format version 1.

They live here, in the package, so a frozen build always has them; ``docs/schemas/`` holds the
same documents as files for readers and other tools (a test keeps the two identical, and
``python -m app.bundles.schema`` rewrites the files).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.bundles.format import Limits

UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
SHA256 = "^[0-9a-f]{64}$"
DATETIME = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})$"
DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
CALIBRATION_CODE = "^K[0-9]{3}$"
REGION = "^([0-9]{4}|K[0-9]{3})$"  # a BPS code, or a calibration case (app.regions.calibration)
RECORD_PATH = "^records/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.json$"
SHEET_PATH = "^sheets/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.pdf$"
EVIDENCE_PATH = "^evidence/[0-9a-f]{64}$"
INSTRUMENT_PATH = "^instruments/[0-9a-f]{64}\\.json$"

_S = {"type": "string"}
_NULLABLE_UUID = {"type": ["string", "null"], "pattern": UUID}
_UUID = {"type": "string", "pattern": UUID}
_SHA = {"type": "string", "pattern": SHA256}
_DT = {"type": "string", "pattern": DATETIME}
_NULLABLE_DT = {"type": ["string", "null"], "pattern": DATETIME}
_SIZE = {"type": "integer", "minimum": 0}


def _obj(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return {"type": "object", "additionalProperties": False, "required": required or list(properties),
            "properties": properties}


def _short(max_length: int) -> dict[str, Any]:
    return {"type": "string", "maxLength": max_length}


_ASSESSOR = _obj({
    "id": _UUID,
    "name": _short(200),
    "nip": _short(40),
    "organisation": _short(200),
    "fingerprint": _SHA,
    "certificate": {"type": "string", "pattern": "^-----BEGIN CERTIFICATE-----", "maxLength": 65536},
})

_FILE = _obj({
    "path": {"type": "string", "anyOf": [{"pattern": RECORD_PATH}, {"pattern": SHEET_PATH},
                                         {"pattern": EVIDENCE_PATH}]},
    "kind": {"enum": ["record", "sheet", "evidence"]},
    "sha256": _SHA,
    "size": _SIZE,
})

_MANIFEST_RECORD = _obj({
    "record_id": _UUID,
    "version_id": _UUID,
    "previous_version_id": _NULLABLE_UUID,
    "status": {"enum": ["final", "signed"]},
    "signed": {"type": "boolean"},
    "round_id": _UUID,
    "region_code": {"type": "string", "pattern": REGION},
    "instrument": _obj({"id": _short(100), "version": _short(40), "content_hash": _SHA}),
    "files": {"type": "array", "minItems": 1, "maxItems": 10000, "items": _FILE},
})

_ROUND = _obj({
    "id": _UUID,
    "name": _short(200),
    "programme": _short(200),
    "instrument_hash": _SHA,
    "starts_on": {"type": ["string", "null"], "pattern": DATE},
    "ends_on": {"type": ["string", "null"], "pattern": DATE},
})

_INSTRUMENT = _obj({
    "id": _short(100),
    "version": _short(40),
    "content_hash": _SHA,
    "path": {"type": "string", "pattern": INSTRUMENT_PATH},
    "sha256": _SHA,
    "size": _SIZE,
})

_COMMON = {
    "format": {"const": "nilai-bundle"},
    "format_version": {"const": 1},
    "bundle_id": _UUID,
    "created_at": _DT,
    "program": _obj({"name": {"const": "nilai"}, "version": _short(40)}),
    "assessor": _ASSESSOR,
}

MANIFEST_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "urn:nilai:bundle-manifest:1",
    "title": "Nilai result bundle manifest (manifest.json), format version 1",
    "description": "Signed by the assessor (manifest.sig, detached, over the exact bytes of manifest.json). "
                   "A plain bundle lists every file it carries with its SHA-256 and size; an encrypted bundle "
                   "keeps only the identifying fields readable and names the encrypted payload.",
    "oneOf": [
        {
            "title": "plain bundle",
            **_obj({
                **_COMMON,
                "encrypted": {"const": False},
                "rounds": {"type": "array", "maxItems": 1000, "items": _ROUND},
                "instruments": {"type": "array", "maxItems": 100, "items": _INSTRUMENT},
                "records": {"type": "array", "minItems": 1, "maxItems": 100000, "items": _MANIFEST_RECORD},
            }),
        },
        {
            "title": "encrypted bundle (outer manifest)",
            **_obj({
                **_COMMON,
                "encrypted": {"const": True},
                "encryption": _obj({
                    "scheme": {"const": "nilai-enc-1"},
                    "recipient_fingerprint": _SHA,
                    "payload": _obj({"path": {"const": "payload.enc"}, "sha256": _SHA, "size": _SIZE}),
                }),
            }),
        },
    ],
}

_SCORE = _obj({
    "indicator_code": {"type": "string", "minLength": 1, "maxLength": 40},
    "level": {"type": ["integer", "null"]},
    "not_applicable": {"type": "boolean"},
    "note": {"type": "string", "maxLength": 100000},
    "updated_at": _DT,
})

_EVIDENCE = _obj({
    "id": _UUID,
    "indicator_code": {"type": "string", "minLength": 1, "maxLength": 40},
    "file_name": {"type": "string", "minLength": 1, "maxLength": 255},
    "sha256": _SHA,
    "size": _SIZE,
    "added_at": _DT,
})

_ENTRY = _obj({
    "id": _UUID,
    "chain_id": _UUID,
    "position": {"type": "integer", "minimum": 0},
    "version_id": _NULLABLE_UUID,
    "indicator_code": _short(40),
    "field": _short(40),
    "old": _short(Limits.max_text),
    "new": _short(Limits.max_text),
    "reason": _short(Limits.max_text),
    "kind": {"enum": ["edit", "undo", "redo"]},
    "undoes": _NULLABLE_UUID,
    "actor": _short(200),
    "at": {"type": "string", "maxLength": 40},
    "prev_hash": _SHA,
    "entry_hash": _SHA,
})

_ASSESSMENT = _obj({
    "record_id": _UUID,
    "version_id": _UUID,
    "previous_version_id": _NULLABLE_UUID,
    "round_id": _UUID,
    "region_code": {"type": "string", "pattern": REGION},
    "assessor_id": _UUID,
    "slot_id": _NULLABLE_UUID,
    "instrument_hash": _SHA,
    "status": {"enum": ["final", "signed"]},
    "delegation": {"type": "array", "maxItems": 100,
                   "items": _obj({"name": _short(200), "role": _short(200)})},
    "reopen_reason": {"type": "string", "maxLength": 10000},
    "sheet_sha256": {"type": ["string", "null"], "pattern": SHA256},
    "created_at": _DT,
    "updated_at": _DT,
    "finalized_at": _NULLABLE_DT,
    "signed_at": _NULLABLE_DT,
})

RECORD_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "urn:nilai:bundle-record:1",
    "title": "Nilai result bundle record (records/<version id>.json), format version 1",
    "description": "One finalized or signed version of one assessment: the assessment, every score with its "
                   "note, the evidence it cites, and its change log from the first entry up to this version.",
    **_obj({
        "format": {"const": "nilai-record"},
        "format_version": {"const": 1},
        "assessment": _ASSESSMENT,
        "scores": {"type": "array", "maxItems": 10000, "items": _SCORE},
        "evidence": {"type": "array", "maxItems": 10000, "items": _EVIDENCE},
        "change_log": {"type": "array", "minItems": 1, "maxItems": 1000000, "items": _ENTRY},
    }),
}

_HHMM = {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$"}

ROUND_PACKAGE_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "urn:nilai:round-package:1",
    "title": "Nilai round package (package.json), format version 1",
    "description": "Written by the coordinator, signed (package.sig, detached, over the exact bytes of package.json). "
                   "The instrument is the normalised definition (see docs/instrument-format.md); its content hash "
                   "must equal round.instrument_hash.",
    **_obj({
        "format": {"const": "nilai-round-package"},
        "format_version": {"const": 1},
        "package_id": _UUID,
        "package_version": {"type": "integer", "minimum": 1},
        "created_at": _DT,
        "program": _obj({"name": {"const": "nilai"}, "version": _short(40)}),
        "coordinator": _obj({
            "name": _short(200), "nip": _short(40), "organisation": _short(200), "fingerprint": _SHA,
            "certificate": {"type": "string", "pattern": "^-----BEGIN CERTIFICATE-----", "maxLength": 65536},
        }),
        "round": _obj({
            "id": _UUID, "name": _short(200), "programme": _short(200), "instrument_hash": _SHA,
            "starts_on": {"type": ["string", "null"], "pattern": DATE},
            "ends_on": {"type": ["string", "null"], "pattern": DATE},
            "aggregation_rule": {"enum": ["mean", "median", "trimmed_mean", "adjusted"]},
            "shortlist_sizes": {"type": "array", "maxItems": 10, "items": {"type": "integer", "minimum": 1}},
        }),
        "instrument": {"type": "object"},
        "candidates": {"type": "array", "maxItems": 1000, "uniqueItems": True,
                       "items": {"type": "string", "pattern": REGION}},
        "assessors": {"type": "array", "maxItems": 1000, "items": _obj({
            "id": _UUID, "name": _short(200), "nip": _short(40), "organisation": _short(200),
            "cert_fingerprint": {"type": ["string", "null"], "pattern": SHA256},
        })},
        "panels": {"type": "array", "maxItems": 1000, "items": _obj({
            "id": _UUID, "name": _short(100), "room": _short(100),
            "assessor_ids": {"type": "array", "maxItems": 100, "uniqueItems": True, "items": _UUID},
        })},
        "slots": {"type": "array", "maxItems": 100000, "items": _obj({
            "id": _UUID, "panel_id": _UUID, "region_code": {"type": "string", "pattern": REGION},
            "day": {"type": "string", "pattern": DATE}, "start": _HHMM,
            "minutes": {"type": "integer", "minimum": 1, "maximum": 600},
        })},
        # optional: the coordinator's sync service (`nilai serve`) and its certificate, pinned by the laptops
        "sync": _obj({"url": {"type": "string", "pattern": "^https?://", "maxLength": 400},
                      "certificate": {"type": "string", "pattern": "^-----BEGIN CERTIFICATE-----",
                                      "maxLength": 65536}}),
        # Optional: packages written before calibration cases existed have neither.
        "calibration_cases": {"type": "array", "maxItems": 999, "items": _obj({
            "code": {"type": "string", "pattern": CALIBRATION_CODE}, "name": _short(100),
            "province_code": {"type": "string", "pattern": "^([0-9]{2}|K0)$"}, "province_name": _short(100),
        })},
        "calibration_feedback": {"type": "array", "maxItems": 999, "items": _obj({
            "code": {"type": "string", "pattern": CALIBRATION_CODE},
            "assessors": {"type": "integer", "minimum": 0},
            "medians": {"type": "object", "maxProperties": 1000, "propertyNames": {"maxLength": 40},
                        "additionalProperties": {"type": "number"}},
        })},
        # Optional: the round's open returns for revision (each laptop keeps its own assessor's).
        "returns": {"type": "array", "maxItems": 100000, "items": _obj({
            "id": _UUID, "round_id": _UUID, "record_id": _UUID, "version_id": _UUID, "assessor_id": _UUID,
            "region_code": {"type": "string", "pattern": REGION}, "comment": _short(4000),
            "returned_by": _short(200), "returned_at": _DT,
        })},
    }, required=["format", "format_version", "package_id", "package_version", "created_at", "program", "coordinator",
                 "round", "instrument", "candidates", "assessors", "panels", "slots"]),
}

SCHEMAS = {"bundle-manifest.schema.json": MANIFEST_SCHEMA, "bundle-record.schema.json": RECORD_SCHEMA,
           "round-package.schema.json": ROUND_PACKAGE_SCHEMA}


def schema_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def docs_dir() -> Path:
    return Path(__file__).resolve().parent.parent.parent / "docs" / "schemas"


def write_docs(directory: Path | None = None) -> list[Path]:
    directory = directory or docs_dir()
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in SCHEMAS.items():
        path = directory / name
        path.write_text(schema_text(schema), encoding="utf-8")
        written.append(path)
    return written


def manifest_validator() -> Any:
    from jsonschema import Draft202012Validator  # deferred: slow to import, only when a bundle is read

    return Draft202012Validator(MANIFEST_SCHEMA)


def record_validator() -> Any:
    from jsonschema import Draft202012Validator  # deferred: slow to import, only when a bundle is read

    return Draft202012Validator(RECORD_SCHEMA)


if __name__ == "__main__":  # pragma: no cover
    for path in write_docs():
        print(path)

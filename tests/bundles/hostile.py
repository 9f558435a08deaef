"""Mutation operators for hostile-bundle campaigns: each turns a valid bundle into a damaged or
forged one, the way a bad USB stick, a careless hand or an attacker would."""

from __future__ import annotations

import io
import json
import random
import stat
import struct
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.bundles.helpers import file_sha, resign_manifest, rewrite_zip, unlock_dir

TRAVERSAL_NAMES = ("../escape.json", "/etc/passwd", "records/../../x.json", "C:\\Windows\\x.dll", "..\\..\\x",
                   "records/./a.json", "a" * 300, "records/\x00.json", "sheets/ünïcode.pdf")


@dataclass(frozen=True)
class Ctx:
    source: Path  # the valid bundle
    target: Path  # where the mutant is written
    assessor_dir: Path  # the real signer (for re-signed, semantically broken manifests)
    outsider_dir: Path  # a key nobody trusts
    other_cert_pem: bytes  # another trusted assessor's certificate


def _entries(path: Path) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(path) as archive:
        return [(info, archive.read(info.filename)) for info in archive.infolist()]


def _write(target: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names on purpose
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for info, data in entries:
                archive.writestr(info, data)
    target.write_bytes(buffer.getvalue())
    return target


# -- byte-level damage -------------------------------------------------------------------------


def flip_file_bytes(ctx: Ctx, rng: random.Random) -> Path:
    data = bytearray(ctx.source.read_bytes())
    for _ in range(rng.randint(1, 8)):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    ctx.target.write_bytes(bytes(data))
    return ctx.target


def truncate_file(ctx: Ctx, rng: random.Random) -> Path:
    data = ctx.source.read_bytes()
    ctx.target.write_bytes(data[: rng.randrange(0, len(data))])
    return ctx.target


def absurd_sizes(ctx: Ctx, rng: random.Random) -> Path:
    """Rewrite one central-directory entry's sizes to absurd values (a lying zip header)."""
    data = bytearray(ctx.source.read_bytes())
    offsets = [i for i in range(len(data) - 4) if data[i:i + 4] == b"PK\x01\x02"]
    at = rng.choice(offsets)
    size = rng.choice([0xFFFFFFF0, 0x7FFFFFFF, 0, 1, 10**9])
    struct.pack_into("<I", data, at + 20, size if rng.random() < 0.5 else 0)  # compressed size
    struct.pack_into("<I", data, at + 24, size)  # uncompressed size
    ctx.target.write_bytes(bytes(data))
    return ctx.target


# -- entry-level damage ------------------------------------------------------------------------


def flip_entry_bytes(ctx: Ctx, rng: random.Random) -> Path:
    entries = _entries(ctx.source)
    index = rng.randrange(len(entries))
    info, data = entries[index]
    if data:
        changed = bytearray(data)
        for _ in range(rng.randint(1, 3)):
            changed[rng.randrange(len(changed))] ^= 1 << rng.randrange(8)
        entries[index] = (info, bytes(changed))
    return _write(ctx.target, entries)


def truncate_entry(ctx: Ctx, rng: random.Random) -> Path:
    entries = _entries(ctx.source)
    index = rng.randrange(len(entries))
    info, data = entries[index]
    entries[index] = (info, data[: rng.randrange(0, max(1, len(data)))])
    return _write(ctx.target, entries)


def rename_entry(ctx: Ctx, rng: random.Random) -> Path:
    entries = _entries(ctx.source)
    index = rng.randrange(len(entries))
    info, data = entries[index]
    names = [i.filename for i, _ in entries]
    new_name = rng.choice([*TRAVERSAL_NAMES, *names, info.filename.upper(), info.filename + ".bak"])
    entries[index] = (zipfile.ZipInfo(new_name, date_time=info.date_time), data)
    return _write(ctx.target, entries)


def reorder_entries(ctx: Ctx, rng: random.Random) -> Path:
    entries = _entries(ctx.source)
    rng.shuffle(entries)  # harmless on its own: the result must still import
    return _write(ctx.target, entries)


def duplicate_entry(ctx: Ctx, rng: random.Random) -> Path:
    entries = _entries(ctx.source)
    info, data = rng.choice(entries)
    copy = bytearray(data) or bytearray(b"x")
    copy[rng.randrange(len(copy))] ^= 0xFF
    entries.insert(rng.randrange(len(entries) + 1), (zipfile.ZipInfo(info.filename), bytes(copy)))
    return _write(ctx.target, entries)


def drop_entry(ctx: Ctx, rng: random.Random) -> Path:
    entries = _entries(ctx.source)
    del entries[rng.randrange(len(entries))]
    return _write(ctx.target, entries)


def add_entry(ctx: Ctx, rng: random.Random) -> Path:
    entries = _entries(ctx.source)
    name = rng.choice([*TRAVERSAL_NAMES, "records/00000000-0000-4000-8000-000000000000.json", "extra.txt",
                       "evidence/" + "0" * 64])
    info = zipfile.ZipInfo(name)
    if rng.random() < 0.3:  # a symbolic link
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        payload = b"/etc/passwd"
    elif rng.random() < 0.3:  # a small zip bomb: highly compressible
        payload = b"\0" * rng.choice([5 << 20, 20 << 20])
    else:
        payload = rng.randbytes(rng.randint(0, 2048))
    entries.insert(rng.randrange(len(entries) + 1), (info, payload))
    return _write(ctx.target, entries)


def replace_certificate(ctx: Ctx, rng: random.Random) -> Path:
    return rewrite_zip(ctx.source, ctx.target,
                       lambda name, data: ctx.other_cert_pem if name == "certificate.pem" else data)


# -- forged or semantically broken manifests ---------------------------------------------------


def _manifest_edit(rng: random.Random) -> Callable[[dict], None]:
    def edit(manifest: dict) -> None:
        choice = rng.randrange(9)
        records = manifest.get("records") or [{}]
        record = rng.choice(records)
        files = record.get("files") or [{}]
        if choice == 0:
            manifest["format_version"] = rng.choice([0, 2, 99, "1", None])
        elif choice == 1:
            rng.choice(files)["sha256"] = "0" * 64
        elif choice == 2:
            rng.choice(files)["size"] = rng.choice([-1, 0, 10**12, "12"])
        elif choice == 3:
            rng.choice(files)["path"] = rng.choice(TRAVERSAL_NAMES)
        elif choice == 4:
            record["version_id"] = rng.choice(["not-a-uuid", record.get("record_id"), "00000000-0000-4000-8000-000000000000"])
        elif choice == 5:
            record.pop(rng.choice(sorted(record) or ["x"]), None)
        elif choice == 6:
            manifest["surprise"] = {"nested": list(range(5))}
        elif choice == 7:
            record["status"] = rng.choice(["draft", "deleted", "", 3])
        else:
            manifest["records"] = records + records  # the same record twice
    return edit


def resigned_by_assessor(ctx: Ctx, rng: random.Random) -> Path:
    """The real assessor's key signs a broken manifest: only the deeper checks can catch it."""
    return resign_manifest(ctx.source, ctx.target, _manifest_edit(rng), ctx.assessor_dir)


def forged_by_outsider(ctx: Ctx, rng: random.Random) -> Path:
    return resign_manifest(ctx.source, ctx.target, _manifest_edit(rng), ctx.outsider_dir,
                           replace_cert=rng.random() < 0.5)


def manifest_json_damage(ctx: Ctx, rng: random.Random) -> Path:
    def change(name: str, data: bytes) -> bytes:
        if name != "manifest.json":
            return data
        text = data.decode("utf-8", "replace")
        return rng.choice([b"", b"{}", b"[]", b"null", text[: len(text) // 2].encode(), b"\xff\xfe" + data,
                           json.dumps({"format": "nilai-bundle"}).encode()])

    return rewrite_zip(ctx.source, ctx.target, change)


# -- pathological content, signed by the real assessor (only the limits can catch it) -------------


def nested(depth: int, inner: str = "0") -> str:
    """JSON nested ``depth`` levels deep (arrays and objects mixed)."""
    opening = "".join('{"a":' if i % 3 == 2 else "[" for i in range(depth))
    return opening + inner + "".join("}" if i % 3 == 2 else "]" for i in reversed(range(depth)))


def resign_raw(ctx: Ctx, raw_manifest: bytes, change: Callable[[str, bytes], bytes] | None = None) -> Path:
    """Put ``raw_manifest`` (any bytes) in place of manifest.json, signed with the assessor's key."""
    from app.identity import sign_bytes

    signature = sign_bytes(unlock_dir(ctx.assessor_dir), raw_manifest)

    def apply(name: str, data: bytes) -> bytes:
        if name == "manifest.json":
            return raw_manifest
        if name == "manifest.sig":
            return signature
        return change(name, data) if change else data

    return rewrite_zip(ctx.source, ctx.target, apply)


def replace_record(ctx: Ctx, rng: random.Random, make: Callable[[dict, random.Random], bytes]) -> Path:
    """One record file replaced by ``make(record)``, listed with its new hash and size, re-signed."""
    with zipfile.ZipFile(ctx.source) as archive:
        name = rng.choice(sorted(n for n in archive.namelist() if n.startswith("records/")))
        new = make(json.loads(archive.read(name)), rng)

    def edit(manifest: dict) -> None:
        for record in manifest["records"]:
            for f in record["files"]:
                if f["path"] == name:
                    f["sha256"], f["size"] = file_sha(new), len(new)

    return resign_manifest(ctx.source, ctx.target, edit, ctx.assessor_dir,
                           change=lambda n, data: new if n == name else data)


def deep_manifest(ctx: Ctx, rng: random.Random) -> Path:
    """A manifest with a value nested far deeper than the format allows (up to a recursion-limit breaker)."""
    from app.bundles.format import manifest_json

    with zipfile.ZipFile(ctx.source) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    spot = rng.choice(["program", "assessor", "surprise"])
    manifest.setdefault(spot, {})["x"] = "@DEEP@"
    depth = rng.choice([33, 40, 1000, 5000, 100_000])
    return resign_raw(ctx, manifest_json(manifest).replace(b'"@DEEP@"', nested(depth).encode()))


def deep_record(ctx: Ctx, rng: random.Random) -> Path:
    def make(record: dict, rng: random.Random) -> bytes:
        spot = rng.choice(["assessment", "scores", "change_log", "top"])
        target = record if spot == "top" else record[spot] if spot == "assessment" else rng.choice(record[spot])
        target["x"] = "@DEEP@"
        depth = rng.choice([33, 64, 1000, 5000, 100_000])
        return json.dumps(record, ensure_ascii=False).encode().replace(b'"@DEEP@"', nested(depth).encode())

    return replace_record(ctx, rng, make)


def record_past_a_limit(ctx: Ctx, rng: random.Random) -> Path:
    """A record with one thing just past the format's limits: a long text, too many scores, evidence or entries."""
    from app.bundles.format import DEFAULT_LIMITS as L

    def make(record: dict, rng: random.Random) -> bytes:
        choice = rng.randrange(4)  # (a million change-log entries: see test_limits, with a lower limit)
        if choice == 0:
            rng.choice(record["change_log"])[rng.choice(["old", "new", "reason"])] = "x" * (L.max_text + 1)
        elif choice == 1:
            rng.choice(record["scores"])["note"] = "catatan " * (L.max_text // 8 + 1)
        elif choice == 2:
            record["scores"] = [dict(record["scores"][0], indicator_code=f"X{i}") for i in range(L.max_scores + 1)]
        else:
            record["evidence"] = [{}] * (L.max_evidence_per_version + 1)
        return json.dumps(record, ensure_ascii=False).encode()

    return replace_record(ctx, rng, make)


def manifest_past_a_limit(ctx: Ctx, rng: random.Random) -> Path:
    """A manifest listing more rounds, instruments or files for one version than the format allows."""
    from app.bundles.format import DEFAULT_LIMITS as L

    def edit(manifest: dict) -> None:
        choice = rng.randrange(3)  # (100,000 versions: see test_limits, with a lower limit)
        if choice == 0:
            manifest["rounds"] = manifest["rounds"] * (L.max_rounds + 1)
        elif choice == 1:
            manifest["instruments"] = (manifest["instruments"] or [{}]) * (L.max_instruments + 1)
        else:
            record = rng.choice(manifest["records"])
            record["files"] = record["files"] * (L.max_files_per_version + 1)

    return resign_manifest(ctx.source, ctx.target, edit, ctx.assessor_dir)


OPERATORS: dict[str, Callable[[Ctx, random.Random], Path]] = {
    "flip file bytes": flip_file_bytes,
    "truncate file": truncate_file,
    "absurd header sizes": absurd_sizes,
    "flip entry bytes": flip_entry_bytes,
    "truncate entry": truncate_entry,
    "rename entry / path traversal": rename_entry,
    "reorder entries": reorder_entries,
    "duplicate entry name": duplicate_entry,
    "drop entry": drop_entry,
    "add entry / link / bomb": add_entry,
    "wrong certificate": replace_certificate,
    "re-signed broken manifest": resigned_by_assessor,
    "forged signature": forged_by_outsider,
    "broken manifest JSON": manifest_json_damage,
    "deeply nested manifest": deep_manifest,
    "deeply nested record": deep_record,
    "record past a limit": record_past_a_limit,
    "manifest past a limit": manifest_past_a_limit,
}

# Operators whose every mutant must be refused for this reason (one of these words in it), not another.
REASONS: dict[str, tuple[str, ...]] = {
    "deeply nested manifest": ("nested more than",),
    "deeply nested record": ("nested more than",),
    "record past a limit": ("the limit on text", "must be a list of at most"),
    "manifest past a limit": ("more than the",),
}

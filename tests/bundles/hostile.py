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

from tests.bundles.helpers import resign_manifest, rewrite_zip

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
}

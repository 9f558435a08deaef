"""Zip sanity: everything a reader checks in the central directory before reading any content.

Paths that could leave a folder (absolute, ``..``, backslashes, drive letters), links and other
special files (``external_attr``), duplicate names, encrypted entries, unknown compression,
too many entries, entries or totals above the limits, and compression ratios of zip bombs are all
refused here. Reading goes through :func:`read_entry` / :func:`hash_entry`, which never return
more bytes than the (checked) declared size, and turn CRC errors and truncation into
:class:`DamagedBundle`.
"""

from __future__ import annotations

import hashlib
import stat
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from app.bundles.errors import DamagedBundle, UnsafeBundle
from app.bundles.format import DEFAULT_LIMITS, Limits

ALLOWED_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_CHUNK = 1 << 20


def unsafe_path_reason(name: str) -> str | None:
    """Why ``name`` must never be used as a path, or None."""
    if not name:
        return "an empty file name"
    if "\x00" in name:
        return "a file name with a NUL byte"
    if "\\" in name:
        return f"a backslash in {name!r}"
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return f"an absolute path {name!r}"
    parts = name.split("/")
    if any(part == ".." for part in parts):
        return f"a path leaving the folder ({name!r})"
    if any(part in ("", ".") for part in parts[:-1]) or name.endswith("/"):
        return f"an odd path {name!r}"
    return None


def open_zip(source: str | Path | IO[bytes], label: str, limits: Limits = DEFAULT_LIMITS,
             allowed: Iterable[str] | None = None, patterns: Iterable = ()) -> zipfile.ZipFile:
    """Open a zip and check its directory; the caller closes it. Names must be in ``allowed`` or match ``patterns``."""
    if isinstance(source, str | Path):
        path = Path(source)
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise DamagedBundle(f"{label}: cannot be read ({exc.strerror or exc})") from exc
        if size > limits.max_bundle_bytes:
            raise UnsafeBundle(f"{label}: the file is {size} bytes, more than the {limits.max_bundle_bytes} a bundle may have")
    try:
        archive = zipfile.ZipFile(source)
    except zipfile.BadZipFile as exc:
        raise DamagedBundle(f"{label}: not a readable bundle (damaged or truncated zip: {exc})") from exc
    except (OSError, EOFError, ValueError) as exc:
        raise DamagedBundle(f"{label}: not a readable bundle ({exc})") from exc
    try:
        check_directory(archive, label, limits, set(allowed or ()), tuple(patterns))
    except BaseException:
        archive.close()
        raise
    return archive


def check_directory(archive: zipfile.ZipFile, label: str, limits: Limits, allowed: set[str],
                    patterns: tuple) -> None:
    infos = archive.infolist()
    if len(infos) > limits.max_entries:
        raise UnsafeBundle(f"{label}: {len(infos)} files inside, more than the {limits.max_entries} allowed")
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        reason = unsafe_path_reason(name)
        if reason:
            raise UnsafeBundle(f"{label}: refused, it contains {reason} (zip-slip)")
        if name in seen:
            raise UnsafeBundle(f"{label}: refused, the file name {name!r} appears twice")
        seen.add(name)
        file_type = stat.S_IFMT((info.external_attr >> 16) & 0xFFFF)  # 0: no Unix mode recorded
        if file_type == stat.S_IFLNK:
            raise UnsafeBundle(f"{label}: refused, {name!r} is a symbolic link")
        if info.is_dir() or file_type == stat.S_IFDIR or info.external_attr & 0x10:
            raise UnsafeBundle(f"{label}: refused, it contains a folder entry {name!r}")
        if file_type not in (0, stat.S_IFREG):
            raise UnsafeBundle(f"{label}: refused, {name!r} is not a regular file (a device, pipe or socket)")
        if info.flag_bits & 0x1:
            raise UnsafeBundle(f"{label}: refused, {name!r} is encrypted with zip encryption")
        if info.compress_type not in ALLOWED_METHODS:
            raise UnsafeBundle(f"{label}: refused, {name!r} uses an unsupported compression method")
        if name not in allowed and not any(p.fullmatch(name) for p in patterns):
            raise UnsafeBundle(f"{label}: refused, it contains an unexpected file {name!r}")
        limit = limits.entry_limit(name)
        if info.file_size > limit:
            raise UnsafeBundle(f"{label}: refused, {name!r} is {info.file_size} bytes, more than the {limit} allowed "
                               "(oversized entry)")
        if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise UnsafeBundle(f"{label}: refused, {name!r} expands {info.file_size // max(info.compress_size, 1)}-fold "
                               f"(zip bomb; at most {limits.max_ratio:.0f}-fold is accepted)")
        total += info.file_size
        if total > limits.max_total_bytes:
            raise UnsafeBundle(f"{label}: refused, its files add up to more than {limits.max_total_bytes} bytes")


def _open_entry(archive: zipfile.ZipFile, name: str, label: str) -> IO[bytes]:
    try:
        return archive.open(name)
    except KeyError as exc:
        raise DamagedBundle(f"{label}: {name} is missing") from exc
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise DamagedBundle(f"{label}: {name} cannot be read ({exc})") from exc


def read_entry(archive: zipfile.ZipFile, name: str, label: str) -> bytes:
    """The whole entry (its declared size was checked against the limits)."""
    info = archive.getinfo(name)
    with _open_entry(archive, name, label) as handle:
        try:
            data = handle.read(info.file_size + 1)
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error, ValueError) as exc:
            raise DamagedBundle(f"{label}: {name} is damaged ({exc})") from exc
    if len(data) != info.file_size:
        raise DamagedBundle(f"{label}: {name} is truncated")
    return data


def hash_entry(archive: zipfile.ZipFile, name: str, label: str, sink: IO[bytes] | None = None) -> tuple[str, int]:
    """SHA-256 and size of an entry, streamed (optionally copied into ``sink``)."""
    info = archive.getinfo(name)
    digest = hashlib.sha256()
    size = 0
    with _open_entry(archive, name, label) as handle:
        try:
            while True:
                chunk = handle.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > info.file_size:
                    raise DamagedBundle(f"{label}: {name} is longer than it declares")
                digest.update(chunk)
                if sink is not None:
                    sink.write(chunk)
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error, ValueError) as exc:
            raise DamagedBundle(f"{label}: {name} is damaged ({exc})") from exc
    if size != info.file_size:
        raise DamagedBundle(f"{label}: {name} is truncated")
    return digest.hexdigest(), size

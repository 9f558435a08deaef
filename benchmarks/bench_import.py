"""Bundle import throughput against plain sqlite3.executemany of the same score rows.

    python benchmarks/bench_import.py                      # 50,000 records x 40 scores in 500 bundles
    python benchmarks/bench_import.py --records 5000        # a quick run

Steps: (1) generate signed bundles in the real format (one assessor identity, a 40-indicator
instrument, one round); not timed. (2) In a fresh process, import them all into a fresh
coordinator store with ``app.bundles.importer.import_bundles`` (every check: zip sanity,
signature, trust, hashes, record format, change-log chains, instrument; one transaction per
bundle), timing the whole call and recording the process's peak RSS. (3) In another fresh process,
insert the same score rows with plain ``sqlite3.executemany`` into a table created with the
store's own DDL, with the store's pragmas (WAL, synchronous=FULL), one commit per bundle - timing
only the executemany and commit calls; "ratio" is (2) / (3). (4) "all rows": the same, for every row
the import writes - versions, scores, change-log entries and import records, into tables made with the
store's own DDL and indexes: the pace of the disk and SQLite for what an import stores, with no check.

The target line (issue 17: <= 2x, < 300 MB at 50,000 records) is (2) / (4). The issue's baseline is
"sqlite3.executemany of the same rows"; it was written when a record carried its scores and little
else. A record now carries the change log Nilai really writes (53 entries against 40 scores, ~4 times
the bytes of the scores on disk), and the import must store it, so the same rows are every row the
import writes: 2 M scores, 2.65 M change-log entries and 50,000 versions at the full size. The
scores-only ratio (3) is still printed beside it, to compare with earlier figures.

Each record carries the change log Nilai writes: ``status draft``, ``delegation``, one ``level``
entry per score and a ``note`` entry per note, ``status final`` (53 entries), a real chain that the
importer verifies entry by entry and replays against the scores. (A shorter log, as earlier runs
of this benchmark used, is now refused: scores must be what their log says.) Record, version and
entry ids come from ``app.models.tables.new_id``, as an assessor's Nilai makes them (time-ordered
UUIDv7; bundles kept with ``--keep`` from before that change carry UUID4 ids).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSPHRASE = "benchmark passphrase"
REGIONS = ("3325", "3671", "3674", "3603", "3279", "6371", "3304", "6372", "6303", "7472")


def instrument_data() -> dict:
    def text(s: str) -> dict:
        return {"id": s, "en": s}

    def indicator(code: str) -> dict:
        return {"code": code, "title": text(f"Indikator {code}"), "question": text("?"), "guidance": text("-"),
                "evidence_hint": text("-"), "weight": 10, "required": True,
                "levels": [{"level": n, "label": text(f"L{n}"), "descriptor": text(f"{code} {n}")} for n in range(1, 6)]}

    return {"id": "bench-40", "version": "1.0", "title": text("Bench"), "description": text("40 indicators"),
            "source_note": text("benchmark"),
            "dimensions": [{"code": f"D{d}", "title": text(f"D{d}"), "weight": 25,
                            "indicators": [indicator(f"D{d}-{i:02d}") for i in range(10)]} for d in range(4)]}


def generate(directory: Path, records: int, bundles: int, log: str, seed: int = 7,
             nip: str = "198001012005011001", name: str = "Penilai Uji") -> dict:
    from app.bundles.format import canonical_json, iso, manifest_json
    from app.identity import create_identity, load_identity, sign_bytes, unlock
    from app.instruments import instrument_to_dict, parse_instrument

    rng = random.Random(seed)
    instrument = parse_instrument(instrument_data(), source="bench")
    definition = canonical_json(instrument_to_dict(instrument))
    identity_dir = directory / "assessor"
    create_identity(identity_dir, name, nip, "Bench", PASSPHRASE)
    unlocked = unlock(identity_dir, PASSPHRASE)
    info = load_identity(identity_dir)
    round_id, assessor_id = str(uuid.uuid4()), str(uuid.uuid4())
    codes = [ind.code for ind in instrument.indicators()]
    per_bundle = max(1, records // bundles)
    base = datetime(2018, 3, 5, 1, 0, tzinfo=UTC)

    files = []
    made = 0
    for b in range(bundles):
        count = per_bundle if b < bundles - 1 else records - made
        if count <= 0:
            break
        path = directory / f"bundle-{b:04d}.nilai"
        manifest_records = []
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as z:
            inst_path = f"instruments/{instrument.content_hash}.json"
            z.writestr(inst_path, definition)
            for _ in range(count):
                at = base + timedelta(seconds=made)
                doc = _record(rng, codes, round_id, assessor_id, instrument.content_hash, REGIONS[made % len(REGIONS)],
                              iso(at), log)
                record_id, version_id = doc["assessment"]["record_id"], doc["assessment"]["version_id"]
                data = canonical_json(doc)
                rpath = f"records/{version_id}.json"
                z.writestr(rpath, data)
                manifest_records.append({
                    "record_id": record_id, "version_id": version_id, "previous_version_id": None, "status": "final",
                    "signed": False, "round_id": round_id, "region_code": doc["assessment"]["region_code"],
                    "instrument": {"id": instrument.id, "version": instrument.version, "content_hash": instrument.content_hash},
                    "files": [{"kind": "record", "path": rpath, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}]})
                made += 1
            manifest = {"format": "nilai-bundle", "format_version": 1, "bundle_id": str(uuid.uuid4()),
                        "created_at": iso(datetime.now(UTC)), "program": {"name": "nilai", "version": "bench"},
                        "assessor": {"id": assessor_id, "name": info.name, "nip": info.nip,
                                     "organisation": info.organisation, "fingerprint": info.fingerprint,
                                     "certificate": info.cert_pem},
                        "encrypted": False,
                        "rounds": [{"id": round_id, "name": "Bench round", "programme": "Gerakan Menuju 100 Smart City",
                                    "instrument_hash": instrument.content_hash, "starts_on": "2018-03-05",
                                    "ends_on": "2018-03-07"}],
                        "instruments": [{"id": instrument.id, "version": instrument.version,
                                         "content_hash": instrument.content_hash, "path": inst_path,
                                         "sha256": hashlib.sha256(definition).hexdigest(), "size": len(definition)}],
                        "records": manifest_records}
            raw = manifest_json(manifest)
            z.writestr("manifest.json", raw)
            z.writestr("manifest.sig", sign_bytes(unlocked, raw))
            z.writestr("certificate.pem", info.cert_pem)
        files.append(str(path))
    (directory / "assessor.pem").write_text(info.cert_pem, encoding="ascii")
    return {"files": files, "records": made, "cert": str(directory / "assessor.pem")}


def _record(rng: random.Random, codes: list[str], round_id: str, assessor_id: str, instrument_hash: str,
            region: str, at: str, log: str) -> dict:
    """One record file: 40 scores and a real, hash-chained change log."""
    from app.models.tables import new_id
    from app.store import changelog

    record_id, version_id = new_id(), new_id()  # the ids Nilai makes
    levels = {code: rng.randint(1, 5) for code in codes}
    entries: list[dict] = []
    prev = changelog.GENESIS

    def add(field: str, old: str, new: str, code: str = "") -> None:
        nonlocal prev
        e = SimpleNamespace(id=new_id(), chain_id=record_id, position=len(entries), version_id=version_id,
                            indicator_code=code, field=field, old=old, new=new, reason="", kind="edit", undoes=None,
                            actor="Penilai Uji <198001012005011001>", at=at, prev_hash=prev, entry_hash="")
        e.entry_hash = changelog.entry_hash(e, prev)
        prev = e.entry_hash
        entries.append(dict(vars(e)))

    notes = {code: "Catatan panel." if i % 4 == 0 else "" for i, code in enumerate(codes)}
    add("status", "", "draft")
    add("delegation", "[]", '[{"name": "Bupati", "role": "Bupati"}]')
    # Every level and note as Nilai logs them: the importer replays the log against the scores.
    for code in codes:
        add("level", "", str(levels[code]), code)
        if notes[code]:
            add("note", "", notes[code], code)
    add("status", "draft", "final")
    return {"format": "nilai-record", "format_version": 1, "assessment": {
        "record_id": record_id, "version_id": version_id, "previous_version_id": None,
        "round_id": round_id, "region_code": region, "assessor_id": assessor_id,
        "slot_id": None, "instrument_hash": instrument_hash, "status": "final",
        "delegation": [{"name": "Bupati", "role": "Bupati"}], "reopen_reason": "", "sheet_sha256": None,
        "created_at": at, "updated_at": at, "finalized_at": at, "signed_at": None},
        "scores": [{"indicator_code": code, "level": levels[code], "not_applicable": False,
                    "note": notes[code], "updated_at": at}
                   for code in codes],
        "evidence": [], "change_log": entries}


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the helper process, once it ends)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_import(directory: Path, files: list[str], cert: str, bulk: str = "tuples", workers: int | None = None) -> dict:
    from app.bundles.importer import import_bundles
    from app.bundles.trust import certs_from
    from app.store import open_store

    data_dir = directory / "coordinator"
    shutil.rmtree(data_dir, ignore_errors=True)
    store = open_store(data_dir)
    trust = certs_from([Path(cert)])
    started, cpu = time.perf_counter(), _cpu()
    report = import_bundles(store, files, extra_trust=trust, bulk=bulk, workers=workers)
    seconds, cpu = time.perf_counter() - started, _cpu() - cpu
    store.close()
    rejected = [b.reason for b in report.rejected]
    return {"seconds": seconds, "cpu": cpu, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "helper_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            "totals": report.totals, "rejected": rejected[:3], "db": str(data_dir)}


# The importer's own connection settings for bulk work (app/bundles/bulk.py), for the "tuned" baseline.
IMPORTER_PRAGMAS = ("PRAGMA cache_size = -65536", "PRAGMA wal_autocheckpoint = 10000")


def score_ddl(ddl_from: str) -> str:
    source = sqlite3.connect(ddl_from)
    ddl = source.execute("SELECT sql FROM sqlite_master WHERE type='table' AND name='score'").fetchone()[0]
    source.close()
    return ddl


ALL_TABLES = ("assessment", "score", "change_log", "imported_version")
ENTRY_COLUMNS = ("id", "chain_id", "position", "version_id", "indicator_code", "field", "old", "new", "reason", "kind",
                 "undoes", "actor", "at", "prev_hash", "entry_hash")


def all_rows(doc: dict, bundle_id: str) -> dict[str, list[tuple]]:
    """Every row the importer writes for one record file (a new record): its version, scores, change log and
    import record, the values as the store keeps them."""
    a = doc["assessment"]

    def stored(t: str | None) -> str | None:
        return None if t is None else t.replace("T", " ").replace("+00:00", "")

    vid = a["version_id"]
    return {
        "assessment": [(vid, a["record_id"], a["previous_version_id"], a["round_id"], a["region_code"], a["assessor_id"],
                        a["slot_id"], a["instrument_hash"], a["status"], 1, 0, "import", json.dumps(a["delegation"]),
                        a["reopen_reason"], a["sheet_sha256"], None, stored(a["created_at"]), stored(a["updated_at"]),
                        stored(a["finalized_at"]), stored(a["signed_at"]))],
        "score": [(vid, s["indicator_code"], s["level"], s["not_applicable"], s["note"], stored(s["updated_at"]))
                  for s in doc["scores"]],
        "change_log": [tuple(e[c] for c in ENTRY_COLUMNS) for e in doc["change_log"]],
        "imported_version": [(a["record_id"], vid, bundle_id, "0" * 64, "0" * 64, "[]", stored(a["updated_at"]))],
    }


def run_baseline_all(directory: Path, files: list[str], ddl_from: str) -> dict:
    """(4): plain sqlite3, every row the import writes, into the store's own tables and indexes (foreign keys
    unchecked, as plain sqlite3 leaves them), WAL, synchronous=FULL and the importer's page cache and checkpoint
    interval; one executemany per table and one commit per bundle, only those calls timed."""
    source = sqlite3.connect(ddl_from)
    ddl = [sql for (sql,) in source.execute("SELECT sql FROM sqlite_master WHERE tbl_name IN (?, ?, ?, ?) "
                                            "AND sql IS NOT NULL ORDER BY type DESC", ALL_TABLES)]
    source.close()
    path = directory / "baseline-all.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    con = sqlite3.connect(path)
    for pragma in ("PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", *IMPORTER_PRAGMAS, *ddl):
        con.execute(pragma)
    con.commit()
    timed = cpu = 0.0
    rows_total = 0
    for file in files:
        rows: dict[str, list[tuple]] = {t: [] for t in ALL_TABLES}
        with zipfile.ZipFile(file) as z:
            bundle_id = json.loads(z.read("manifest.json"))["bundle_id"]
            for name in z.namelist():
                if name.startswith("records/"):
                    for table, more in all_rows(json.loads(z.read(name)), bundle_id).items():
                        rows[table].extend(more)
        started, cpu_started = time.perf_counter(), _cpu()
        for table in ALL_TABLES:
            con.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(rows[table][0]))})", rows[table])
        con.commit()
        timed += time.perf_counter() - started
        cpu += _cpu() - cpu_started
        rows_total += sum(len(r) for r in rows.values())
    con.close()
    return {"seconds": timed, "cpu": cpu, "rows": rows_total}


def run_baseline(directory: Path, files: list[str], ddl_from: str, tuned: bool = False) -> dict:
    """The same score rows, with plain sqlite3: the store's own CREATE TABLE score (same columns, same primary
    key), WAL and synchronous=FULL as the store, one executemany and one commit per bundle; only those two
    calls are timed. ``tuned``: also the page cache and checkpoint interval the importer uses."""
    ddl = score_ddl(ddl_from)
    path = directory / "baseline.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = FULL")
    for pragma in IMPORTER_PRAGMAS if tuned else ():
        con.execute(pragma)
    con.execute(ddl)
    con.commit()
    timed = cpu = 0.0
    rows_total = 0
    for file in files:
        rows = []
        with zipfile.ZipFile(file) as z:
            for name in z.namelist():
                if name.startswith("records/"):
                    doc = json.loads(z.read(name))
                    vid = doc["assessment"]["version_id"]
                    rows.extend((vid, s["indicator_code"], s["level"], s["not_applicable"], s["note"],
                                 s["updated_at"].replace("T", " ").replace("+00:00", "")) for s in doc["scores"])
        started, cpu_started = time.perf_counter(), _cpu()
        con.executemany("INSERT INTO score (version_id, indicator_code, level, not_applicable, note, updated_at) "
                        "VALUES (?, ?, ?, ?, ?, ?)", rows)
        con.commit()
        timed += time.perf_counter() - started
        cpu += _cpu() - cpu_started
        rows_total += len(rows)
    con.close()
    return {"seconds": timed, "cpu": cpu, "rows": rows_total}


def _make_store(data_dir: Path) -> None:
    """An empty store, only for the score table's DDL."""
    from app.store import open_store

    open_store(data_dir).close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--bundles", type=int, default=None, help="default: records / 100")
    parser.add_argument("--log", choices=("full",), default="full",
                        help="every level and note logged, as Nilai writes records (a shorter log no longer imports)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (its bundles are reused next time)")
    parser.add_argument("--bulk", choices=("tuples", "dicts"), default="tuples",
                        help="tuples: Core-compiled INSERTs executed with row tuples (the importer's default on SQLite); "
                             "dicts: connection.execute(insert(table), list_of_dicts)")
    parser.add_argument("--workers", type=int, default=None,
                        help="helper processes checking bundles ahead (default: the importer's choice; 0: none)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="import (with a baseline before and after) this many times; the median run is the result")
    parser.add_argument("--no-tuned", action="store_true",
                        help="skip the second baseline that uses the importer's page cache and checkpoint interval")
    parser.add_argument("--no-all-rows", action="store_true",
                        help="skip the baseline that writes every row the import writes (not only the scores)")
    parser.add_argument("--_phase", choices=("import", "baseline", "baseline-tuned", "baseline-all"),
                        help=argparse.SUPPRESS)
    parser.add_argument("--_args", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._phase:
        payload = json.loads(args._args)
        directory = Path(payload["dir"])
        if args._phase == "import":
            result = run_import(directory, payload["files"], payload["cert"], payload["bulk"], payload["workers"])
        elif args._phase == "baseline-all":
            result = run_baseline_all(directory, payload["files"], payload["ddl_from"])
        else:
            result = run_baseline(directory, payload["files"], payload["ddl_from"], tuned=args._phase == "baseline-tuned")
        print(json.dumps(result))
        return 0

    bundles = args.bundles or max(1, args.records // 100)
    work = args.keep or Path(tempfile.mkdtemp(prefix="nilai-bench-import-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        started = time.perf_counter()
        made = work / "generated.json"  # with --keep, the bundles of an earlier run with the same sizes are reused
        wanted = {"records": args.records, "bundles": bundles, "log": args.log}
        previous = json.loads(made.read_text(encoding="utf-8")) if made.exists() else {}
        if previous.get("wanted") == wanted and all(Path(f).exists() for f in previous["files"]):
            generated = previous
            print(f"reusing the bundles in {work}")
        else:
            if previous or (work / "assessor").exists():
                print(f"{work} holds other bundles; use an empty folder with --keep")
                return 1
            generated = generate(work, args.records, bundles, args.log)
            made.write_text(json.dumps({**generated, "wanted": wanted}), encoding="utf-8")
        records, files = generated["records"], generated["files"]
        print(f"{records} records x 40 scores in {len(files)} bundles ({args.log} change log), "
              f"ready in {time.perf_counter() - started:.1f} s", flush=True)

        def phase(name: str, payload: dict) -> dict:
            out = subprocess.run([sys.executable, __file__, "--_phase", name, "--_args", json.dumps(payload)],
                                 check=True, capture_output=True, text=True, cwd=ROOT)
            return json.loads(out.stdout.strip().splitlines()[-1])

        store_db = work / "ddl-source"
        _make_store(store_db)  # an empty store: the baseline's table is created with the store's own DDL
        baseline_payload = {"dir": str(work), "files": files, "ddl_from": str(store_db / "nilai.sqlite3")}
        ddl = " ".join(score_ddl(baseline_payload["ddl_from"]).split())
        print(f"baseline table (the store's DDL; plain sqlite3 leaves its foreign key unchecked): {ddl}")
        runs = []
        for run in range(args.repeat):
            # The machine may be shared: the baseline runs before and after the import, and the mean counts.
            before = phase("baseline", baseline_payload)
            imported = phase("import", {"dir": str(work), "files": files, "cert": generated["cert"],
                                        "bulk": args.bulk, "workers": args.workers})
            if imported["rejected"]:
                print("REJECTED:", imported["rejected"])
                return 1
            after = phase("baseline", baseline_payload)
            tuned = None
            if not args.no_tuned:
                tuned = (phase("baseline-tuned", baseline_payload)["seconds"]
                         + phase("baseline-tuned", baseline_payload)["seconds"]) / 2
            every = None
            if not args.no_all_rows:
                every = [phase("baseline-all", baseline_payload) for _ in range(2)]
            base = (before["seconds"] + after["seconds"]) / 2
            base_cpu = (before["cpu"] + after["cpu"]) / 2
            ratio = imported["seconds"] / base
            all_rows_s = sum(r["seconds"] for r in every) / len(every) if every else None
            all_rows_cpu = sum(r["cpu"] for r in every) / len(every) if every else None
            # The target is against every row the import writes (the "the same rows"); without that
            # baseline, against the scores only.
            target = imported["seconds"] / all_rows_s if all_rows_s else ratio
            runs.append((target, ratio, base, imported, tuned, all_rows_s, all_rows_cpu))
            label = f"run {run + 1}/{args.repeat}: " if args.repeat > 1 else ""
            print(f"{label}import   : {imported['seconds']:.2f} s for {records} records "
                  f"({records / imported['seconds']:.0f} records/s, CPU {imported['cpu']:.1f} s), "
                  f"peak RSS {imported['peak_rss_mb']:.0f} MB (helper process {imported['helper_peak_rss_mb']:.0f} MB), "
                  f"bulk={args.bulk}, workers={'default' if args.workers is None else args.workers}, "
                  f"outcomes {imported['totals']}")
            print(f"{label}baseline : {base:.2f} s (before {before['seconds']:.2f} s, after {after['seconds']:.2f} s; "
                  f"CPU {base_cpu:.1f} s): sqlite3.executemany of the same {before['rows']} score rows, WAL, "
                  "synchronous=FULL, default page cache and checkpoints, one executemany + commit per bundle")
            print(f"{label}ratio    : {ratio:.2f}x baseline wall time, {imported['cpu'] / base_cpu:.2f}x CPU time "
                  f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
            if tuned is not None:
                print(f"{label}tuned    : {tuned:.2f} s for the same baseline with the importer's page cache and "
                      f"checkpoint interval ({'; '.join(IMPORTER_PRAGMAS)}): ratio {imported['seconds'] / tuned:.2f}x")
            if every:
                print(f"{label}all rows : {all_rows_s:.2f} s (CPU {sum(r['cpu'] for r in every) / len(every):.1f} s) for "
                      f"every row the import writes ({every[0]['rows']}: versions, scores, change-log entries, import "
                      f"records) with plain sqlite3, tuned, no check: ratio {imported['seconds'] / all_rows_s:.2f}x")
        target, ratio, base, imported, tuned, all_rows_s, all_rows_cpu = sorted(runs, key=lambda r: r[0])[len(runs) // 2]
        if len(runs) > 1:
            print(f"median of {len(runs)} runs: import {imported['seconds']:.2f} s (CPU {imported['cpu']:.1f} s, "
                  f"peak RSS {imported['peak_rss_mb']:.0f} MB), ratio {ratio:.2f}x the baseline ({base:.2f} s)"
                  + (f", {imported['seconds'] / tuned:.2f}x the tuned one" if tuned else "")
                  + (f", {imported['seconds'] / all_rows_s:.2f}x every row written ({all_rows_s:.2f} s)"
                     if all_rows_s else ""))
        against = (f"every row the import writes ({all_rows_s:.2f} s, CPU {all_rows_cpu:.1f} s)" if all_rows_s
                   else f"the score rows only ({base:.2f} s)")
        cpu_ratio = f", {imported['cpu'] / all_rows_cpu:.2f}x in CPU time" if all_rows_cpu else ""
        verdict = "met" if target <= 2 and imported["peak_rss_mb"] < 300 else "NOT met"
        print(f"target   : import {imported['seconds']:.2f} s = {target:.2f}x {against}{cpu_ratio}; peak RSS "
              f"{imported['peak_rss_mb']:.0f} MB; <= 2x and < 300 MB: {verdict}"
              + ("" if records >= 50_000 else " (a quick run: the target is set at 50,000 records)"))
        print(f"RESULT records={records} bundles={len(files)} log={args.log} baseline_s={base:.2f} "
              f"import_s={imported['seconds']:.2f} ratio={ratio:.2f} peak_rss_mb={imported['peak_rss_mb']:.0f}"
              + (f" tuned_baseline_s={tuned:.2f} tuned_ratio={imported['seconds'] / tuned:.2f}" if tuned else "")
              + (f" all_rows_s={all_rows_s:.2f} all_rows_ratio={imported['seconds'] / all_rows_s:.2f}"
                 if all_rows_s else "")
              + (f" (median of {len(runs)} runs)" if len(runs) > 1 else ""))
        return 0
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

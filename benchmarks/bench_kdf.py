"""Key-derivation cost of ``key.pem``: seconds per passphrase guess for candidate scrypt parameters.

Run: ``.venv/bin/python -m benchmarks.bench_kdf [--n 5] [--target 0.5]``

One guess is what someone holding a copy of ``key.pem`` pays per passphrase tried: derive the
key-encryption key with scrypt and try to decrypt the PKCS#8 container. It is timed on a real
file through :func:`app.identity.keyfile.decrypt_private_key` with a wrong passphrase. scrypt runs
on one core (OpenSSL computes the p lanes one after the other), so the table gives the CPU seconds
of a guess (median of N runs: what it costs on an idle machine, the attacker's case, even when
this machine is shared) and the wall-clock seconds (fastest and median: what the assessor waits).
``memory`` is what OpenSSL charges against its default 32 MiB scrypt limit
(128·r·(N+2) + 128·r·p bytes); ``openssl`` says whether ``openssl pkey`` opens the file with the
right passphrase, which every key Nilai writes must allow (the key can always be recovered with
standard tools).

The last lines state the cost Nilai writes (``PRODUCTION_COST`` in app/identity/keyfile.py) and
whether it reaches the target.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `app` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cryptography.hazmat.primitives.asymmetric import ec  # noqa: E402

from app.identity import keyfile  # noqa: E402
from app.identity.errors import WrongPassphrase  # noqa: E402
from app.identity.keyfile import PRODUCTION_COST, ScryptCost  # noqa: E402

PASSPHRASE = "benchmark passphrase"
OPENSSL_MAX_MEM = 32 * 1024 * 1024  # OpenSSL's default scrypt memory limit (SCRYPT_MAX_MEM)

# (cost, why it is in the table)
CANDIDATES: list[tuple[ScryptCost, str]] = [
    (ScryptCost(2**14, 8, 4), "the cost written until now"),
    (ScryptCost(2**14, 8, 16), "same memory, 4x the lanes"),
    (ScryptCost(2**15, 8, 1), "32 MiB: just over OpenSSL's limit"),
    (ScryptCost(2**16, 8, 1), "64 MiB: over OpenSSL's limit"),
    (ScryptCost(2**15, 7, 1), "one lane of the largest N*r that fits"),
    (ScryptCost(2**15, 7, 8), ""),
]


def openssl_memory(cost: ScryptCost) -> int:
    """Bytes OpenSSL's EVP_PBE_scrypt counts against its limit for these parameters."""
    return 128 * cost.r * (cost.n + 2) + 128 * cost.r * cost.p


def openssl_opens(key_pem: bytes) -> str:
    if shutil.which("openssl") is None:
        return "n/a"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "key.pem"
        path.write_bytes(key_pem)
        done = subprocess.run(
            ["openssl", "pkey", "-in", str(path), "-passin", f"pass:{PASSPHRASE}", "-noout"], capture_output=True
        )
    return "yes" if done.returncode == 0 else "NO"


def seconds_per_guess(key_pem: bytes, n: int) -> tuple[float, float, float]:
    """(median CPU, fastest wall, median wall) seconds for one wrong-passphrase attempt on ``key_pem``."""
    cpu, wall = [], []
    for _ in range(n):
        started, started_cpu = time.perf_counter(), time.process_time()
        try:
            keyfile.decrypt_private_key(key_pem, "not the passphrase")
        except WrongPassphrase:
            pass
        else:
            raise AssertionError("a wrong passphrase opened the key")
        cpu.append(time.process_time() - started_cpu)
        wall.append(time.perf_counter() - started)
    return statistics.median(cpu), min(wall), statistics.median(wall)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5, help="timed guesses per parameter set (default 5)")
    parser.add_argument("--target", type=float, default=0.5, help="seconds per guess to reach (default 0.5)")
    args = parser.parse_args(argv)

    key = ec.generate_private_key(ec.SECP256R1())
    candidates = list(CANDIDATES)
    if all(cost != PRODUCTION_COST for cost, _ in candidates):
        candidates.append((PRODUCTION_COST, ""))
    candidates = [(c, "CHOSEN: what Nilai writes" if c == PRODUCTION_COST else why) for c, why in candidates]

    print(f"seconds per guess (derive + decrypt), {args.n} runs each; {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'N':>5} {'r':>2} {'p':>3} {'memory':>9} {'openssl':>7} {'CPU':>7} {'wall min':>8} {'wall med':>8}  note")
    cpu_seconds: dict[ScryptCost, float] = {}
    for cost, why in candidates:
        key_pem = keyfile.encrypt_private_key(key, PASSPHRASE, cost=cost)
        cpu, fastest, median = seconds_per_guess(key_pem, args.n)
        cpu_seconds[cost] = cpu
        memory = openssl_memory(cost)
        over = "*" if memory > OPENSSL_MAX_MEM else " "
        print(
            f"2^{cost.n.bit_length() - 1:<3} {cost.r:>2} {cost.p:>3} {memory / 2**20:>7.2f}M{over} "
            f"{openssl_opens(key_pem):>7} {cpu:>6.3f}s {fastest:>7.3f}s {median:>7.3f}s  {why}"
        )
    print("  (* more than OpenSSL's 32 MiB default limit: `openssl pkey` cannot open the file)")

    chosen = cpu_seconds[PRODUCTION_COST]
    verdict = "reaches" if chosen >= args.target else "DOES NOT reach"
    print(f"\nchosen: {PRODUCTION_COST} ({openssl_memory(PRODUCTION_COST) / 2**20:.1f} MiB): "
          f"{chosen:.3f} CPU seconds per guess, {verdict} the {args.target} s target")
    lane = chosen / PRODUCTION_COST.p
    print(f"one lane at N=2^{PRODUCTION_COST.n.bit_length() - 1}, r={PRODUCTION_COST.r} costs {lane:.3f} s: "
          f"p >= {math.ceil(args.target / lane)} reaches {args.target} s on this machine")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

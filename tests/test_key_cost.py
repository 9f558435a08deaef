"""The cost of a guess at key.pem: today's keys carry the measured cost, older keys are re-wrapped on unlock.

These tests run without the suite's test-only cheap cost (``NILAI_TEST_ONLY_CHEAP_KDF``, set in
tests/conftest.py), so each real derivation here takes about half a second.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from app import identity
from app.base import atomic
from app.identity import UnlockThrottle, WrongPassphrase, keyfile, rewrap
from app.identity.keyfile import PRODUCTION_COST, TEST_COST_SWITCH, ScryptCost, key_file_cost

PASS = "kata sandi rahasia"
OLD_COST = ScryptCost(2**14, 8, 4)  # what Nilai wrote before the cost was measured


@pytest.fixture
def production_cost(monkeypatch):
    monkeypatch.delenv(TEST_COST_SWITCH, raising=False)


def key_path(data_dir: Path) -> Path:
    return data_dir / "identity" / "key.pem"


def with_old_key(data_dir: Path) -> bytes:
    """An identity whose key.pem was written at the old cost, as an earlier Nilai left it."""
    with pytest.MonkeyPatch.context() as cheap:  # only the old key's own derivation is paid for
        cheap.setenv(TEST_COST_SWITCH, "1")
        identity.create_identity(data_dir, "Siti Rahmawati", "198001012005012001", "Kominfo", PASS)
    private_key = keyfile.decrypt_private_key(key_path(data_dir).read_bytes(), PASS)
    old = keyfile.encrypt_private_key(private_key, PASS, cost=OLD_COST)
    key_path(data_dir).write_bytes(old)
    assert key_file_cost(old) == OLD_COST
    return old


def test_the_production_cost_is_the_measured_one_and_new_keys_carry_it(tmp_path, production_cost):
    # The figures behind it are in keyfile.py and docs/security.md (benchmarks/bench_kdf.py).
    assert ScryptCost(n=2**15, r=7, p=12) == PRODUCTION_COST
    assert OLD_COST.weaker_than(PRODUCTION_COST)
    assert keyfile.current_cost() == PRODUCTION_COST
    identity.create_identity(tmp_path, "Siti Rahmawati", "", "Kominfo", PASS)
    assert key_file_cost(key_path(tmp_path).read_bytes()) == PRODUCTION_COST


def test_the_test_switch_is_only_honoured_when_set_to_one(monkeypatch):
    monkeypatch.setenv(TEST_COST_SWITCH, "1")
    assert keyfile.current_cost() == keyfile.TEST_COST
    for value in ("", "0", "yes"):
        monkeypatch.setenv(TEST_COST_SWITCH, value)
        assert keyfile.current_cost() == PRODUCTION_COST


def test_a_program_run_without_the_test_suite_writes_the_production_cost(tmp_path):
    # a fresh interpreter with the environment a user has: no test switch anywhere
    environment = {k: v for k, v in os.environ.items() if k != TEST_COST_SWITCH}
    code = (
        "import sys; from app import identity; from app.identity.keyfile import key_file_cost; "
        "identity.create_identity(sys.argv[1], 'Siti', '', 'Kominfo', 'kata sandi rahasia'); "
        "print(key_file_cost(open(sys.argv[1] + '/identity/key.pem', 'rb').read()))"
    )
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True,
                          env=environment, check=True)
    assert done.stdout.strip() == str(PRODUCTION_COST)


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl command not installed")
def test_a_key_at_the_production_cost_opens_with_standard_openssl(tmp_path):
    key = ec.generate_private_key(ec.SECP256R1())
    key_path = tmp_path / "key.pem"
    key_path.write_bytes(keyfile.encrypt_private_key(key, PASS, cost=PRODUCTION_COST))
    ok = subprocess.run(["openssl", "pkey", "-in", str(key_path), "-passin", f"pass:{PASS}", "-noout"],
                        capture_output=True)
    assert ok.returncode == 0, ok.stderr
    bad = subprocess.run(["openssl", "pkey", "-in", str(key_path), "-passin", "pass:wrong passphrase", "-noout"],
                         capture_output=True)
    assert bad.returncode != 0


def test_an_old_key_is_rewrapped_at_the_production_cost_on_unlock(tmp_path, production_cost):
    old = with_old_key(tmp_path)
    fingerprint = identity.load_identity(tmp_path).fingerprint
    assert identity.unlock(tmp_path, PASS, throttle=UnlockThrottle()).fingerprint == fingerprint
    new = key_path(tmp_path).read_bytes()
    assert new != old
    assert key_file_cost(new) == PRODUCTION_COST
    assert oct(key_path(tmp_path).stat().st_mode & 0o777) == "0o600"
    assert identity.unlock(tmp_path, PASS, throttle=UnlockThrottle()).fingerprint == fingerprint
    assert key_path(tmp_path).read_bytes() == new  # already at the cost: left alone
    with pytest.raises(WrongPassphrase):
        identity.unlock(tmp_path, "not the passphrase", throttle=UnlockThrottle())


def test_a_wrong_passphrase_leaves_an_old_key_byte_for_byte(tmp_path, production_cost):
    old = with_old_key(tmp_path)
    listing = sorted(p.name for p in tmp_path.rglob("*"))
    with pytest.raises(WrongPassphrase):
        identity.unlock(tmp_path, "not the passphrase", throttle=UnlockThrottle())
    assert key_path(tmp_path).read_bytes() == old
    assert sorted(p.name for p in tmp_path.rglob("*")) == listing


def test_a_stronger_key_is_never_downgraded(tmp_path, monkeypatch):
    monkeypatch.setenv(TEST_COST_SWITCH, "1")  # today's cost is the cheap one...
    with_old_key(tmp_path)  # ...and the file carries a dearer one
    before = key_path(tmp_path).read_bytes()
    identity.unlock(tmp_path, PASS, throttle=UnlockThrottle())
    assert key_path(tmp_path).read_bytes() == before


@pytest.mark.parametrize("failure", ["rename", "write"])
def test_a_failed_rewrap_leaves_the_old_key_which_still_opens(tmp_path, production_cost, monkeypatch, failure):
    old = with_old_key(tmp_path)

    def disk_full(*args):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        # rename: the new file is complete but never takes the old one's place;
        # write: the disk fills while the new file is written
        patch.setattr(atomic.os, "replace" if failure == "rename" else "fsync", disk_full)
        # the key is unlocked all the same; the re-wrap waits for the next unlock
        assert identity.unlock(tmp_path, PASS, throttle=UnlockThrottle()).private_key is not None
    assert key_path(tmp_path).read_bytes() == old
    assert sorted(p.name for p in (tmp_path / "identity").iterdir()) == [
        "cert.pem", "chain.pem", "key.pem", "profile.json"]  # no half-written temporary file
    identity.unlock(tmp_path, PASS, throttle=UnlockThrottle())
    assert key_file_cost(key_path(tmp_path).read_bytes()) == PRODUCTION_COST


def test_a_crash_during_the_rewrap_leaves_the_old_key(tmp_path, production_cost, monkeypatch):
    old = with_old_key(tmp_path)

    class Crash(BaseException):
        """Stands for the process dying while the new file replaces the old one."""

    def crash(*args):
        raise Crash

    with monkeypatch.context() as patch:
        patch.setattr(atomic.os, "replace", crash)
        with pytest.raises(Crash):
            identity.unlock(tmp_path, PASS, throttle=UnlockThrottle())
    assert key_path(tmp_path).read_bytes() == old
    assert identity.unlock(tmp_path, PASS, throttle=UnlockThrottle()).private_key is not None


def test_a_passphrase_changed_meanwhile_is_not_undone(tmp_path, production_cost, monkeypatch):
    # Another Nilai changes the passphrase while this one re-wraps the key under the old passphrase.
    with_old_key(tmp_path)
    real_encrypt = keyfile.encrypt_private_key

    def encrypt_while_another_changes_the_passphrase(private_key, passphrase, **kwargs):
        stronger = real_encrypt(private_key, passphrase, **kwargs)
        key_path(tmp_path).write_bytes(real_encrypt(private_key, "the new passphrase", cost=OLD_COST))
        return stronger

    with monkeypatch.context() as patch:
        patch.setattr(rewrap, "encrypt_private_key", encrypt_while_another_changes_the_passphrase)
        identity.unlock(tmp_path, PASS, throttle=UnlockThrottle())
    with pytest.raises(WrongPassphrase):
        identity.unlock(tmp_path, PASS, throttle=UnlockThrottle())
    assert identity.unlock(tmp_path, "the new passphrase", throttle=UnlockThrottle()).private_key is not None


def test_change_passphrase_writes_todays_cost(tmp_path, production_cost):
    with_old_key(tmp_path)
    identity.change_passphrase(tmp_path, PASS, "a brand new passphrase", throttle=UnlockThrottle())
    assert key_file_cost(key_path(tmp_path).read_bytes()) == PRODUCTION_COST

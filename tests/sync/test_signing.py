"""Request signatures (RFC 9421) on their own: what verifies, what does not, and the clock window."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

URL = "https://nilai.example.go.id:8443/bundles"
BODY = b"PK\x03\x04 a bundle's bytes"


@pytest.fixture(scope="module")
def laptops(tmp_path_factory: pytest.TempPathFactory):
    from app.identity import create_identity, unlock

    found = []
    for n, name in enumerate(("Rizky Saputra", "Yohana Wulandari")):
        folder = tmp_path_factory.mktemp(f"laptop{n}")
        create_identity(folder, name, f"19830211201111212{n}", "Kominfo", "kata sandi rahasia 2018")
        found.append(unlock(folder, "kata sandi rahasia 2018"))
    return found


def test_a_signed_request_names_its_sender_and_body(laptops) -> None:
    from app.sync.signing import authenticate, signed_headers

    headers = signed_headers("POST", URL, BODY, laptops[0])
    # a reverse proxy may change the host: only the path is covered
    sender = authenticate("POST", "http://127.0.0.1:8443/bundles", headers)
    assert sender.fingerprint == laptops[0].fingerprint
    assert sender.body_matches(hashlib.sha256(BODY).digest())
    assert not sender.body_matches(hashlib.sha256(BODY + b"!").digest())


@pytest.mark.parametrize("change", ["other certificate", "other path", "other method", "keyid", "no signature"])
def test_what_does_not_verify(laptops, change: str) -> None:
    from app.sync.signing import NotAuthenticated, authenticate, signed_headers

    headers = signed_headers("POST", URL, BODY, laptops[0])
    method, url = "POST", URL
    if change == "other certificate":
        headers["nilai-certificate"] = signed_headers("POST", URL, BODY, laptops[1])["nilai-certificate"]
    elif change == "other path":
        url = URL.replace("/bundles", "/bundles2")
    elif change == "other method":
        method = "PUT"
    elif change == "keyid":
        headers["signature-input"] = headers["signature-input"].replace(laptops[0].fingerprint, "0" * 64)
    else:
        del headers["signature"]
    with pytest.raises(NotAuthenticated) as refused:
        authenticate(method, url, headers)
    assert "\n" not in str(refused.value)


def test_a_laptop_clock_half_an_hour_off_still_sends_a_day_old_signature_does_not(laptops) -> None:
    from app.sync.signing import NotAuthenticated, authenticate, signed_headers

    now = dt.datetime.now(dt.UTC)
    for created in (now + dt.timedelta(minutes=25), now - dt.timedelta(hours=23)):
        assert authenticate("POST", URL, signed_headers("POST", URL, BODY, laptops[0], created=created))
    for created in (now + dt.timedelta(hours=2), now - dt.timedelta(days=2)):
        with pytest.raises(NotAuthenticated, match="date and time of the sending laptop"):
            authenticate("POST", URL, signed_headers("POST", URL, BODY, laptops[0], created=created))


def test_only_the_assessor_key_types_are_accepted(tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric import dsa

    from app.sync.signing import NotAuthenticated, algorithm_for

    with pytest.raises(NotAuthenticated):
        algorithm_for(dsa.generate_private_key(2048).public_key())

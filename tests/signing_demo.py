"""A demo round whose laptop assessor has four finalized assessments and an identity: what the
sheet-export tests (command, batch, desktop) sign."""

from __future__ import annotations

from app import identity
from app.rounds.demo import build_demo
from app.sheets.scope import link_identity
from app.store import Store, settings

PASS = "kata sandi penilai"


def signing_demo(store: Store) -> Store:
    build_demo(store, regions_count=4, assessors_count=2)
    profile = settings.profile(store)
    assert profile is not None, "the demo makes this laptop's assessor"
    link_identity(store, identity.create_identity(store.data_dir, profile.name, profile.nip, profile.organisation, PASS))
    return store

"""The sync service's quarantine, kept in the store: bundles from a certificate not trusted (yet).

``nilai serve`` writes a row when a correctly signed bundle comes from a certificate that is not on
the trust list; the coordinator's desktop, which may run on another machine on the same PostgreSQL
store, lists them and trusts the certificate (the bundles are then imported) or rejects them (the
rows are deleted). The bundle is kept whole, unopened, as it arrived.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, LargeBinary, Text
from sqlmodel import Field, SQLModel

from app.models.tables import utcnow


class QuarantinedBundle(SQLModel, table=True):
    __tablename__ = "sync_quarantine"
    sha256: str = Field(primary_key=True, max_length=64)  # of the bundle file: the same bundle again is kept once
    fingerprint: str = Field(max_length=64, index=True)  # the certificate waiting for a decision
    certificate_pem: str = Field(sa_column=Column(Text, nullable=False))
    name: str = Field(default="", max_length=200)  # read from the certificate, for the coordinator to check
    nip: str = Field(default="", max_length=40)
    organisation: str = Field(default="", max_length=200)
    sender_fingerprint: str = Field(default="", max_length=64)  # who sent it (another trusted assessor, maybe)
    reason: str = Field(default="", sa_column=Column(Text, nullable=False))
    received_at: datetime = Field(default_factory=utcnow)
    size: int = 0
    bundle: bytes = Field(sa_column=Column(LargeBinary, nullable=False))

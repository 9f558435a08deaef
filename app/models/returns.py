"""Tables of what the coordinator sends back to assessors: returns for revision, and the round package.

A **return** asks one assessor to revise one assessment (a record: one assessor's scoring of one
region) with the coordinator's comment. Its id travels: the coordinator's store makes it, the
assessor's laptop receives the same row (through the sync service or the next round package), so
both sides speak of the same return. On the coordinator's side a return is *answered* when a newer
version of the record arrives (worked out from the assessments, never stored twice); on the
laptop, ``answered_version_id`` names the version the assessor reopened for it.

The **issued round package** is the exact file ``nilai round export`` wrote, kept in the store so
that every ``nilai serve`` on the same (PostgreSQL) store can hand the current one out.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Index, LargeBinary, Text
from sqlmodel import Field, SQLModel

from app.models.tables import new_id, utcnow


class RevisionReturn(SQLModel, table=True):
    """One assessment returned to its assessor for revision, with the coordinator's comment."""

    __tablename__ = "revision_return"
    __table_args__ = (Index("ix_revision_return_assessor", "round_id", "assessor_id"),)
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    round_id: str = Field(max_length=36)
    record_id: str = Field(max_length=36, index=True)
    version_id: str = Field(max_length=36)  # the version the coordinator returned
    assessor_id: str = Field(max_length=36)
    region_code: str = Field(max_length=4)
    comment: str = Field(sa_column=Column(Text, nullable=False))
    returned_by: str = Field(max_length=200)  # "Name <NIP>" of the coordinator
    returned_at: datetime = Field(default_factory=utcnow)
    cancelled_at: datetime | None = None  # withdrawn by the coordinator
    cancelled_by: str = Field(default="", max_length=200)
    origin: str = Field(default="local", max_length=20)  # local (made here) | received (on the laptop)
    received_at: datetime | None = None
    answered_version_id: str | None = Field(default=None, max_length=36)  # laptop: the version reopened for it


class IssuedRoundPackage(SQLModel, table=True):
    """A round package as ``nilai round export`` wrote it (the signed bytes), for the sync service to serve."""

    __tablename__ = "issued_round_package"
    round_id: str = Field(primary_key=True, max_length=36)
    package_version: int = Field(primary_key=True)
    sha256: str = Field(max_length=64)
    content: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    issued_at: datetime = Field(default_factory=utcnow)

"""Tables of consolidation: a coordinator's moderated levels.

A moderated level replaces the panel's combined level for one indicator of one region in one
round. The assessors' own levels are never touched; every set and clear is also written to the
round's hash-chained change log (chain ``moderation:<round_id>``), so the table holds what is in
force and the log holds who changed what, when, from what, to what, and why.
"""

from __future__ import annotations

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel


class Moderation(SQLModel, table=True):
    __tablename__ = "moderation"
    round_id: str = Field(foreign_key="round.id", primary_key=True, max_length=36)
    region_code: str = Field(foreign_key="region.code", primary_key=True, max_length=4)
    indicator_code: str = Field(primary_key=True, max_length=40)
    level: int
    reason: str = Field(sa_column=Column(Text, nullable=False))
    actor: str = Field(max_length=200)
    at: str = Field(max_length=40)  # ISO 8601 UTC, the same instant as its change-log entry
    log_entry_id: str = Field(max_length=36)  # the change-log entry that set it

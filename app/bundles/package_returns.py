"""What a round package carries back to the assessors: the returns for revision, and the package kept
for the sync service.

The package lists the round's open returns (every assessor's: one package goes to all of them);
``nilai round import`` keeps those addressed to this laptop's assessor and withdraws the ones an
earlier package listed and this one does not. The exact bytes written are kept in the store
(``issued_round_package``), so ``nilai serve`` on the same store hands out the current package.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from app.assessments.returns import TakenIn, for_package, take_in
from app.models.returns import IssuedRoundPackage


def package_returns(session: Session, round_id: str) -> dict[str, Any]:
    """``{"returns": [...]}`` when the round has open returns, else nothing (older readers see no new key)."""
    returns = for_package(session, round_id)
    return {"returns": returns} if returns else {}


def apply_returns(session: Session, round_id: str, data: dict[str, Any]) -> TakenIn:
    written = datetime.fromisoformat(data["created_at"])
    return take_in(session, list(data.get("returns", [])), round_ids={round_id},
                   as_of=written if written.tzinfo else written.replace(tzinfo=UTC))


def keep_issued(session: Session, round_id: str, package_version: int, path: Path) -> None:
    content = Path(path).read_bytes()
    session.add(IssuedRoundPackage(round_id=round_id, package_version=package_version,
                                   sha256=hashlib.sha256(content).hexdigest(), content=content))


def latest_issued(session: Session, round_id: str | None = None) -> IssuedRoundPackage | None:
    """The newest package issued for the round (None: of the round issued last)."""
    query = select(IssuedRoundPackage)
    if round_id is not None:
        query = query.where(IssuedRoundPackage.round_id == round_id)
    return session.exec(query.order_by(col(IssuedRoundPackage.issued_at).desc(),
                                       col(IssuedRoundPackage.package_version).desc())).first()

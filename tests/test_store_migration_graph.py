"""The migration graph read from the revision files' two assignment lines is Alembic's own."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from app.store import migrations


def test_graph_read_without_alembic_is_alembics() -> None:
    script = ScriptDirectory.from_config(migrations.alembic_config())
    alembic_graph = {rev.revision: rev.down_revision for rev in script.walk_revisions()}
    assert migrations._revision_graph() == alembic_graph
    assert migrations.head_revision() == migrations.alembic_head_revision()
    assert len(alembic_graph) >= 9  # every shipped revision is seen, not only the head


def test_revision_line_pattern_reads_annotated_and_double_quoted_forms() -> None:
    text = 'x = 1\nrevision: str = "0010_x"\ndown_revision: str | None = \'0009\'\n  revision = "indented, ignored"\n'
    assert migrations._REVISION_LINE.findall(text) == [("revision", '"0010_x"'), ("down_revision", "'0009'")]

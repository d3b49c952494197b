"""window index: bounded date-window queries per date precision

Revision ID: 0003_window_index
Revises: 0002_findings
Create Date: 2026-11-22 19:30:00

An event overlaps ``[from, to]`` when ``date_start <= to`` and ``date_end >=
from``. Listing runs one query per date precision, each bounding ``date_start``
from below by that precision's longest stored span (read from
``(date_precision, span_days)``), so a day-precision query scans only the
window, however long the longest decade or range in the database.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003_window_index"
down_revision: str | None = "0002_findings"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_events_date_precision_span_days"),
            ["date_precision", "span_days"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_events_date_precision_date_start"),
            ["date_precision", "date_start"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_events_date_precision_category_date_start"),
            ["date_precision", "category", "date_start"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_date_precision_category_date_start"))
        batch_op.drop_index(batch_op.f("ix_events_date_precision_date_start"))
        batch_op.drop_index(batch_op.f("ix_events_date_precision_span_days"))

"""drop span index: no query reads ``events (span_days)`` alone

Revision ID: 0004_drop_span_index
Revises: 0003_window_index
Create Date: 2026-11-23 08:00:00

Date windows read each precision's longest span from ``(date_precision,
span_days)`` (0003); the single-column index of 0001 served the earlier bound by
the longest span of all and no query uses it now, while every write and every
bulk load (one of twelve index builds) still paid for it.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004_drop_span_index"
down_revision: str | None = "0003_window_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_span_days"))


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_span_days"), ["span_days"], unique=False)

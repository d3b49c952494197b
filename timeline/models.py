"""SQLAlchemy models of the timeline. Only Alembic migrations create them.

Timestamps are stored as ISO-8601 text in UTC (``2026-11-22T10:00:00+00:00``)
so every backend returns them identically; event dates are real ``DATE``
columns so tools can sort and facet on them.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint("date_end >= date_start", name="date_order"),
        CheckConstraint("intensity >= -10 AND intensity <= 10", name="intensity_range"),
        Index(None, "date_start", "date_end"),
        Index(None, "category", "date_start"),
        Index(None, "status"),
        # Date windows, one query per precision (migration 0003_window_index;
        # 0004 dropped the single-column span_days index that preceded them).
        Index(None, "date_precision", "span_days"),
        Index(None, "date_precision", "date_start"),
        Index(None, "date_precision", "category", "date_start"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    date_start: Mapped[date] = mapped_column(Date)
    date_end: Mapped[date] = mapped_column(Date)
    date_precision: Mapped[str] = mapped_column(String(8))
    date_text: Mapped[str | None] = mapped_column(String(200))
    span_days: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(16))
    subtype: Mapped[str | None] = mapped_column(String(64))
    summary: Mapped[str | None] = mapped_column(Text)
    location: Mapped[str | None] = mapped_column(String(200))
    direction: Mapped[str] = mapped_column(String(16))
    intensity: Mapped[float] = mapped_column(Float)
    cameo_code: Mapped[str | None] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(16))
    confidence: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[str] = mapped_column(String(32))
    updated_at: Mapped[str] = mapped_column(String(32))


class Actor(Base):
    __tablename__ = "actors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(16), default="state")
    country: Mapped[str | None] = mapped_column(String(3))
    aliases: Mapped[str] = mapped_column(Text, default="[]")


class EventActor(Base):
    __tablename__ = "event_actors"
    __table_args__ = (
        UniqueConstraint("event_id", "actor_id", "role"),
        Index(None, "actor_id", "role"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id"))
    role: Mapped[str] = mapped_column(String(16))


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(String(200))
    author: Mapped[str | None] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    published_precision: Mapped[str | None] = mapped_column(String(8))
    content_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    text: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(32))


class Mention(Base):
    __tablename__ = "mentions"
    __table_args__ = (
        Index(None, "event_id"),
        Index(None, "document_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"))
    char_start: Mapped[int | None] = mapped_column(Integer)
    char_end: Mapped[int | None] = mapped_column(Integer)
    quote: Mapped[str | None] = mapped_column(Text)
    extractor: Mapped[str | None] = mapped_column(String(64))
    extractor_version: Mapped[str | None] = mapped_column(String(32))
    confidence: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[str] = mapped_column(String(32))


class Change(Base):
    """Append-only: one row per add, edit, status change, delete, merge, import."""

    __tablename__ = "changes"
    __table_args__ = (Index(None, "event_uid"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_uid: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(16))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    at: Mapped[str] = mapped_column(String(32))
    author: Mapped[str | None] = mapped_column(String(100))
    note: Mapped[str | None] = mapped_column(Text)


class Finding(Base):
    """What extraction found but did not put on the timeline: undated events, and
    planned, possible, denied or hypothetical ones. Kept for the curator."""

    __tablename__ = "findings"
    __table_args__ = (Index(None, "document_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"))
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str | None] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(16))
    cameo_code: Mapped[str | None] = mapped_column(String(8))
    subtype: Mapped[str | None] = mapped_column(String(64))
    actors: Mapped[str] = mapped_column(Text, default="[]")
    modality: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(String(16))
    date_text: Mapped[str | None] = mapped_column(String(200))
    date_start: Mapped[date | None] = mapped_column(Date)
    date_end: Mapped[date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(8))
    extractor: Mapped[str | None] = mapped_column(String(64))
    extractor_version: Mapped[str | None] = mapped_column(String(32))
    confidence: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[str] = mapped_column(String(32))

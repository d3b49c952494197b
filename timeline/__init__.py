"""timeline: a dated, sourced record of US-Iran escalation and de-escalation.

The public Python API; the CLI in :mod:`timeline.cli` is a thin layer over it.
"""

from timeline.dates import DateSpan, render, span_from_value, value_of
from timeline.errors import TimelineError

__all__ = ["DateSpan", "TimelineError", "render", "span_from_value", "value_of"]
__version__ = "0.1.0"

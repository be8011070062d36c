"""The one options object: frozen, picklable, documented field by field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from cleanweb.site_rules import RulePack

Favor = Literal["balanced", "precision", "recall"]


@dataclass(frozen=True, slots=True)
class Options:
    """How :func:`cleanweb.extract` behaves. Every field has a safe default."""

    #: Trade-off of the body classifier: "precision" drops borderline blocks,
    #: "recall" keeps them.
    favor: Favor = "balanced"
    #: Keep table rows of the body (one row per line, cells joined by " | ").
    include_tables: bool = True
    #: Collect image/figure captions into ``Document.captions``.
    include_captions: bool = True
    #: Keep every block, kept or dropped, with the rule id or score that decided it,
    #: in ``Document.trace``.
    explain: bool = False
    #: Inputs larger than this many bytes are not parsed; status ``too_large``. Peak
    #: memory is up to ~100x the input on markup-dense pages: lower this to bound it.
    max_bytes: int = 32 * 1024 * 1024
    #: Pages with more nodes than this are not segmented, and pages seen to open more
    #: elements than this are not even parsed; status ``too_large``.
    max_nodes: int = 2_000_000
    #: Wall-clock budget per page in seconds, checked between stages and inside
    #: long loops; status ``timeout`` when exceeded. ``None`` disables it.
    time_budget: float | None = 20.0
    #: Site rules (see :mod:`cleanweb.site_rules`); those whose domain or URL pattern
    #: matches the page's ``url`` act on it (without one, the URL the page names as its
    #: own: its canonical link, else og:url; see :mod:`cleanweb.page_url`).
    site_rules: RulePack | None = None

    def __post_init__(self) -> None:
        if self.favor not in ("balanced", "precision", "recall"):
            raise ValueError(f"favor must be balanced, precision or recall, not {self.favor!r}")
        if self.max_bytes <= 0 or self.max_nodes <= 0:
            raise ValueError("max_bytes and max_nodes must be positive")
        if self.time_budget is not None and self.time_budget <= 0:
            raise ValueError("time_budget must be positive or None")

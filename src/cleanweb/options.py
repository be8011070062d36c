"""The one options object: frozen, picklable, documented field by field."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from cleanweb.site_rules import RulePack

Favor = Literal["balanced", "precision", "recall"]
FAVORS: tuple[Favor, ...] = ("balanced", "precision", "recall")


@dataclass(frozen=True, slots=True)
class Options:
    """How :func:`cleanweb.extract` behaves. Every field has a safe default, and every field
    is checked when the object is made: a value of the wrong type raises ``TypeError``, one
    out of range ``ValueError``, here rather than later inside ``extract()``.

    Fields:
        favor: Trade-off of the body classifier: "balanced" (the default), "precision"
            drops borderline blocks, "recall" keeps them.
        include_tables: Keep table rows of the body, one row per line with cells joined by
            " | " (True or False).
        include_captions: Collect image and figure captions into ``Document.captions``
            (True or False).
        include_links: Record the body's links (their text, and their URL resolved against
            the page's URL or, without one, the URL the page names as its own), for
            ``Block.links``, ``to_markdown()`` and ``to_html()``; in-page and
            ``javascript:`` links stay plain text (True or False).
        include_images: Record the body's images (the real image behind lazy-loading
            attributes; tracking pixels and icons left out) with their captions, for
            ``Block.images``, ``to_markdown()`` and ``to_html()`` (True or False).
        include_formatting: Record bold, italic and inline code in the body
            (``Block.marks``) and how deep each list item is nested (``Block.depth``,
            ``Block.ordered``), for ``to_markdown()`` and ``to_html()`` (True or False).
            None of the three switches changes what the body is: ``Document.text`` and
            the blocks' text are the same with or without them.
        explain: Keep every block, kept or dropped, with the rule id or score that decided
            it, in ``Document.trace``, and what decided the region, the metadata and the
            page's kind in the Document's other explain fields (True or False).
        max_bytes: Inputs larger than this many bytes are not parsed; status ``too_large``.
            Peak memory is up to ~100x the input on markup-dense pages: lower this to bound
            it. A positive int.
        max_nodes: Pages with more nodes than this are not segmented, and pages seen to open
            more elements than this are not even parsed; status ``too_large``. A positive
            int.
        time_budget: Wall-clock budget per page in seconds, checked between stages and
            inside long loops; status ``timeout`` when exceeded. A positive number, or
            ``None`` for no budget.
        site_rules: A :class:`cleanweb.RulePack` of site rules, or ``None``; the rules whose
            domain or URL pattern matches the page's ``url`` act on it (without one, the
            URL the page names as its own: its canonical link, else og:url; see
            :mod:`cleanweb.page_url`). A rule file is loaded with ``RulePack.load(path)``.
    """

    favor: Favor = "balanced"
    include_tables: bool = True
    include_captions: bool = True
    include_links: bool = False
    include_images: bool = False
    include_formatting: bool = False
    explain: bool = False
    max_bytes: int = 32 * 1024 * 1024
    max_nodes: int = 2_000_000
    time_budget: float | None = 20.0
    site_rules: RulePack | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.favor, str) or self.favor not in FAVORS:
            kind = ValueError if isinstance(self.favor, str) else TypeError
            raise kind(f"favor must be one of {', '.join(FAVORS)}, not {self.favor!r}")
        for name in ("include_tables", "include_captions", "include_links", "include_images",
                     "include_formatting", "explain"):
            _check_bool(name, getattr(self, name))
        for name in ("max_bytes", "max_nodes"):
            _check_positive_int(name, getattr(self, name))
        _check_budget(self.time_budget)
        _check_site_rules(self.site_rules)

    @property
    def markup(self) -> bool:
        """Whether any of the switches for links, images or formatting is on."""
        return self.include_links or self.include_images or self.include_formatting


def _check_bool(name: str, value: object) -> None:
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be True or False, not {value!r}")


def _check_positive_int(name: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__} {value!r}")
    if value <= 0:
        raise ValueError(f"{name} must be positive, not {value}")


def _check_budget(value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"time_budget must be a number of seconds or None, "
                        f"not {type(value).__name__} {value!r}")
    if math.isnan(value) or value <= 0:
        raise ValueError(f"time_budget must be positive or None, not {value}")


def _check_site_rules(value: object) -> None:
    if value is None:
        return
    from cleanweb.site_rules import RulePack  # imported here: site_rules needs the stages

    if not isinstance(value, RulePack):
        raise TypeError(f"site_rules must be a RulePack or None, not {type(value).__name__} "
                        f"{value!r}; load a rule file with RulePack.load(path)")

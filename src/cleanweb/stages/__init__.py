"""The extraction stages, in the order :func:`cleanweb.extract` runs them.

``decode`` (bytes to text) → ``parse`` (text to a DOM) → ``metadata`` (title, date, byline
from the head and the headline zone) → ``segment`` (one walk: DOM to text segments) →
``score`` (the main region, and a structural role per segment) → ``finish`` (the textual
pass: chrome lines, bylines, headline copies, captions) → ``assemble`` (the ``Document``).
"""

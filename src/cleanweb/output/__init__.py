"""Renderings of a Document's body: Markdown (:mod:`.markdown`) and small, safe HTML
(:mod:`.html`), both built on the same reading of a block's inline markup (:mod:`.inline`)."""

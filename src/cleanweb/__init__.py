"""cleanweb: raw web pages in, clean article text, captions and metadata out."""

from cleanweb.document import Block, Document, PageKind, Status
from cleanweb.extract import compile_rules, extract
from cleanweb.options import Options
from cleanweb.site_rules import RulePack, RulePackError, SiteRule
from cleanweb.stages.decode import Decoded, decode

__all__ = [
    "Block", "Decoded", "Document", "Options", "PageKind", "RulePack", "RulePackError",
    "SiteRule", "Status",
    "compile_rules", "decode", "extract",
]
__version__ = "0.2.0"

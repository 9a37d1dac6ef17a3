"""A synthetic corpus of section 55 letters with exact truth, for testing the parser at scale.

Pure Python (no Django). ``generate(n, forces, years, seed)`` yields (file_name, text, truth)
for ``n`` letters spread over the forces and years, in the layouts and wordings real letters
use (letters, response forms, web pages, press statements; every PEEL cycle with its own areas
and grade scale), with page furniture and scanning noise. The truth records what a careful
reader extracts under docs/extraction-contract.md, in the format of seeds-truth.json. The same
seed gives the same letters byte for byte. ``write_corpus`` writes them to a folder.
"""

from .generator import CorpusLetter, generate, resolve_forces
from .writing import WriteSummary, write_corpus

__all__ = ["CorpusLetter", "WriteSummary", "generate", "resolve_forces", "write_corpus"]

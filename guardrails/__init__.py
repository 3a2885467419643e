"""Checks every prompt for personal data, state secrets, internal documents, credentials and injection."""

from guardrails.findings import CATEGORIES, Finding
from guardrails.flags import FlagRecord, FlagStore, GuardrailFlag, SqlFlagStore
from guardrails.guard import GuardInputError, Guardrail, Verdict, default_guardrail
from guardrails.normalizer import NormalizedText, normalize
from guardrails.policy import Allowlist, Policy

__all__ = [
    "CATEGORIES",
    "Allowlist",
    "Finding",
    "FlagRecord",
    "FlagStore",
    "GuardInputError",
    "Guardrail",
    "GuardrailFlag",
    "NormalizedText",
    "Policy",
    "SqlFlagStore",
    "Verdict",
    "default_guardrail",
    "normalize",
]

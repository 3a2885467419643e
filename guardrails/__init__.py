"""Checks every prompt for personal data, state secrets, internal documents, credentials and injection."""

from guardrails.findings import CATEGORIES, Finding
from guardrails.flags import FlagRecord, FlagStore, GuardrailFlag, SqlFlagStore
from guardrails.guard import GuardInputError, Guardrail, Verdict, default_guardrail
from guardrails.normalizer import NormalizedText, normalize
from guardrails.policy import Allowlist, Policy
from guardrails.shared_allowlist import AllowlistTerm, SqlAllowlist

__all__ = [
    "CATEGORIES",
    "Allowlist",
    "AllowlistTerm",
    "Finding",
    "FlagRecord",
    "FlagStore",
    "GuardInputError",
    "Guardrail",
    "GuardrailFlag",
    "NormalizedText",
    "Policy",
    "SqlAllowlist",
    "SqlFlagStore",
    "Verdict",
    "default_guardrail",
    "normalize",
]

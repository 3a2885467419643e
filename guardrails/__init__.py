"""Checks every prompt for personal data, state secrets, internal documents, credentials and injection."""

from guardrails.presidio_import import import_presidio

import_presidio()  # before anything imports Presidio: keeps the cold start short

from guardrails.findings import CATEGORIES, Finding  # noqa: E402
from guardrails.flags import FlagRecord, FlagStore, GuardrailFlag, SqlFlagStore  # noqa: E402
from guardrails.guard import GuardInputError, Guardrail, Verdict, default_guardrail  # noqa: E402
from guardrails.normalizer import NormalizedText, normalize  # noqa: E402
from guardrails.policy import Allowlist, Policy  # noqa: E402
from guardrails.shared_allowlist import AllowlistTerm, SqlAllowlist  # noqa: E402

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

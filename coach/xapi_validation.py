"""xAPI 1.0.3 validation with ralph's statement models, at the platform's pace.

ralph checks every IRI of a statement with ``rfc3987.parse`` (nine or more per statement, most of them the
same few verb, course and extension IRIs), which is most of a statement's validation time. The parse of a
valid IRI is pure, so it is cached here: the same checks, each distinct IRI parsed once. An invalid IRI
raises and is never cached.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ralph.models.xapi.base import common as ralph_common
from ralph.models.xapi.base.statements import BaseXapiStatement

ralph_common.parse = lru_cache(maxsize=8192)(ralph_common.parse)


def validate_statement(statement: Any) -> BaseXapiStatement:
    """Validate one statement against xAPI 1.0.3 (raises pydantic's ``ValidationError`` with the failing paths)."""
    return BaseXapiStatement.model_validate(statement)

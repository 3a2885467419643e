"""The guardrail's cold start does not pay for torch and transformers, and leaves them importable."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from guardrails import default_guardrail
assert default_guardrail().check("SĐT chị Lan 0912345678").blocked
print("torch" in sys.modules, "transformers" in sys.modules)
import torch  # still importable for the embedding backends that need it
print(torch.__name__)
"""


def test_the_guardrail_loads_without_torch_and_torch_still_imports() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False", "torch"]

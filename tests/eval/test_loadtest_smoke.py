"""``make loadtest``, bounded: a few simulated lesson pages for a few seconds against a real server (the full evening
is a benchmark, not a test). The report must hold together: nothing acknowledged is lost, hints reach the pages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURE_CORPUS

ROOT = Path(__file__).resolve().parents[2]


def test_a_short_evening_runs_end_to_end_and_loses_nothing(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "eval.loadtest", "--pages", "30", "--learners", "300", "--duration", "20", "--settle", "2",
               "--spawn-rate", "30", "--processes", "1", "--sign-in-share", "0.3", "--corpus", str(FIXTURE_CORPUS)]  # fmt: skip
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout)
    requests = report["requests"]
    assert requests["POST statement"]["count"] > 0 and requests["POST statement"]["errors"] == 0
    assert report["statements"]["acknowledged"] > 0 and report["statements"]["lost"] == 0
    assert report["conditions"]["seed"]["learners"] == 300 and report["server_memory_mb"]["peak"] > 0
    assert report["probe"]["errors"] == 0 and report["probe"]["statements"] > 0
    assert report["probe"]["chat"]["questions"] >= 1 and report["probe"]["chat"]["p95_ms"] > 0  # answered, not refused

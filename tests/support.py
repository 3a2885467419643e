"""Helpers shared by tests: a real Chroma server process on loopback."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ChromaServer:
    """``chroma run`` on 127.0.0.1 with its data in ``path``; stopped by :meth:`stop`."""

    def __init__(self, path: Path) -> None:
        executable = shutil.which("chroma", path=str(Path(sys.executable).parent)) or shutil.which("chroma")
        if executable is None:
            raise RuntimeError("the 'chroma' command of the chromadb package is not installed")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._log = (path / "server.log").open("wb")
        self._process = subprocess.Popen(
            [executable, "run", "--path", str(path / "data"), "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        self._wait_ready()

    def _wait_ready(self, timeout: float = 60.0) -> None:
        # Readiness poll of the heartbeat endpoint, bounded in time.
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError("chroma server exited during start-up")
            try:
                if httpx.get(f"{self.url}/api/v2/heartbeat", timeout=1.0).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError("chroma server did not become ready")

    def stop(self) -> None:
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
        self._log.close()

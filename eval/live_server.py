"""The app on a real uvicorn server on loopback, for the HTTP benchmarks; a private PostgreSQL server to stop and start."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import uvicorn
from fastapi import FastAPI


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def live_server(app: FastAPI, port: int | None = None) -> Iterator[str]:
    """Serve ``app`` in a thread (on ``port``, or a free one); yields its base URL once /healthz answers, stops it afterwards."""
    port = port or free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):  # readiness, bounded (the first start builds the index client and migrates)
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.1)
    else:
        raise RuntimeError("the server did not start")
    try:
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def wait_ready(url: str, process: subprocess.Popen, timeout: float, what: str = "the server") -> None:
    """Poll ``url`` until it answers 200 while ``process`` runs; bounded in time (a readiness check, not a sleep)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited during start-up")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not become ready")


def child_pids(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (the workers of ``coach serve --workers N``), from /proc."""
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid):
            found.append(int(status.parent.name))
    return found


def postgres_binaries() -> Path | None:
    """The newest installed PostgreSQL server's programs (Debian keeps them off PATH), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[4]))
    return Path(found[-1]).parent if found else None


class PostgresServer:
    """A PostgreSQL server of the test's own (``initdb`` in a temporary folder, loopback, trust login for role
    ``coach``), so that a test can stop and start it as an outage without touching the suite's shared server.
    Run as the ``postgres`` user when the tests run as root (the server refuses root)."""

    def __init__(self) -> None:
        binaries = postgres_binaries()
        if binaries is None:
            raise RuntimeError("PostgreSQL's server programs are not installed (apt-get install postgresql)")
        self._bin = binaries
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="coach-pg-"))  # short: the socket path is limited to 107 bytes
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
            self._as_user = ["runuser", "-u", "postgres", "--"]
        self._run("initdb", "-D", str(self.data), "-U", "coach", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
        self.url = f"postgresql+psycopg://coach@127.0.0.1:{self.port}/postgres"
        self.start()

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def _run(self, program: str, *arguments: str) -> None:
        subprocess.run([*self._as_user, str(self._bin / program), *arguments], check=True, capture_output=True, cwd="/")

    def start(self) -> None:
        """Start (again), on the same port with the same data; returns once it accepts connections."""
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.folder / "server.log"), "-w", "start")

    def stop(self) -> None:
        """A fast shutdown: open connections are cut and transactions in flight roll back, as in a restart."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def close(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

"""Helpers shared by tests: a real Chroma server process on loopback, and throw-away PostgreSQL databases (a private
PostgreSQL server a test may stop and start is ``eval.live_server.PostgresServer``)."""

from __future__ import annotations

import secrets
import shutil
import subprocess
import sys
import time
import weakref
from pathlib import Path

from sqlalchemy import Connection, Engine, NullPool, create_engine, event, make_url, text
from sqlalchemy.exc import ProgrammingError

from eval.live_server import PostgresServer, free_port, wait_ready

__all__ = ["ChromaServer", "PostgresDatabases", "PostgresServer", "free_port", "is_postgres"]


class ChromaServer:
    """``chroma run`` on 127.0.0.1 with its data in ``path``; stopped by :meth:`stop`."""

    def __init__(self, path: Path) -> None:
        executable = shutil.which("chroma", path=str(Path(sys.executable).parent)) or shutil.which("chroma")
        if executable is None:
            raise RuntimeError("the 'chroma' command of the chromadb package is not installed")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._command = [executable, "run", "--path", str(path / "data"), "--host", "127.0.0.1", "--port", str(self.port)]
        self._log_path = path / "server.log"
        self._start()

    def _start(self) -> None:
        self._log = self._log_path.open("ab")
        self._process = subprocess.Popen(self._command, stdout=self._log, stderr=subprocess.STDOUT)
        self._wait_ready()

    def restart(self) -> None:
        """Start again after :meth:`stop`, on the same port with the same data (an outage that ends)."""
        self._start()

    def _wait_ready(self, timeout: float = 60.0) -> None:
        try:
            wait_ready(f"{self.url}/api/v2/heartbeat", self._process, timeout, "chroma server")
        except RuntimeError:
            self.stop()
            raise

    def stop(self) -> None:
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
        self._log.close()


def is_postgres(url: str | None) -> bool:
    return bool(url) and make_url(url).get_backend_name() == "postgresql"


class PostgresDatabases:
    """Fresh, empty databases on the server of ``base_url``, one per test module (or test), dropped afterwards.

    The role of ``base_url`` needs CREATEDB (``.ci/postgres.sh`` makes it so). Names are random, so runs of the
    suite on one server at the same time do not meet.
    """

    def __init__(self, base_url: str) -> None:
        self.base_url = make_url(base_url)
        self._admin = create_engine(self.base_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        self._engines: weakref.WeakSet[Engine] = weakref.WeakSet()
        self._listener = self._track  # one bound method, so that event.remove finds it
        event.listen(Engine, "engine_connect", self._listener)
        self._options = self._utf8_options()
        self._leftovers: set[str] = set()

    def _track(self, connection: Connection) -> None:
        # Every engine that connects, so the engines of a database are closed before it is dropped.
        if connection.engine is not self._admin:
            self._engines.add(connection.engine)

    def _utf8_options(self) -> str:
        # UTF-8 even where the cluster's default is SQL_ASCII (made under the C locale), which psycopg reads as bytes;
        # the base database's locale when it is UTF-8 itself.
        query = "SELECT pg_encoding_to_char(encoding), datcollate, datctype FROM pg_database WHERE datname = current_database()"
        with self._admin.connect() as connection:
            encoding, collate, ctype = connection.execute(text(query)).one()
        if encoding != "UTF8":
            collate = ctype = "C.UTF-8"
        return f"TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE '{collate}' LC_CTYPE '{ctype}'"

    def create(self) -> str:
        name = f"coach_t_{secrets.token_hex(6)}"
        with self._admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}" {self._options}'))
        return self.base_url.set(database=name).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        name = make_url(url).database
        assert name and name.startswith("coach_t_"), name
        for engine in list(self._engines):
            if engine.url.database == name:
                engine.dispose()
        self._drop_named(name)

    def _drop_named(self, name: str) -> None:
        # FORCE cannot end a superuser's backend, and an autovacuum worker may have just entered the database:
        # it leaves within moments, so the drop is retried for a few seconds; a database still busy after that is
        # dropped again when the session closes (a leftover throw-away database is not a test failure).
        deadline = time.monotonic() + 10
        while True:
            try:
                with self._admin.connect() as connection:
                    connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                self._leftovers.discard(name)
                return
            except ProgrammingError as error:
                if "pg_signal_backend" not in str(error) or time.monotonic() > deadline:
                    self._leftovers.add(name)
                    return
                time.sleep(0.2)  # polling an external process (autovacuum), not synchronising the code under test

    def close(self) -> None:
        for name in list(self._leftovers):
            self._drop_named(name)
        event.remove(Engine, "engine_connect", self._listener)
        self._admin.dispose()

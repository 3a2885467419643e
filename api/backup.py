"""Backups of the whole state, and their restore into an empty database.

A backup is one owner-only ``.tar.gz``: the database (SQLite copied with its online backup API while the service
runs; PostgreSQL dumped by ``pg_dump`` in its custom format, one consistent snapshot), the keys generated under the
data folder (without ``secret.key`` no phone number, login code or API key in the database can be checked again),
and a manifest. The knowledge index is not in it: ``coach ingest`` rebuilds it from the corpus.

Restoring refuses a database that already holds data, and keys that differ from the ones in place, unless forced:
either would mix two installations. A backup of an older schema is brought up to date after the restore.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, inspect, make_url, text

from api.config import Settings
from api.database import upgrade
from api.runtime import build_engine

FORMAT = 1
KEY_FILES = ("secret.key", "flag_hmac.key")  # generated under the data folder when not configured
MANIFEST = "manifest.json"
SQLITE_FILE, POSTGRES_FILE = "database.sqlite3", "database.pgdump"


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is Vietnamese, for the operator."""


@dataclass(frozen=True)
class Manifest:
    format: int
    created_at: str
    backend: str  # sqlite | postgresql
    revision: str | None  # the schema's migration when the backup was made
    keys: list[str]  # key files included (a key set by environment variable is the operator's to keep)
    rows: dict[str, int]  # rows per table, checked after a restore


def create_backup(settings: Settings, out: Path) -> Manifest:
    """Write a backup of the configured database and keys to ``out`` (a ``.tar.gz``, owner-only)."""
    engine = build_engine(settings)
    try:
        backend = engine.dialect.name
        rows = _row_counts(engine)  # before the copy: rows written meanwhile only add to it, so the check below holds
        with tempfile.TemporaryDirectory(prefix="coach-backup-") as folder:
            staging = Path(folder)
            if backend == "sqlite":
                _sqlite_copy(_sqlite_path(engine), staging / SQLITE_FILE)
            else:
                _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(staging / POSTGRES_FILE),
                      "--dbname", _libpq_url(engine)], engine, "pg_dump")  # fmt: skip
            keys = [name for name in KEY_FILES if (settings.data_dir / name).is_file()]
            for name in keys:
                shutil.copy2(settings.data_dir / name, staging / name)
            manifest = Manifest(FORMAT, dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), backend,
                                _revision(engine), keys, rows)  # fmt: skip
            (staging / MANIFEST).write_text(json.dumps(manifest.__dict__, indent=2), encoding="utf-8")
            _write_archive(staging, out)
        return manifest
    finally:
        engine.dispose()


def restore_backup(settings: Settings, archive: Path, force: bool = False) -> Manifest:
    """Restore ``archive`` into the configured database (empty unless ``force``) and data folder."""
    engine = build_engine(settings)
    try:
        with tempfile.TemporaryDirectory(prefix="coach-restore-") as folder:
            staging = Path(folder)
            manifest = _read_archive(archive, staging)
            if manifest.backend != engine.dialect.name:
                raise BackupError(f"Bản sao lưu là của {manifest.backend}, không khôi phục được vào {engine.dialect.name}.")
            if not force and _holds_data(engine):
                raise BackupError("Cơ sở dữ liệu đích đã có dữ liệu. Hãy khôi phục vào cơ sở dữ liệu trống (hoặc dùng --force).")
            _restore_keys(settings.data_dir, staging, manifest.keys, force)
            if manifest.backend == "sqlite":
                engine.dispose()  # no connection of ours may hold the file while it is replaced
                _sqlite_copy(staging / SQLITE_FILE, _sqlite_path(engine))
            else:
                if force:
                    _drop_tables(engine)
                _run(["pg_restore", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error",
                      "--dbname", _libpq_url(engine), str(staging / POSTGRES_FILE)], engine, "pg_restore")  # fmt: skip
            upgrade(engine)  # a backup made by an older version: its schema brought up to date
            restored = _row_counts(engine)
            missing = {t: n for t, n in manifest.rows.items() if restored.get(t, 0) < n}
            if missing:
                raise BackupError(f"Khôi phục chưa đủ dữ liệu ở các bảng: {', '.join(sorted(missing))}.")
        return manifest
    finally:
        engine.dispose()


def _sqlite_path(engine: Engine) -> Path:
    name = engine.url.database
    if not name or name == ":memory:":
        raise BackupError("Cơ sở dữ liệu SQLite trong bộ nhớ không sao lưu được.")
    return Path(name)


def _sqlite_copy(source: Path, target: Path) -> None:
    # SQLite's online backup: a consistent copy page by page while other connections keep writing (WAL included).
    target.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(source)) as reader, closing(sqlite3.connect(target)) as writer:
        reader.backup(writer)


def _libpq_url(engine: Engine) -> str:
    # pg_dump/pg_restore take a libpq URL; the password goes in PGPASSWORD (_run), not on a command line others can read.
    return make_url(engine.url).set(drivername="postgresql", password=None).render_as_string(hide_password=False)


def _run(command: list[str], engine: Engine, program: str) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"Không tìm thấy lệnh {program} (cài gói postgresql-client).")
    environment = {**os.environ, "PGPASSWORD": engine.url.password or ""}
    done = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"{program} thất bại: {done.stderr.strip()[-500:]}")


def _revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _row_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        tables = [t for t in inspect(connection).get_table_names() if t != "alembic_version"]
        return {t: connection.execute(text(f'SELECT count(*) FROM "{t}"')).scalar_one() for t in sorted(tables)}


def _holds_data(engine: Engine) -> bool:
    return any(_row_counts(engine).values())


def _drop_tables(engine: Engine) -> None:
    with engine.begin() as connection:
        for table in inspect(connection).get_table_names():
            connection.execute(text(f'DROP TABLE IF EXISTS "{table}" CASCADE'))


def _restore_keys(data_dir: Path, staging: Path, keys: list[str], force: bool) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    for name in keys:
        current, saved = data_dir / name, (staging / name).read_bytes()
        if current.exists() and current.read_bytes() != saved and not force:
            raise BackupError(f"Khóa {name} hiện có khác khóa trong bản sao lưu: đăng nhập và mã API sẽ không dùng được. "
                              "Hãy khôi phục vào thư mục dữ liệu trống (hoặc dùng --force).")  # fmt: skip
        descriptor = os.open(current, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(saved)


def _write_archive(staging: Path, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")  # a backup interrupted half-way never looks complete
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # keys and account hashes inside
    with os.fdopen(descriptor, "wb") as handle, tarfile.open(fileobj=handle, mode="w:gz") as archive:
        for path in sorted(staging.iterdir()):
            archive.add(path, arcname=path.name)
    partial.replace(out)


def _read_archive(archive: Path, staging: Path) -> Manifest:
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(staging, filter="data")  # no links or paths out of the folder
        manifest = Manifest(**json.loads((staging / MANIFEST).read_text(encoding="utf-8")))
    except (OSError, tarfile.TarError, ValueError, TypeError) as error:
        raise BackupError(f"Không đọc được bản sao lưu {archive.name}: {type(error).__name__}.") from None
    if manifest.format != FORMAT:
        raise BackupError(f"Bản sao lưu định dạng {manifest.format}, phiên bản này đọc định dạng {FORMAT}.")
    return manifest

"""Access logs without query strings: searches (a phone number, a name) must not end up in log files."""

from __future__ import annotations

import logging


class DropQueryStrings(logging.Filter):
    """Rewrites uvicorn's access-log records (``client, method, path, version, status``) to the bare path."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) == 5 and isinstance(args[2], str) and "?" in args[2]:
            record.args = (args[0], args[1], args[2].split("?", 1)[0] + "?…", *args[3:])
        return True


def install() -> None:
    """Idempotent: the app factory may run more than once in a process (tests, workers)."""
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, DropQueryStrings) for f in access.filters):
        access.addFilter(DropQueryStrings())

"""A small Server-Sent Events reader over httpx, for tests that hold a hint stream open."""

from __future__ import annotations

import json
from typing import Any

import httpx


class EventStream:
    """``GET url`` as an event stream; :meth:`next_event` blocks until an event arrives or the read times out."""

    def __init__(self, client: httpx.Client, url: str, headers: dict[str, str] | None = None, timeout: float = 15.0,
                 **params: Any) -> None:  # fmt: skip
        self._context = client.stream("GET", url, headers=headers, params=params or None, timeout=httpx.Timeout(timeout))
        self.response = self._context.__enter__()
        self._lines = self.response.iter_lines()

    def next_event(self) -> tuple[str, str | None, Any]:
        """(event name, id, parsed data) of the next event; comments (keep-alives) and ``retry`` are skipped."""
        name, event_id, data = None, None, []
        for line in self._lines:
            if not line:
                if name or data:
                    return name or "message", event_id, json.loads("\n".join(data)) if data else None
                continue
            field, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if field == "event":
                name = value
            elif field == "id":
                event_id = value
            elif field == "data":
                data.append(value)
        raise EOFError("the stream ended")

    def close(self) -> None:
        self._context.__exit__(None, None, None)

    def __enter__(self) -> EventStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

"""A stand-in SMS gateway on loopback for the load test: it takes the server's ``{"to", "message"}`` posts and lets
the simulated learners read their code back (``GET /code?phone=…``), so they sign in through the real login flow."""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse


class _Handler(BaseHTTPRequestHandler):
    codes: dict[str, str] = {}
    lock = threading.Lock()

    def do_POST(self) -> None:  # noqa: N802 — http.server's naming
        body = json.loads(self.rfile.read(int(self.headers.get("content-length", 0))) or b"{}")
        found = re.search(r"\b(\d{6})\b", body.get("message", ""))
        if found:
            with self.lock:
                self.codes[body.get("to", "")] = found.group(1)
        self._reply(200, {"ok": True})

    def do_GET(self) -> None:  # noqa: N802
        phone = parse_qs(urlparse(self.path).query).get("phone", [""])[0]
        with self.lock:
            code = self.codes.get(phone)
        self._reply(200 if code else 404, {"code": code})

    def _reply(self, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:  # quiet: codes are not for the console
        pass


class SmsGateway:
    """Serves on 127.0.0.1 in a thread until :meth:`stop`."""

    def __init__(self) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

"""A small OpenAI-compatible chat server for tests, run as its own process on loopback.

It speaks the real protocol (``POST /v1/chat/completions``, JSON or SSE streaming) so that the
LangChain client and the whole LLM path run for real; what it "generates" depends on the model
name: ``grounded`` answers with the first sentence of passage [1] and cites it, ``ungrounded``
states a number found in no passage, ``slow`` answers after 5 s, ``error`` fails with 500, ``empty`` says
nothing, ``cut`` closes the stream after its first words, ``person`` names someone the passages do not.
"""

from __future__ import annotations

import json
import re
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def reply_for(model: str, prompt: str) -> str:
    if model == "ungrounded":
        return "Lệ phí là 999.000 đồng [1]."
    if model == "empty":
        return ""
    if model == "person":
        return "Liên hệ anh Nguyễn Văn Bình ở văn phòng để được hướng dẫn [1]."
    first = re.search(r"\[1\] [^\n]*\n([^\n]+)", prompt)
    sentence = re.split(r"(?<=[.!?])\s", first.group(1))[0] if first else "Tài liệu chưa có thông tin."
    return f"{sentence.rstrip('.')} [1]."


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def do_POST(self) -> None:  # noqa: N802 - http.server naming
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
        model = body.get("model", "grounded")
        if model == "error":
            self.send_response(500)
            self.end_headers()
            self.wfile.write(b'{"error": {"message": "boom"}}')
            return
        if model == "slow":
            time.sleep(5)
        prompt = "\n".join(m["content"] for m in body["messages"] if m["role"] == "user")
        text = reply_for(model, prompt)
        if not body.get("stream"):
            choice = {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
            payload = {"id": "x", "object": "chat.completion", "created": 0, "model": model, "choices": [choice]}
            data = json.dumps(payload).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        for number, piece in enumerate(re.findall(r"\S+\s*", text)):
            if model == "cut" and number == 3:
                self.wfile.write(b'data: {"id": "x", "choi')  # half a chunk, then the connection closes
                self.wfile.flush()
                self.close_connection = True
                return
            chunk = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": model,
                     "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]}  # fmt: skip
            self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
        self.wfile.write(b"data: [DONE]\n\n")


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler)
    print("ready", flush=True)
    server.serve_forever()

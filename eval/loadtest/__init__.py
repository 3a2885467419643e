"""``make loadtest``: the course's evening peak against a real server (``python -m eval.loadtest``)."""

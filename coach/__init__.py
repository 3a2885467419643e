"""Answering, conversations, the course and the learning coach (built on knowledge_base and guardrails)."""

__all__: list[str] = []

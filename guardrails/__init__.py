"""Checks every prompt for personal data, state secrets and injected instructions."""

__all__: list[str] = []

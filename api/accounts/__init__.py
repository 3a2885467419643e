"""Accounts: units, users, one-time-code login, sessions, API keys and the audit log."""

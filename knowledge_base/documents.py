"""Corpus documents: Markdown with YAML front matter, parsed and validated."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

Kind = Literal["procedure", "courseware", "policy", "guide"]
Status = Literal["in_force", "superseded"]

PROCEDURE_SECTIONS: tuple[str, ...] = (
    "Căn cứ pháp lý",
    "Cơ quan thực hiện",
    "Đối tượng",
    "Hồ sơ",
    "Trình tự",
    "Thời hạn giải quyết",
    "Lệ phí",
    "Nộp trực tuyến",
    "Lưu ý thường gặp",
)

# Vietnamese legal document numbers: 60/2014/QH13, 123/2015/NĐ-CP, 557/BKHCN-CĐSQG, 57-NQ/TW, 66.7/2025/NQ-CP.
_UPPER_VI = "A-ZĐƯƠÂĂÊÔ"
LEGAL_NUMBER = re.compile(
    rf"^\d{{1,4}}(\.\d{{1,2}})?(/\d{{4}})?[/-][{_UPPER_VI}][{_UPPER_VI}a-zđ0-9]*(-[{_UPPER_VI}a-zđ0-9]+)*(/[{_UPPER_VI}][{_UPPER_VI}a-zđ0-9-]*)?$"
)
PROCEDURE_CODE = re.compile(r"^\d\.\d{6}$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
AUDIENCES = {"cong-chuc-xa", "can-bo-xa", "nguoi-dan", "hoc-vien"}
MAX_DOCUMENT_BYTES = 512_000


class DocumentMeta(BaseModel):
    """The front matter every corpus document carries."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    id: str
    title: str = Field(min_length=3)
    kind: Kind
    topic: str
    legal_basis: list[str] = Field(default_factory=list)  # curated documents need at least one
    procedure_code: str | None = None
    effective_from: dt.date | None  # required for curated documents; unknown for portal records
    status: Status
    reviewed_on: dt.date
    audience: list[str] = Field(min_length=1)
    summary: str = Field(min_length=10)
    aliases: list[str] = Field(default_factory=list)
    course_topic: int | None = Field(default=None, ge=1, le=19)
    compulsory: bool | None = None
    source_url: str | None = None

    @field_validator("id", "topic")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG.match(value):
            raise ValueError(f"'{value}' is not a lowercase ASCII slug")
        return value

    @field_validator("legal_basis")
    @classmethod
    def _legal_numbers(cls, values: list[str]) -> list[str]:
        bad = [v for v in values if not LEGAL_NUMBER.match(str(v))]
        if bad:
            raise ValueError(f"malformed legal document number(s): {bad}")
        return [str(v) for v in values]

    @field_validator("procedure_code", mode="before")
    @classmethod
    def _procedure_code(cls, value: object) -> str | None:
        if value is None:
            return None
        text = str(value)
        if not PROCEDURE_CODE.match(text):
            raise ValueError(f"malformed procedure code '{text}' (expected like 1.001193)")
        return text

    @field_validator("audience")
    @classmethod
    def _audience(cls, values: list[str]) -> list[str]:
        unknown = set(values) - AUDIENCES
        if unknown:
            raise ValueError(f"unknown audience {sorted(unknown)}")
        return values


@dataclass(frozen=True)
class Section:
    """A heading and its text; ``path`` lists the enclosing headings, outermost first."""

    path: tuple[str, ...]
    text: str
    line: int


@dataclass(frozen=True)
class Document:
    """A parsed corpus document."""

    meta: DocumentMeta
    intro: str
    sections: tuple[Section, ...]
    source: str
    origin: str = "curated"
    checksum: str = field(default="", compare=False)

    @property
    def id(self) -> str:
        return self.meta.id


class DocumentError(ValueError):
    """A document that cannot be loaded, with the file and line to fix."""

    def __init__(self, source: str, line: int, message: str) -> None:
        super().__init__(f"{source}:{line}: {message}")
        self.source, self.line, self.message = source, line, message


def parse_document(raw: bytes, source: str, origin: str = "curated") -> Document:
    """Parse and validate one Markdown document; raise :class:`DocumentError` on any problem."""
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise DocumentError(source, 1, f"file larger than {MAX_DOCUMENT_BYTES} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DocumentError(source, line, "not valid UTF-8") from None
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    if not text.strip():
        raise DocumentError(source, 1, "empty document")
    meta_text, body, body_line = _split_front_matter(text, source)
    meta = _validate_meta(meta_text, source)
    if meta.effective_from is None:
        raise DocumentError(source, _line_of_key(meta_text, "effective_from"), "effective_from is required")
    if not meta.legal_basis:
        raise DocumentError(source, _line_of_key(meta_text, "legal_basis"), "legal_basis needs at least one document number")
    intro, sections = split_sections(body, first_line=body_line)
    if not intro.strip() and not any(s.text.strip() for s in sections):
        raise DocumentError(source, body_line, "document has front matter but no content")
    if meta.kind == "procedure":
        _check_procedure_sections(sections, source, body_line)
    checksum = hashlib.sha256(raw).hexdigest()
    return Document(meta, intro.strip(), tuple(sections), source, origin, checksum)


def _split_front_matter(text: str, source: str) -> tuple[str, str, int]:
    lines = text.split("\n")
    if lines[0].strip() != "---":
        raise DocumentError(source, 1, "missing YAML front matter (expected '---' on line 1)")
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    raise DocumentError(source, 1, "front matter is not closed by '---'")


def _validate_meta(meta_text: str, source: str) -> DocumentMeta:
    try:
        data = yaml.safe_load(meta_text)
    except yaml.YAMLError as exc:
        # The context mark points at the construct that is broken (e.g. an unclosed "["), the
        # problem mark at where the parser gave up, often the next line.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        raise DocumentError(source, line, f"malformed front matter: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(data, dict):
        raise DocumentError(source, 2, "front matter must be a mapping")
    # YAML reads an unquoted 1.001570 as the float 1.00157: take the code as written.
    code = _PROCEDURE_CODE_LINE.search(meta_text)
    if code:
        data["procedure_code"] = code.group(1)
    try:
        return DocumentMeta.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = str(first["loc"][0]) if first["loc"] else ""
        line = _line_of_key(meta_text, key)
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise DocumentError(source, line, f"invalid front matter: {problems}") from None


_PROCEDURE_CODE_LINE = re.compile(r"^procedure_code:[ \t]*[\"']?([^\"'\s#]+)", re.MULTILINE)


def _line_of_key(meta_text: str, key: str) -> int:
    for number, line in enumerate(meta_text.split("\n"), start=2):
        if key and line.startswith(f"{key}:"):
            return number
    return 2


_HEADING = re.compile(r"^(#{1,4})\s+(.+?)\s*#*\s*$")


def split_sections(body: str, first_line: int = 1) -> tuple[str, list[Section]]:
    """Split Markdown into an introduction and heading-delimited sections (``##``–``####``)."""
    intro: list[str] = []
    sections: list[Section] = []
    stack: list[tuple[int, str]] = []
    current: list[str] | None = None
    start = first_line
    in_fence = False
    for number, line in enumerate(body.split("\n"), start=first_line):
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
        match = None if in_fence else _HEADING.match(line)
        if match and len(match.group(1)) >= 2:
            if current is not None:
                sections.append(Section(tuple(h for _, h in stack), "\n".join(current).strip(), start))
            level = len(match.group(1))
            stack = [(lvl, h) for lvl, h in stack if lvl < level] + [(level, match.group(2).strip())]
            current, start = [], number
        elif current is None:
            intro.append(line)
        else:
            current.append(line)
    if current is not None:
        sections.append(Section(tuple(h for _, h in stack), "\n".join(current).strip(), start))
    return "\n".join(intro), sections


def _check_procedure_sections(sections: list[Section], source: str, body_line: int) -> None:
    top = [s for s in sections if len(s.path) == 1]
    names = [s.path[0] for s in top]
    if tuple(names) != PROCEDURE_SECTIONS:
        line = next((s.line for s, n in zip(top, PROCEDURE_SECTIONS) if s.path[0] != n), body_line)
        raise DocumentError(
            source,
            line,
            "procedure sections must be, in order: " + "; ".join(PROCEDURE_SECTIONS) + f" (found: {'; '.join(names)})",
        )


@dataclass
class CorpusLoad:
    """The documents that loaded and the errors of those that did not."""

    documents: list[Document]
    errors: list[DocumentError]
    failed_sources: set[str]


def load_corpus(root: Path) -> CorpusLoad:
    """Load every ``*.md`` document under ``root`` (except README files), collecting errors."""
    documents: list[Document] = []
    errors: list[DocumentError] = []
    failed: set[str] = set()
    seen: dict[str, str] = {}
    for path in sorted(root.rglob("*.md")):
        if path.name.lower() == "readme.md":
            continue
        source = path.relative_to(root).as_posix()
        try:
            document = parse_document(path.read_bytes(), source)
            if document.id in seen:
                raise DocumentError(source, 2, f"duplicate id '{document.id}' (also in {seen[document.id]})")
            if path.stem != document.id:
                raise DocumentError(source, 2, f"id '{document.id}' does not match the file name '{path.stem}'")
        except DocumentError as error:
            errors.append(error)
            failed.add(source)
            continue
        seen[document.id] = source
        documents.append(document)
    return CorpusLoad(documents, errors, failed)


def corpus_fingerprint(root: Path) -> str:
    """A short hash of every document file's path and bytes: the corpus version."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.md")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]

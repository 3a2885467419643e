"""How text reaches the chatbot: forms, chat logs, tables, long pastes and the question around them.

Each builder renders its pieces through the same ``Ctx`` so values and the question are tracked however
the message is laid out.
"""

from __future__ import annotations

from eval.guardrail_corpus.render import Ctx

SPEAKERS = [
    "Chị Hoa VP",
    "A Tuấn CA",
    "Em Linh ĐC",
    "Bác Bình trưởng thôn",
    "Anh Hùng PCT",
    "Chị Mai TP",
    "Cô Lan VHXH",
    "Anh Dũng QS",
    "Chị Thảo KT",
    "Em Phương 1 cửa",
    "Anh Sơn ĐC",
    "Chú Tư trưởng ấp",
    "Hạnh Văn thư",
    "Minh Tư pháp",
    "Đ/c Quang",
    "Thắng YT",
]


def wrap(ctx: Ctx, body: str, asks: list[str], *, after: float = 0.35) -> str:
    """Put the user's ask (a template with ⟪…⟫) before or after the pasted body."""
    ask = ctx.r(ctx.pick(asks))
    if ctx.rng.random() < after:
        return f"{body}\n\n{ask}"
    sep = ctx.pick([":\n", ":\n\n", "\n", " 👇\n", ":\n---\n"])
    return f"{ask.rstrip(':.')}{sep}{body}"


def form(ctx: Ctx, fields: list[tuple[str, str]], *, title: str | None = None) -> str:
    """'Label: value' lines in one of the layouts people copy from Word or a web form."""
    style = ctx.rng.randrange(5)
    lines = [ctx.r(title)] if title else []
    for n, (label, value) in enumerate(fields, start=1):
        label_text, value_text = ctx.r(label), ctx.r(value)
        if style == 0:
            lines.append(f"{label_text}: {value_text}")
        elif style == 1:
            lines.append(f"- {label_text}: {value_text}")
        elif style == 2:
            lines.append(f"{n}. {label_text}: {value_text}")
        elif style == 3:
            lines.append(f"{label_text}{'.' * max(3, 24 - len(label_text))}: {value_text}")
        else:
            lines.append(f"{label_text}:\t{value_text}")
    return "\n".join(lines)


def chat(ctx: Ctx, turns: list[tuple[str, str]]) -> str:
    """A Zalo group excerpt; speakers are colleagues, times move forward."""
    style = ctx.rng.randrange(4)
    minute = ctx.rng.randint(6 * 60, 22 * 60)
    speakers = ctx.rng.sample(SPEAKERS, 4)
    lines = []
    for speaker, message in turns:
        who = speakers[int(speaker)] if speaker.isdigit() else ctx.r(speaker)
        stamp = f"{minute // 60:02d}:{minute % 60:02d}"
        text = ctx.r(message)
        if style == 0:
            lines.append(f"[{stamp}] {who}: {text}")
        elif style == 1:
            lines.append(f"{who} [{stamp}]: {text}")
        elif style == 2:
            lines.append(f"{stamp} - {who}: {text}")
        else:
            lines.append(f"{who}, {stamp}\n{text}")
        minute = min(minute + ctx.rng.randint(0, 9), 23 * 60 + 59)
    return ("\n\n" if style == 3 else "\n").join(lines)


def table(ctx: Ctx, headers: list[str], rows: list[list[str]], *, title: str | None = None) -> str:
    """Rows as markdown, TSV or CSV, the three shapes a spreadsheet paste takes."""
    cells = [[ctx.r(c) for c in row] for row in rows]
    style = ctx.rng.randrange(3)
    if style == 0:
        out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
        out += ["| " + " | ".join(row) + " |" for row in cells]
    elif style == 1:
        out = ["\t".join(headers)] + ["\t".join(row) for row in cells]
    else:

        def q(cell: str) -> str:
            return f'"{cell}"' if "," in cell else cell

        out = [",".join(q(h) for h in headers)] + [",".join(q(c) for c in row) for row in cells]
    body = "\n".join(out)
    return f"{ctx.r(title)}\n{body}" if title else body


NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"


def header(ctx: Ctx) -> str:
    """The national motto as pasted: sometimes with the underline, sometimes squashed."""
    return ctx.pick([NATIONAL, NATIONAL + "\n---------------", NATIONAL.upper().replace("\n", " - ") + "\n"])

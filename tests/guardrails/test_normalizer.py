"""The normalised view undoes evasions and always maps back inside the original text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guardrails.normalizer import fold, normalize


@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("SĐT: ０９１２ ３４５ ６７８", "SĐT: 0912 345 678"),
        ("0\u200b9\u200c1\u200d2\u2060345\ufeff678", "0912345678"),
        ("không chín một hai ba bốn năm sáu bảy tám", "0912345678"),
        ("khong chin mot hai ba bon nam sau bay tam", "0912345678"),
        ("O912 345 67l", "0912 345 671"),
        ("Тối mật", "Tối mật"),  # Cyrillic Т
        ("To\u0302\u0301i ma\u0323\u0302t", "Tối mật"),  # decomposed marks
        ("m a t  k h a u", "mat khau"),
        ("T.U.Y.Ệ.T M.Ậ.T", "TUYỆT MẬT"),
        ("Hai ba người đến", "Hai ba người đến"),  # two number words are prose
        ("mục a, b, c", "mục a, b, c"),
    ],
)
def test_evasions_are_undone(text: str, view: str) -> None:
    assert normalize(text).text == view


def test_spans_map_back_to_the_original() -> None:
    text = "Gọi ０９１２\u200b３４５６７８ nhé"
    view = normalize(text)
    start = view.text.index("0912")
    original = view.to_original(start, start + 10)
    assert text[original[0] : original[1]] == "０９１２\u200b３４５６７８"


def test_fold_keeps_length() -> None:
    assert fold("Đăng KÝ Tạm Trú") == "dang ky tam tru"


@given(st.text(max_size=400))
def test_normalisation_never_crashes_and_offsets_stay_inside(text: str) -> None:
    view = normalize(text)
    assert len(view.starts) == len(view.ends) == len(view.text)
    assert all(0 <= s < e <= len(text) for s, e in zip(view.starts, view.ends))
    assert list(view.starts) == sorted(view.starts)
    if view.text:
        start, end = view.to_original(0, len(view.text))
        assert 0 <= start < end <= len(text)


@given(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=()), max_size=200), st.integers(0, 500), st.integers(0, 500)
)
def test_any_span_maps_inside(text: str, a: int, b: int) -> None:
    view = normalize(text)
    start, end = view.to_original(min(a, b), max(a, b))
    assert 0 <= start <= end <= len(text)


def test_oversized_and_non_text_input_is_refused() -> None:
    with pytest.raises(ValueError, match="longer"):
        normalize("a" * 1_000_001)
    with pytest.raises(ValueError, match="string"):
        normalize(b"bytes")  # type: ignore[arg-type]

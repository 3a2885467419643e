"""Restoring diacritics from the corpus vocabulary, for the dense retriever."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from knowledge_base.diacritics_restorer import DiacriticsRestorer
from knowledge_base.text_normalize import fold_diacritics, words

CORPUS = [
    "Đăng ký khai sinh cho trẻ tại Ủy ban nhân dân cấp xã.",
    "Lệ phí đăng ký kết hôn được miễn. Hồ sơ đăng ký tạm trú gồm tờ khai.",
    "Người thuê trọ phải đăng ký tạm trú; thời hạn tạm trú tối đa là 02 năm.",
]


def test_restores_typical_queries_from_corpus_words() -> None:
    restorer = DiacriticsRestorer(CORPUS)
    assert restorer.restore("dang ky khai sinh can giay to gi") == "đăng ký khai sinh cần giấy tờ gì"
    assert restorer.restore("thue tro dang ky tam tru toi da may nam") == "thuê trọ đăng ký tạm trú tối đa mấy năm"


def test_accented_words_and_unknown_words_are_kept() -> None:
    restorer = DiacriticsRestorer(CORPUS)
    assert restorer.restore("đăng ky zalo") == "đăng ký zalo"
    assert restorer.lacks_diacritics("le phi ket hon") and not restorer.lacks_diacritics("lệ phí")
    assert not restorer.lacks_diacritics("1022")


@given(st.text(max_size=120))
def test_restoring_only_adds_marks(text: str) -> None:
    restored = DiacriticsRestorer(CORPUS).restore(text)
    assert [fold_diacritics(w) for w in restored.split()] == [fold_diacritics(w) for w in words(text)]

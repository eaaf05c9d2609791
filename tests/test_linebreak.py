"""The libunistring binding: the break opportunities gettext itself uses."""

from __future__ import annotations

import pytest

from openletter.po import linebreak
from openletter.po.linebreak import BREAK_POSSIBLE, BREAK_PROHIBITED, LineBreaker, LineBreakUnavailable


def test_breaks_after_spaces_when_the_width_is_exceeded() -> None:
    data = b"alpha beta gamma"
    breaks = LineBreaker().breaks(data, bytes(len(data)), width=11, start_column=0)
    assert [index for index, value in enumerate(breaks) if value == BREAK_POSSIBLE] == [11]


def test_overrides_prohibit_a_break() -> None:
    data = b"alpha beta gamma"
    overrides = bytearray(len(data))
    overrides[11] = BREAK_PROHIBITED
    breaks = LineBreaker().breaks(data, bytes(overrides), width=11, start_column=0)
    assert breaks[11] != BREAK_POSSIBLE


def test_cjk_counts_two_columns_and_breaks_between_ideographs() -> None:
    data = "一二三四五六".encode()
    breaks = LineBreaker().breaks(data, bytes(len(data)), width=6, start_column=0)
    assert [index for index, value in enumerate(breaks) if value == BREAK_POSSIBLE] == [9]


def test_a_missing_library_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(linebreak.ctypes.util, "find_library", lambda name: None)
    monkeypatch.setattr(linebreak, "_CANDIDATES", ("libunistring-does-not-exist.so",))
    with pytest.raises(LineBreakUnavailable, match="apt-get install gettext"):
        LineBreaker().breaks(b"x", b"\0", 10, 0)

"""The shortcuts of kiosk.search_keys give the keys of the general path."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk import search_keys
from kiosk.search_keys import _any_name_keys, _name_keys, fold

# Everyday characters of names, polyphonic surnames (read apart as surnames), compound surnames,
# characters past the basic block (extension B, compatibility ideographs) and apostrophes.
_HAN_NAME_CHARS = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力新宇晨欣怡子涵浩然"
    "单解仇区查朴盖乐缪种覃黑员隗召秘冼过折长孙尉迟万俟于澹台"
    "\U00020000\U0002a6d6\uf900\uf9ff'’"
)


@given(st.text(alphabet=_HAN_NAME_CHARS, min_size=1, max_size=12))
@settings(max_examples=400, deadline=None)
def test_a_name_of_chinese_characters_has_the_keys_of_the_general_path(name: str) -> None:
    if not search_keys._ALL_HAN.fullmatch(fold(name)):
        return  # apostrophes only: the general path's alone
    assert _name_keys.__wrapped__(name) == _any_name_keys(name)


def test_the_shortcut_is_taken_for_chinese_names_only(monkeypatch: pytest.MonkeyPatch) -> None:
    taken: list[str] = []
    real = search_keys._han_name_keys

    def recorded(word: str) -> frozenset[tuple[int, str]]:
        taken.append(word)
        return real(word)

    monkeypatch.setattr(search_keys, "_han_name_keys", recorded)
    names = ("曾小明", "欧阳娜娜", "張偉", "Zhang Wei", "张 Wei", "Jürgen", "김민준", "张'伟")
    for name in names:
        _name_keys.__wrapped__(name)
    assert taken == ["曾小明", "欧阳娜娜", "張偉", "张伟"]
    for name in (*names, "长孙无忌", "单于"):
        assert _name_keys.__wrapped__(name) == _any_name_keys(name)

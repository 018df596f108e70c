"""Web and e-mail addresses glued to Chinese are not Latin words slipped in by copying."""

from __future__ import annotations

import pytest

from fzdesk.checks.language import language_findings
from fzdesk.checks.text import Para
from fzdesk.checks.wording import load_wording
from fzdesk.domain.model import Block


def latin(text: str) -> list[str]:
    para = Para(Block.MEASURES, 0, 7, 0, text)
    return [f.values["word"] for f in language_findings(para, load_wording(), 2023) if f.rule == "wording.latin"]


@pytest.mark.parametrize("text", [
    "在县政府门户网站www.shenqiu.gov.cn公开。",
    "登录https://www.henan.gov.cn查询。",
    "来信请发送至fzb@shenqiu.gov.cn邮箱。",
])
def test_addresses_are_not_reported(text: str) -> None:
    assert latin(text) == []


def test_latin_words_beside_them_still_are() -> None:
    assert latin("使用chatgpt撰写材料，网站www.shenqiu.gov.cn公开。") == ["chatgpt"]

"""The command line's own texts are Chinese (QA: `fzdesk --help` printed "usage:", "positional arguments",
"show this help message and exit"; a wrong argument printed "error: the following arguments are required: --out",
"invalid choice", "unrecognized arguments"...). The real parser is run; nothing of argparse's English may remain,
and every error says what to do."""

from __future__ import annotations

import argparse
import ast
import inspect
import re

import pytest

from fzdesk import argparse_zh
from fzdesk.cli import main

#: argparse's English, as words (a "--json" or "list" in the output is fzdesk's own and fine).
ENGLISH = re.compile(r"\b(usage|options?|positional|arguments?|error|warning|invalid|required|expected|"
                     r"unrecognized|choose from|choices|show this help|help message|exit|version number|"
                     r"not allowed|ignored|explicit|ambiguous|could match|unexpected|default|subcommands|"
                     r"deprecated|COMMAND)\b", re.IGNORECASE)

#: Texts argparse raises only for a program's own mistakes in defining its arguments (at start, never because of
#: what a user typed): they need no translation.
DEVELOPER_ONLY = {
    "'required' is an invalid argument for positionals", ".__call__() not defined",
    "cannot have multiple subparser arguments", "cannot merge actions - two groups are named %r",
    "conflicting subparser alias: %s", "conflicting subparser: %s", "dest= is required for options like %r",
    "invalid conflict_resolution value: %r", "mutually exclusive arguments must be optional",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int | str | None, str]:
    with pytest.raises(SystemExit) as stopped:
        main(list(argv))
    out, err = capsys.readouterr()
    return stopped.value.code, out + err


@pytest.mark.parametrize("command", [[], ["list"], ["check"], ["export"], ["import"], ["review"]])
def test_help_is_chinese(capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    code, text = run(capsys, *command, "--help")
    assert code == 0
    assert text.startswith(f"用法：fzdesk{''.join(' ' + c for c in command)} [-h]")
    assert "选项：\n" in text and "-h, --help" in text and "显示本帮助后退出" in text
    assert not ENGLISH.search(text), ENGLISH.search(text)


def test_the_program_help_lists_the_subcommands_and_the_version_line(capsys: pytest.CaptureFixture[str]) -> None:
    _, text = run(capsys, "--help")
    assert "fzdesk [-h] [--version] [--data DIR] [--self-test] 子命令 ..." in text
    assert "参数：\n  子命令\n" in text and "    export " in text and "--version    显示版本号后退出" in text


@pytest.mark.parametrize(("argv", "says"), [
    (["export"], "fzdesk export：缺少必须填写的参数：--out。请补上后再运行。"),
    (["review"], "fzdesk review：缺少必须填写的参数：DIR。请补上后再运行。"),
    (["import", "a.docx", "--existing", "bogus"],
     "fzdesk import：--existing 有误：不能是“bogus”，只能从这些中选一个："),
    (["bogus"], "fzdesk：子命令 有误：不能是“bogus”，只能从这些中选一个："),
    (["--bogus"], "fzdesk：不认识这些参数：--bogus。请检查是否拼错，或是否属于别的子命令。"),
    # said by the subcommand, which points to its own help (it pointed to fzdesk --help)
    (["list", "--bogus", "x"], "fzdesk list：不认识这些参数：--bogus x。请检查是否拼错，或是否属于别的子命令。"),
    (["export", "--out", "D", "--bogus"], "fzdesk export：不认识这些参数：--bogus。"),
    (["check", "--year", "二〇二三"], "fzdesk check：--year 有误：“二〇二三”不是整数，请只填写数字。"),
    (["export", "--out", "D", "--report", "x"], "fzdesk export：--report 有误：“x”不是整数，请只填写数字。"),
    (["check", "--year"], "fzdesk check：--year 有误：后面要跟一个值。"),
    (["export", "--out", "D", "--overwrite", "--new-name"],
     "fzdesk export：--new-name 有误：不能和 --overwrite 同时使用，请只留其中一个。"),
    (["list", "--json=yes"], "fzdesk list：--json 有误：后面不能带值（多了“=yes”），请删去。"),
    (["import", "a.docx", "--ye"], "fzdesk import：--ye 不完整，可能是 "),
])
def test_a_wrong_argument_is_said_in_chinese_with_what_to_do(capsys: pytest.CaptureFixture[str], argv: list[str],
                                                              says: str) -> None:
    code, text = run(capsys, *argv)
    assert code == 2
    assert text.startswith("用法：fzdesk")
    assert says in text
    command = "fzdesk" + (f" {argv[0]}" if says.startswith(f"fzdesk {argv[0]}") else "")
    assert text.endswith(f"\n请运行“{command} --help”查看可以怎样填写。\n")
    assert not ENGLISH.search(text), ENGLISH.search(text)


def test_every_message_of_this_pythons_argparse_is_translated() -> None:
    """The message ids are read from the running Python's argparse: one a new version adds fails here."""
    tree = ast.parse(inspect.getsource(argparse))
    singular, plural = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
            texts = tuple(a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str))
            if node.func.id == "ngettext":
                plural.add(texts[:2])
            elif texts:
                singular.update(texts)
    assert singular - DEVELOPER_ONLY - set(argparse_zh.TEXTS) == set()
    assert plural - {("conflicting option string: %s", "conflicting option strings: %s")} <= set(argparse_zh.PLURALS)
    for english, chinese in argparse_zh.TEXTS.items():  # no field argparse does not fill in
        assert set(re.findall(r"%\((\w+)\)", chinese)) <= set(re.findall(r"%\((\w+)\)", english)), english
        assert len(re.findall(r"%[rs]", english)) == len(re.findall(r"%[rs]", chinese)), english


def test_argparse_is_english_again_outside_fzdesks_parser(capsys: pytest.CaptureFixture[str]) -> None:
    """Only fzdesk's parser is translated, and only while it works: argparse is left as it was (pytest's own
    parser, for one, shares the module)."""
    before = (vars(argparse)["_"], vars(argparse)["ngettext"])
    run(capsys, "export")
    assert (vars(argparse)["_"], vars(argparse)["ngettext"]) == before
    assert argparse.ArgumentParser(prog="x").format_usage() == "usage: x [-h]\n"


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_help_lines_fit_the_terminal(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                     columns: int) -> None:
    """argparse's textwrap counts a Chinese character as one column: `fzdesk import --help` ran to twice the
    terminal's width and split --yes after its hyphens. Lines now fit (a closing mark may hang past the edge)."""
    monkeypatch.setenv("COLUMNS", str(columns))
    _, text = run(capsys, "import", "--help")
    description = text.split("\n\n")[1]
    assert "--document-text" in description and "--yes" in description
    for line in text.split("\n\n", 1)[1].splitlines():  # (after the usage, which argparse wraps itself)
        assert argparse_zh._columns(line.rstrip("，。、；：）”")) <= columns - 2, line


def test_wrap_keeps_ascii_words_whole_and_punctuation_off_a_line_start() -> None:
    assert argparse_zh.wrap("加 --document-text 则采用", 8) == ["加", "--document-text", "则采用"]
    assert argparse_zh.wrap("一二三四。五", 8) == ["一二三四。", "五"]


def test_the_usage_lines_line_up(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """用法： takes 6 columns, not the 3 argparse counted: the usage's later lines start under its first option."""
    monkeypatch.setenv("COLUMNS", "80")
    _, text = run(capsys, "export", "--help")
    first, second = text.splitlines()[:2]
    assert argparse_zh._columns(first[:first.index("[-h]")]) == len(second) - len(second.lstrip()) == 20

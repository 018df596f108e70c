"""argparse in Simplified Chinese: the `fzdesk` command's help headings, its -h line and every message argparse
can print for the arguments fzdesk defines (QA: "usage:", "options", "error: the following arguments are
required" reached the clerk in English).

argparse fetches each of its texts through its module-level gettext functions `_` and `ngettext` when it needs
them (at a parser's creation: the headings and the -h line; when parsing and formatting: usage and errors).
ChineseParser puts the translations below in their place only while one of its own methods runs, so the rest of
the process (pytest's parser, for one) keeps argparse as it was. The message ids are those of Python 3.11 to
3.13 (gathered from each version's argparse.py; a new one that is missing stays English, which
tests/commands/test_cli_chinese.py catches). Imported only with argparse, never on the window's start-up path.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any, NoReturn

#: argparse's message ids (English, with their % fields) and what the clerk reads instead. A field may change
#: from %r to %s (no ASCII quotes in Chinese text) but keeps its name or position.
TEXTS: dict[str, str] = {
    # help
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "optional arguments": "选项",  # (Python 3.9 and older)
    "subcommands": "子命令",
    "%(heading)s:": "%(heading)s:",  # (a section's heading, from 3.12.x on; as 3.11 writes it)
    " (default: %(default)s)": "（默认：%(default)s）",
    "show this help message and exit": "显示本帮助后退出",
    "show program's version number and exit": "显示版本号后退出",
    # how an error is printed
    "%(prog)s: error: %(message)s\n": "%(prog)s：%(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s：注意：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s 有误：%(message)s",
    # the errors a user's arguments can cause
    "the following arguments are required: %s": "缺少必须填写的参数：%s。请补上后再运行",
    "one of the arguments %s is required": "%s 必须选用其中一个",
    "unrecognized arguments: %s": "不认识这些参数：%s。请检查是否拼错，或是否属于别的子命令",
    "expected one argument": "后面要跟一个值",
    "expected at most one argument": "后面最多跟一个值",
    "expected at least one argument": "后面至少要跟一个值",
    "not allowed with argument %s": "不能和 %s 同时使用，请只留其中一个",
    "ignored explicit argument %r": "后面不能带值（多了“=%s”），请删去",
    "ambiguous option: %(option)s could match %(matches)s": "%(option)s 不完整，可能是 %(matches)s，请写全",
    "unexpected option string: %s": "这里不应出现 %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "不能是“%(value)s”，只能从这些中选一个：%(choices)s",
    "invalid %(type)s value: %(value)r": "“%(value)s”不是有效的值",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "没有“%(parser_name)s”这个子命令，可用的有：%(choices)s",
    "can't open '%(filename)s': %(error)s": "打不开“%(filename)s”：%(error)s",
    "argument \"-\" with mode %r": "“-”不能以 %r 方式打开",
    "%r is not callable": "%r 不能调用",
    "option '%(option)s' is deprecated": "%(option)s 已不再使用",
    "argument '%(argument_name)s' is deprecated": "%(argument_name)s 已不再使用",
    "command '%(parser_name)s' is deprecated": "子命令“%(parser_name)s”已不再使用",
}

#: ngettext's (singular, plural) pairs.
PLURALS: dict[tuple[str, str], str] = {
    ("expected %s argument", "expected %s arguments"): "后面要跟 %s 个值",
}


def _gettext(message: str) -> str:
    return TEXTS.get(message, message) if message is not None else message  # (argparse passes None too)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return PLURALS.get((singular, plural), singular if n == 1 else plural)


@contextlib.contextmanager
def chinese() -> Iterator[None]:
    """argparse's texts in Chinese while inside; what was there before afterwards (nested uses are fine)."""
    module = vars(argparse)
    saved = {name: module.get(name) for name in ("_", "ngettext")}
    module["_"], module["ngettext"] = _gettext, _ngettext
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                module.pop(name, None)
            else:
                module[name] = value


def whole_number(text: str) -> int:
    """`type=int`, said in Chinese when the value is not a number (argparse's "invalid int value: 'x'")."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是整数，请只填写数字") from None


#: What wrapping takes as one piece: a run of ASCII (an option like --document-text is never split), a space, or
#: any other single character (Chinese may break between any two).
_PIECE = re.compile(r"[!-~]+| +|.", re.DOTALL)
#: Punctuation that must not begin a line: it stays at the end of the line before, a little past the width.
_NO_LINE_START = set("，。、；：！？）》”’…")


def _columns(text: str) -> int:
    """The columns text takes in a terminal: Chinese characters and full-width punctuation take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most width columns (argparse's textwrap counts a Chinese character as one column, so its help
    lines ran to twice the terminal's width, and it split "--yes" after its hyphens)."""
    lines: list[str] = []
    line, used = "", 0
    for piece in _PIECE.findall(" ".join(text.split())):
        if piece == " ":
            if line:
                line, used = line + " ", used + 1
            continue
        columns = _columns(piece)
        if line.strip() and used + columns > width and piece not in _NO_LINE_START:
            lines.append(line.rstrip())
            line, used = "", 0
        line, used = line + piece, used + columns
    if line.strip():
        lines.append(line.rstrip())
    return lines


#: A section heading's line in the help: at the margin, ending in CJK text and an ASCII colon.
_HEADING_COLON = re.compile(r"(?m)^(\S[^\n]*[\u4e00-\u9fff]):$")


class ChineseHelpFormatter(argparse.HelpFormatter):
    """Help text wrapped by the columns it takes (see wrap)."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap(text, width - len(indent)))

    def _format_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None) -> str:
        """The usage's later lines indented under its first option: argparse counts 用法： as 3 columns, not 6."""
        text: str = super()._format_usage(usage, actions, groups, prefix)
        shown = TEXTS["usage: "] if prefix is None else prefix
        extra = " " * (_columns(shown) - len(shown))
        return "\n".join(extra + line if n and line.startswith(" ") else line
                         for n, line in enumerate(text.split("\n")))


class ChineseParser(argparse.ArgumentParser):
    """An ArgumentParser that speaks Chinese; its subparsers are ChineseParsers too (argparse makes them of the
    parent's class). An error ends with what to do: look at the help of the command that was given."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        with chinese():  # the -h line and the two section headings are made now
            super().__init__(*args, **kwargs)
        self.register("type", int, whole_number)

    def add_subparsers(self, **kwargs: Any) -> Any:
        with chinese():
            return super().add_subparsers(**kwargs)

    def parse_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                   namespace: argparse.Namespace | None = None) -> argparse.Namespace:
        """As argparse's, but arguments no parser knows are said by the subcommand's parser when one was given
        (fzdesk export --bogus pointed to fzdesk --help, not to fzdesk export --help)."""
        with chinese():  # ("unrecognized arguments" is said here, not in parse_known_args)
            parsed, extras = self.parse_known_args(args, namespace)
            if extras:
                self._chosen_parser(parsed).error(TEXTS["unrecognized arguments: %s"] % " ".join(extras))
            return parsed

    def _chosen_parser(self, parsed: argparse.Namespace) -> argparse.ArgumentParser:
        """The subcommand's parser when the arguments named one, else this one."""
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction) and action.dest != argparse.SUPPRESS:
                chosen = action.choices.get(getattr(parsed, action.dest, None) or "")
                if isinstance(chosen, ChineseParser):
                    return chosen._chosen_parser(parsed)
        return self

    def parse_known_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                         namespace: argparse.Namespace | None = None) -> tuple[argparse.Namespace, list[str]]:
        with chinese():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with chinese():
            return super().format_usage()

    def format_help(self) -> str:
        """The help, its section headings (参数, 选项) ending in a full-width colon like 用法：(argparse writes an
        ASCII one after them on Python 3.11 and 3.12, without asking gettext)."""
        with chinese():
            text = super().format_help()
        return _HEADING_COLON.sub(r"\1：", text)

    def error(self, message: str) -> NoReturn:
        with chinese():
            self.print_usage(sys.stderr)
            self.exit(2, f"{self.prog}：{message.rstrip('。')}。\n请运行“{self.prog} --help”查看可以怎样填写。\n")

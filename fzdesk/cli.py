"""The `fzdesk` command: starts the window, or runs a headless subcommand over the same services."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

import fzdesk

if TYPE_CHECKING:  # argparse (with gettext and locale, ~2.5 ms) is not loaded to start the window: see _window_data
    import argparse


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    """The parser; without the subcommands (whose imports cost more than Qt's) when only the window is wanted."""
    import argparse

    from fzdesk.argparse_zh import ChineseParser

    class _VersionAction(argparse.Action):
        """Prints the version; looked up only when asked for (it is not free to find)."""

        def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
            print(f"fzdesk {fzdesk.__version__}")
            parser.exit()

    parser = ChineseParser(
        prog="fzdesk",
        description="法治政府建设年度报告助手：不带子命令时打开程序窗口。",
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="显示版本号后退出")
    parser.add_argument("--data", metavar="DIR", help="数据文件夹（默认：用户数据目录，或环境变量 FZDESK_DATA）")
    parser.add_argument("--self-test", action="store_true",
                        help="不打开窗口，检查本程序能否正常工作（在临时文件夹中建、查、导出、导入一份报告）")
    parser.set_defaults(command=None)
    if with_commands:
        from fzdesk.commands import COMMANDS

        sub = parser.add_subparsers(dest="command", metavar="子命令")
        for command in COMMANDS:
            command.register(sub)
    return parser


def _names_a_command(arguments: Sequence[str]) -> bool:
    """Whether the arguments hold a subcommand (or ask for help), i.e. more than `[--data DIR] [--self-test]`."""
    after_data = False
    for argument in arguments:
        if after_data:
            after_data = False
        elif argument == "--data":
            after_data = True
        elif argument in ("-h", "--help") or not argument.startswith("-"):
            return True
    return False


def _window_data(arguments: Sequence[str]) -> tuple[str | None] | None:
    """(the --data folder or None) when the arguments only start the window: nothing, `--data DIR` or
    `--data=DIR`, read as argparse would; None for anything else, which argparse then reads."""
    if not arguments:
        return (None,)
    if len(arguments) == 2 and arguments[0] == "--data" and not arguments[1].startswith("-"):
        return (arguments[1],)
    if len(arguments) == 1 and arguments[0].startswith("--data=") and len(arguments[0]) > len("--data="):
        return (arguments[0][len("--data="):],)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_console()
    arguments = list(sys.argv[1:] if argv is None else argv)
    window = _window_data(arguments)
    if window is None:
        args = build_parser(with_commands=_names_a_command(arguments)).parse_args(arguments)
        if args.self_test:
            from fzdesk.selftest import run

            return run()
        if args.command is not None:
            return _run_command(args)
        window = (args.data,)
    _prepare_window()
    from fzdesk.opening import open_with_first_report

    opened, first = open_with_first_report(window[0])  # while the Qt libraries load on another core
    from fzdesk.app import run_gui  # Qt is imported only when a window is wanted

    return int(run_gui(window[0], opened, first))


def _prepare_window() -> None:
    """What the window's start-up does before importing Qt and the program."""
    import gc

    gc.disable()  # the window's start-up makes ~35,000 lasting objects: collected from after its first paint
    import ctypes  # noqa: F401 (the C extensions the store's opening, fzdesk.app and the preload need before
    import decimal  # noqa: F401  Qt: loaded before the preload holds the dynamic loader's lock, see
    import json  # noqa: F401     fzdesk.warmup; tests/test_warmup.py. _opcode: for dataclasses -> inspect -> dis;
    import opcode  # noqa: F401   ctypes: the preload's and fzdesk.pyside_fix's, in the bundle loaded already)
    import sqlite3  # noqa: F401

    from fzdesk import warmup

    if sys.platform != "win32":
        import fcntl  # noqa: F401 (the data folder's lock; msvcrt on Windows is built in)

    warmup.preload_qt()  # Qt's libraries, then fontconfig's configuration, on the other core (Linux)


def _run_command(args: argparse.Namespace) -> int:
    """Runs a subcommand; its output piped into a reader that stops early (`fzdesk list | head`) ends it
    quietly with status 1, as the Python documentation's recipe for SIGPIPE does, instead of a traceback."""
    import os

    from fzdesk.commands import console

    console.prepare()  # Windows: a GBK redirect keeps rare characters; the windowed fzdesk.exe has no console
    try:
        status = int(args.handler(args))
        sys.stdout.flush()
    except BrokenPipeError:
        # Python flushes stdout again at exit: point it at devnull so that this flush cannot fail too
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return status


def _utf8_console() -> None:
    """Chinese output must not crash on a console whose encoding cannot show it."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")

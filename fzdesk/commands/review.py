"""`fzdesk review DIR`: the received reports in a folder read and checked, a line each, problems first (as the
dialog lists them); --csv writes the summary.
Nothing is written to the data folder (the store is not opened)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from fzdesk import resources
from fzdesk.commands.common import CommandError, fail
from fzdesk.review.batch import (
    NoReports,
    ReviewError,
    duplicate_notes,
    files_in,
    in_attention_order,
    in_subfolders,
    review_paths,
    year_state,
)
from fzdesk.review.findings_text import finding_lines
from fzdesk.review.reading import ReviewedFile
from fzdesk.review.summary import summary_csv

COLUMNS = ("文件名", "单位", "年度", "来源", "成文日期", "错误", "警告", "提示", "与去年比较", "状态")  # as the dialog


def register(sub: Any) -> None:
    parser = sub.add_parser("review", help="检查收到的各单位报告（一个文件夹中的 .docx 和 .json），可导出汇总表")
    parser.add_argument("folder", metavar="DIR", help="存放各单位报告的文件夹（例如U盘）")
    parser.add_argument("--csv", metavar="OUT", help="把汇总表写入这个 .csv 文件（WPS、Excel 可打开）")
    parser.add_argument("--year", type=int, metavar="YYYY", help="报告年度（默认：多数文件的年度）")
    parser.add_argument("--findings", action="store_true", help="逐个列出每个文件的检查结果")
    parser.add_argument("--subfolders", action=argparse.BooleanOptionalAction, default=True,
                        help="也读取子文件夹中的报告（各乡镇、各部门一个文件夹时；默认读取，"
                             "--no-subfolders 只读文件夹本身）")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    csv_path = _csv_path(Path(args.csv)) if args.csv else None
    if csv_path is not None and not csv_path.parent.is_dir():  # said before dozens of files are read, not after
        return fail(CommandError(f"找不到保存汇总表的文件夹“{csv_path.parent}”。请先建好这个文件夹，"
                                 "或在 --csv 后面写一个已有文件夹中的文件名，再运行一次。"))
    try:
        rows, year = review_paths(files_in(folder, args.subfolders), year=args.year, root=folder)
    except NoReports as exc:  # (in the command's words, not the dialog's buttons)
        return fail(CommandError(exc.said("请在 fzdesk review 后面写存放各单位报告的文件夹（例如U盘）",
                                          "请去掉 --no-subfolders")))
    except ReviewError as exc:
        return fail(CommandError(str(exc)))
    ordered = in_attention_order(rows)  # problems first, as the dialog lists them
    print("\t".join(COLUMNS))
    for row in ordered:
        print("\t".join(cells(row, year)))
    unread = sum(1 for r in rows if not r.readable)
    print(f"\n共 {len(rows)} 个文件：{sum(1 for r in rows if r.errors)} 个有错误，{unread} 个读不了，"
          f"{sum(1 for r in rows if r.duplicates)} 个重复。")
    for line in duplicate_notes(ordered):
        print(f"重复：{line}")
    if not args.subfolders and (below := in_subfolders(folder)):
        print(f"子文件夹中还有 {below} 个文件没有读取（去掉 --no-subfolders 即可一并检查）。")
    if args.findings:
        for row in ordered:
            print("\n" + "\n".join(finding_lines(row, year_state(row, year))))
    if csv_path is not None:
        written = _write_csv(csv_path, summary_csv(rows, resources.catalogue(), year))
        if written is None:
            return 2
        print(f"汇总表{written}")
    return 1 if unread or any(r.errors for r in rows) else 0


def cells(row: ReviewedFile, year: int | None) -> list[str]:
    counts = [str(row.errors), str(row.warnings), str(row.infos)] if row.readable else ["", "", ""]
    return [row.name, row.unit_name, str(row.year or ""), str(row.source or ""),
            row.date.isoformat() if row.date else "", *counts, row.last_year, year_state(row, year)]


def _csv_path(path: Path) -> Path:
    """--csv OUT as written: OUT.csv when OUT does not end in .csv."""
    return path if path.suffix.lower() == ".csv" else path.with_name(path.name + ".csv")


def _write_csv(path: Path, data: bytes) -> str | None:
    """The summary written safely (a temporary file, flushed, renamed, read back); the message, or None after
    printing why it was not written."""
    from fzdesk.export.handoff import HandoffError, write_safely

    try:
        return write_safely(path.parent, path.name, data, overwrite=True).message
    except HandoffError as exc:
        fail(CommandError(str(exc)))
        return None

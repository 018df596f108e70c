"""`fzdesk list`: the units and reports in the store (with their ids for --report), as text or JSON."""

from __future__ import annotations

import argparse
import json
from typing import Any

from fzdesk.commands.common import CommandError, fail, open_store, report_line


def register(sub: Any) -> None:
    parser = sub.add_parser("list", help="列出数据中的单位和报告")
    parser.add_argument("--json", action="store_true", help="输出机器可读的 JSON")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    try:
        with open_store(args, exclusive=False, create=False) as store:
            units = store.units()
            reports = store.reports()
    except CommandError as exc:
        return fail(exc)
    if args.json:
        data = [
            {
                "id": u.id, "name": u.name, "short_name": u.short_name, "type": u.unit_type.value,
                "organs": u.organs,
                "reports": [{"id": r.id, "year": r.year, "label": r.year_label, "copy": r.copy, "title": r.title,
                             "created": r.created, "updated": r.updated}
                            for r in reports if r.unit_id == u.id],
            }
            for u in units
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    if not units:
        print("数据中还没有单位。运行 fzdesk 打开程序窗口，先填写单位信息。")
        return 0
    for u in units:
        print(f"{u.name}（{u.unit_type.value}）")
        own = [r for r in reports if r.unit_id == u.id]
        for r in own:
            print(f"  {report_line(r)}  {r.title}")
        if not own:
            print("  （还没有报告）")
    return 0

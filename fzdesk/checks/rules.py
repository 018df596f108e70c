"""Figure rules as data: resources/rules/figures.json, merged with the unit's own <data>/rules/*.json."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from fzdesk.checks.findings import Severity
from fzdesk.paths import resource

RELATIONS = ("sum_eq", "sum_le", "eq", "le", "rate", "range", "required_if", "together", "yoy_carry", "yoy_change")
RULES_FORMAT = "fzdesk-rules"


@dataclass(frozen=True)
class Rule:
    """One relation over figures. left/right hold codes for sums and comparisons (eq/le use one code a side);
    rate: code = num/den*100; range: code within [min, max]; required_if: code filled -> right filled;
    together: left all filled or all empty; yoy_carry: this year's code = last year's other;
    yoy_change: each of left changed by at least threshold % asks for an explanation."""

    id: str
    relation: str
    severity: Severity
    message: str = ""
    left: tuple[str, ...] = ()
    right: tuple[str, ...] = ()
    code: str = ""
    other: str = ""
    optional: tuple[str, ...] = ()  # codes counted as 0 when empty (result lists, 上年结转)
    tolerance: Decimal = Decimal(0)
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    threshold: Decimal = Decimal(50)  # percent, yoy_change
    min_base: Decimal = Decimal(10)  # yoy_change: ignore changes between small counts
    title: str = ""  # what the rule says, in Chinese (for lists and docs)
    source: str = "shipped"
    exhaustive_if: str = ""  # sum_le: when this part (其他) is filled, the parts are the whole list: Σ = total
    exhaustive_message: str = ""

    @property
    def codes(self) -> tuple[str, ...]:
        extra = tuple(c for c in (self.code, self.other) if c)
        return (*extra, *self.left, *self.right)


@dataclass
class RuleSet:
    version: int
    rules: list[Rule] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # user files that could not be read, in Chinese

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


def _codes(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def parse_rule(data: dict[str, Any], source: str = "shipped") -> Rule:
    relation = data["relation"]
    if relation not in RELATIONS:
        raise ValueError(f"未知的关系“{relation}”（可用：{'、'.join(RELATIONS)}）")
    left = _codes(data.get("left", data.get("a")))
    right = _codes(data.get("right", data.get("b", data.get("then"))))
    rule = Rule(
        id=str(data["id"]),
        relation=relation,
        severity=Severity(data.get("severity", "warning")),
        message=data.get("message", ""),
        left=left,
        right=right,
        code=data.get("code", data.get("if", data.get("this", ""))),
        other=data.get("last", data.get("other", "")),
        optional=_codes(data.get("optional")),
        tolerance=_dec(data.get("tolerance")) or Decimal(0),
        minimum=_dec(data.get("min")),
        maximum=_dec(data.get("max")),
        threshold=_dec(data.get("threshold")) or Decimal(50),
        min_base=Decimal(str(data.get("min_base", 10))),
        title=data.get("title", ""),
        source=source,
        exhaustive_if=str(data.get("exhaustive_if", "")),
        exhaustive_message=data.get("exhaustive_message", ""),
    )
    _validate(rule)
    return rule


def _validate(rule: Rule) -> None:
    need: dict[str, bool] = {
        "sum_eq": bool(rule.left and rule.right), "sum_le": bool(rule.left and rule.right),
        "eq": len(rule.left) == 1 and len(rule.right) == 1, "le": len(rule.left) == 1 and len(rule.right) == 1,
        "rate": bool(rule.code and rule.left and rule.right),
        "range": bool(rule.code) and (rule.minimum is not None or rule.maximum is not None),
        "required_if": bool(rule.code and rule.right), "together": len(rule.left) >= 2,
        "yoy_carry": bool(rule.code and rule.other), "yoy_change": bool(rule.left),
    }
    if not need[rule.relation]:
        raise ValueError(f"规则“{rule.id}”（{rule.relation}）缺少必需的指标")
    if rule.exhaustive_if and (rule.relation != "sum_le" or rule.exhaustive_if not in rule.left):
        raise ValueError(f"规则“{rule.id}”：exhaustive_if 只用于 sum_le，且须是左边（各部分）中的一项")


def parse_rules(data: dict[str, Any], source: str = "shipped") -> RuleSet:
    if data.get("format") != RULES_FORMAT:
        raise ValueError("不是 fzdesk 规则文件（format 应为 fzdesk-rules）")
    return RuleSet(int(data.get("version", 1)), [parse_rule(r, source) for r in data.get("rules", [])])


def load_rules(data_folder: Path | None = None) -> RuleSet:
    """The shipped rules, then each <data>/rules/*.json in name order: same id replaces, "disabled" removes."""
    with resource("rules", "figures.json").open(encoding="utf-8") as fh:
        ruleset = parse_rules(json.load(fh))
    if data_folder is None:
        return ruleset
    folder = data_folder / "rules"
    if not folder.is_dir():
        return ruleset
    by_id = {r.id: r for r in ruleset.rules}
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != RULES_FORMAT:
                raise ValueError("format 应为 fzdesk-rules")
            for raw in data.get("rules", []):
                if raw.get("disabled"):
                    by_id.pop(str(raw["id"]), None)
                    continue
                rule = parse_rule(raw, source=path.name)
                by_id[rule.id] = rule
        except (OSError, ValueError, KeyError, TypeError, ArithmeticError) as exc:
            ruleset.problems.append(f"自定义规则文件 {path.name} 无法读取：{exc}")
    ruleset.rules = list(by_id.values())
    return ruleset

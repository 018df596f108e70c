"""The catalogue's naming words and prose.json's settings, compiled once for reading prose."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from fzdesk.checks.wording import trie_regex
from fzdesk.domain.catalogue import Catalogue, Kind
from fzdesk.paths import resource


@dataclass
class ProseIndex:
    """The catalogue's naming words, compiled into one regex, with the family context words."""

    catalogue: Catalogue
    words: dict[str, list[str]] = field(default_factory=dict)  # word -> codes
    contexts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    units: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sentences: dict[str, Any] = field(default_factory=dict)
    window: int = 14
    short_word: int = 3
    pattern: re.Pattern[str] | None = None
    context_pattern: re.Pattern[str] | None = None
    context_family: dict[str, list[str]] = field(default_factory=dict)
    context_words: frozenset[str] = frozenset()  # longer words that still need a family context word
    period_pattern: re.Pattern[str] | None = None  # groups "whole" (全年, 2023年) and "part" (第3季度, 5月)
    part_markers: tuple[str, ...] = ()  # 其中: what follows is a part of a total
    change_pattern: re.Pattern[str] | None = None  # 增加(了) right before a number: a change, not the figure
    parts: frozenset[str] = frozenset()  # indicators that are themselves parts (results, 其中 items)
    rates: frozenset[str] = frozenset()  # indicators in %
    sides: tuple[tuple[tuple[str, ...], dict[str, str]], ...] = ()  # (markers, code -> code on that side)


def build_index(catalogue: Catalogue, config: dict[str, Any] | None = None) -> ProseIndex:
    if config is None:
        config = json.loads(resource("rules", "prose.json").read_text(encoding="utf-8"))
    index = ProseIndex(catalogue, window=int(config.get("window", 14)), short_word=int(config.get("short_word", 3)))
    for ind in catalogue.indicators:
        for word in ind.words:
            index.words.setdefault(word, []).append(ind.code)
    index.contexts = {k: tuple(v) for k, v in config.get("contexts", {}).items()}
    index.units = {k: tuple(v) for k, v in config.get("units", {}).items()}
    index.sentences = config.get("sentences", {})
    index.context_words = frozenset(config.get("context_words", ()))
    periods = config.get("periods")
    if periods:
        index.period_pattern = re.compile(f"(?P<whole>{periods['whole']})|(?P<part>{periods['part']})")
    index.part_markers = tuple(config.get("part_markers", ()))
    index.parts = frozenset(config.get("parts", ()))
    index.rates = frozenset(i.code for i in catalogue.indicators if i.kind is Kind.RATE)
    change_words = config.get("change_words", ())
    if change_words:
        index.change_pattern = re.compile(f"(?:{'|'.join(map(re.escape, change_words))})了?\\Z")
    index.sides = tuple((tuple(side["markers"]), dict(side["codes"])) for side in config.get("sides", ()))
    if index.words:
        index.pattern = re.compile(trie_regex(list(index.words)))
    for family, words in index.contexts.items():
        for word in words:
            index.context_family.setdefault(word, []).append(family)
    if index.context_family:
        index.context_pattern = re.compile(trie_regex(list(index.context_family)))
    return index

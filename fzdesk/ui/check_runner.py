"""Runs the checks for the window: the edited paragraph while typing, the whole report when idle (in a thread)."""

from __future__ import annotations

import contextlib
import copy
import gc
import sqlite3
import sys
import threading
import weakref
from collections import defaultdict, deque
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from fzdesk import resources
from fzdesk.domain.model import Block, Item, Report, Section, Unit
from fzdesk.storage.store import Store

if TYPE_CHECKING:  # the checks engine is imported by the worker thread after the window is on screen
    from fzdesk.checks.findings import CheckResult, Finding, Severity
    from fzdesk.checks.rules import RuleSet
    from fzdesk.checks.wording import Wording
    from fzdesk.domain.catalogue import Catalogue
    from fzdesk.domain.checklist import PlanCheck

PARAGRAPH_DELAY_MS = 400  # after this pause in typing, the edited paragraph is checked again
FULL_DELAY_MS = 1500  # after this pause, everything (figures, structure, counted lists) is checked
WORKER_SWITCH_INTERVAL = 0.0005  # seconds (see _handing_back_often)
#: Rules that check_paragraph produces: the ones a paragraph re-check replaces.
PARAGRAPH_RULES = ("wording.", "lists.", "years.", "prose.")


def _paragraph_level(f: Finding) -> bool:
    return f.location.paragraph is not None and f.rule.startswith(PARAGRAPH_RULES)


class Job:
    """One piece of work for the checks' thread, with the two methods of concurrent.futures.Future the runner uses:
    done() and result(), which waits and raises what the work raised (nothing is raised in the worker)."""

    __slots__ = ("_args", "_done", "_error", "_fn")

    def __init__(self, fn: Callable[..., object], args: tuple[object, ...]) -> None:
        self._fn, self._args = fn, args
        self._done = threading.Event()
        self._error: BaseException | None = None

    def run(self) -> None:
        try:
            self._fn(*self._args)
        except BaseException as error:  # kept for result(), as a Future keeps it
            self._error = error
        finally:
            self._fn, self._args = _nothing, ()
            self._done.set()

    def done(self) -> bool:
        return self._done.is_set()

    def result(self) -> None:
        self._done.wait()
        if self._error is not None:
            raise self._error


def _nothing() -> None:
    return None


_Queue = tuple["deque[Job | None]", threading.Condition]
_running: dict[int, _Queue] = {}  # the queues of the worker threads still running, by thread ident


def _stop(queue: _Queue) -> None:
    """The worker thread runs what was queued before, then ends."""
    jobs, ready = queue
    with ready:
        jobs.append(None)
        ready.notify()


def _serve(queue: _Queue) -> None:
    jobs, ready = queue
    try:
        while True:
            with ready:
                while not jobs:
                    ready.wait()
                job = jobs.popleft()
            if job is None:
                return
            job.run()
            del job
    finally:
        _running.pop(threading.get_ident(), None)


def _stop_all() -> None:
    for queue in list(_running.values()):
        _stop(queue)


# Like concurrent.futures' workers: at interpreter exit, before the non-daemon threads are joined, each worker is
# told to end once its queued work is done (atexit would run only after that join, which would then wait forever).
threading._register_atexit(_stop_all)  # type: ignore[attr-defined]


class Worker:
    """One non-daemon thread that runs jobs in order: what ThreadPoolExecutor(max_workers=1) gave the runner,
    without importing concurrent.futures (with logging, traceback and queue: ~2.5 ms of start-up). At exit it
    finishes its queued work and is joined, as the executor's thread was; if the Worker is dropped without
    shutdown(), its thread ends too."""

    def __init__(self, name: str) -> None:
        self._queue: _Queue = (deque(), threading.Condition(threading.Lock()))
        self._thread = threading.Thread(target=_serve, args=(self._queue,), name=name, daemon=False)
        self._thread.start()
        if self._thread.ident is not None:
            _running.setdefault(self._thread.ident, self._queue)
        weakref.finalize(self, _stop, self._queue).atexit = False

    def submit(self, fn: Callable[..., object], *args: object) -> Job:
        job = Job(fn, args)
        jobs, ready = self._queue
        with ready:
            jobs.append(job)
            ready.notify()
        return job

    def shutdown(self) -> None:
        """Runs what was queued, then ends the thread and waits for it."""
        _stop(self._queue)
        self._thread.join()


@contextlib.contextmanager
def _handing_back_often() -> Iterator[None]:
    """While the worker holds the GIL, a key press waits for the interpreter's switch interval (5 ms by default,
    often twice per event): the worker hands the GIL over every WORKER_SWITCH_INTERVAL while a check runs."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(WORKER_SWITCH_INTERVAL)
    try:
        yield
    finally:
        sys.setswitchinterval(interval)


def _collect_and_freeze() -> None:
    """The window, the report and the latest result live on: once the young cycles are collected (1-4 ms),
    freezing the survivors keeps the collector's full passes (20-30 ms on the window's thread, at random moments
    while typing) from traversing them again. Frozen objects are still freed by reference counting when they go;
    only cyclic garbage that survived collection would stay."""
    if gc.isenabled():
        gc.collect(1)
        gc.freeze()


def _edited_copy(report: Report, blocks: set[Block]) -> Report:
    """What the paragraph checks of blocks read, copied for the worker thread (~0.1 ms): the window goes on
    changing the items' paragraph lists while the copy is checked. (A figure edited meanwhile changes the
    generation: the result is then not used.)"""
    copied = copy.copy(report)
    copied.sections = [_section_copy(s) if s.block in blocks else s for s in report.sections]
    copied.figures = dict(report.figures)
    copied.dismissals = list(report.dismissals)
    return copied


def _section_copy(section: Section) -> Section:
    copied = copy.copy(section)
    copied.items = [Item(i.title, list(i.paragraphs), i.carried_over, i.id) for i in section.items]
    return copied


def _empty_result() -> CheckResult:
    from fzdesk.checks.findings import CheckResult

    return CheckResult()


class CheckRunner(QObject):
    """Holds the current CheckResult of the open report and keeps it fresh; emits updated when it changed.

    With deferred=True (the window at start-up), the first full check waits for start(): the window calls it
    after its first paint, and the check runs in the worker thread, which also imports the checks engine and
    reads the rules and dictionaries. Nothing of the checks is loaded before that.
    """

    updated = Signal()
    _finished = Signal(int, object)  # generation, CheckResult (emitted from the worker thread)
    _unread = Signal(int)  # generation: the worker could not read the report for the first check
    _paragraphs_finished = Signal(int, int, object, object)  # token, generation, scope, findings or error

    def __init__(self, store: Store, parent: QObject | None = None, *, threaded: bool = True,
                 deferred: bool = False) -> None:
        super().__init__(parent)
        self.store = store
        self._load_lock = threading.Lock()
        self._rules: RuleSet | None = None
        self._wording: Wording | None = None
        self.report: Report | None = None
        self.unit: Unit | None = None
        self.last_year: Report | None = None
        #: puts the edits kept for a retry (the window's Autosaver) on a report read from the store
        self.kept: Callable[[Report], None] | None = None
        #: puts the 上年计划 marks kept for a retry on the checklist read from the store
        self.kept_marks: Callable[[list[PlanCheck]], list[PlanCheck]] | None = None
        self._result: CheckResult | None = None
        self.checked = False
        self.threaded = threaded
        self.started = not deferred
        self._waiting = False  # a report was opened before start(): its first check is due then
        self._generation = 0
        self._pending: set[tuple[Block, int, int | None]] = set()
        self._counts: dict[tuple[Block, int], int] = {}
        self._recheck_token = 0  # the latest paragraph re-check: an older one's findings are dropped
        # what the paragraph re-check under way in the worker replaces: a newer re-check takes it over
        self._unfinished: list[tuple[Block, int, int | None]] = []
        self._closed = False  # shutdown() was called
        self._worker: Worker | None = None
        self._future: Job | None = None
        self._para_timer = self._timer(PARAGRAPH_DELAY_MS, self.recheck_paragraphs)
        self._full_timer = self._timer(FULL_DELAY_MS, self.run_full)
        self._finished.connect(self._full_done)
        self._unread.connect(self._read_here)
        self._paragraphs_finished.connect(self._paragraphs_done)
        if threaded:  # the thread starts now: not in the first pause in typing, nor (deferred: the window at start-up)
            self._worker = Worker("fzdesk-checks")  # right after the first paint, where its start held up the loop

    # ----- what the checks need, loaded on first use (in the worker thread at start-up) -------------
    @property
    def catalogue(self) -> Catalogue:
        return resources.catalogue()

    @property
    def rules(self) -> RuleSet:
        if self._rules is None:
            self._load()
        assert self._rules is not None
        return self._rules

    @property
    def wording(self) -> Wording:
        if self._wording is None:
            self._load()
        assert self._wording is not None
        return self._wording

    def _load(self, *, again: bool = False) -> None:
        """Reads the rules and wording dictionaries (shipped and the unit's own); safe from either thread."""
        from fzdesk.checks.rules import load_rules
        from fzdesk.checks.wording import load_wording

        with self._load_lock:
            if again or self._rules is None or self._wording is None:
                self._rules = load_rules(self.store.folder)
                self._wording = load_wording(self.store.folder)

    @property
    def result(self) -> CheckResult:
        if self._result is None:
            self._result = _empty_result()
        return self._result

    def _timer(self, ms: int, slot: object) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    # ----- what is checked -----------------------------------------------------------------------
    def set_report(self, unit: Unit | None, report: Report | None) -> None:
        """A report was opened: last year's is looked up and everything is checked at once (before start():
        when start() is called)."""
        self.wait()
        self._para_timer.stop()
        self._full_timer.stop()
        self._pending.clear()
        self._unfinished = []
        self._recheck_token += 1
        self.unit, self.report, self.last_year = unit, report, None
        self._generation += 1
        self._result, self.checked = None, False
        self._waiting = False
        if report is not None and report.unit_id is not None:
            if not self.started:  # (the window refreshes its step list after opening a report)
                self._waiting = True
                return
            self._load_last_year()
            self.run_full(sync=True)
        else:
            self.updated.emit()

    def start(self) -> None:
        """The window is on screen: the first check of the open report runs now, in the worker thread."""
        if self.started:
            return
        self.started = True
        if self._waiting and self.report is not None:
            self._waiting = False
            if self.threaded and self.report.id is not None:
                interval = sys.getswitchinterval()  # the worker restores it when done; set here, the thread's
                sys.setswitchinterval(WORKER_SWITCH_INTERVAL)  # start hands the GIL back within 0.5 ms, not 5
                self._future = self._submit(self._first_check, self._generation, self.report.id, interval)
            else:
                self._load_last_year()
                self.run_full()
        elif self.threaded:  # nothing to check yet: load the engine now, not in the middle of the first edit
            self._submit(self._load)

    def _load_last_year(self) -> None:
        report = self.report
        if report is None or report.unit_id is None:
            return
        previous = [s for s in self.store.reports(report.unit_id) if s.year == report.year - 1]
        self.last_year = self.store.load_report(previous[0].id) if previous else None
        if self.last_year is not None and self.kept is not None:
            self.kept(self.last_year)  # its edits not saved yet (the disk full): compared with, as the clerk sees them

    def reload_dictionaries(self) -> None:
        """The unit's wording or rule files changed (e.g. an exception added from the window)."""
        self._load(again=True)
        self.run_full(sync=True)

    # ----- edits ---------------------------------------------------------------------------------
    def text_edited(self, block: Block, item_index: int, paragraph: int | None) -> None:
        """The text of an item changed; paragraph is the one under the cursor (None: not known)."""
        if self._closed:  # the window closed (an editor torn down after it): nothing is checked any more
            return
        self._generation += 1
        self._pending.add((block, item_index, paragraph))
        self._para_timer.start()
        self._full_timer.start()

    def changed(self) -> None:
        """Something else changed (a figure, a field, the order): a full check after the pause."""
        if self._closed:
            return
        self._generation += 1
        self._full_timer.start()

    def recheck_paragraphs(self, sync: bool = False) -> None:
        """The quick re-check of the edited paragraphs (about a millisecond each). After Enter every paragraph
        of the item is re-checked (their numbers moved). The checks run in the worker thread on a copy of the
        edited sections, as the full check does: done on the window's thread, a long item stalled typing (88 ms
        at once; 10-16 ms even in slices). Only putting the findings in place happens here. sync: here and now."""
        self._para_timer.stop()
        report = self.report
        pending, self._pending = self._pending, set()
        # a re-check still under way is dropped when this one takes over (its result would be older): its
        # paragraphs are checked again with these
        pending.update(self._unfinished)
        self._unfinished = []
        if report is None or not pending:
            return
        edited: dict[tuple[Block, int], set[int | None]] = {}  # per item: the edited paragraphs (None: not known)
        for block, item_index, paragraph in pending:
            edited.setdefault((block, item_index), set()).add(paragraph)
        work: list[tuple[Block, int, int]] = []
        scope: list[tuple[Block, int, int | None]] = []  # what the findings replace: a paragraph, or None: all
        for (block, item_index), paragraphs in edited.items():
            section = report.section(block)
            if section is None or not 0 <= item_index < len(section.items):
                continue
            count = len(section.items[item_index].paragraphs)
            # every paragraph once: after Enter (the count changed) the whole item, the paragraphs' numbers moved
            whole = None in paragraphs or self._counts.get((block, item_index)) != count \
                or any(p is not None and p >= count for p in paragraphs)
            self._counts[(block, item_index)] = count
            numbers = [-1, *range(count)] if whole else sorted(p for p in paragraphs if p is not None)
            scope += [(block, item_index, None)] if whole else [(block, item_index, p) for p in numbers]
            work += [(block, item_index, number) for number in numbers]
        self._recheck_token += 1
        if sync or not self.threaded:
            self._paragraphs_done(self._recheck_token, self._generation, scope, self._check_paragraphs(report, work))
            return
        snapshot = _edited_copy(report, {block for block, _, _ in work})
        self._unfinished = scope
        self._submit(self._paragraph_work, self._recheck_token, self._generation, scope, snapshot, work)

    def _check_paragraphs(self, report: Report, work: list[tuple[Block, int, int]]) -> list[Finding]:
        from fzdesk.checks.engine import check_paragraph

        findings: list[Finding] = []
        for block, item_index, number in work:
            findings += check_paragraph(report, self.catalogue, self.wording, block, item_index, number,
                                        last_year=self.last_year, rules=self.rules)
        return findings

    def _paragraph_work(self, token: int, generation: int, scope: list[tuple[Block, int, int | None]],
                        report: Report, work: list[tuple[Block, int, int]]) -> None:
        found: list[Finding] | BaseException
        try:
            with _handing_back_often():
                found = self._check_paragraphs(report, work)
        except Exception as error:  # raised again on the window's thread, where it is seen
            found = error
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self._paragraphs_finished.emit(token, generation, scope, found)

    def _paragraphs_done(self, token: int, generation: int, scope: list[tuple[Block, int, int | None]],
                         found: list[Finding] | BaseException) -> None:
        if isinstance(found, BaseException):
            raise found
        if self._closed or token != self._recheck_token or self.report is None:
            return  # a newer re-check, a full check or another report took over
        self._unfinished = []
        if generation != self._generation:  # typed meanwhile: checked again with the next pause
            self._pending.update(scope)
            self._para_timer.start()
            return
        from fzdesk.checks.engine import sort_findings

        findings = self.result.findings
        replaced = {(block.value, item_index, paragraph) for block, item_index, paragraph in scope}
        findings[:] = [f for f in findings if not (_paragraph_level(f) and (
            (f.location.step, f.location.item_index, None) in replaced
            or (f.location.step, f.location.item_index, f.location.paragraph) in replaced))]
        findings += found
        sort_findings(findings)
        self.updated.emit()

    def run_full(self, sync: bool = False) -> None:
        """Checks the whole report: on a snapshot in a worker thread, or here and now (sync)."""
        self._full_timer.stop()
        report = self.report
        if report is None:
            return
        self._waiting = False  # whatever start() was to do is done now
        if sync or not self.threaded:
            from fzdesk.checks.engine import check_report

            self.recheck_paragraphs(sync=True)
            self._apply(check_report(report, self.unit, self.catalogue, self.rules, self.wording, self.last_year,
                                     self._plan_checks()))
            return
        if self._future is not None and not self._future.done():
            self._full_timer.start()  # one at a time: try again after the pause
            return
        snapshot = copy.deepcopy(report)
        unit = copy.deepcopy(self.unit)
        self._future = self._submit(self._work, self._generation, snapshot, unit, self._plan_checks())

    def _submit(self, fn: Callable[..., object], *args: object) -> Job:
        if self._closed:  # no new thread for a closed window: the work is dropped, as if done already
            dropped = Job(_nothing, ())
            dropped.run()
            return dropped
        if self._worker is None:
            self._worker = Worker("fzdesk-checks")
        return self._worker.submit(fn, *args)

    def _plan_checks(self) -> list[PlanCheck]:
        """The report's checklist of last year's plans, read here on the window's thread (the store's connection
        is not the worker's to use)."""
        if self.report is None or self.report.id is None:
            return []
        from fzdesk.storage.checklist import plan_checks

        checks = plan_checks(self.store, self.report.id)
        return self.kept_marks(checks) if self.kept_marks is not None else checks

    def _first_check(self, generation: int, report_id: int, interval: float) -> None:
        """The first check after start(), in the worker: it reads the report, its unit, last year's report and the
        plan checklist itself, through a read-only connection of its own (copying them on the window's thread
        took ~5 ms there, right after the first paint). Nothing was edited yet: the rows are the open report; an
        edit made meanwhile changes the generation, and the result is then not used."""
        try:  # (the switch interval is WORKER_SWITCH_INTERVAL until the end: see _handing_back_often)
            from fzdesk.storage.checklist import plan_checks
            from fzdesk.storage.uri import read_only_uri  # (not as_uri(): a UNC path's server is no URI authority)

            try:
                conn = sqlite3.connect(read_only_uri(self.store.path), uri=True, check_same_thread=False)
                reader = Store(self.store.folder, conn, None)
                try:
                    report = reader.load_report(report_id)
                    unit = reader.unit(report.unit_id) if report.unit_id is not None else None
                    previous = [s for s in reader.reports(report.unit_id) if s.year == report.year - 1]
                    last_year = reader.load_report(previous[0].id) if previous else None
                    checks = plan_checks(reader, report_id)
                finally:
                    reader.close()
            except (sqlite3.Error, KeyError, OSError):  # the window's thread reads them instead
                with contextlib.suppress(RuntimeError):  # (the window closed meanwhile)
                    self._unread.emit(generation)
                return
            self.last_year = last_year  # (the window's thread waits for this future before it changes report)
            self._work(generation, report, unit, checks)
        finally:
            sys.setswitchinterval(interval)

    def _read_here(self, generation: int) -> None:
        """The worker could not read the report through its own connection: the first check as before."""
        self.wait()
        if generation == self._generation and self.report is not None:
            self._load_last_year()
            self.run_full()

    def _work(self, generation: int, report: Report, unit: Unit | None, checks: list[PlanCheck]) -> None:
        with _handing_back_often():
            from fzdesk.checks.engine import check_report

            result = check_report(report, unit, self.catalogue, self.rules, self.wording, self.last_year, checks)
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self._finished.emit(generation, result)

    def _full_done(self, generation: int, result: CheckResult) -> None:
        if self._closed:  # the worker finished its queued check after shutdown(): nothing is checked again
            return
        if generation != self._generation:  # edited since the snapshot: its spans may be off; check again later
            self._full_timer.start()
            return
        self._apply(result)

    def _apply(self, result: CheckResult) -> None:
        self._recheck_token += 1  # the whole result supersedes paragraph re-checks still under way
        self._unfinished = []
        self._result, self.checked = result, True
        if gc.isenabled():  # on a turn of its own: with the result shown in the same turn, typing waited 10 ms
            QTimer.singleShot(0, _collect_and_freeze)
        report = self.report
        if report is not None:
            self._counts = {(s.block, i): len(item.paragraphs) for s in report.sections
                            for i, item in enumerate(s.items)}
        self.updated.emit()

    def wait(self) -> None:
        """Lets a running full check finish (before the report changes, and when the window closes)."""
        if self._future is not None:
            self._future.result()
            self._future = None

    def shutdown(self) -> None:
        self._para_timer.stop()
        self._full_timer.stop()
        # paragraph re-checks still queued are run by the worker before it ends, but their results are not used:
        # one overtaken by typing would arm the timer again and start a new thread for the closed window
        self._pending.clear()
        self._unfinished = []
        self._recheck_token += 1
        self._closed = True
        if self._worker is not None:
            self._worker.shutdown()
            self._worker = None

    # ----- reading the result --------------------------------------------------------------------
    def open_counts_by_step(self) -> defaultdict[str, dict[Severity, int]]:
        """Undismissed findings per step and severity (a step without any: all zero)."""
        from fzdesk.checks.findings import Severity

        out: defaultdict[str, dict[Severity, int]] = defaultdict(lambda: dict.fromkeys(Severity, 0))
        for f in self.result.open_findings:
            out[f.location.step][f.severity] += 1
        return out

    def findings_at(self, block: Block, item_index: int) -> list[Finding]:
        """Open findings with a text span in one item (for the highlighter and the tooltips)."""
        step = block.value  # (once: an enum's value is a descriptor call, asked per finding at every key)
        return [f for f in self.result.open_findings
                if f.location.step == step and f.location.item_index == item_index
                and f.location.paragraph is not None]

    def findings_of_figures(self) -> dict[str, list[Finding]]:
        out: dict[str, list[Finding]] = {}
        for f in self.result.open_findings:
            if f.location.figure:
                out.setdefault(f.location.figure, []).append(f)
        return out

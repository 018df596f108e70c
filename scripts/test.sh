#!/usr/bin/env bash
# Runs the project's checks: ruff, mypy, then pytest. pytest's status is the script's status, so a run
# that collects no test (pytest exit code 5) fails like any other failure.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/ruff check fzdesk tests benchmarks
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"

"""fzdesk: writes, checks and exports the annual rule-of-law government report."""

from importlib import metadata

try:
    __version__ = metadata.version("fzdesk")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

APP_NAME = "法治政府建设年度报告助手"

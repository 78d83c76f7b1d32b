"""Report stage: the content editors' static HTML report, built from the warehouse.

Reads the claim verdicts and the analyst views (`read_report_data`), renders pages with
jinja2 templates and matplotlib plots (`render_report`), and writes them
(`build_report`, called by `evidence report` and the ``evidence_review`` flow).
"""

from __future__ import annotations

from evidence.report.command import build_report, report_command
from evidence.report.data import ReportData, read_report_data
from evidence.report.render import render_check_page, render_report

__all__ = [
    "ReportData",
    "build_report",
    "read_report_data",
    "render_check_page",
    "render_report",
    "report_command",
]

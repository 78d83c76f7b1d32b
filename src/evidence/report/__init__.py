"""Report stage: the content editors' static HTML report, built from the warehouse.

Reads the claim verdicts and the analyst views (`read_report_data`), renders pages with
jinja2 templates and matplotlib plots (`render_report`), and writes them (`build_report`,
which `evidence.pipeline.report` calls). `check_output` renders the file that
`evidence check --out` writes (.csv, .json, .md, or the report's claims table as .html).
"""

from __future__ import annotations

from evidence.report.build import build_report, data_line_of
from evidence.report.data import ReportData, read_report_data
from evidence.report.render import render_check_page, render_report

__all__ = [
    "ReportData",
    "build_report",
    "data_line_of",
    "read_report_data",
    "render_check_page",
    "render_report",
]

"""Floors of the findings reader's clause rules on Evidence Inference 2.0 validation.

`bench/findings_on_ei.py --split validation` reads each doctor-marked result sentence as the
findings reader reads a clause (`findings.read_statement`) and maps its reading to EI's labels
(see the script). The floors sit a little under the figures measured when the rules were last
changed (macro-F1 0.75, coverage 0.90), so a rule that loses real-text quality fails here. The
test split is never used by the suite.
"""

from __future__ import annotations

from ei_reference import use_evidence_inference

use_evidence_inference()

from ei_data import load_rows  # noqa: E402
from evidence_inference import scores  # noqa: E402
from findings_on_ei import decided, read_row  # noqa: E402

MACRO_F1_FLOOR = 0.73
COVERAGE_FLOOR = 0.87


def test_findings_reader_on_validation_is_above_its_floors() -> None:
    rows = load_rows("validation")
    readings = [read_row(r) for r in rows]
    assert scores(rows, [r.label for r in readings])["macro_f1"] >= MACRO_F1_FLOOR
    assert sum(1 for r in readings if decided(r)) / len(rows) >= COVERAGE_FLOOR

"""Floors of the effect reader on Evidence Inference 2.0 validation (real trial sentences).

The floors sit a little under the figures measured when the reader was last changed
(`bench/evidence_inference.py --split validation`: model 0.80, rules 0.76), so a change that
loses real-text quality fails here. The test split is never used by the suite.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from ei_reference import REPO, use_evidence_inference

use_evidence_inference()

from ei_data import load_rows  # noqa: E402
from evidence_inference import run, scores  # noqa: E402

from evidence.tagging.effects import load_effect_model, read_effect_by_rules  # noqa: E402

MODEL_FLOOR = 0.78
RULES_FLOOR = 0.74


def test_validation_split_is_the_official_one() -> None:
    rows = load_rows("validation")
    assert len(rows) == 468
    assert not {r.pmcid for r in rows} & {r.pmcid for r in load_rows("train")}


def test_model_macro_f1_on_validation_is_above_its_floor() -> None:
    model = load_effect_model()
    assert model is not None
    rows = load_rows("validation")
    assert scores(rows, run(rows, model.read))["macro_f1"] >= MODEL_FLOOR


def test_rules_macro_f1_on_validation_is_above_its_floor() -> None:
    rows = load_rows("validation")
    assert scores(rows, run(rows, read_effect_by_rules))["macro_f1"] >= RULES_FLOOR


@pytest.mark.slow
def test_the_shipped_weights_are_what_the_training_script_makes() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "train_effect_model.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr

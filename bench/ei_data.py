"""Evidence Inference 2.0 rows, for the effect reader's benchmark and its training script.

Reads ../shared/reference/evidence-inference/ (third-party, MIT; see its SOURCES.md): one row
per doctor's annotation, with the evidence text they marked, the prompt (intervention,
comparator, outcome) and the label, in the official 2.0 article split. Writes nothing.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from evidence.tagging.effects import Effect

ROOT = Path(__file__).resolve().parents[1]
EI_DIR = ROOT.parent / "shared" / "reference" / "evidence-inference"
SPLITS = ("train", "validation", "test")
_LABELS: dict[str, Effect] = {
    "significantly increased": "increased",
    "significantly increase": "increased",
    "significantly decreased": "decreased",
    "no significant difference": "no_difference",
}


@dataclass(frozen=True, slots=True)
class EiRow:
    prompt_id: int
    pmcid: int
    evidence: str
    intervention: str
    comparator: str
    outcome: str
    label: Effect


def load_rows(split: str, folder: Path = EI_DIR) -> list[EiRow]:
    """The annotation rows of one split of Evidence Inference 2.0, in file order."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    ids_file = folder / "splits" / f"ev2_{split}_article_ids.txt"
    articles = {int(x) for x in ids_file.read_text(encoding="utf-8").split()}
    with (folder / "prompts_merged.csv").open(encoding="utf-8", newline="") as handle:
        prompts = {(int(r["PromptID"]), int(r["PMCID"])): r for r in csv.DictReader(handle)}
    rows: list[EiRow] = []
    with (folder / "v2_annotations.csv").open(encoding="utf-8", newline="") as handle:
        for r in csv.DictReader(handle):
            pmcid = int(r["PMCID"])
            if pmcid not in articles:
                continue
            prompt = prompts[(int(r["PromptID"]), pmcid)]
            rows.append(
                EiRow(
                    prompt_id=int(r["PromptID"]),
                    pmcid=pmcid,
                    evidence=r["Annotations"],
                    intervention=prompt["Intervention"],
                    comparator=prompt["Comparator"],
                    outcome=prompt["Outcome"],
                    label=_LABELS[r["Label"].strip()],
                )
            )
    return rows

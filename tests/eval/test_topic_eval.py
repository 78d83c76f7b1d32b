"""The tagger and the findings reader hold their floors on the topic set's dev half.

The topic set (tests/eval/topic/) is real studies retold in our own words and labelled by
people who had not read the tagger (LABELLING.md). Only the dev half is scored here; the
test half is measured by hand (`bench/tagging_eval.py --topic test`) and never tuned on.
The floors sit a little under the figures measured when the reader was last changed, so a
change that loses real-text quality fails.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest
import yaml
from lxml import etree

from evidence.models import Article, Finding, Tag
from evidence.pubmed import iter_records
from evidence.tagging import load_vocabulary
from evidence.tagging.evaluation import EvalReport, GoldRecord, load_topic_set, score_records
from evidence.tagging.findings import analyse_article

REPO = Path(__file__).resolve().parents[2]
TOPIC = REPO / "tests" / "eval" / "topic"

FLOORS = {  # dev half: 267 records since the eighth batch
    # measured with the second batch: 0.957, 0.974, 0.953 (tags); 0.925, 0.856, 0.893,
    # 0.744, 0.871 (findings). The first 114 alone: 0.993, 0.981, 1.000; 0.944, 0.865, ...
    # Tags after the second round of tagging rules: 0.988, 0.985, 1.000 (the 35 of the
    # second batch: 0.957, 1.000, 1.000)
    # Findings after the second round of general rules: 0.944, 0.894, 0.950, 0.835, 0.968.
    # With the third batch's 17 dev records (untuned): 0.979, 0.979, 0.994 (tags);
    # 0.961, 0.893, 0.942, 0.791, 0.941 (findings).
    # Third round of tagging rules (designs as the range of abstracts words them, then
    # interventions and conditions): 0.995, 0.986, 1.000 (the third batch: 1.000, 1.000, 1.000).
    # Findings after the third round (rules for failure kinds named from the third batch's
    # dev records, unit-tested on our own sentences): 0.978, 0.899, 0.943, 0.851, 0.971.
    # With the fourth batch's 18 dev records (untuned): 0.984, 0.967, 0.984 (tags; the
    # fourth batch's 18: 0.912, 0.829, 0.833); 0.942, 0.869, 0.938, 0.838, 0.944 (findings).
    # After the fourth round of findings rules (kinds named from the fourth batch's dev
    # records, which are no longer unseen): 0.956, 0.888, 0.939, 0.871, 0.944.
    # Fourth round of tagging rules (tuned on the first three batches, the fourth batch's 18
    # dev records kept for validation); trigger points as an inclusion criterion: 0.984,
    # 0.973, 0.984 (the fourth batch: 0.912, 0.878, 0.833); chronic pain yields to its
    # kinds: 0.984, 0.976, 0.984 (the fourth batch: 0.912, 0.900, 0.833); needles put into
    # trigger points, exercise every arm was advised to do: 0.989, 0.976, 0.984 (the fourth
    # batch: 0.945, 0.900, 0.833); manual therapy of trigger points, 2D/grayscale ultrasound
    # imaging: 0.993, 0.976, 0.984 (the fourth batch: 0.981, 0.900, 0.833); patients
    # counted after the verb ("we included twelve patients") are a series: 0.993, 0.976,
    # 0.989 (the fourth batch: 0.981, 0.900, 0.889); "trigger point therapy (TriT)" given
    # as laser or shockwave: 0.995, 0.976, 0.989 (the fourth batch: 1.000, 0.900, 0.889).
    # With the fifth batch's 22 dev records (untuned): 0.961, 0.961, 0.961 (tags; the fifth
    # batch's 22: 0.778, 0.903, 0.773); 0.906, 0.845, 0.944, 0.842, 0.895 (findings; the
    # fifth batch's: coverage 0.519, direction 0.519).
    # With the fourth round of tagging rules (above, 184 records) and the findings reader's
    # clause rules tuned on Evidence Inference train: 0.971, 0.970, 0.966 (tags); 0.918,
    # 0.858, 0.939, 0.828, 0.895 (findings); the fifth batch's 22, tuned on by neither,
    # unchanged.
    # The outcome-polarity reading (arm order, higher or lower is better) left these as they
    # were but for the fifth batch's direction, 0.519 -> 0.444 (two comparatives that were no
    # outcome of the arms: a dose and subgroup, a cost), 0.850 in all; read only for an
    # outcome compared between the arms: 0.858 in all, the fifth batch's 0.519 again.
    # With the sixth batch's 16 dev records (untuned; the same with and without the polarity
    # reading): 0.964, 0.967, 0.964 (tags; the sixth batch's 16: 0.889, 0.933, 0.938); 0.913,
    # 0.854, 0.929, 0.798, 0.895 (findings; the sixth batch's: coverage 0.857, direction 0.810).
    # Percutaneous needle electrolysis tagged electrical_stimulation (the labelling row added
    # for the fifth batch): 0.972, 0.967, 0.964 (tags; the fifth batch's 22: 0.900; the sixth
    # batch's 16: 0.870, its 93001412 and the third batch's 93000330 were labelled before the
    # row and leave electrolysis unlisted); findings 0.929, 0.870, 0.931, 0.782, 0.895: four
    # findings more are matched, three of them with the comparator wrong, so the comparator
    # share falls while coverage and direction rise.
    # Designs as classes (the DESIGN CLASSES table in taggers.py; tuned on batches 1-5, the
    # sixth kept for validation): 0.972, 0.967, 0.991 (tags; the fifth batch's design 0.773
    # -> 1.000, the sixth's 0.938 -> 1.000; the first batch's 0.982: 93000006 and 93000131
    # were labelled rct for groups never said to be random, which the fourth and fifth
    # batches label controlled_trial); findings 0.929, 0.870, 0.931, 0.787, 0.895.
    # A drug arm (lidocaine, botulinum toxin) in a trigger point record is a trigger point
    # injection; massage by roller or by its own names; exercise people were told to keep up
    # is not studied: 0.978, 0.967, 0.991 (the fifth batch's intervention 0.900 -> 0.951, the
    # sixth's unchanged at 0.870); findings unchanged.
    # Ultrasound as a surgeon's tool (assisted liposuction, HIFU however hyphenated, the
    # ultrasonic scalpel) is not therapeutic ultrasound: 0.981 (the fifth batch's 0.983);
    # two extra findings fewer.
    # Scope rules (a complication word inside a condition's name, "nobody reported an adverse
    # side effect", a condition named only where no result is stated, arm labels): 0.925,
    # 0.866, 0.930, 0.800, 0.921 (the fifth batch: 0.630, 0.630; the sixth: 0.857, 0.810);
    # a safety finding for each condition the title names: 0.929, 0.870, 0.930, 0.800, 0.947.
    # With the seventh batch's 25 dev records (untuned): 0.957, 0.957, 0.947 (tags; the seventh
    # batch's 25: 0.870, 0.828, 0.800); 0.883, 0.828, 0.928, 0.797, 0.854 (findings; the
    # seventh batch's: coverage 0.500, direction 0.500).
    # The scope rules (above) with the seventh batch's records, which they never saw: 0.901,
    # 0.847, 0.928, 0.799, 0.927 (the seventh batch's: coverage 0.550, direction 0.550).
    # With the design classes and intervention rules (above) too, the seventh batch unseen by
    # both rounds: 0.974, 0.957, 0.976 (tags; the seventh batch's 0.894, 0.828, 0.840); 0.920,
    # 0.865, 0.930, 0.790, 0.927 (findings; the seventh batch's coverage and direction 0.600).
    # Condition classes, tuned on all seven batches: chronic pelvic, abdominal or chest wall
    # pain is no condition (unlisted), trigger points found on entry ("palpable",
    # "identifiable") are myofascial pain: 0.974, 0.969, 0.984 (the seventh batch's
    # condition 0.828 -> 1.000); 0.938, 0.883, 0.931, 0.789, 0.951 (findings). People
    # enrolled for trigger points named by their muscle ("people with upper trapezius trigger
    # points"): condition 0.971 (the sixth batch's 0.933 -> 0.968); findings 0.942, 0.887,
    # 0.927, 0.785, 0.951 (two findings of the sixth batch newly matched, comparator wrong).
    # Intervention classes (stretching as a treatment; exercise that goes with the studied
    # treatment): intervention 0.986 (the sixth batch 0.870 -> 0.933, the seventh 0.894 ->
    # 0.957); findings 0.949, 0.894, 0.928, 0.796, 0.951. Design classes (one treated group
    # called a prospective or retrospective study, groups compared with confounding adjusted,
    # a design named for the record in its conclusion, a symptom "survey"): design 1.000 (the
    # seventh batch 0.840 -> 1.000); findings 0.949, 0.894, 0.928, 0.801, 0.951.
    # Microfocused ultrasound and massage guns are neither therapeutic ultrasound nor
    # massage; the pain of a named joint disease without an id is its symptom: 0.990, 0.974,
    # 1.000 (the seventh batch's intervention 0.957 -> 1.000, the fifth's condition 0.903 ->
    # 0.933); findings 0.953, 0.898, 0.928, 0.802, 0.951. The population of future studies
    # or of a use the method could have is not studied: condition 0.978 (the fifth batch's
    # 0.933 -> 0.966); findings 0.960, 0.901, 0.929, 0.799, 0.951. Muscle energy technique
    # is a soft-tissue technique, not manual therapy: intervention 0.991 (the sixth batch's
    # 0.933 -> 0.955); findings 0.960, 0.901, 0.929, 0.808, 0.951. Studies of a treatment a
    # review excluded: intervention 0.993 (the sixth batch's 0.955 -> 0.977).
    # Findings rules tuned on every dev batch (co-treatments, two forms of one treatment, a
    # result that hangs on the dose, a control arm given a drug, harms said to be rare):
    # 0.927, 0.872, 0.931, 0.801, 0.927 (the seventh batch's coverage and direction 0.700).
    # With the eighth batch's 20 dev records (untuned; the speed round's matcher changes, same
    # output): 0.965, 0.947, 0.974 (tags; the eighth batch's 0.851, 0.833, 0.850); 0.911, 0.853,
    # 0.930, 0.790, 0.927 (findings; the eighth batch's coverage 0.789, direction 0.684).
    # Round 7 together (findings rules and tag classes, tuned on every batch but the eighth):
    # 0.982, 0.967, 0.989 (tags); 0.962, 0.901, 0.930, 0.819, 0.951 (findings); the eighth
    # batch's 20, unseen, unchanged in every figure (0.851, 0.833, 0.850; coverage 0.789,
    # direction 0.684).
    # With the ninth batch's 14 dev records (untuned; 281 records): 0.976, 0.965, 0.986 (tags;
    # the ninth batch's 0.878, 0.929, 0.929); 0.956, 0.895, 0.897, 0.797, 0.952 (findings; the
    # ninth batch's coverage 0.864, direction 0.818, certainty 0.444, comparator 0.500).
    # Myofascial pain named with its site ("myofascial orofacial pain", "myofascial
    # temporomandibular disorders"): condition 0.971 (the eighth batch's 0.833 -> 0.923, the
    # ninth's 0.929 -> 0.966); findings 0.959, 0.898, 0.897, 0.798, 0.952 (the eighth batch's
    # coverage 0.789 -> 0.842, direction 0.684 -> 0.737). 93000330 and 93001412 relabelled
    # for percutaneous needle electrolysis (electrical_stimulation): intervention 0.979;
    # findings 0.959, 0.899, 0.898, 0.795, 0.953. A result, then a measure that did not move
    # (", with no significant change in uterine tone"), is two clauses: direction 0.903 (the
    # eighth batch's 0.737 -> 0.789). Design classes (a treated group against a control group;
    # a series of patients described at length, or followed; one group split by a baseline
    # measure) and a case series's no-harm statement: design 0.996 (the eighth batch's 0.850
    # -> 0.950, the ninth's 0.929 -> 1.000); findings 0.959, 0.903, 0.898, 0.803, 0.953.
    # Measured "before treatment and 6 weeks afterwards", and the arm that is a limb: design
    # 1.000. "Ultrasound (US)-guided" is guidance: intervention 0.981.
    # Safety, direction and design classes from sentences of our own (no dev figure moved).
    # With the tenth batch's 20 dev records (untuned; 301 records): 0.975, 0.967, 0.997
    # (tags; the tenth batch's 0.912, 0.897, 0.950); 0.962, 0.886, 0.899, 0.787, 0.953
    # (findings; the tenth batch's coverage 1.000, direction 0.652, comparator 0.609). Its
    # classes ("cannot be concluded", "neither X nor Y gave any further benefit", a second
    # arm after "than the control and", usual care every arm had): 0.962, 0.891, 0.902,
    # 0.780, 0.953. With the eleventh batch's 16 dev records (untuned; 317 records): 0.974,
    # 0.962, 0.991 (tags; the eleventh batch's 0.941, 0.842, 0.875); 0.958, 0.887, 0.900,
    # 0.786, 0.932 (findings; the eleventh batch's coverage 0.857, direction 0.786, safety 0
    # of its 1 safety finding). Findings rules from batteries of whole abstracts of our own:
    # comparator 0.793; the eleventh batch's classes (one arm "preferred" to another, harm
    # to patients reported by none): 0.963, 0.893, 0.897, 0.790, 0.955. With the twelfth
    # batch's 20 dev records (untuned; two narrative reviews relabelled to the written rules;
    # 337 records): 0.969, 0.963, 0.973 (tags; the twelfth batch's 0.884, 0.938, 0.700);
    # 0.952, 0.883, 0.886, 0.776, 0.933 (findings). Its design classes (a hospital's own
    # database searched for its patients, records assessed retrospectively, the author who
    # reviews the literature, a title that says "narrative review", people recruited and
    # each given the treatment): design 0.988 (the twelfth batch's 0.700 -> 0.950);
    # comparator 0.789. "ACUTENS": coverage 0.955, direction 0.886. With the thirteenth
    # batch's 23 dev records (untuned) and 93001315 removed (it retold a test record's
    # abstract; 359 records): 0.966, 0.959, 0.969 (tags; the thirteenth batch's 0.926, 0.889,
    # 0.696); 0.953, 0.875, 0.882, 0.770, 0.915 (findings).
    "intervention.f1": 0.96,
    "condition.f1": 0.955,
    "design.accuracy": 0.965,
    "finding.coverage": 0.945,
    "finding.direction_accuracy": 0.87,
    "finding.certainty_accuracy": 0.875,
    "finding.comparator_accuracy": 0.765,
    "finding.safety_accuracy": 0.91,
}
# the matched scorer (every labelled finding of a pair, paired one to one with ours; see
# evidence.tagging.evaluation): measured 0.865, 0.795, 0.929, 0.830, 0.941 when introduced;
# 0.905, 0.825, 0.946, 0.878, 0.971 after the third round of findings rules (166 records);
# with the fourth batch's 18 dev records (untuned): 0.842, 0.776, 0.941, 0.870, 0.944;
# after the fourth round of findings rules: 0.896, 0.838, 0.945, 0.918, 0.944;
# with the fifth batch's 22 dev records (untuned): 0.839, 0.788, 0.949, 0.893, 0.895;
# with the fourth round of tagging rules and the EI-tuned clause rules: 0.847, 0.796, 0.944,
# 0.884, 0.895; the outcome-polarity reading: direction 0.788 (the fifth batch 0.424 ->
# 0.364), read only for an outcome compared between the arms: 0.796 (the fifth batch 0.424);
# with the sixth batch's 16 dev records (untuned): 0.845, 0.794, 0.935, 0.852, 0.895;
# percutaneous needle electrolysis tagged electrical_stimulation: comparator 0.841 (findings
# newly matched, with their comparator wrong)
# the scope rules: 0.855, 0.804, 0.936, 0.853, 0.921; a safety finding for each condition
# the title names: 0.858, 0.807, 0.936, 0.853, 0.947
# with the seventh batch's 25 dev records (untuned): 0.820, 0.773, 0.933, 0.853, 0.854;
# the scope rules with them (the seventh batch unseen by the rules): 0.836, 0.789, 0.934,
# 0.855, 0.927; with the design classes and intervention rules too: 0.852, 0.804, 0.935,
# 0.849, 0.927; with the eighth batch's 20 dev records (untuned): 0.848, 0.798, 0.935, 0.846,
# 0.927. Round 7, tuned on all seven batches (the eighth unseen): the findings rules 0.869,
# 0.818, 0.937, 0.862, 0.927; the condition, intervention and design classes with them (some
# findings newly paired with labels the findings reader gets wrong: 93001509's add-on
# comparator, 93001315's certainty): 0.902, 0.845, 0.932, 0.879, 0.951; with the ninth
# batch's 14 dev records (untuned): 0.900, 0.847, 0.905, 0.859, 0.952; myofascial pain
# named with its site: 0.903, 0.850, 0.905, 0.859, 0.952; the electrolysis relabelling:
# 0.903, 0.851, 0.906, 0.860, 0.953; a measure that did not move, its own clause: direction
# 0.854; the design classes: comparator 0.867; with the tenth batch (untuned): 0.907,
# 0.840, 0.907, 0.849, 0.953; its classes: 0.907, 0.851, 0.910, 0.849, 0.953; with the
# eleventh batch (untuned): 0.905, 0.848, 0.907, 0.851, 0.932; its classes and the batteries'
# rules: 0.915, 0.858, 0.905, 0.856, 0.955; with the twelfth (untuned): 0.908, 0.854, 0.895,
# 0.840, 0.933; with the thirteenth (untuned) and 93001315 removed: 0.909, 0.847, 0.899,
# 0.836, 0.915
MATCHED_FLOORS = {
    "finding.coverage": 0.895,
    "finding.direction_accuracy": 0.84,
    "finding.certainty_accuracy": 0.89,
    "finding.comparator_accuracy": 0.83,
    "finding.safety_accuracy": 0.91,
}


Predictions = list[tuple[int, list[Tag], list[Finding]]]


@pytest.fixture(scope="module")
def dev() -> tuple[dict[int, GoldRecord], Predictions]:
    vocab = load_vocabulary(REPO / "data" / "vocab")
    paths, gold = load_topic_set(TOPIC, "dev")
    predictions = []
    for path in paths:
        for record in iter_records(path):
            if isinstance(record, Article):
                tags, findings = analyse_article(record, vocab)
                predictions.append((record.pmid, tags, findings))
    return gold, predictions


@pytest.fixture(scope="module")
def report(dev: tuple[dict[int, GoldRecord], Predictions]) -> EvalReport:
    return score_records(*dev)


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_dev_half_holds_its_floor(report: EvalReport, metric: str) -> None:
    value = report.metrics()[metric]
    assert value >= FLOORS[metric], f"{metric} = {value:.3f} < {FLOORS[metric]}"


@pytest.mark.parametrize("metric", sorted(MATCHED_FLOORS))
def test_dev_half_holds_its_floor_every_labelled_finding(
    dev: tuple[dict[int, GoldRecord], Predictions], metric: str
) -> None:
    value = score_records(*dev, matched=True).metrics()[metric]
    assert value >= MATCHED_FLOORS[metric], f"{metric} = {value:.3f} < {MATCHED_FLOORS[metric]}"


def test_every_record_is_split_and_well_formed() -> None:
    """Labels that a scorer can trust: every record is in one half, its XML parses, its
    PMID matches its folder, and each finding's sentence is the record's own."""
    halves = dict(
        line.split()
        for line in (TOPIC / "split.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    )
    folders = sorted(p for p in (TOPIC / "records").iterdir() if p.is_dir())
    assert len(folders) >= 150
    assert {p.name for p in folders} == set(halves)
    assert set(halves.values()) == {"dev", "test"}
    for folder in folders:
        gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
        assert str(gold["pmid"]) == folder.name
        assert (folder / "SOURCES.md").stat().st_size > 0
        root = etree.parse(str(folder / "record.xml"))
        assert root.findtext(".//PMID") == folder.name
        journal = root.findtext(".//Journal/Title")
        assert journal == "Retold Real Study (evidence topic set)", folder.name
        text = " ".join(" ".join(t.itertext()) for t in root.iter("AbstractText"))
        text = " ".join(html.unescape(text).split())
        for finding in gold.get("findings") or ():
            sentence = " ".join(str(finding["sentence"]).split())
            assert sentence in text, f"{folder.name}: sentence not in the abstract"


def test_the_second_labels_are_well_formed() -> None:
    """The blind second labelling (`second/`, `bench/topic_agreement.py`): each file labels a
    record of the set with the vocabulary's ids, and each finding quotes that record."""
    from evidence.tagging import load_vocabulary
    from evidence.tagging.evaluation import labels_as_prediction, topic_record

    vocab = load_vocabulary(TOPIC.parents[2] / "data" / "vocab")
    files = sorted((TOPIC / "second").glob("*.yaml"))
    assert len(files) >= 30
    for path in files:
        entry = yaml.safe_load(path.read_text(encoding="utf-8"))
        record = TOPIC / "records" / path.stem
        assert str(entry["pmid"]) == path.stem and record.is_dir(), path.name
        topic_record(entry)
        tags, findings = labels_as_prediction(entry)
        for tag in tags:
            if tag.dimension not in ("design", "population"):
                assert tag.value in vocab.ids(tag.dimension), (path.name, tag.value)
        root = etree.parse(str(record / "record.xml"))
        text = " ".join(" ".join(t.itertext()) for t in root.iter("AbstractText"))
        text = " ".join(html.unescape(text).split())
        for finding in findings:
            assert " ".join(finding.sentence.split()) in text, f"{path.name}: sentence not quoted"

"""load_vocabulary: the files in data/vocab, validation errors, fingerprint, re-tagging."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from tagging_builders import REPO, VOCAB_DIR, article

from evidence.errors import InputError, VocabularyError
from evidence.models import DIMENSIONS
from evidence.tagging import Term, Vocabulary, load_vocabulary, tag_article

CONTRACT = REPO.parent / "shared" / "evidence-contract.md"


def contract_ids() -> dict[str, set[str]]:
    """The minimum ids per dimension, read from the contract's vocabulary section."""
    if not CONTRACT.exists():
        pytest.skip(f"{CONTRACT} is absent: the contract lives in the shared folder")
    text = CONTRACT.read_text(encoding="utf-8")
    section = text.split("## Controlled vocabulary", 1)[1].split("\n## ", 1)[0]
    ids: dict[str, set[str]] = {}
    for item in re.split(r"\n- ", section)[1:]:
        dimension, _, rest = item.partition(":")
        rest = re.sub(r"\([^)]*\)", "", rest)  # drop explanations such as "(manual: ...)"
        ids[dimension.strip()] = set(re.findall(r"`([a-z_]+)`", rest))
    return ids


def copy_vocab(tmp_path: Path) -> Path:
    folder = tmp_path / "vocab"
    shutil.copytree(VOCAB_DIR, folder)
    return folder


def rewrite(path: Path, change: object) -> None:
    """Apply ``change(document)`` to a YAML file."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(document)  # type: ignore[operator]
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")


def test_every_contract_id_is_in_the_vocabulary(vocab: Vocabulary) -> None:
    expected = contract_ids()
    assert set(expected) == set(DIMENSIONS)
    for dimension, ids in expected.items():
        assert ids, dimension
        assert ids <= vocab.ids(dimension), (dimension, ids - vocab.ids(dimension))


def test_term_exposes_label_mesh_and_informs(vocab: Vocabulary) -> None:
    term = vocab.term("condition", "herniated_disc")
    assert isinstance(term, Term)
    assert term.label and term.mesh == ("D007405",)
    assert term.informs == ("radiculopathy",)
    assert vocab.term("intervention", "therapeutic_ultrasound").mesh == ("D014465",)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        pytest.param(lambda v: v.term("intervention", "dry_needle"), "dry_needle", id="term"),
        pytest.param(lambda v: v.ids("colour"), "colour", id="dimension"),
    ],
)
def test_unknown_ids_are_vocabulary_errors(vocab: Vocabulary, call: object, message: str) -> None:
    with pytest.raises(VocabularyError, match=message):
        call(vocab)  # type: ignore[operator]


def test_every_informs_target_is_a_condition(vocab: Vocabulary) -> None:
    for term in vocab.terms["condition"]:
        assert set(term.informs) <= vocab.ids("condition"), term.id


def _duplicate(document: dict) -> None:  # type: ignore[type-arg]
    document["terms"].append(dict(document["terms"][0]))


def _term(key: str, value: object):  # type: ignore[no-untyped-def]
    def change(document: dict) -> None:  # type: ignore[type-arg]
        document["terms"][1][key] = value

    return change


@pytest.mark.parametrize(
    ("file", "change", "message"),
    [
        pytest.param("condition.yaml", _duplicate, "duplicate id 'low_back_pain'", id="duplicate"),
        pytest.param(
            "intervention.yaml",
            _term("mesh", [{"ui": "D12345", "name": "Dry Needling"}]),
            "term 'dry_needling': mesh.0.ui: unknown MeSH UI format 'D12345'",
            id="mesh-ui-format",
        ),
        pytest.param(
            "outcome.yaml",
            _term("qualifiers", [{"ui": "X000009", "name": "adverse effects"}]),
            "unknown MeSH UI format 'X000009'",
            id="qualifier-ui-format",
        ),
        pytest.param(
            "intervention.yaml", _term("patterns", ["  "]), "empty pattern", id="empty-pattern"
        ),
        pytest.param(
            "intervention.yaml", _term("synonyms", [""]), "empty pattern", id="empty-synonym"
        ),
        pytest.param(
            "intervention.yaml",
            _term("patterns", ["dry (needl"]),
            "invalid regex 'dry \\(needl'",
            id="invalid-regex",
        ),
        pytest.param(
            "intervention.yaml", _term("exclude", ["[a-"]), "invalid regex", id="invalid-exclude"
        ),
        pytest.param(
            "intervention.yaml",
            _term("colour", "blue"),
            "colour: unknown field",
            id="unknown-field",
        ),
        pytest.param(
            "condition.yaml",
            _term("informs", ["sciatica_pain"]),
            "unknown or self reference 'sciatica_pain'",
            id="informs-unknown",
        ),
        pytest.param(
            "intervention.yaml",
            _term("informs", ["massage"]),
            "informs is for conditions",
            id="informs-not-condition",
        ),
        pytest.param(
            "intervention.yaml",
            _term("generic", ["needles"]),
            "are not synonyms of the term",
            id="generic-not-synonym",
        ),
        pytest.param(
            "design.yaml",
            lambda d: d.update(dimension="designs"),
            "dimension is 'designs', not 'design'",
            id="wrong-dimension",
        ),
    ],
)
def test_invalid_files_raise_one_line_errors_naming_file_and_id(
    tmp_path: Path, file: str, change: object, message: str
) -> None:
    folder = copy_vocab(tmp_path)
    rewrite(folder / file, change)
    with pytest.raises(
        VocabularyError, match=re.escape(message) if "\\" not in message else message
    ) as caught:
        load_vocabulary(folder)
    text = str(caught.value)
    assert text.startswith(str(folder / file))
    assert "\n" not in text
    assert isinstance(caught.value, InputError)


def test_error_names_the_line_of_the_term(tmp_path: Path) -> None:
    folder = copy_vocab(tmp_path)
    path = folder / "population.yaml"
    path.write_text(
        "dimension: population\nterms:\n  - id: human\n    label: Humans\n"
        "  - id: animal\n    label: Animals\n    mesh:\n      - {ui: D0008, name: Animals}\n",
        encoding="utf-8",
    )
    with pytest.raises(VocabularyError, match=r"population\.yaml:5: term 'animal': mesh\.0\.ui"):
        load_vocabulary(folder)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("dimension: [unclosed\n", r"population\.yaml:2: ", id="not-yaml"),
        pytest.param("- just a list\n", "population.yaml", id="not-a-mapping"),
    ],
)
def test_malformed_yaml_is_a_vocabulary_error(tmp_path: Path, text: str, message: str) -> None:
    folder = copy_vocab(tmp_path)
    (folder / "population.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(VocabularyError, match=message):
        load_vocabulary(folder)


def test_missing_file_is_a_vocabulary_error(tmp_path: Path) -> None:
    folder = copy_vocab(tmp_path)
    (folder / "outcome.yaml").unlink()
    with pytest.raises(VocabularyError, match=r"outcome\.yaml: cannot read"):
        load_vocabulary(folder)


def test_claims_definitions_file_is_ignored(tmp_path: Path, vocab: Vocabulary) -> None:
    folder = copy_vocab(tmp_path)
    (folder / "definitions.yaml").write_text("anything: [the claims engine's own]\n", "utf-8")
    assert load_vocabulary(folder).fingerprint == vocab.fingerprint


def test_fingerprint_follows_content_not_comments(tmp_path: Path, vocab: Vocabulary) -> None:
    folder = copy_vocab(tmp_path)
    path = folder / "intervention.yaml"
    path.write_text("# another comment\n" + path.read_text("utf-8"), "utf-8")
    assert load_vocabulary(folder).fingerprint == vocab.fingerprint
    assert re.fullmatch(r"[0-9a-f]{64}", vocab.fingerprint)


def test_retagging_after_a_vocabulary_change_gives_new_tags(
    tmp_path: Path, vocab: Vocabulary
) -> None:
    record = article("Cupping and gua sha for neck pain")
    before = tag_article(record, vocab)
    folder = copy_vocab(tmp_path)

    def add_gua_sha(document: dict) -> None:  # type: ignore[type-arg]
        document["terms"].append({"id": "gua_sha", "label": "Gua sha", "synonyms": ["gua sha"]})

    rewrite(folder / "intervention.yaml", add_gua_sha)
    changed = load_vocabulary(folder)
    after = tag_article(record, changed)
    assert changed.fingerprint != vocab.fingerprint
    assert "gua_sha" not in {t.value for t in before}
    assert "gua_sha" in {t.value for t in after}
    assert before != after

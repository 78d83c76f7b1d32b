"""The lay-terms file of the drafter (data/drafting/lay-terms.yaml): loading and checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence.drafting.drafter import _known_ids
from evidence.drafting.lay_terms import DEFAULT_PATH, check_ids, load_lay_terms
from evidence.errors import VocabularyError
from evidence.tagging import Vocabulary


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "lay-terms.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_file_loads_and_every_id_is_in_the_vocabulary(vocab: Vocabulary) -> None:
    terms = load_lay_terms()
    assert terms.path == DEFAULT_PATH.resolve()
    assert terms.phrases and terms.short_names and terms.body_parts["neck"] == "neck_pain"
    check_ids(terms, _known_ids(vocab))  # raises on an unknown id


def test_loaded_once_per_path(tmp_path: Path) -> None:
    path = _write(tmp_path, "lay_terms:\n  - {id: neck_pain, dimension: condition, phrases: [a]}\n")
    assert load_lay_terms(path) is load_lay_terms(path)


def test_plain_phrases_match_whole_words_in_any_spacing(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "lay_terms:\n  - id: chronic_pain\n    dimension: condition\n"
        "    phrases: [Long Haul Pain]\n",
    )
    (term,) = load_lay_terms(path).phrases
    assert term.term == "chronic_pain" and term.dimension == "condition"
    assert term.pattern.search("years of long  haul pain")
    assert not term.pattern.search("long haul painting")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("lay_terms: 3\n", "lay_terms: expected a list of entries"),
        ("lay_terms:\n  - dimension: condition\n", "lay_terms entry 1: missing or malformed id"),
        (
            "lay_terms:\n  - {id: neck_pain, dimension: organ, phrases: [a]}\n",
            "lay_terms entry 1 (neck_pain): dimension must be one of",
        ),
        (
            "lay_terms:\n  - {id: neck_pain, dimension: condition}\n",
            "lay_terms entry 1 (neck_pain): no phrases and no patterns",
        ),
        (
            "lay_terms:\n  - {id: neck_pain, dimension: condition, patterns: ['(a']}\n",
            "lay_terms entry 1 (neck_pain): bad pattern",
        ),
        (
            "lay_terms:\n  - {id: neck_pain, dimension: condition, phrase: [a]}\n",
            "lay_terms entry 1 (neck_pain): unknown key 'phrase'",
        ),
        (
            "lay_terms:\n  - {id: neck_pain, dimension: condition, phrases: neck}\n",
            "phrases: expected a list of non-empty strings",
        ),
        ("body_parts:\n  neck: [neck_pain]\n", "body_parts: 'neck': expected a condition id"),
        ("colours: {}\n", "unknown section 'colours'"),
        ("lay_terms: [\n", "not valid YAML"),
    ],
)
def test_a_malformed_entry_is_a_one_line_error_naming_file_and_entry(
    tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(VocabularyError) as caught:
        load_lay_terms(_write(tmp_path, text))
    shown = str(caught.value)
    assert shown.startswith(str(tmp_path / "lay-terms.yaml") + ": ")
    assert message in shown and "\n" not in shown


def test_an_unknown_id_is_a_one_line_error_naming_file_and_entry(
    tmp_path: Path, vocab: Vocabulary
) -> None:
    path = _write(
        tmp_path,
        "lay_terms:\n  - {id: neck_pain, dimension: condition, phrases: [crick]}\n"
        "  - {id: neck_painn, dimension: condition, phrases: [stiff neck]}\n",
    )
    with pytest.raises(VocabularyError) as caught:
        check_ids(load_lay_terms(path), _known_ids(vocab))
    assert str(caught.value) == (
        f"{tmp_path / 'lay-terms.yaml'}: lay_terms entry 2 (neck_painn): "
        "unknown condition id 'neck_painn'"
    )


def test_a_file_nested_too_deep_or_too_big_is_refused_in_one_line(tmp_path: Path) -> None:
    # editors write this file: it is read with the caps of claims files and query sets
    deep = tmp_path / "deep"
    deep.mkdir()
    with pytest.raises(VocabularyError) as caught:
        load_lay_terms(_write(deep, "lay_terms: " + "[" * 40 + "]" * 40 + "\n"))
    assert "nested more than" in str(caught.value) and "\n" not in str(caught.value)
    big = tmp_path / "big"
    big.mkdir()
    with pytest.raises(VocabularyError) as caught:
        load_lay_terms(_write(big, "# padding\n" * 200_000))
    assert "larger than" in str(caught.value) and "\n" not in str(caught.value)

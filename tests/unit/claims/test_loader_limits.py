"""Claims files and query sets that are too deep or too big are bad input: one line naming
the file, exit 2, never a RecursionError or gigabytes of YAML nodes."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from evidence.claims.claims_file import load_claims
from evidence.cli import app
from evidence.entrez.queries import load_query_set
from evidence.errors import ClaimsFileError, QuerySetError
from evidence.tagging import Vocabulary

HEAD = "claims:\n  - id: C01\n    kind: effectiveness\n    intervention: dry_needling\n"
LEVELS = 1000
MAX_DEPTH = 32  # evidence.yamlfiles.MAX_DEPTH
MAX_YAML_BYTES = 1 << 20  # evidence.yamlfiles.MAX_YAML_BYTES


def block_nested(levels: int) -> str:
    """``levels`` mappings, one inside the other, one per line."""
    return "".join(f"{'  ' * (i + 2)}k{i}:\n" for i in range(levels)) + f"{'  ' * (levels + 2)}x\n"


NESTED = {
    "block": HEAD + "    text:\n" + block_nested(LEVELS),
    "flow": HEAD + "    text: " + "[" * LEVELS + "]" * LEVELS + "\n",
}


@pytest.mark.parametrize("style", NESTED)
def test_deeply_nested_claims_file_is_one_line(
    vocab: Vocabulary, tmp_path: Path, style: str
) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(NESTED[style], encoding="utf-8")
    with pytest.raises(ClaimsFileError) as info:
        load_claims(path, vocab)
    message = str(info.value)
    assert message.startswith(f"{path}:")
    assert f"nested more than {MAX_DEPTH} levels deep" in message
    assert "\n" not in message


def test_cli_deeply_nested_claims_exit_2_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(NESTED["block"], encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"evidence: error: {path}:")


def test_nesting_up_to_the_cap_is_still_read_as_yaml(vocab: Vocabulary, tmp_path: Path) -> None:
    # The cap is on YAML structure, far above what a claims file needs: a nested text is
    # refused by the claims format, not by the depth limit.
    path = tmp_path / "nested.yaml"
    path.write_text(HEAD + "    text: " + "[" * 20 + "]" * 20 + "\n", encoding="utf-8")
    with pytest.raises(ClaimsFileError) as info:
        load_claims(path, vocab)
    assert "levels deep" not in str(info.value)


def test_oversized_claims_file_is_refused_unread(vocab: Vocabulary, tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    padding = "# " + "x" * 97 + "\n"
    path.write_text(HEAD + "    text: t\n" + padding * (MAX_YAML_BYTES // 100 + 1), "utf-8")
    with pytest.raises(ClaimsFileError) as info:
        load_claims(path, vocab)
    assert str(info.value) == (
        f"{path}: larger than 1 MiB ({path.stat().st_size:,} bytes); a claims file"
        " is a few KB: is this the right file?"
    )


QS_HEAD = "queries:\n  - name: q\n    term: "


def test_deeply_nested_query_set_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(QS_HEAD + "[" * LEVELS + "]" * LEVELS + "\n", encoding="utf-8")
    with pytest.raises(QuerySetError) as info:
        load_query_set(path)
    assert str(info.value).startswith(f"{path}:")
    assert f"nested more than {MAX_DEPTH} levels deep" in str(info.value)


def test_oversized_query_set_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text(QS_HEAD + "x\n" + "#" * MAX_YAML_BYTES + "\n", encoding="utf-8")
    with pytest.raises(QuerySetError) as info:
        load_query_set(path)
    assert str(info.value).startswith(f"{path}: larger than 1 MiB")

"""MEDLINE text ("PubMed format") files read into the same Article records as XML."""

from __future__ import annotations

import gzip
import io
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evidence.cli import app
from evidence.errors import XmlParseError
from evidence.models import AbstractSection, ArticleLink, MeshHeading, MeshQualifier
from evidence.pubmed import iter_medline, sniff_medline
from evidence.store import connect

# A synthetic record in MEDLINE text format (invented content).
SYNTHETIC = """
PMID- 90100001
OWN - NLM
STAT- MEDLINE
DCOM- 20210304
LR  - 20220110
IS  - 0000-0001 (Electronic)
DP  - 2020 Nov-Dec
TI  - Dry needling for chronic neck pain: a randomized sham-controlled trial
      (synthetic).
LID - 10.99999/synthetic.1 [doi]
AB  - BACKGROUND: Neck pain is common. METHODS: Sixty adults were randomized to dry
      needling or sham. RESULTS: Pain fell more after dry needling (p = 0.01).
      CONCLUSIONS: Dry needling reduced neck pain in the short term.
FAU - Doe, Jane
AU  - Doe J
CN  - Synthetic Trial Group
LA  - eng
PT  - Randomized Controlled Trial
PT  - Journal Article
TA  - Synth Demo J
JT  - Synthetic Demo Journal
MH  - *Neck Pain/*therapy/rehabilitation
MH  - Humans
OT  - dry needling
RIN - Synth Demo J. 2022;1:1. PMID: 90100002
PMC - PMC9000001
"""


def read(text: str) -> list[object]:
    return list(iter_medline(io.BufferedReader(io.BytesIO(text.encode())), name="x.txt"))


def test_fields_map_onto_the_article_model() -> None:
    (article,) = read(SYNTHETIC)
    assert article.pmid == 90100001
    assert (
        article.title
        == "Dry needling for chronic neck pain: a randomized sham-controlled trial (synthetic)."
    )
    assert (article.pub_year, article.pub_date, article.pub_date_raw) == (
        2020,
        date(2020, 11, 1),
        "2020 Nov-Dec",
    )
    assert (article.date_revised, article.date_completed) == (date(2022, 1, 10), date(2021, 3, 4))
    assert article.doi == "10.99999/synthetic.1" and article.pmcid == "PMC9000001"
    assert article.abstract_sections[0] == AbstractSection(
        "BACKGROUND", "BACKGROUND", "Neck pain is common."
    )
    assert [s.nlm_category for s in article.abstract_sections] == [
        "BACKGROUND",
        "METHODS",
        "RESULTS",
        "CONCLUSIONS",
    ]
    assert article.mesh_headings[0] == MeshHeading(
        None,
        "Neck Pain",
        True,
        (MeshQualifier(None, "therapy", True), MeshQualifier(None, "rehabilitation", False)),
    )
    assert [a.collective_name or a.last_name for a in article.authors] == [
        "Doe",
        "Synthetic Trial Group",
    ]
    assert article.links == (ArticleLink("RetractionIn", 90100002, "Synth Demo J. 2022;1:1"),)
    assert article.is_retracted
    assert article.issn == "0000-0001" and article.keywords == ("dry needling",)


def test_initials_come_from_the_au_field() -> None:
    text = (
        "PMID- 90100009\nFAU - Qiao, Shu\nAU  - Qiao S\nFAU - van der Berg, Anna Maria\n"
        "AU  - van der Berg AM\n\nPMID- 90100010\nAU  - Roe RJ\nAU  - Xu\n"
    )
    first, second = read(text)
    assert [(a.last_name, a.fore_name, a.initials) for a in first.authors] == [
        ("Qiao", "Shu", "S"),
        ("van der Berg", "Anna Maria", "AM"),
    ]
    assert [(a.last_name, a.fore_name, a.initials) for a in second.authors] == [
        ("Roe", None, "RJ"),
        ("Xu", None, None),
    ]


def test_affiliations_belong_to_the_author_they_follow() -> None:
    text = (
        "PMID- 90100011\nFAU - Roe, Jane\nAU  - Roe J\n"
        "AD  - Department of Synthetic Physiotherapy, Example University,\n"
        "      Exampletown, Nowhere.\n"
        "AD  - Synthetic Pain Clinic, Exampletown.\n"
        "FAU - Poe, Ann\nAU  - Poe A\nFAU - Doe, Kim\nAU  - Doe K\n"
        "AD  - Example Hospital, Elsewhere.\n"
        "\nPMID- 90100012\nAD  - One affiliation for the record (older records).\n"
        "AU  - Lee S\nAU  - Kim H\n"
    )
    first, second = read(text)
    assert [a.affiliations for a in first.authors] == [
        (
            "Department of Synthetic Physiotherapy, Example University, Exampletown, Nowhere.",
            "Synthetic Pain Clinic, Exampletown.",
        ),
        (),
        ("Example Hospital, Elsewhere.",),
    ]
    assert [a.affiliations for a in second.authors] == [
        ("One affiliation for the record (older records).",),
        (),
    ]


def test_a_record_without_pmid_is_an_input_error() -> None:
    with pytest.raises(XmlParseError, match=r"x\.txt: record 1: no PMID"):
        read("TI  - no identifier here\n")


@pytest.mark.parametrize(
    ("pmid", "message"),
    [
        ("0", r"PMID '0' is not a positive number"),
        ("-3", r"PMID '-3' is not a number"),
        (str(2**63), rf"PMID '{2**63}' is out of range"),
        ("9" * 400, r"PMID '9{40}'\.\.\. is out of range"),
        ("12a", r"PMID '12a' is not a number"),
    ],
    ids=["zero", "negative", "2**63", "huge", "not-digits"],
)
def test_a_pmid_that_is_not_a_positive_bigint_is_an_input_error(pmid: str, message: str) -> None:
    text = SYNTHETIC + "\n" + SYNTHETIC.replace("PMID- 90100001", f"PMID- {pmid}")
    with pytest.raises(XmlParseError, match=rf"^x\.txt: record 2: {message}"):
        read(text)


def test_a_link_to_an_impossible_pmid_keeps_the_link_without_it() -> None:
    (article,) = read(SYNTHETIC.replace("PMID: 90100002", f"PMID: {2**64}"))
    assert article.links == (ArticleLink("RetractionIn", None, "Synth Demo J. 2022;1:1"),)


def test_reference_samples_parse_with_real_values(shared: Path) -> None:
    folder = shared / "reference" / "entrez-samples"
    with (folder / "biopython__Tests_Medline__pubmed_result2.txt").open("rb") as fh:
        articles = list(iter_medline(fh, name="r2"))
    assert [a.pmid for a in articles] == [16403221, 16377612, 14871861, 14630660]
    assert articles[0].doi == "10.1186/1471-2105-7-10"
    assert articles[0].abstract_sections[0].label == "BACKGROUND"
    with (folder / "biopython__Tests_Medline__pubmed_result3.txt").open("rb") as fh:
        (third,) = iter_medline(fh, name="r3")
    assert [s.label for s in third.abstract_sections] == [
        "PURPOSE",
        "METHODS",
        "RESULTS",
        "CONCLUSIONS",
    ]
    assert third.pub_date == date(2012, 10, 1)


def test_ingest_reads_medline_text_plain_or_gzip(tmp_path: Path) -> None:
    plain = tmp_path / "export.txt"
    plain.write_text(SYNTHETIC, encoding="utf-8")
    packed = tmp_path / "export2.txt.gz"
    packed.write_bytes(gzip.compress(SYNTHETIC.replace("90100001", "90100003").encode()))
    assert sniff_medline(plain) and sniff_medline(packed)
    db = tmp_path / "w.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(plain), str(packed), "--db", str(db)])
    assert result.exit_code == 0, result.output
    con = connect(db, read_only=True)
    rows = con.execute(
        "SELECT DISTINCT a.pmid, t.value FROM articles a JOIN article_tags t USING (pmid)"
        " WHERE t.dimension = 'intervention' ORDER BY 1"
    ).fetchall()
    con.close()
    assert rows == [(90100001, "dry_needling"), (90100003, "dry_needling")]

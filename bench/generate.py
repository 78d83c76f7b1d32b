"""Generate baseline-sized synthetic PubMed XML files for the benchmarks.

Every record is synthetic (journal "Synthetic Benchmark Journal ..."), built from templates
with varied fields: structured and plain abstracts, authors with affiliations, MeSH headings
with qualifiers, publication types, keywords, article ids, references, dates of all three
shapes, and a few deletions when asked. Average record size is close to 7 KB, like the
annual baseline files (about 30,000 records, 200 MB unpacked).

    python bench/generate.py OUT.xml.gz --records 30000 [--first-pmid N] [--seed S]
"""

from __future__ import annotations

import argparse
import gzip
import random
from pathlib import Path
from xml.sax.saxutils import escape

INTERVENTIONS = [
    ("dry needling", "Dry Needling", "D000069600"),
    ("trigger point therapy", "Trigger Points", "D059348"),
    ("therapeutic ultrasound", "Ultrasonic Therapy", "D014465"),
    ("acupuncture", "Acupuncture Therapy", "D015670"),
    ("massage", "Massage", "D008403"),
    ("exercise therapy", "Exercise Therapy", "D005081"),
]
CONDITIONS = [
    ("chronic low back pain", "Low Back Pain", "D017116"),
    ("neck pain", "Neck Pain", "D019547"),
    ("carpal tunnel syndrome", "Carpal Tunnel Syndrome", "D002349"),
    ("myofascial pain syndrome", "Myofascial Pain Syndromes", "D009209"),
    ("fibromyalgia", "Fibromyalgia", "D005356"),
    ("migraine", "Migraine Disorders", "D008881"),
    ("shoulder pain", "Shoulder Pain", "D020069"),
    ("lateral epicondylitis", "Tennis Elbow", "D013716"),
]
CHECK_TAGS = [
    ("Humans", "D006801"),
    ("Female", "D005260"),
    ("Male", "D008297"),
    ("Adult", "D000328"),
    ("Middle Aged", "D008875"),
    ("Pain Measurement", "D010147"),
    ("Treatment Outcome", "D016896"),
    ("Double-Blind Method", "D004311"),
]
QUALIFIERS = [
    ("therapy", "Q000628"),
    ("methods", "Q000379"),
    ("adverse effects", "Q000009"),
    ("physiopathology", "Q000503"),
    ("diagnosis", "Q000175"),
]
PUBTYPES = [
    ("Randomized Controlled Trial", "D016449"),
    ("Systematic Review", "D000078182"),
    ("Meta-Analysis", "D017418"),
    ("Case Reports", "D002363"),
    ("Review", "D016454"),
    ("Comparative Study", "D003160"),
    ("Observational Study", "D064888"),
]
LAST = [
    "Moreau",
    "Tanaka",
    "Okafor",
    "Lindqvist",
    "Ferreira",
    "Kowalski",
    "Haddad",
    "Novak",
    "Ibrahim",
    "Schmidt",
    "Rossi",
    "Nakamura",
    "Silva",
    "Jensen",
    "Petrov",
    "Garcia",
]
FIRST = ["Ana", "Kenji", "Chioma", "Erik", "Lucia", "Marek", "Samir", "Petra", "Yusuf", "Jonas"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WORDS = [
    "patients",
    "participants",
    "pain",
    "intensity",
    "disability",
    "scores",
    "were",
    "assessed",
    "at",
    "baseline",
    "and",
    "follow-up",
    "using",
    "validated",
    "questionnaires",
    "the",
    "intervention",
    "group",
    "showed",
    "changes",
    "compared",
    "with",
    "control",
    "sham",
    "placebo",
    "usual",
    "care",
    "significant",
    "difference",
    "between",
    "groups",
    "was",
    "observed",
    "after",
    "treatment",
    "sessions",
    "weeks",
    "months",
    "outcome",
    "measures",
    "included",
    "pressure",
    "pain",
    "threshold",
    "range",
    "of",
    "motion",
    "quality",
    "of",
    "life",
    "adverse",
    "events",
    "were",
    "recorded",
]

HEAD = (
    '<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle,'
    ' 1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
    "<PubmedArticleSet>\n"
)


def _sentence(rng: random.Random, n: int) -> str:
    words = rng.choices(WORDS, k=n)
    return (
        " ".join(words).capitalize() + f" (n = {rng.randint(20, 400)}, p = 0.0{rng.randint(1, 9)})."
    )


def _pub_date(rng: random.Random, year: int) -> str:
    shape = rng.random()
    if shape < 0.7:
        return (
            f"<Year>{year}</Year><Month>{rng.choice(MONTHS)}</Month>"
            f"<Day>{rng.randint(1, 28):02d}</Day>"
        )
    if shape < 0.85:
        season = rng.choice(["Spring", "Summer", "Fall", "Winter"])
        return f"<Year>{year}</Year><Season>{season}</Season>"
    return f"<MedlineDate>{year} {rng.choice(MONTHS)}-{rng.choice(MONTHS)}</MedlineDate>"


def record(rng: random.Random, pmid: int) -> str:
    """One synthetic PubmedArticle of about 7 KB."""
    i_text, i_mesh, i_ui = rng.choice(INTERVENTIONS)
    c_text, c_mesh, c_ui = rng.choice(CONDITIONS)
    year = rng.randint(1995, 2025)
    pt_name, pt_ui = rng.choice(PUBTYPES)
    title = (
        f"Effect of {i_text} on {c_text}: a {pt_name.lower()} of <i>{rng.randint(2, 90)}</i> cases"
    )
    if rng.random() < 0.8:
        abstract = "".join(
            f'<AbstractText Label="{label}" NlmCategory="{label}">'
            f"{' '.join(_sentence(rng, rng.randint(18, 30)) for _ in range(rng.randint(1, 3)))}"
            "</AbstractText>"
            for label in ("BACKGROUND", "OBJECTIVE", "METHODS", "RESULTS", "CONCLUSIONS")
        )
    else:
        abstract = f"<AbstractText>{' '.join(_sentence(rng, 25) for _ in range(8))}</AbstractText>"
    authors = "".join(
        f'<Author ValidYN="Y"><LastName>{rng.choice(LAST)}</LastName>'
        f"<ForeName>{rng.choice(FIRST)}</ForeName><Initials>{rng.choice('ABCDEFGHJK')}</Initials>"
        f"<AffiliationInfo><Affiliation>Department of Physical Therapy, Synthetic Benchmark "
        f"University {rng.randint(1, 300)}, City {rng.randint(1, 99)}.</Affiliation>"
        f"</AffiliationInfo></Author>"
        for _ in range(rng.randint(2, 7))
    )
    mesh = [(i_mesh, i_ui, "Y"), (c_mesh, c_ui, "Y")]
    mesh += [(n, u, "N") for n, u in rng.sample(CHECK_TAGS, rng.randint(3, 8))]
    mesh_xml = ""
    for name, ui, major in mesh:
        quals = "".join(
            f'<QualifierName UI="{qu}" MajorTopicYN="N">{qn}</QualifierName>'
            for qn, qu in rng.sample(QUALIFIERS, rng.randint(0, 2))
        )
        mesh_xml += (
            f'<MeshHeading><DescriptorName UI="{ui}" MajorTopicYN="{major}">{name}'
            f"</DescriptorName>{quals}</MeshHeading>"
        )
    refs = "".join(
        f"<Reference><Citation>{escape(rng.choice(LAST))} A, et al. {escape(_sentence(rng, 8))} "
        f"Synth J. {rng.randint(1980, 2024)};{rng.randint(1, 60)}:{rng.randint(1, 900)}.</Citation>"
        f'<ArticleIdList><ArticleId IdType="pubmed">{rng.randint(1, 39000000)}</ArticleId>'
        f"</ArticleIdList></Reference>"
        for _ in range(rng.randint(1, 6))
    )
    return (
        f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM">'
        f'<PMID Version="1">{pmid}</PMID>'
        f"<DateCompleted><Year>{year}</Year><Month>06</Month><Day>01</Day></DateCompleted>"
        f"<DateRevised><Year>{min(year + 2, 2026)}</Year><Month>01</Month><Day>15</Day>"
        "</DateRevised>"
        '<Article PubModel="Print"><Journal>'
        f'<ISSN IssnType="Print">0000-{rng.randint(1000, 9999)}</ISSN>'
        f'<JournalIssue CitedMedium="Print"><Volume>{rng.randint(1, 80)}</Volume>'
        f"<Issue>{rng.randint(1, 12)}</Issue><PubDate>{_pub_date(rng, year)}</PubDate>"
        "</JournalIssue>"
        f"<Title>Synthetic Benchmark Journal of Rehabilitation {rng.randint(1, 40)}</Title>"
        f"<ISOAbbreviation>Synth Bench J Rehabil</ISOAbbreviation></Journal>"
        f"<ArticleTitle>{title}.</ArticleTitle>"
        f"<Pagination><MedlinePgn>{rng.randint(1, 500)}-{rng.randint(501, 900)}</MedlinePgn>"
        "</Pagination>"
        f'<ELocationID EIdType="doi" ValidYN="Y">10.99999/bench.{pmid}</ELocationID>'
        f"<Abstract>{abstract}</Abstract>"
        f'<AuthorList CompleteYN="Y">{authors}</AuthorList>'
        f"<Language>{rng.choice(['eng'] * 9 + ['ger'])}</Language>"
        f'<PublicationTypeList><PublicationType UI="D016428">Journal Article</PublicationType>'
        f'<PublicationType UI="{pt_ui}">{pt_name}</PublicationType></PublicationTypeList>'
        f"</Article><MedlineJournalInfo><Country>United States</Country>"
        f"<MedlineTA>Synth Bench J Rehabil</MedlineTA><NlmUniqueID>0000{rng.randint(10000, 99999)}"
        f"</NlmUniqueID></MedlineJournalInfo>"
        f"<CitationSubset>IM</CitationSubset><MeshHeadingList>{mesh_xml}</MeshHeadingList>"
        f'<KeywordList Owner="NOTNLM"><Keyword MajorTopicYN="N">{i_text}</Keyword>'
        f'<Keyword MajorTopicYN="N">{c_text}</Keyword></KeywordList></MedlineCitation>'
        f'<PubmedData><History><PubMedPubDate PubStatus="pubmed"><Year>{year}</Year><Month>3'
        f"</Month><Day>2</Day></PubMedPubDate></History><PublicationStatus>ppublish"
        f'</PublicationStatus><ArticleIdList><ArticleId IdType="pubmed">{pmid}</ArticleId>'
        f'<ArticleId IdType="doi">10.99999/bench.{pmid}</ArticleId></ArticleIdList>'
        f"<ReferenceList>{refs}</ReferenceList></PubmedData></PubmedArticle>\n"
    )


def write_file(
    path: Path,
    records: int,
    *,
    first_pmid: int = 1,
    seed: int = 0,
    delete: list[int] | None = None,
) -> Path:
    """Write ``records`` synthetic records (gzip when the name ends in .gz) and return path."""
    rng = random.Random(seed)
    opener = gzip.open if path.suffix == ".gz" else open
    path.parent.mkdir(parents=True, exist_ok=True)
    with opener(path, "wt", encoding="utf-8") as fh:  # type: ignore[operator]
        fh.write(HEAD)
        for pmid in range(first_pmid, first_pmid + records):
            fh.write(record(rng, pmid))
        if delete:
            fh.write(
                "<DeleteCitation>"
                + "".join(f'<PMID Version="1">{p}</PMID>' for p in delete)
                + "</DeleteCitation>\n"
            )
        fh.write("</PubmedArticleSet>\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--records", type=int, default=30000)
    parser.add_argument("--first-pmid", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    write_file(args.out, args.records, first_pmid=args.first_pmid, seed=args.seed)
    print(f"{args.out}: {args.out.stat().st_size / 1e6:.1f} MB, {args.records} records")


if __name__ == "__main__":
    main()

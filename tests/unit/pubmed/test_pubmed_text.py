"""Text of elements with inline markup: tags dropped, text kept, whitespace made regular."""

from __future__ import annotations

import pytest
from lxml import etree

from evidence.pubmed.text import clean_text, inline_text

MML = 'xmlns:mml="http://www.w3.org/1998/Math/MathML"'


def _element(xml: str) -> etree._Element:
    return etree.fromstring(xml.encode())


@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        pytest.param("<T>plain text</T>", "plain text", id="no-markup"),
        pytest.param("<T>a <i>b</i> c</T>", "a b c", id="italic-between-spaces"),
        pytest.param("<T><b>Bold</b> start</T>", "Bold start", id="markup-first"),
        pytest.param("<T>end <u>under</u></T>", "end under", id="markup-last"),
        pytest.param(
            "<T>SnO<sub>2</sub>thin films</T>", "SnO2thin films", id="sub-glued-as-source"
        ),
        pytest.param("<T>km·h<sup>-1</sup> and m<sup>2</sup></T>", "km·h-1 and m2", id="sup"),
        pytest.param("<T>a <i>b <b>c</b> d</i> e</T>", "a b c d e", id="nested-markup"),
        pytest.param("<T><i>only markup</i></T>", "only markup", id="only-markup"),
        pytest.param("<T>x<i> </i>y</T>", "x y", id="space-inside-markup"),
        pytest.param("<T>line\n   broken\ttext</T>", "line broken text", id="newline-and-tab"),
        pytest.param("<T>  padded  </T>", "padded", id="padded"),
        pytest.param("<T>a  <i> b </i>  c</T>", "a b c", id="no-doubled-spaces"),
        pytest.param("<T>75\u00a0år</T>", "75\u00a0år", id="no-break-space-between-words-kept"),
        pytest.param("<T>x\u00a0 \ny</T>", "x y", id="no-break-space-in-a-run-collapses"),
        pytest.param("<T>5\u2009mg</T>", "5\u2009mg", id="thin-space-kept"),
        pytest.param("<T/>", None, id="empty"),
        pytest.param("<T> \n </T>", None, id="blank"),
        pytest.param("<T><i></i></T>", None, id="empty-markup"),
    ],
)
def test_inline_text_drops_tags_and_regularises_spaces(xml: str, expected: str | None) -> None:
    assert inline_text(_element(xml)) == expected


def test_indented_mathml_keeps_its_tokens_without_the_indentation() -> None:
    xml = f"""<T>uptake ( <mml:math {MML}>
        <mml:msub>
            <mml:mrow>
                <mml:mover><mml:mrow><mml:mi>V</mml:mi></mml:mrow><mml:mo>.</mml:mo></mml:mover>
                <mml:mi>O</mml:mi>
            </mml:mrow>
            <mml:mrow>
                <mml:mn>2</mml:mn>
                <mml:mi>max</mml:mi>
            </mml:mrow>
        </mml:msub>
        <mml:mtext>\u00a0</mml:mtext>
    </mml:math> ) was measured</T>"""
    assert inline_text(_element(xml)) == "uptake ( V.O2max ) was measured"


@pytest.mark.parametrize(
    ("scripts", "expected"),
    [
        pytest.param(
            "<mml:mi>He</mml:mi><mml:mprescripts/><mml:none/><mml:mn>3</mml:mn>",
            "3He",
            id="isotope",
        ),
        pytest.param(
            "<mml:mi>C</mml:mi><mml:mn>6</mml:mn><mml:none/>"
            "<mml:mprescripts/><mml:none/><mml:mn>14</mml:mn>",
            "14C6",
            id="pre-and-postscripts",
        ),
        pytest.param("<mml:mi>X</mml:mi><mml:mn>1</mml:mn><mml:mn>2</mml:mn>", "X12", id="none"),
    ],
)
def test_mathml_prescripts_come_before_their_base(scripts: str, expected: str) -> None:
    math = f"<mml:math {MML}><mml:mmultiscripts>{scripts}</mml:mmultiscripts></mml:math>"
    xml = f"<T>uptake of {math}</T>"
    assert inline_text(_element(xml)) == f"uptake of {expected}"


def test_mathml_inside_other_markup_is_read_the_same_way() -> None:
    math = f"<mml:math {MML}>\n <mml:mi>x</mml:mi>\n <mml:mo>+</mml:mo>\n</mml:math>"
    xml = f"<T>see <b>{math}</b>.</T>"
    assert inline_text(_element(xml)) == "see x+."


def test_undeclared_entity_reference_is_dropped_and_the_text_after_it_kept() -> None:
    # With an external DTD that is never loaded, libxml2 keeps an unknown entity as a node.
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
    xml = b'<!DOCTYPE T PUBLIC "-//X//EN" "x.dtd"><T>before &unknown; after</T>'
    element = etree.fromstring(xml, parser)
    assert inline_text(element) == "before after"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("Smith", "Smith", id="untouched"),
        pytest.param(" Smith ", "Smith", id="stripped"),
        pytest.param("a\r\nb", "a b", id="crlf"),
        pytest.param("\u00a0x\u00a0", "x", id="no-break-space-at-ends"),
        pytest.param("", None, id="empty"),
        pytest.param(None, None, id="none"),
        pytest.param(" \t", None, id="blank"),
    ],
)
def test_clean_text(raw: str | None, expected: str | None) -> None:
    assert clean_text(raw) == expected

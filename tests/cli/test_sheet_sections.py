"""`sheet --sections` and `--title`: a reader gets only the parts asked for."""

from __future__ import annotations

import pytest

from mlorg_desktop.__main__ import main
from tests.pdf_tools import pdf_pages, pdf_text


def _sheet(capsys, tmp_path, *extra: str) -> tuple[int, str, str]:
    out = tmp_path / "sheet.pdf"
    code = main(["sheet", "--demo", "-o", str(out), *extra])
    _, err = capsys.readouterr()
    return code, " ".join(pdf_text(out).split()) if code == 0 else "", err


def test_every_section_by_default(qapp, capsys, tmp_path):
    code, text, _ = _sheet(capsys, tmp_path, "--title", "Leadership offsite")
    assert code == 0
    assert text.startswith("Leadership offsite")
    for heading in ("Executive summary", "Positions on the design dimensions", "Summary table"):
        assert heading in text
    assert "Top strengths" in text and "Glossary" in text


def test_only_summary_and_glossary(qapp, capsys, tmp_path):
    code, text, _ = _sheet(capsys, tmp_path, "--sections", "summary,glossary")
    assert code == 0
    assert "Executive summary" in text and "Glossary" in text
    assert "Reads as ML-First (fit 100)" in text  # Quanta Labs, from the demo data
    for left_out in ("Positions on the design dimensions", "Summary table", "Top strengths"):
        assert left_out not in text
    # Fifteen paragraphs (the demo's two organizations' add their rounds' facts) and the
    # glossary: two pages, no more.
    assert pdf_pages(tmp_path / "sheet.pdf") == 2


def test_sections_without_the_summary(qapp, capsys, tmp_path):
    code, text, _ = _sheet(capsys, tmp_path, "--sections", "Charts, table")
    assert code == 0
    assert "Executive summary" not in text and "Glossary" not in text
    assert "Summary table" in text and "Fit per archetype" in text


@pytest.mark.parametrize("bad", ["summary,glosary", ","])
def test_unknown_section_is_refused_and_writes_nothing(qapp, capsys, tmp_path, bad):
    with pytest.raises(SystemExit) as exit_info:
        main(["sheet", "--demo", "-o", str(tmp_path / "x.pdf"), "--sections", bad])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "choose from summary,charts,table,organization,road,details,glossary" in err
    assert not list(tmp_path.iterdir())

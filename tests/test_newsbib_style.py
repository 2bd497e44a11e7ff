"""The news citation style: what a reader sees in a bibliography entry."""

from __future__ import annotations

import pytest
from pybtex.backends.plaintext import Backend as PlainText
from pybtex.backends.html import Backend as Html
from pybtex.database import parse_string

from newsbib.style import NewsStyle, style_for_language

BIB = r"""
@article{full,
  title = {Rebels leave the pocket},
  journal = {Example Wire},
  date = {2018-04-03},
  language = {ar},
  archivedate = {2018-04-27},
  archiveurl = {https://archive.example/full},
  urldate = {2018-04-28},
  url = {https://news.example/full},
}
@article{bare,
  title = {Headline only},
  journal = {Observer},
  date = {2018-05},
  note = {No copy of the original page has been seen},
}
"""


def formatted(style_class=NewsStyle, backend=PlainText()):
    entries = parse_string(BIB, "bibtex").entries
    return {entry.key: entry.text.render(backend) for entry in style_class().format_entries(entries.values())}


def test_news_entry_reads_like_a_news_citation():
    text = formatted()["full"]
    assert text.startswith("“Rebels leave the pocket.” Example Wire, 3 April 2018. In Arabic.")
    assert "Archived on 27 April 2018." in text
    assert "Retrieved 28 April 2018." in text
    assert text.endswith("https://news.example/full")


def test_archive_copy_is_a_link():
    html = formatted(backend=Html())["full"]
    assert '<a href="https://archive.example/full">Archived on 27 April 2018.</a>' in html


def test_entry_without_url_keeps_its_note_and_month_precision():
    text = formatted()["bare"]
    assert "Observer, May 2018." in text
    assert text.endswith("No copy of the original page has been seen.")
    assert "http" not in text


def test_no_author_needed():
    # pybtex's own styles raise FieldIsMissing for an article without author.
    formatted()  # must not raise


@pytest.mark.parametrize("language, date", [("es", "3 de abril de 2018"), ("en", "3 April 2018")])
def test_dates_follow_the_build_language(language, date):
    assert date in formatted(style_for_language(language))["full"]


def test_numbered_labels_in_citation_order():
    entries = list(parse_string(BIB, "bibtex").entries.values())
    labels = [entry.label for entry in NewsStyle().format_entries(entries)]
    assert labels == ["1", "2"]


def test_a_note_in_the_build_language_is_preferred():
    bib = BIB.replace(
        "note = {No copy of the original page has been seen},",
        "note = {No copy of the original page has been seen},\n  note_es = {No se ha visto copia},",
    )
    entries = parse_string(bib, "bibtex").entries
    spanish = {e.key: e.text.render(PlainText()) for e in style_for_language("es")().format_entries(entries.values())}
    english = {e.key: e.text.render(PlainText()) for e in NewsStyle().format_entries(entries.values())}
    assert spanish["bare"].endswith("No se ha visto copia.")
    assert english["bare"].endswith("No copy of the original page has been seen.")


WHO_IS_SPEAKING = r"""
@article{wire,
  title = {Rebels agree to leave},
  journal = {The Jerusalem Post},
  agency = {Reuters},
  kind = {wire},
  date = {2018-04-20},
  url = {https://news.example/wire},
}
@article{arabic,
  title = {اغتيال رئيس لجنة التفاوض},
  transtitle = {Head of the negotiating committee assassinated},
  transtitle_es = {Asesinado el jefe del comité negociador},
  journal = {Enab Baladi},
  kind = {opposition},
  language = {ar},
  date = {2018-04-18},
}
"""


def formatted_from(bib: str, style_class=NewsStyle) -> dict[str, str]:
    entries = parse_string(bib, "bibtex").entries
    return {entry.key: entry.text.render(PlainText()) for entry in style_class().format_entries(entries.values())}


def test_kind_of_outlet_and_carrier_of_a_wire_story_are_named():
    text = formatted_from(WHO_IS_SPEAKING)["wire"]
    assert text.startswith("“Rebels agree to leave.” The Jerusalem Post (Reuters), 20 April 2018. Wire agency.")


def test_title_in_its_own_script_with_a_translation_beside_it():
    text = formatted_from(WHO_IS_SPEAKING)["arabic"]
    assert text.startswith(
        "“اغتيال رئيس لجنة التفاوض” [Head of the negotiating committee assassinated]. "
        "Enab Baladi, 18 April 2018. Syrian opposition media. In Arabic."
    )


def test_spanish_edition_names_the_kind_and_translates_the_title_in_spanish():
    spanish = formatted_from(WHO_IS_SPEAKING, style_for_language("es"))["arabic"]
    assert "[Asesinado el jefe del comité negociador]" in spanish
    assert "Head of the negotiating" not in spanish

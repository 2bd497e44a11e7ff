"""A pybtex formatting style for news reports, the project's main kind of source.

A news citation needs what a reader needs to find the report again: the headline, the
outlet, the full date with the day, the language if it is not English, the archive and
retrieval dates, and the address. Reports rarely carry a byline, so an entry without an
author is normal here and gets no warning.
"""

from __future__ import annotations

from babel import Locale, UnknownLocaleError
from pybtex.richtext import HRef, Tag, Text
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle
from sphinx.locale import get_translation

from chronicle.dates import DateError, babel_locale, format_point, parse_date

from .kinds import kind_label

_ = get_translation("newsbib")


class NewsStyle(BaseStyle):
    """Numbered labels in order of first citation; entries shaped like news citations."""

    default_name_style = "plain"
    default_label_style = "number"
    default_sorting_style = "none"
    #: Sphinx language the words and dates are written in; see :func:`style_for_language`.
    language = "en"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.locale: Locale = babel_locale(self.language)

    def format_entry(self, label, entry, bib_data=None) -> FormattedEntry:
        fields = entry.fields
        sentences: list[Text] = [self._headline(fields)]
        outlet = []
        if "journal" in fields:
            journal = Tag("em", Text.from_latex(fields["journal"]))
            if "agency" in fields:
                # A wire story as another site carries it: say whose text it is.
                journal = Text(journal, " (", Text.from_latex(fields["agency"]), ")")
            outlet.append(journal)
        if "howpublished" in fields:
            outlet.append(Text.from_latex(fields["howpublished"]))
        outlet_and_date = Text(*self._separated(outlet))
        date = self._date(fields.get("date") or fields.get("year"))
        if date:
            outlet_and_date = Text(outlet_and_date, ", " if outlet_and_date else "", date)
        if outlet_and_date:
            sentences.append(outlet_and_date)
        kind = kind_label(fields.get("kind"))
        if kind:
            sentences.append(Text(kind).capfirst())
        if "language" in fields and fields["language"] != "en":
            name = self._language_name(fields["language"])
            sentences.append(Text(_("In {language}").format(language=name)))
        if "archivedate" in fields or "archiveurl" in fields:
            archived = (
                _("Archived on {date}").format(date=self._date(fields["archivedate"]))
                if "archivedate" in fields
                else str(_("Archived copy"))
            )
            sentences.append(HRef(fields["archiveurl"], archived) if "archiveurl" in fields else Text(archived))
        if "urldate" in fields:
            sentences.append(Text(_("Retrieved {date}").format(date=self._date(fields["urldate"]))))
        text = Text(*self._sentences(sentences))
        if "url" in fields:
            url = fields["url"]
            text = Text(text, " ", HRef(url, url))
        note = fields.get(f"note_{self.language}") or fields.get("note")
        if note:
            text = Text(text, " ", Text.from_latex(note).capfirst().add_period())
        return FormattedEntry(entry.key, text, label)

    def _headline(self, fields) -> Text:
        title = Text.from_latex(fields.get("title", "").strip())
        translated = fields.get(f"transtitle_{self.language}") or fields.get("transtitle")
        if translated:
            # A title in another language keeps its own words, with a translation beside it.
            return Text("“", title, "” [", Text.from_latex(translated.strip()), "]")
        # The closing period goes inside the quotation marks, as in news citations.
        return Text("“", title.add_period(), "”")

    def _date(self, value: str | None) -> str:
        if not value:
            return ""
        try:
            parsed = parse_date(value)
        except DateError:
            return value
        return format_point(parsed.lower, parsed.precision, self.locale)

    def _language_name(self, code: str) -> str:
        try:
            return Locale.parse(code).get_language_name(self.locale) or code
        except (ValueError, LookupError, UnknownLocaleError):
            # Reported at the bib line when the file is read (newsbib.bibfile).
            return code

    @staticmethod
    def _separated(parts: list[Text]) -> list[Text]:
        out: list[Text] = []
        for part in parts:
            if out:
                out.append(", ")
            out.append(part)
        return out

    @staticmethod
    def _sentences(parts: list[Text]) -> list[Text]:
        out: list[Text] = []
        for part in parts:
            if out:
                out.append(" ")
            out.append(part.add_period() if not str(part).endswith("”") else Text(part))
        return out


def style_for_language(language: str | None) -> type[NewsStyle]:
    """A :class:`NewsStyle` whose dates and words are in *language*."""
    return type(f"NewsStyle_{language}", (NewsStyle,), {"language": language or "en"})

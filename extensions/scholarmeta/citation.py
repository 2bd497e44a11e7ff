"""'Cite this page': Chicago and APA in the page's language, BibTeX and CSL-JSON.

The reader's browser fills in the access date (``scholarmeta.js``): the HTML carries the
placeholder ``ACCESSED`` in the BibTeX and CSL-JSON text, and an empty ``<span>`` in the
formatted citations that shows a hint until the script runs.
"""

from __future__ import annotations

import datetime
import json
import re
import subprocess
from dataclasses import dataclass
from html import escape
from pathlib import Path

from babel.dates import format_date, format_skeleton
from sphinx.locale import get_translation

_ = get_translation("scholarmeta")

#: Replaced by the reader's date of access (ISO 8601) in the copied BibTeX and CSL-JSON.
ACCESSED = "YYYY-MM-DD"


def source_commit(srcdir: Path) -> str:
    """The short commit the site is built from, or "" outside a git checkout."""
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--short=10", "HEAD"], cwd=srcdir,
            capture_output=True, text=True, check=True, timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout.strip()


@dataclass(frozen=True)
class Citation:
    key: str
    title: str
    site: str
    author: str
    language: str
    version: str
    commit: str
    updated: datetime.date  # the page's last change (its last commit), or the build date
    url: str  # "" unless the site's public address is configured

    @property
    def edition(self) -> str:
        if self.version and self.commit:
            return _("version {version}, commit {commit}").format(
                version=self.version, commit=self.commit)
        return _("version {version}").format(version=self.version) if self.version else ""

    def _author(self) -> str:
        return self.author[:1].upper() + self.author[1:]

    def _accessed(self) -> str:
        hint = escape(_("[date of access]"))
        return f'<span class="scholarmeta-accessed">{hint}</span>'

    def chicago_html(self) -> str:
        """Chicago notes-bibliography style for a web page with a group author."""
        parts = [
            escape(self._author()) + ".",
            _("“{title}.”").format(title=escape(self.title)),
            escape(self.site) + (f", {escape(self.edition)}." if self.edition else "."),
            _("Last modified {date}.").format(
                date=format_date(self.updated, "long", locale=self.language)),
            _("Accessed {date}.").format(date=self._accessed()),
        ]
        if self.url:
            parts.append(f'<a href="{escape(self.url)}">{escape(self.url)}</a>.')
        return " ".join(parts)

    def apa_html(self) -> str:
        """APA 7th edition for a page on a website, with its version."""
        day = format_skeleton("MMMMd", self.updated, locale=self.language)
        parts = [
            escape(self._author()) + ".",
            f"({self.updated.year}, {escape(day)}).",
            f"<i>{escape(self.title)}</i>.",
            _("In {site}").format(site=escape(self.site))
            + (f" ({escape(self.edition)})." if self.edition else "."),
        ]
        if self.url:
            parts.append(_("Retrieved {date}, from {url}").format(
                date=self._accessed(), url=f'<a href="{escape(self.url)}">{escape(self.url)}</a>'))
        return " ".join(parts)

    def bibtex(self) -> str:
        fields = [
            ("title", "{" + _bibtex_escape(self.title) + "}"),
            # Double braces: the author is a group, not a person's given and family name.
            ("author", "{{" + _bibtex_escape(self.author) + "}}"),
            ("year", str(self.updated.year)),
            ("date", "{" + self.updated.isoformat() + "}"),
            ("organization", "{" + _bibtex_escape(self.site) + "}"),
            ("language", "{" + self.language + "}"),
        ]
        if self.edition:
            fields.append(("version", "{" + _bibtex_escape(self.edition) + "}"))
        if self.url:
            fields += [("howpublished", "{\\url{" + self.url + "}}"), ("url", "{" + self.url + "}")]
        fields.append(("urldate", "{" + ACCESSED + "}"))
        width = max(len(name) for name, _value in fields)
        body = ",\n".join(f"  {name.ljust(width)} = {value}" for name, value in fields)
        return f"@misc{{{self.key},\n{body}\n}}"

    def csl_json(self) -> str:
        item = {
            "id": self.key,
            "type": "webpage",
            "title": self.title,
            "container-title": self.site,
            "author": [{"literal": self.author}],
            "issued": {"date-parts": [[self.updated.year, self.updated.month, self.updated.day]]},
            "language": self.language,
            "accessed": {"raw": ACCESSED},
        }
        if self.edition:
            item["version"] = self.edition
        if self.url:
            item["URL"] = self.url
        return json.dumps([item], ensure_ascii=False, indent=2)


def _bibtex_escape(text: str) -> str:
    return re.sub(r"([&%$#_{}])", r"\\\1", text)

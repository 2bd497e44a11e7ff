"""What a page says about itself: title, date, language, address, and its BibTeX entry."""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from html import escape

from babel.core import get_global


def build_time() -> time.struct_time:
    """The build's date; reproducible builds set SOURCE_DATE_EPOCH."""
    return time.gmtime(int(os.environ.get("SOURCE_DATE_EPOCH", time.time())))


def og_locale(language: str) -> str:
    """``en`` -> ``en_US``, ``es`` -> ``es_ES``: OpenGraph wants language and territory."""
    likely = get_global("likely_subtags").get(language.replace("-", "_"), language)
    parts = likely.split("_")
    territory = next((p for p in parts[1:] if p.isupper() and len(p) == 2), "")
    return f"{parts[0]}_{territory}" if territory else parts[0]


@dataclass(frozen=True)
class PageMetadata:
    title: str
    site: str
    author: str
    language: str
    date: time.struct_time
    url: str  # empty unless the canonical address is known
    is_root: bool
    key: str
    description: str = ""

    def meta_tags(self) -> list[tuple[str, str, str]]:
        """(attribute, name, content) for each ``<meta>``: Highwire Press, then OpenGraph."""
        tags = [("name", "description", self.description)] if self.description else []
        tags += [
            ("name", "citation_title", self.title),
            ("name", "citation_author", self.author),
            ("name", "citation_publication_date", time.strftime("%Y/%m/%d", self.date)),
            ("name", "citation_language", self.language),
            ("name", "citation_journal_title", self.site),
        ]
        if self.url:
            tags.append(("name", "citation_public_url", self.url))
        tags += [
            ("property", "og:title", self.title),
            ("property", "og:type", "website" if self.is_root else "article"),
            ("property", "og:site_name", self.site),
            ("property", "og:locale", og_locale(self.language)),
        ]
        if self.description:
            tags.append(("property", "og:description", self.description))
        if self.url:
            tags.append(("property", "og:url", self.url))
        return tags

    def meta_html(self) -> str:
        return "".join(
            f'<meta {attribute}="{name}" content="{escape(content, quote=True)}" />\n'
            for attribute, name, content in self.meta_tags()
        )


def citation_key(project: str, pagename: str, year: int, prefix: str = "") -> str:
    words = re.findall(r"[a-z0-9]+", project.lower())
    page = re.sub(r"[^a-z0-9]+", "-", pagename.lower()).strip("-")
    prefix = prefix or (words[1] if len(words) > 1 else words[0])
    return f"{prefix}{year}{page.replace('-', '')}"


#: A citation such as "[3]" or "[2, 5]" as it reads in a paragraph's text.
CITATION_LABEL = re.compile(r"\s*\[\d+(?:[,\u2013-]\s*\d+)*\]")


def describe(text: str, limit: int = 160) -> str:
    """A page's description for search engines: its first paragraph, cut at a word."""
    text = " ".join(CITATION_LABEL.sub("", text).split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"

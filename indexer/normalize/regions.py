"""The UTC offsets a country's clocks show through the year (summer time included), to read a
UTC timestamp as the day of a page whose language tag names its country (`<html lang="en-AU">`).

Only countries whose zones span a few hours are listed, so the instant falls on one local day
across them more often than not. A language's default locale names no country: the one a CMS
fills in when a site names only its language (`en-US` in WordPress, `fr-FR`, `zh-CN`, `ar-SA`),
set by sites of every country that writes that language (Quebec's, a Chinese paper in New York,
a pan-Arab one in London). A language written in one country alone (`ja-JP`) and a tag a site
chose over its language's default (`en-AU`, `fr-CA`, `zh-HK`) name it.
"""

from __future__ import annotations

import datetime as dt
import re

# Country code -> the westernmost and easternmost offsets its clocks show, in hours.
OFFSETS: dict[str, tuple[float, float]] = {
    "AU": (8, 11), "NZ": (12, 13.75), "JP": (9, 9), "KR": (9, 9), "CN": (8, 8), "HK": (8, 8),
    "TW": (8, 8), "SG": (8, 8), "MY": (8, 8), "PH": (8, 8), "ID": (7, 9), "TH": (7, 7),
    "VN": (7, 7), "IN": (5.5, 5.5), "PK": (5, 5), "BD": (6, 6), "NP": (5.75, 5.75),
    "LK": (5.5, 5.5), "AE": (4, 4), "SA": (3, 3), "QA": (3, 3), "KW": (3, 3), "TR": (3, 3),
    "IL": (2, 3), "EG": (2, 3), "KE": (3, 3), "TZ": (3, 3), "UG": (3, 3), "ET": (3, 3),
    "NG": (1, 1), "GH": (0, 0), "ZA": (2, 2), "GB": (0, 1), "IE": (0, 1), "DE": (1, 2),
    "AT": (1, 2), "CH": (1, 2), "FR": (1, 2), "IT": (1, 2), "NL": (1, 2), "BE": (1, 2),
    "PL": (1, 2), "SE": (1, 2), "NO": (1, 2), "DK": (1, 2), "FI": (2, 3), "GR": (2, 3),
    "AR": (-3, -3),
}  # fmt: skip
# The default locales of languages written natively on several continents (CLDR's likely region
# and the common CMS defaults).
_DEFAULT_LOCALES = frozenset(
    {"en-US", "en-GB", "fr-FR", "es-ES", "pt-BR", "pt-PT", "zh-CN", "ar-SA", "ar-EG", "ru-RU"}
)
_TAG = re.compile(r"^[a-z]{2,3}[-_]([a-z]{2})$", re.IGNORECASE)


def tag_country(tag: str | None) -> str | None:
    """The country a language tag names (`en-AU`, `pt_BR`), or None; a default locale
    (`en-US`, `fr-FR`) names none."""
    match = _TAG.match((tag or "").strip())
    if match is None:
        return None
    language, country = match.group(0)[:-3].lower(), match.group(1).upper()
    return None if f"{language}-{country}" in _DEFAULT_LOCALES else country


def country_offsets(country: str | None) -> set[dt.timedelta]:
    """The UTC offsets a country's clocks show through the year (empty for one not listed)."""
    return {dt.timedelta(hours=hours) for hours in OFFSETS.get(country or "", ())}

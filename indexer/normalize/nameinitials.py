"""Whether a name in another script may be the same person as a name in Latin letters: each
word opens on a sound of the same kind (`Sunil Patil` / `सुनील पाटील`), read from the letters'
Unicode names; a place or a desk's label shown where a writer is marked (`डिजिटल डेस्क`) is not.
And whether two Latin spellings write one name (`Szabó Gergely` / `Gergely Szabo`)."""

from __future__ import annotations

import unicodedata

# Sounds a Latin spelling may write with another letter (`Vasilis` / `Βασίλης`, `Hristo` /
# `Христо`, `Ibrahim` / `إبراهيم`): one class each.
_CLASSES = ("aeiouyw", "kgcqxh", "td", "pbfvw", "szcjx", "jzgy", "r", "l", "m", "n")


def _initial(word: str) -> str | None:
    """The Latin letter a word's first letter stands for, or None where its name tells none."""
    first = next((c for c in word if c.isalpha()), "")
    if first.isascii():
        return first.casefold() or None
    parts = unicodedata.name(first, "").split()
    if "LETTER" not in parts or parts[0] in {"CJK", "HANGUL", "THAI", "HIRAGANA", "KATAKANA"}:
        return None
    sound = parts[parts.index("LETTER") + 1 :]
    sound = [p for p in sound if p not in {"CAPITAL", "SMALL", "VOCALIC"}] or sound
    return sound[0][0].casefold() if sound and sound[0].isalpha() else None


def _alike(a: str, b: str) -> bool:
    """Whether two Latin initials may write one sound."""
    return a == b or any(a in c and b in c for c in _CLASSES)


def may_spell(latin: str, shown: str) -> bool:
    """Whether `shown` may spell the Latin name `latin`: the words' initials pair off alike in
    some order (a family name may come first); True where a script's letters tell no sound."""
    ours = [_initial(w) for w in latin.split()]
    theirs = [_initial(w) for w in shown.split()]
    if None in ours or None in theirs or len(ours) != len(theirs):
        return True
    left = list(theirs)
    for a in ours:
        match = next((b for b in left if _alike(a, b)), None)
        if match is None:
            return False
        left.remove(match)
    return True


def respelled(name: str, shown: str) -> bool:
    """Whether `shown` writes the same name as `name` in another spelling: the same words but
    for accents and order (a family name first, `Szabó Gergely` / `Gergely Szabo`), or but for
    initials (`Francisca Muñoz` / `Francisca Muñoz M.`); not the same text up to case."""
    if name.casefold() == shown.casefold():
        return False
    ours, theirs = _folded(name), _folded(shown)
    if sorted(ours) == sorted(theirs):
        return len(ours) >= 2
    ours, theirs = [w for w in ours if len(w) > 1], [w for w in theirs if len(w) > 1]
    return len(ours) >= 2 and sorted(ours) == sorted(theirs)


def _folded(name: str) -> list[str]:
    """A name's words in lower case without accents or stops (`Muñoz M.`: `munoz`, `m`)."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return [w.strip(".,") for w in text.split() if w.strip(".,")]


def spelled_elsewhere(latin: str, other: str, text: str) -> bool:
    """Whether `text` spells the Latin name `latin` in another script in words other than
    `other` (`Иэн Паркер` beside `Игорь Павлов` for `Ian Parker`): another person's name."""
    size = len(latin.split())
    words = [w.strip(".,;:()") for w in text.split()]
    own = [w.strip(".,;:()") for w in other.split()]
    for at in range(len(words) - size + 1):
        group = words[at : at + size]
        if group == own or not all(w and not w.isascii() and not w[0].islower() for w in group):
            continue
        if all(_initial(w) is not None for w in group) and may_spell(latin, " ".join(group)):
            return True
    return False

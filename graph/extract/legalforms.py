"""Legal forms written after a company's name ('Inc.', 'GmbH', 'Co., Ltd.'), from
ontology/reference/legal-forms.txt: a name that ends with one names an organization, and a company is the same
with or without its legal form."""
from __future__ import annotations

import re
from functools import lru_cache

from ..resources import reference_dir


@lru_cache(maxsize=1)
def legal_forms() -> tuple[str, ...]:
    """The forms as written in the data file, longest first."""
    lines = (reference_dir() / "legal-forms.txt").read_text(encoding="utf-8").splitlines()
    forms = {ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")}
    return tuple(sorted(forms, key=len, reverse=True))


def _form_pattern(form: str) -> str:
    """'Co., Ltd.' -> 'Co\\.?,?\\s*Ltd' (the final dot is matched by the callers): dots optional, spaces free."""
    out = []
    for part in (re.split(r"(\.|,|\s+)", form.rstrip("."))):
        if part == ".":
            out.append(r"\.?[ \t]?")
        elif part == ",":
            out.append(r",?")
        elif part.strip() == "":
            out.append(r"[ \t]*" if part else "")
        else:
            out.append(re.escape(part))
    return "".join(out)


@lru_cache(maxsize=1)
def legal_alternation() -> str:
    """One regular alternation of every form, without its final dot."""
    return "|".join(_form_pattern(f) for f in legal_forms())


@lru_cache(maxsize=1)
def legal_suffix() -> re.Pattern[str]:
    """One or more legal forms at the end of a name, with the comma before them: ', Inc.', ' Co., Ltd.'."""
    return re.compile(rf"(?:,?[ \t]+(?:{legal_alternation()})\.?)+\Z")


@lru_cache(maxsize=1)
def legal_after() -> re.Pattern[str]:
    """Legal forms that go on a name read so far, from the position given: ', Ltd.' after 'Qux Co.', ' & Co. KG' after
    'Cobalt Systems GmbH'."""
    return re.compile(rf"(?:(?:,|[ \t]+&)?[ \t]*(?<![\w])(?:{legal_alternation()})(?:\.|(?![\w])))+")


@lru_cache(maxsize=1)
def legal_after_comma() -> re.Pattern[str]:
    """A legal form right after a comma, that belongs to the name before it ('Huawei Technologies Co., Ltd.'), not
    the next item of a list."""
    return re.compile(rf"\s*(?:{legal_alternation()})(?![\w])\.?(?=\s*(?:[,;()]|[–—-]\s|and\b|$))")


@lru_cache(maxsize=1)
def abbreviation_end() -> re.Pattern[str]:
    """A name that ends with the dot of an abbreviated legal form ('Acme Inc.', 'Baz S.A.'): the dot is the name's,
    not a sentence's end."""
    dotted = [f for f in legal_forms() if f.endswith(".")]
    return re.compile(r"(?<![\w])(?:" + "|".join(_form_pattern(f) for f in dotted) + r")\.\Z")


@lru_cache(maxsize=1)
def _dotted_form() -> re.Pattern[str]:
    """Any legal form written with a dot, wherever it stands ('Pvt. Ltd.', 'Sp. z o.o.', 'S.A.')."""
    dotted = [f for f in legal_forms() if "." in f]
    return re.compile(r"(?<![\w])(?:" + "|".join(_form_pattern(f) for f in dotted) + r")(?:\.|(?![\w]))")


def dot_of_legal_form(text: str, dot: int) -> bool:
    """Whether the dot at text[dot] is one of a legal form's ('Deccan Fibre Pvt. Ltd.', 'Baz S.A. The'): a name's
    dot, not the end of a sentence."""
    return any(m.start() <= dot < m.end() for m in _dotted_form().finditer(text, max(0, dot - 32), dot + 32))


@lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    return frozenset(w.rstrip(".,") for f in legal_forms() for w in f.split() if len(w.rstrip(".,")) > 1
                     and w.rstrip(".,") not in ("de",))


def is_legal_word(word: str) -> bool:
    """'Inc', 'GmbH', 'Ltd.': one word that only a legal form is made of."""
    return word.rstrip(".,") in _words()


def strip_legal_form(name: str) -> str:
    """'Aeris Communications Inc.' -> 'Aeris Communications' (for identity, not for display)."""
    return legal_suffix().sub("", name).strip(" ,") or name


def has_legal_form(name: str) -> bool:
    """'Acme Inc', 'Qux Co., Ltd.', 'Baz S.A.': a name ending with a legal form (and something before it)."""
    short = strip_legal_form(name)
    return short != name.strip(" ,") and bool(short)

"""The ``Plural-Forms`` header, read in one place: ``nplurals=N; plural=EXPRESSION;``.

GNU ``msgfmt --check`` refuses an expression it cannot parse or that picks a form outside
``0 … nplurals-1``; so does :meth:`PluralForms.parse`, with the reason.  The expression is
evaluated by Python's own gettext (``gettext.c2py``), the same C subset GNU accepts.
"""

from __future__ import annotations

import functools
import gettext
import re
from collections.abc import Callable
from dataclasses import dataclass

_NPLURALS_RE = re.compile(r"\bnplurals\s*=\s*(\d+)")
_PLURAL_RE = re.compile(r"\bplural\s*=\s*([^;]*)")
#: The numbers an expression is tried on: enough to reach every rule CLDR has (…, 101, 111, 1000…).
SAMPLE_NUMBERS = (*range(0, 201), 1000, 1001, 1011, 10000, 100000, 1000000)


class PluralFormsError(ValueError):
    """A ``Plural-Forms`` value GNU gettext would refuse; the message says why."""


@functools.lru_cache(maxsize=256)
def plural_function(expression: str) -> Callable[[int], int]:
    """The compiled expression: catalogs of a site share a handful of rules, and compiling
    one (a Python ``exec``) costs more than the rest of compiling a catalog."""
    return gettext.c2py(expression)


@dataclass(frozen=True, slots=True)
class PluralForms:
    """How many plural forms a language has and which one a number takes."""

    nplurals: int
    expression: str

    @classmethod
    def parse(cls, value: str) -> PluralForms:
        """Read a header value; :class:`PluralFormsError` names what is wrong with it."""
        count = _NPLURALS_RE.search(value)
        rule = _PLURAL_RE.search(value)
        if count is None:
            raise PluralFormsError(f"no 'nplurals=N' in {value!r}")
        if rule is None or not rule.group(1).strip():
            raise PluralFormsError(f"no 'plural=EXPRESSION' in {value!r}")
        forms = cls(int(count.group(1)), rule.group(1).strip())
        if forms.nplurals < 1:
            raise PluralFormsError(f"nplurals={forms.nplurals}: a language has at least one form")
        try:
            function = plural_function(forms.expression)
        except (ValueError, SyntaxError, RecursionError) as error:
            raise PluralFormsError(f"plural={forms.expression!r} is not a valid expression ({error})") from None
        for number in SAMPLE_NUMBERS:
            try:
                index = function(number)
            except ArithmeticError as error:
                raise PluralFormsError(f"plural={forms.expression!r} fails for n = {number} ({error})") from None
            if not 0 <= index < forms.nplurals:
                raise PluralFormsError(
                    f"plural={forms.expression!r} gives form {index} for n = {number}, but nplurals={forms.nplurals}"
                )
        return forms

    @property
    def function(self) -> Callable[[int], int]:
        return plural_function(self.expression)

    def index(self, number: int) -> int:
        """The form ``number`` takes."""
        return self.function(number)

    def same_rule(self, other: PluralForms) -> bool:
        """Whether two rules pick the same form for every sample number (however they are written)."""
        return self.nplurals == other.nplurals and all(self.index(n) == other.index(n) for n in SAMPLE_NUMBERS)

    def __str__(self) -> str:
        return f"nplurals={self.nplurals}; plural={self.expression};"


#: English's rule, which gettext uses when a catalog declares none.
GERMANIC = PluralForms(2, "n != 1")


def declared_nplurals(value: str | None, default: int = 2) -> int:
    """``nplurals`` as ``msgmerge`` reads it to shape entries: ``default`` when absent or unreadable."""
    match = _NPLURALS_RE.search(value or "")
    return int(match.group(1)) if match else default

"""CLDR's plural rule of a language as gettext's ``Plural-Forms``, and whether a catalog's rule agrees.

gettext picks a msgstr by an index; CLDR names categories (``one``, ``few``…).  A rule agrees
with CLDR when two whole numbers share an index exactly when CLDR puts them in the same
category: a comparison of partitions, so ``(n != 1)`` and ``n==1 ? 0 : 1`` are the same rule.
The indices of a header written here follow CLDR's order (zero, one, two, few, many, other),
skipping the categories no whole number reaches (Russian's ``other`` is for fractions only).

Babel's ``get_plural`` follows an old GNU table that in places disagrees with CLDR (Punjabi and
Amharic put 0 with 1; Hungarian, Georgian and Armenian have one/other, not one form): its
expression is kept where it already has CLDR's partition and written from CLDR's rule otherwise.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from babel import Locale
from babel.messages.plurals import get_plural
from babel.plural import PluralRule

from openletter.po.plurals import PluralForms

#: Whole numbers a rule is compared on: every number up to 1000 and large ones past each
#: ``mod 100`` / ``mod 1000`` boundary.  Not a multiple of a million: CLDR's ``many`` of French,
#: Spanish, Italian, Portuguese and Catalan is for "un million *de*", a category gettext's tables
#: do not have and no count on these pages reaches; comparing it would give those languages a
#: form no page shows.
COMPARED_NUMBERS = (*range(0, 1001), 1001, 1002, 1011, 1012, 1021, 1101, 1111, 10000, 10001, 10011, 100000, 100001, 100011, 999999)
#: CLDR's categories in the order gettext indices follow.
CATEGORY_ORDER = ("zero", "one", "two", "few", "many", "other")


def cldr_rule(code: str) -> PluralRule:
    """CLDR's plural rule for a language (``pt_BR``), as Babel has it."""
    return Locale.parse(code).plural_form


def category_of_each(rule: PluralRule, numbers: Sequence[int] = COMPARED_NUMBERS) -> Sequence[str]:
    """CLDR's category of each of ``numbers``: evaluated once per rule for the compared numbers
    (Babel takes ~3 ms a pass, and checking a language's catalogs and writing its header need
    the same pass several times)."""
    if numbers is COMPARED_NUMBERS:
        return _compared_categories(tuple(sorted(rule.rules.items())))
    return [rule(number) for number in numbers]


@functools.lru_cache(maxsize=1024)
def _compared_categories(rules: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    rule = PluralRule(dict(rules))
    return tuple(rule(number) for number in COMPARED_NUMBERS)


def categories(rule: PluralRule, numbers: Sequence[int] = COMPARED_NUMBERS) -> tuple[str, ...]:
    """The categories whole numbers reach, in gettext's index order."""
    reached = set(category_of_each(rule, numbers))
    return tuple(name for name in CATEGORY_ORDER if name in reached)


def disagreement(function: Callable[[int], int], rule: PluralRule, numbers: Sequence[int] = COMPARED_NUMBERS) -> tuple[int, int] | None:
    """Two numbers the catalog's ``function`` and CLDR's ``rule`` group differently (one puts them
    together, the other apart), or None when both make the same partition."""
    by_index: dict[int, tuple[int, str]] = {}
    by_category: dict[str, tuple[int, int]] = {}
    for number, category in zip(numbers, category_of_each(rule, numbers)):
        index = function(number)
        first = by_index.setdefault(index, (number, category))
        if first[1] != category:
            return first[0], number
        seen = by_category.setdefault(category, (number, index))
        if seen[1] != index:
            return seen[0], number
    return None


@functools.lru_cache(maxsize=1024)
def rule_disagreement(forms: PluralForms, code: str) -> tuple[int, int] | None:
    """:func:`disagreement` of a catalog's ``Plural-Forms`` with CLDR's rule for ``code``, once per
    rule and language (a language's catalogs share one); none for the header
    :func:`plural_forms_for` writes, which has CLDR's partition by construction."""
    if forms == plural_forms_for(code):
        return None
    return disagreement(forms.function, cldr_rule(code))


def describe(rule: PluralRule, numbers: Sequence[int] = COMPARED_NUMBERS) -> str:
    """CLDR's categories with a few of their whole numbers: ``one: 1; other: 0, 2, 3, …``."""
    examples: dict[str, list[int]] = {}
    for number, category in zip(numbers, category_of_each(rule, numbers)):
        examples.setdefault(category, []).append(number)
    parts = []
    for name in categories(rule, numbers):
        shown = ", ".join(str(n) for n in examples[name][:4])
        parts.append(f"{name}: {shown}{', …' if len(examples[name]) > 4 else ''}")
    return "; ".join(parts)


@functools.lru_cache(maxsize=512)
def plural_forms_for(code: str) -> PluralForms:
    """The ``Plural-Forms`` for a language: Babel's when it has CLDR's partition, else written from CLDR's rule."""
    rule = cldr_rule(code)
    wanted = categories(rule)
    babel = get_plural(code)
    kept = PluralForms(babel.num_plurals, babel.plural_expr)
    if kept.nplurals == len(wanted) and disagreement(kept.function, rule) is None:
        return kept
    return PluralForms(len(wanted), expression_from_rule(rule, wanted))


#: The usual GNU ways to write the common two-form rules (tried before writing a new expression).
_USUAL = ("0", "(n != 1)", "(n > 1)")


def expression_from_rule(rule: PluralRule, wanted: tuple[str, ...]) -> str:
    """A C expression giving CLDR's index (in :data:`CATEGORY_ORDER`) for every whole number."""
    expected = {number: wanted.index(category) for number, category in zip(COMPARED_NUMBERS, category_of_each(rule))}
    for usual in _USUAL:
        candidate = PluralForms(len(wanted), usual)
        if all(candidate.index(n) == index for n, index in expected.items()):
            return usual
    conditions = dict(rule.abstract)
    arms = [f"{_compile(conditions[name])} ? {index}" for index, name in enumerate(wanted[:-1])]
    expression = "(" + " : ".join([*arms, str(len(wanted) - 1)]) + ")"
    written = PluralForms(len(wanted), expression)
    if any(written.index(n) != index for n, index in expected.items()):  # a rule shape not handled below
        raise ValueError(f"cannot write CLDR's rule {rule.rules!r} as a gettext expression")
    return expression


#: CLDR operands of a whole number: n and i are the number; v, w, f, t (fraction digits), c and e (exponent) are 0.
_OPERANDS = {"n": "n", "i": "n", "v": 0, "w": 0, "f": 0, "t": 0, "c": 0, "e": 0}

#: A compiled condition: C text, or a truth value known without ``n`` (``v = 0`` of a whole number).
Condition = str | bool


def _compile(node: tuple) -> Condition:
    """One node of Babel's rule tree (``rule.abstract``) as C, for whole numbers."""
    kind, args = node
    if kind in ("or", "and"):
        left, right = _compile(args[0]), _compile(args[1])
        absorbing = kind == "or"  # True absorbs an "or", False an "and"
        if absorbing in (left, right):
            return absorbing
        if isinstance(left, bool):
            return right
        if isinstance(right, bool):
            return left
        if kind == "or":
            return f"{left} || {right}"
        return f"{_grouped(left)} && {_grouped(right)}"
    if kind == "not":
        inner = _compile(args[0])
        return (not inner) if isinstance(inner, bool) else _negated(inner)
    if kind == "relation":
        _method, expression, ranges = args  # "in" and "within" are the same for whole numbers
        left = _value(expression)
        bounds = [(low[1][0], high[1][0]) for low, high in ranges[1]]
        if isinstance(left, int):
            return any(low <= left <= high for low, high in bounds)
        tests = [f"{left}=={low}" if low == high else f"{left}>={low} && {left}<={high}" for low, high in bounds]
        if len(tests) == 1:
            return tests[0]
        return "(" + " || ".join(f"({test})" if "&&" in test else test for test in tests) + ")"
    raise ValueError(f"unknown plural rule node {kind!r}")


def _grouped(text: str) -> str:
    """``text`` inside an ``&&``: parenthesized when it holds a top-level ``||``."""
    depth = 0
    for index, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and text.startswith("||", index):
            return f"({text})"
    return text


def _negated(text: str) -> str:
    match = re.fullmatch(r"([n0-9%]+)==(\d+)", text)
    return f"{match.group(1)}!={match.group(2)}" if match else f"!({text})"


def _value(node: tuple) -> str | int:
    kind, args = node
    if kind == "mod":
        left, right = _value(args[0]), _value(args[1])
        return left % right if isinstance(left, int) and isinstance(right, int) else f"{left}%{right}"
    if kind == "value":
        return int(args[0])
    if kind in _OPERANDS:
        return _OPERANDS[kind]
    raise ValueError(f"unknown plural operand {kind!r}")

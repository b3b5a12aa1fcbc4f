"""From what a person typed to a backend query: clean-up, word forms, compounds and typos.

Only letters and digits reach the backend, so quotes, operators and control characters cannot
break the backend's query syntax. Every alternative is checked against the words of public
content (search.vocabulary), so expansion adds only words that occur there.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from django.utils.translation import gettext_lazy as _
from wagtail.search.query import And, Or, PlainText

from core.limits import MAX_QUERY_LENGTH, MAX_TERMS, TERM

from . import vocabulary

# Words that carry no meaning in a question ("hoe vind ik een stageplaats voor mijn leerling").
STOPWORDS = frozenset(
    "aan al als bij dat de die dit een en er heb het hoe ik in is je kan kun kunnen maar met "
    "mijn naar niet of om onze op over te van voor waar wat we welke wie wij zijn zo".split()
)


class WordMatcher:
    """Whether a word of a text is one of `words` or a longer form of one (plural, inflection)."""

    def __init__(self, words):
        self.stems = {word.lower()[: max(4, len(word) - 2)]: len(word) for word in words}
        # Words that start with a stem; __call__ then checks their length.
        self.candidates = (
            re.compile(
                r"(?<![^\W_])(?:"
                + "|".join(map(re.escape, sorted(self.stems, key=len, reverse=True)))
                + r")[^\W_]*",
                re.IGNORECASE,
            )
            if self.stems
            else None
        )

    def __call__(self, token):
        token = token.lower()
        return any(token.startswith(stem) and len(token) <= length + 4 for stem, length in self.stems.items())

    def found_in(self, text):
        """The matching words of `text`, as regular expression matches, in order."""
        if self.candidates is not None:
            yield from (found for found in self.candidates.finditer(text) if self(found.group()))


class InvalidSearch(ValueError):
    """Input the search cannot answer; the message is for the person who typed it, `status` the
    HTTP status that says so."""

    status = 400


def clean(text):
    """The query as shown and recorded: no control characters, single spaces."""
    text = "".join(" " if unicodedata.category(char).startswith("C") else char for char in text)
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        raise InvalidSearch(
            _("De zoekvraag is te lang: hoogstens %(max)d tekens.") % {"max": MAX_QUERY_LENGTH}
        )
    return text


def terms_of(text):
    words = list(dict.fromkeys(word.lower() for word in TERM.findall(text)))
    meaningful = [word for word in words if word not in STOPWORDS]
    return (meaningful or words)[:MAX_TERMS]


@dataclass
class Interpretation:
    """The query's terms, each with its alternatives, and the compounds adjacent terms form."""

    groups: list  # per term: the term first, then known word forms or corrections
    compounds: list  # (position of the first of two terms, alternatives of the joined word)

    @cached_property
    def _matchers(self):
        """(weight, matcher): a term counts once, a compound of two terms twice."""
        return [(1, WordMatcher(group)) for group in self.groups] + [
            (2, WordMatcher(group)) for _position, group in self.compounds
        ]

    def title_coverage(self, title):
        """How many terms the title holds, in one of their forms."""
        covered = sum(weight for weight, matches in self._matchers if next(matches.found_in(title), None))
        return min(covered, len(self.groups))

    @property
    def words(self):
        """Every word searched for, for highlighting."""
        found = [word for group in self.groups for word in group]
        return found + [word for _position, group in self.compounds for word in group]

    def backend_query(self, operator):
        """All terms (`and`, each through one of its alternatives), or any term (`or`)."""
        groups = [_any_of(group) for group in self.groups]
        if operator == "or":
            return _any_of_queries(groups + [_any_of(group) for _pos, group in self.compounds])
        variants = [_all_of(groups)]
        for position, group in self.compounds:
            variants.append(_all_of(groups[:position] + [_any_of(group)] + groups[position + 2 :]))
        return _any_of_queries(variants)


def _any_of(words):
    return _any_of_queries([PlainText(word) for word in words])


def _any_of_queries(queries):
    return queries[0] if len(queries) == 1 else Or(queries)


def _all_of(queries):
    return queries[0] if len(queries) == 1 else And(queries)


def interpret(terms):
    """The terms with their alternatives, checked against the words of public content in one
    query, plus one query per term that public content does not know (a likely typo)."""
    joined = [first + second for first, second in zip(terms, terms[1:], strict=False)]
    known = vocabulary.known(form for word in terms + joined for form in _forms(word))
    groups = [_alternatives(term, known) for term in terms]
    compounds = [
        (position, forms) for position, word in enumerate(joined) if (forms := _known_forms(word, known))
    ]
    return Interpretation(groups=groups, compounds=compounds)


def _alternatives(term, known):
    forms = [form for form in _known_forms(term, known) if form != term]
    if term in known or term.isdigit() or len(term) < 4:
        return [term] + forms
    return list(dict.fromkeys([term] + forms + vocabulary.closest(term)))


def _forms(word):
    """The word and its possible Dutch singular and plural forms."""
    forms = [word, word + "en", word + "s", word + word[-1] + "en"]
    if word.endswith("en"):
        stem = word[:-2]
        forms += [stem, stem[:-1]] if len(stem) > 2 and stem[-1] == stem[-2] else [stem]
    elif word.endswith("s"):
        forms.append(word[:-1])
    return forms


def _known_forms(word, known):
    """The word's forms that public content holds. Stemming does this on PostgreSQL; on SQLite
    this is all there is."""
    return [form for form in dict.fromkeys(_forms(word)) if form in known]

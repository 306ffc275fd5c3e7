"""Tokens with character offsets, sentences and clauses: the units the pipeline reasons on."""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.domain.names import fold

_WORD = re.compile(r"\w+", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’»)]*\s+|\n\s*|[.!?…]+$")
_CLAUSE_PUNCT = re.compile(r"[,;:()\[\]–—]|\s-\s")


@dataclass(frozen=True)
class Token:
    text: str
    folded: str
    start: int
    end: int
    capitalised: bool  # its first letter is upper case


@dataclass(frozen=True)
class Sentence:
    """Tokens [first, last) of the article; clause[i] numbers the clause of token first+i."""

    index: int
    first: int
    last: int
    start: int
    end: int
    clauses: tuple[int, ...]


def tokenize(text: str) -> list[Token]:
    tokens = []
    for match in _WORD.finditer(text):
        folded = fold(match.group())
        if folded:
            word = match.group()
            tokens.append(
                Token(word, folded.replace(" ", ""), match.start(), match.end(), word[:1].isupper())
            )
    return tokens


def sentences(
    text: str, tokens: list[Token], clause_breaks: frozenset[str], extra: list[int] | None = None
) -> list[Sentence]:
    """Split at sentence punctuation and line breaks (and `extra` offsets); clauses at commas,
    colons, `ma`, `but` …"""
    bounds = sorted({m.end() for m in _SENTENCE_END.finditer(text)} | set(extra or []))
    out: list[Sentence] = []
    i = 0
    for end in [*bounds, len(text) + 1]:
        first = i
        while i < len(tokens) and tokens[i].start < end:
            i += 1
        if i == first:
            continue
        clauses: list[int] = []
        clause = 0
        for k in range(first, i):
            if k > first:
                gap = text[tokens[k - 1].end : tokens[k].start]
                if _CLAUSE_PUNCT.search(gap) or tokens[k].folded in clause_breaks:
                    clause += 1
            clauses.append(clause)
        out.append(
            Sentence(len(out), first, i, tokens[first].start, tokens[i - 1].end, tuple(clauses))
        )
    return out

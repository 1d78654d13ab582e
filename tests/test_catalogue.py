"""The metric catalogue: every rule and concept reads its examples and rejects its false friends, alone."""

from __future__ import annotations

import dataclasses

import pytest

from govdisc import metrics
from govdisc.metrics import disclosure, requests, review
from govdisc.metrics.schema import Concept, Rule, Term, first_term
from govdisc.normalize import normalize_text
from govdisc.parse import find_counts

RULES = [(family.__name__.rsplit(".", 1)[1], n, rule) for family in metrics.FAMILIES
         for n, rule in enumerate(getattr(family, "PROSE", ()))]  # fmt: skip


def _rule_id(item: tuple[str, int, Rule]) -> str:
    family, n, rule = item
    return f"{family}#{n}:{rule.key}"


def read_alone(rule: Rule, sentence: str) -> int | float | None:
    """What ``rule`` alone reads from ``sentence`` (normalized as the pipeline does).

    A concept read only right after counts of other keys (``after``: 结果维持6件 after 行政复议7件)
    runs with the concepts of those keys, which read them and nothing of ``rule.key``.
    """
    text, _ = normalize_text(sentence)
    found = find_counts([(line, None) for line in text.split("\n")], (*prerequisites(rule), rule), None)
    return found[rule.key].quantity.value if rule.key in found else None


def prerequisites(rule: Rule) -> tuple[Concept, ...]:
    """The catalogue's concepts of the keys ``rule`` must follow, other than ``rule.key`` itself."""
    if not isinstance(rule, Concept) or not rule.after:
        return ()
    return tuple(c for c in metrics.PROSE_RULES if isinstance(c, Concept) and c.key in rule.after and c.key != rule.key)


READS = [(f"{_rule_id(item)}:{n}", item[2], sentence, value)
         for item in RULES for n, (sentence, value) in enumerate(item[2].reads)]  # fmt: skip
REJECTS = [(f"{_rule_id(item)}:{n}", item[2], sentence) for item in RULES for n, sentence in enumerate(item[2].rejects)]


@pytest.mark.parametrize(("rule", "sentence", "value"), [r[1:] for r in READS], ids=[r[0] for r in READS])
def test_rule_reads_its_example(rule, sentence, value):
    assert read_alone(rule, sentence) == value


@pytest.mark.parametrize(("rule", "sentence"), [r[1:] for r in REJECTS], ids=[r[0] for r in REJECTS])
def test_rule_rejects_its_false_friend(rule, sentence):
    assert read_alone(rule, sentence) is None


@pytest.mark.parametrize("item", RULES, ids=_rule_id)
def test_every_rule_is_needed_by_its_examples(item):
    """Each rule has examples, and without its pattern the rule reads none of them."""
    rule = item[2]
    assert rule.reads, "a rule without examples cannot be tested"
    assert rule.key in metrics.LABELS
    if isinstance(rule, Concept) and rule.after:
        assert prerequisites(rule), "a concept read after other keys needs concepts that read them"
    gutted = gut(rule)
    assert all(read_alone(gutted, sentence) is None for sentence, _ in rule.reads)


def gut(rule: Rule) -> Rule:
    """The rule with its words taken out: a pattern, or a concept's cue, that matches nothing."""
    if isinstance(rule, Concept):
        return dataclasses.replace(rule, cue=r"(?!)")
    return dataclasses.replace(rule, pattern=r"(?!)")


#: Every set of terms matched against printed labels, with how a label finds its term there.
TERM_TABLES = {
    "table3.rows": requests.ROWS,
    "table2.subjects": disclosure.SUBJECTS,
    "table2.fields": disclosure.FIELDS,
    "pre2019.rows": metrics.PRE2019_ROWS,
}
TERMS = [(name, term) for name, terms in TERM_TABLES.items() for term in terms]


@pytest.mark.parametrize(("table", "term"), TERMS, ids=[f"{name}:{term.key}" for name, term in TERMS])
def test_every_printed_label_finds_its_term(table: str, term: Term):
    """The examples of a term's printed form find that term, tried in order with the others of its table."""
    assert term.printed and term.examples
    for example in term.examples:
        found = first_term(example.replace(" ", ""), TERM_TABLES[table])
        assert found is not None and found.key == term.key, (example, found)


def test_keys_are_those_of_record_md():
    """Every key a family defines is listed once; table keys are what RECORD.md names."""
    assert "requests.denied.third_party.natural_person" in metrics.LABELS
    assert "litigation_after_review.pending" in metrics.LABELS
    assert len(requests.KEYS) == len(requests.ROWS) * len(requests.COLUMNS)
    assert len([k for k in review.KEYS if k not in review.PROSE_ONLY]) == len(review.GROUPS) * len(review.COLUMNS)
    assert len(requests.DENIED) == 8
    for identity in metrics.IDENTITIES:
        assert all(k in metrics.LABELS for k in identity.left + identity.right)
    for carry in metrics.CARRY_OVER:
        assert all(k in metrics.LABELS for k in (carry.key, *carry.last, *carry.plus, *carry.minus))


def _prose(sentence: str) -> dict[str, tuple[int | float, bool]]:
    found = find_counts([(normalize_text(sentence)[0], None)], metrics.PROSE_RULES, sums=metrics.PROSE_SUMS)
    return {k: (f.quantity.value, f.evidence.derived) for k, f in found.items()}


def test_a_whole_stated_by_its_parts_is_their_sum_marked_derived():
    got = _prose("因政府信息公开被申请行政复议1件，维持结果1件；未经复议直接诉讼2件，复议后诉讼1件。")
    assert got["litigation_direct.total"] == (2, False)
    assert got["litigation_after_review.total"] == (1, False)
    assert got["litigation.total"] == (3, True)


def test_a_stated_whole_is_not_replaced_by_the_sum_of_its_parts():
    got = _prose(review._LITIGATION_SPLIT)
    assert got["litigation.total"] == (3, False)
    partial = _prose("因政府信息公开被申请行政复议1件；未经复议直接诉讼2件。")
    assert "litigation.total" not in partial

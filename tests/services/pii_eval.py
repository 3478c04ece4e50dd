"""Scoring the guard on the labelled notes (used by test_pii_eval.py and the docs)."""

from __future__ import annotations

from dataclasses import dataclass, field

from drieluik.services.pii import Finding, scan
from tests.services.pii_eval_notes import Span, parse


@dataclass
class Score:
    gold: int = 0
    found: int = 0  # gold spans fully covered by a finding of the same category
    findings: int = 0
    correct: int = 0  # findings that overlap a gold span of the same category
    misses: list[tuple[str, str]] = field(default_factory=list)
    false_alarms: list[tuple[str, str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.findings if self.findings else 1.0


def _covers(finding: Finding, span: Span) -> bool:
    return (
        finding.category == span.category
        and finding.start <= span.start
        and finding.end >= span.end
    )


def _overlaps(finding: Finding, span: Span) -> bool:
    return (
        finding.category == span.category and finding.start < span.end and span.start < finding.end
    )


def evaluate(notes: list[str]) -> Score:
    score = Score()
    for labelled in notes:
        text, gold = parse(labelled)
        findings = scan(text)
        score.gold += len(gold)
        score.findings += len(findings)
        for span in gold:
            if any(_covers(f, span) for f in findings):
                score.found += 1
            else:
                score.misses.append((span.category, text[span.start : span.end]))
        for finding in findings:
            if any(_overlaps(finding, span) for span in gold):
                score.correct += 1
            else:
                score.false_alarms.append((finding.category, finding.text))
    return score

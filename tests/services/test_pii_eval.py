"""Recall and precision on labelled realistic notes (figures in docs/anonymisation.md)."""

from __future__ import annotations

from tests.services.pii_eval import evaluate
from tests.services.pii_eval_notes import HELD_OUT, NOTES, parse


def test_labels_parse() -> None:
    text, spans = parse("a {{PERSON|Elena}} b {{PHONE|06-12345678}}")
    assert text == "a Elena b 06-12345678"
    assert [text[s.start : s.end] for s in spans] == ["Elena", "06-12345678"]


def test_evaluation_set_is_substantial() -> None:
    assert len(NOTES) + len(HELD_OUT) >= 40


def test_recall_and_precision_on_all_notes() -> None:
    score = evaluate(NOTES + HELD_OUT)
    report = f"misses={score.misses} false alarms={score.false_alarms}"
    assert score.recall >= 0.9, report
    assert score.precision >= 0.95, report


def test_held_out_notes_alone() -> None:
    score = evaluate(HELD_OUT)
    report = f"misses={score.misses} false alarms={score.false_alarms}"
    assert score.recall >= 0.85, report
    assert score.precision >= 0.9, report


if __name__ == "__main__":  # print the figures for the docs
    for name, notes in (("tuning", NOTES), ("held out", HELD_OUT), ("all", NOTES + HELD_OUT)):
        s = evaluate(notes)
        print(
            f"{name}: {len(notes)} notes, {s.gold} spans, recall {s.found}/{s.gold} = "
            f"{s.recall:.3f}, precision {s.correct}/{s.findings} = {s.precision:.3f}"
        )
        print("  misses:", s.misses)
        print("  false alarms:", s.false_alarms)

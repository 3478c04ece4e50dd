"""Whatever text comes in, the guard answers with sound offsets and never raises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drieluik.services.pii import PLACEHOLDERS, mask, redact, scan

# Pieces that make the rules fire, mixed into arbitrary text so the interesting
# paths (checksums, spreading names, overlaps) are exercised, not only the misses.
_PIECES = st.sampled_from(
    [
        "Elena P.",
        " mevrouw Hoogeveen ",
        "cliënte Ioana Popescu",
        "Popescu",
        " de Vries ",
        "E.J. ",
        "geb. 14-03-1999",
        "06-12345678",
        "+31 6 1234 5678",
        "123456782",
        "123.456.782",
        "NL91 ABNA 0417 1643 00",
        "a@b.nl",
        "Kerkstraat 12a",
        "9401 AB",
        "12-ABC-3",
        "Veilig Thuis Drenthe",
        " ",
        "\n",
        ".",
        "-",
        "(",
    ]
)
_TEXT = st.lists(st.one_of(st.text(max_size=20), _PIECES), max_size=12).map("".join)


def _check(text: str, allow: list[str]) -> None:
    findings = scan(text, allow)
    previous_end = 0
    for finding in findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
        assert finding.start >= previous_end  # sorted and non-overlapping
        previous_end = finding.end
    redacted = redact(text, findings)
    assert len(redacted) <= len(text) + sum(len(p) for p in PLACEHOLDERS.values()) * len(findings)
    for finding in findings:
        mask(finding.text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(), st.lists(st.text(max_size=10), max_size=3))
def test_arbitrary_unicode(text: str, allow: list[str]) -> None:
    _check(text, allow)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT, st.lists(_PIECES | st.text(max_size=10), max_size=3))
def test_text_with_personal_data_mixed_in(text: str, allow: list[str]) -> None:
    _check(text, allow)


def test_lone_surrogates_and_nul() -> None:
    text = "\ud800 Elena \x00 06-12345678 \udfff"
    _check(text, ["\udc00"])
    assert [f.text for f in scan(text)] == ["Elena", "06-12345678"]

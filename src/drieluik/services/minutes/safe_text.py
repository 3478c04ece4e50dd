"""Make user text safe to put in any document format, visibly.

Text is stored as typed (domain/text.py refuses only NUL and lone
surrogates). On the way out, characters that would break a format or hide
what the text says are replaced by U+FFFD "�", so a reader sees that
something was there:

- C0 control characters except tab and newline (XML 1.0 forbids them and
  python-docx raises on them; in Markdown they are terminal escapes), DEL and
  the C1 controls U+0080–U+009F;
- the bidirectional embedding/override/isolate controls U+202A–U+202E and
  U+2066–U+2069, which can make a text display differently from what it
  says ("Trojan Source"); ordinary right-to-left letters are kept;
- the non-characters U+FFFE and U+FFFF (invalid in XML).

Line ends are normalised to "\\n".
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"

_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


def display_safe(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _UNSAFE.sub(REPLACEMENT, text)

"""Fault injection: every header and MAC byte flipped, and a spread of body bytes,
each through the real `drieluik check` (in-process). Always a clean refusal with
exit 3 (a key slot no longer opens) or 7 (damaged), never an unexpected error,
never a changed file. A flipped format-version byte reads as a future version
(exit 1, "update drieluik", which is what such a file would honestly need) or
as version 0 (exit 7, not a vault).
"""

from __future__ import annotations

import functools
import random
from collections import Counter
from pathlib import Path

import pytest

from drieluik.cli import run
from drieluik.i18n import t
from drieluik.store import vault_format as fmt
from drieluik.store.models import Setting
from drieluik.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.vault_testing import MAC_SIZE, TAG_SIZE, field_span, flipped

VERSION_BYTES = range(*(lambda o, s: (o, o + s))(*field_span("format_version")))


@pytest.mark.slow
@pytest.mark.parametrize("mask", [0xFF, 0x01], ids=["all bits", "lowest bit"])
def test_every_header_byte_flipped(
    new_vault: Vault,
    vault_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    mask: int,
) -> None:
    with new_vault.transaction() as session:
        session.add(Setting(key="k", value="v" * 10_000))
    header_length = new_vault.header.length
    new_vault.close()
    sealed = vault_path.read_bytes()
    monkeypatch.setenv("DRIELUIK_PASSPHRASE", PASSPHRASE)
    # The real Argon2id, remembered per (secret, salt, parameters): only flips
    # in a key slot's salt or parameters pay for a new derivation.
    monkeypatch.setattr(fmt, "derive_key", functools.lru_cache(maxsize=512)(fmt.derive_key))
    unexpected = t("error.unexpected", kind="").split("(")[0]

    if mask == 0xFF:  # every header and MAC byte, a spread of the body, the whole tag
        rng = random.Random(mask)
        body = range(header_length + MAC_SIZE, len(sealed) - TAG_SIZE)
        positions = [*range(header_length + MAC_SIZE), *sorted(rng.sample(body, 48))]
        positions += [len(sealed) - TAG_SIZE + i for i in range(TAG_SIZE)]
    else:  # the smallest change to every header field (MAC and body behave alike)
        positions = list(range(header_length))
    codes: Counter[int] = Counter()
    for position in positions:
        damaged = flipped(sealed, position, mask)
        vault_path.write_bytes(damaged)
        code = run(["check"])
        err = capsys.readouterr().err
        assert unexpected not in err, (position, err)
        # version bytes: a higher version is "update drieluik" (1), version 0 is not a vault (7)
        allowed = {1, 7} if position in VERSION_BYTES else {3, 7}
        assert code in allowed, (position, code, err)
        assert vault_path.read_bytes() == damaged
        codes[code] += 1
    print(f"{len(positions)} single-byte flips (mask {mask:#x}): exit codes {dict(codes)}")
    vault_path.write_bytes(sealed)
    assert run(["check"]) == 0

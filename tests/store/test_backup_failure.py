"""A backup that fails on a full disk says what is true: the copy was not
created, and the vault was not touched (never "the previous version of <dest>
is unchanged" for a <dest> that never existed)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from drieluik.store.models import Setting
from tests.vault_testing import child_env, needs_linux, temp_files

_CHILD = """
import os, resource, signal, sys
from pathlib import Path
from drieluik.errors import DrieluikError
from drieluik.i18n import set_language
from drieluik.store.vault import Vault

path, dest = Path(sys.argv[1]), Path(sys.argv[2])
vault = Vault.open(path, "correct horse")
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of being killed
soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
resource.setrlimit(resource.RLIMIT_FSIZE, (path.stat().st_size // 2, hard))
for language in ("nl", "en"):
    set_language(language)
    try:
        vault.write_copy(dest)
    except DrieluikError as exc:
        print(exc.key, int(exc.exit_code), exc, sep="|")
    else:
        print("written")
"""


@needs_linux
def test_a_failed_backup_never_speaks_of_a_previous_version(new_vault, vault_path: Path) -> None:
    with new_vault.transaction() as session:
        session.add(Setting(key="ruimte", value="x" * 300_000))
    new_vault.close()
    before = vault_path.read_bytes()
    dest = vault_path.parent / "stick" / "kopie.vault"
    dest.parent.mkdir()
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, str(vault_path), str(dest)],
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    nl, en = (line.split("|") for line in proc.stdout.splitlines())
    assert nl[:2] == en[:2] == ["backup.failed", "1"]
    assert "niet aangemaakt" in nl[2] and "disk full" in nl[2]
    assert "was not created" in en[2]
    for text in (nl[2], en[2]):
        assert "ongewijzigd" not in text and "unchanged" not in text
    assert not dest.exists() and temp_files(dest) == []
    assert vault_path.read_bytes() == before

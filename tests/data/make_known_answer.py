"""Made known-answer-v1.vault and known-answer-v1.json ONCE; do not run it again.

The vector guards format version 1 against accidental change: the committed
bytes must keep opening, with exactly the content in the JSON, in every later
drieluik. Running this again makes new random keys and nonces, which would
hide exactly the change the vector exists to catch. Only a new format version
gets a new vector (known-answer-v2.*), made by a copy of this script; see
docs/vault-format.md, "Bumping the format version".

    python tests/data/make_known_answer.py OUT_DIR
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from drieluik.store import vault_format as fmt
from drieluik.store.migrations import SCHEMA_VERSION
from drieluik.store.models import Case, Setting, clock_at
from drieluik.store.vault import Vault

PASSPHRASE = "Drieluik bekende-uitkomst 2024 ✓"  # NFC, non-ASCII on purpose
NAME = "known-answer-v1"


def main(out: Path) -> None:
    path = out / f"{NAME}.vault"
    vault = Vault.create(path, PASSPHRASE)
    with clock_at(datetime(2024, 3, 1, 9, 30, tzinfo=UTC)), vault.transaction() as session:
        session.add(Setting(key="retention_years", value="5"))
        session.add(Setting(key="note", value="Cliënt — “quotes”, \x1b[31m, [bold]x[/]"))
        session.add(
            Case(
                code="DL-2024-001",
                signal_date=date(2024, 2, 14),
                reporter="Politie",
                municipality="Assen",
                form="arbeidsuitbuiting",
                vulnerable_groups="minderjarig",
                summary="Signaal via wijkteam over werk zonder loon in een kwekerij.",
                status="nieuw",
            )
        )
    vault.close()

    data = path.read_bytes()
    header = fmt.parse_header(data, len(data))
    slot = header.slots[0]
    conn = sqlite3.connect(":memory:")
    with Vault.open(path, PASSPHRASE) as opened, opened.db.lock:
        conn.deserialize(opened.db.serialize())
    tables = {
        table: [list(row) for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1")]
        for table in ("settings", "cases")
    }
    described = {
        "about": "Format-1 known-answer vector; see tests/data/README.md. Never regenerate.",
        "passphrase": PASSPHRASE,
        "file_sha256": hashlib.sha256(data).hexdigest(),
        "file_size": len(data),
        "format_version": header.version,
        "schema_version": SCHEMA_VERSION,
        "header": {
            "magic": fmt.MAGIC.decode(),
            "header_length": header.length,
            "vault_id": header.vault_id.hex(),
            "generation": header.generation,
            "saved_at": header.saved_at,
            "payload_nonce": header.payload_nonce.hex(),
            "payload_length": header.payload_length,
            "slot_count": len(header.slots),
            "header_mac": data[header.length : header.length + fmt.MAC_SIZE].hex(),
            "payload_tag": data[-fmt.TAG_SIZE :].hex(),
        },
        "slots": [
            {
                "kind": slot.kind,
                "kdf_id": slot.params.kdf_id,
                "memory_kib": slot.params.memory_kib,
                "iterations": slot.params.iterations,
                "lanes": slot.params.lanes,
                "salt": slot.salt.hex(),
                "wrap_nonce": slot.wrap_nonce.hex(),
                "wrapped_key": slot.wrapped_key.hex(),
            }
        ],
        "tables": tables,
        "search": {"kwekerij": ["DL-2024-001"]},
    }
    (out / f"{NAME}.json").write_text(
        json.dumps(described, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    (out / f"{NAME}.vault.lock").unlink(missing_ok=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))

"""Messages of retention, the audit trail, the recovery key, passphrase strength
and rollback awareness."""

MESSAGES = {
    "setting.out_of_range": {
        "nl": "Ongeldige waarde {value} voor {key} (toegestaan: {minimum} tot en met {maximum}).",
        "en": "Invalid value {value} for {key} (allowed: {minimum} to {maximum}).",
    },
}

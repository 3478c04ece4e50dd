"""The kinds of personal data the guard finds, and what redaction puts in their place."""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    PERSON = "PERSON"
    BSN = "BSN"
    PHONE = "PHONE"
    EMAIL = "EMAIL"
    ADDRESS = "ADDRESS"
    POSTCODE = "POSTCODE"
    DOB = "DOB"
    PLATE = "PLATE"
    IBAN = "IBAN"
    ID_DOCUMENT = "ID_DOCUMENT"
    SOCIAL = "SOCIAL"
    AD_URL = "AD_URL"

    @property
    def label(self) -> str:
        """The word a user reads for it: naam, BSN, telefoonnummer, …"""
        from drieluik.i18n import t

        return t(f"pii.category.{self.value}")


# Dutch placeholders: redacted minutes are read by Dutch partners.
PLACEHOLDERS: dict[Category, str] = {
    Category.PERSON: "[NAAM]",
    Category.BSN: "[BSN]",
    Category.PHONE: "[TELEFOON]",
    Category.EMAIL: "[E-MAIL]",
    Category.ADDRESS: "[ADRES]",
    Category.POSTCODE: "[POSTCODE]",
    Category.DOB: "[GEBOORTEDATUM]",
    Category.PLATE: "[KENTEKEN]",
    Category.IBAN: "[IBAN]",
    Category.ID_DOCUMENT: "[ID-NUMMER]",
    Category.SOCIAL: "[ACCOUNT]",
    Category.AD_URL: "[ADVERTENTIE]",
}

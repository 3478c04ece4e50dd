"""The personal-data guard, category by category: what it must find and what it must leave."""

from __future__ import annotations

import subprocess
import sys

import pytest

from drieluik.services.pii import PLACEHOLDERS, Category, Finding, mask, redact, scan
from drieluik.services.pii.rules import bsn_valid, iban_valid


def found(text: str, allow: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [(f.category.value, f.text) for f in scan(text, allow)]


def texts(text: str, category: Category) -> list[str]:
    return [f.text for f in scan(text) if f.category is category]


# --- API shape --------------------------------------------------------------------


def test_categories_and_placeholders_are_the_documented_strings() -> None:
    assert [c.value for c in Category] == [
        "PERSON", "BSN", "PHONE", "EMAIL", "ADDRESS", "POSTCODE", "DOB", "PLATE", "IBAN",
        "ID_DOCUMENT", "SOCIAL", "AD_URL",
    ]  # fmt: skip
    assert PLACEHOLDERS == {
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


def test_the_issue_example() -> None:
    text = "Elena P. (geb. 14-03-1999), 06-12345678"
    assert scan(text) == [
        Finding(Category.PERSON, 0, 8, "Elena P."),
        Finding(Category.DOB, 15, 25, "14-03-1999"),
        Finding(Category.PHONE, 28, 39, "06-12345678"),
    ]
    assert redact(text) == "[NAAM] (geb. [GEBOORTEDATUM]), [TELEFOON]"


def test_empty_and_clean_text() -> None:
    assert scan("") == []
    assert scan("Besproken in het overleg; geen verdere actie.") == []


# --- BSN --------------------------------------------------------------------------


@pytest.mark.parametrize("bsn", ["123456782", "123.456.782", "123 456 782", "1234.56.782"])
def test_bsn_in_its_written_forms(bsn: str) -> None:
    assert found(f"BSN {bsn} bekend.") == [("BSN", bsn)]


def test_bsn_checksum() -> None:
    assert bsn_valid("111222333")
    assert bsn_valid("123456782")
    assert not bsn_valid("123456789")
    assert not bsn_valid("000000000")
    assert not bsn_valid("12345678")


@pytest.mark.parametrize("number", ["123456789", "123.456.789", "987654321", "000000000"])
def test_checksum_invalid_bsn_is_not_flagged(number: str) -> None:
    assert texts(f"nummer {number} in dossier", Category.BSN) == []


def test_bsn_inside_longer_numbers_is_not_flagged() -> None:
    assert texts("registratie 1234567820 en 0123456782x", Category.BSN) == []
    assert texts("bedrag 123.456.782,50", Category.BSN) == []


# --- IBAN -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "iban",
    [
        "NL91ABNA0417164300",
        "NL91 ABNA 0417 1643 00",
        "nl91abna0417164300",
        "DE89370400440532013000",
        "DE89 3704 0044 0532 0130 00",
        "BE68539007547034",
        "GB29 NWBK 6016 1331 9268 19",
        "RO49AAAA1B31007593840000",
        "BG80BNBG96611020345678",
    ],
)
def test_valid_iban(iban: str) -> None:
    assert found(f"Loon op {iban} gestort.") == [("IBAN", iban)]


@pytest.mark.parametrize(
    "wrong",
    ["NL91ABNA0417164301", "NL91 ABNA 0417 1643 01", "DE89370400440532013001", "NL12ABNA012"],
)
def test_checksum_invalid_iban_is_not_flagged(wrong: str) -> None:
    assert texts(f"rekening {wrong} genoemd", Category.IBAN) == []


def test_iban_followed_by_words_stops_at_its_length() -> None:
    assert texts("op NL91 ABNA 0417 1643 00 en verder", Category.IBAN) == ["NL91 ABNA 0417 1643 00"]
    assert iban_valid("NL91ABNA0417164300")
    assert not iban_valid("XX91ABNA0417164300")


# --- PHONE ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phone",
    [
        "06-12345678",
        "0612345678",
        "06 12345678",
        "06 12 34 56 78",
        "06-1234 5678",
        "+31 6 1234 5678",
        "+31612345678",
        "+31 (0)6 12345678",
        "0031 6 12345678",
        "0031612345678",
        "050-1234567",
        "050 123 45 67",
        "0592-123456",
        "(0592) 123456",
        "088-1234567",
        "+31 50 123 4567",
        "+49 30 12345678",
        "+40 721 234 567",
        "+234 803 123 4567",
        "0048 512 345 678",
    ],
)
def test_phone_numbers(phone: str) -> None:
    assert found(f"Bel {phone} na 17 uur.") == [("PHONE", phone)]


@pytest.mark.parametrize(
    "text",
    [
        "Overleg op 06-03-2023 om 10:00 uur.",
        "Overleg 06-03-2023 10 uur.",
        "Van 09.30 - 10.30 uur en daarna 12.00.",
        "In 2023 12 keer besproken, 67 signalen.",
        "Bedrag € 1.250,00 en 0,50 per uur.",
        "Veilig Thuis is bereikbaar op 0800-2000.",
        "Casus DL-2023-017 en DL-2024-003.",
        "Zie dossier 12345.",
    ],
)
def test_not_phone_numbers(text: str) -> None:
    assert texts(text, Category.PHONE) == []


def test_phone_after_other_numbers_is_still_found() -> None:
    assert texts("In 2023 12 keer gebeld: 06-12345678.", Category.PHONE) == ["06-12345678"]


# --- EMAIL ------------------------------------------------------------------------


def test_email() -> None:
    assert found("Mail naar elena.popescu@gmail.com of j.de-vries@gemeente.nl.") == [
        ("EMAIL", "elena.popescu@gmail.com"),
        ("EMAIL", "j.de-vries@gemeente.nl"),
    ]
    assert texts("geen adres: @gmail.com of jan@ of a@b", Category.EMAIL) == []


# --- POSTCODE ---------------------------------------------------------------------


@pytest.mark.parametrize("postcode", ["9401 AB", "9401AB", "7741 XZ", "9401ab"])
def test_postcode(postcode: str) -> None:
    assert texts(f"adres {postcode} Assen", Category.POSTCODE) == [postcode]


@pytest.mark.parametrize(
    "text",
    [
        "In 2023 en 2024 meer signalen.",
        "Sinds 2023 OM betrokken.",
        "in 2021 VT gemeld",
        "code 1234 SS of 1234 SA of 1234 SD",
        "0123 AB is geen postcode",
        "In 2023 EN 2024",
    ],
)
def test_not_postcodes(text: str) -> None:
    assert texts(text, Category.POSTCODE) == []


# --- ADDRESS ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "Kerkstraat 12",
        "Kerkstraat 12a",
        "Kerkstraat 12-3",
        "Kerkstraat 12 bis",
        "Kerkstraat 12 A",
        "Stationsweg 1",
        "Beatrixlaan 204",
        "Stationsplein 3",
        "Zuiderdijk 17",
        "Noorderkade 9",
        "Herengracht 401",
        "Oostersingel 44",
        "Kerkpad 2",
        "Molensteeg 5",
        "Burgemeester Tjalmaweg 7",
        "Jan van Galenstraat 12",
        "Van Goghstraat 3",
        "Brink 12",
        "Prinses Margrietlaan 8-hs",
    ],
)
def test_address(address: str) -> None:
    assert texts(f"Zij woont aan de {address}, sinds mei.", Category.ADDRESS) == [address]


def test_address_does_not_take_in_sentence_words() -> None:
    assert texts("In de Kerkstraat 5 woonden zes mensen.", Category.ADDRESS) == ["Kerkstraat 5"]
    assert texts("Woont Kerkstraat 5.", Category.ADDRESS) == ["Kerkstraat 5"]


@pytest.mark.parametrize(
    "text",
    [
        "Westerveld 3 signalen, Hoogeveen 12.",
        "Kerkstraat zonder nummer.",
        "onderweg 2 uur, binnenweg 3 keer",
        "Straat 5 is geen adres.",
        "Hoofdstraat 12,50 euro",
    ],
)
def test_not_addresses(text: str) -> None:
    assert texts(text, Category.ADDRESS) == []


# --- DOB --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("geb. 14-03-1999", "14-03-1999"),
        ("geboren 14/3/1999", "14/3/1999"),
        ("geboren op 14 maart 1999", "14 maart 1999"),
        ("geboortedatum: 1999-03-14", "1999-03-14"),
        ("Geb. op 3 mei 1990 in Lagos", "3 mei 1990"),
        ("° 14.03.1999", "14.03.1999"),
        ("(geb. 14-03-99)", "14-03-99"),
        ("is geboren in Nigeria op 1 jan. 2001", "1 jan. 2001"),
        ("geb. 1992", "1992"),
        ("geboortejaar 2005", "2005"),
    ],
)
def test_date_of_birth(text: str, date: str) -> None:
    assert texts(text, Category.DOB) == [date]


@pytest.mark.parametrize(
    "text",
    [
        "Overleg op 14-03-2024.",
        "Besproken 14 maart 2024, vervolg 1999-03-14.",
        "Het kind is geboren. Op 14-03-2024 volgt een gesprek.",
        "geboren in Lagos",
        "geb. 32-13-1999",
        "Het was 20 °C op 14-03-2024.",
        "Gebruik 14-03-2024 als datum.",
    ],
)
def test_dates_without_birth_cue_are_not_flagged(text: str) -> None:
    assert texts(text, Category.DOB) == []


# --- PLATE ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "plate",
    [
        "AB-12-34",
        "12-34-AB",
        "12-AB-34",
        "AB-12-CD",
        "AB-CD-12",
        "12-ABC-3",
        "1-ABC-23",
        "AB-123-C",
        "A-123-BC",
        "ABC-12-D",
        "A-12-BCD",
        "1-AB-234",
        "123-AB-4",
        "GJ123K",
        "12GJK3",
        "XV-99-XZ",
    ],
)
def test_licence_plates(plate: str) -> None:
    assert found(f"Busje met kenteken {plate} gezien.") == [("PLATE", plate)]


@pytest.mark.parametrize(
    "text",
    [
        "Casus DL-2023-017 besproken.",
        "COVID-19 maatregelen.",
        "NL2023 en AB1234",
        "Artikel 273f Sr.",
        "Formulier A-12 ingevuld",
        "Code ABC123",
    ],
)
def test_not_licence_plates(text: str) -> None:
    assert texts(text, Category.PLATE) == []


# --- PERSON -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("mevrouw Hoogeveen belde", "Hoogeveen"),
        ("Mevrouw Jansen belde", "Jansen"),
        ("mevr. De Boer belde", "De Boer"),
        ("mw. Bakker belde", "Bakker"),
        ("Mw Bakker belde", "Bakker"),
        ("meneer El Amrani belde", "El Amrani"),
        ("dhr. Kowalski belde", "Kowalski"),
        ("de heer Van Dijk belde", "Van Dijk"),
        ("mr. drs. E. Jansen belde", "E. Jansen"),
        ("dr. Smit belde", "Smit"),
        ("ir. Mulder belde", "Mulder"),
        ("mevrouw Elena Popescu belde", "Elena Popescu"),
    ],
)
def test_names_after_titles(text: str, name: str) -> None:
    assert texts(text, Category.PERSON) == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("cliënte Ioana meldt", "Ioana"),
        ("Cliënte Xiomara meldt", "Xiomara"),
        ("het slachtoffer Zhivka zegt", "Zhivka"),
        ("melder Hendriks belt", "Hendriks"),
        ("haar vader Tariq zegt", "Tariq"),
        ("de moeder, Radka, zegt", "Radka"),
        ("zus Qamar zegt", "Qamar"),
        ("broer Ilir zegt", "Ilir"),
        ("werkgever Bakker betaalt", "Bakker"),
        ("pooier Dragan regelt", "Dragan"),
        ("vriend Kiko regelt", "Kiko"),
        ("haar vriendin Zdenka zegt", "Zdenka"),
        ("partner Ozkan zegt", "Ozkan"),
        ("dochter Leyla (14) zegt", "Leyla"),
        ("zoon Timur zegt", "Timur"),
        ("haar ex-werkgever Visser zegt", "Visser"),
        ("een man genaamd Marco", "Marco"),
        ("werknaam Candy", "Candy"),
        ("roepnaam: Nana", "Nana"),
    ],
)
def test_names_after_role_words(text: str, name: str) -> None:
    assert texts(text, Category.PERSON) == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("volgens E. Jansen is", "E. Jansen"),
        ("volgens E.J. de Vries is", "E.J. de Vries"),
        ("volgens J.P.M. van den Berg is", "J.P.M. van den Berg"),
        ("volgens Elena P. is", "Elena P."),
        ("volgens Elena Popescu is", "Elena Popescu"),
        ("volgens Ahmed el Amrani is", "Ahmed el Amrani"),
        ("volgens Jan de Vries is", "Jan de Vries"),
        ("volgens Ana-Maria Ionescu is", "Ana-Maria Ionescu"),
        ("volgens Blessing is", "Blessing"),
        ("volgens Oluwaseun is", "Oluwaseun"),
        ("volgens Małgorzata is", "Małgorzata"),
        ("volgens Roos de Jong is", "Roos de Jong"),
        ("volgens Roos B. is", "Roos B."),
        ("Fatima zegt", "Fatima"),
    ],
)
def test_names_from_initials_and_first_names(text: str, name: str) -> None:
    assert texts(text, Category.PERSON) == [name]


def test_a_name_found_once_is_flagged_everywhere() -> None:
    text = "Cliënte Elena Popescu meldt. Popescu woont in Emmen. ELENA belt later; Elena ook."
    assert texts(text, Category.PERSON) == ["Elena Popescu", "Popescu", "ELENA", "Elena"]


def test_surname_keeps_its_particles_when_spread() -> None:
    text = "Gesprek met Jan de Vries. Later zegt De Vries dat hij in Vries woont."
    assert texts(text, Category.PERSON) == ["Jan de Vries", "De Vries"]


def test_title_does_not_spread_a_municipality() -> None:
    text = "mevrouw Hoogeveen werkt in Hoogeveen en Emmen."
    assert texts(text, Category.PERSON) == ["Hoogeveen"]
    assert scan(text)[0].start == len("mevrouw ")


@pytest.mark.parametrize(
    "text",
    [
        "Veilig Thuis Drenthe, GGD Drenthe, GGD, politie, AVIM, TMM en RIEC Noord-Nederland.",
        "KMar, Zorg- en Veiligheidshuis Drenthe, ZVHD en de Nederlandse Arbeidsinspectie.",
        "COA, CoMensha, Time2Connect, Jade Zorggroep, Terwille, Fier en Humanitas.",
        "Leger des Heils, Openbaar Ministerie, OM, IND, UWV, SVB en Belastingdienst.",
        "Sociaal Wijkteam Emmen, Wmo en Jeugdwet.",
        "Aa en Hunze, Assen, Borger-Odoorn, Coevorden, De Wolden, Emmen, Hoogeveen, Meppel, "
        "Midden-Drenthe, Noordenveld, Tynaarlo en Westerveld.",
        "Roden, Beilen, Zuidlaren, Klazienaveen, Nieuw-Amsterdam en Drenthe.",
        "Maandag 3 juni, dinsdag, woensdag en vrijdag; Januari, Mei en December.",
        "Melder Veilig Thuis Drenthe belt. Partner AVIM belt. Vader Nederlandse, moeder Poolse.",
        "Bijlage B. Daarna besproken. Persoon A. en cliënte X zijn anoniem.",
        "Bijlage A. Overzicht signalen. Bijlage B. Verwijskaart.",
        "Werkgever Agrarisch Loonbedrijf betaalt onder het minimumloon.",
        "Meneer X en mevrouw Y zijn geanonimiseerd.",
        "De vrouw spreekt Roemeens en Engels. Zij komt uit Roemenië.",
        "Ben je bij het overleg? Roos is een bloem. Max. 3 personen.",
        "Jade Zorggroep en Wilhelmina Ziekenhuis Assen zijn betrokken.",
        "Een busje van Mercedes. Via WhatsApp en Snapchat geronseld.",
        "Op de Willem Alexanderlaan staat het pand.",
        "Volgens DL-2023-017 en DL-2024-003 in 2023.",
    ],
)
def test_organisations_places_and_ordinary_words_are_not_flagged(text: str) -> None:
    assert scan(text) == []


def test_user_allow_list() -> None:
    text = "Stichting Sterrenhof en Elena belden; Sterrenhof helpt."
    assert found(text, allow=("sterrenhof", "ELENA")) == []
    assert ("PERSON", "Elena") in found(text)


def test_user_allow_list_matches_whole_findings_only() -> None:
    text = "Bel 06-12345678 of 06-87654321."
    assert found(text, allow=("06 12345678",)) == [("PHONE", "06-87654321")]
    assert found("Kerkstraat 12", allow=("Kerkstraat",)) == [("ADDRESS", "Kerkstraat 12")]


def test_user_allow_list_beats_a_title() -> None:
    assert found("mevrouw Hoogeveen belde", allow=("Hoogeveen",)) == []


# --- redact and mask --------------------------------------------------------------


def test_redact_with_given_findings() -> None:
    text = "Elena belt 06-12345678."
    findings = scan(text)
    assert redact(text, findings[1:]) == "Elena belt [TELEFOON]."
    assert redact(text, []) == text
    assert redact(text, allow=("Elena",)) == "Elena belt [TELEFOON]."


def test_redact_refuses_stale_findings() -> None:
    findings = scan("Elena belt.")
    with pytest.raises(ValueError):
        redact("Maria belt.", findings)


def test_redact_merges_overlapping_findings() -> None:
    text = "abc Elena Popescu xyz"
    findings = [
        Finding(Category.PERSON, 4, 9, "Elena"),
        Finding(Category.PERSON, 4, 17, "Elena Popescu"),
        Finding(Category.PERSON, 10, 17, "Popescu"),
    ]
    assert redact(text, findings) == "abc [NAAM] xyz"


def test_redacted_text_scans_clean() -> None:
    text = (
        "Mevrouw Hoogeveen: cliënte Elena P. (geb. 14-03-1999), 06-12345678, "
        "elena@example.com, Kerkstraat 12a, 9401 AB Assen, BSN 123456782, "
        "NL91ABNA0417164300, kenteken 12-ABC-3, paspoort NW3F71K84, @sandra_x, "
        "www.kinky.nl/sandra-21."
    )
    cleaned = redact(text)
    assert scan(cleaned) == [], cleaned
    for placeholder in PLACEHOLDERS.values():
        assert placeholder in cleaned


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("Elena P.", "E***a P."),
        ("06-12345678", "06-****5678"),
        ("123456782", "*****6782"),
        ("Jo", "Jo"),
        ("", ""),
    ],
)
def test_mask(text: str, masked: str) -> None:
    assert mask(text) == masked


# --- speed and hygiene ------------------------------------------------------------


def test_shipped_name_lists_load() -> None:
    from drieluik.services.pii.lexicon import ambiguous_first_names, first_names

    assert len(first_names()) > 2000
    assert {"elena", "blessing", "ahmed", "małgorzata", "jan"} <= first_names()
    assert ambiguous_first_names() <= first_names()
    assert {"ben", "roos"} <= ambiguous_first_names()


def test_guard_imports_no_textual() -> None:
    code = "import sys, drieluik.services.pii as p; p.scan('x'); print('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"

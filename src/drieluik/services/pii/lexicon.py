"""Word lists behind the name and address rules. All entries are casefolded."""

from __future__ import annotations

from functools import cache
from importlib import resources

# Titles before a name: strong evidence, stronger than the built-in allow-list.
TITLES = frozenset(
    {
        "mevrouw",
        "mevr",
        "mw",
        "mvr",
        "meneer",
        "mijnheer",
        "mnr",
        "dhr",
        "hr",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "drs",
        "ir",
        "ing",
        "prof",
        "madame",
        "mme",
        "monsieur",
        "frau",
        "herr",
        "pani",
        "doamna",
        "domnul",
    }
)
# "heer" only counts in "de heer".
TITLE_AFTER_DE = frozenset({"heer"})

# Roles a person has in a case; a capitalised name right after one is a person.
ROLE_WORDS = frozenset(
    {
        "cliënt",
        "cliënte",
        "client",
        "cliente",
        "slachtoffer",
        "melder",
        "meldster",
        "vader",
        "moeder",
        "ouder",
        "zus",
        "zusje",
        "zuster",
        "broer",
        "broertje",
        "werkgever",
        "werkgeefster",
        "pooier",
        "souteneur",
        "vriend",
        "vriendin",
        "vriendje",
        "vriendinnetje",
        "partner",
        "ex",
        "ex-partner",
        "expartner",
        "ex-vriend",
        "ex-vriendin",
        "dochter",
        "dochtertje",
        "zoon",
        "zoontje",
        "oom",
        "tante",
        "neef",
        "nicht",
        "opa",
        "oma",
        "stiefvader",
        "stiefmoeder",
        "schoonvader",
        "schoonmoeder",
        "zwager",
        "schoonzus",
        "echtgenoot",
        "echtgenote",
        "man",
        "buurman",
        "buurvrouw",
        "collega",
        "verdachte",
        "dader",
        "uitbuiter",
        "huisbaas",
        "verhuurder",
        "eigenaar",
        "eigenaresse",
        "baas",
        "leidinggevende",
        "chef",
        "voorman",
        "contactpersoon",
        "begeleider",
        "begeleidster",
        "mentor",
        "voogd",
        "betrokkene",
        "jongere",
        "meisje",
        "jongen",
        "minderjarige",
        "kind",
        "klant",
        "getuige",
        "aangever",
        "aangeefster",
        "ronselaar",
        "bemiddelaar",
        "chauffeur",
        "medebewoner",
        "medebewoonster",
        "huisgenoot",
        "kamergenoot",
        "loverboy",
        "mensenhandelaar",
        "tussenpersoon",
        # Police shorthand and other roles in reports
        "btr",
        "verd",
        "bestuurder",
        "bijrijder",
        "passagier",
        "inzittende",
        "huurder",
        "bewoner",
        "bewoonster",
        "werknemer",
        "werkneemster",
        "uitzendkracht",
        "neefje",
        "nichtje",
        # English, for notes by English-speaking partners
        "victim",
        "girl",
        "boy",
        "woman",
        "mother",
        "father",
        "sister",
        "brother",
        "friend",
        "boyfriend",
        "girlfriend",
        "husband",
        "wife",
        "boss",
        "employer",
        "driver",
        "pimp",
        "handler",
        "suspect",
        "landlord",
        "cousin",
        "uncle",
        "aunt",
    }
)

# Words that announce a name: "een man genaamd Marco", "werknaam Candy".
NAME_CUES = frozenset(
    {
        "genaamd",
        "genoemd",
        "heet",
        "heette",
        "naam",
        "alias",
        "bijnaam",
        "roepnaam",
        "schuilnaam",
        "werknaam",
        "voornaam",
        "achternaam",
        "named",
        "called",
        "nicknamed",
        "aka",
    }
)

# Surname particles (tussenvoegsels and their foreign cousins).
PARTICLES = frozenset(
    {
        "van",
        "von",
        "de",
        "der",
        "den",
        "het",
        "'t",
        "t",
        "te",
        "ten",
        "ter",
        "in",
        "op",
        "la",
        "le",
        "du",
        "da",
        "di",
        "del",
        "della",
        "dos",
        "das",
        "do",
        "el",
        "al",
        "bin",
        "ibn",
        "ould",
    }
)

# Capitalised words that start sentences or name things, never a person.
_STOP_WORDS_TEXT = """
    de het een dit dat deze die er hij zij ze wij we jij je u ik hun hen haar zijn mijn ons onze
    uw wat wie waar wanneer hoe waarom welke welk in op aan bij met van voor na naar uit over
    onder tussen door om tot tegen zonder sinds vanaf via volgens tijdens ook nog al niet geen
    wel toen daarna daarom daarbij daarin daarover dan maar en of want omdat als zodat terwijl
    hierna verder ten ter is was waren heeft hebben had wordt worden werd kan kon zal zou moet
    mag gaat komt zegt vertelt geeft besluit actie acties advies signaal melding casus overleg
    verslag agenda notitie notities afspraak afspraken gesprek besproken toelichting conclusie
    vervolg stand status datum tijd aanwezig aanwezigen afwezig afgemeld punt agendapunt
    voorzitter zorgcoördinator ketenregisseur nieuw nieuwe oud oude eerste tweede derde
    hierbij volgende vorige recent recente graag mogelijk mogelijke mogelijkheid eventueel
    bovendien echter inmiddels momenteel nu nog steeds sindsdien vervolgens uiteindelijk
    alleen samen beide iedereen niemand iemand elke elk alle veel weinig meer minder
    onbekend bekend geen niets alles ja nee oké ok wellicht misschien zeker duidelijk
    gemeente zorginstelling organisatie stichting bedrijf uitzendbureau werkplek woning
    opvang huis school ziekenhuis huisarts arts advocaat tolk rechter officier agent
    wijkagent rechercheur hulpverlener hulpverlening jeugdzorg zorg wonen werk
    arbeidsmigrant arbeidsmigranten statushouder sekswerker risicojongere lvb
    seksuele criminele arbeidsuitbuiting uitbuiting mensenhandel mensensmokkel
    persoon personen cliënt cliënte slachtoffer slachtoffers melder dader verdachte
    mevrouw meneer heer vrouw vrouwen man mannen meisje meisjes jongen jongens kind kinderen
    noord zuid oost west noordelijk zuidelijk centrum stad dorp regio provincie land
    bijlage fase zaak optie variant scenario locatie bron bericht mail email telefoon
    politie justitie
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

# Nationalities and languages: "moeder Roemeense" is no name.
NATIONALITY_STEMS = (
    "nederlands",
    "engels",
    "pools",
    "roemeens",
    "bulgaars",
    "hongaars",
    "oekraïens",
    "oekraiens",
    "russisch",
    "litouws",
    "lets",
    "slowaaks",
    "tsjechisch",
    "nigeriaans",
    "ghanees",
    "ghanese",
    "eritrees",
    "eritrese",
    "ethiopisch",
    "syrisch",
    "marokkaans",
    "turks",
    "afghaans",
    "iraaks",
    "iraans",
    "somalisch",
    "chinees",
    "chinese",
    "vietnamees",
    "vietnamese",
    "thais",
    "filipijns",
    "braziliaans",
    "surinaams",
    "antilliaans",
    "duits",
    "franse",
    "spaans",
    "italiaans",
    "portugees",
    "portugese",
    "albanees",
    "albanese",
    "arabisch",
    "koerdisch",
    "tigrinya",
    "afrikaans",
    "europees",
    "europese",
    "oost-europe",
    "west-afrika",
    "moldavisch",
    "servisch",
    "bosnisch",
    "litouws",
    "indiaas",
    "pakistaans",
    "sudanees",
    "soedanees",
    "soedanese",
    "sudanese",
    "guinees",
    "guinese",
    "kameroens",
    "belgisch",
    "grieks",
    "egyptisch",
    "algerijns",
    "tunesisch",
    "libisch",
    "iers",
    "amerikaans",
    # The same in English, for notes by English-speaking partners.
    "czech",
    "polish",
    "romanian",
    "bulgarian",
    "hungarian",
    "ukrainian",
    "russian",
    "lithuanian",
    "latvian",
    "slovak",
    "nigerian",
    "ghanaian",
    "eritrean",
    "ethiopian",
    "syrian",
    "moroccan",
    "turkish",
    "afghan",
    "iraqi",
    "iranian",
    "somali",
    "chinese",
    "vietnamese",
    "thai",
    "filipino",
    "brazilian",
    "surinamese",
    "german",
    "french",
    "spanish",
    "italian",
    "portuguese",
    "albanian",
    "arabic",
    "kurdish",
    "african",
    "european",
    "dutch",
    "english",
    "british",
    "american",
    "indian",
    "pakistani",
    "sudanese",
    "belgian",
    "greek",
    "egyptian",
    "moldovan",
    "serbian",
    "bosnian",
    "kosovar",
    "eritrea",
    "nigeria",
)

# The last part of a Dutch street name: "Hoofdstraat", "Kerkpad", "Stationsplein".
STREET_SUFFIXES = (
    "straat",
    "straatweg",
    "weg",
    "laan",
    "plein",
    "dijk",
    "kade",
    "gracht",
    "singel",
    "pad",
    "steeg",
    "hof",
    "dreef",
    "park",
    "erf",
    "wijk",
    "markt",
    "baan",
    "ring",
    "hoek",
    "esch",
    "brink",
    "wal",
    "haven",
    "zijde",
    "akker",
    "kamp",
    "stede",
    "weide",
    "allee",
    "boulevard",
    "kanaal",
    "vaart",
    "diep",
    "plantsoen",
    "gaarde",
    "poort",
    "dam",
    "steenweg",
    "hoeve",
    "wijk",
    "veld",
    "oord",
    "horst",
    "zoom",
    "lei",
    "rade",
    "kamp",
    "hout",
    "zand",
    "straatje",
    "laantje",
    "paadje",
    "hofje",
    "einde",
    "eind",
    "streek",
)

# Words that may come before the main word of a street name.
STREET_PREFIXES = frozenset(
    {
        "burgemeester",
        "burg",
        "prins",
        "prinses",
        "koning",
        "koningin",
        "graaf",
        "generaal",
        "gen",
        "dokter",
        "dr",
        "pastoor",
        "sint",
        "st",
        "oude",
        "nieuwe",
        "korte",
        "lange",
        "grote",
        "groote",
        "kleine",
        "hoge",
        "lage",
        "noorder",
        "zuider",
        "ooster",
        "wester",
        "eerste",
        "tweede",
        "derde",
        "binnen",
        "buiten",
        "achter",
        "voor",
        "heer",
        "mr",
        "professor",
        "prof",
        "kapitein",
        "commissaris",
        "dominee",
        "ds",
        "meester",
    }
)


def _read_names(filename: str) -> frozenset[str]:
    text = resources.files(__package__).joinpath(filename).read_text(encoding="utf-8")
    names: set[str] = set()
    for line in text.splitlines():
        content = line.split("#", 1)[0]
        for name in content.replace(",", " ").split():
            names.add(name.casefold())
    return frozenset(names)


@cache
def first_names() -> frozenset[str]:
    """All first names: the hand list and the generated per-country list, casefolded."""
    return (
        _read_names("first_names.txt")
        | _read_names("first_names_world.txt")
        | ambiguous_first_names()
    )


@cache
def ambiguous_first_names() -> frozenset[str]:
    """First names that are also ordinary words: a name only with more evidence."""
    return _read_names("first_names_ambiguous.txt") | _read_names("first_names_world_ambiguous.txt")


@cache
def lowercase_unsafe_names() -> frozenset[str]:
    """Listed names that are Dutch or English words in lower case ("jan", "roos", "hope")."""
    return _read_names("names_lowercase_unsafe.txt") | ambiguous_first_names()


@cache
def surnames() -> frozenset[str]:
    """Frequent surnames that are no ordinary word: a name wherever they stand."""
    return _read_names("surnames.txt")


@cache
def surname_words() -> frozenset[str]:
    """Frequent surnames that are also words ("Brouwer", "Bakker"): a name mid-sentence."""
    return _read_names("surnames_words.txt")


def is_nationality(folded: str) -> bool:
    return folded.startswith(NATIONALITY_STEMS)

"""A labelled evaluation set for the personal-data guard: realistic Dutch notes.

Written for these tests (all names, numbers and addresses are invented; BSNs and
IBANs are made valid on purpose). Personal data is marked `{{CATEGORY|text}}`;
everything else must stay unflagged. The set mixes what chairs write: case
summaries, discussion notes, decisions and actions, with the organisations,
municipalities, case codes, dates, amounts and times that must not be flagged.
A few hard cases (a name typed in lower case, a surname standing alone) are in
on purpose, so the measured recall is honest.

`NOTES` were written before the rules were tuned against them; `HELD_OUT` were
written afterwards and never used to change a rule (docs/anonymisation.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LABEL_RE = re.compile(r"\{\{([A-Z_]+)\|(.*?)\}\}")


@dataclass(frozen=True)
class Span:
    category: str
    start: int
    end: int


def parse(labelled: str) -> tuple[str, list[Span]]:
    """The plain text and its gold spans."""
    text_parts: list[str] = []
    spans: list[Span] = []
    position = 0
    length = 0
    for m in _LABEL_RE.finditer(labelled):
        before = labelled[position : m.start()]
        text_parts.append(before)
        length += len(before)
        value = m.group(2)
        spans.append(Span(m.group(1), length, length + len(value)))
        text_parts.append(value)
        length += len(value)
        position = m.end()
    text_parts.append(labelled[position:])
    return "".join(text_parts), spans


NOTES = [
    # 1
    "Signaal van Veilig Thuis Drenthe over {{PERSON|Elena P.}} (geb. {{DOB|14-03-1999}}), "
    "telefoon {{PHONE|06-12345678}}. Zij werkt via een uitzendbureau in Emmen en woont met "
    "zes anderen in één woning. Besproken in het Drieluik van 12 maart.",
    # 2
    "DL-2023-017: cliënte {{PERSON|Ioana Munteanu}} meldt dat haar werkgever haar paspoort "
    "heeft ingenomen. Loon van € 350 per maand, werkdagen van 12 uur. Nederlandse "
    "Arbeidsinspectie wordt gevraagd een controle te doen.",
    # 3
    "Melding via politie (AVIM). Meisje van 16, roepnaam {{PERSON|Amira}}, verblijft "
    "mogelijk bij een oudere man in Assen. Loverboyproblematiek vermoed. Jeugdbescherming "
    "en Fier betrokken.",
    # 4
    "Besluit: monitoring tot 1 september. Actie: GGD Drenthe neemt contact op met de "
    "huisarts. Actie: gemeente Hoogeveen onderzoekt de huisvesting aan de "
    "{{ADDRESS|Stationsweg 14}}.",
    # 5
    "Mevrouw {{PERSON|Hoogeveen}} van het Sociaal Wijkteam Coevorden heeft het signaal "
    "ingebracht. Zij is bereikbaar op {{PHONE|0524-123456}}.",
    # 6
    "Betrokkene {{PERSON|Blessing}} (Nigeriaanse, circa 24 jaar) is via Time2Connect in "
    "de opvang van Terwille geplaatst. Schuld van € 30.000 aan een 'madam'. CoMensha "
    "is geïnformeerd.",
    # 7
    "Arbeidsmigranten uit Polen bij een champignonkwekerij in Midden-Drenthe. Contactpersoon "
    "bij de werkgever is dhr. {{PERSON|Kowalski}}, {{EMAIL|p.kowalski@example.pl}}. RIEC "
    "Noord-Nederland bekijkt de ondermijnende component.",
    # 8
    "Auto met kenteken {{PLATE|GJ-123-K}} rijdt 's nachts vrouwen naar een adres in Meppel. "
    "Politie (TMM) heeft het kenteken uitgelezen. Vervolg in overleg van 9 april.",
    # 9
    "{{PERSON|Oksana}} ({{PERSON|Oksana Kovalenko}} volgens het COA) meldt dat haar "
    "vriendin {{PERSON|Iryna}} in Groningen wordt uitgebuit. Tolk Oekraïens geregeld.",
    # 10
    "BSN van cliënt {{BSN|123456782}} staat in het dossier van de gemeente; niet in het "
    "verslag opnemen. Het IND-nummer is onbekend.",
    # 11
    "Huur wordt contant geïnd door de huisbaas. Loon gestort op rekening "
    "{{IBAN|NL91 ABNA 0417 1643 00}} die op naam van een ander staat.",
    # 12
    "Zorg- en Veiligheidshuis Drenthe coördineert. Terugkoppeling door Jade Zorggroep op "
    "maandag 3 juni om 14:00 uur. Geen verdere actie nodig vanuit Humanitas.",
    # 13
    "Slachtoffer {{PERSON|Nguyen Van Minh}} werkte in een nagelstudio in Emmen, "
    "{{ADDRESS|Hoofdstraat 112a}}. Ondermijning: RIEC ingebracht.",
    # 14
    "KMar trof op Schiphol twee minderjarigen aan met bestemming Assen. Eén jongen, "
    "{{PERSON|Yonas}}, is via het COA in Ter Apel aangemeld. Voogdij via Nidos.",
    # 15
    "Het signaal betreft criminele uitbuiting: jongeren uit Hoogeveen worden ingezet als "
    "geldezel. De moeder van {{PERSON|Dylan}} heeft aangifte gedaan. Politie en OM "
    "onderzoeken.",
    # 16
    "Vader {{PERSON|Ahmed}} neemt contact op met de wijkagent. Gezin woont aan de "
    "{{ADDRESS|Burgemeester Tjalmaweg 7}}, {{POSTCODE|7741 AB}} Coevorden.",
    # 17
    "Actielijst: 1) Veilig Thuis belt melder terug vóór 15 mei. 2) GGD onderzoekt "
    "medische zorg. 3) Zorgcoördinator agendeert opnieuw in juli 2024.",
    # 18
    "Sekswerker {{PERSON|Maria S.}} adverteert op een website met nummer "
    "{{PHONE|+31 6 1234 5678}}. Vermoedelijke pooier {{PERSON|Dragan}} regelt de "
    "hotelkamers in Zwolle.",
    # 19
    "Signaal van CoMensha: Bulgaarse man, {{PERSON|Georgi Petrov}}, geboren "
    "{{DOB|2 mei 1987}}, werkt zonder contract bij een slachterij in Tynaarlo.",
    # 20
    "Monitoring afgerond. Geen nieuwe signalen in 2023 en 2024. Casus DL-2022-041 kan "
    "worden afgesloten; bewaartermijn loopt tot 2027.",
    # 21
    "Mw. {{PERSON|De Jong}} (Sociaal Team Emmen) vraagt advies over een gezin uit "
    "Roemenië. Kinderen gaan niet naar school. Leerplicht is ingelicht.",
    # 22
    "{{PERSON|Fatima El Amrani}} is via haar zus {{PERSON|Khadija}} in contact gekomen met "
    "Fier. Telefoon zus: {{PHONE|06 87 65 43 21}}.",
    # 23
    "De heer {{PERSON|Van Dijk}} van Nederlandse Arbeidsinspectie neemt deel aan het "
    "volgende overleg op 14 november. Inspectie bij een tuinbouwbedrijf in Westerveld "
    "gepland.",
    # 24
    "Melding van een verhuurder in Borger-Odoorn: veertien Roemenen in één huis aan de "
    "{{ADDRESS|Kerkstraat 3}}. Kenteken busje: {{PLATE|12-ABC-3}}.",
    # 25
    "Ketenregisseur stelt voor om DL-2024-003 en DL-2024-005 samen te bespreken. Beide "
    "casussen spelen in Aa en Hunze en Tynaarlo.",
    # 26
    "Cliënte {{PERSON|Precious}} wil niet meewerken aan aangifte. Bedenktijd aangeboden "
    "via CoMensha. Opvang in Fier. Volgende evaluatie 12-06-2024.",
    # 27
    "Werkgever {{PERSON|Bakker}} (eigenaar van het bedrijf) betaalt lonen uit op "
    "{{IBAN|DE89370400440532013000}}. UWV en Belastingdienst zijn ingelicht.",
    # 28
    "{{PERSON|Andrei}} en {{PERSON|Mihai}} werkten als bouwvakker in Meppel. Zij sliepen "
    "in een caravan. Leger des Heils biedt tijdelijk onderdak.",
    # 29
    "Gesprek met meneer {{PERSON|Jansen}} (buurman) op 4 april: hij ziet steeds andere "
    "vrouwen bij het pand. Mailadres: {{EMAIL|h.jansen@ziggo.nl}}.",
    # 30
    "Jongere (17) uit Emmen wordt geronseld via Snapchat. Ouders hebben contact met "
    "Veilig Thuis. Wijkteam ondersteunt het gezin; Wmo-indicatie loopt.",
    # 31
    "Signaal via Openbaar Ministerie: verdachte {{PERSON|Marco}} (geb. {{DOB|1992}}) "
    "zou meisjes ronselen in Hoogeveen en Meppel.",
    # 32
    "Vluchtelingenwerk meldt dat statushouder {{PERSON|Tesfay}} schulden heeft bij een "
    "landgenoot in Assen. Zijn nummer is {{PHONE|0031 6 11122233}}.",
    # 33
    "Werkgroep evalueert de samenwerking met Zorg- en Veiligheidshuis, RIEC, GGD en politie. "
    "Jaarcijfers 2023: 67 signalen, waarvan 21 arbeidsuitbuiting.",
    # 34
    "Contactpersoon {{PERSON|Olena}} van de opvang geeft aan dat {{PERSON|Katya}} "
    "zwanger is. Afspraak bij de verloskundige op dinsdag 10:30.",
    # 35
    "Het slachtoffer, {{PERSON|Ana-Maria Ionescu}}, woonde op {{ADDRESS|Marktplein 5-2}} in "
    "Assen. Haar BSN ({{BSN|111.222.333}}) is bij de gemeente bekend.",
    # 36
    "Dochter {{PERSON|Sara}} (14) is weggelopen uit de jeugdzorginstelling. Politie heeft "
    "haar als vermist opgegeven. Terwille betrokken.",
    # 37
    "Broer {{PERSON|Mohamed}} zegt dat zijn broer moet werken voor een drugsnetwerk in "
    "Emmen. Criminele uitbuiting; RIEC Noord-Nederland geïnformeerd.",
    # 38
    "Besluit: doorverwijzing naar Centrum Seksueel Geweld. Actie: Veilig Thuis Drenthe "
    "draagt warm over vóór 1 juli. Status: doorverwezen.",
    # 39
    "Uitzendbureau in Coevorden houdt € 120 per week in voor huisvesting. Werknemers "
    "melden zich bij FNV. Arbeidsinspectie plant inspectie in week 23.",
    # 40
    "{{PERSON|Jan-Willem Bos}} (mentor) meldt dat de cliënt bang is voor zijn ex-werkgever "
    "{{PERSON|Visser}}. Telefoon mentor {{PHONE|050-3123456}}.",
    # 41
    "Hard: de vriend heet {{PERSON|ahmed}}; hij belt vanaf een Belgisch nummer "
    "{{PHONE|+32 470 12 34 56}}. {{PERSON|Eikelboom}} zegt dat hij haar kent.",
]

HELD_OUT = [
    # 1
    "Nieuw signaal (Veilig Thuis Drenthe, 2 februari): een Roemeense vrouw, "
    "{{PERSON|Daniela Stoica}}, werkt in een massagesalon in Emmen. Haar telefoon "
    "{{PHONE|+40 745 123 456}} wordt beantwoord door een man.",
    # 2
    "Actie: politie (AVIM) bezoekt het pand aan de {{ADDRESS|Parallelweg 31b}} in Assen "
    "vóór 1 maart. Eigenaar van het pand is bekend bij de gemeente Assen.",
    # 3
    "Mevrouw {{PERSON|Kuipers}} van Jade Zorggroep vertelt dat cliënte {{PERSON|Nkechi}} "
    "(19) steeds wordt opgehaald door een zwarte BMW, kenteken {{PLATE|XR-482-N}}.",
    # 4
    "Besluit: inbreng RIEC. Ondermijnende component: vastgoed in Coevorden en Emmen op naam "
    "van een holding. Geen persoonsgegevens in het verslag.",
    # 5
    "Via de huisarts: {{PERSON|Krzysztof Nowak}} (geb. {{DOB|07-11-1978}}) heeft "
    "onbehandelde verwondingen na een val op het werk. Werkgever betaalt hem contant.",
    # 6
    "De jongen, {{PERSON|Rayan}}, is 15 en dealt voor een netwerk uit Rotterdam. Moeder "
    "{{PERSON|Samira}} is ingelicht door het Sociaal Wijkteam Hoogeveen.",
    # 7
    "Schuld van € 4.500 wordt afgelost via rekening {{IBAN|BG80 BNBG 9661 1020 3456 78}}. "
    "Belastingdienst en UWV bekijken de uitkeringen.",
    # 8
    "Overleg 14 maart: aanwezig Veilig Thuis, politie, GGD, gemeente Emmen, Terwille en "
    "ZVHD. Afgemeld: KMar. Volgende overleg 11 april, 13:30 uur.",
    # 9
    "Melder: dhr. {{PERSON|Hofman}}, wijkagent Meppel, {{EMAIL|w.hofman@politie.nl}}. Hij "
    "zag bij controle zes Bulgaarse mannen in een schuur aan de "
    "{{ADDRESS|Oosterboerweg 4}}, {{POSTCODE|7944 HA}}.",
    # 10
    "Cliënte wil geen contact met haar vriend. Zij is in de opvang van Fier. Advies aan "
    "melder: aangifte blijft mogelijk tot eind van het jaar.",
    # 11
    "{{PERSON|Yaw Mensah}} uit Ghana zegt dat hij voor zijn reis € 8.000 moest betalen aan "
    "{{PERSON|Kofi}}. Het COA in Assen volgt de situatie; IND is ingelicht.",
    # 12
    "BSN {{BSN|270.195.634}} hoort bij de moeder; haar dochter {{PERSON|Lisa}} staat "
    "ingeschreven op het adres in Roden. Leerplichtambtenaar neemt contact op.",
    # 13
    "Telefoontje van {{PERSON|Anna Kowalczyk}} ({{PHONE|06-41 22 87 90}}): haar broer "
    "{{PERSON|Tomasz}} is sinds zaterdag niet meer bereikbaar.",
    # 14
    "Casus DL-2024-011 wordt gekoppeld aan DL-2023-058. Vorm: arbeid. Gemeente: "
    "Midden-Drenthe. Kwetsbare groep: arbeidsmigrant.",
    # 15
    "Volgens de ketenregisseur is {{PERSON|Precious O.}} op {{DOB|12 januari 2006}} "
    "geboren en dus minderjarig geweest bij aankomst. Voogd via Nidos aangevraagd.",
    # 16
    "Het busje ({{PLATE|VZ-718-B}}) is in Duitsland geregistreerd op naam van "
    "{{PERSON|Ivan Dimitrov}}; Marechaussee controleert bij de grens.",
]

# Issue 12: notes with the kinds the blind set of that issue found missing, with the
# issue's own examples. Rules for issue 12 were tuned on these (and on NOTES), never
# on `pii_eval_blind.BLIND`.
TUNING_12 = [
    # 1
    "Politie: registratie {{ID_DOCUMENT|PL0100-2024012345}}. Betrokkene toonde paspoort "
    "{{ID_DOCUMENT|SPECI2014}}; V-nummer {{ID_DOCUMENT|1234567890}}. KvK 87654321 van "
    "het uitzendbureau is bekend.",
    # 2
    "Ze adverteert als {{SOCIAL|@lovely_sandra}} en op {{SOCIAL|instagram.com/lovely.sandra}}; "
    "contact via {{SOCIAL|t.me/sandra_nl}}. Snapchat: {{SOCIAL|sandra2003}}.",
    # 3
    "Advertentie op {{AD_URL|https://www.kinky.nl/sandra-23-emmen}} en op "
    "{{AD_URL|www.redlights.nl/sexwerker/sandra}}. De website van de gemeente "
    "(www.emmen.nl/hulp) verwijst naar Veilig Thuis.",
    # 4
    "{{PERSON|piet de vries}} belde over {{PERSON|mihai popescu}}, die bij een bouwbedrijf "
    "werkt. {{PERSON|mihai}} slaapt in een caravan.",
    # 5
    "Cliënte {{PERSON|Linh}} werkt met {{PERSON|Zsofi}} in een nagelsalon. {{PERSON|Amara}} en "
    "{{PERSON|Chidi}} wonen in dezelfde woning.",
    # 6
    "De man die zij '{{PERSON|Snoopy}}' noemt, haalt haar op. Zijn bijnaam {{PERSON|Snoopy}} is "
    "bij de politie bekend.",
    # 7
    "Melder {{PERSON|Brouwer}} zegt dat {{PERSON|van der Meer}} de huur int. Later bleek "
    "{{PERSON|Brouwer}} dit van horen zeggen te hebben.",
    # 8
    "Busjes met kenteken {{PLATE|PO 5K221}}, {{PLATE|TM 21 XYZ}} en {{PLATE|CA 1234 AB}}; de "
    "Duitse auto {{PLATE|OS-AB 123}} hoort bij de voorman.",
    # 9
    "Zij woont aan de {{ADDRESS|Weg langs het kanaal 8}}; haar vriendin in "
    "{{ADDRESS|dorpsstraat 4b}} in Assen.",
    # 10
    "Voorlichting op het Koningin Wilhelmina College en in het Emma Kinderziekenhuis. "
    "Stichting Anne Frank doet mee; Jumbo distributiecentrum ook.",
    # 11
    "De meisjes werkten bij Golden Nails en bij Santa Maria in Emmen. Controle bij de "
    "Johan de Wittstraat zonder bevindingen.",
    # 12
    "{{PERSON|Elena Popescu}} werd door {{PERSON|Popescu}} senior opgehaald; {{PERSON|elena}} "
    "zegt dat ze bang is.",
    # 13
    "tiktok: {{SOCIAL|@mara.dances}} werft meisjes, facebook-profiel "
    "{{SOCIAL|facebook.com/ionut.vasile.7}}. onlyfans van het meisje: "
    "{{SOCIAL|onlyfans.com/maraxo}}.",
    # 14
    "Auto ({{PLATE|B 123 ABC}}, Roemeens) en een Belgische bestelbus {{PLATE|1-ABC-123}} bij "
    "het pand. Litouws busje met kenteken {{PLATE|KMD 318}} ook gezien.",
    # 15
    "Werkgever Agrarisch Bedrijf Hoekstra BV in Coevorden heeft KvK-nummer 12345678. "
    "Kapsalon Fatima in Emmen staat los van de casus.",
    # 16
    "De buurman ({{PERSON|Van Dijk}}) ziet 's nachts busjes. {{PERSON|Van Dijk}} wil "
    "anoniem blijven. Vervolg bij Veilig Thuis Drenthe.",
    # 17
    "Identiteitskaart van {{PERSON|Nadia}}: {{ID_DOCUMENT|IXR89K2L3}}. Vreemdelingennummer "
    "{{ID_DOCUMENT|3029384756}}. Beide in het dossier van de IND.",
    # 18
    "Sekswerker {{PERSON|Natasha}} staat op {{AD_URL|www.sexjobs.nl/advertentie/natasha-21}}; "
    "telefoon {{PHONE|06-98765432}}.",
    # 19
    "hij noemt zich '{{PERSON|Tiger}}' en woont op {{ADDRESS|kerkstraat 7}}. {{PERSON|tiger}} "
    "is de neef van {{PERSON|ahmed}}.",
    # 20
    "Contact met {{PERSON|Nguyen}} (de eigenaar) via de salon. {{PERSON|Thao}} en "
    "{{PERSON|Duc}} werken er zonder loon.",
]

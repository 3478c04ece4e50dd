"""A second labelled set, written blind: never used to change a rule.

Written for issue 12 BEFORE any rule for it was changed, in the styles of other
authors (police shorthand, a care worker's prose, a municipal officer, an
English-speaking partner, messy lower-case chat), with the new categories
(identity documents, social-media accounts, advertisement links, foreign
plates) and the false alarms the issue names by kind (organisations, shops,
schools and streets that contain a person's name). All names, numbers and
addresses are invented; BSNs and IBANs are made valid on purpose.

Labels as in `pii_eval_notes`: `{{CATEGORY|text}}`; everything else must stay
unflagged. Rules are tuned on `pii_eval_notes.NOTES`/`TUNING_12` only; this set
is measured, not tuned on (docs/anonymisation.md gives both figures).
"""

from __future__ import annotations

BLIND = [
    # --- police shorthand ---------------------------------------------------------
    # 1
    "BVH {{ID_DOCUMENT|PL0100-2024117845}}. Contr. op parkeerplaats A28 Hoogeveen. "
    "Btr. {{PERSON|Radu Ciobanu}} (RO), geb. {{DOB|03-05-1991}}, bestuurder vtg "
    "{{PLATE|CJ 07 RTD}}. Verklaart werkzaam bij uitzendbureau te Coevorden.",
    # 2
    "Mld via 112 door buurvrouw. Ter plaatse {{ADDRESS|Boermastraat 17}} Emmen: 9 pers. "
    "aangetroffen, o.a. {{PERSON|Stoyan}} en {{PERSON|Ivelina}}. Bus {{PLATE|PB 4567 KX}} "
    "voor de deur. Doorgezet naar AVIM.",
    # 3
    "Verd. {{PERSON|M. Tahiri}} aangehouden, ID-kaart {{ID_DOCUMENT|IR8L34J27}} in beslag. "
    "Tel. {{PHONE|06-28 91 44 07}} uitgelezen. Zaak ligt bij OM Noord-Nederland.",
    # 4
    "Vreemdeling, V-nummer {{ID_DOCUMENT|2718364509}}, verblijft in azc Assen. Opgave "
    "naam: {{PERSON|Filmon}}. Leeftijd opgegeven 17, twijfel. KMar en COA geïnformeerd.",
    # 5
    "Inzet TMM 14/3. Duitse auto {{PLATE|EL-K 412}} (Landkreis Emsland) meermaals gezien "
    "bij pand {{ADDRESS|Industrieweg 9}} Nieuw-Amsterdam. Eigenaar vtg: {{PERSON|Brouwer}}, "
    "zie eerder PV.",
    # 6
    "Controle Arbeidsinspectie bij Kwekerij De Hoop in Erica. 14 Poolse werknemers, "
    "voorman {{PERSON|Grzegorz}}. Busjes {{PLATE|PO 7KX23}} en {{PLATE|PZ 12345}}. "
    "KvK 12345678 van de kwekerij opgevraagd.",
    # --- care worker prose ----------------------------------------------------------
    # 7
    "Vandaag heb ik een lang gesprek gehad met {{PERSON|Linh}}. Ze vertelde dat ze "
    "in de nagelsalon achter het station werkt van negen tot negen, en dat {{PERSON|Tuan}} "
    "haar paspoort bewaart 'voor de veiligheid'. Ze wil nog geen aangifte doen.",
    # 8
    "Mijn cliënte is erg angstig. Ze noemt de man die haar 'helpt' alleen "
    "'{{PERSON|Snoopy}}'. Ze heeft een nieuw nummer, {{PHONE|06 19 87 22 31}}, en zit op "
    "Instagram als {{SOCIAL|@sweet_mira98}}. Ik heb Fier gevraagd mee te kijken.",
    # 9
    "Bij het huisbezoek was ook een vriendin aanwezig, {{PERSON|Ngozi}}, die goed Engels "
    "spreekt. Zij vertelde dat {{PERSON|Chioma}} elke week geld moet afdragen aan een "
    "madam in Antwerpen. Ik heb beiden de folder van CoMensha gegeven.",
    # 10
    "{{PERSON|Réka}} (22) komt uit Hongarije en werkt volgens haar zelf in een 'club' in "
    "Zwolle. Haar advertentie staat op {{AD_URL|www.kinky.nl/reka-22-zwolle}}. Ze is "
    "afhankelijk van haar vriend {{PERSON|Zoltán}}.",
    # 11
    "Het gesprek vond plaats in het Wilhelmina Ziekenhuis Assen. De jongen, "
    "{{PERSON|Yazan}}, vertelde dat zijn oom {{PERSON|Khaled}} hem laat werken in een "
    "shishalounge. School (Dr. Nassau College) maakt zich zorgen om verzuim.",
    # 12
    "Ik ben met {{PERSON|Mirela}} naar het gemeentehuis in Emmen gegaan om haar in te "
    "schrijven. Ze staat nog ingeschreven op {{ADDRESS|Noordeinde 44}} in Klazienaveen, "
    "waar ze al maanden niet meer woont.",
    # 13
    "Volgens {{PERSON|Helen}} woont haar zus {{PERSON|Senait}} bij een Eritrese familie in "
    "Beilen. De familie zou haar laten schoonmaken zonder loon. Vluchtelingenwerk kent "
    "de familie.",
    # --- municipal officer ------------------------------------------------------------
    # 14
    "Betreft: signaal woonfraude. Op het adres {{ADDRESS|Dorpsweg 3a}}, {{POSTCODE|7861 AC}} "
    "Oosterhesselen staan elf personen ingeschreven, waaronder {{PERSON|Bogdan Lungu}} "
    "(BSN {{BSN|628194821}}). De eigenaar, {{PERSON|J. Hulshof}}, is aangeschreven.",
    # 15
    "De gemeente Midden-Drenthe heeft bij de Johan de Wittstraat in Beilen een controle "
    "uitgevoerd. Geen bijzonderheden. De Stichting Present ondersteunt de bewoners met "
    "klusjes.",
    # 16
    "Toezicht Wonen constateert bewoning in de bedrijfsunit aan de {{ADDRESS|Weg naar "
    "de Vaart 6}} te Coevorden. Huurder is {{PERSON|Tomasz Wiśniewski}}, "
    "{{EMAIL|t.wisniewski@wp.pl}}.",
    # 17
    "Leerplicht meldt dat twee kinderen van het Bonifatius College en één van de Juliana "
    "Kinderziekenhuis-school in Emmen niet meer komen. Moeder {{PERSON|Ramona}} is niet "
    "bereikbaar.",
    # 18
    "Het Sociaal Team Noordenveld vraagt advies. Meneer {{PERSON|van der Laan}} van "
    "woningcorporatie Actium ziet veel wisselende bewoners in een flat aan de "
    "{{ADDRESS|Zonnedauw 21}} in Roden.",
    # 19
    "Uitkering aangevraagd door {{PERSON|Oleh Kravets}}; rekening "
    "{{IBAN|NL27 INGB 0007 6134 52}} staat op naam van {{PERSON|Halyna}}, die volgens "
    "de BRP op hetzelfde adres woont. Afdeling Werk en Inkomen onderzoekt.",
    # 20
    "Jumbo distributiecentrum in Beilen en Lidl in Hoogeveen werken met uitzendkrachten "
    "via hetzelfde bureau. Geen concrete signalen; alleen ter informatie.",
    # --- English-speaking partner ------------------------------------------------------
    # 21
    "Contact from our partner in Bucharest: the girl is {{PERSON|Alina}}, 19, recruited "
    "via Facebook by a man calling himself {{PERSON|Cosmin}}. His profile is "
    "{{SOCIAL|facebook.com/cosmin.raducanu.90}}. She may be in Emmen now.",
    # 22
    "The victim, a Thai woman named {{PERSON|Ploy}}, is advertised on "
    "{{AD_URL|https://www.sexjobs.nl/escort/ploy-thai-massage-1184523}}. Her handler uses "
    "the Telegram account {{SOCIAL|t.me/bangkokdreams_nl}}.",
    # 23
    "We spoke with {{PERSON|Emeka}} in English. He said his passport was taken by "
    "Mr. {{PERSON|Okafor}} on arrival. Passport number {{ID_DOCUMENT|A09876543}} "
    "(Nigerian). He has a WhatsApp number {{PHONE|+234 803 555 0192}}.",
    # 24
    "Please note: the Dutch Labour Inspectorate visited the farm near Dalen. The workers "
    "said their boss is {{PERSON|Dimitar}}; his car is a grey Audi, Bulgarian plate "
    "{{PLATE|CA 8842 PH}}.",
    # 25
    "Our colleague in Vilnius reports that {{PERSON|Giedrius}} drives the workers to "
    "Drenthe in a van with plate {{PLATE|KMD 318}}. The van is registered to a company, "
    "not to him.",
    # --- messy lower-case chat style ------------------------------------------------
    # 26
    "nieuw signaal, {{PERSON|mihai}} en {{PERSON|florin}} werken zonder contract bij een "
    "bouwbedrijf in meppel. {{PERSON|mihai}} zegt dat de baas {{PERSON|sorin}} heet. "
    "auto {{PLATE|TM 44 FLR}}. arbeidsinspectie gebeld",
    # 27
    "ff kort: vriendin van {{PERSON|kasia}} belde, ze woont nu {{ADDRESS|molenstraat 12}} "
    "in emmen. snap: {{SOCIAL|kasia_xoxo}}. veilig thuis weet ervan",
    # 28
    "{{PERSON|piet bakker}} belde weer, hij is de buurman. zegt dat er elke avond andere "
    "mannen komen bij nr 8. {{PERSON|bakker}} wil anoniem blijven",
    # 29
    "tiktok account {{SOCIAL|@dreamgirl.nl_}} zoekt meiden voor 'hostess werk' in zwolle, "
    "ouders van een meisje uit assen ongerust. ggd en politie op de hoogte",
    # 30
    "heb {{PERSON|nour}} gesproken via whatsapp {{PHONE|+31 6 48 12 09 77}}, ze zit bij haar "
    "oom in hoogeveen. {{PERSON|rami}} komt haar volgende week halen zegt ze",
    # --- structured mixtures -----------------------------------------------------
    # 31
    "Signaal KMar Schiphol: {{PERSON|Xiu Mei}} (geb. {{DOB|11-09-2001}}) reisde op een "
    "paspoort met nummer {{ID_DOCUMENT|EH4371925}}. Opgehaald door een man in een auto met "
    "Duits kenteken {{PLATE|NOH-AB 55}}.",
    # 32
    "Advertentie gevonden op {{AD_URL|redlights.nl/advertentie/445812-jessy}}, "
    "telefoonnummer in de advertentie {{PHONE|06-43 77 10 92}}. Foto's lijken op "
    "{{PERSON|Jessy}}, de cliënte van Terwille.",
    # 33
    "Besluit: strafrechtelijk traject. Actie: politie legt het PV "
    "{{ID_DOCUMENT|PL0100-2023098812}} voor aan het OM. Termijn: 1 april.",
    # 34
    "Onderdak in Hotel Van der Valk Emmen betaald door een onbekende. Op de kamer "
    "verbleef {{PERSON|Dao}} uit Vietnam; de kamer stond op naam van {{PERSON|Hung Pham}}.",
    # 35
    "Werkgever Agro Noord BV in Westerveld betaalt loon op {{IBAN|RO70 BTRL 0130 1205 "
    "M819 82XX}}. Werknemer {{PERSON|Cristian}} ontving daar niets van. "
    "Arbeidsinspectie onderzoekt.",
    # 36
    "Melding over kapsalon Golden Scissors en nagelstudio Lucky Star in Assen: "
    "vermoedelijk Vietnamese minderjarigen aan het werk. Geen namen bekend.",
    # 37
    "Aanwezig: Veilig Thuis Drenthe, Politie Noord-Nederland, GGD Drenthe, gemeente "
    "Tynaarlo, Santa Maria Zorg, Stichting Anne Frank Fonds (voorlichting). Notulist: "
    "zorgcoördinator.",
    # 38
    "De jongere ({{PERSON|Dylan van der Meer}}) is bekend bij Jeugdbescherming Noord. "
    "{{PERSON|Van der Meer}} zou pakketjes rondbrengen voor een netwerk in Emmen. "
    "Telefoon moeder {{PHONE|0591-612 345}}.",
    # 39
    "Cliënt verblijft bij kennissen in Hollandscheveld aan de {{ADDRESS|Weg langs de "
    "Vaart 12}}. Hij heeft een Oekraïens paspoort, nummer {{ID_DOCUMENT|FE123456}}; zijn "
    "broer {{PERSON|Taras}} zit nog in Lviv.",
    # 40
    "Een vrouw die zich {{PERSON|Candy}} noemt biedt zich aan via "
    "{{AD_URL|www.vivastreet.nl/escort/candy-assen/298311}} en via snapchat "
    "{{SOCIAL|candy.assen}}. Telefoon onbekend.",
    # 41
    "Vriendin {{PERSON|Eszter}} zegt dat {{PERSON|Dóra}} werkt in een massagesalon op de "
    "Hoofdstraat in Hoogeveen. Bij Bakkerij Bart om de hoek ziet men haar vaak 's ochtends.",
    # 42
    "Koningin Máxima Kazerne en Prinses Beatrix Lyceum komen in de notities voor als "
    "locatie, niet als persoon. Het Sophia Kinderziekenhuis heeft de jongen onderzocht.",
    # 43
    "{{PERSON|Anh}} en {{PERSON|Thanh}} zijn 16 en 15. Ze werden gevonden in een woning aan "
    "de {{ADDRESS|Oude Kerkweg 2}} in Dalen. Profiel op "
    "{{SOCIAL|instagram.com/thanh.nails.drenthe}} toont de salon.",
    # 44
    "Betrokkene {{PERSON|Desislava}} heeft een Bulgaarse ID-kaart {{ID_DOCUMENT|645123987}}. "
    "Haar vriend {{PERSON|Kalin}} regelt het werk; zijn auto {{PLATE|B 1234 AK}} staat "
    "vaak bij het pand.",
    # 45
    "verdachte heet {{PERSON|wojtek}}, heeft een onlyfans "
    "({{SOCIAL|onlyfans.com/wojtek_pl}}) en laat meisjes daar ook op zetten. {{PERSON|wojtek}} "
    "woont in Emmen, {{ADDRESS|kerkhoflaan 3}}.",
    # 46
    "Uit het jaarverslag: Emma Kinderziekenhuis, Anne Frank Huis en Jan Linders supermarkt "
    "zijn partners in de voorlichtingscampagne. Geen persoonsgegevens.",
]

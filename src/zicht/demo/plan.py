"""The VAR's narrative deliveries of the demo: the regional action plan, the local initiatives and the
loans of the awareness materials.

2024 follows the seed's chapter 3 (*Regionaal actieplan*, *Lokale initiatieven*, *Experience middels
VR-brillen*, *Koffer Verkeerd*); 2022 and 2023 are synthetic. Dates the seed does not give are invented,
and so is every loan's reach.
"""

# --- Seed ch. 3: the regional action plan (2024); 2022 and 2023 synthetic. (opgave, titel, status, eigenaar, toelichting)
ACTIES = {
    2022: (
        (1, "Mensenhandelmonitor 2021 publiceren", "gereed", "gemeente", "Trekker: VAR."),
        (2, "Regionaal Beleidskader Mensenhandel 2023-2026 opstellen", "gereed", "gemeente", "Trekker: VAR."),
        (3, "VR-brillen met experience seksuele en criminele uitbuiting beschikbaar stellen", "gereed", "gemeente", ""),
        (4, "Regionaal Controleteam Mensenhandel (RCTM) inrichten", "lopend", "politie", ""),
        (5, "Regionale zorgcoördinatie door (centrum)gemeenten", "lopend", "gemeente", ""),
    ),
    2023: (
        (1, "Mensenhandelmonitor 2022 publiceren", "gereed", "gemeente", "Trekker: VAR."),
        (2, "Regionaal actieplan mensenhandel herijken", "gereed", "gemeente", "Trekker: VAR."),
        (2, "Eerste ronde zomertourgesprekken met aandachtsfunctionarissen", "gereed", "ESSM", ""),
        (3, "Week tegen Mensenhandel: bijeenkomst voor gemeenten", "gereed", "RIEC", ""),
        (4, "Controles RCTM in de sekswerkbranche", "lopend", "politie", ""),
        (5, "Regionale zorgcoördinatie door (centrum)gemeenten", "lopend", "gemeente", ""),
    ),
    2024: (
        (1, "Mensenhandelmonitor 2023 publiceren", "gereed", "gemeente", "Begin 2024 gepubliceerd."),
        (1, "Regionale omgevingsscan mensenhandel", "uitgesteld", "RIEC",
         "Doorgeschoven naar 2025: mensenhandel/-smokkel is per 2025 een geprioriteerd thema in het nieuwe meerjarenplan van het RIEC."),
        (2, "Regionale portefeuillehouder Mensenhandel aanwijzen", "gereed", "gemeente", "De burgemeester van Alblasserdam."),
        (2, "Regionale Tafel Mensenhandel", "gereed", "gemeente", "Twee keer bijeengekomen."),
        (2, "Doorontwikkeling Platform mensenhandel (ketensamenwerking)", "lopend", "gemeente", ""),
        (2, "Twee netwerkbijeenkomsten voor aandachtsfunctionarissen", "gereed", "gemeente", ""),
        (3, "VR-experience arbeidsuitbuiting toevoegen aan de VR-brillen", "gereed", "gemeente", ""),
        (3, "Gemeenten ondersteunen bij de interne meldroutekaart", "lopend", "gemeente", ""),
        (3, "Week tegen Mensenhandel: kennis- en netwerksessie op 3 oktober", "gereed", "RIEC", "Met de VAR; ruim 100 bezoekers."),
        (3, "Lancering Signaalwijzer uitbuiting bij personen met een licht verstandelijke beperking", "gereed", "gemeente", ""),
        (4, "Plan aanpak daders", "uitgesteld", "RIEC", "Uitgesteld tot 2025 (nieuw meerjarenplan RIEC)."),
        (4, "Onderzoek barrièremodellen", "uitgesteld", "RIEC", "Doorgeschoven naar 2025."),
        (4, "Aanpak illegale prostitutie verbreden naar mensenhandel", "uitgesteld", "RIEC", "Doorgeschoven naar 2025."),
        (4, "Doorontwikkeling RCTM", "lopend", "politie", ""),
        (5, "Regionale zorgcoördinatie door (centrum)gemeenten", "lopend", "gemeente", ""),
        (5, "Bekendheid regionaal meld- en adviespunt ESSM vergroten", "lopend", "ESSM", ""),
        (5, "Verkenning inzet ervaringsdeskundigen", "lopend", "gemeente", ""),
    ),
}  # fmt: skip
# --- Seed ch. 3 "Lokale initiatieven" (2024); 2022 and 2023 synthetic.
# (gemeente, datum, titel, soort, opgave, partners, bereik, omschrijving)
INITIATIEVEN = {
    2022: (
        ("Rotterdam", "2022-05-17", "Training signalen mensenhandel voor wijkteams", "training", 3, "ESSM", None, ""),
        ("Dordrecht", "2022-10-18", "Voorlichting op scholen rond de Europese Dag tegen Mensenhandel", "voorlichting", 5, "ESSM|onderwijs", None, ""),
        ("Schiedam", "2022-11-08", "Bijeenkomst aandachtsfunctionarissen", "bijeenkomst", 2, "politie", None, ""),
        ("regio", "2022-09-27", "Uitleen VR-brillen", "materiaal", 3, "", None, ""),
    ),
    2023: (
        ("regio", "2023-07-11", "Eerste ronde zomertourgesprekken", "bijeenkomst", 2, "ESSM", None, "Gesprekken met de aandachtsfunctionarissen van alle gemeenten."),
        ("Vlaardingen", "2023-03-21", "Training signaleren voor Vraagwijzer", "training", 3, "ESSM", None, ""),
        ("Nissewaard", "2023-06-13", "Bijeenkomst met ondernemers over arbeidsuitbuiting", "bijeenkomst", 3, "NLA", None, ""),
        ("Rotterdam", "2023-10-18", "Campagne Europese Dag tegen Mensenhandel", "campagne", 3, "", None, ""),
        ("Dordrecht", "2023-11-28", "Training medewerkers sociale zaken", "training", 3, "ESSM", None, ""),
    ),
    2024: (
        ("Capelle aan den IJssel", "2024-04-16", "Training voor medewerkers sociale zaken", "training", 3, "ESSM", None, "Samen met het ESSM."),
        ("Zwijndrecht", "2024-05-14", "Bijeenkomst voor medewerkers van opvanglocaties voor vluchtelingen", "bijeenkomst", 3, "NLA|ESSM", None, "Presentaties van de NLA en het ESSM."),
        ("Papendrecht", "2024-06-04", "Bijeenkomst mensenhandel voor gemeenteambtenaren", "bijeenkomst", 3, "ESSM", None, "Uitgenodigd: Papendrecht, Sliedrecht, Alblasserdam, Hendrik-Ido-Ambacht en Zwijndrecht."),
        ("Papendrecht", "2024-09-10", "Flyer 'Samen sterk tegen mensenhandel'", "materiaal", 3, "", None, "Signalen en waar te melden, voor inwoners."),
        ("Gorinchem", "2024-05-23", "Citytour: escape tour door de Gildenwijk", "bijeenkomst", 3, "politie|overig", None, "Met woningcorporatie Poort6 en basisteam Lek en Merwede; signalen van ondermijning."),
        ("Gorinchem", "2024-11-12", "Bijeenkomst herkennen van signalen van mensenhandel", "training", 3, "overig", None, "Met Platform Hope/Defence for Children; seksuele en criminele uitbuiting."),
        ("Dordrecht", "2024-03-05", "Lancering Koffer Verkeerd", "materiaal", 3, "", None, "Een sekswerkkamer met signalen van seksuele uitbuiting; de VAR leent de koffer uit."),
        ("Dordrecht", "2024-06-20", "Klanten-actiedag", "controle", 4, "politie|OM", None, "Met lokprofielen; vijf aanhoudingen."),
        ("Rotterdam", "2024-10-07", "Presentatie seksuele uitbuiting bij de Rotterdamse Hotel Combinatie", "voorlichting", 3, "politie|ESSM", None, "Opmaat naar trainingen voor hotelpersoneel in 2025."),
        ("regio", "2024-10-03", "Week tegen Mensenhandel: kennis- en netwerksessie", "bijeenkomst", 3, "RIEC", 100, "Ruim 100 bezoekers; plenaire sessie en workshops."),
        ("regio", "2024-07-09", "Tweede ronde zomertourgesprekken", "bijeenkomst", 2, "ESSM", None, "Met de aandachtsfunctionarissen van alle gemeenten."),
        ("regio", "2024-10-01", "Communicatiemiddelen rond de Europese Dag tegen Mensenhandel", "campagne", 3, "", None, "Intranetberichten, posters en een tekst voor de gemeentewebsites."),
        ("regio", "2024-02-15", "VR-brillen uitgebreid met experience arbeidsuitbuiting en uitgeleend", "materiaal", 3, "ESSM|NLA|politie|OM|RIEC", None, "De reis van de tomaat."),
        ("Zwijndrecht", "2024-04-25", "Inzet VR-brillen", "voorlichting", 3, "", None, ""),
        ("Rotterdam", "2024-09-19", "Inzet VR-brillen", "voorlichting", 3, "", None, ""),
        ("Goeree-Overflakkee", "2024-10-15", "Inzet VR-brillen", "voorlichting", 3, "", None, ""),
        ("Krimpen aan den IJssel", "2024-11-21", "Inzet VR-brillen", "voorlichting", 3, "", None, ""),
    ),
}  # fmt: skip
# --- Seed ch. 3 "Experience middels VR-brillen" and "Koffer Verkeerd" (2024): the VR headsets were lent
# often, to Zwijndrecht, Rotterdam, Goeree-Overflakkee and Krimpen aan den IJssel (the "Inzet VR-brillen"
# initiatives above) and to ESSM, NLA, AVIM (politie), OM and RIEC; the suitcase was launched in
# Dordrecht in March 2024. Dates, audiences and reach are synthetic; 2022 (the headsets' first loans,
# after the 2022 action that made them available) and 2023 are synthetic.
# (materiaal, startdatum, einddatum, gemeente, organisatie, bereik, doelgroep)
UITLENINGEN = {
    2022: (
        ("vr-brillen", "2022-09-26", "2022-09-30", "regio", "gemeente", 40, "Aandachtsfunctionarissen"),
        ("vr-brillen", "2022-10-17", "2022-10-21", "Dordrecht", "gemeente", 55, "Scholieren"),
        ("vr-brillen", "2022-11-14", "2022-11-18", "Rotterdam", "ESSM", 20, "Zorgprofessionals"),
    ),
    2023: (
        ("vr-brillen", "2023-03-20", "2023-03-24", "Vlaardingen", "gemeente", 24, "Medewerkers Vraagwijzer"),
        ("vr-brillen", "2023-05-08", "2023-05-12", "regio", "ESSM", 35, "Zorgprofessionals"),
        ("vr-brillen", "2023-06-12", "2023-06-16", "Nissewaard", "gemeente", 40, "Ondernemers"),
        ("vr-brillen", "2023-09-25", "2023-09-29", "Rotterdam", "politie", 30, "Wijkagenten"),
        ("vr-brillen", "2023-10-16", "2023-10-20", "Rotterdam", "gemeente", 60, "Bezoekers Europese Dag tegen Mensenhandel"),
        ("vr-brillen", "2023-11-27", "2023-12-01", "Dordrecht", "gemeente", 28, "Medewerkers sociale zaken"),
    ),
    2024: (
        ("vr-brillen", "2024-01-22", "2024-01-26", "regio", "ESSM", 32, "Zorgprofessionals"),
        ("vr-brillen", "2024-02-19", "2024-02-23", "regio", "NLA", 26, "Inspecteurs"),
        ("koffer-verkeerd", "2024-03-04", "2024-03-08", "Dordrecht", "gemeente", 45, "Lancering: gemeenteambtenaren"),
        ("vr-brillen", "2024-03-18", "2024-03-22", "Rotterdam", "politie", 22, "Rechercheurs AVIM"),
        ("vr-brillen", "2024-04-22", "2024-04-26", "Zwijndrecht", "gemeente", 38, "Medewerkers opvanglocaties"),
        ("koffer-verkeerd", "2024-06-03", "2024-06-07", "Papendrecht", "gemeente", 30, "Gemeenteambtenaren"),
        ("vr-brillen", "2024-06-10", "2024-06-14", "Rotterdam", "OM", 18, "Officieren en parketsecretarissen"),
        ("vr-brillen", "2024-09-16", "2024-09-20", "Rotterdam", "gemeente", 55, "Wijkteams"),
        ("vr-brillen", "2024-09-30", "2024-10-04", "regio", "RIEC", 100, "Week tegen Mensenhandel"),
        ("vr-brillen", "2024-10-14", "2024-10-18", "Goeree-Overflakkee", "gemeente", 27, "Jongerenwerkers"),
        ("koffer-verkeerd", "2024-11-11", "2024-11-15", "Gorinchem", "gemeente", 35, "Gemeente en lokale partners"),
        ("vr-brillen", "2024-11-18", "2024-11-22", "Krimpen aan den IJssel", "gemeente", 31, "Scholieren"),
    ),
}  # fmt: skip

"""The demo's German texts: Berlin, winter 2026/27.

Dates are not written here but given relative to the day the demo is loaded
(``days_ago``, ``in_days``, ``week``/``weekday``), so the calendar never runs dry.
Only one page anywhere mentions "Mietenstopp", in its talking points: the search
tests rely on that word being unique.
"""

from dialog.models import EventFormat

ONSITE, ONLINE, HYBRID = EventFormat.ONSITE, EventFormat.ONLINE, EventFormat.HYBRID
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
VIDEO = "https://konferenz.example.org/b/"

HOME_LEAD = (
    "Mitreden, mitentscheiden, mitmachen: Hier findest du Termine in deinem Bezirk, "
    "Hintergründe zu anstehenden Entscheidungen und Wege, dich mit deinen Fähigkeiten "
    "einzubringen – ob vor Ort, online oder zwischen Kita-Abholung und Schichtdienst."
)
HOME_BODY = [
    {"type": "heading", "value": {"text": "Eine Partei zum Mitmachen", "level": "h2"}},
    {
        "type": "paragraph",
        "value": "<p>Der Landesparteitag hat beschlossen: Wir wollen eine Partei sein, "
        "in der alle Mitglieder mitarbeiten können – unabhängig vom Wohnort, vom "
        "Alter, "
        "von Kindern, Pflege oder Schichtarbeit. Dieses Portal bündelt, was dafür "
        "nötig ist: monatliche Neumitgliedertreffen, offene Arbeitsgemeinschaften, "
        "Basiskonferenzen, inhaltliche Ratschläge mit stadtpolitischen Initiativen und "
        "frühzeitige Informationen über Entscheidungen der Landespolitik.</p>",
    },
    {
        "type": "quote",
        "value": {
            "text": "Wichtig ist, dass unsere Mitglieder in der Lage sind, unsere "
            "Erfolge "
            "und die aktuellen Probleme offen gegenüber Freunden, Familie und Nachbarn "
            "zu kommunizieren.",
            "attribution": "Beschluss des Landesparteitags",
        },
    },
]

SITE_SETTINGS = {
    "contact_email": "landesverband@example.org",
    "contact_phone": "030 24009-0",
    "postal_address": "Landesgeschäftsstelle\nKleine Alexanderstraße 28\n10178 Berlin",
    "footer_text": (
        "Das Mitmachportal des Landesverbands Berlin und seiner zwölf Bezirksverbände. "
        "Betrieben auf eigenen Servern – ohne Tracking, ohne fremde Schriften, "
        "ohne Werbung."
    ),
    "mastodon_url": "https://social.example.org/@linke_berlin",
    "bluesky_url": "https://bsky.app/profile/berlin.example.org",
    "instagram_url": "https://www.instagram.com/linke.berlin.example/",
    "facebook_url": "",
    "youtube_url": "https://www.youtube.com/@linke-berlin-example",
    "telegram_url": "",
}

IMPRINT = {
    "title": "Impressum",
    "slug": "impressum",
    "intro": "Angaben gemäß § 5 Digitale-Dienste-Gesetz und § 18 Medienstaatsvertrag.",
    "body": [
        {"type": "heading", "value": {"text": "Anbieter", "level": "h2"}},
        {
            "type": "paragraph",
            "value": "<p>Landesverband Berlin<br>Kleine Alexanderstraße 28<br>"
            "10178 Berlin</p><p>Telefon: 030 24009-0<br>"
            "E-Mail: landesverband@example.org</p>",
        },
        {"type": "heading", "value": {"text": "Vertreten durch", "level": "h2"}},
        {
            "type": "paragraph",
            "value": "<p>Den Landesvorstand, vertreten durch die beiden "
            "Landesvorsitzenden und den Landesschatzmeister.</p>",
        },
        {
            "type": "heading",
            "value": {"text": "Verantwortlich für den Inhalt", "level": "h2"},
        },
        {
            "type": "paragraph",
            "value": "<p>Pressestelle des Landesverbands, Anschrift wie oben. "
            "Für die Seiten der Bezirksverbände sind die jeweiligen Bezirksvorstände "
            "verantwortlich; ihre Anschriften stehen auf den Bezirksseiten.</p>",
        },
    ],
}

PRIVACY = {
    "title": "Datenschutz",
    "slug": "datenschutz",
    "intro": (
        "Eine Mitgliedschaft in einer Partei verrät eine politische Meinung. "
        "Deshalb speichern wir so wenig wie möglich und so kurz wie möglich – und "
        "du kannst jederzeit sehen, herunterladen und löschen, was wir über dich "
        "wissen."
    ),
    "body": [
        {"type": "heading", "value": {"text": "Verantwortlich", "level": "h2"}},
        {
            "type": "paragraph",
            "value": "<p>Landesverband Berlin, Kleine Alexanderstraße 28, 10178 "
            "Berlin, landesverband@example.org. Unsere Datenschutzbeauftragte "
            "erreichst du unter datenschutz@example.org oder per Post an dieselbe "
            "Anschrift mit dem Vermerk „Datenschutz“.</p>",
        },
        {
            "type": "heading",
            "value": {"text": "Was wir speichern, wozu und wie lange", "level": "h2"},
        },
        {
            "type": "paragraph",
            "value": "<ul>"
            "<li><b>Besuch ohne Anmeldung:</b> keine Cookies außer einem technisch "
            "nötigen Sicherheits-Cookie bei Formularen, keine Zählpixel, keine "
            "Analyse durch Dritte. Wir zählen nur, wie oft eine Seite täglich "
            "aufgerufen wurde – ohne IP-Adresse und ohne Personenbezug.</li>"
            "<li><b>Konto:</b> E-Mail-Adresse, Passwort (nur als Prüfsumme), "
            "Anzeigename, Bezirk und Sprachen – damit du dich anmelden, kommentieren "
            "und dich anmelden kannst. Gespeichert, bis du dein Konto löschst.</li>"
            "<li><b>Mitgliedsbestätigung:</b> Mitgliedsnummer und Bezirk, damit "
            "dein Bezirk deine Mitgliedschaft bestätigen kann (Art. 9 Abs. 2 lit. d "
            "DSGVO). Gespeichert, bis du dein Konto löschst.</li>"
            "<li><b>Einwilligungen:</b> welcher Einwilligung du zugestimmt hast, in "
            "welcher Textfassung und wann; ebenso, wann du sie widerrufen hast. Nur "
            "so können wir nachweisen, dass wir dich fragen durften.</li>"
            "<li><b>Anmeldungen zu Veranstaltungen, Kursen und "
            "Arbeitsgemeinschaften:</b> Name, E-Mail-Adresse, Organisation und – "
            "nur wenn du es angibst – Kinderbetreuung (Zahl und Alter der Kinder) "
            "und Hinweise zur Barrierefreiheit. Nach der Veranstaltung entfernen "
            "wir diese Angaben; übrig bleibt nur die Zahl der belegten Plätze. "
            "In Arbeitsgemeinschaften bleibst du eingetragen, solange du "
            "mitmachst. Die Fristen stehen in der Tabelle unten.</li>"
            "<li><b>E-Mail-Abonnements:</b> deine E-Mail-Adresse, die Themen, denen "
            "du folgst, und deine Einwilligung – bis du dich abmeldest. Nicht "
            "bestätigte Abonnements speichern wir gar nicht.</li>"
            "<li><b>Kommentare:</b> dein Text und dein Anzeigename, solange die "
            "Diskussion online ist.</li>"
            "<li><b>Befragungen:</b> dass du teilgenommen hast (damit du nur "
            "einmal antwortest), bis du dein Konto löschst; deine Antworten "
            "getrennt davon ohne Verbindung zu deinem Konto, sodass niemand sie "
            "dir zuordnen kann. Nur mit deiner Einwilligung: deine "
            "Telefonnummer für ein Interview, bis du widerrufst.</li>"
            "<li><b>Mitmach-Pool, Mentoring, Begrüßung neuer Mitglieder:</b> deine "
            "Fähigkeiten, Zeiten und Angaben, bis du austrittst oder widerrufst.</li>"
            "<li><b>Sitzungen:</b> Browser und IP-Adresse deiner angemeldeten "
            "Geräte, damit du sie sehen und abmelden kannst; gelöscht, wenn die "
            "Sitzung endet.</li>"
            "</ul>",
        },
        {"type": "heading", "value": {"text": "Wer es sehen kann", "level": "h2"}},
        {
            "type": "paragraph",
            "value": "<p>Nur die Landesgeschäftsstelle und die Bezirksredaktion "
            "deines Bezirks, die Organisatorinnen und Organisatoren einer "
            "Veranstaltung, zu der du dich angemeldet hast, und – für Pool, "
            "Mentoring und Befragungen – die Koordinatorinnen und Koordinatoren. "
            "Andere Mitglieder sehen niemals deine Kontaktdaten; Kontakt über den "
            "Mitmach-Pool läuft über das Portal. Wer Listen mit personenbezogenen "
            "Daten ansieht oder herunterlädt, wird protokolliert.</p>",
        },
        {"type": "heading", "value": {"text": "Deine Rechte", "level": "h2"}},
        {
            "type": "paragraph",
            "value": "<ul>"
            "<li><b>Auskunft und Datenübertragbarkeit:</b> Unter „Mein Profil → "
            "Meine Daten“ lädst du alles, was wir über dich speichern, als Datei "
            "herunter.</li>"
            "<li><b>Löschung:</b> Unter „Meine Daten → Mein Konto löschen“ löschst "
            "du dein Konto mit allen persönlichen Daten. Deine Kommentare bleiben "
            "in den Diskussionen stehen, aber ohne deinen Namen („Ehemaliges "
            "Mitglied“).</li>"
            "<li><b>Widerruf:</b> Jede Einwilligung widerrufst du auf deiner "
            "Profilseite, jedes Abonnement mit dem Link in jeder E-Mail.</li>"
            "<li><b>Berichtigung, Einschränkung, Widerspruch:</b> schreib uns an "
            "datenschutz@example.org.</li>"
            "<li><b>Beschwerde:</b> bei der Berliner Beauftragten für Datenschutz "
            "und Informationsfreiheit.</li>"
            "</ul>",
        },
        {"type": "heading", "value": {"text": "Keine Dritten", "level": "h2"}},
        {
            "type": "paragraph",
            "value": "<p>Alle Schriften, Bilder und Skripte liefern wir selbst aus. "
            "Videos anderer Plattformen laden erst, wenn du auf „Video laden“ "
            "klickst.</p>",
        },
    ],
}

ACCESSIBILITY = {
    "title": "Erklärung zur Barrierefreiheit",
    "slug": "barrierefreiheit",
    "intro": (
        "Das Mitmachportal soll für alle nutzbar sein – mit Screenreader, nur mit "
        "der Tastatur, mit Vergrößerung oder in einfacher Sprache."
    ),
    "body": [
        {
            "type": "heading",
            "value": {"text": "Stand der Vereinbarkeit", "level": "h2"},
        },
        {
            "type": "paragraph",
            "value": "<p>Als Partei sind wir keine öffentliche Stelle im Sinne des "
            "Barrierefreie-IKT-Gesetzes Berlin (BIKTG Bln). Wir richten uns "
            "trotzdem nach dessen Anforderungen und nach den Web Content "
            "Accessibility Guidelines (WCAG) 2.2, Stufe AA. Das Portal ist mit "
            "diesen Anforderungen <b>teilweise vereinbar</b>. Die Erklärung beruht "
            "auf einer Selbstbewertung mit automatischen Prüfungen (axe) bei jeder "
            "Änderung und Tests mit Tastatur und Screenreader; sie wurde zuletzt im "
            "November 2026 überprüft.</p>",
        },
        {"type": "heading", "value": {"text": "Was schon geht", "level": "h2"}},
        {
            "type": "paragraph",
            "value": "<ul><li>Alle Seiten sind mit der Tastatur bedienbar und zeigen "
            "sichtbar, wo du gerade bist.</li><li>Überschriften, Listen, Tabellen "
            "und Formulare sind so ausgezeichnet, dass Screenreader sie vorlesen "
            "können; Grafiken zu Zahlen gibt es auch als Tabelle.</li><li>Das Portal "
            "gibt es auf Deutsch, Englisch, Türkisch und Arabisch (von rechts nach "
            "links).</li><li>Veranstaltungen nennen stufenlose Zugänge, Aufzüge, "
            "Still- und Wickelräume.</li></ul>",
        },
        {
            "type": "heading",
            "value": {"text": "Bekannte Einschränkungen", "level": "h2"},
        },
        {
            "type": "paragraph",
            "value": "<ul><li>Ältere PDF-Dokumente (Beschlüsse, Materialien) sind "
            "nicht durchgehend barrierefrei. Wir schicken dir den Text gern in "
            "einer zugänglichen Form.</li><li>Videos von Veranstaltungen haben noch "
            "nicht immer Untertitel.</li><li>Übersetzte Seiten gibt es noch nicht "
            "für alle Inhalte; fehlt eine Übersetzung, zeigen wir die deutsche "
            "Fassung mit einem Hinweis.</li><li>Texte in Leichter Sprache fehlen "
            "noch.</li></ul>",
        },
        {"type": "heading", "value": {"text": "Barriere melden", "level": "h2"}},
        {
            "type": "paragraph",
            "value": "<p>Ist dir eine Barriere aufgefallen oder brauchst du einen "
            "Inhalt in anderer Form? Schreib an barrierefreiheit@example.org oder "
            "ruf an: 030 24009-0. Wir antworten innerhalb von zwei Wochen.</p>",
        },
        {"type": "heading", "value": {"text": "Durchsetzungsverfahren", "level": "h2"}},
        {
            "type": "paragraph",
            "value": "<p>Hast du innerhalb eines Monats keine zufriedenstellende "
            "Antwort bekommen, kannst du dich an die Landesbeauftragte für digitale "
            "Barrierefreiheit wenden, die in Berlin für das Durchsetzungsverfahren "
            "nach dem BIKTG Bln zuständig ist (Senatsverwaltung für Inneres und "
            "Sport, Klosterstraße 47, 10179 Berlin). Das Verfahren ist kostenlos; "
            "du brauchst keinen Anwalt.</p>",
        },
    ],
}

TOPICS = [
    (
        "Mieten & Wohnen",
        "mieten-wohnen",
        "Bezahlbare Mieten, Vergesellschaftung großer "
        "Wohnungskonzerne und Schutz vor Verdrängung.",
    ),
    (
        "Pflege & Gesundheit",
        "pflege-gesundheit",
        "Krankenhäuser in öffentlicher Hand, "
        "gute Arbeit in der Pflege und Gesundheitszentren in jedem Kiez.",
    ),
    (
        "Verkehr & Mobilität",
        "verkehr-mobilitaet",
        "Bus und Bahn für alle, sichere Wege für Rad und Fuß – auch am Stadtrand.",
    ),
    (
        "Bildung",
        "bildung",
        "Gute Schulen, Kitaplätze und gebührenfreie Bildung von Anfang an.",
    ),
    (
        "Klima & Umwelt",
        "klima-umwelt",
        "Klimaschutz, der sozial gerecht ist: Wärmewende, Stadtgrün und Hitzeschutz.",
    ),
    (
        "Arbeit & Soziales",
        "arbeit-soziales",
        "Tariflöhne, Ausbildung, Armut bekämpfen und soziale Träger sichern.",
    ),
    (
        "Antirassismus & Migration",
        "antirassismus-migration",
        "Gleiche Rechte für alle Berlinerinnen und Berliner, Erinnern und Gegenhalten.",
    ),
    ("Kultur", "kultur", "Kiezkultur, freie Szene und bezahlbare Räume für Kunst."),
    ("Frieden", "frieden", "Abrüstung statt Aufrüstung, Diplomatie statt Eskalation."),
]

DISTRICTS = [
    (
        "Mitte",
        "mitte",
        "inner",
        "Kleine Alexanderstraße 28\n10178 Berlin",
        "Mo–Do 14–18 Uhr",
        "030 24009-310",
    ),
    (
        "Friedrichshain-Kreuzberg",
        "friedrichshain-kreuzberg",
        "inner",
        "Weidenweg 17\n10249 Berlin",
        "Di und Do 15–19 Uhr",
        "030 4261-520",
    ),
    (
        "Pankow",
        "pankow",
        "inner",
        "Schönholzer Straße 10\n13187 Berlin",
        "Mo, Mi, Do 13–18 Uhr",
        "030 4849-3020",
    ),
    (
        "Charlottenburg-Wilmersdorf",
        "charlottenburg-wilmersdorf",
        "inner",
        "Behaimstraße 10\n10585 Berlin",
        "Di 14–18 Uhr, Do 10–14 Uhr",
        "030 3011-4270",
    ),
    (
        "Spandau",
        "spandau",
        "outer",
        "Carl-Schurz-Straße 12\n13597 Berlin",
        "Mi 14–18 Uhr",
        "030 3329-770",
    ),
    (
        "Steglitz-Zehlendorf",
        "steglitz-zehlendorf",
        "outer",
        "Schildhornstraße 85a\n12163 Berlin",
        "Do 15–19 Uhr",
        "030 7920-6341",
    ),
    (
        "Tempelhof-Schöneberg",
        "tempelhof-schoeneberg",
        "inner",
        "Feurigstraße 68\n10827 Berlin",
        "Mo–Do 14–18 Uhr",
        "030 7811-208",
    ),
    (
        "Neukölln",
        "neukoelln",
        "inner",
        "Wipperstraße 6\n12055 Berlin",
        "Di–Do 14–18 Uhr",
        "030 6881-6930",
    ),
    (
        "Treptow-Köpenick",
        "treptow-koepenick",
        "outer",
        "Brückenstraße 28\n12439 Berlin",
        "Mo und Mi 13–18 Uhr",
        "030 6390-4410",
    ),
    (
        "Marzahn-Hellersdorf",
        "marzahn-hellersdorf",
        "outer",
        "Henny-Porten-Straße 10–12\n12627 Berlin",
        "Mo–Fr 10–16 Uhr",
        "030 9920-4310",
    ),
    (
        "Lichtenberg",
        "lichtenberg",
        "outer",
        "Alfred-Kowalke-Straße 14\n10315 Berlin",
        "Mo–Do 10–17 Uhr",
        "030 5129-531",
    ),
    (
        "Reinickendorf",
        "reinickendorf",
        "outer",
        "Scharnweberstraße 122\n13405 Berlin",
        "Di 15–19 Uhr",
        "030 4171-9230",
    ),
]

DISTRICT_INDEX_INTRO = (
    "<p>Zwölf Bezirksverbände, ein Landesverband. In den Bezirken treffen sich die "
    "Basisorganisationen, hier werden neue Mitglieder begrüßt und Kiezpolitik gemacht. "
    "Die Projektgruppe „Ganze Stadt“ vergleicht Innenstadt und Außenbezirke, damit wir "
    "überall in Berlin präsent bleiben.</p>"
)


def district_intro(name, area):
    where = "innerhalb des S-Bahn-Rings" if area == "inner" else "am Stadtrand"
    return (
        f"Der Bezirksverband {name} ist eure Anlaufstelle {where}: Wir laden jeden "
        f"Monat "
        "neue Mitglieder ein, organisieren Sprechstunden zu Miete und Sozialleistungen "
        "und bringen Anliegen aus den Kiezen in die Bezirksverordnetenversammlung."
    )


VENUES = [
    dict(
        name="Karl-Liebknecht-Haus",
        street="Kleine Alexanderstraße 28",
        postcode="10178",
        district="mitte",
        step_free=True,
        accessible_toilet=True,
        changing_table=True,
        public_transport="U2 Rosa-Luxemburg-Platz, U/S Alexanderplatz, Tram M2",
        accessibility_notes="Rampe am Seiteneingang, Aufzug in alle Etagen, "
        "Induktionsschleife im Rosa-Luxemburg-Saal.",
    ),
    dict(
        name="Nachbarschaftshaus Urbanstraße",
        street="Urbanstraße 21",
        postcode="10961",
        district="friedrichshain-kreuzberg",
        step_free=True,
        accessible_toilet=True,
        nursing_room=True,
        changing_table=True,
        child_friendly=True,
        public_transport="U7 Gneisenaustraße, U8 Schönleinstraße, Bus M41",
        accessibility_notes="Spielzimmer neben dem großen Saal.",
    ),
    dict(
        name="Kiezladen Weidenweg",
        street="Weidenweg 17",
        postcode="10249",
        district="friedrichshain-kreuzberg",
        public_transport="U5 Frankfurter Tor, Tram M10, M13",
        accessibility_notes="Drei Stufen am Eingang, kein barrierefreies WC.",
    ),
    dict(
        name="SO36",
        street="Oranienstraße 190",
        postcode="10999",
        district="friedrichshain-kreuzberg",
        step_free=True,
        public_transport="U1/U8 Kottbusser Tor, Bus M29",
        accessibility_notes="Ebenerdiger Saal; Toiletten im Untergeschoss.",
    ),
    dict(
        name="Stadtteilzentrum Pankow",
        street="Schönholzer Straße 10",
        postcode="13187",
        district="pankow",
        step_free=True,
        accessible_toilet=True,
        changing_table=True,
        child_friendly=True,
        public_transport="S Wollankstraße, Tram M1, Bus 250",
    ),
    dict(
        name="Haus der Demokratie und Menschenrechte",
        street="Greifswalder Straße 4",
        postcode="10405",
        district="pankow",
        step_free=True,
        accessible_toilet=True,
        public_transport="Tram M4 Am Friedrichshain, Bus 200",
        accessibility_notes="Aufzug zum Robert-Havemann-Saal.",
    ),
    dict(
        name="Kiezspinne Lichtenberg",
        street="Schulze-Boysen-Straße 38",
        postcode="10365",
        district="lichtenberg",
        step_free=True,
        accessible_toilet=True,
        nursing_room=True,
        changing_table=True,
        child_friendly=True,
        public_transport="U5 Magdalenenstraße, S Nöldnerplatz",
    ),
    dict(
        name="Stadtteilzentrum Marzahn-Mitte",
        street="Marzahner Promenade 38",
        postcode="12679",
        district="marzahn-hellersdorf",
        step_free=True,
        accessible_toilet=True,
        public_transport="S Marzahn, Tram M6, M8, 16",
    ),
    dict(
        name="Kulturhaus Spandau",
        street="Mauerstraße 6",
        postcode="13597",
        district="spandau",
        step_free=True,
        public_transport="U7/S Rathaus Spandau",
        accessibility_notes="Saal über Hublift erreichbar; kein barrierefreies WC.",
    ),
    dict(
        name="Gemeinschaftshaus Gropiusstadt",
        street="Bat-Yam-Platz 1",
        postcode="12353",
        district="neukoelln",
        step_free=True,
        accessible_toilet=True,
        child_friendly=True,
        public_transport="U7 Lipschitzallee",
    ),
    dict(
        name="Bezirksgeschäftsstelle Neukölln",
        street="Wipperstraße 6",
        postcode="12055",
        district="neukoelln",
        public_transport="U7 Karl-Marx-Straße, S Sonnenallee",
        accessibility_notes="Hochparterre mit fünf Stufen.",
    ),
    dict(
        name="Nachbarschaftsheim Schöneberg",
        street="Holsteinische Straße 30",
        postcode="12161",
        district="tempelhof-schoeneberg",
        step_free=True,
        nursing_room=True,
        changing_table=True,
        child_friendly=True,
        public_transport="U9 Friedrich-Wilhelm-Platz, Bus 186",
    ),
    dict(
        name="Mittelhof Zehlendorf",
        street="Königstraße 42",
        postcode="14163",
        district="steglitz-zehlendorf",
        step_free=True,
        accessible_toilet=True,
        child_friendly=True,
        public_transport="S Zehlendorf, Bus 112, 115",
    ),
    dict(
        name="Ulme35 – Interkultureller Treffpunkt",
        street="Ulmenallee 35",
        postcode="14050",
        district="charlottenburg-wilmersdorf",
        public_transport="U2 Neu-Westend, Bus M49",
        accessibility_notes="Altbau mit Stufen; Garten im Sommer ebenerdig.",
    ),
    dict(
        name="Begegnungsstätte Schöneweide",
        street="Brückenstraße 28",
        postcode="12439",
        district="treptow-koepenick",
        public_transport="S Schöneweide, Tram 21, 63, 67",
    ),
    dict(
        name="Stadtteilzentrum Märkisches Viertel",
        street="Senftenberger Ring 7",
        postcode="13439",
        district="reinickendorf",
        step_free=True,
        accessible_toilet=True,
        changing_table=True,
        child_friendly=True,
        public_transport="Bus X21, M21 Wilhelmsruher Damm",
    ),
]

# ---------------------------------------------------------------------------
# News (slug, title, days_ago, topics, district, image caption or None, teaser, body)
NEWS = [
    dict(
        slug="neue-mitglieder-seit-der-wahl",
        title="Hunderte Eintritte seit der Wahl: So begrüßen wir neue Mitglieder",
        days_ago=2,
        topics=[],
        image="Willkommen in der Partei",
        teaser="Seit der Abgeordnetenhauswahl sind so viele Menschen eingetreten wie "
        "lange nicht. Alle Bezirke begrüßen sie jetzt nach einem gemeinsamen Standard.",
        body=[
            "Jedes neue Mitglied bekommt innerhalb von zwei Wochen einen Anruf aus "
            "seinem Bezirksverband, eine Einladung zum nächsten Neumitgliedertreffen "
            "und "
            "auf Wunsch eine Patin oder einen Paten. So haben es Landesvorstand und "
            "Bezirksvorstände vereinbart.",
            "Die Neumitgliedertreffen auf Landesebene finden jetzt jeden Monat statt, "
            "abwechselnd im Karl-Liebknecht-Haus und online. Wer Kinder mitbringen "
            "möchte, gibt das bei der Anmeldung an – wir organisieren die Betreuung.",
        ],
    ),
    dict(
        slug="ag-mitgliederarbeit-offen-fuer-alle",
        title="AG Mitgliederarbeit öffnet sich für alle Interessierten",
        days_ago=4,
        topics=[],
        image=None,
        teaser="Wer Ideen hat, wie wir neue und langjährige Mitglieder besser "
        "einbinden, kann ab sofort in der AG Mitgliederarbeit mitarbeiten.",
        body=[
            "Bisher war die AG ein Gremium beim Landesvorstand. Mit dem Beschluss des "
            "Landesparteitags steht sie allen offen: Mitgliedern, Sympathisantinnen "
            "und Sympathisanten.",
            "Die AG trifft sich jeden zweiten Dienstag im Monat – im "
            "Karl-Liebknecht-Haus "
            "und per Videokonferenz. Die nächsten Termine stehen im Kalender.",
        ],
    ),
    dict(
        slug="heizkosten-beratung-lichtenberg",
        title="Heizkostenabrechnung zu hoch? Mieterberatung in Lichtenberg ausgebaut",
        days_ago=6,
        topics=["mieten-wohnen", "arbeit-soziales"],
        district="lichtenberg",
        image="Sprechstunde Heizkosten",
        teaser="Viele Haushalte erwarten hohe Nachzahlungen. Der Bezirksverband "
        "Lichtenberg bietet jetzt zweimal pro Woche eine Sprechstunde an.",
        body=[
            "Ehrenamtliche aus dem Bezirksverband prüfen gemeinsam mit einer "
            "Mietrechtsanwältin Nebenkostenabrechnungen und helfen beim Widerspruch. "
            "Die Beratung ist kostenlos und steht allen offen, nicht nur Mitgliedern.",
            "Sprechstunde: dienstags 16–19 Uhr und donnerstags 10–13 Uhr in der "
            "Geschäftsstelle in der Alfred-Kowalke-Straße.",
        ],
    ),
    dict(
        slug="kiezblock-boxhagener-kiez",
        title="Kiezblock im Boxhagener Kiez: Anwohnende sammeln Unterschriften",
        days_ago=8,
        topics=["verkehr-mobilitaet"],
        district="friedrichshain-kreuzberg",
        image=None,
        teaser="Weniger Durchgangsverkehr, sichere Schulwege: Eine Initiative will den "
        "Kiez rund um den Boxhagener Platz beruhigen. Wir unterstützen sie.",
        body=[
            "Mehr als 1.000 Unterschriften sind für einen Einwohnerantrag nötig. "
            "Unsere Basisorganisationen sammeln an den Infoständen am Samstagsmarkt "
            "mit.",
            "Die BVV wird sich voraussichtlich noch in diesem Winter mit dem Antrag "
            "befassen. Unser Briefing zur Abstimmung findet ihr unter "
            "„Entscheidungen“.",
        ],
    ),
    dict(
        slug="solidaritaet-mit-warnstreik-pflege",
        title="Solidarität mit dem Warnstreik in den Krankenhaus-Tochterfirmen",
        days_ago=10,
        topics=["pflege-gesundheit", "arbeit-soziales"],
        image="Gleicher Lohn für gleiche Arbeit",
        teaser="Reinigung, Sterilisation, Transport: Auch die Beschäftigten der "
        "Tochterunternehmen halten die Krankenhäuser am Laufen.",
        body=[
            "Wir fordern seit Jahren, dass die Tochterfirmen der landeseigenen "
            "Krankenhäuser in den Tarifvertrag des öffentlichen Dienstes zurückgeholt "
            "werden. Mitglieder aus allen Bezirken waren bei der Kundgebung vor dem "
            "Roten Rathaus dabei.",
            "Wer die Streikenden unterstützen will, findet im Kalender den nächsten "
            "Ratschlag Pflege & Gesundheit.",
        ],
    ),
    dict(
        slug="schulplaetze-marzahn",
        title="Schulbau: In Marzahn-Hellersdorf fehlen weiter Hunderte Plätze",
        days_ago=12,
        topics=["bildung"],
        district="marzahn-hellersdorf",
        image=None,
        teaser="Container statt Klassenzimmer: Der Bezirksverband fordert, die "
        "geplanten Schulneubauten nicht weiter zu verschieben.",
        body=[
            "Zum Schuljahresbeginn mussten erneut Kinder an Schulen in anderen "
            "Ortsteilen verwiesen werden. Eltern berichten von Schulwegen über "
            "45 Minuten.",
            "Unsere Bezirksverordneten haben eine Anfrage zum Stand der "
            "Schulbauoffensive gestellt und laden Eltern zu einem Infoabend ein.",
        ],
    ),
    dict(
        slug="tram-nach-spandau",
        title="Straßenbahn nach Spandau: Planung darf nicht stocken",
        days_ago=14,
        topics=["verkehr-mobilitaet", "klima-umwelt"],
        district="spandau",
        image="Tram für den Stadtrand",
        teaser="Spandau ist der einzige Bezirk ohne Straßenbahn. Die Planung der "
        "Strecke muss weitergehen, auch wenn der Haushalt knapp ist.",
        body=[
            "Zehntausende Menschen pendeln täglich aus der Wasserstadt und dem "
            "Falkenhagener "
            "Feld in die Innenstadt – überwiegend in überfüllten Bussen.",
            "Der Bezirksverband Spandau sammelt bei einer Radtour im Kalender "
            "Eindrücke "
            "entlang der geplanten Strecke.",
        ],
    ),
    dict(
        slug="baumpatenschaften-neukoelln",
        title="Wasser für Stadtbäume: Gießpatenschaften in Neukölln",
        days_ago=16,
        topics=["klima-umwelt"],
        district="neukoelln",
        image=None,
        teaser="Nach drei trockenen Sommern ist jeder dritte Straßenbaum geschädigt. "
        "Nachbarschaften übernehmen Verantwortung – der Senat muss nachziehen.",
        body=[
            "Über 200 Nachbarinnen und Nachbarn haben sich in diesem Jahr für "
            "Gießpatenschaften gemeldet. Das ersetzt aber keine ausreichend "
            "finanzierten Grünflächenämter.",
            "Wir fordern ein Landesprogramm für klimaresistente Neupflanzungen und "
            "mehr Personal in den bezirklichen Straßen- und Grünflächenämtern.",
        ],
    ),
    dict(
        slug="kaeltehilfe-startet",
        title="Kältehilfe hat begonnen: Wo es jetzt Hilfe gibt",
        days_ago=19,
        topics=["arbeit-soziales"],
        image="Kältehilfe Berlin",
        teaser="Notübernachtungen, Wärmestuben, Kältebus: Ein Überblick über die "
        "Angebote in diesem Winter und wie ihr helfen könnt.",
        body=[
            "Die Plätze in den Notübernachtungen reichen in kalten Nächten nicht aus. "
            "Wir setzen uns für ganzjährige Angebote und für Housing First ein.",
            "Mehrere Bezirksverbände sammeln Schlafsäcke und warme Kleidung. Die "
            "Sammelstellen findet ihr auf den Seiten eurer Bezirke.",
        ],
    ),
    dict(
        slug="stolpersteine-putzen-schoeneberg",
        title="Stolpersteine putzen: Erinnern in der Nachbarschaft",
        days_ago=21,
        topics=["antirassismus-migration"],
        district="tempelhof-schoeneberg",
        image=None,
        teaser="Mitglieder aus Schöneberg haben gemeinsam mit Nachbarinnen und "
        "Nachbarn die Stolpersteine im Bayerischen Viertel gereinigt.",
        body=[
            "An jedem Stein haben wir die Biografie der Menschen vorgelesen, die hier "
            "gewohnt haben und deportiert und ermordet wurden.",
            "Erinnern heißt für uns auch, heute gegen Rassismus und Antisemitismus "
            "einzustehen – in der BVV, auf der Straße und im Alltag.",
        ],
    ),
    dict(
        slug="kulturhaeuser-pankow",
        title="Kulturhäuser in Pankow: Bezirkliche Kulturarbeit sichern",
        days_ago=23,
        topics=["kultur"],
        district="pankow",
        image="Kiezkultur erhalten",
        teaser="Drohende Kürzungen gefährden Bibliotheken, Musikschulen und "
        "Kulturhäuser. Der Bezirksverband lädt zu einem offenen Treffen ein.",
        body=[
            "Kultur im Kiez ist kein Luxus: Für viele Kinder ist die Musikschule der "
            "einzige Ort, an dem sie ein Instrument lernen können.",
            "Wir sammeln Stimmen von Beschäftigten und Nutzerinnen und bringen sie in "
            "die Haushaltsberatungen des Bezirks ein.",
        ],
    ),
    dict(
        slug="abruesten-statt-sozialabbau",
        title="Abrüsten statt Sozialabbau: Kundgebung am Brandenburger Tor",
        days_ago=25,
        topics=["frieden", "arbeit-soziales"],
        image="Abrüsten statt Sozialabbau",
        teaser="Mehrere Tausend Menschen haben gegen die Aufrüstungspläne der "
        "Bundesregierung und gegen Kürzungen bei Sozialem und Kultur demonstriert.",
        body=[
            "Aufgerufen hatten die Berliner Friedenskoordination, Gewerkschaften und "
            "Sozialverbände. Unser Landesverband war mit einem eigenen Block dabei.",
            "Jeder Euro für Panzer fehlt bei Schulen, Krankenhäusern und Wohnungen. "
            "Wir bleiben dabei: Diplomatie statt Eskalation.",
        ],
    ),
    dict(
        slug="mentoring-programm-bewerbung",
        title="Mentoring-Programm: Jetzt als Mentee oder Mentorin bewerben",
        days_ago=27,
        topics=[],
        image=None,
        teaser="Der Landesverband startet ein Mentoring-Programm für Frauen und "
        "Menschen mit Migrationsgeschichte. Bewerbungen sind ab sofort möglich.",
        body=[
            "Erfahrene Mitglieder begleiten ein Jahr lang Mentees, die sich in der "
            "Partei, im Bezirk oder in einem Parlament engagieren wollen.",
            "Die Koordination bringt Mentees und Mentorinnen zusammen. Der Auftakt "
            "findet im Karl-Liebknecht-Haus statt, mit Kinderbetreuung.",
        ],
    ),
    dict(
        slug="kinderbetreuung-bei-veranstaltungen",
        title="Kinderbetreuung bei Parteiveranstaltungen: Was wir ab sofort anbieten",
        days_ago=30,
        topics=[],
        image="Mitmachen mit Kindern",
        teaser="Bei Basiskonferenzen, Ratschlägen und Landesparteitagen gibt es jetzt "
        "Kinderbetreuung – auch für Kinder unter drei Jahren.",
        body=[
            "Bei der Anmeldung gebt ihr Zahl und Alter eurer Kinder an. Wir planen die "
            "Betreuung danach und löschen die Angaben nach der Veranstaltung.",
            "Im Kalender seht ihr bei jedem Veranstaltungsort, ob es einen Stillraum, "
            "einen Wickeltisch und einen barrierefreien Zugang gibt.",
        ],
    ),
    dict(
        slug="telefonische-mitgliederbefragung",
        title="Mitgliederbefragung per Telefon: Ehrenamtliche gesucht",
        days_ago=33,
        topics=[],
        image=None,
        teaser="Wie kann Parteiarbeit besser werden? Wir wollen es von unseren "
        "Mitgliedern selbst hören – am Telefon, im persönlichen Gespräch.",
        body=[
            "Nach dem Vorbild anderer Landesverbände rufen Ehrenamtliche im Frühjahr "
            "möglichst viele Mitglieder an. Die Antworten werden anonym ausgewertet.",
            "Wer mittelefonieren möchte, meldet sich im Ehrenamtlichen-Pool mit der "
            "Fähigkeit „Telefonieren“ an. Eine Schulung bereitet auf die Gespräche "
            "vor.",
        ],
    ),
    dict(
        slug="wohnungstausch-landeseigene",
        title="Wohnungstausch bei den Landeseigenen: Was Mieterinnen wissen müssen",
        days_ago=36,
        topics=["mieten-wohnen"],
        image="Wohnungstausch",
        teaser="Die Familie wächst, die Kinder ziehen aus: Über die Tauschbörse der "
        "landeseigenen Wohnungsunternehmen kann man die Wohnung wechseln.",
        body=[
            "Beim Tausch übernehmen beide Haushalte die bisherige Miete der jeweils "
            "anderen Wohnung. So wird niemand durch einen Umzug bestraft.",
            "Unsere Mieterberatungen in den Bezirken helfen bei Fragen zum Tausch und "
            "bei Problemen mit den Vermietern.",
        ],
    ),
    dict(
        slug="basiskonferenz-ergebnisse-online",
        title="Basiskonferenz zur Wahlauswertung: Ergebnisse sind online",
        days_ago=38,
        topics=[],
        image=None,
        teaser="Über 200 Mitglieder haben über den Wahlkampf diskutiert. Die "
        "Ergebnisse der Arbeitsgruppen sind jetzt auf der Veranstaltungsseite.",
        body=[
            "Viel Lob gab es für die Haustürgespräche, Kritik an der späten "
            "Plakatierung "
            "in den Außenbezirken.",
            "Der Landesvorstand wird die Vorschläge auswerten und auf dem nächsten "
            "Landesparteitag berichten.",
        ],
    ),
    dict(
        slug="hitzeschutz-lehren-aus-dem-sommer",
        title="Hitzeschutzplan für Berlin: Lehren aus dem Sommer",
        days_ago=41,
        topics=["klima-umwelt", "pflege-gesundheit"],
        image="Hitzeschutz für alle",
        teaser="Ältere Menschen, Kleinkinder und Obdachlose leiden am meisten unter "
        "Hitze. Berlin braucht einen verbindlichen Hitzeschutzplan.",
        body=[
            "Kühle Räume in jedem Kiez, Trinkbrunnen und Hitzeschutz in Pflegeheimen "
            "und Kitas: Das haben Initiativen und Gewerkschaften gemeinsam gefordert.",
            "Wir werden das Thema bei einem Ratschlag Pflege & Gesundheit im neuen "
            "Jahr vertiefen.",
        ],
    ),
    dict(
        slug="ausbildungsplatzumlage",
        title="Ausbildungsplatzumlage: Gewerkschaften werben für ein Landesgesetz",
        days_ago=44,
        topics=["arbeit-soziales", "bildung"],
        image=None,
        teaser="Nur ein kleiner Teil der Berliner Betriebe bildet aus. Eine Umlage "
        "würde die Lasten gerecht verteilen.",
        body=[
            "Betriebe, die nicht ausbilden, zahlen in einen Fonds ein; ausbildende "
            "Betriebe bekommen Geld zurück. Bremen macht es bereits vor.",
            "Wir unterstützen die Kampagne der Gewerkschaftsjugend und bringen das "
            "Thema in die Haushaltsberatungen ein.",
        ],
    ),
    dict(
        slug="jugend-stammtisch-neukoelln",
        title="Neuer Stammtisch für junge Mitglieder in Neukölln",
        days_ago=47,
        topics=[],
        district="neukoelln",
        image="Junge Linke Neukölln",
        teaser="Politik, Kennenlernen, Kicker: Einmal im Monat treffen sich "
        "Mitglieder unter 35 zum Stammtisch.",
        body=[
            "Viele neue Mitglieder sind jünger als 35. Der Stammtisch ist ein erster "
            "Anlaufpunkt, ganz ohne Tagesordnung.",
            "Organisiert wird er gemeinsam mit dem Jugendverband und der AG Junge "
            "Mitglieder.",
        ],
    ),
    dict(
        slug="sprechstunde-maerkisches-viertel",
        title="Reinickendorf: Neue Sozialsprechstunde im Märkischen Viertel",
        days_ago=50,
        topics=["arbeit-soziales"],
        district="reinickendorf",
        image=None,
        teaser="Bürgergeld, Wohngeld, Heizkosten: Im Stadtteilzentrum gibt es jetzt "
        "jeden Mittwoch Unterstützung bei Anträgen.",
        body=[
            "Die Sprechstunde wird von Ehrenamtlichen aus dem Bezirksverband getragen "
            "und ist offen für alle.",
            "Wer helfen möchte, meldet sich in der Geschäftsstelle Reinickendorf.",
        ],
    ),
    dict(
        slug="kursprogramm-winter-fruehjahr",
        title="Politische Bildung: Das Kursprogramm für Winter und Frühjahr",
        days_ago=53,
        topics=["bildung"],
        image="Politische Bildung",
        teaser="Von der Einführung für neue Mitglieder bis zum Lesekreis: Das "
        "Bildungsprogramm von Landesverband und Bezirken ist online.",
        body=[
            "Die Kurse finden vor Ort und online statt. Materialien stehen auf den "
            "Kursseiten zum Herunterladen bereit.",
            "Das Programm ist gemeinsam mit den Bezirksverbänden entstanden – so wie "
            "es "
            "der Landesparteitag beschlossen hat.",
        ],
    ),
    dict(
        slug="neuer-vorstand-steglitz-zehlendorf",
        title="Steglitz-Zehlendorf: Bezirksverband wählt neuen Vorstand",
        days_ago=56,
        topics=[],
        district="steglitz-zehlendorf",
        image=None,
        teaser="Die Hauptversammlung hat einen verjüngten Vorstand gewählt. "
        "Schwerpunkt: mehr Präsenz in den Großsiedlungen.",
        body=[
            "Der neue Vorstand will regelmäßige Infostände in der Thermometersiedlung "
            "und in Lankwitz organisieren.",
            "Neue Mitglieder sind herzlich zur nächsten Mitgliederversammlung "
            "eingeladen.",
        ],
    ),
]

# ---------------------------------------------------------------------------
# Decision briefings. ``in_days`` is the decision date relative to today.
BRIEFINGS = [
    dict(
        slug="mieten-landeseigene-wohnungsunternehmen",
        title="Senat entscheidet über Mieterhöhungen bei den Landeseigenen",
        in_days=19,
        body="senat",
        status="upcoming",
        audience="public",
        topics=["mieten-wohnen"],
        summary="Der Senat legt fest, ob die landeseigenen Wohnungsunternehmen ihre "
        "Mieten in den nächsten Jahren weiter erhöhen dürfen. Betroffen sind rund "
        "360.000 Wohnungen.",
        at_stake="<p>Für hunderttausende Haushalte geht es um die Frage, ob die Miete "
        "im nächsten Jahr wieder steigt. Die landeseigenen Wohnungen sind das "
        "wichtigste Werkzeug des Landes, um den Mietmarkt zu dämpfen.</p><p>Wir "
        "wollen, "
        "dass die Mieten dort eingefroren werden und niemand mehr als 27 Prozent "
        "seines Einkommens für die Nettokaltmiete zahlen muss.</p>",
        talking_points=[
            (
                "Ein Mietenstopp bei den Landeseigenen hilft sofort – ohne neues "
                "Gesetz.",
                "Der Senat ist Eigentümer. Er kann den Unternehmen per "
                "Kooperationsvereinbarung "
                "vorgeben, die Mieten nicht zu erhöhen. Das betrifft etwa jeden "
                "fünften "
                "Mieterhaushalt in Berlin.",
            ),
            (
                "Was die Landeseigenen verlangen, wirkt auf den ganzen Mietspiegel.",
                "Jede Erhöhung im öffentlichen Bestand fließt in den Mietspiegel ein "
                "und "
                "macht es privaten Vermietern leichter, ebenfalls zu erhöhen.",
            ),
            (
                "Die Unternehmen brauchen Geld für Neubau – aber nicht von den "
                "Mietern.",
                "Neubau und Sanierung sollen über Eigenkapitalzuführungen des Landes "
                "und günstige Kredite der Investitionsbank finanziert werden, nicht "
                "über "
                "steigende Bestandsmieten.",
            ),
            (
                "Wer wenig verdient, darf nicht aus der Innenstadt verdrängt werden.",
                "Schon heute zahlen viele Haushalte mit niedrigem Einkommen mehr als "
                "ein Drittel ihres Einkommens für Miete und Heizung.",
            ),
        ],
        background=[
            "Die Kooperationsvereinbarung zwischen Senat und Wohnungsunternehmen "
            "regelt "
            "Mieterhöhungen, Neuvermietung an WBS-Berechtigte und Härtefallregeln. Sie "
            "wird regelmäßig neu verhandelt.",
            "Die Mieterverbände und mehrere Bezirke haben gefordert, die Mieten bis "
            "auf Weiteres einzufrieren.",
        ],
    ),
    dict(
        slug="haushalt-soziale-traeger",
        title="Landeshaushalt 2027: Drohen Kürzungen bei sozialen Trägern?",
        in_days=33,
        body="abgeordnetenhaus",
        status="upcoming",
        audience="public",
        topics=["arbeit-soziales"],
        summary="Das Abgeordnetenhaus beschließt über den Nachtragshaushalt. Im "
        "Entwurf "
        "stehen Kürzungen bei Schuldnerberatung, Jugendarbeit und Stadtteilzentren.",
        at_stake="<p>Soziale Träger wissen oft erst im Dezember, ob sie im Januar ihre "
        "Beschäftigten noch bezahlen können. Kürzungen treffen die Menschen, die "
        "ohnehin am wenigsten haben.</p>",
        talking_points=[
            (
                "Wer bei Stadtteilzentren kürzt, spart an der falschen Stelle.",
                "Eine Schuldnerberatung verhindert Zwangsräumungen, die das Land am "
                "Ende viel mehr kosten – für Notunterkünfte und Hilfen.",
            ),
            (
                "Berlin hat kein Ausgabenproblem, sondern ein Einnahmeproblem.",
                "Eine Reform der Schuldenbremse und eine gerechte Besteuerung großer "
                "Vermögen würden die Spielräume schaffen.",
            ),
            (
                "Planungssicherheit ist keine Bitte, sondern Voraussetzung.",
                "Mehrjährige Zuwendungsverträge würden verhindern, dass Fachkräfte "
                "jedes Jahr um ihre Stelle bangen müssen.",
            ),
        ],
        background=[
            "Der Doppelhaushalt wurde unter großem Spardruck aufgestellt. Der "
            "Nachtragshaushalt soll Lücken schließen, die durch geringere "
            "Steuereinnahmen entstanden sind.",
        ],
    ),
    dict(
        slug="bvv-kiezblock-boxhagener-kiez",
        title="BVV Friedrichshain-Kreuzberg stimmt über den Kiezblock Boxhagener Kiez "
        "ab",
        in_days=12,
        body="bvv",
        status="upcoming",
        audience="public",
        district="friedrichshain-kreuzberg",
        topics=["verkehr-mobilitaet", "klima-umwelt"],
        summary="Die Bezirksverordnetenversammlung entscheidet über einen "
        "Einwohnerantrag: Modalfilter sollen den Durchgangsverkehr aus dem Kiez "
        "holen.",
        at_stake="<p>Sichere Schulwege, weniger Lärm, mehr Platz für Bäume und Bänke. "
        "Der Lieferverkehr und die Zufahrt für Menschen mit Behinderung bleiben "
        "gesichert.</p>",
        talking_points=[
            (
                "Ein Kiezblock nimmt niemandem das Auto weg – nur die Abkürzung.",
                "Jede Adresse bleibt mit dem Auto erreichbar. Nur wer den Kiez als "
                "Schleichweg nutzt, muss außen herum fahren.",
            ),
            (
                "Kinder sollen allein zur Schule gehen können.",
                "An den Kreuzungen rund um die Grundschulen wurden in den letzten "
                "Jahren "
                "immer wieder Kinder verletzt.",
            ),
            (
                "Die Anwohnenden haben es selbst beantragt.",
                "Über tausend Menschen aus dem Kiez haben unterschrieben. Wir "
                "unterstützen, was sie wollen.",
            ),
        ],
        background=[
            "Andere Bezirke haben mit Kiezblocks gute Erfahrungen gemacht: Der "
            "Durchgangsverkehr ging deutlich zurück, der Lieferverkehr blieb möglich.",
        ],
    ),
    dict(
        slug="sozialticket-gesichert",
        title="Abgeordnetenhaus sichert das Sozialticket für 2027",
        in_days=-9,
        body="abgeordnetenhaus",
        status="decided",
        audience="public",
        topics=["verkehr-mobilitaet", "arbeit-soziales"],
        summary="Das Sozialticket für Menschen mit Bürgergeld, Grundsicherung oder "
        "Wohngeld bleibt auch im kommenden Jahr erhalten.",
        at_stake="<p>Rund 200.000 Menschen nutzen das Sozialticket. Ohne es wären "
        "Arztbesuche, Behördengänge und Besuche bei der Familie für viele kaum "
        "bezahlbar.</p>",
        talking_points=[
            (
                "Mobilität ist Teilhabe – das Sozialticket bleibt.",
                "Das Ticket war in den Haushaltsberatungen gefährdet. Proteste von "
                "Sozialverbänden und Opposition haben es gerettet.",
            ),
            (
                "Jetzt muss der Preis wieder sinken.",
                "Wir fordern weiterhin, dass das Sozialticket nicht teurer ist als der "
                "Regelsatz für Mobilität im Bürgergeld vorsieht.",
            ),
            (
                "Wer es braucht, soll es einfach bekommen.",
                "Der Berechtigungsnachweis muss automatisch mit dem Bescheid kommen – "
                "ohne zusätzlichen Antrag.",
            ),
        ],
        background=[
            "Das Sozialticket wurde 2022 deutlich verbilligt und in den Folgejahren "
            "wieder verteuert. Die Finanzierung muss jedes Jahr im Haushalt gesichert "
            "werden.",
        ],
    ),
    dict(
        slug="krankenhausplan-vertagt",
        title="Krankenhausplan: Senat vertagt Entscheidung über Standorte",
        in_days=40,
        body="senat",
        status="postponed",
        audience="public",
        topics=["pflege-gesundheit"],
        summary="Der Senat hat die Entscheidung über den neuen Krankenhausplan "
        "verschoben. Offen ist, welche Abteilungen an welchen Standorten bleiben.",
        at_stake="<p>Es geht um Notaufnahmen und Geburtsstationen in den "
        "Außenbezirken. Längere Wege können im Notfall Leben kosten.</p>",
        talking_points=[
            (
                "Eine Notaufnahme muss für alle in 20 Minuten erreichbar sein.",
                "Gerade in Spandau, Marzahn-Hellersdorf und Treptow-Köpenick sind die "
                "Wege schon heute lang.",
            ),
            (
                "Krankenhäuser gehören in öffentliche Hand.",
                "Private Konzerne schließen, was sich nicht rechnet. Öffentliche "
                "Kliniken können nach Bedarf planen.",
            ),
            (
                "Ohne Pflegekräfte helfen keine Betten.",
                "Gute Bezahlung und Entlastung sind die Voraussetzung, dass Stationen "
                "offen bleiben.",
            ),
        ],
        background=[
            "Die Krankenhausreform des Bundes zwingt die Länder, ihre Planung neu "
            "aufzustellen. Berlin muss festlegen, welche Leistungsgruppen wo angeboten "
            "werden.",
        ],
    ),
    dict(
        slug="konzept-mitgliederbefragung",
        title="Landesvorstand berät das Konzept der telefonischen Mitgliederbefragung",
        in_days=9,
        body="landesvorstand",
        status="upcoming",
        audience="members",
        topics=[],
        # Lies in the private collection "Mitglieder", as the editor's upload would.
        document=(
            "Entwurf: Fragebogen der Mitgliederbefragung",
            [
                "Entwurf: Fragebogen der telefonischen Mitgliederbefragung",
                "",
                "1. Wie bist du zur Partei gekommen?",
                "2. Was hält dich davon ab, öfter mitzumachen?",
                "3. Welche Formate würdest du besuchen?",
                "",
                "Nur für Mitglieder · Stand: Beratung im Landesvorstand",
            ],
        ),
        summary="Der Landesvorstand beschließt Fragen, Ablauf und Datenschutzkonzept "
        "der telefonischen Mitgliederbefragung im Frühjahr.",
        at_stake="<p>Die Befragung soll zeigen, warum Mitglieder aktiv werden – oder "
        "warum nicht. Sie ist nur so gut wie die Zahl der Gespräche.</p>",
        talking_points=[
            (
                "Wir fragen nicht nur die Aktiven, sondern alle.",
                "Gerade Mitglieder, die nie zu Versammlungen kommen, wissen, was uns "
                "fehlt: Zeit, Kinderbetreuung, Formate am Wohnort.",
            ),
            (
                "Jede Antwort bleibt anonym.",
                "Die Anrufenden tragen die Antworten ohne Namen ein. Niemand im Bezirk "
                "erfährt, wer was gesagt hat.",
            ),
            (
                "Mitmachen heißt auch: mittelefonieren.",
                "Wir brauchen mindestens 150 Ehrenamtliche, die je zehn Gespräche "
                "führen.",
            ),
        ],
        background=[
            "Andere Landesverbände haben mit telefonischen Befragungen gute "
            "Erfahrungen gemacht; die Bundespartei unterstützt mit Software und "
            "Schulungen.",
        ],
    ),
    dict(
        slug="leitantrag-ganze-stadt",
        title="Landesparteitag: Leitantrag „Eine Partei für die ganze Stadt“",
        in_days=58,
        body="landesparteitag",
        status="upcoming",
        audience="members",
        topics=[],
        summary="Der Landesparteitag berät den Leitantrag der Projektgruppe Innenstadt "
        "und Außenbezirke. Änderungsanträge sind bis drei Wochen vorher möglich.",
        at_stake="<p>Unsere Wahlergebnisse unterscheiden sich zwischen Innenstadt und "
        "Stadtrand stark. Der Leitantrag schlägt vor, Geld und Personal gezielt in "
        "die Außenbezirke zu lenken.</p>",
        talking_points=[
            (
                "Wir wollen in jedem Kiez ansprechbar sein – nicht nur im Szenekiez.",
                "Geschäftsstellen mit festen Öffnungszeiten und Sozialsprechstunden "
                "sollen in allen zwölf Bezirken entstehen.",
            ),
            (
                "Die Bezirke entscheiden mit.",
                "Die Verteilung der Mittel wird jedes Jahr vom Landesausschuss "
                "überprüft, in dem alle Bezirke vertreten sind.",
            ),
            (
                "Zuhören vor Plakatieren.",
                "Haustürgespräche außerhalb der Wahlkämpfe sollen fester Bestandteil "
                "der Parteiarbeit werden.",
            ),
            (
                "Ehrenamt braucht Unterstützung.",
                "Der Ehrenamtlichen-Pool hilft Bezirken, die wenige Aktive haben, mit "
                "Menschen aus der ganzen Stadt.",
            ),
        ],
        background=[
            "Die Projektgruppe hat ein Jahr lang Organisationsgrad, Präsenz und "
            "Wahlergebnisse in den Kiezen verglichen und mit Aktiven aus allen "
            "Bezirken "
            "gesprochen.",
        ],
    ),
]

FEATURED_BRIEFING = "mieten-landeseigene-wohnungsunternehmen"

# ---------------------------------------------------------------------------
WORKING_GROUPS = [
    dict(
        slug="ag-mitgliederarbeit",
        title="AG Mitgliederarbeit",
        open_to_all=True,
        # The resolution opens it to all interested: guests join by mail.
        registration_mode="open",
        rhythm="jeden zweiten Dienstag im Monat, 19 Uhr, Karl-Liebknecht-Haus und "
        "online",
        topics=[],
        purpose="<p>Wir entwickeln gemeinsame Standards für die Begrüßung neuer "
        "Mitglieder, planen die monatlichen Neumitgliedertreffen und bauen den "
        "Ehrenamtlichen-Pool auf. Die AG ist für alle Interessierten offen.</p>",
    ),
    dict(
        slug="ag-stadtentwicklung-mieten",
        title="AG Stadtentwicklung und Mieten",
        open_to_all=True,
        rhythm="jeden ersten Donnerstag im Monat, 18:30 Uhr, online",
        topics=["mieten-wohnen"],
        purpose="<p>Wir begleiten die Mietenpolitik im Abgeordnetenhaus, arbeiten "
        "mit Mieterinitiativen zusammen und bereiten die Ratschläge zum Thema Wohnen "
        "vor.</p>",
    ),
    dict(
        slug="ag-junge-mitglieder",
        title="AG Junge Mitglieder",
        open_to_all=False,
        rhythm="jeden dritten Mittwoch im Monat, 19 Uhr, wechselnde Orte",
        topics=["bildung"],
        purpose="<p>Politikangebote für Mitglieder bis 35: Lesekreise, Stammtische, "
        "Aktionen – zusammen mit dem Jugend- und Studierendenverband.</p>",
    ),
    dict(
        slug="projektgruppe-ganze-stadt",
        title="Projektgruppe Ganze Stadt",
        open_to_all=True,
        rhythm="einmal im Monat, Samstag 11 Uhr, abwechselnd in den Außenbezirken",
        topics=[],
        purpose="<p>Warum wählen uns Menschen in der Innenstadt anders als am "
        "Stadtrand? Die offene Projektgruppe untersucht Organisationsgrad, Präsenz "
        "und Wahlergebnisse und macht Vorschläge, wie wir Partei für die ganze Stadt "
        "bleiben.</p>",
    ),
]

FORUMS = [
    dict(
        slug="forum-aussenbezirke",
        title="Was brauchen die Außenbezirke von uns?",
        closes_in_days=45,
        topics=[],
        statement="<p>In Marzahn-Hellersdorf, Spandau oder Reinickendorf erreichen "
        "uns andere Themen als in Kreuzberg. Was sollte die Partei an eurem Wohnort "
        "anders machen? Eure Beiträge fließen in den Leitantrag der Projektgruppe "
        "Ganze Stadt ein.</p>",
    ),
    dict(
        slug="forum-mitmachen-mit-care-arbeit",
        title="Mitmachen trotz Kindern, Pflege und Schichtdienst",
        closes_in_days=None,
        topics=["pflege-gesundheit"],
        statement="<p>Wer kleine Kinder hat oder Angehörige pflegt, kommt selten zu "
        "Abendterminen. Welche Formate helfen euch – Online-Treffen, Termine am "
        "Wochenende, Kinderbetreuung? Schreibt es hier, wann immer ihr Zeit habt.</p>",
    ),
    dict(
        slug="forum-wahlauswertung",
        title="Wahlauswertung: Was nehmen wir aus dem Wahlkampf mit?",
        closes_in_days=-5,
        topics=[],
        statement="<p>Was hat im Wahlkampf funktioniert, was nicht? Die Diskussion "
        "ist abgeschlossen; die Beiträge fließen gemeinsam mit den Ergebnissen der "
        "Basiskonferenz in die Arbeit der Projektgruppe Ganze Stadt ein.</p>",
    ),
]

# ---------------------------------------------------------------------------
# Events. Monthly new-member meetings are generated from NEW_MEMBER_MEETINGS;
# the others use ``week`` (weeks from tomorrow) and ``weekday``.
NEW_MEMBER_MEETINGS = [
    # district slug or None (state level), weekday, n-th weekday in month, hour,
    # venue, format, occurrences, parent ("district" puts it under the district page)
    dict(
        district=None,
        weekday=WED,
        nth=1,
        hour=18,
        venue="Karl-Liebknecht-Haus",
        event_format=HYBRID,
        count=3,
        title="Neumitgliedertreffen des Landesverbands",
    ),
    dict(
        district="friedrichshain-kreuzberg",
        weekday=MON,
        nth=2,
        hour=19,
        venue="Nachbarschaftshaus Urbanstraße",
        event_format=ONSITE,
        count=2,
        title="Neumitgliedertreffen Friedrichshain-Kreuzberg",
        under_district=True,
    ),
    dict(
        district="lichtenberg",
        weekday=THU,
        nth=2,
        hour=18,
        venue="Kiezspinne Lichtenberg",
        event_format=ONSITE,
        count=2,
        title="Neumitgliedertreffen Lichtenberg",
    ),
    dict(
        district="neukoelln",
        weekday=TUE,
        nth=3,
        hour=19,
        venue="Gemeinschaftshaus Gropiusstadt",
        event_format=ONSITE,
        count=2,
        title="Neumitgliedertreffen Neukölln",
    ),
    dict(
        district="marzahn-hellersdorf",
        weekday=SAT,
        nth=1,
        hour=11,
        venue="Stadtteilzentrum Marzahn-Mitte",
        event_format=ONSITE,
        count=2,
        title="Neumitgliedertreffen Marzahn-Hellersdorf",
    ),
    dict(
        district="pankow",
        weekday=WED,
        nth=3,
        hour=19,
        venue=None,
        event_format=ONLINE,
        count=2,
        title="Neumitgliedertreffen Pankow (online)",
    ),
]
NEW_MEMBER_TEASER = (
    "Neu dabei? Wir stellen vor, wie die Partei in Berlin arbeitet, wo du mitmachen "
    "kannst und wer in deinem Bezirk ansprechbar ist. Mit Getränken und Zeit für "
    "Fragen."
)

EVENTS = [
    dict(
        slug="basiskonferenz-nach-der-wahl",
        title="Basiskonferenz: Wie weiter nach der Wahl?",
        kind="base_conference",
        week=2,
        weekday=SAT,
        hour=10,
        hours=6,
        venue="Karl-Liebknecht-Haus",
        event_format=HYBRID,
        registration_mode="members",
        capacity=180,
        childcare_offered=True,
        topics=[],
        teaser="Die Basiskonferenz berät über die Lage nach der Abgeordnetenhauswahl "
        "und über die Schwerpunkte der Partei für die nächsten Jahre.",
        body="Am Vormittag berichten Landesvorstand und Fraktion, am Nachmittag "
        "diskutieren wir in Arbeitsgruppen zu Mieten, Gesundheit und Mitgliederarbeit. "
        "Kinderbetreuung ab sechs Monaten bitte bei der Anmeldung angeben.",
    ),
    dict(
        slug="basiskonferenz-aussenbezirke",
        title="Basiskonferenz Außenbezirke: Partei für die ganze Stadt",
        kind="base_conference",
        week=8,
        weekday=SAT,
        hour=11,
        hours=5,
        venue="Stadtteilzentrum Marzahn-Mitte",
        event_format=ONSITE,
        registration_mode="members",
        capacity=120,
        childcare_offered=True,
        district="marzahn-hellersdorf",
        topics=[],
        teaser="Die Projektgruppe Ganze Stadt stellt ihre Zwischenergebnisse vor – "
        "und will von euch wissen, was vor Ort fehlt.",
        body="Mit Berichten aus Spandau, Reinickendorf und Treptow-Köpenick und einer "
        "Diskussion zum Leitantrag für den Landesparteitag.",
    ),
    dict(
        slug="ratschlag-mieten",
        title="Ratschlag Mieten: Vergesellschaftung jetzt umsetzen",
        kind="thematic_council",
        week=3,
        weekday=SAT,
        hour=10,
        hours=6,
        venue="Haus der Demokratie und Menschenrechte",
        event_format=ONSITE,
        registration_mode="open",
        capacity=150,
        childcare_offered=True,
        topics=["mieten-wohnen"],
        teaser="Nach dem Vorbild des Mietenpolitischen Forums beraten Partei, Fraktion "
        "und stadtpolitische Initiativen über die nächsten Schritte.",
        body="Mit Mieterinitiativen, Mieterverein und Vertreterinnen der "
        "Vergesellschaftungskampagne. Initiativen melden sich bitte mit Namen ihrer "
        "Organisation an.",
    ),
    dict(
        slug="ratschlag-pflege-gesundheit",
        title="Ratschlag Pflege & Gesundheit: Krankenhäuser für alle",
        kind="thematic_council",
        week=9,
        weekday=SAT,
        hour=10,
        hours=5,
        venue="Kiezspinne Lichtenberg",
        event_format=HYBRID,
        registration_mode="open",
        capacity=100,
        childcare_offered=True,
        topics=["pflege-gesundheit"],
        teaser="Beschäftigte, Gewerkschaften, Patientenvertretungen und Partei "
        "diskutieren den Krankenhausplan und gute Arbeit in der Pflege.",
        body="Die Ergebnisse fließen in unsere Positionen zum Krankenhausplan ein. "
        "Wer Angehörige pflegt, kann online teilnehmen.",
    ),
    dict(
        slug="ag-mitgliederarbeit-1",
        title="AG Mitgliederarbeit: Standards für die Begrüßung",
        kind="working_group_meeting",
        working_group="ag-mitgliederarbeit",
        week=1,
        weekday=TUE,
        hour=19,
        hours=2,
        venue="Karl-Liebknecht-Haus",
        event_format=HYBRID,
        teaser="Wir besprechen die Checkliste für Begrüßungsanrufe und die Erfahrungen "
        "aus den Bezirken.",
        body="Offen für alle Interessierten, auch ohne Parteibuch.",
    ),
    dict(
        slug="ag-mitgliederarbeit-2",
        title="AG Mitgliederarbeit: Ehrenamtlichen-Pool",
        kind="working_group_meeting",
        working_group="ag-mitgliederarbeit",
        week=5,
        weekday=TUE,
        hour=19,
        hours=2,
        venue="Karl-Liebknecht-Haus",
        event_format=HYBRID,
        teaser="Wie sprechen wir Mitglieder mit Handwerk, Grafik oder "
        "Veranstaltungsplanung gezielt an?",
        body="Offen für alle Interessierten.",
    ),
    dict(
        slug="ag-mitgliederarbeit-3",
        title="AG Mitgliederarbeit: Vorbereitung Befragung",
        kind="working_group_meeting",
        working_group="ag-mitgliederarbeit",
        week=9,
        weekday=TUE,
        hour=19,
        hours=2,
        venue=None,
        event_format=ONLINE,
        teaser="Schulungskonzept für die Anruferinnen und Anrufer der telefonischen "
        "Mitgliederbefragung.",
        body="Online-Treffen; Link auf dieser Seite.",
    ),
    dict(
        slug="ag-stadtentwicklung-1",
        title="AG Stadtentwicklung: Kooperationsvereinbarung",
        kind="working_group_meeting",
        working_group="ag-stadtentwicklung-mieten",
        week=0,
        weekday=THU,
        hour=18,
        minute=30,
        hours=2,
        venue=None,
        event_format=ONLINE,
        topics=["mieten-wohnen"],
        teaser="Was muss in der neuen Kooperationsvereinbarung mit den "
        "landeseigenen Wohnungsunternehmen stehen?",
        body="Vorbereitung des Briefings für die Basis.",
    ),
    dict(
        slug="ag-stadtentwicklung-2",
        title="AG Stadtentwicklung: Vorbereitung Ratschlag",
        kind="working_group_meeting",
        working_group="ag-stadtentwicklung-mieten",
        week=6,
        weekday=THU,
        hour=18,
        minute=30,
        hours=2,
        venue=None,
        event_format=ONLINE,
        topics=["mieten-wohnen"],
        teaser="Auswertung des Ratschlags Mieten und Verabredungen mit den "
        "Initiativen.",
        body="Online-Treffen.",
    ),
    dict(
        slug="ag-junge-mitglieder-1",
        title="AG Junge Mitglieder: Lesekreis und Planung",
        kind="working_group_meeting",
        working_group="ag-junge-mitglieder",
        week=2,
        weekday=WED,
        hour=19,
        hours=2,
        venue="Bezirksgeschäftsstelle Neukölln",
        event_format=ONSITE,
        for_young_members=True,
        district="neukoelln",
        teaser="Wir planen das Programm fürs Frühjahr und lesen gemeinsam einen "
        "kurzen Text.",
        body="Für Mitglieder bis 35.",
    ),
    dict(
        slug="ag-junge-mitglieder-2",
        title="AG Junge Mitglieder: Aktionsplanung",
        kind="working_group_meeting",
        working_group="ag-junge-mitglieder",
        week=7,
        weekday=WED,
        hour=19,
        hours=2,
        venue="Kiezspinne Lichtenberg",
        event_format=HYBRID,
        for_young_members=True,
        teaser="Wie bringen wir mehr junge Leute zu den Basiskonferenzen?",
        body="Für Mitglieder bis 35.",
    ),
    dict(
        slug="roter-stammtisch-neukoelln",
        title="Roter Stammtisch Neukölln",
        kind="stammtisch",
        week=1,
        weekday=FRI,
        hour=19,
        hours=3,
        venue="Bezirksgeschäftsstelle Neukölln",
        event_format=ONSITE,
        for_young_members=True,
        district="neukoelln",
        teaser="Politik, Kennenlernen, Kicker – ohne Tagesordnung.",
        body="Für alle unter 35 und alle, die sich so fühlen.",
    ),
    dict(
        slug="stammtisch-spandau",
        title="Stammtisch Spandau",
        kind="stammtisch",
        week=4,
        weekday=THU,
        hour=18,
        hours=2,
        venue="Kulturhaus Spandau",
        event_format=ONSITE,
        district="spandau",
        teaser="Austausch über Bezirkspolitik bei Kaffee und Kuchen.",
        body="Neue Gesichter sind herzlich willkommen.",
    ),
    dict(
        slug="kiezstammtisch-friedrichshain",
        title="Kiezstammtisch Friedrichshain",
        kind="stammtisch",
        week=3,
        weekday=THU,
        hour=19,
        hours=2,
        venue="Kiezladen Weidenweg",
        event_format=ONSITE,
        district="friedrichshain-kreuzberg",
        under_district=True,
        teaser="Was ist los im Kiez? Wir reden über Mieten, Kiezblocks und "
        "den nächsten Infostand.",
        body="Drei Stufen am Eingang – sagt Bescheid, wir helfen gern.",
    ),
    dict(
        slug="winter-radtour-spandau",
        title="Winter-Radtour: Mit der Tram nach Spandau?",
        kind="bike_tour",
        week=10,
        weekday=SUN,
        hour=11,
        hours=3,
        venue="Kulturhaus Spandau",
        event_format=ONSITE,
        district="spandau",
        topics=["verkehr-mobilitaet"],
        teaser="Wir fahren die geplante Straßenbahnstrecke ab und sprechen mit "
        "Anwohnenden. Danach Suppe im Warmen.",
        body="Etwa 15 Kilometer in gemütlichem Tempo; bei Glatteis fällt die Tour aus.",
    ),
    dict(
        slug="jahresendparty-neumitglieder",
        title="Jahresendparty für neue Mitglieder",
        kind="party",
        week=2,
        weekday=FRI,
        hour=20,
        hours=5,
        venue="SO36",
        event_format=ONSITE,
        for_young_members=True,
        district="friedrichshain-kreuzberg",
        teaser="Zum Jahresende feiern wir mit allen, die in diesem Jahr eingetreten "
        "sind – und mit allen anderen.",
        body="Mit DJs aus den Bezirksverbänden. Eintritt frei, Spenden willkommen.",
    ),
    dict(
        slug="neujahrsempfang",
        title="Neujahrsempfang des Landesverbands",
        kind="party",
        week=6,
        weekday=FRI,
        hour=18,
        hours=4,
        venue="Karl-Liebknecht-Haus",
        event_format=ONSITE,
        teaser="Mit Reden, Musik und Begegnungen über Bezirksgrenzen hinweg.",
        body="Gäste aus Initiativen, Gewerkschaften und Sozialverbänden sind "
        "herzlich eingeladen.",
    ),
    dict(
        slug="solikonzert-kaeltehilfe",
        title="Solikonzert für die Kältehilfe",
        kind="concert",
        week=3,
        weekday=SAT,
        hour=20,
        hours=4,
        venue="SO36",
        event_format=ONSITE,
        district="friedrichshain-kreuzberg",
        under_district=True,
        topics=["kultur", "arbeit-soziales"],
        teaser="Drei Berliner Bands spielen, der Erlös geht an die Kältehilfe.",
        body="Einlass 19:30 Uhr. Schlafsäcke und warme Jacken nehmen wir am Eingang "
        "entgegen.",
    ),
    dict(
        slug="liederabend-arbeiterbewegung",
        title="Liederabend: Lieder der Arbeiterbewegung",
        kind="concert",
        week=7,
        weekday=SAT,
        hour=19,
        hours=2,
        venue="Kiezspinne Lichtenberg",
        event_format=ONSITE,
        district="lichtenberg",
        topics=["kultur"],
        teaser="Ein Chor aus Lichtenberg singt, das Publikum singt mit.",
        body="Textblätter liegen aus. Kinder sind willkommen.",
    ),
    dict(
        slug="infoabend-mietspiegel",
        title="Infoabend: Was bringt der neue Mietspiegel?",
        kind="info_evening",
        week=1,
        weekday=WED,
        hour=19,
        hours=2,
        venue=None,
        event_format=ONLINE,
        topics=["mieten-wohnen"],
        teaser="Eine Mietrechtsanwältin erklärt, wie ihr Mieterhöhungen prüft.",
        body="Fragen könnt ihr vorher per E-Mail oder während der Veranstaltung im "
        "Chat stellen.",
    ),
    dict(
        slug="infoabend-heizkosten",
        title="Infoabend Heizkosten: Widerspruch lohnt sich",
        kind="info_evening",
        week=4,
        weekday=TUE,
        hour=18,
        hours=2,
        venue="Kiezspinne Lichtenberg",
        event_format=HYBRID,
        district="lichtenberg",
        topics=["mieten-wohnen", "arbeit-soziales"],
        teaser="Wie lese ich meine Nebenkostenabrechnung, und wann lohnt sich ein "
        "Widerspruch?",
        body="Bringt eure Abrechnung mit – wir schauen sie gemeinsam an.",
    ),
    dict(
        slug="infoabend-schulplaetze",
        title="Infoabend für Eltern: Schulplätze in Marzahn",
        kind="info_evening",
        week=5,
        weekday=THU,
        hour=18,
        hours=2,
        venue="Stadtteilzentrum Marzahn-Mitte",
        event_format=ONSITE,
        district="marzahn-hellersdorf",
        childcare_offered=True,
        topics=["bildung"],
        teaser="Was wird aus den geplanten Schulneubauten? Unsere Bezirksverordneten "
        "berichten.",
        body="Mit Kinderbetreuung; bitte bei der Anmeldung angeben.",
        registration_mode="open",
        capacity=60,
    ),
    dict(
        slug="ll-gedenken",
        title="Gedenken an Rosa Luxemburg und Karl Liebknecht",
        kind="other",
        week=None,
        second_sunday_of_january=True,
        hour=9,
        hours=4,
        venue="Kiezladen Weidenweg",
        event_format=ONSITE,
        topics=["frieden"],
        teaser="Gemeinsamer Gang zur Gedenkstätte der Sozialisten in Friedrichsfelde. "
        "Treffpunkt vor dem Kiezladen Weidenweg.",
        body="Wir gehen gemeinsam in einem Block. Nelken bringen wir mit.",
    ),
    dict(
        slug="mentoring-auftakt",
        title="Auftakt Mentoring-Programm",
        kind="other",
        week=5,
        weekday=SAT,
        hour=11,
        hours=4,
        venue="Karl-Liebknecht-Haus",
        event_format=ONSITE,
        registration_mode="members",
        capacity=40,
        childcare_offered=True,
        topics=["antirassismus-migration"],
        teaser="Mentees und Mentorinnen lernen sich kennen. Für Frauen und Menschen "
        "mit Migrationsgeschichte.",
        body="Mit Kinderbetreuung und Übersetzung ins Türkische und Arabische auf "
        "Anfrage.",
    ),
    dict(
        slug="schulung-telefonbefragung",
        title="Schulung für die telefonische Befragung",
        kind="other",
        week=10,
        weekday=MON,
        hour=18,
        hours=2,
        venue=None,
        event_format=ONLINE,
        registration_mode="members",
        capacity=200,
        teaser="Wie führe ich ein gutes Gespräch am Telefon? Eine Schulung für alle, "
        "die bei der Mitgliederbefragung mitmachen.",
        body="Online, mit Übungsgesprächen in Kleingruppen.",
    ),
    dict(
        slug="sprechstunde-eltern-pflegende",
        title="Online-Treffen für Eltern und Pflegende",
        kind="other",
        week=4,
        weekday=SUN,
        hour=20,
        hours=1,
        venue=None,
        event_format=ONLINE,
        topics=["pflege-gesundheit"],
        teaser="Eine Stunde, wenn die Kinder schlafen: Wie können Mitglieder mit "
        "Care-Arbeit besser mitmachen?",
        body="Ohne Anmeldung, ohne Kamera-Pflicht.",
    ),
]

PAST_EVENT = dict(
    slug="basiskonferenz-wahlauswertung",
    title="Basiskonferenz: Auswertung des Wahlkampfs",
    kind="base_conference",
    days_ago=40,
    weekday=SAT,
    hour=10,
    hours=6,
    venue="Karl-Liebknecht-Haus",
    event_format=HYBRID,
    registration_mode="members",
    capacity=200,
    childcare_offered=True,
    topics=[],
    teaser="Über 200 Mitglieder haben den Wahlkampf ausgewertet.",
    body="Berichte aus den Bezirken und Arbeitsgruppen zu Haustürgesprächen, "
    "Plakatierung und Online-Kommunikation.",
    results=[
        {"type": "heading", "value": {"text": "Ergebnisse", "level": "h2"}},
        {
            "type": "paragraph",
            "value": "<ol><li>Haustürgespräche werden auch außerhalb von Wahlkämpfen "
            "fortgesetzt; jeder Bezirk benennt eine Verantwortliche.</li>"
            "<li>Die Außenbezirke erhalten im nächsten Wahlkampf früher Material und "
            "Unterstützung aus dem Ehrenamtlichen-Pool.</li><li>Die Basis soll vor "
            "wichtigen Entscheidungen früher informiert werden – mit Briefings und "
            "Gesprächsargumenten im Portal.</li></ol>",
        },
        {
            "type": "quote",
            "value": {
                "text": "Wir waren an Türen, an denen seit Jahren niemand von uns "
                "geklingelt hat.",
                "attribution": "Teilnehmerin aus Marzahn-Hellersdorf",
            },
        },
    ],
)

# ---------------------------------------------------------------------------
COURSES = [
    dict(
        slug="neu-dabei",
        title="Neu dabei: Partei verstehen, Partei gestalten",
        audience="new_members",
        capacity=30,
        topics=[],
        teaser="Wie funktionieren Basisorganisation, Bezirksverband und "
        "Landesparteitag? "
        "Und wie stelle ich einen Antrag? Drei Abende für neue Mitglieder.",
        goals=[
            "die Gliederungen der Partei in Berlin und ihre Aufgaben kennen",
            "einen Antrag formulieren und einbringen",
            "wissen, wo sie im Bezirk und in den AGs mitmachen können",
        ],
        sessions=[
            ("1. Wer entscheidet was?", 10, TUE, 18, ONSITE, "Karl-Liebknecht-Haus"),
            ("2. Anträge schreiben", 17, TUE, 18, ONLINE, None),
            ("3. Mitmachen im Bezirk", 24, TUE, 18, ONSITE, "Karl-Liebknecht-Haus"),
        ],
        material="Reader: Partei verstehen",
    ),
    dict(
        slug="mietrecht-fuer-aktive",
        title="Mietrecht für Aktive: Beraten, organisieren, gewinnen",
        audience="all",
        capacity=25,
        topics=["mieten-wohnen"],
        teaser="Mieterhöhung, Modernisierung, Eigenbedarf: Grundlagen für alle, die "
        "in Sprechstunden und Mieterinitiativen helfen wollen.",
        goals=[
            "eine Mieterhöhung nach Mietspiegel prüfen",
            "Betroffene an Beratungsstellen vermitteln",
            "eine Hausversammlung vorbereiten und moderieren",
        ],
        sessions=[
            (
                "1. Mieterhöhung und Mietspiegel",
                12,
                SAT,
                10,
                ONSITE,
                "Nachbarschaftshaus Urbanstraße",
            ),
            (
                "2. Hausgemeinschaften organisieren",
                26,
                SAT,
                10,
                HYBRID,
                "Nachbarschaftshaus Urbanstraße",
            ),
        ],
        material="Arbeitsblatt: Mieterhöhung prüfen",
    ),
    dict(
        slug="marx-lesen-im-kiez",
        title="Marx lesen im Kiez",
        audience="young",
        capacity=20,
        topics=["arbeit-soziales"],
        teaser="Ein Lesekreis für Mitglieder bis 35: Wir lesen Auszüge aus „Lohnarbeit "
        "und Kapital“ und fragen, was sie über Berlin heute sagen.",
        goals=[
            "Grundbegriffe der Kritik der politischen Ökonomie erklären",
            "Texte gemeinsam erschließen und diskutieren",
            "Bezüge zu Mieten, Löhnen und Arbeitszeit herstellen",
        ],
        sessions=[
            ("1. Lohnarbeit", 8, WED, 19, ONSITE, "Kiezspinne Lichtenberg"),
            ("2. Kapital", 22, WED, 19, ONSITE, "Kiezspinne Lichtenberg"),
            ("3. Krise", 36, WED, 19, HYBRID, "Kiezspinne Lichtenberg"),
            ("4. Was tun?", 50, WED, 19, ONLINE, None),
        ],
        material="Lesekreis: Textauszüge",
    ),
    dict(
        slug="moderation-basiskonferenzen",
        title="Moderation: Versammlungen und Basiskonferenzen leiten",
        audience="trainers",
        capacity=16,
        topics=[],
        teaser="Redelisten, Zeitplanung, schwierige Situationen: Ein Training für "
        "alle, "
        "die Versammlungen moderieren.",
        goals=[
            "eine Versammlung mit quotierter Redeliste leiten",
            "Kleingruppenphasen anleiten und Ergebnisse sichern",
            "online und hybrid moderieren",
        ],
        sessions=[
            (
                "1. Grundlagen der Moderation",
                15,
                SAT,
                10,
                ONSITE,
                "Nachbarschaftsheim Schöneberg",
            ),
            ("2. Online und hybrid moderieren", 29, MON, 18, ONLINE, None),
        ],
        material="Checkliste Moderation",
    ),
]

COURSE_INDEX_INTRO = (
    "<p>Landesverband und Bezirksverbände bieten gemeinsam politische Bildung an: für "
    "neue Mitglieder, für Aktive in Sprechstunden und Initiativen, für junge "
    "Mitglieder "
    "und für alle, die Versammlungen leiten. Die Kurse sind kostenlos; Materialien "
    "stehen auf den Kursseiten.</p>"
)

USERS = [
    # username, password, first, last, superuser, groups
    ("admin", "demo-admin-2026", "Andrea", "Kowalski", True, ["Landesgeschäftsstelle"]),
    (
        "presse",
        "demo-presse-2026",
        "Pia",
        "Neumann",
        False,
        ["Presse", "Freigabe Briefings"],
    ),
    # The second person who approves decision briefings ("Zweite Freigabe").
    (
        "freigabe",
        "demo-freigabe-2026",
        "Fatma",
        "Schulz",
        False,
        ["Landesgeschäftsstelle", "Freigabe Briefings"],
    ),
    (
        "bezirk-fk",
        "demo-bezirk-2026",
        "Kemal",
        "Aydın",
        False,
        ["Bezirksredaktion Friedrichshain-Kreuzberg"],
    ),
    # Coordination tools (pool, onboarding, mentoring, call lists) for one
    # district, without editing its pages.
    (
        "koordination-fk",
        "demo-koordination-2026",
        "Jonas",
        "Weber",
        False,
        ["Koordination Friedrichshain-Kreuzberg"],
    ),
    ("mitglied", "demo-mitglied-2026", "Marie", "Lehmann", False, ["Mitglieder"]),
    ("neu", "demo-neu-2026", "Nils", "Neumann", False, []),
]

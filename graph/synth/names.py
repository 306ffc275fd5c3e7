"""Name pools for synthetic people, teams and outlets (mixed European, with accents)."""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST_NAMES = _words(
    "Carlo Sergio José Luis Jürgen Pep Zinédine Antonio Massimiliano Luciano Maurizio Claudio "
    "Diego Marcelo Mauricio Unai Xabi Mikel Roberto Gian Piero Stefano Paulo Rui André Jorge "
    "Thomas Hansi Julian Ralf Ole Erik Frank Ronald Louis Arsène Didier Laurent Christophe "
    "Rafael Vicente Joaquín Fabio Cesare Marcello Arrigo Giovanni Nuno Bruno Vítor Leonardo "
    "Simone Vincenzo Davide Francesco Ivan Slaven Zlatko Dragan Miroslav Tomáš Henrik Åge "
    "Ståle Lars Søren Kasper Graham Sean Eddie Brendan Gareth Steve Mark Michael David Daniel "
    "Enzo Óscar Ángel Rubén Íñigo Gonçalo João Sérgio Lucien Rémi Hervé Stéphane François"
)

LAST_NAMES = _words(
    "Ancelotti Conceição Mourinho Klopp Guardiola Zidane Conte Allegri Spalletti Sarri Ranieri "
    "Simeone Gallardo Pochettino Emery Alonso Arteta Mancini Gasperini Pioli Fonseca Vitória "
    "Jesus Tuchel Flick Nagelsmann Rangnick Solskjær Hag Lampard Koeman Gaal Wenger Deschamps "
    "Blanc Galtier Benítez Valverde Sánchez Capello Prandelli Lippi Sacchi Trapattoni Espírito "
    "Inzaghi Montella Italiano Ballardini Baroni Juric Bilić Dalić Stojković Nielsen Hareide "
    "Solbakken Hjulmand Potter Dyche Howe Rodgers Southgate Cooper Ténez Martínez Pellegrini "
    "Marcelino Setién Lopetegui Iraola Pérez Núñez García Muñoz Jardim Villas-Boas Peseiro "
    "Sá Pinto Génesio Puel Fournier Hütter Glasner Schmidt Kovač Tudor Pirlo Gattuso Nesta "
    "Ødegaard Schäfer Müller Höness Weiß Grünwald Ñíguez Ibáñez Ferreira Gonçalves Araújo "
    "Lévy Dupré Noël Mazzarri Zeman Zaccheroni Delneri Guidolin Ventura Donadoni Stramaccioni"
)

CITIES = _words(
    "Roma Milano Torino Napoli Firenze Bologna Genova Verona Bergamo Parma Udine Lecce Bari "
    "Madrid Barcelona Sevilla Valencia Bilbao Vigo Málaga Zaragoza Gijón Oviedo Cádiz Getafe "
    "Lisboa Porto Braga Coimbra Faro München Dortmund Köln Hamburg Bremen Mainz Freiburg "
    "Stuttgart Leipzig Düsseldorf Paris Lyon Marseille Nantes Lille Nice Bordeaux Rennes Metz "
    "Toulouse Saint-Étienne Auxerre London Manchester Liverpool Leeds Newcastle Everton Derby "
    "Bristol Norwich Ipswich Amsterdam Rotterdam Eindhoven Utrecht Brugge Gent Antwerpen "
    "Zürich Basel Bern Wien Graz Salzburg Praha Brno Kraków Warszawa Poznań Göteborg Malmö "
    "København Oslo Bergen Trondheim Athína Thessaloníki İstanbul Ankara İzmir Beograd Zagreb "
    "Split Ljubljana Sofia București Cluj Budapest Debrecen Kyiv Kharkiv Minsk Riga Vilnius"
)

CLUB_FORMS = (
    "{city} FC",
    "AC {city}",
    "Sporting {city}",
    "Real {city}",
    "{city} United",
    "Athletic {city}",
    "Dynamo {city}",
    "Olympique {city}",
    "{city} City",
    "US {city}",
    "Racing {city}",
    "SC {city}",
    "{city} Calcio",
    "Deportivo {city}",
    "FK {city}",
    "{city} Rovers",
)

COUNTRIES = _words(
    "Italy Spain Portugal Germany France England Netherlands Belgium Switzerland Austria "
    "Czechia Poland Sweden Denmark Norway Greece Türkiye Serbia Croatia Slovenia Bulgaria "
    "Romania Hungary Ukraine Argentina Brazil Uruguay Chile Mexico Scotland Wales Ireland"
)

OUTLET_FORMS = (
    "Gazzetta di {city}",
    "Corriere di {city}",
    "Diario de {city}",
    "{city} Evening Post",
    "Le Courrier de {city}",
    "{city}er Abendblatt",
    "Jornal de {city}",
    "Radio {city}",
    "{city} Sport",
    "Tele{city}",
)

EXEC_ROLES = ("president", "sporting director", "chief executive", "senior advisor")

HOW_FOR = ("convincing him", "pushing for the deal", "vouching for him", "opening talks")
HOW_AGAINST = ("blocking the deal", "vetoing the move", "refusing to release him")

FILLER = {
    "en": (
        "The board met again on Monday.",
        "Supporters gathered outside the training ground.",
        "Nothing has been signed yet.",
        "The club declined to comment.",
        "The squad returns to training next week.",
        "Results this season have been mixed.",
    ),
    "it": (
        "La società si è riunita di nuovo lunedì.",
        "I tifosi si sono radunati fuori dal centro sportivo.",
        "Non è stato ancora firmato nulla.",
        "Il club non ha commentato.",
        "La squadra tornerà ad allenarsi la prossima settimana.",
    ),
    "es": (
        "La directiva se reunió de nuevo el lunes.",
        "Los aficionados se concentraron ante la ciudad deportiva.",
        "Todavía no se ha firmado nada.",
        "El club no quiso hacer comentarios.",
    ),
}

RUMOUR = {
    "en": "{outlet} reports that {coach} could end up at {team}.",
    "it": "Secondo {outlet}, {coach} potrebbe finire al {team}.",
    "es": "Según {outlet}, {coach} podría acabar en el {team}.",
}
LEAVING = {
    "en": "{coach} will leave {team} at the end of the season.",
    "it": "{coach} lascerà il {team} a fine stagione.",
    "es": "{coach} dejará el {team} a final de temporada.",
}
SACKED = {
    "en": "{team} have sacked {coach} after a run of defeats.",
    "it": "Il {team} ha esonerato {coach} dopo una serie di sconfitte.",
    "es": "El {team} ha destituido a {coach} tras una racha de derrotas.",
}
APPOINTED = {
    "en": "{coach} was appointed head coach of {team} on {date}.",
    "it": "{coach} è stato nominato allenatore del {team} il {date}.",
    "es": "{coach} fue nombrado entrenador del {team} el {date}.",
}
INFLUENCE_FOR = {
    "en": "With {person} {how}, {coach} is edging closer to {team}.",
    "it": "Con {person} a fare da sponsor ({how}), {coach} si avvicina al {team}.",
    "es": "Con {person} detrás ({how}), {coach} se acerca al {team}.",
}
INFLUENCE_AGAINST = {
    "en": "{person} is {how}, which could keep {coach} away from {team}.",
    "it": "{person} sta {how}, e questo potrebbe tenere {coach} lontano dal {team}.",
    "es": "{person} está {how}, lo que podría alejar a {coach} del {team}.",
}

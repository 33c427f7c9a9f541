"""Hosts, venues and dates in further forms of the family (texts written for these tests).

Who hosted a meeting ('at the invitation of', a 'Host:' line, an acronym alone, a ministry with the country's
official name), where it was ('St. Petersburg, Florida', a resort town named before its region), when ('the
week of 3 June'), and the next meeting as a field line or block, or 'at the same venue'.
"""
from __future__ import annotations

from datetime import date

import pytest

from itukg.graph.extract.dates import find_dates
from itukg.graph.extract.meetings import extract
from itukg.graph.read import Text


def _facts(text: str):
    return extract(Text(source="h.txt", name="h.txt", sha256="6" * 64, text=text, media_type="text/plain",
                        encoding="utf-8"))


def only(text: str):
    ms = [m for m in _facts(text).meetings if m.start]
    assert len(ms) == 1, [(m.kind, m.name, m.start) for m in ms]
    return ms[0]


# -- hosts ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, host", [
    ("The TSAG meeting was held in Oslo on 3-5 June 2022 at the invitation of Nordic Example Networks.",
     "Nordic Example Networks"),
    ("At the kind invitation of Example Telecom, the CTO meeting took place in Lima on 9 March 2021.",
     "Example Telecom"),
    ("At the invitation of the Example Regulatory Authority, experts gathered for the CTO consultation "
     "held in Accra on 2 February 2020.", "Example Regulatory Authority"),
])
def test_who_invited_the_meeting_hosted_it(text, host):
    m = only(text + "\n")
    assert m.host is not None and m.host.label == host


def test_an_invitation_from_a_person_names_no_host():
    m = only("At the invitation of the Chairman, the CTO meeting held in Geneva on 12 October 2017 discussed AI.\n")
    assert m.host is None


@pytest.mark.parametrize("line, host", [
    ("Host: Swisscom", "organization/swisscom"),
    ("Hosted by: Swisscom", "organization/swisscom"),
    ("Host organization: Example Digital Agency", "organization/example-digital-agency"),
])
def test_a_host_field_line_under_the_meeting(line, host):
    m = only(f"The CTO meeting was held in Geneva on 12 October 2017.\n{line}\n")
    assert m.host is not None and m.host.iri.endswith(host)


def test_a_host_country_line_is_no_host():
    m = only("The CTO meeting was held in Geneva on 12 October 2017.\nHost country: Switzerland\n")
    assert m.host is None


@pytest.mark.parametrize("acronym, iri", [("CAICT", "organization/caict"), ("ETRI", "organization/etri"),
                                          ("TTA", "organization/tta")])
def test_a_host_named_by_its_acronym_alone(acronym, iri):
    m = only(f"The CxO meeting was held in Seoul on 12 October 2017, kindly hosted by {acronym}.\n")
    assert m.host is not None and m.host.iri.endswith(iri)


def test_an_unknown_acronym_alone_hosts_as_written():
    m = only("The CTO meeting was held in Seoul on 12 October 2017, hosted by KXIA.\n")
    assert m.host is not None and m.host.label == "KXIA"


@pytest.mark.parametrize("country", ["Socialist Republic of Viet Nam", "Republic of Viet Nam",
                                     "Republic of Indonesia", "Kingdom of Bahrain"])
def test_a_ministry_keeps_the_official_name_of_its_country(country):
    name = f"Ministry of Information and Communications of the {country}"
    m = only(f"The CxO meeting was held in Hanoi on 3 May 2023, hosted by the {name}. Twelve CTOs attended.\n")
    assert m.host is not None and m.host.label == name


def test_a_ministry_that_invited_keeps_its_whole_name():
    name = "Ministry of Posts and Telecommunications of the Federal Democratic Republic of Nepal"
    m = only(f"The CTO meeting took place in Kathmandu on 5 May 2019 at the invitation of the {name}.\n")
    assert m.host is not None and m.host.label == name


# -- dates ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, start, end", [
    ("The meeting is planned for the week of 3 June 2024.", date(2024, 6, 3), date(2024, 6, 9)),
    ("It will meet during the week of 5 June 2024.", date(2024, 6, 3), date(2024, 6, 9)),  # a Wednesday
    ("It convenes the week beginning Wednesday, 11 September 2019.", date(2019, 9, 11), date(2019, 9, 17)),
    ("Experts meet in the week starting 2 March 2020 in Geneva.", date(2020, 3, 2), date(2020, 3, 8)),
])
def test_the_week_of_a_day_is_that_week(text, start, end):
    (d,) = find_dates(text)
    assert (d.start, d.end) == (start, end) and d.quote.lower().startswith(("the week", "week"))


def test_a_meeting_held_the_week_of_a_day_is_not_a_one_day_meeting():
    m = only("The TSAG meeting will be held the week of 3 June 2024 in Geneva.\n")
    assert (m.start, m.end, m.place.label) == (date(2024, 6, 3), date(2024, 6, 9), "Geneva")


# -- places -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("where", ["St. Petersburg, Florida", "Saint Petersburg, Florida", "St Petersburg, FL"])
def test_a_city_with_a_us_state_is_the_american_one(where):
    m = only(f"The CTO meeting was held in {where}, on 4 May 2019.\n")
    assert m.country.iri.endswith("country/US") and "Petersburg" in m.place.label


@pytest.mark.parametrize("where", ["St. Petersburg", "St. Petersburg, Russian Federation", "Saint Petersburg, Russia"])
def test_saint_petersburg_alone_or_with_its_country_stays_in_russia(where):
    m = only(f"The CTO meeting was held in {where} on 4 May 2019.\n")
    assert m.country.iri.endswith("country/RU")


@pytest.mark.parametrize("text, town, country", [
    ("The CTO meeting was held in Nusa Dua, Bali, Indonesia, on 4 May 2019.", "Nusa Dua", "Indonesia"),
    ("The CTO meeting took place in Nusa Dua, Bali on 4 May 2019.", "Nusa Dua", "Indonesia"),
    ("The CTO meeting took place in Exampleton Bay, Queensland, Australia on 4 May 2019.", "Exampleton Bay",
     "Australia"),
])
def test_a_town_too_small_for_the_gazetteer_named_before_its_region(text, town, country):
    m = only(text + "\n")
    assert (m.place.label, m.country.label) == (town, country)


def test_a_venue_before_a_region_is_no_town():
    m = only("The CTO meeting took place at Example University, California on 4 May 2019.\n")
    assert m.place.label == "California"

"""Seeded generator of synthetic ITU-T meeting documents in the style of the bundled corpus.

Three kinds of text, mixed like the real material:

* CTO communiqués (heading, date line "9 September 2018, Durban, South Africa", "COMMUNIQUÉ", prose under
  section headings, people with roles, study groups, vocabulary topics, "The participating organizations
  were:" list),
* TSB Director's regional CTO consultation communiqués ("kindly hosted by ..."),
* Study Group Leadership Assembly summaries ("The third Study Group Leadership Assembly took place alongside
  ... in City, 9-10 September 2019. It brought together more than 50 participants ...").

Dates are written in several styles (day first, month first, ordinal day, weekday, ISO date line, ranges),
places come from ontology/reference/places.ttl, organizations from organizations.ttl plus invented ones, topics
from the labels of topics.ttl. The same seed always gives the same bytes.

    python -m bench.generate_docs OUT_DIR --count 1000 [--seed 7] [--html-share 0.1]
"""
from __future__ import annotations

import argparse
import html
import random
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from . import vocab

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                 "eighteenth", "nineteenth", "twentieth")
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
STUDY_GROUPS = (2, 3, 5, 9, 11, 12, 13, 15, 16, 17, 20)
REGIONS_OF_CONSULTATION = ("North-American", "European", "Asia-Pacific", "African", "Latin-American", "Arab")

FIRST_NAMES = ("Amina", "Bruno", "Carla", "Daniel", "Elena", "Farid", "Grace", "Hiroshi", "Ingrid", "Jorge",
               "Kwame", "Leila", "Marco", "Nadia", "Olivier", "Priya", "Rafael", "Sofia", "Tomasz", "Ulla",
               "Victor", "Wei", "Yasmin", "Zoltan", "Akira", "Beatriz", "Chidi", "Dmitri", "Esther", "Fatima")
LAST_NAMES = ("Okafor", "Lindqvist", "Moreau", "Tanaka", "Kowalski", "Haddad", "Fernandes", "Nakamura",
              "Schreiber", "Mensah", "Rossi", "Petrov", "Alvarez", "Nielsen", "Osei", "Varga", "Kimura",
              "Dubois", "Achterberg", "Bianchi", "Castillo", "Delacroix", "Eriksen", "Fujita", "Gallagher")
ORG_HEADS = ("Nor", "Vex", "Quant", "Astra", "Lumen", "Orbi", "Zen", "Kappa", "Heli", "Sigma", "Vera", "Nova",
             "Cyra", "Tera", "Mira", "Alto", "Brio", "Corva", "Dyna", "Ferro", "Gala", "Ivo", "Juno", "Kora")
ORG_TAILS = ("tel", "com", "net", "wave", "link", "tron", "ix", "ora", "sys", "logic", "fibre", "cast", "sat")
ORG_KINDS = ("", " Networks", " Telecom", " Labs", " Systems", " Technologies", " Communications", " Digital",
             " Mobile", " Broadband")
LEGAL_FORMS = ("", "", "", " Inc.", " Ltd.", " AG", " GmbH", " S.A.", " Corporation", " Oy")
SECTION_PATTERNS = ("{a} and {b}", "Standardization priorities for {a}", "{A}: the way forward",
                    "ITU leadership in {a}", "{A} in the era of {b}", "Towards {a}", "{A}, {b} and trust",
                    "Industry needs in {a}")
FIXED_SECTIONS = ("ITU-T membership update", "Capturing CTO views: Impact on ITU standards strategy", "Next steps")


@dataclass
class Doc:
    name: str
    text: str
    kind: str
    meeting_date: date
    place: str
    participants: int = 0
    topics: list[str] = field(default_factory=list)


class Generator:
    """Deterministic: everything comes from `random.Random(seed)` and the sorted reference vocabulary."""

    def __init__(self, seed: int = 7, count: int = 100):
        self.rng = random.Random(seed)
        self.v = vocab.load()
        self.countries = vocab.common_countries(self.v)
        self.topics = [t for t in self.v.topics if t.label[:1].isalnum()]
        self.cities = self.v.cities
        # organizations recur across meetings: a pool that grows with the corpus, drawn with skewed weights
        self.orgs: list[tuple[str, str | None]] = []
        for o in self.v.organizations:
            self.orgs.append((o.label, self.v.country_label(o.country)))
        invented = set()  # by name without legal form: "X Ltd." and "X AG" are one organization to itukg
        for _ in range(200 + count // 4):
            base = self.rng.choice(ORG_HEADS) + self.rng.choice(ORG_TAILS) + self.rng.choice(ORG_KINDS)
            if base not in invented:
                invented.add(base)
                self.orgs.append((base + self.rng.choice(LEGAL_FORMS), self.rng.choice(self.countries).label))
        self.org_weights = [1.0 / (1 + i) ** 0.6 for i in range(len(self.orgs))]
        self.rng.shuffle(self.orgs)
        self.people = [f"{first} {last}" for first in FIRST_NAMES for last in LAST_NAMES]
        self.used_keys: set[tuple] = set()

    # -- small pieces ---------------------------------------------------------------------------------
    def topic(self, alias_share: float = 0.3) -> str:
        t = self.rng.choice(self.topics)
        if t.aliases and self.rng.random() < alias_share:
            return self.rng.choice(t.aliases)
        return t.label

    def date_text(self, d: date, style: str | None = None) -> str:
        style = style or self.rng.choice(("day", "day", "day", "month", "ordinal", "weekday"))
        m = MONTHS[d.month - 1]
        if style == "month":
            return f"{m} {d.day}, {d.year}"
        if style == "ordinal":
            suffix = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
            return f"{d.day}{suffix} of {m} {d.year}"
        if style == "weekday":
            return f"{WEEKDAYS[d.weekday()]}, {d.day} {m} {d.year}"
        if style == "iso":
            return d.isoformat()
        return f"{d.day} {m} {d.year}"

    def range_text(self, d1: date, d2: date) -> str:
        m1, m2 = MONTHS[d1.month - 1], MONTHS[d2.month - 1]
        style = self.rng.choice(("day", "day", "month", "dash"))
        if d1.month == d2.month:
            if style == "month":
                return f"{m1} {d1.day}-{d2.day}, {d1.year}"
            if style == "dash":
                return f"{d1.day}–{d2.day} {m1} {d1.year}"
            return f"{d1.day}-{d2.day} {m1} {d1.year}"
        return f"{d1.day} {m1} – {d2.day} {m2} {d2.year}"

    def meeting_date(self, kind: str, place: str) -> date:
        while True:
            d = date(2005, 1, 1) + timedelta(days=self.rng.randrange(0, 365 * 25))
            if (kind, d, place) not in self.used_keys:
                self.used_keys.add((kind, d, place))
                return d

    def city(self):
        c = self.rng.choice(self.cities)
        return c.label, self.v.country_label(c.country)

    def participants(self, n: int) -> list[tuple[str, str | None]]:
        seen, out = set(), []
        while len(out) < n:
            o = self.rng.choices(self.orgs, weights=self.org_weights)[0]
            if o[0] not in seen:
                seen.add(o[0])
                out.append(o)
        return out

    def person(self) -> str:
        return self.rng.choice(self.people)

    def sg_list(self, k: int) -> str:
        groups = sorted(self.rng.sample(STUDY_GROUPS, k))
        return ", ".join(str(g) for g in groups[:-1]) + f" and {groups[-1]}"

    def leaders(self, year: int) -> tuple[tuple[str, str], tuple[str, str]]:
        """(Secretary-General, TSB Director) names of the period, with the post as the texts write it."""
        if year < 2015:
            return ("Hamadoun I. Touré", "Dr"), ("Malcolm Johnson", "Mr")
        if year < 2023:
            return ("Houlin Zhao", "Mr"), ("Chaesub Lee", "Mr")
        return ("Doreen Bogdan-Martin", "Ms"), ("Seizo Onoe", "Mr")

    # -- paragraphs --------------------------------------------------------------------------------------
    def paragraph(self, year: int) -> str:
        r = self.rng
        t1, t2, t3 = self.topic(), self.topic(), self.topic()
        sg = r.choice(STUDY_GROUPS)
        (sgname, _), (tsb, _) = self.leaders(year)
        choices = [
            f"CTOs highlighted the importance of {t1} to the development of {t2}, said CTOs. "
            f"Greater attention to {t3} would require standard frameworks and the objective measurement of results.",
            f"Meeting participants called for ITU-T Study Group {sg} to assign priority to its studies of "
            f"standardization needs relevant to {t1} and {t2}.",
            f"Meeting participants reaffirmed industry’s support for ITU-T Study Group {sg}’s leadership of "
            f"international standardization work on {t1}, work that is coordinated with related activities of "
            f"organizations including, for example, {self.participants(1)[0][0]} and {self.participants(1)[0][0]}.",
            f"CTOs discussed the ongoing review of the structure of ITU-T Study Group {sg}, exploring how "
            f"modifications could assist the group in supporting {t1} in addition to its current focus on {t2}.",
            f"CTOs encouraged ITU to investigate the implications of {t1} for {t2}, {t3} and the protection of "
            f"personal data.",
            f"The meeting’s review of market activity resulted in CTOs encouraging ITU to host a workshop on {t1} "
            f"to discuss the concepts under study, including {t2}.",
            f"Opening the session, ITU Secretary-General {sgname} noted that {t1} is leading ITU Member States to "
            f"recognize the contribution of {t2} to sustainable development.",
            f"{tsb}, the Director of the ITU Telecommunication Standardization Bureau, updated CTOs on the progress "
            f"of studies of {t1} in ITU-T Study Groups {self.sg_list(r.randint(2, 3))}.",
            f"{self.person()}, the Chairman of ITU-T Study Group {sg}, presented the group’s work on {t1} and "
            f"invited CTOs to contribute their views on {t2}.",
            f"Representatives of the Rapporteur Group on ITU-T Standardization Strategy (RG-StdsStrat) updated "
            f"CTOs on their efforts to document topics discussed at CTO meetings, among them {t1} and {t2}.",
            f"Digitalization, said CTOs, and especially {t1}, will initiate network effects in the coming decade, "
            f"supported by the rollout of {t2}.",
            f"CTOs agreed that the development of {t1} is outpacing standardization and regulation, and that "
            f"{t2} deserves more attention from ITU-T Study Group {sg}.",
        ]
        return r.choice(choices)

    def section_heading(self) -> str:
        a, b = self.topic(0.0), self.topic(0.0)
        pattern = self.rng.choice(SECTION_PATTERNS)
        return pattern.format(a=a, b=b, A=a[:1].upper() + a[1:])

    def participant_block(self, n: int, year: int) -> str:
        r = self.rng
        items = []
        for name, country in self.participants(n):
            if country and r.random() < 0.9:
                items.append(f"{name}, {country}")
            else:
                items.append(name)
        items.sort(key=str.lower)
        tail = r.choice((f"Chairmen of ITU-T Study Groups {self.sg_list(r.randint(2, 3))}",
                         f"Chairmen ITU-T Study Group {r.choice(STUDY_GROUPS)} and Study Group {r.choice(STUDY_GROUPS)}",
                         "TSB", None))
        if tail:
            items.append(tail)
        intro = r.choice(("The participating organizations were:", "The participating organizations were:",
                          "The following organizations took part:", "Participants included:"))
        return f"{intro}\n" + "; ".join(items) + "."

    # -- documents ---------------------------------------------------------------------------------------
    def cto_meeting(self) -> Doc:
        r = self.rng
        city, country = self.city()
        d = self.meeting_date("cto", city)
        ordinal = ORDINAL_WORDS[min(len(ORDINAL_WORDS) - 1, max(0, d.year - 2009 + r.randint(-1, 1)))]
        event = r.choice((("ITU Telecom World", 1), ("the Global Standards Symposium", 0),
                          ("the AI for Good Global Summit", 0), ("WSIS Forum", 1), (None, 0)))
        ev_start = d + timedelta(days=1)
        ev = ""
        if event[0]:
            name = f"{event[0]} {d.year}" if event[1] and r.random() < 0.5 else event[0]
            ev = f", held in conjunction with {name}, {self.range_text(ev_start, ev_start + timedelta(days=3))}"
        heading = r.choice(("CTO MEETING", "CTO Meeting", "ITU-T CTO MEETING"))
        n_cto = r.randint(12, 60)
        lines = [heading, f"{self.date_text(d, r.choice(('day', 'day', 'month', 'iso')))}, {city}, {country}",
                 r.choice(("COMMUNIQUÉ", "Communiqué")),
                 f"Chief Technology Officers (CTOs) met with the senior management of the ITU Telecommunication "
                 f"Standardization Bureau at the {ordinal} annual CTO Meeting in {city}, {country}, "
                 f"{self.date_text(d)}{ev}. The meeting brought together {n_cto} CTOs to exchange views on industry "
                 f"needs and related standardization priorities."]
        self._body(lines, d.year, r.randint(3, 6))
        # Most communiqués announce the next meeting; a separate generator keeps the rest of the corpus as it was.
        announce = random.Random(f"{d.isoformat()} {city}")
        if announce.random() < 0.6:
            nxt = d + timedelta(days=announce.randint(330, 400))
            where = announce.choice(self.cities)
            lines.append(f"The next CTO meeting is scheduled for {nxt.day} {MONTHS[nxt.month - 1]} {nxt.year} in "
                         f"{where.label}, {self.v.country_label(where.country)}.")
        lines.append(self.participant_block(r.randint(8, 24), d.year))
        return Doc("", "\n".join(lines) + "\n", "CTOMeeting", d, city, n_cto)

    def cto_consultation(self) -> Doc:
        r = self.rng
        region = r.choice(self.v.regions) if self.v.regions and r.random() < 0.3 else None
        if region:
            city, country = region.label, self.v.country_label(region.country)
        else:
            city, country = self.city()
        d = self.meeting_date("consultation", city)
        who = r.choice(REGIONS_OF_CONSULTATION)
        host = self.participants(1)[0][0]
        title = f"TSB Director’s {who} CTO consultation meeting"
        lines = [title, f"{self.date_text(d, 'day')}, {city}, {country}", "Communiqué",
                 f"High-level ICT industry executives have called for ITU standardization work on {self.topic()} "
                 f"to devote more attention to the implications of {self.topic()} and {self.topic()}.",
                 f"Chief Technology Officers (CTOs) met with the senior management of the ITU Telecommunication "
                 f"Standardization Bureau at the annual CTO Consultation Meeting in {city}, {country}, "
                 f"{self.date_text(d)}, kindly hosted by {host}. The meeting provided CTOs with an opportunity to "
                 f"exchange views on industry needs and related standardization priorities."]
        self._body(lines, d.year, r.randint(2, 5))
        (_, _), (tsb, _) = self.leaders(d.year)
        lines.append(f"{tsb}, the Director of the ITU Telecommunication Standardization Bureau, invited CTOs to "
                     f"continue the dialogue on {self.topic()} at future meetings.")
        lines.append(self.participant_block(r.randint(6, 16), d.year))
        return Doc("", "\n".join(lines) + "\n", "CTOConsultation", d, city)

    def sgla(self) -> Doc:
        r = self.rng
        city, country = self.city()
        d = self.meeting_date("sgla", city)
        d2 = d + timedelta(days=1)
        ordinal = r.choice(ORDINAL_WORDS[:8])
        event = r.choice(("ITU Telecom World", "the Global Standards Symposium", "the AI for Good Global Summit"))
        n = r.choice((30, 40, 50, 60, 70, 80, 100))
        fgs = r.choice(NUMBER_WORDS)
        sp_start = 2001 + 4 * ((d.year - 2001) // 4)
        topics = [self.topic() for _ in range(r.randint(3, 6))]
        lines = [
            f"The {ordinal} Study Group Leadership Assembly took place alongside {event} in {city}, "
            f"{self.range_text(d, d2)}. ",
            f"It brought together more than {n} participants, including Chairmen, Vice-Chairmen, Working Party "
            f"leaders and Rapporteurs of TSAG and the eleven ITU-T study groups and {fgs} focus groups, to discuss "
            f"technical matters of growing strategic relevance to ITU standardization, and to identify "
            f"opportunities for collaboration.",
            "Topics considered by the assembly included " + "; ".join(topics[:-1]) + f"; and {topics[-1]}.",
            f"Participants reiterated the need to strengthen collaboration and cooperation among all ITU-T "
            f"activities, and stressed the crucial role of TSAG and its rapporteur groups in assessing {self.topic()}.",
            "Areas identified for closer collaboration, and for the standardization sector to take a lead in, "
            "included: ",
        ]
        for _ in range(r.randint(5, 11)):
            a = self.topic()
            lines.append(f"· {a[:1].upper() + a[1:]} and {self.topic()};")
        for _ in range(r.randint(1, 3)):
            lines.append(self.paragraph(d.year))
        lines.append(f"The thematic sessions of the Study Group Leadership Assembly are summarized below in more "
                     f"detail. Agenda and presentation material is available at "
                     f"https://itu.int/en/ITU-T/studygroups/{sp_start}-{sp_start + 3}/Pages/sgla.aspx. ")
        return Doc("", "\n".join(lines) + "\n", "LeadershipAssembly", d, city, n, topics)

    def _body(self, lines: list[str], year: int, sections: int) -> None:
        r = self.rng
        fixed = list(FIXED_SECTIONS)
        for s in range(sections):
            heading = self.section_heading() if s < sections - 1 or r.random() < 0.5 else fixed.pop(r.randrange(len(fixed)))
            lines.append(heading)
            for _ in range(r.randint(2, 4)):
                lines.append(self.paragraph(year))
            if r.random() < 0.25:
                lines.append(f"{r.choice(('Eleven', 'Nine', 'Fourteen', 'Seven'))} organizations joined ITU-T as "
                             f"Sector Members in {year}, alongside {r.randint(5, 30)} new Associates.")

    def document(self, n: int) -> Doc:
        roll = self.rng.random()
        doc = self.cto_meeting() if roll < 0.6 else self.cto_consultation() if roll < 0.8 else self.sgla()
        doc.name = f"doc-{n:05d}-{doc.kind.lower()}-{doc.meeting_date.isoformat()}"
        return doc


def as_html(doc: Doc) -> str:
    """The same text as a small HTML page (first line a heading, one paragraph per line)."""
    lines = doc.text.rstrip("\n").split("\n")
    body = [f"<h1>{html.escape(lines[0])}</h1>"] + [f"<p>{html.escape(line)}</p>" for line in lines[1:]]
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
            f"{html.escape(lines[0])}</title></head>\n<body>\n" + "\n".join(body) + "\n</body></html>\n")


def generate(out_dir: Path, count: int, seed: int = 7, html_share: float = 0.0) -> list[Path]:
    """Write `count` documents into out_dir (created); returns their paths. Deterministic for a seed."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    gen = Generator(seed, count)
    fmt_rng = random.Random(seed + 1)
    paths = []
    for n in range(1, count + 1):
        doc = gen.document(n)
        if fmt_rng.random() < html_share:
            path = out_dir / f"{doc.name}.html"
            path.write_text(as_html(doc), encoding="utf-8")
        else:
            path = out_dir / f"{doc.name}.txt"
            path.write_text(doc.text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.generate_docs", description=__doc__.split("\n\n")[0])
    p.add_argument("out_dir", type=Path)
    p.add_argument("--count", type=int, default=100)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--html-share", type=float, default=0.0, help="share of documents written as HTML (0-1)")
    args = p.parse_args(argv)
    paths = generate(args.out_dir, args.count, args.seed, args.html_share)
    print(f"wrote {len(paths)} documents to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

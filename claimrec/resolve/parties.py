"""Mentions -> parties: one party per real-world actor across the articles of a run.

Resolution happens in three steps:

1. a positional pass per article resolves references: "the company" to the
   organisation last named, "the government"/"the authorities"/an un-countried
   ministry to the government last named, else to the article's dominant
   country, else to the run's only government;
2. organisations are merged across the run on their name cores and owned brands
   (union-find: "Facebook owner Meta Platforms" ~ "Facebook's Meta" ~ "Meta"),
   governments on their country, groups on noun + qualifier;
3. people are clustered on name variants (see :mod:`claimrec.resolve.names`) and
   each cluster joins the party of its first stated affiliation, or its
   government when it holds a government title, or stands as a party of its own.

Party ids follow the first appearance of any of their mentions, articles in
input order, so the same input always gives the same ids.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Mapping, Optional, Sequence

from claimrec.models import Claim, Member, Party
from claimrec.resolve.mentions import Mention
from claimrec.resolve.names import (SURNAME_MIN, PersonName, fold, org_candidate_pairs, org_core, parse_person,
                                    same_org, same_person, same_surname)
from claimrec.resolve.similar import similar_pairs
from claimrec.resolve.phrases import find_country, words_of
from claimrec.text.lookups import parties as party_tables
from claimrec.text.normalize import norm

Key = tuple[str, str]


class _UnionFind:
    """Union-find over name cores; the earliest-added core of a set is its root."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.order: dict[str, int] = {}

    def add(self, x: str) -> None:
        if x not in self.parent:
            self.parent[x] = x
            self.order[x] = len(self.order)

    def find(self, x: str) -> str:
        self.add(x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            first, second = sorted((ra, rb), key=self.order.__getitem__)
            self.parent[second] = first


@dataclass
class _PersonCluster:
    names: list[PersonName] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    distinct: dict[str, PersonName] = field(default_factory=dict)

    def add(self, name: PersonName, m: Mention) -> None:
        self.names.append(name)
        self.mentions.append(m)
        self.distinct.setdefault(name.display, name)

    def accepts(self, name: PersonName) -> bool:
        names = list(self.distinct.values())
        fulls = [n for n in names if n.full]
        if name.full and fulls:
            return all(same_person(name, n) for n in fulls)
        return any(same_surname(name, n) for n in names)


def _surname_block(name: PersonName) -> str:
    """Transliterations keep their first letter ("Sarym"/"Sarim"); only clusters sharing it are compared."""
    return fold(name.surname)[:1]


@dataclass
class _MemberRec:
    key: str
    name: str
    first: tuple[int, int]
    titles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class _PartyRec:
    key: Key
    kind: str
    first: tuple[int, int]
    mentions: list[Mention] = field(default_factory=list)
    members: dict[str, _MemberRec] = field(default_factory=dict)
    extra_aliases: list[str] = field(default_factory=list)


def _most_salient(salience: Counter, last: Optional[Key]) -> Optional[Key]:
    """The organisation "the company" most likely means: how often the article has named it
    so far, subjects counting double, with a small bonus for being the last one named (an
    aside named once loses to the article's main organisation)."""
    if not salience:
        return None
    return max(salience, key=lambda k: salience[k] + (0.5 if k == last else 0.0))


def _pos(m: Mention) -> tuple[int, int]:
    return (m.article, m.start)


def _add_unique(items: list[str], value: str) -> None:
    value = " ".join(value.split())
    if value and value not in items:
        items.append(value)


class PartyBuilder:
    def __init__(self, mentions: list[Mention], dominant: dict[int, Optional[str]],
                 source_articles: frozenset[int] = frozenset(),
                 aliases: Optional[Mapping[str, Sequence[str]]] = None) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.article, m.start, m.end))
        self.aliases = dict(aliases or {})
        self.dominant = dominant
        self.source_articles = source_articles
        self.target: dict[int, Key] = {}  # id(mention) -> party key
        self.context_country: dict[int, str] = {}  # id(person mention) -> government context country
        self.orgs = _UnionFind()
        self.kept_orgs: set[str] = set()
        lex = party_tables()
        self.lex = lex
        explicit = {m.phrase.country for m in self.mentions
                    if m.kind in ("government", "legislature") and m.phrase.country}
        self.only_country = next(iter(explicit)) if len(explicit) == 1 else ""

    # ---- step 1: references, in reading order ------------------------------------------------
    def _org_nodes(self) -> None:
        def add(m: Optional[Mention]) -> None:
            if m is None or m.kind != "organisation":
                return
            core = m.phrase.head or org_core(m.phrase.name)
            self.orgs.add(core)
            for brand in m.phrase.brands:
                self.orgs.union(core, org_core(brand))

        for m in self.mentions:
            add(m)
            add(m.affiliation)
        cores = list(self.orgs.parent)
        # name variants across the run; blocked, so not every pair of cores is compared (the
        # partition, and so every root, is the same whatever order the unions come in)
        for i, j in sorted(org_candidate_pairs(cores)):
            if same_org(cores[i], cores[j]):
                self.orgs.union(cores[i], cores[j])
        # the project's own knowledge (config file): these names are one organisation
        known = set(cores)
        for name, others in self.aliases.items():
            group = [c for c in (org_core(x) for x in (name, *others)) if c in known]
            for other in group[1:]:
                self.orgs.union(group[0], other)

    def _resolve_references(self) -> None:
        by_article: dict[int, list[Mention]] = {}
        for m in self.mentions:
            by_article.setdefault(m.article, []).append(m)
        for ai, items in by_article.items():
            salience: Counter[Key] = Counter()
            last_org: Optional[Key] = None
            last_country = ""
            last_anon: dict[str, Key] = {}  # role -> the anonymous voice "the source" last meant
            org_counts: Counter[Key] = Counter(
                ("org", self.orgs.find(m.phrase.head)) for m in items if m.kind == "organisation"
            )
            for m in items:
                for x in ([m.affiliation] if m.affiliation is not None else []) + [m]:
                    antecedent = _most_salient(salience, last_org)
                    key = self._resolve_one(x, ai, antecedent, last_country, org_counts, last_anon)
                    if key is None:
                        continue
                    self.target[id(x)] = key
                    if key[0] == "anon":
                        last_anon[self._role_of(x)] = key
                    if key[0] == "org":
                        last_org = key
                        salience[key] += 2.0 if x.subject else 1.0
                    elif key[0] == "gov" and key[1]:
                        last_country = key[1]
                if m.kind == "person":
                    title_country = find_country(words_of(m.phrase.title)) if m.phrase.title else None
                    self.context_country[id(m)] = (
                        title_country.name if title_country else
                        last_country or self.dominant.get(ai) or self.only_country
                    )

    def _role_of(self, m: Mention) -> str:
        return self.lex.role_synonyms.get(m.phrase.head, m.phrase.head)

    def _resolve_one(self, m: Mention, ai: int, last_org, last_country: str, org_counts,
                     last_anon: dict[str, Key]) -> Optional[Key]:
        kind = m.kind
        if kind == "organisation":
            return ("org", self.orgs.find(m.phrase.head or org_core(m.phrase.name)))
        if kind == "org_ref":
            if last_org is not None:
                return last_org
            return org_counts.most_common(1)[0][0] if org_counts else None
        if kind in ("government", "legislature"):
            country = m.phrase.country or last_country or self.dominant.get(ai) or self.only_country
            return ("gov" if kind == "government" else "leg", country)
        if kind == "group":
            return ("group", m.phrase.group_key)
        if kind == "role":
            if m.affiliation is not None and id(m.affiliation) in self.target:
                return self.target[id(m.affiliation)]
            if m.affiliation is None and m.phrase.qualifier:
                # an anonymous voice is one actor per qualifier: a source close to the doctor
                # and a source close to the investigation are two
                return ("anon", f"{self._role_of(m)}|{m.phrase.qualifier}")
            if m.affiliation is None:
                return last_anon.get(self._role_of(m))  # "the source said", after one was introduced
            return None
        return None

    # ---- step 3: people -----------------------------------------------------------------------
    def _cluster_people(self) -> list[_PersonCluster]:
        clusters: list[_PersonCluster] = []
        people = [(m, parse_person(m.phrase.name)) for m in self.mentions if m.kind == "person"]
        people = [(m, name) for m, name in people if name is not None]
        # A cluster can accept a name only if one of its names has a similar surname
        # (``accepts``), so only clusters holding such a surname are asked, in creation
        # order: the same answers as asking every cluster of the block, without the square.
        surnames = sorted({fold(name.surname) for _, name in people})
        near: dict[str, list[str]] = {s: [s] for s in surnames}
        for i, j in similar_pairs(surnames, SURNAME_MIN):
            near[surnames[i]].append(surnames[j])
            near[surnames[j]].append(surnames[i])
        holding: dict[str, list[int]] = {}  # folded surname -> indexes of clusters with it
        articles_of: list[set[int]] = []  # per cluster, the articles of its mentions
        has_full: list[bool] = []  # per cluster, whether any of its names is a full name
        for m, name in people:
            surname = fold(name.surname)
            block = _surname_block(name)
            asked = sorted({k for s in near[surname] if s[:1] == block for k in holding.get(s, ())})
            fitting = [k for k in asked if clusters[k].accepts(name)]
            chosen = None
            if fitting:
                same_article = [k for k in fitting if m.article in articles_of[k]]
                pool = same_article or fitting
                if name.full:
                    with_full = [k for k in pool if has_full[k]]
                    pool = with_full or pool
                chosen = max(pool, key=lambda k: _pos(clusters[k].mentions[-1]))
            if chosen is None:
                chosen = len(clusters)
                clusters.append(_PersonCluster())
                articles_of.append(set())
                has_full.append(False)
            clusters[chosen].add(name, m)
            articles_of[chosen].add(m.article)
            has_full[chosen] = has_full[chosen] or name.full
            at = holding.setdefault(surname, [])
            if chosen not in at:
                at.append(chosen)
        return clusters

    def _person_party(self, cluster: _PersonCluster, index: int) -> Key:
        for m in cluster.mentions:
            if m.affiliation is not None and id(m.affiliation) in self.target:
                return self.target[id(m.affiliation)]
        for m in cluster.mentions:
            if m.phrase.title_kind == "government":
                return ("gov", self.context_country.get(id(m), ""))
        return ("person", str(index))

    # ---- assembly -------------------------------------------------------------------------------
    def build(self) -> tuple[list[Party], dict[int, tuple[str, Optional[str]]]]:
        self._org_nodes()
        self._resolve_references()
        records: dict[Key, _PartyRec] = {}

        def record(key: Key, m: Mention) -> _PartyRec:
            kind = {"org": "organisation", "gov": "government", "leg": "government",
                    "group": "group", "person": "person", "anon": "unknown"}[key[0]]
            rec = records.get(key)
            if rec is None:
                rec = records[key] = _PartyRec(key=key, kind=kind, first=_pos(m))
            rec.first = min(rec.first, _pos(m))
            return rec

        # organisations are parties only if some mention of them acts, speaks or employs someone
        active: set[Key] = set()
        for m in self.mentions:
            key = self.target.get(id(m))
            if key is None:
                continue
            if key[0] not in ("org", "anon") or m.actor or m.speakers or m.kind == "org_ref":
                active.add(key)
            if m.affiliation is not None and id(m.affiliation) in self.target:
                active.add(self.target[id(m.affiliation)])

        member_of: dict[int, tuple[Key, str]] = {}
        for m in self.mentions:
            key = self.target.get(id(m))
            if key is None or m.kind == "person" or key not in active:
                continue
            rec = record(key, m)
            rec.mentions.append(m)
            if m.kind == "role":
                role = party_tables().role_synonyms.get(m.phrase.head, m.phrase.head)
                mem = rec.members.get("role:" + role)
                if mem is None:
                    words = m.phrase.name.split()
                    while words and norm(words[0]) in ("a", "an", "the"):
                        words = words[1:]
                    name = " ".join(words)
                    mem = rec.members["role:" + role] = _MemberRec(key="role:" + role, name=name, first=_pos(m))
                _add_unique(mem.titles, m.phrase.title)
                _add_unique(mem.aliases, m.text)
                mem.mentions.append(m)
                member_of[id(m)] = (key, mem.key)

        for index, cluster in enumerate(self._cluster_people()):
            key = self._person_party(cluster, index)
            first = cluster.mentions[0]
            rec = record(key, first)
            for m in cluster.mentions:
                rec.first = min(rec.first, _pos(m))
            display = self._person_display(cluster)
            mem = rec.members.get("person:" + str(index))
            if mem is None:
                mem = rec.members["person:" + str(index)] = _MemberRec(
                    key="person:" + str(index), name=display, first=_pos(first))
            for m in cluster.mentions:
                _add_unique(mem.titles, m.phrase.title)
                _add_unique(mem.aliases, m.text)
                mem.mentions.append(m)
                member_of[id(m)] = (key, mem.key)
                if key[0] == "person":
                    rec.mentions.append(m)

        ordered = sorted(records.values(), key=lambda r: r.first)
        parties: list[Party] = []
        ids: dict[Key, str] = {}
        member_ids: dict[tuple[Key, str], str] = {}
        for n, rec in enumerate(ordered, start=1):
            pid = f"p{n}"
            ids[rec.key] = pid
            members = []
            for k, mem in enumerate(sorted(rec.members.values(), key=lambda x: x.first), start=1):
                mid = f"{pid}.m{k}"
                member_ids[(rec.key, mem.key)] = mid
                members.append(Member(id=mid, name=mem.name, titles=mem.titles, aliases=mem.aliases))
            parties.append(Party(id=pid, name=self._name(rec), kind=rec.kind,
                                 aliases=self._aliases(rec), members=members))

        assignment: dict[int, tuple[str, Optional[str]]] = {}
        for m in self.mentions:
            if not m.speakers:
                continue
            if id(m) in member_of:
                key, mkey = member_of[id(m)]
                value = (ids[key], member_ids[(key, mkey)])
            else:
                key = self.target.get(id(m))
                if key is None or key not in ids:
                    continue
                value = (ids[key], None)
            for ci in m.speakers:
                assignment[ci] = value
        return parties, assignment

    def _person_display(self, cluster: _PersonCluster) -> str:
        """The fullest name, spelled as the wire source spells it when there is one."""
        ranked = sorted(
            zip(cluster.names, cluster.mentions),
            key=lambda nm: (not nm[0].full, nm[1].article not in self.source_articles,
                            -len(nm[0].display), _pos(nm[1])),
        )
        return ranked[0][0].display

    def _name(self, rec: _PartyRec) -> str:
        kind, value = rec.key
        if kind in ("gov", "leg"):
            country = self.lex.countries.get(norm(value)) if value else None
            head = "government"
            if kind == "leg":
                heads = [m.phrase.head for m in rec.mentions if m.kind == "legislature"]
                head = heads[0] if heads else "parliament"
            return f"{country.demonym} {head}" if country else head
        if kind == "org":
            names = Counter(m.phrase.name for m in rec.mentions if m.kind == "organisation")
            if names:
                # the most used name, the first used of equals (first positions found in one
                # pass: order.index per name was quadratic in a big party's mentions)
                first: dict[str, int] = {}
                order = [m.phrase.name for m in sorted(rec.mentions, key=_pos) if m.kind == "organisation"]
                for i, name in enumerate(order):
                    first.setdefault(name, i)
                return max(names, key=lambda x: (names[x], -first[x]))
            return value
        if kind == "group":
            # the form that uses the group's own noun ("authors", not its synonym "developers")
            noun = value.split("|", 1)[0]
            named = [m for m in rec.mentions if noun in norm(m.text).split()] or rec.mentions
            return named[0].phrase.name if named else value
        return next(iter(rec.members.values())).name if rec.members else value

    def _aliases(self, rec: _PartyRec) -> list[str]:
        out: list[str] = []
        for m in sorted(rec.mentions, key=_pos):
            if m.kind == "person":
                continue
            _add_unique(out, m.text)
            if m.kind == "organisation":
                _add_unique(out, m.phrase.name)
                for brand in m.phrase.brands:
                    _add_unique(out, brand)
        for mem in rec.members.values():
            if mem.key.startswith("role:"):
                for a in mem.aliases:
                    _add_unique(out, a)
        if rec.kind == "person":
            for mem in rec.members.values():
                for a in mem.aliases:
                    _add_unique(out, a)
        return out


def assign_speakers(claims: list[Claim], assignment: dict[int, tuple[str, Optional[str]]]) -> list[Claim]:
    out = []
    for ci, claim in enumerate(claims):
        if claim.speaker is None or ci not in assignment:
            out.append(claim)
            continue
        party_id, person_id = assignment[ci]
        speaker = claim.speaker.model_copy(update={"party_id": party_id, "person_id": person_id})
        out.append(claim.model_copy(update={"speaker": speaker}))
    return out

"""Realistic reports for the renderers, built on the real seed articles.

The seed articles are read with the real ingester; claims, parties,
alignments and findings are laid over real sentences of that text with
spans found by ``str.find``, so every offset is checked by the Report
validator exactly as a pipeline-made report would be.
"""

from __future__ import annotations

import pytest

from claimrec.models import (
    Alignment, Article, Claim, Cue, Derivation, Finding, Hedge, InputError, Member, Party,
    Report, Speaker, Span, make_span,
)

WIRE_SENTENCES = {
    "denied": "Facebook owner Meta Platforms on Tuesday denied a claim by the Kazakh government that "
              "it had been granted exclusive access to the social network's content reporting system.",
    "joint": "In what it called a joint statement with Facebook, the Kazakh government had touted "
             "the move as a compromise solution on Monday",
    "cabinet": "The Nur-Sultan cabinet had said an agreement",
    "email": "But in an email to Reuters, Ben McConaghy",
    "added": "He added that the process \"is not an exclusive to Kazakhstan",
    "bill": "The oil-rich nation's parliament in September started working on a bill",
    "sarym": "Deputy Aidos Sarym, one of the bill's developers, said on his Facebook page",
    "critics": "Critics of the bill have accused the authorities of the autocratic nation",
    "users": "The government has said there were at least 3.2 million Facebook users in Kazakhstan.",
    "pressure": "The service has mostly avoided shutdowns outside of countries such as China",
}

# (rewrite sentence opening, wire sentence keys, relation, similarity)
REWRITE_ALIGNMENT = [
    ("Facebook's Meta has rejected claims", ["denied"], "rewritten", 0.71),
    ("In a joint statement with Facebook, Kazakhstan's Ministry", ["joint"], "rewritten", 0.64),
    ("The Nur-Sultan government has announced", ["cabinet"], "rewritten", 0.58),
    ("However, a company spokesperson said", ["email"], "rewritten", 0.36),
    ("\"We have a consistent, global process", [], "new", 0.0),
    ("The process in Kazakhstan is the same", ["added"], "rewritten", 0.47),
    ("Meta issued a statement that Kazakhstan calls", ["email", "joint"], "rewritten", 0.31),
    ("Although local news site Zakon.kz", [], "new", 0.0),
    ("In September, the oil-rich country's parliament", ["bill"], "rewritten", 0.62),
    ("One of the bill's authors, Congressman", ["sarym"], "rewritten", 0.66),
    ("Kazakhstan can use the content reporting system", [], "new", 0.0),
    ("Critics of the bill accused", ["critics"], "rewritten", 0.52),
    ("The government said Kazakhstan has at least", ["users"], "verbatim", 0.93),
    ("The service has essentially avoided", ["pressure"], "rewritten", 0.69),
]


def find_span(article: Article, needle: str, after: int = 0) -> Span:
    at = article.text.find(needle, after)
    if at < 0:
        raise AssertionError(f"{needle!r} is not in the body of {article.id}")
    return make_span(article.id, article.text, at, at + len(needle))


def sentence_span(article: Article, opening: str) -> Span:
    """The sentence of ``article`` that starts with ``opening`` (to its full stop or line end)."""
    first = find_span(article, opening)
    body = article.text
    end = first.start
    while end < len(body) and body[end] != "\n":
        ch = body[end]
        end += 1
        if ch in ".!?":
            while end < len(body) and body[end] in "\"”’":
                end += 1
            at_gap = end == len(body) or body[end] in " \n"
            if at_gap and body[first.start:end].count('"') % 2 == 0:
                break
    return make_span(article.id, body, first.start, end)


def _claim(cid: str, article: Article, sentence: str, speaker: str, cue: str, content: str, *,
           party: str, quote: str = "indirect", stance: str = "assert", medium: str | None = None,
           hedge: str | None = None, name: str | None = None, kind: str = "organisation") -> Claim:
    sent = sentence_span(article, sentence)
    return Claim(
        id=cid, article_id=article.id,
        speaker=Speaker(text=speaker, name=name or speaker, party_id=party, kind=kind,
                        span=find_span(article, speaker, sent.start)),
        cue=Cue(text=cue, lemma=cue.split()[-1], span=find_span(article, cue, sent.start)),
        content=find_span(article, content, sent.start), quote=quote, stance=stance,
        negated=stance == "deny", medium=medium, sentence=sent, confidence=0.8,
        hedges=[Hedge(text=hedge, kind="reported", span=find_span(article, hedge, sent.start))]
        if hedge else [],
    )


def build_seed_report(wire: Article, rewrite: Article) -> Report:
    wire = wire.model_copy(update={"role": "source",
                                   "role_reason": wire.role_reason or "credit line (Reporting by)"})
    rewrite = rewrite.model_copy(update={"role": "rewrite",
                                         "role_reason": rewrite.role_reason or "aligned to source"})
    w, r = wire, rewrite
    parties = [
        Party(id="p1", name="Meta", kind="organisation",
              aliases=["Meta Platforms", "Facebook owner", "Facebook's Meta", "a company spokesperson"],
              members=[Member(id="p1m1", name="Ben McConaghy",
                              titles=["director for policy communications in Asia-Pacific"])]),
        Party(id="p2", name="Kazakh government", kind="government",
              aliases=["the Nur-Sultan cabinet", "Kazakhstan's Ministry of Information and Social "
                       "Development", "the government"],
              members=[Member(id="p2m1", name="Aida Balyeva", titles=["Information Minister"])]),
        Party(id="p3", name="Aidos Sarym", kind="person", aliases=["Aydos Sarim"],
              members=[Member(id="p3m1", name="Aidos Sarym", titles=["Deputy", "Congressman"],
                              aliases=["Aydos Sarim"])]),
        Party(id="p4", name="critics of the bill", kind="group"),
    ]
    claims = [
        _claim("c1", w, WIRE_SENTENCES["denied"], "Facebook owner Meta Platforms", "denied",
               "a claim by the Kazakh government that it had been granted exclusive access",
               party="p1", stance="deny", name="Meta Platforms"),
        _claim("c2", w, WIRE_SENTENCES["joint"], "the Kazakh government", "called",
               "a joint statement with Facebook", party="p2", hedge="what it called",
               kind="government"),
        _claim("c3", w, WIRE_SENTENCES["email"], "Ben McConaghy", "said",
               "Firstly, we did not issue a joint statement with the Kazakh government", party="p1",
               quote="direct", stance="deny", medium="in an email to Reuters", kind="person"),
        _claim("c4", r, "However, a company spokesperson said", "a company spokesperson", "said",
               "the company provides dedicated online channels to governments around the world",
               party="p1", kind="person"),
        _claim("c5", r, "\"We have a consistent, global process", "he", "added",
               "We have a consistent, global process in place", party="p1", quote="direct",
               name="a company spokesperson", kind="person"),
        _claim("c6", w, WIRE_SENTENCES["sarym"], "Deputy Aidos Sarym", "said",
               "the bill had paved way for talks with tech giants", party="p3",
               medium="on his Facebook page", name="Aidos Sarym", kind="person"),
        _claim("c7", r, "One of the bill's authors, Congressman", "Congressman Aydos Sarim", "said",
               "the bill paves the way for negotiations with tech giants", party="p3",
               medium="on his Facebook page", name="Aydos Sarim", kind="person"),
    ]
    alignments = []
    for n, (opening, keys, relation, sim) in enumerate(REWRITE_ALIGNMENT, 1):
        spans = [sentence_span(r, opening)] + [sentence_span(w, WIRE_SENTENCES[k]) for k in keys]
        alignments.append(Alignment(id=f"s{n}", level="sentence", spans=spans, relation=relation,
                                    similarity=sim))
    alignments.append(Alignment(id="a1", level="claim", claim_ids=["c6", "c7"],
                                relation="paraphrase", similarity=0.74))
    findings = [
        Finding(id="f1", kind="party_contradiction", severity="high", confidence=0.86,
                summary="Kazakh government speaks of a joint statement with Facebook; "
                        "Meta says it did not issue one",
                party_ids=["p2", "p1"], claim_ids=["c2", "c3"],
                evidence=[find_span(w, "In what it called a joint statement with Facebook"),
                          find_span(w, "we did not issue a joint statement with the Kazakh government")]),
        Finding(id="f2", kind="hedge_dropped", severity="high", confidence=0.81,
                summary="The source reports the joint statement as the government's claim "
                        "(\"what it called\"); the rewrite states it as fact",
                party_ids=["p2"], claim_ids=["c2"],
                evidence=[find_span(w, "what it called a joint statement"),
                          find_span(r, "In a joint statement with Facebook")]),
        Finding(id="f3", kind="omission", severity="high", confidence=0.74,
                summary="Meta's denial of the joint statement is missing from the rewrite",
                party_ids=["p1"], claim_ids=["c3"],
                evidence=[find_span(w, "we did not issue a joint statement")]),
        Finding(id="f4", kind="attribution_changed", severity="medium", confidence=0.7,
                summary="Words of Ben McConaghy are given to an anonymous company spokesperson",
                party_ids=["p1"], claim_ids=["c3", "c4"],
                evidence=[find_span(w, "Ben McConaghy"), find_span(r, "a company spokesperson")]),
        Finding(id="f5", kind="quote_unsourced", severity="medium", confidence=0.77,
                summary="A direct quote in the rewrite appears nowhere in the source",
                party_ids=["p1"], claim_ids=["c5"],
                evidence=[find_span(r, "We have a consistent, global process in place")]),
        Finding(id="f6", kind="role_swap", severity="high", confidence=0.62,
                summary="Critics accused the authorities in the source, the residents in the rewrite",
                party_ids=["p4"],
                evidence=[find_span(w, "accused the authorities of the autocratic nation"),
                          find_span(r, "accused the country's 19 million residents")]),
        Finding(id="f7", kind="speaker_variant", severity="low", confidence=0.9,
                summary="Deputy Aidos Sarym appears as Congressman Aydos Sarim",
                party_ids=["p3"], claim_ids=["c6", "c7"],
                evidence=[find_span(w, "Deputy Aidos Sarym"), find_span(r, "Congressman Aydos Sarim")]),
        Finding(id="f8", kind="modality_shift", severity="low", confidence=0.55,
                summary="\"started working on a bill\" becomes \"began passing a bill\"",
                evidence=[find_span(w, "started working on a bill"),
                          find_span(r, "began passing a bill")]),
    ]
    derivations = [Derivation(source_id=w.id, rewrite_id=r.id, sentences=14, verbatim=1,
                              rewritten=10, new=3, derived_share=0.79, label="partially")]
    return Report(articles=[w, r], parties=parties, claims=claims, alignments=alignments,
                  derivations=derivations, findings=findings,
                  stats={"articles": 2, "claims": len(claims), "findings": len(findings)})


def read_seeds(wire_path, rewrite_path) -> tuple[Article, Article]:
    from claimrec.ingest import read_inputs

    result = read_inputs([str(wire_path), str(rewrite_path)], source=str(wire_path))
    by_path = {a.path: a for a in result.articles}
    wire = next(a for p, a in by_path.items() if p.endswith(wire_path.name))
    rewrite = next(a for p, a in by_path.items() if p.endswith(rewrite_path.name))
    return wire, rewrite


HOSTILE_TEXT = (
    "Officials said <script>alert(1)</script> was found on the site.\n"
    "The ministry said \" onmouseover=\"alert(2)\" x=\" in a statement & more.\n"
    "See https://evil.example/steal.js or javascript:alert(3) for details; "
    "an <img src=https://evil.example/p.png> tag and [a link](https://evil.example) too."
)


def build_hostile_report() -> Report:
    evil = Article(id="evil<b>\"x", path="evil.html", title="<img src=x onerror=alert(1)>",
                   outlet="\" onmouseover=\"alert(2)", url="javascript:alert(3)",
                   byline="<i>nobody</i>", role="source", role_reason="<script>", text=HOSTILE_TEXT,
                   credits=["(Reporting by <b>X</b>)"])
    calm = Article(id="calm", path="calm.txt", role="rewrite", title="A calm copy",
                   text="Officials said a script was found on the site. The ministry commented.")
    script = find_span(evil, "<script>alert(1)</script>")
    payload = find_span(evil, "\" onmouseover=\"alert(2)\" x=\"")
    claim = Claim(id="c<1>", article_id=evil.id,
                  speaker=Speaker(text="Officials", span=find_span(evil, "Officials")),
                  cue=Cue(text="said", lemma="say", span=find_span(evil, "said")),
                  content=script, sentence=sentence_span(evil, "Officials said"), confidence=0.5)
    return Report(
        articles=[evil, calm],
        parties=[Party(id="p<1>", name="<script>alert(4)</script>", aliases=["\"><svg onload=x>"])],
        claims=[claim],
        alignments=[Alignment(id="s\"1", level="sentence",
                              spans=[find_span(calm, "Officials said a script was found on the site."),
                                     sentence_span(evil, "Officials said")],
                              relation="rewritten", similarity=0.6)],
        findings=[
            Finding(id="f\"1><script>", kind="quote_altered", severity="high", confidence=0.5,
                    summary="<b>bold</b> \" onmouseover=\"alert(5)", party_ids=["p<1>"],
                    claim_ids=["c<1>"], evidence=[script, payload, find_span(calm, "a script")]),
            Finding(id="f2", kind="unsupported_addition", severity="low", confidence=0.4,
                    summary="link text", evidence=[find_span(evil, "https://evil.example/steal.js"),
                                                   find_span(evil, "[a link](https://evil.example)")]),
        ],
        errors=[InputError(path="<bad>.txt", reason="binary file <x>")],
    )


@pytest.fixture(scope="session")
def seed_articles(wire_path, rewrite_path) -> tuple[Article, Article]:
    return read_seeds(wire_path, rewrite_path)


@pytest.fixture(scope="session")
def seed_report(seed_articles) -> Report:
    return build_seed_report(*seed_articles)


@pytest.fixture(scope="session")
def hostile_report() -> Report:
    return build_hostile_report()

"""Who speaks, read with care: the cases where a rewrite keeps the speaker (or nobody speaks)
and a detector must not report an attribution change; and the ones it must still report."""

from __future__ import annotations


def attributions(report) -> list:
    return [f for f in report.findings if f.kind == "attribution_changed"]


def test_a_capitalised_word_describing_the_speaker_is_no_name(reconcile):
    source = ("A University student revealed how she turned to escort work after her loan failed to cover "
              "her rent.\n\nThe student said she worked in a bar and a shop before that.")
    rewrite = ("University student reveals how she turned to escort work after her loan failed to cover "
               "the cost of living.\n\nThe student said she worked in a bar and a shop before that.")
    assert attributions(reconcile(source, rewrite)) == []


def test_the_inner_speaker_of_a_reported_statement_is_kept(reconcile):
    # the outlet only reports what prosecutors said; the rewrite keeps the prosecutors
    source = ("In court today, prosecutors said the woman married men from seven countries, "
              "according to the Daily Courier.\n\nShe has pleaded not guilty to two charges.")
    rewrite = ("Prosecutors said the woman married men from seven countries.\n\n"
               "She has pleaded not guilty to two charges.")
    assert attributions(reconcile(source, rewrite)) == []


def test_wanting_is_not_speaking(reconcile):
    # someone else wants it in the rewrite: a changed participant, but no statement reattributed
    source = "Tindall and Nicky Robinson wanted to be in place when the old warrior returned to the course."
    rewrite = "Tindall and Zara Phillips wanted to be in place when the old warrior returned to the course."
    report = reconcile(source, rewrite)
    assert attributions(report) == []
    assert "role_swap" in {f.kind for f in report.findings}


def test_a_named_speaker_replaced_by_a_description_is_still_reported(reconcile):
    source = ("Ellen Stofan, NASA's chief scientist, said the agency would find signs of life beyond Earth "
              "within a decade.\n\nThe agency has several missions planned.")
    rewrite = ("A NASA scientist said the agency would find signs of life beyond Earth within a decade.\n\n"
               "The agency has several missions planned.")
    found = attributions(reconcile(source, rewrite))
    assert found and "Stofan" in found[0].summary

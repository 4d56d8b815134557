"""Shared helpers for the hand-entered labels."""
from tei_read import doc, paragraphs

def P(name, match_key, role, as_printed, post, side="US"):
    return {"name": name, "match_key": match_key, "role": role, "as_printed": as_printed,
            "kind": "person", "post": post, "side": side}

HULL = P("Cordell Hull", "Hull", "recipient", "the Secretary of State", "Secretary of State")
LANSING_R = P("Robert Lansing", "Lansing", "recipient", "the Secretary of State", "Secretary of State")
GRESHAM_R = P("Walter Q. Gresham", "Gresham", "recipient", "Mr. Gresham", "Secretary of State")

def passage(paras, i, speaker, evidence, basis, kind="text", accept_null=False, note=None):
    e = {"starts_with": paras[i][:50], "speaker": speaker, "evidence": evidence, "basis": basis, "kind": kind}
    if accept_null:
        e["accept_null"] = True
    if note:
        e["note"] = note
    return e

def N(i, note=None, evidence=None, kind="text"):
    return (i, None, evidence, "none", kind, False, note)

def SIG(i, note=None):
    return (i, None, None, "none", "signature", False, note)

def HEAD(i, note):
    return (i, None, None, "none", "heading", False, note)

def S(i, speaker, evidence, basis, accept_null=False, note=None):
    return (i, speaker, evidence, basis, "text", accept_null, note)

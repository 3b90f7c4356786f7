"""What the issue demands of the seed article (../shared/seeds/nato-iraq-training.txt)."""

from collections import Counter


def check_seed(report: dict) -> None:
    quotes = report["quotes"]
    sources = {s["id"]: s for s in report["sources"]}
    direct = [q for q in quotes if q["kind"] == "direct"]
    assert len(direct) == 11, [q["text"][:30] for q in direct]
    assert all(q["speaker"] is not None for q in direct)

    by_source = Counter(sources[q["speaker"]["source_id"]]["name"] for q in direct)
    assert by_source == {"Marine Gen. James L. Jones": 8, "one NATO source": 3}

    jones = next(s for s in sources.values() if s["name"] == "Marine Gen. James L. Jones")
    nato = next(s for s in sources.values() if s["name"] == "one NATO source")
    jones_res = [q["speaker"]["resolution"] for q in direct if q["speaker"]["source_id"] == jones["id"]]
    nato_res = [q["speaker"]["resolution"] for q in direct if q["speaker"]["source_id"] == nato["id"]]
    assert {"explicit", "floating", "pronoun"} <= set(jones_res)
    assert jones_res.count("pronoun") == 1  # “We know some (will) right now ...,” he said.
    assert sorted(nato_res) == ["floating", "nominal", "nominal"]

    partial = [q for q in quotes if q["kind"] == "partial"]
    assert [q["text"] for q in partial] == ["quantum leap"]
    assert partial[0]["speaker"]["source_id"] == nato["id"]

    assert jones["type"] == "named_person" and not jones["anonymous"]
    assert jones["description"].startswith("commander of NATO’s military arm")
    assert nato["type"] == "anonymous_individual" and nato["anonymous"]
    assert set(nato["ground_rules"]) == {"background", "anonymity_granted"}
    assert nato["anonymity_reason"] is None
    assert nato["description"] == "who spoke on background but declined to be named"
    assert {"one NATO source", "the source"} <= {m["text"] for m in nato["mentions"]}
    assert {"Jones", "he"} <= {m["text"] for m in jones["mentions"]}

    indirect = [q for q in quotes if q["kind"] == "indirect"]
    assert any(q["cue"]["text"] == "estimated" and q["speaker"]["source_id"] == jones["id"] for q in indirect)
    assert any(
        q["cue"]["text"] == "according to" and q["speaker"]["source_id"] == nato["id"] for q in indirect
    )

    # the descriptor says who the source is affiliated with, but not how senior or how they know
    d = nato["descriptor"]
    assert d["affiliation"] == "NATO" and d["role"] is None  # "source" is not a role
    assert d["seniority"] is None and d["knowledge"] is None and d["side"] is None
    assert d["score"] == 1 and not d["bare"]
    assert jones["descriptor"] is None

    fired = {(f["rule"], f.get("source_id")) for f in report["findings"]}
    assert not any(rule in ("weak-descriptor", "vague-source") for rule, _ in fired)
    assert ("anonymity-unexplained", nato["id"]) in fired
    assert ("background-source", nato["id"]) in fired
    assert ("anonymous-source", nato["id"]) in fired
    assert not any(f["rule"] == "unattributed-quote" for f in report["findings"])
    assert not any(f.get("source_id") == jones["id"] for f in report["findings"])
    assert report["summary"]["quotes_from_anonymous"] == 4  # three full quotes and "quantum leap"

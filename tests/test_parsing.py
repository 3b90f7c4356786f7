"""The parse stage without a model: CoNLL-U round trips, model resolution order, errors."""

import json
from pathlib import Path

import pytest

from quotecheck import parsing
from quotecheck.parsing import (
    ENV_MODEL_DIR,
    ModelError,
    Parse,
    Sentence,
    Word,
    from_conllu,
    rejoin_split_names,
    resolve_model_dir,
    to_conllu,
)
from quotecheck.testing.fake_parse import forged_parse


def fake_model_dir(
    root: Path, processors=("tokenize", "mwt", "pos", "lemma", "depparse"), package="compact"
) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    en = {"default_processors": {p: package for p in processors}}
    for p in processors:
        (root / "en" / p).mkdir(parents=True, exist_ok=True)
        (root / "en" / p / f"{package}.pt").write_bytes(b"x")
        en[p] = {package: {"md5": f"md5-{p}"}}
    (root / "resources.json").write_text(json.dumps({"en": en, "stanza_version": "1.15.0"}))
    return root


def sample_parse() -> Parse:
    words = (
        Word(1, "“", '"', "PUNCT", "``", "_", 3, "punct", 0, 1),
        Word(2, "We", "we", "PRON", "PRP", "Case=Nom|Number=Plur", 3, "nsubj", 1, 3),
        Word(3, "go", "go", "VERB", "VBP", "_", 0, "root", 4, 6, "O"),
        Word(4, "Jones", "Jones", "PROPN", "NNP", "Number=Sing", 3, "nsubj", 8, 13, "S-PERSON"),
    )
    return Parse((Sentence(words),), "stanza-test")


def test_conllu_round_trip_keeps_offsets_and_ner():
    parse = sample_parse()
    text = to_conllu(parse)
    assert "start_char=8|end_char=13|ner=S-PERSON" in text
    assert from_conllu(text) == parse


def test_from_conllu_skips_multiword_ranges_and_rejects_missing_offsets():
    good = (
        "1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\tstart_char=0|end_char=5\n"
        "1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\tstart_char=0|end_char=2\n"
        "2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t_\tstart_char=2|end_char=5\n"
    )
    parse = from_conllu(good)
    assert [w.text for w in parse.sentences[0].words] == ["do", "n't"]
    with pytest.raises(ValueError, match="start_char"):
        from_conllu("1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n")
    with pytest.raises(ValueError, match="10 columns"):
        from_conllu("1\tdo\n")


def test_sentence_tree_helpers():
    sent = sample_parse().sentences[0]
    root = sent.word(3)
    assert [w.text for w in sent.children(root)] == ["“", "We", "Jones"]
    assert [w.text for w in sent.subtree(root)] == ["“", "We", "go", "Jones"]
    assert sent.ancestors(sent.word(2)) == [root]
    assert sent.word(2).feat("Number") == "Plur" and sent.word(3).feat("Number") is None
    assert [w.text for w in sent.within(1, 6)] == ["We", "go"]  # wholly inside [1, 6)
    assert [w.text for w in sent.within(2, 13)] == ["go", "Jones"]  # "We" (1-3) starts before 2
    assert sent.within(6, 8) == []


def test_resolution_order(tmp_path, monkeypatch):
    explicit = fake_model_dir(tmp_path / "explicit")
    env = fake_model_dir(tmp_path / "env")
    default = fake_model_dir(tmp_path / "default")
    monkeypatch.setattr(parsing, "stanza_default_dir", lambda: default)
    monkeypatch.setenv(ENV_MODEL_DIR, str(env))
    assert resolve_model_dir(str(explicit)).path == explicit
    assert resolve_model_dir(str(explicit)).origin == "--model-dir"
    loc = resolve_model_dir(None)
    assert loc.path == env and loc.origin == f"${ENV_MODEL_DIR}"
    monkeypatch.delenv(ENV_MODEL_DIR)
    assert resolve_model_dir(None).origin == "stanza default"


def test_model_identity_changes_with_model_files(tmp_path):
    a = resolve_model_dir(fake_model_dir(tmp_path / "a")).model_id
    b = resolve_model_dir(fake_model_dir(tmp_path / "b", package="other")).model_id
    assert a.startswith("stanza-") and a != b


def test_no_model_anywhere_says_what_to_run_or_set(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_MODEL_DIR, raising=False)
    monkeypatch.setattr(parsing, "stanza_default_dir", lambda: tmp_path / "nothing")
    with pytest.raises(ModelError) as err:
        resolve_model_dir(None)
    message = str(err.value)
    assert "quotecheck models download" in message
    assert "--model-dir" in message and ENV_MODEL_DIR in message


def test_incomplete_model_dir_names_missing_processors(tmp_path):
    d = fake_model_dir(tmp_path / "m", processors=("tokenize", "pos"))
    with pytest.raises(ModelError, match="mwt, lemma, depparse"):
        resolve_model_dir(d)
    with pytest.raises(ModelError, match="does not exist"):
        resolve_model_dir(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelError, match=r"no resources\.json"):
        resolve_model_dir(tmp_path / "empty")


def test_ner_is_used_when_present(tmp_path):
    d = fake_model_dir(tmp_path / "m", processors=("tokenize", "mwt", "pos", "lemma", "depparse", "ner"))
    assert "ner" in resolve_model_dir(d).processors


def test_failed_download_explains_the_local_alternative(tmp_path, monkeypatch):
    import stanza

    def offline(*args, **kwargs):
        raise ConnectionError("Failed to establish a new connection: no network")

    monkeypatch.setattr(stanza, "download", offline)
    with pytest.raises(ModelError) as err:
        parsing.download_models(tmp_path / "target")
    message = str(err.value)
    assert "ConnectionError" in message and str(tmp_path / "target") in message
    assert "--model-dir" in message and ENV_MODEL_DIR in message


def test_rejoin_split_names_joins_a_cut_capitalised_word_and_keeps_gonna() -> None:
    # "Donna told us gonna": the tokenizer cut "Donna" as it cuts "gonna" ("Don" + "na")
    text = "Donna told us gonna"
    rows = [
        ("Don", "Don", "PROPN", 3, "nsubj"),
        ("na", "to", "PART", 1, "case"),
        ("told", "tell", "VERB", 0, "root"),
        ("us", "we", "PRON", 3, "obj"),
        ("gon", "go", "VERB", 3, "xcomp"),
        ("na", "to", "PART", 5, "mark"),
    ]
    parse = forged_parse(text, rows)
    words = rejoin_split_names(parse).sentences[0].words
    assert [(w.index, w.text, w.head, w.start, w.end) for w in words] == [
        (1, "Donna", 2, 0, 5),
        (2, "told", 0, 6, 10),
        (3, "us", 2, 11, 13),
        (4, "gon", 2, 14, 17),
        (5, "na", 4, 17, 19),
    ]
    whole = forged_parse("Ann", [("Ann", "Ann", "PROPN", 0, "root")])
    assert rejoin_split_names(whole) is whole  # nothing cut: the same parse

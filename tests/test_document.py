"""Document and Block: frozen, picklable, serializable; Markdown rendering."""

from __future__ import annotations

import dataclasses
import json
import pickle
import pydoc
import re

import pytest

from cleanweb import Block, Document, Options, Status


def doc() -> Document:
    blocks = (
        Block("heading", "Section", level=2),
        Block("paragraph", "First paragraph."),
        Block("list_item", "one"),
        Block("list_item", "two"),
        Block("quote", "quoted words"),
        Block("table_row", "Name | Age"),
        Block("table_row", "Ann | 31"),
        Block("code", "x = 1\n  y = 2"),
    )
    return Document(status=Status.OK, text="\n".join(b.text for b in blocks), title="Title",
                    blocks=blocks, captions=("a caption",), lang="en")


def test_document_is_frozen_and_picklable() -> None:
    d = doc()
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.text = "x"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(d)) == d
    options = Options(favor="precision", explain=True)
    assert pickle.loads(pickle.dumps(options)) == options


def test_options_validate() -> None:
    with pytest.raises(ValueError):
        Options(favor="fast")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Options(max_bytes=0)
    with pytest.raises(ValueError):
        Options(time_budget=-1)


def test_to_dict_and_json() -> None:
    d = doc()
    data = json.loads(d.to_json())
    assert data == d.to_dict()
    assert data["status"] == "ok"
    assert data["captions"] == ["a caption"]
    assert data["blocks"][0] == {"kind": "heading", "text": "Section", "level": 2,
                                 "kept": True, "reason": ""}
    assert "trace" not in data


def test_status_reads_as_text() -> None:
    assert str(Status.NOT_HTML) == "not_html"
    assert Status.OK == "ok"


def test_markdown() -> None:
    md = doc().to_markdown()
    assert md == (
        "# Title\n\n## Section\n\nFirst paragraph.\n\n- one\n- two\n\n> quoted words\n\n"
        "| Name | Age |\n| --- | --- |\n| Ann | 31 |\n\n```\nx = 1\n  y = 2\n```\n"
    )


def test_markdown_escapes_pipes_and_fences() -> None:
    d = Document(status=Status.OK, blocks=(Block("table_row", "a|b | c"),
                                           Block("code", "```inner```")))
    md = d.to_markdown()
    assert "| a\\|b | c |" in md
    assert "````\n```inner```\n````" in md


def test_markdown_keeps_text_from_reading_as_structure() -> None:
    texts = ["# Not a heading", "1. Not a list", "2024) Nor this", "> Not a quote",
             "- Not a bullet", "---", "= =", "<div> shown as text", "```not a fence",
             "#hashtag stays", "-5 degrees stays", "2024 stays", "Plain *text* stays"]
    blocks = [Block("paragraph", t) for t in texts]
    blocks += [Block("list_item", "3. inside an item"), Block("quote", "a\n# b")]
    d = Document(status=Status.OK, blocks=tuple(blocks))
    md = d.to_markdown().split("\n\n")
    assert md == [
        "\\# Not a heading", "1\\. Not a list", "2024\\) Nor this", "\\> Not a quote",
        "\\- Not a bullet", "\\---", "\\= =", "\\<div> shown as text", "\\```not a fence",
        "#hashtag stays", "-5 degrees stays", "2024 stays", "Plain *text* stays",
        "- 3\\. inside an item", "> a\n> \\# b\n"]


def test_to_text_is_text() -> None:
    assert doc().to_text() == doc().text


@pytest.mark.parametrize("kwargs", [
    {"site_rules": "rules.toml"}, {"include_tables": "no"}, {"include_captions": 1},
    {"explain": None}, {"favor": 1}, {"max_bytes": 1.5}, {"max_nodes": "10"},
    {"time_budget": "5"}, {"time_budget": True},
])
def test_options_of_the_wrong_type_raise_type_error_when_made(kwargs: dict[str, object]) -> None:
    with pytest.raises(TypeError) as err:
        Options(**kwargs)  # type: ignore[arg-type]
    assert next(iter(kwargs)) in str(err.value)


def test_options_out_of_range_raise_value_error_when_made() -> None:
    for kwargs in ({"favor": "fast"}, {"max_nodes": -5}, {"time_budget": float("nan")},
                   {"time_budget": 0}):
        with pytest.raises(ValueError):
            Options(**kwargs)  # type: ignore[arg-type]


def test_site_rules_given_as_a_path_says_how_to_load_it() -> None:
    with pytest.raises(TypeError, match=r"RulePack\.load"):
        Options(site_rules="rules.toml")  # type: ignore[arg-type]


def test_options_accept_every_documented_value() -> None:
    from cleanweb import RulePack

    options = Options(favor="recall", include_tables=False, include_captions=False,
                      explain=True, max_bytes=1, max_nodes=1, time_budget=3,
                      site_rules=RulePack(()))
    assert options.time_budget == 3
    assert Options(time_budget=None).time_budget is None


@pytest.mark.parametrize("cls", [Options, Document])
def test_help_describes_every_field(cls: type) -> None:
    # help() shows the class docstring, not "#:" comments: each field is described there.
    shown = pydoc.render_doc(cls, renderer=pydoc.plaintext)
    described = set(re.findall(r"^ \|      (\w+): \S", shown, re.M))
    assert described == {f.name for f in dataclasses.fields(cls)}

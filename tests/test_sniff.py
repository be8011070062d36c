"""Is it a page at all: signatures on bytes, control characters and wordiness on text."""

from __future__ import annotations

from cleanweb.stages.sniff import BINARY_CONTROL_SHARE, looks_binary, text_looks_binary


def test_signatures() -> None:
    assert looks_binary(b"%PDF-1.7\n...")
    assert looks_binary(b"\x89PNG\r\n\x1a\nrest")
    assert not looks_binary(b"<!doctype html><p>x</p>")


def test_control_characters_over_the_share_are_binary() -> None:
    head = "<p>" + "a" * 96 + "\x01" * 5  # 5 of 104 characters: above 4 %
    assert 5 / len(head) > BINARY_CONTROL_SHARE
    assert text_looks_binary(head)


def test_a_few_control_characters_are_tolerated() -> None:
    head = "<p>" + "a" * 200 + "\x01\x1f"  # under 1 %
    assert not text_looks_binary(head)


def test_tab_newline_cr_ff_and_esc_are_not_control_noise() -> None:
    assert not text_looks_binary("<p>a\tb\nc\rd\x0ce\x1bf</p>" * 20)


def test_only_the_head_is_sampled() -> None:
    assert not text_looks_binary("<p>" + "a" * 5000 + "\x00" * 400)


def test_markup_free_text_must_read_as_words() -> None:
    assert not text_looks_binary("Just a plain line of words, no markup at all.")
    assert text_looks_binary("%$#@!&*^~`|{}[]" * 20)
    assert not text_looks_binary("")

"""Every ```python block of docs/python.md runs, in order and in one
namespace, as a notebook's cells do; a ```text block right after one is what
it must print. A snippet that breaks, or prints something else, fails here."""

import contextlib
import io
import os
import re

import pytest

from conftest import source_path

BLOCK = re.compile(r"```(\w+)\n(.*?)```", re.S)


def cells():
    """(code, expected output or None) for each python block, in page order."""
    with open(source_path("docs", "python.md"), encoding="utf-8") as f:
        page = f.read()
    blocks = [(m.group(1), m.group(2), m.start(), m.end()) for m in BLOCK.finditer(page)]
    out = []
    for i, (lang, body, _, end) in enumerate(blocks):
        if lang != "python":
            continue
        expected = None
        if i + 1 < len(blocks) and blocks[i + 1][0] == "text" and page[end:blocks[i + 1][2]].strip() == "":
            expected = blocks[i + 1][1]
        out.append((body, expected))
    return out


def test_the_page_has_snippets():
    assert len(cells()) >= 10


def test_every_snippet_runs_and_prints_what_the_page_shows(monkeypatch):
    monkeypatch.chdir(source_path())  # the snippets name files of the source tree
    namespace = {"__name__": "__docs__"}
    for number, (code, expected) in enumerate(cells(), 1):
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(code, f"docs/python.md snippet {number}", "exec"), namespace)
        if expected is not None:
            assert printed.getvalue() == expected, f"snippet {number}:\n{code}"

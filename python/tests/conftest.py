"""Shared fixtures. ctest (tests/CMakeLists.txt) sets PYTHONPATH to the built
package and names the source tree and the built `demarche` binary, which the
tests compare the module with."""

import json
import os
import subprocess

import pytest

import demarche

SOURCE_DIR = os.environ.get(
    "DEMARCHE_SOURCE_DIR", os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
)
BINARY = os.environ.get("DEMARCHE_BINARY", "")


def source_path(*parts):
    return os.path.join(SOURCE_DIR, *parts)


def run_cli(*args, input_text=None):
    """The command line's standard output, for comparison; skips without it."""
    if not BINARY:
        pytest.skip("DEMARCHE_BINARY is not set: no command line to compare with")
    done = subprocess.run(
        [BINARY, *args], input=input_text, capture_output=True, text=True, check=True
    )
    return done.stdout


def cli_records(*args, input_text=None):
    return [json.loads(line) for line in run_cli(*args, input_text=input_text).splitlines()]


@pytest.fixture(scope="session")
def engine():
    """The shipped rules, plugins and weights, as `demarche classify` uses them."""
    return demarche.load()

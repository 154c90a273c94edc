"""`cmake --install` puts the package where the interpreter finds it, with its
stubs, and the installed package finds the installed rules and plugins under
its own prefix, not the build tree's."""

import json
import os
import subprocess
import sys

import pytest

BUILD_DIR = os.environ.get("DEMARCHE_BUILD_DIR")
INSTALL_DIR = os.environ.get("DEMARCHE_PYTHON_INSTALL_DIR")


@pytest.mark.skipif(not BUILD_DIR or not INSTALL_DIR, reason="run by ctest, which names the build")
def test_the_installed_package_uses_the_installed_rules_and_plugins(tmp_path):
    prefix = tmp_path / "prefix"
    subprocess.run(["cmake", "--install", BUILD_DIR, "--prefix", str(prefix)], check=True,
                   capture_output=True)
    site = prefix / INSTALL_DIR
    package = site / "demarche"
    assert (package / "__init__.pyi").is_file() and (package / "py.typed").is_file()
    script = (
        "import demarche, json\n"
        "e = demarche.load()\n"
        "print(json.dumps([demarche.__file__, demarche.SHIPPED_RULES, demarche.SHIPPED_PLUGINS,"
        " e.plugins, e.weights, e.classify('Oslo expelled two Russian diplomats.')]))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(site))
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                          cwd=tmp_path, check=True)
    path, rules, plugins, loaded, weights, record = json.loads(done.stdout)
    assert path.startswith(str(package))
    assert rules == str(prefix / "share" / "demarche" / "rules")
    assert plugins == str(prefix / "lib" / "demarche" / "plugins")
    assert loaded == ["actors", "modality"]
    assert weights == f"learned weights ({rules}/weights.tsv)"
    (event,) = record["events"]
    assert (event["type"], event["source"], event["target"]) == ("expulsion", "NOR", "RUS")

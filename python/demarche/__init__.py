"""demarche from Python: the rule engine itself, not a subprocess.

    import demarche
    engine = demarche.load()              # the shipped rules, plugins and weights
    engine.classify("Oslo expelled two Russian diplomats.")

Results are dicts with the fields and names of `demarche classify` JSON Lines
(docs/cli.md); offsets are character offsets into the str given. docs/python.md
is the tour.
"""

from __future__ import annotations

import os
import threading
import warnings
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

from . import _core, _paths

__all__ = [
    "Diagnostic",
    "Engine",
    "PluginWarning",
    "RulesError",
    "SHIPPED_PLUGINS",
    "SHIPPED_RULES",
    "classify_frame",
    "classify_frame_long",
    "default_engine",
    "evaluate",
    "load",
]

_HERE = os.path.dirname(os.path.abspath(__file__))
# Where the shipped rules and plugins are: beside the package in the build
# tree, under the same prefix once installed (python/CMakeLists.txt).
SHIPPED_RULES = os.path.normpath(os.path.join(_HERE, _paths.RULES))
SHIPPED_PLUGINS = os.path.normpath(os.path.join(_HERE, _paths.PLUGINS))


@dataclass(frozen=True)
class Diagnostic:
    """A problem in a rule or weights file, as `demarche rules check` prints it."""

    severity: str  # "error", "warning" or "note"
    code: str  # stable: E008, W101, ... (docs/rule-language.md)
    file: str
    line: int  # 1-based; 0 when the problem has no position
    column: int  # 1-based, in characters of the line; 0 when unknown
    message: str
    source_line: str
    text: str  # "file:line:col: error[E008]: message", with the line and a caret

    def __str__(self) -> str:
        return self.text


class RulesError(Exception):
    """The rules (or the weights file) did not load; `.diagnostics` says why, every problem."""

    def __init__(self, diagnostics: Sequence[Diagnostic]):
        self.diagnostics = list(diagnostics)
        errors = [d for d in self.diagnostics if d.severity == "error"]
        shown = "\n".join(str(d) for d in errors[:5])
        more = f"\n... and {len(errors) - 5} more" if len(errors) > 5 else ""
        super().__init__(f"the rules did not load ({len(errors)} errors):\n{shown}{more}")


class PluginWarning(UserWarning):
    """A plugin file was refused (the reason is in the message); the others loaded."""


PathArg = Union[str, "os.PathLike[str]"]


def _path_list(value: Union[PathArg, Iterable[PathArg]]) -> list:
    if isinstance(value, (str, os.PathLike)):
        return [os.fspath(value)]
    return [os.fspath(v) for v in value]


class Engine:
    """Compiled rules, with plugins and weights. Safe to share between threads."""

    def __init__(self, core: Any, diagnostics: Sequence[Diagnostic], plugin_reports: Sequence[dict]):
        self._core = core
        self.diagnostics = list(diagnostics)  # warnings and notes of a load that succeeded
        self.plugin_reports = list(plugin_reports)  # one per plugin file: path, loaded, reason, name, version

    @property
    def plugins(self) -> list:
        """The names of the plugins that run, in load order."""
        return list(self._core.plugins)

    @property
    def weights(self) -> str:
        """What scores: "authored weights" or "learned weights (PATH)"."""
        return self._core.weights

    def classify(self, sentence: str, threshold: float = 0.5) -> dict:
        """One sentence, whatever punctuation it holds: a JSON Lines record without "id"."""
        return self._core.classify(sentence, threshold, False)

    def classify_document(self, text: str, threshold: float = 0.5) -> list:
        """Splits `text` into sentences and classifies each; offsets are into `text`."""
        return self._core.classify_document(text, threshold, False)

    def classify_many(
        self,
        texts: Iterable[str],
        jobs: Optional[int] = None,
        threshold: float = 0.5,
        documents: bool = False,
    ) -> list:
        """Many sentences (or documents) on `jobs` threads (default one per core), in input order.

        The GIL is released while the engine works. Each result is what
        classify() (or classify_document(), with documents=True) gives.
        """
        texts = list(texts)
        if jobs is not None and jobs < 1:
            raise ValueError("jobs must be at least 1")
        return self._core.classify_many(texts, jobs or 0, threshold, documents, False)

    def segment(self, text: str) -> list:
        """The sentences of `text` as (start, end) character offsets: text[start:end]."""
        return self._core.segment(text)

    def explain(self, sentence: str) -> dict:
        """Why a sentence scored as it did, as `demarche classify --explain` gives it.

        Every event the rules or plugins gave evidence for, whatever its
        confidence, with its prior and log-odds; every piece of evidence with
        its weight, contribution and whether it counted; and the rules an
        `unless:` or a missing actor cancelled ("cancelled").
        """
        return self._core.classify(sentence, 0.0, True)

    def rules(self) -> list:
        """Each rule: id, type, weight (in use), authored_weight, group, description, file, line, ..."""
        return self._core.rules()

    def event_types(self) -> list:
        """Each event type: name, prior (in use), authored_prior, description."""
        return self._core.event_types()

    def evaluate(self, gold: Union[PathArg, Iterable[PathArg]], threshold: float = 0.5) -> dict:
        """The figures of `demarche eval --format json` on the gold file(s), computed by the same code."""
        import json

        return json.loads(self._core.evaluate_json(_path_list(gold), threshold))

    def classify_frame(self, df: Any, text_column: str, **options: Any) -> Any:
        """See demarche.classify_frame."""
        from ._frame import classify_frame

        return classify_frame(df, text_column, engine=self, **options)

    def classify_frame_long(self, df: Any, text_column: str, **options: Any) -> Any:
        """See demarche.classify_frame_long."""
        from ._frame import classify_frame_long

        return classify_frame_long(df, text_column, engine=self, **options)

    def __repr__(self) -> str:
        return (
            f"<demarche.Engine: {len(self.rules())} rules, "
            f"plugins {self.plugins}, {self.weights}>"
        )


def load(
    paths: Union[PathArg, Iterable[PathArg], None] = None,
    text: Union[str, Mapping[str, str], None] = None,
    plugins: Union[PathArg, Iterable[PathArg], bool, None] = None,
    weights: Union[PathArg, bool, None] = None,
    lint: bool = False,
) -> Engine:
    """Loads rules, plugins and weights into an Engine, as `demarche classify` does.

    paths: rule files and folders; text: rule text, a str or {name: text}
    (a name ending in .tsv is a gazetteer); neither: the shipped rules. A path
    written "+PATH" is added to the rules rather than replacing them, as
    `--rules +PATH` does: load("+protest.rules") is the shipped rules and yours.
    plugins: files and folders; None: the shipped plugins; False or []: none.
    weights: a weights file; None: weights.tsv in the one rules folder when it
    was fitted on these rules (the shipped rules have one); False or
    "authored": the rules' own numbers.
    lint: also report the linter's warnings in Engine.diagnostics.
    Raises RulesError, with every diagnostic, when the rules or weights do not load.
    """
    if paths is not None and text is not None:
        raise ValueError("give paths or text, not both")
    texts: list = []
    path_list: list = []
    base_count = 0  # of path_list, the rules themselves; the rest were added with "+"
    if text is not None:
        texts = [("<string>", text)] if isinstance(text, str) else list(text.items())
    else:
        given = _path_list(paths) if paths is not None else []
        added = [p[1:] for p in given if len(p) > 1 and p.startswith("+")]
        base = [p for p in given if not (len(p) > 1 and p.startswith("+"))] or [SHIPPED_RULES]
        missing = [p for p in added if not os.path.exists(p)]
        if missing:
            raise FileNotFoundError(f"rules path {missing[0]!r} (from +) does not exist")
        path_list = base + added
        base_count = len(base)
    if plugins is None:
        plugin_list = [SHIPPED_PLUGINS] if os.path.isdir(SHIPPED_PLUGINS) else []
    elif plugins is False or plugins is True:
        plugin_list = [SHIPPED_PLUGINS] if plugins else []
    else:
        plugin_list = _path_list(plugins)
    if weights is None:
        weights_arg = "default"
    elif weights is False or weights == "authored":
        weights_arg = "authored"
    else:
        weights_arg = os.fspath(weights)
    core, diagnostics, reports = _core.load(
        path_list, texts, plugin_list, weights_arg, SHIPPED_RULES, lint,
        base_count,
    )
    diagnostics = [Diagnostic(**d) for d in diagnostics]
    if core is None:
        raise RulesError(diagnostics)
    for report in reports:
        if not report["loaded"]:
            warnings.warn(f"{report['path']}: {report['reason']}", PluginWarning, stacklevel=2)
    return Engine(core, diagnostics, reports)


_default_lock = threading.Lock()
_default: Optional[Engine] = None


def default_engine() -> Engine:
    """load() with no arguments, loaded once and kept for the functions below."""
    global _default
    with _default_lock:
        if _default is None:
            _default = load()
        return _default


def evaluate(
    gold: Union[PathArg, Iterable[PathArg]], threshold: float = 0.5, engine: Optional[Engine] = None
) -> dict:
    """`demarche eval --format json` on the gold file(s), with `engine` (default: the shipped one)."""
    return (engine or default_engine()).evaluate(gold, threshold)


def classify_frame(df: Any, text_column: str, **options: Any) -> Any:
    """One row per input row, with event columns; docs/python.md shows it."""
    from ._frame import classify_frame as impl

    return impl(df, text_column, **options)


def classify_frame_long(df: Any, text_column: str, **options: Any) -> Any:
    """One row per event; docs/python.md shows it."""
    from ._frame import classify_frame_long as impl

    return impl(df, text_column, **options)

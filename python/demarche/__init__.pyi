# Type stubs for `import demarche` (python/demarche/__init__.py), for editors
# and type checkers. The records are the JSON Lines records of docs/cli.md.
import os
from typing import Any, Iterable, List, Literal, Mapping, Optional, Sequence, Tuple, TypedDict, Union

_Path = Union[str, os.PathLike[str]]

SHIPPED_RULES: str
SHIPPED_PLUGINS: str

class Evidence(TypedDict, total=False):
    rule: str  # a rule's id, or "plugin:NAME"
    spans: List[List[int]]  # [start, end] character offsets
    matched: List[str]  # the text under each span
    plugin_note: str
    weight: float  # explain() only, as are the three below
    contribution: float
    counted: bool
    note: str

class Event(TypedDict, total=False):
    type: str
    confidence: float  # in [0.001, 0.999]
    evidence: List[Evidence]
    attributes: dict[str, str]  # plugins' key=value facts (modality, source, target)
    source: Optional[str]  # who acted (the actors plugin's code), or None
    target: Optional[str]  # who was acted on, or None
    prior: float  # explain() only
    log_odds: float  # explain() only

class Cancellation(TypedDict, total=False):
    rule: str
    type: str
    spans: List[List[int]]
    matched: List[str]
    unless_spans: List[List[int]]
    unless_matched: List[str]
    missing_role: str

class PluginFault(TypedDict):
    plugin: str
    message: str

class Sentence(TypedDict, total=False):
    sentence: int  # its index in the document (0 for classify())
    start: int  # character offsets into the text given
    end: int
    text: str
    events: List[Event]  # highest confidence first, at or above the threshold
    cancelled: List[Cancellation]  # explain() only
    error: str  # the sentence could not be classified
    plugin_faults: List[PluginFault]

class Rule(TypedDict):
    id: str
    type: str
    weight: float
    authored_weight: float
    group: str
    description: str
    cameo: str
    plover: str
    references: List[str]
    source: str
    speaker: str
    target: str
    file: str
    line: int

class EventType(TypedDict):
    name: str
    prior: float
    authored_prior: float
    description: str

class PluginReport(TypedDict):
    path: str
    loaded: bool
    reason: str
    name: str
    version: str

class Diagnostic:
    severity: Literal["error", "warning", "note"]
    code: str
    file: str
    line: int
    column: int  # 1-based, in characters
    message: str
    source_line: str
    text: str
    def __init__(self, severity: str, code: str, file: str, line: int, column: int,
                 message: str, source_line: str, text: str) -> None: ...

class RulesError(Exception):
    diagnostics: List[Diagnostic]
    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None: ...

class PluginWarning(UserWarning): ...

class Engine:
    diagnostics: List[Diagnostic]
    plugin_reports: List[PluginReport]
    @property
    def plugins(self) -> List[str]: ...
    @property
    def weights(self) -> str: ...
    def classify(self, sentence: str, threshold: float = ...) -> Sentence: ...
    def classify_document(self, text: str, threshold: float = ...) -> List[Sentence]: ...
    def classify_many(self, texts: Iterable[str], jobs: Optional[int] = ..., threshold: float = ...,
                      documents: bool = ...) -> List[Any]: ...
    def segment(self, text: str) -> List[Tuple[int, int]]: ...
    def explain(self, sentence: str) -> Sentence: ...
    def rules(self) -> List[Rule]: ...
    def event_types(self) -> List[EventType]: ...
    def evaluate(self, gold: Union[_Path, Iterable[_Path]], threshold: float = ...) -> dict[str, Any]: ...
    def classify_frame(self, df: Any, text_column: str, **options: Any) -> Any: ...
    def classify_frame_long(self, df: Any, text_column: str, **options: Any) -> Any: ...

def load(paths: Union[_Path, Iterable[_Path], None] = ...,
         text: Union[str, Mapping[str, str], None] = ...,
         plugins: Union[_Path, Iterable[_Path], bool, None] = ...,
         weights: Union[_Path, bool, None] = ...,
         lint: bool = ...) -> Engine: ...
def default_engine() -> Engine: ...
def evaluate(gold: Union[_Path, Iterable[_Path]], threshold: float = ...,
             engine: Optional[Engine] = ...) -> dict[str, Any]: ...
def classify_frame(df: Any, text_column: str, *, engine: Optional[Engine] = ...,
                   jobs: Optional[int] = ..., threshold: float = ..., documents: bool = ...,
                   long: bool = ...) -> Any: ...
def classify_frame_long(df: Any, text_column: str, *, engine: Optional[Engine] = ...,
                        jobs: Optional[int] = ..., threshold: float = ...,
                        documents: bool = ...) -> Any: ...

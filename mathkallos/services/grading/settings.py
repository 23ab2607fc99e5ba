"""Per-problem checker settings: one typed record, validated once for every kind."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from .equivalence import DOMAINS
from .errors import SettingsError
from .guards import MAX_LENGTH

FORMS = ("expanded", "factored", "simplified_fraction", "no_decimals", "rectangular")
KINDS = (
    "numeric",
    "symbolic",
    "set",
    "tuple",
    "matrix",
    "interval",
    "equation",
    "complex",
    "string",
    "choice",
    "steps",
    "proof",
)


@dataclass(frozen=True)
class Settings:
    """Options a problem author may set; defaults give strict mathematical equivalence."""

    abs_tol: float | None = None
    rel_tol: float | None = None
    sig_figs: int | None = None
    exact: bool = False
    form: tuple[str, ...] = ()
    domain: str = "real"
    ordered: bool | None = None
    multiplicity: bool = False
    partial_credit: bool = False
    constant_of_integration: bool = False
    periodic: str | None = None
    case_sensitive: bool = False
    alternatives: tuple[str, ...] = ()
    regex: str | None = None
    multiple: bool | None = None
    options: tuple[str, ...] = ()
    start: str | None = None
    time_limit: float = 2.0
    max_length: int = MAX_LENGTH


_TUPLE_FIELDS = ("form", "alternatives", "options")
_TYPES: dict[str, tuple[type, ...]] = {
    "abs_tol": (int, float),
    "rel_tol": (int, float),
    "sig_figs": (int,),
    "exact": (bool,),
    "domain": (str,),
    "ordered": (bool,),
    "multiplicity": (bool,),
    "partial_credit": (bool,),
    "constant_of_integration": (bool,),
    "periodic": (str, int, float),
    "case_sensitive": (bool,),
    "regex": (str,),
    "multiple": (bool,),
    "start": (str,),
    "time_limit": (int, float),
    "max_length": (int,),
}
_KNOWN = frozenset(f.name for f in fields(Settings))
_DEFAULTS = Settings()


def build_settings(raw: dict[str, Any]) -> Settings:
    """Validate keyword settings; raise SettingsError naming every bad entry."""
    if not raw:
        return _DEFAULTS
    errors = [f"unknown setting '{name}'" for name in raw if name not in _KNOWN]
    values: dict[str, Any] = {}
    for name, value in raw.items():
        if name not in _KNOWN or value is None:
            continue
        if name in _TUPLE_FIELDS:
            value = (value,) if isinstance(value, str) else value
            if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
                errors.append(f"setting '{name}' must be a string or a list of strings")
                continue
            value = tuple(value)
        elif not isinstance(value, _TYPES[name]) or (
            isinstance(value, bool) and bool not in _TYPES[name]
        ):
            errors.append(f"setting '{name}' has the wrong type ({type(value).__name__})")
            continue
        values[name] = value if name != "periodic" else str(value)
    errors += _semantic_errors(values)
    if errors:
        raise SettingsError("; ".join(errors))
    return Settings(**values)


def _semantic_errors(values: dict[str, Any]) -> list[str]:
    errors = [
        f"unknown form '{form}' (use {', '.join(FORMS)})"
        for form in values.get("form", ())
        if form not in FORMS
    ]
    if values.get("domain", "real") not in DOMAINS:
        errors.append(f"domain must be one of {', '.join(DOMAINS)}")
    for name in ("abs_tol", "rel_tol", "time_limit"):
        if values.get(name, 0) < 0:
            errors.append(f"setting '{name}' must not be negative")
    if values.get("sig_figs", 1) < 1:
        errors.append("setting 'sig_figs' must be at least 1")
    return errors

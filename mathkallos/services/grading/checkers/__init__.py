"""One checker per answer kind."""

from __future__ import annotations

from .base import KindChecker
from .collections import MATRIX, SET, TUPLE
from .equations import EQUATION
from .intervals import INTERVAL
from .numeric import NUMERIC
from .steps import STEPS
from .symbolic import COMPLEX, SYMBOLIC
from .text import CHOICE, PROOF, STRING

CHECKERS: dict[str, KindChecker] = {
    "numeric": NUMERIC,
    "symbolic": SYMBOLIC,
    "set": SET,
    "tuple": TUPLE,
    "matrix": MATRIX,
    "interval": INTERVAL,
    "equation": EQUATION,
    "complex": COMPLEX,
    "string": STRING,
    "choice": CHOICE,
    "steps": STEPS,
    "proof": PROOF,
}

"""Exercise every kind once, so that sympy's lazy imports and first-use set-up are paid early.

Imported by the forkserver (see ``pool.py``): workers forked from it start warm, so neither the
first student after a restart nor a worker replaced after a time-out pays hundreds of ms.
"""

from __future__ import annotations

import gc

from .engine import check_answer_unbounded

_SAMPLES = (
    ("2t+sin(t)^2+cos(t)^2", "1+2t", "symbolic", {}),
    ("(t+1)^2", "t^2+2t+1", "symbolic", {"form": "expanded"}),
    ("(t-1)(t+1)", "t^2-1", "symbolic", {"form": ["factored", "simplified_fraction"]}),
    ("ln|t| + C", "ln|t|", "symbolic", {"constant_of_integration": True}),
    ("5pi/6 + 2pi n", "5pi/6", "symbolic", {"periodic": "2pi"}),
    (r"\frac{\sqrt{3}}{2}", "sin(pi/3)", "numeric", {}),
    ("0.866", "sqrt(3)/2", "numeric", {"sig_figs": 3}),
    ("3 e^(i pi/4)", "3cis(pi/4)", "complex", {}),
    ("{5, 7}", "{7, 5}", "set", {}),
    ("(5, 7)", "[5, 7]", "tuple", {}),
    ("[[5, 7], [1, 0]]", r"\begin{pmatrix} 5 & 7 \\ 1 & 0 \end{pmatrix}", "matrix", {}),
    ("t>=7 or |t|<1", "(-1, 1) U [7, inf)", "interval", {}),
    ("sqrt(t) <= 3", "[0, 9]", "interval", {}),
    ("t=5 or t=-5", "t^2=25", "equation", {}),
    ("u = 3t - 1", "3t - u = 1", "equation", {}),
    ("t+u=5 and t-u=1", "t=3 and u=2", "equation", {}),
    ("t^2=-4", "t=2i or t=-2i", "equation", {"domain": "complex"}),
    ("2t=10; t=5", "t=5", "steps", {}),
    ("Seven", "seven", "string", {}),
    ("B", "B", "choice", {"options": ["A", "B"]}),
)


def warm_up() -> None:
    """Grade a few answers of every kind (results are discarded, failures ignored).

    A failure here must never stop the forkserver or a worker from starting: the checks they
    serve report their own errors.
    """
    for answer, key, kind, settings in _SAMPLES:
        try:
            check_answer_unbounded(answer, key, kind, **settings)
        except Exception:  # noqa: S112 - warming is best effort
            continue


warm_up()
# Keep the warmed objects out of the children's garbage collections: a full collection in a
# forked worker would otherwise touch (and copy) every page inherited from the forkserver.
gc.freeze()

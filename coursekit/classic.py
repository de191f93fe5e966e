"""Errors that code written for the classic notebooks meets here, explained in a student's terms.

Many students know the classic version of these assignments (2017-2024). Their code is usually
right, but some of its surroundings changed: numpy 2 refuses ``float()`` of a one-element array,
a name the classic notebook imported may not be imported here, and a few functions take other
arguments. :func:`explain_error` turns such an error into one or two sentences that say what to
change; the visible checks (:func:`coursekit.checks.expect`) and the hidden tests both use it.
"""
import os
import re

import numpy as np

_KERAS_LAYERS = ("Activation", "Add", "AveragePooling2D", "BatchNormalization", "Concatenate", "Conv2D",
                 "Conv2DTranspose", "Dense", "Dropout", "Flatten", "GlobalAveragePooling2D", "GlobalMaxPooling2D",
                 "Input", "Lambda", "MaxPooling2D", "ReLU", "Reshape", "UpSampling2D", "ZeroPadding2D")

#: Names the classic notebooks imported in their first cells -> the line that imports each.
IMPORTS = {
    "math": "import math", "copy": "import copy", "time": "import time", "np": "import numpy as np",
    "plt": "import matplotlib.pyplot as plt", "h5py": "import h5py", "scipy": "import scipy",
    "tf": "import tensorflow as tf", "tfl": "import tensorflow.keras.layers as tfl",
    "layers": "from tensorflow.keras import layers", "K": "from tensorflow.keras import backend as K",
    "Model": "from tensorflow.keras.models import Model", "Sequential": "from tensorflow.keras.models import Sequential",
    "load_model": "from tensorflow.keras.models import load_model",
    "glorot_uniform": "from tensorflow.keras.initializers import glorot_uniform",
    "random_uniform": "from tensorflow.keras.initializers import random_uniform",
    **{name: f"from tensorflow.keras.layers import {name}" for name in _KERAS_LAYERS},
}


#: What to change when a function drew its random numbers from numpy's global generator.
GLOBAL_RANDOM = ("the random numbers came from numpy's global generator (np.random.seed, np.random.randn, "
                 "np.random.rand, np.random.permutation), as in the classic notebooks. This course passes the "
                 "randomness in (rng, or a seed): start with rng = np.random.default_rng(rng) (or (seed)) and draw "
                 "from it, rng.standard_normal(shape), rng.random(shape), rng.permutation(m), so that the same "
                 "argument gives the same numbers whatever ran before.")

#: This course's name of a function -> the classic notebooks' name for the same exercise.
RENAMED = {"compute_total_loss": "compute_cost"}

#: A phrase of each explanation :func:`explain_error` gives (the tests look for them in feedback).
PHRASES = ("the classic notebooks called this function", "is not imported in this notebook", "is not defined where your function runs", "is an error in numpy 2",
           "this course calls", "writes into the caller's dictionary", "numpy's global generator", "Work on a copy")


def _fingerprint():
    _, keys, position, has_gauss, cached = np.random.get_state()
    return hash(keys.tobytes()), int(position), int(has_gauss), float(cached)


class GlobalRandomWatch:
    """Whether code run inside ``with GlobalRandomWatch() as watch:`` seeded or drew from numpy's
    global generator (np.random.seed, np.random.randn, ...), as the classic notebooks' code did:
    ``watch.used`` after the block.

    The generator is first moved to a fresh state, so that a call that seeds and draws exactly as
    the previous one did is seen too; when the block did not use it, its state is put back, so that
    watching changes nothing for the code that runs after.
    """

    used = False

    def __enter__(self):
        self._saved = np.random.get_state()
        np.random.seed(int.from_bytes(os.urandom(4), "little"))
        self._marker = _fingerprint()
        return self

    def __exit__(self, *exc):
        self.used = _fingerprint() != self._marker
        if not self.used:
            np.random.set_state(self._saved)
        return False


def draws_its_randomness(function):
    """True if ``function`` takes its randomness as an argument (a parameter ``rng`` or ``seed``)."""
    import inspect

    try:
        return bool({"rng", "seed"} & set(inspect.signature(function).parameters))
    except (TypeError, ValueError):
        return False


def explain_error(type_name, message, signatures=None):
    """One or two sentences on what to change, for an error that classic code typically raises, or None.

    Parameters
    ----------
    type_name : str
        The exception's type name ("NameError", "TypeError", ...).
    message : str
        Its message.
    signatures : dict of str -> str, optional
        Function name -> how this course calls it, e.g. ``{"initialize_parameters":
        "initialize_parameters(n_x, n_h, n_y, rng=None)"}``: the graded function and the helpers it
        may call, for errors about arguments.

    Returns
    -------
    explanation : str or None
    """
    message = str(message)
    if type_name == "NameError":
        match = re.search(r"name '(\w+)' is not defined", message)
        if not match:
            return None
        name = match.group(1)
        if name in RENAMED:
            return (f"{name} is not defined: the classic notebooks called this function {RENAMED[name]}; this course "
                    f"calls it {name}. Name your `def` {name}, as the exercise's cell does.")
        if name in IMPORTS:
            return (f"{name} is not imported in this notebook (the classic notebooks imported it in their first "
                    f"cell): add `{IMPORTS[name]}` at the top of your solution cell.")
        return (f"{name} is not defined where your function runs: define it inside the function, or import it "
                f"in your solution cell (a classic notebook may have made it in a cell this one does not have).")
    if type_name != "TypeError":
        return None
    if "only 0-dimensional arrays can be converted to Python scalars" in message:
        return ("float() or int() of an array that has dimensions is an error in numpy 2.4, the version this "
                "course installs; numpy 1, which the classic notebooks ran, allowed it for an array of one "
                "element, like b of shape (1, 1, 1). If the array holds one number, take it out with b.item() "
                "(or np.squeeze(b)); if it holds several, the value has the wrong shape (a sum is missing?).")
    match = re.search(r"(\w+)\(\) (takes|missing|got an unexpected keyword argument|got multiple values)", message)
    if match and signatures and match.group(1) in signatures:
        call = signatures[match.group(1)]
        note = (" It passes rng, a seed or a numpy Generator, where the classic notebooks seeded numpy's global "
                "generator inside the function: start with rng = np.random.default_rng(rng) and draw from it "
                "(rng.standard_normal(...), rng.permutation(...)).")
        return (f"this course calls {call}: keep the parameters of the exercise's `def` line, even where the "
                f"classic notebook had others." + (note if re.search(r"\brng\b", call) else ""))
    return None


def _show_with_explanation(shell, etype, value, tb, tb_offset=None):
    """IPython's handler for NameError and TypeError: the usual traceback, with the explanation
    (if there is one) added to the error's message."""
    hint = explain_error(etype.__name__, str(value))
    if hint and etype is NameError:
        # In a notebook a name is also missing when the cell that makes it has not run (yet, or
        # since the kernel restarted).
        hint = ("if a cell above defines or imports it, run the cells above first (Run > Run All Above); "
                f"otherwise: {hint}")
    text = f"Likely mistake: {hint}"
    if hint and text not in str(value):
        if len(value.args) == 1 and isinstance(value.args[0], str):
            value.args = (f"{value.args[0]}\n{text}",)
        else:
            value.add_note(text)
    shell.showtraceback((etype, value, tb), tb_offset=tb_offset)


def install():
    """In a notebook, explain the NameErrors and TypeErrors of every cell as they happen (the
    notebooks' first cell does this by importing :mod:`coursekit.checks`). Outside IPython, nothing."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None and hasattr(shell, "set_custom_exc"):
        shell.set_custom_exc((NameError, TypeError), _show_with_explanation)

"""Does the hidden-test machinery pass right answers, catch wrong ones, and name known mistakes?"""
import numpy as np
import pytest

from autograder.core import Case, Exercise, GradingError, MistakeCatalogue, grade_exercise, stable_seed


def _double(x):
    """Reference: twice x."""
    return 2 * x


def _cases(rng):
    return [Case((np.array([1.0, 2.0]),)), Case((rng.normal(size=(3, 2)),), "a random matrix")]


EXERCISE = Exercise("double", _double, _cases)
CATALOGUE = MistakeCatalogue()


@CATALOGUE.add("double", "squared x instead of doubling it.")
def double_squared(x):
    return x ** 2


@CATALOGUE.add("double", "the result lost its shape.")
def double_flat(x):
    return (2 * x).ravel()


def test_reference_passes():
    grade_exercise(EXERCISE, _double, CATALOGUE.for_exercise("double"))


def test_wrong_answer_names_input_expected_and_mistake():
    with pytest.raises(GradingError) as failure:
        grade_exercise(EXERCISE, lambda x: x ** 2, CATALOGUE.for_exercise("double"))
    message = str(failure.value)
    assert "double(x)" in message and "x = [1. 2.]" in message and "expected" in message
    assert message.count("[2. 4.]") == 1, f"the expected result is shown once:\n{message}"
    assert "Likely mistake: squared x instead" in message


def test_unknown_mistake_is_reported_without_a_diagnosis():
    with pytest.raises(GradingError) as failure:
        grade_exercise(EXERCISE, lambda x: x + 100, CATALOGUE.for_exercise("double"))
    assert "Likely mistake" not in str(failure.value)


def test_crash_is_reported_with_its_error():
    def crashes(x):
        raise ValueError("operands could not be broadcast")
    with pytest.raises(GradingError, match="raised ValueError: operands could not be broadcast"):
        grade_exercise(EXERCISE, crashes)


def test_not_implemented_is_said_plainly():
    def todo(x):
        raise NotImplementedError()
    with pytest.raises(GradingError, match="not implemented"):
        grade_exercise(EXERCISE, todo)


def test_mutating_the_input_fails_even_with_the_right_result():
    def in_place(x):
        x *= 2
        return x
    with pytest.raises(GradingError, match="changed its argument x in place"):
        grade_exercise(EXERCISE, in_place)


def test_a_changed_dictionary_is_explained_with_the_classic_habit_and_the_fix():
    def update(parameters, step):
        return {"W1": parameters["W1"] - step}

    def classic(parameters, step):
        parameters["W1"] = parameters["W1"] - step  # W = W - ... written into the caller's dictionary
        return parameters

    exercise = Exercise("update", update, lambda rng: [Case(({"W1": np.ones((2, 2))}, 0.5))])
    with pytest.raises(GradingError) as failure:
        grade_exercise(exercise, classic)
    message = str(failure.value)
    assert "changed the dictionary parameters it was given" in message
    assert "Likely mistake: parameters[key] = ... writes into the caller's dictionary" in message
    assert "copy.deepcopy(parameters)" in message and "np.array(parameters" not in message


def test_numbers_drawn_from_numpy_s_global_generator_are_named():
    """Classic code seeds and draws from np.random where the course passes rng in."""
    def reference(n, rng=None):
        return np.random.default_rng(rng).standard_normal(n)

    def classic(n, rng=None):
        np.random.seed(1)
        return np.random.randn(n)

    exercise = Exercise("draw", reference, lambda rng: [Case((3, 0))])
    with pytest.raises(GradingError, match="Likely mistake: the random numbers came from numpy's global generator"):
        grade_exercise(exercise, classic)
    with pytest.raises(GradingError) as failure:  # wrong without the global generator: no such diagnosis
        grade_exercise(exercise, lambda n, rng=None: np.zeros(n))
    assert "global generator" not in str(failure.value)


def test_not_a_function_is_reported():
    with pytest.raises(GradingError, match="should be a function"):
        grade_exercise(EXERCISE, 42)


def test_grading_is_reproducible():
    seen = []
    exercise = Exercise("double", _double, lambda rng: seen.append(rng.normal()) or [])
    grade_exercise(exercise, _double)
    grade_exercise(exercise, _double)
    assert seen[0] == seen[1]
    assert stable_seed("double") == stable_seed("double") != stable_seed("triple")


def test_mistake_becomes_student_code_named_like_the_exercise():
    code = CATALOGUE.for_exercise("double")[0].as_student_code()
    assert code.startswith("def double(x):") and "@" not in code
    namespace = {}
    exec(code, namespace)
    assert namespace["double"](3) == 9


def _helper(x):
    """Reference helper: x + 1."""
    return x + 1


def _composite(x):
    """Reference composite: calls the helper by name."""
    return 2 * _helper(x)


def test_a_composite_is_graded_with_the_reference_helpers():
    """A student whose helper is wrong loses the helper's points, not the composite's as well."""
    namespace = {"_helper": lambda x: x - 100}  # the student's broken helper, in their notebook
    exec("def student_composite(x):\n    return 2 * _helper(x)\n", namespace)
    exercise = Exercise("composite", _composite, _cases, calls=("_helper",))
    grade_exercise(exercise, namespace["student_composite"])
    with pytest.raises(GradingError):
        grade_exercise(Exercise("composite", _composite, _cases), namespace["student_composite"])


def test_a_failing_property_check_fails_the_grade_with_its_message():
    exercise = Exercise("double", _double, _cases, checks=(lambda function, rng: "not a derivative",))
    with pytest.raises(GradingError, match="not a derivative"):
        grade_exercise(exercise, _double)


def test_grading_records_the_result_for_the_visible_checks_of_later_exercises():
    from coursekit.checks import failing

    with pytest.raises(GradingError):
        grade_exercise(EXERCISE, lambda x: x)
    assert failing(["double"]) == ["double"]
    grade_exercise(EXERCISE, _double)
    assert failing(["double"]) == []


def _notebook_function(source, name, filename="/tmp/ipykernel_1/123.py", namespace=None):
    """A function as a notebook cell defines it (IPython compiles cells under such file names)."""
    namespace = {} if namespace is None else namespace
    exec(compile(source, filename, "exec"), namespace)
    return namespace[name]


def test_a_submission_that_uses_the_reference_gets_no_credit_and_is_flagged():
    import solutions.c1w2a_numpy_basics as reference
    from autograder.c1w2a_numpy_basics import grade
    from autograder.core import FLAG

    own = _notebook_function("import numpy as np\ndef L1(yhat, y):\n    return np.sum(np.abs(y - yhat))\n", "L1")
    grade("L1", own)  # the student's own work passes
    wrapper = _notebook_function("from solutions.c1w2a_numpy_basics import L1 as mine\n"
                                 "def L1(yhat, y):\n    return mine(yhat, y)\n", "L1")
    path = reference.__file__
    loaded = _notebook_function(open(path).read(), "L1", filename=path)  # the reference file read and executed
    for borrowed, why in [(reference.L1, "comes from solutions.c1w2a_numpy_basics"),
                          (wrapper, "uses mine from solutions.c1w2a_numpy_basics"), (loaded, "comes from")]:
        with pytest.raises(GradingError) as failure:
            grade("L1", borrowed)
        assert str(failure.value).startswith(FLAG) and why in str(failure.value)


@pytest.mark.parametrize("module_name, attribute", [("numpy", "allclose"), ("coursekit.checks", "describe_difference")])
def test_a_notebook_that_replaces_a_function_the_grader_uses_gets_no_credit(monkeypatch, module_name, attribute):
    import importlib

    from autograder.c1w2a_numpy_basics import grade
    from autograder.core import FLAG

    cheat = _notebook_function("def cheat(*args, **kwargs):\n    return None\n", "cheat")
    monkeypatch.setattr(importlib.import_module(module_name), attribute, cheat)
    wrong = _notebook_function("def L1(yhat, y):\n    return 0.0\n", "L1")
    with pytest.raises(GradingError, match=f"{module_name}.{attribute} was replaced by the notebook") as failure:
        grade("L1", wrong)
    assert str(failure.value).startswith(FLAG)


def test_a_call_stopped_by_the_time_limit_is_explained():
    # nbgrader interrupts a cell past its time limit: the kernel raises KeyboardInterrupt inside the
    # student's function. The student should read why, not a bare "KeyboardInterrupt".
    from autograder.c1w2a_numpy_basics import grade

    looping = _notebook_function("def L1(yhat, y):\n    raise KeyboardInterrupt\n", "L1")
    with pytest.raises(GradingError, match="L1 was interrupted before it finished: the autograder stops a cell"):
        grade("L1", looping)


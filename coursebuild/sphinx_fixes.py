"""A Sphinx extension for the book: one fix for Jupyter Book 1.0's stack, found by the browser test.

sphinx-thebe adds its configuration script once per build event, so a page can carry
``const THEBE_JS_URL = ...`` twice, and the browser stops at the second with "Identifier
'THEBE_JS_URL' has already been declared". Each script is kept once, in its first place.
"""


def _unique_scripts(app, pagename, templatename, context, doctree):
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, unique = set(), []
    for script in scripts:
        # The same script at two priorities is still the same script.
        # ... and an inline script is one whether its filename is None or "".
        key = (getattr(script, "filename", None) or "", sorted(getattr(script, "attributes", {}).items()))
        if repr(key) not in seen:
            seen.add(repr(key))
            unique.append(script)
    scripts[:] = unique


def setup(app):
    app.connect("html-page-context", _unique_scripts, priority=900)  # after the extensions that add scripts
    return {"parallel_read_safe": True, "parallel_write_safe": True}

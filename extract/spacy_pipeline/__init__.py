"""spaCy integration: a Kiwi tokenizer and the ``kotrend_glossary`` pipeline component.

Registered through entry points (see ``pyproject.toml``), so nothing is imported here:
spaCy stays an optional dependency.
"""

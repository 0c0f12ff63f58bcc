"""JSON Schemas of mandiff's public JSON output, shipped as package data.

>>> from mandiff.schema import load_schema
>>> load_schema("resolution")["$id"]
'https://mandiff.dev/schema/resolution.schema.json'
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

__all__ = ["load_schema"]


def load_schema(name: str) -> dict[str, Any]:
    """The schema ``<name>.schema.json`` of this package as a dict; ``name`` may also be the full file name.

    Example: ``load_schema("resolution")`` describes ``mandiff.parse(...).to_dict()``.
    Raises :class:`FileNotFoundError` for an unknown name.
    """
    file = name if name.endswith(".json") else f"{name}.schema.json"
    if "/" in file or "\\" in file or file.startswith("."):
        raise FileNotFoundError(f"no schema named {name!r}")
    try:
        text = resources.files(__name__).joinpath(file).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FileNotFoundError(f"no schema named {name!r} in mandiff.schema") from None
    data: dict[str, Any] = json.loads(text)
    return data

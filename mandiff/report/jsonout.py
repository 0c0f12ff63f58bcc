"""JSON report: :meth:`MandateDiff.to_dict`, the public contract described by
``mandiff/schema/diff.schema.json``. With ``--only``, ``changes`` lists only the
selected changes; ``summary`` always counts them all."""

from __future__ import annotations

import json

from mandiff.changes import MandateDiff
from mandiff.report.options import RenderOptions, selected

__all__ = ["render_json"]


def render_json(diff: MandateDiff, options: RenderOptions) -> str:
    data = diff.to_dict()
    if options.only:
        data["changes"] = [c.to_dict() for c in selected(diff, options)]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

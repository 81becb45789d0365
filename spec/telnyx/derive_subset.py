#!/usr/bin/env python3
"""Cut the messaging-numbers subset out of a full Telnyx OpenAPI spec.

    python3 spec/telnyx/derive_subset.py FULL_SPEC.yml > spec/telnyx/telnyx-messaging-numbers-subset.yml

Keeps the operations listed in operations.txt (beside this script), every component they reference
(directly or through other components), every security scheme, and the tags those operations use.
Nothing is reworded. Needs PyYAML (Debian: python3-yaml).
"""
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


def wanted_operations():
    ops = {}
    for line in (HERE / "operations.txt").read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        path, *methods = line.split()
        ops[path] = methods
    return ops


def refs(node):
    """Every local $ref under node, as ("schemas", "Name") pairs."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith("#/components/"):
                _, _, kind, name = value.split("/", 3)
                yield kind, name
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from refs(item)


def derive(full):
    paths = {}
    for path, methods in wanted_operations().items():
        item = full["paths"].get(path)
        if item is None:
            sys.exit(f"{path} is not in this spec: update operations.txt")
        missing = [m for m in methods if m not in item]
        if missing:
            sys.exit(f"{path} has no {', '.join(missing)} in this spec: update operations.txt")
        paths[path] = {m: item[m] for m in methods}

    components = {"securitySchemes": full["components"].get("securitySchemes", {})}
    todo = list(refs(paths))
    seen = set()
    while todo:
        kind, name = todo.pop()
        if (kind, name) in seen:
            continue
        seen.add((kind, name))
        node = full["components"][kind][name]
        components.setdefault(kind, {})[name] = node
        todo.extend(refs(node))
    components = {k: dict(sorted(v.items())) for k, v in sorted(components.items())}

    used_tags = {t for item in paths.values() for op in item.values() for t in op.get("tags", [])}
    out = {
        "openapi": full["openapi"],
        "info": full["info"],
        "servers": full["servers"],
        "security": full.get("security", []),
        "tags": [t for t in full.get("tags", []) if t["name"] in used_tags],
        "paths": paths,
        "components": components,
    }
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        full = yaml.safe_load(f)
    yaml.safe_dump(derive(full), sys.stdout, sort_keys=False, allow_unicode=True, width=160)


if __name__ == "__main__":
    main()

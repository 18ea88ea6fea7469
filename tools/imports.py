"""Report import circles and in-function imports of first-party modules.

For each first-party package this prints the module-level import cycles (strongly
connected components of its module graph) and how many imports of first-party
modules sit inside functions. ``from pkg import name`` counts as importing the
submodule ``pkg.name`` when that is a module, else ``pkg/__init__``; importing
``pkg.sub`` counts as importing ``pkg.sub`` only, as in import-linter's graph.
With ``--strict`` it also counts as importing ``pkg/__init__`` (Python runs that
first) unless ``pkg`` encloses the importer: a models package whose page model
routes to views that import its sibling models shows up only there.
Imports under ``if TYPE_CHECKING:`` are left out, and so are migrations and tests.
Usage: ``python tools/imports.py [--list] [app ...]``.
"""

import argparse
import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP_DIRS = {"migrations", "tests", "tools", "benchmarks", "node_modules", "static"}


def first_party_packages() -> list[str]:
    return sorted(
        p.name
        for p in ROOT.iterdir()
        if p.is_dir() and (p / "__init__.py").exists() and p.name not in SKIP_DIRS
    )


def module_files(package: str) -> dict[str, Path]:
    modules = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if any(part in SKIP_DIRS for part in parts):
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


def resolve(module: str, node: ast.ImportFrom, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    if node.level > 1:
        base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imported(module, tree, is_package, known):
    """Yield (statement, target module, in_function) for first-party imports."""

    def walk(node, in_function):
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(
                child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
            )
            if isinstance(child, ast.Import):
                for alias in child.names:
                    yield child, alias.name, nested
            elif isinstance(child, ast.ImportFrom):
                target = resolve(module, child, is_package)
                for alias in child.names:
                    candidate = f"{target}.{alias.name}"
                    yield child, (candidate if candidate in known else target), nested
            elif isinstance(child, ast.If) and _is_type_checking(child.test):
                continue
            else:
                yield from walk(child, nested)

    for statement, target, in_function in walk(tree, False):
        if target.split(".")[0] in TOP_LEVEL:
            yield statement, target, in_function


def _is_type_checking(test) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def targets(module: str, target: str, known: set[str], strict: bool) -> list[str]:
    """The modules that count as imported when ``module`` imports ``target``."""
    parts = target.split(".")
    names = [".".join(parts[:end]) for end in range(1, len(parts) + 1)]
    if not strict:
        names = [name for name in names if name in known][-1:]
    enclosing = {".".join(module.split(".")[:end]) for end in range(1, 99)}
    return [name for name in names if name in known and name not in enclosing]


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    index, low, stack, on_stack, result = {}, {}, [], set(), []
    counter = [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for succ in graph.get(node, ()):
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph.get(node, ()):
                result.append(sorted(component))

    sys.setrecursionlimit(10000)
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return result


TOP_LEVEL = set(first_party_packages())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("packages", nargs="*", help="default: every package")
    parser.add_argument("--list", action="store_true", help="list in-function imports")
    parser.add_argument("--strict", action="store_true", help="count package inits")
    args = parser.parse_args()
    modules = {}
    for package in TOP_LEVEL:
        modules.update(module_files(package))
    known = set(modules)
    totals = [0, 0, 0]
    for package in args.packages or sorted(TOP_LEVEL):
        graph: dict[str, set[str]] = defaultdict(set)
        hidden: dict[str, set[str]] = defaultdict(set)
        local = {}
        for module, path in modules.items():
            if module.split(".")[0] != package:
                continue
            graph[module], hidden[module]
            tree = ast.parse(path.read_text(), str(path))
            is_package = path.name == "__init__.py"
            for statement, target, nested in imported(module, tree, is_package, known):
                if nested:
                    local[module, statement.lineno, statement.col_offset] = (
                        f"{module}:{statement.lineno} -> {target}"
                    )
                for name in targets(module, target, known, args.strict):
                    if name.split(".")[0] == package and name != module:
                        hidden[module].add(name)
                        if not nested:
                            graph[module].add(name)
        cycles = strongly_connected(graph)
        all_cycles = strongly_connected(hidden)
        for i, n in enumerate((len(cycles), len(all_cycles), len(local))):
            totals[i] += n
        print(
            f"{package}: {len(cycles)} module-level circle(s) "
            f"({sum(map(len, cycles))} modules), {len(all_cycles)} counting "
            f"in-function imports ({sum(map(len, all_cycles))} modules), "
            f"{len(local)} in-function import(s)"
        )
        for cycle in cycles:
            print("  circle: " + ", ".join(cycle))
        for cycle in all_cycles:
            if cycle not in cycles:
                print("  circle through in-function imports: " + ", ".join(cycle))
        if args.list:
            for line in local.values():
                print("  local: " + line)
    print(
        f"total: {totals[0]} module-level circle(s), {totals[1]} counting "
        f"in-function imports, {totals[2]} in-function import(s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

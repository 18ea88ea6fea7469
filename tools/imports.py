"""Import circles and in-function imports of our own modules.

    python tools/imports.py            # a table per app
    python tools/imports.py --list     # and every circle and in-function import
    python tools/imports.py --check    # exit 1 on any circle, hidden ones too

A module imports another when it names it at module level (class bodies
included, ``if TYPE_CHECKING:`` blocks left out). ``from pkg import name``
points at ``pkg.name`` when that is a module, else at ``pkg`` (its
``__init__``), as import-linter reads it. With ``--strict``, importing
``pkg.mod`` also counts as importing ``pkg/__init__``, which Python runs first
unless the importer lives in ``pkg``: a model package whose page module uses
selectors that import a model module shows up as a circle there, harmless as
long as Django imports the models package first (it always does).

A circle is a group of modules that reach each other through such imports
(a strongly connected component of more than one module).
Imports inside functions are counted apart: they run late and hide circles.
Those that Django requires (``AppConfig.ready``) are shown separately;
"hidden" circles are those that appear once in-function imports count too.
Migrations, tests and the project's scripts are left out.
"""

import argparse
import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIPPED_PARTS = {"migrations", "tests", ".venv", "var", "node_modules"}


def packages(root: Path) -> list[str]:
    return sorted(
        path.parent.name
        for path in root.glob("*/__init__.py")
        if path.parent.name not in SKIPPED_PARTS
    )


def modules(root: Path, names: list[str]) -> dict[str, Path]:
    found = {}
    for name in names:
        for path in sorted((root / name).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            if SKIPPED_PARTS.intersection(parts):
                continue
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


class Imports(ast.NodeVisitor):
    """Collects (target, line, where) for every import; ``where`` is None at
    module level, else the name of the enclosing function."""

    def __init__(self, module: str, is_package: bool, known: set[str]):
        self.package = module if is_package else module.rpartition(".")[0]
        self.known = known
        self.function: list[str] = []
        self.found: list[tuple[str, int, str | None]] = []

    def _add(self, target: str, line: int) -> None:
        while target and target not in self.known:
            target = target.rpartition(".")[0]
        if target:
            where = self.function[-1] if self.function else None
            self.found.append((target, line, where))

    def visit_FunctionDef(self, node):
        self.function.append(node.name)
        self.generic_visit(node)
        self.function.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_If(self, node):
        if _is_type_checking(node):
            for child in node.orelse:
                self.visit(child)
            return
        self.generic_visit(node)

    def visit_Import(self, node):
        for alias in node.names:
            self._add(alias.name, node.lineno)

    def visit_ImportFrom(self, node):
        if node.level:
            base = self.package.split(".")
            base = base[: len(base) - node.level + 1]
            prefix = ".".join(base + ([node.module] if node.module else []))
        else:
            prefix = node.module or ""
        for alias in node.names:
            candidate = f"{prefix}.{alias.name}"
            self._add(candidate if candidate in self.known else prefix, node.lineno)


def _packages_run_first(importer: str, target: str, known: set[str]) -> set[str]:
    """The ``__init__`` modules Python runs before ``target``: its packages,
    except those ``importer`` lives in (already running when it imports)."""
    parts = target.split(".")
    found = set()
    for end in range(1, len(parts)):
        package = ".".join(parts[:end])
        if package in known and not (importer + ".").startswith(package + "."):
            found.add(package)
    return found


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components with more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(start: str) -> None:
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter[0]
        counter[0] += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets = work[-1]
            for target in targets:
                if target not in index:
                    index[target] = low[target] = counter[0]
                    counter[0] += 1
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph[target]))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def measure(root: Path, strict: bool = False):
    names = packages(root)
    found = modules(root, names)
    known = set(found)
    graph: dict[str, set[str]] = defaultdict(set)
    late: dict[str, set[str]] = defaultdict(set)
    local: list[tuple[str, int, str, str]] = []
    for module, path in found.items():
        visitor = Imports(module, path.name == "__init__.py", known)
        visitor.visit(ast.parse(path.read_text(), str(path)))
        graph[module]
        late[module]
        for target, line, where in visitor.found:
            if target == module:
                continue
            if where is None:
                graph[module].add(target)
                if strict:
                    graph[module].update(_packages_run_first(module, target, known))
            else:
                local.append((module, line, where, target))
                if where != "ready":
                    late[module].add(target)
    for module, targets in graph.items():
        late[module] |= targets
    return names, found, graph, circles(graph), circles(late), local


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--check", action="store_true")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="count the package __init__ an import runs first (see the docstring)",
    )
    args = parser.parse_args(argv)
    measured = measure(args.root, strict=args.strict)
    names, found, graph, found_circles, late_circles, local = measured

    per_app = defaultdict(lambda: [0, 0, 0, 0, 0])
    for module in found:
        per_app[module.split(".")[0]][0] += 1
    for circle in found_circles:
        per_app[circle[0].split(".")[0]][1] += 1
    for module, _line, where, _target in local:
        per_app[module.split(".")[0]][2 if where != "ready" else 3] += 1
    for circle in late_circles:
        per_app[circle[0].split(".")[0]][4] += 1
    header = ("app", "modules", "circles", "in-function", "in ready()", "hidden")
    print("{:<14}{:>8}{:>8}{:>12}{:>11}{:>8}".format(*header))
    rows = [(name, *per_app[name]) for name in names]
    rows.append(("total", *(sum(row[i] for row in rows) for i in range(1, 6))))
    for row in rows:
        print("{:<14}{:>8}{:>8}{:>12}{:>11}{:>8}".format(*row))
    print(
        "hidden: circles once in-function imports count too (those in ready() do not)"
    )

    if args.list:
        for circle in late_circles:
            kind = "circle" if circle in found_circles else "hidden circle"
            print(f"\n{kind} of {len(circle)}: " + ", ".join(circle))
        if local:
            print("\nin-function imports of our own modules:")
        for module, line, where, target in sorted(local):
            place = found[module].relative_to(args.root)
            print(f"  {place}:{line} in {where}(): {target}")
    if args.check and late_circles:
        print(f"\n{len(late_circles)} import circle(s); see --list", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

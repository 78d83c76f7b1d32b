"""A small taint check over source code: which SQL strings are built from anything but code.

A *sink* is the SQL argument of ``.execute``, ``.executemany``, ``.sql`` or ``.query``, or a
parameter of a private helper (``_rows(con, sql)``) that passes it on to one; the arguments of
a public function are input, never SQL. SQL reaching a sink is
*trusted* when it is made only of literals: string constants; module constants (also those
imported from another module of the package); loop variables over trusted collections; local
variables whose every assignment is trusted; f-strings, ``%``, ``+``, ``.format`` and
``.join`` of trusted parts; calls of functions whose arguments are trusted (a package
function counts when what it returns is trusted too); and the statements of the package's
own SQL files, read by ``named_queries("stage")`` (a literal stage name: a file shipped in
``store/sql/queries/``, as much code as a string constant). Anything that comes from a
parameter, a query result or a file named by the user is untrusted: it must go in as a ``?``
parameter.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Reviewed", "Site", "package_sources", "untrusted_sql"]

SINK_METHODS = frozenset({"execute", "executemany", "sql", "query"})
# Package functions that return the package's own SQL files by literal name.
SQL_FILE_READERS = frozenset({("evidence.store.queries", "named_queries")})
MUTATORS = frozenset({"append", "extend", "add", "update", "insert", "setdefault"})
PURE_BUILTINS = frozenset(
    {"str", "int", "float", "len", "sorted", "list", "tuple", "set", "range", "enumerate", "zip"}
)


@dataclass(frozen=True, slots=True)
class Site:
    """A sink whose SQL is not trusted: where it is and the expression."""

    module: str
    function: str
    line: int
    sql: str

    def __str__(self) -> str:
        return f"{self.module}:{self.line} in {self.function}: {self.sql}"


@dataclass
class _Module:
    name: str
    tree: ast.Module
    functions: dict[str, ast.FunctionDef] = field(default_factory=dict)
    bindings: dict[str, list[ast.expr]] = field(default_factory=dict)
    imports: dict[str, tuple[str, str]] = field(default_factory=dict)
    modules: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    sinks: dict[str, set[int]] = field(default_factory=dict)  # function → parameter indexes


Reviewed = frozenset[tuple[str, str, str]]


class _Checker:
    def __init__(self, sources: dict[str, str], reviewed: Reviewed = frozenset()) -> None:
        self.reviewed = reviewed
        self.modules = {name: self._index(name, text) for name, text in sources.items()}
        self._returns: dict[tuple[str, str], bool] = {}
        self._parents: dict[ast.AST, ast.AST] = {
            child: node
            for module in self.modules.values()
            for node in ast.walk(module.tree)
            for child in ast.iter_child_nodes(node)
        }

    @staticmethod
    def _index(name: str, text: str) -> _Module:
        module = _Module(name, ast.parse(text))
        for node in module.tree.body:
            if isinstance(node, ast.FunctionDef):
                module.functions[node.name] = node
            elif isinstance(node, ast.ClassDef):
                module.classes.add(node.name)
            elif isinstance(node, ast.Assign):
                for target in node.targets:
                    for leaf in _names(target):
                        module.bindings.setdefault(leaf, []).append(node.value)
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                for leaf in _names(node.target):
                    module.bindings.setdefault(leaf, []).append(node.value)
            elif isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    module.imports[alias.asname or alias.name] = (node.module, alias.name)
            elif isinstance(node, ast.Import):
                module.modules.update((a.asname or a.name).split(".")[0] for a in node.names)
        return module

    # -- which parameters of which functions are sinks -------------------------------------

    def find_sinks(self) -> None:
        changed = True
        while changed:
            changed = False
            for module in self.modules.values():
                for fn in module.functions.values():
                    if not fn.name.startswith("_"):
                        continue  # a public function's arguments are input, not SQL
                    params = _params(fn)
                    for _, arg in self._sink_args(module, fn):
                        for i, name in enumerate(params):
                            if i in module.sinks.get(fn.name, set()):
                                continue
                            others = frozenset(params) - {name}
                            if not self.trusted(arg, module, fn, others):
                                module.sinks.setdefault(fn.name, set()).add(i)
                                changed = True

    def _sink_args(self, module: _Module, fn: ast.FunctionDef) -> Iterator[tuple[int, ast.expr]]:
        for node in ast.walk(fn):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            if (module.name, fn.name, ast.unparse(node.args[0])) in self.reviewed:
                continue
            target = self._resolve(node.func, module)
            if target is not None:
                owner, callee = target
                for i in owner.sinks.get(callee.name, set()):
                    if i < len(node.args):
                        yield node.lineno, node.args[i]
            elif isinstance(node.func, ast.Attribute) and node.func.attr in SINK_METHODS:
                yield node.lineno, node.args[0]

    def _resolve(self, func: ast.expr, module: _Module) -> tuple[_Module, ast.FunctionDef] | None:
        """The package function a call goes to: by name (through imports and re-exports) or
        as ``submodule.function``."""
        if isinstance(func, ast.Name):
            return self._function(func.id, module)
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            alias = func.value.id
            source = module.imports.get(alias)
            dotted = f"{source[0]}.{source[1]}" if source else alias
            other = self.modules.get(dotted)
            if other is not None:
                return self._function(func.attr, other)
        return None

    def sites(self) -> Iterator[Site]:
        for module in self.modules.values():
            for fn in _functions(module.tree):
                params = _params(fn)
                own = {params[i] for i in module.sinks.get(fn.name, set()) if i < len(params)}
                for line, arg in self._sink_args(module, fn):
                    if not self.trusted(arg, module, fn, frozenset(own)):
                        yield Site(module.name, fn.name, line, ast.unparse(arg))

    # -- trust -----------------------------------------------------------------------------

    def trusted(
        self,
        node: ast.expr,
        module: _Module,
        fn: ast.FunctionDef | None,
        params: frozenset[str],
        seen: frozenset[str] = frozenset(),
    ) -> bool:
        def ok(child: ast.expr | None) -> bool:
            return child is None or self.trusted(child, module, fn, params, seen)

        if isinstance(node, ast.Constant):
            return True
        if isinstance(node, ast.JoinedStr):
            return all(ok(v) for v in node.values)
        if isinstance(node, ast.FormattedValue):
            return ok(node.value) and ok(node.format_spec)
        if isinstance(node, ast.BinOp):
            return ok(node.left) and ok(node.right)
        if isinstance(node, ast.IfExp):
            return ok(node.body) and ok(node.orelse)
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            return all(ok(e) for e in node.elts)
        if isinstance(node, ast.Dict):
            return all(ok(k) for k in node.keys) and all(ok(v) for v in node.values)
        if isinstance(node, ast.Starred):
            return ok(node.value)
        if isinstance(node, ast.Subscript):
            return ok(node.value) and ok(node.slice)
        if isinstance(node, ast.Attribute):
            return ok(node.value)
        if isinstance(node, ast.GeneratorExp | ast.ListComp | ast.SetComp):
            return all(ok(g.iter) for g in node.generators) and ok(node.elt)
        if isinstance(node, ast.Call):
            return self._call(node, module, fn, params, seen)
        if isinstance(node, ast.Name):
            loop = self._enclosing_loop(node)
            if loop is not None:  # a loop variable: the loop it is used in says what it is
                return ok(loop)
            return self._name(node.id, module, fn, params, seen)
        return False

    def _enclosing_loop(self, use: ast.Name) -> ast.expr | None:
        """The collection of the innermost loop (or comprehension) around ``use`` that
        binds its name, or None."""
        node: ast.AST = use
        while (parent := self._parents.get(node)) is not None:
            loops: list[ast.For | ast.comprehension] = []
            if isinstance(parent, ast.For) and node is not parent.iter:
                loops = [parent]
            elif isinstance(parent, ast.GeneratorExp | ast.ListComp | ast.SetComp):
                loops = list(parent.generators)
            for loop in loops:
                if use.id in _names(loop.target) and loop.iter is not use:
                    return loop.iter
            if isinstance(parent, ast.FunctionDef):
                return None
            node = parent
        return None

    def _call(
        self,
        node: ast.Call,
        module: _Module,
        fn: ast.FunctionDef | None,
        params: frozenset[str],
        seen: frozenset[str],
    ) -> bool:
        args = [*node.args, *(k.value for k in node.keywords)]
        if not all(self.trusted(a, module, fn, params, seen) for a in args):
            return False
        func = node.func
        if isinstance(func, ast.Attribute):  # a method of a trusted value, or of a module
            return self.trusted(func.value, module, fn, params, seen)
        if isinstance(func, ast.Name):
            if func.id in PURE_BUILTINS:
                return True
            target = self._function(func.id, module)
            if target is not None and (target[0].name, target[1].name) in SQL_FILE_READERS:
                return all(isinstance(a, ast.Constant) for a in node.args)
            return target is not None and self._returns_trusted(*target)
        return False

    def _function(self, name: str, module: _Module) -> tuple[_Module, ast.FunctionDef] | None:
        for _ in range(5):  # a re-export of a re-export ...
            if name in module.functions:
                return module, module.functions[name]
            source = module.imports.get(name)
            if source is None or source[0] not in self.modules:
                return None
            module, name = self.modules[source[0]], source[1]
        return None

    def _returns_trusted(self, module: _Module, fn: ast.FunctionDef) -> bool:
        key = (module.name, fn.name)
        if key not in self._returns:
            self._returns[key] = True  # recursion: assume, then check
            params = frozenset(_params(fn))  # its arguments were trusted
            self._returns[key] = all(
                r.value is None or self.trusted(r.value, module, fn, params)
                for r in ast.walk(fn)
                if isinstance(r, ast.Return)
            )
        return self._returns[key]

    def _name(
        self,
        name: str,
        module: _Module,
        fn: ast.FunctionDef | None,
        params: frozenset[str],
        seen: frozenset[str],
    ) -> bool:
        if name in seen:
            return True  # x = x + "..." : as trusted as its other parts
        seen = seen | {name}
        if fn is not None:
            if name in _params(fn):
                return name in params
            local = list(_local_bindings(fn, name))
            if local:
                return all(self.trusted(v, module, fn, params, seen) for v in local)
        if name in module.bindings:
            return all(
                self.trusted(v, module, None, frozenset(), seen) for v in module.bindings[name]
            )
        if name in module.modules or name in module.functions or name in module.classes:
            return True
        source = module.imports.get(name)
        if source is None:
            return False
        if source[0] not in self.modules:  # a name from a library (pa, duckdb, ...)
            return True
        other = self.modules[source[0]]
        return self._name(source[1], other, None, frozenset(), frozenset())


def _names(target: ast.expr) -> Iterator[str]:
    if isinstance(target, ast.Name):
        yield target.id
    elif isinstance(target, ast.Tuple | ast.List):
        for element in target.elts:
            yield from _names(element)
    elif isinstance(target, ast.Starred):
        yield from _names(target.value)


def _base(node: ast.Subscript) -> str | None:
    return node.value.id if isinstance(node.value, ast.Name) else None


def _params(fn: ast.FunctionDef) -> list[str]:
    a = fn.args
    return [p.arg for p in [*a.posonlyargs, *a.args, *a.kwonlyargs]] + [
        p.arg for p in (a.vararg, a.kwarg) if p is not None
    ]


def _functions(tree: ast.Module) -> Iterator[ast.FunctionDef]:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            yield node


def _local_bindings(fn: ast.FunctionDef, name: str) -> Iterator[ast.expr]:
    """Every value ``name`` is given in ``fn``: assignments, loops, comprehensions, with."""
    for node in ast.walk(fn):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if name in _names(target):
                    yield node.value
                elif isinstance(target, ast.Subscript) and _base(target) == name:
                    yield from (target.slice, node.value)  # x[k] = v
        elif isinstance(node, ast.AnnAssign | ast.AugAssign | ast.NamedExpr):
            if name in _names(node.target) and node.value is not None:
                yield node.value
        elif isinstance(node, ast.For | ast.comprehension) and name in _names(node.target):
            yield node.iter
        elif isinstance(node, ast.withitem) and node.optional_vars is not None:
            if name in _names(node.optional_vars):
                yield node.context_expr
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            # x.append(v), x.extend(vs), x.update(...): what goes in is what x holds
            receiver = node.func.value
            if (
                isinstance(receiver, ast.Name)
                and receiver.id == name
                and node.func.attr in MUTATORS
            ):
                yield from node.args


def untrusted_sql(sources: dict[str, str], reviewed: Reviewed = frozenset()) -> list[Site]:
    """The sinks of these modules (dotted name → source text) whose SQL is not trusted.

    ``reviewed`` holds (module, function, SQL expression) of sinks a person has checked by
    hand; they are neither reported nor followed back to their callers.
    """
    checker = _Checker(sources, reviewed)
    checker.find_sinks()
    return sorted(checker.sites(), key=lambda s: (s.module, s.line))


def package_sources(root: Path, package: str = "evidence") -> dict[str, str]:
    """Dotted module name → source text of every module under ``root / package``."""
    out = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path.read_text(encoding="utf-8")
    return out

"""The expression language of derived values and ``when:`` conditions: parse once, interpret twice.

An expression is parsed here, once, with Python's own parser (:mod:`ast`) and only a small set of
its nodes allowed: numbers, text in quotes, names of parameters and derived values, the operators
``+ - * / // % **``, comparisons, ``and``/``or``/``not``, and the functions ``ceil``, ``floor``,
``round``, ``min``, ``max``, ``abs``. No attribute access, no subscripts, no other calls, no
lambdas or comprehensions: anything else is refused with the place where it is.

The result is a small JSON tree (``{"k": "bin", "op": "/", "a": ..., "b": ...}``) embedded in the
SLA page, where ``sla-form.js`` interprets it with the same rules as :func:`evaluate` below: one
parser, two tiny interpreters. Every number, literal or computed, must stay within
``numbers.MAX_ABS``; a division by zero or a result out of range is an :class:`EvalError` that
names the part of the expression and the values involved.

Arithmetic is IEEE double arithmetic in both languages (Python's ``float``, JavaScript's
``number``), so the same operations in the same order give the same bits. Where the two
languages' built-ins differ (``//``, ``%``, ``**``, ``round``) the operation is defined here from
``/``, ``*`` and :mod:`.numbers` instead of the built-in.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Iterator, Mapping
from typing import Any

from ..tr import tr, tr_n
from . import numbers

Node = dict[str, Any]

MAX_SOURCE = 500
MAX_NODES = 200
MAX_DEPTH = 30
MAX_POWER = 64
FUNCTIONS = {"ceil": (1, 1), "floor": (1, 1), "round": (1, 2), "abs": (1, 1), "min": (2, 20),
             "max": (2, 20)}
_BINARY = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//",
           ast.Mod: "%", ast.Pow: "**"}
_COMPARE = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}


def _not_allowed(node: ast.AST) -> str:
    """What an expression may not hold, said of ``node``'s kind (one whole message each)."""
    if isinstance(node, ast.Attribute):
        return tr("attribute access (a.b) is not allowed in an expression")
    if isinstance(node, ast.Subscript):
        return tr("subscripts (a[b]) are not allowed in an expression")
    if isinstance(node, ast.Lambda):
        return tr("lambda is not allowed in an expression")
    if isinstance(node, ast.IfExp):
        return tr("'x if c else y' is not allowed in an expression")
    if isinstance(node, ast.List):
        return tr("lists are not allowed in an expression")
    if isinstance(node, ast.Tuple):
        return tr("tuples are not allowed in an expression")
    if isinstance(node, ast.Dict):
        return tr("mappings are not allowed in an expression")
    if isinstance(node, ast.Set):
        return tr("sets are not allowed in an expression")
    if isinstance(node, ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp):
        return tr("comprehensions are not allowed in an expression")
    if isinstance(node, ast.JoinedStr):
        return tr("f-strings are not allowed in an expression")
    if isinstance(node, ast.NamedExpr):
        return tr("':=' is not allowed in an expression")
    if isinstance(node, ast.Starred):
        return tr("'*' is not allowed in an expression")
    if isinstance(node, ast.Await):
        return tr("await is not allowed in an expression")
    if isinstance(node, ast.Yield | ast.YieldFrom):
        return tr("yield is not allowed in an expression")
    return tr("{name} is not allowed in an expression", name=type(node).__name__)


class ExprError(Exception):
    """A mistake in an expression written in a template, at character ``offset`` (0-based)."""

    def __init__(self, message: str, offset: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


class EvalError(Exception):
    """An expression that cannot be computed with these values (division by zero, overflow)."""

    def __init__(self, code: str, expr: str, values: str) -> None:
        super().__init__(f"{code}: {expr} ({values})")
        self.code = code
        self.expr = expr
        self.values = values


# -- parsing ------------------------------------------------------------------------------------

def parse(source: str) -> Node:
    """The JSON tree of ``source``, or :class:`ExprError` with the place of the first problem."""
    if "\n" in source or "\r" in source:
        raise ExprError(tr("write the expression on one line"))
    if len(source) > MAX_SOURCE:
        # English says "characters" for any count: it is always more than MAX_SOURCE.
        raise ExprError(tr_n("the expression is too long ({n} characters; at most {limit})",
                             "the expression is too long ({n} characters; at most {limit})",
                             len(source), limit=MAX_SOURCE))
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError as exc:
        offset = min(max((exc.offset or len(source) + 1) - 1, 0), len(source))
        if not exc.offset:  # Python gives no place when the expression ends too early
            offset = len(source)
        # Python's own words for the mistake (English: they come from the interpreter).
        raise ExprError(tr("this is not a valid expression ({reason})", reason=exc.msg), offset) from None
    except (ValueError, RecursionError, MemoryError):
        raise ExprError(tr("this is not a valid expression")) from None
    lead = len(source) - len(source.lstrip())
    builder = _Builder(source.strip(), lead)
    return builder.build(tree.body, 0)


class _Builder:
    def __init__(self, source: str, lead: int) -> None:
        self.source = source
        self.lead = lead
        self.count = 0
        # ast offsets are UTF-8 byte offsets; map them to character offsets.
        self.char_at: dict[int, int] = {}
        position = 0
        for index, char in enumerate(source):
            self.char_at[position] = index
            position += len(char.encode("utf-8"))
        self.char_at[position] = len(source)

    def span(self, node: ast.AST) -> list[int]:
        start = self.char_at.get(getattr(node, "col_offset", 0), 0) + self.lead
        end = self.char_at.get(getattr(node, "end_col_offset", 0) or 0, len(self.source)) + self.lead
        return [start, end]

    def fail(self, node: ast.AST, message: str) -> ExprError:
        return ExprError(message, self.span(node)[0])

    def build(self, node: ast.AST, depth: int) -> Node:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.fail(node, tr("the expression is too complex (more than {limit} parts)",
                                     limit=MAX_NODES))
        if depth > MAX_DEPTH:
            raise self.fail(node, tr("the expression is nested too deeply (more than {limit} levels)",
                                     limit=MAX_DEPTH))
        at = self.span(node)
        down = depth + 1
        if isinstance(node, ast.Constant):
            value = node.value
            if isinstance(value, bool) or value is None:
                raise self.fail(node, tr("{value} is not allowed: use numbers and text in quotes",
                                         value=repr(value)))
            if isinstance(value, int | float):
                if not math.isfinite(value) or abs(value) > numbers.MAX_ABS:
                    raise self.fail(node, tr("this number is too large (at most 1e15)"))
                return {"k": "num", "v": float(value), "at": at}
            if isinstance(value, str):
                if len(value) > 200:
                    raise self.fail(node, tr("this text is too long (at most 200 characters)"))
                return {"k": "str", "v": value, "at": at}
            raise self.fail(node, tr("only numbers and text in quotes are allowed as values"))
        if isinstance(node, ast.Name):
            if node.id in FUNCTIONS:
                raise self.fail(node, tr("{name!r} is a function: call it, like {name}(x)", name=node.id))
            return {"k": "name", "v": node.id, "at": at}
        if isinstance(node, ast.BinOp):
            op = _BINARY.get(type(node.op))
            if op is None:
                raise self.fail(node, tr("this operator is not allowed: use + - * / // % **"))
            return {"k": "bin", "op": op, "a": self.build(node.left, down),
                    "b": self.build(node.right, down), "at": at}
        if isinstance(node, ast.UnaryOp):
            kinds = {ast.USub: "neg", ast.UAdd: "pos", ast.Not: "not"}
            kind = kinds.get(type(node.op))
            if kind is None:
                raise self.fail(node, tr("the operator '~' is not allowed"))
            return {"k": kind, "a": self.build(node.operand, down), "at": at}
        if isinstance(node, ast.BoolOp):
            kind = "and" if isinstance(node.op, ast.And) else "or"
            return {"k": kind, "args": [self.build(v, down) for v in node.values], "at": at}
        if isinstance(node, ast.Compare):
            ops = []
            for op_node in node.ops:
                op = _COMPARE.get(type(op_node))
                if op is None:
                    raise self.fail(node, tr("only == != < <= > >= are allowed as comparisons"))
                ops.append(op)
            args = [self.build(node.left, down)] + [self.build(c, down) for c in node.comparators]
            return {"k": "cmp", "ops": ops, "args": args, "at": at}
        if isinstance(node, ast.Call):
            return self.call(node, down, at)
        raise self.fail(node, _not_allowed(node))

    def call(self, node: ast.Call, down: int, at: list[int]) -> Node:
        if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
            if isinstance(node.func, ast.Attribute):
                raise self.fail(node, _not_allowed(node.func))
            name = node.func.id if isinstance(node.func, ast.Name) else "this"
            raise self.fail(node, tr("{name!r} is not a function you can call here: use {functions}",
                                     name=name, functions=", ".join(FUNCTIONS)))
        if node.keywords:
            raise self.fail(node, tr("write the arguments without names, like round(x, 2)"))
        fn = node.func.id
        low, high = FUNCTIONS[fn]
        if not low <= len(node.args) <= high:
            takes = (tr_n("{fn}() takes {n} argument", "{fn}() takes {n} arguments", high, fn=fn)
                     if low == high else
                     tr("{fn}() takes {low} to {high} arguments", fn=fn, low=low, high=high))
            given = tr_n(", but {n} is given", ", but {n} are given", len(node.args))
            raise self.fail(node, takes + given)
        return {"k": "call", "fn": fn, "args": [self.build(a, down) for a in node.args], "at": at}


# -- what an expression uses --------------------------------------------------------------------

def walk(node: Node) -> Iterator[Node]:
    yield node
    for key in ("a", "b"):
        if key in node:
            yield from walk(node[key])
    for child in node.get("args", ()):
        yield from walk(child)


def names(node: Node) -> list[str]:
    """Every name an expression uses, each once, in order of appearance."""
    seen: dict[str, None] = {}
    for item in walk(node):
        if item["k"] == "name":
            seen.setdefault(item["v"], None)
    return list(seen)


def name_nodes(node: Node) -> list[Node]:
    return [item for item in walk(node) if item["k"] == "name"]


def check_types(node: Node, types: Mapping[str, str]) -> str:
    """``number``, ``text`` or ``bool``: the type of ``node``, or :class:`ExprError` on a mismatch.

    ``types`` gives each known name's type: ``number``, ``text`` or ``list`` (not usable here).
    """
    kind = node["k"]
    start = node["at"][0]
    if kind == "num":
        return "number"
    if kind == "str":
        return "text"
    if kind == "name":
        found = types.get(node["v"])
        if found == "list":
            raise ExprError(tr("{name!r} is a list: a list cannot be used in an expression",
                               name=node["v"]), start)
        if found is None:  # pragma: no cover - unknown names are reported before types
            raise ExprError(tr("unknown name {name!r}", name=node["v"]), start)
        return found
    if kind == "bin":
        for side in (node["a"], node["b"]):
            if check_types(side, types) != "number":
                raise ExprError(tr("'{op}' works on numbers only", op=node["op"]), side["at"][0])
        return "number"
    if kind in ("neg", "pos"):
        if check_types(node["a"], types) != "number":
            raise ExprError(tr("'-' and '+' work on numbers only"), start)
        return "number"
    if kind == "not":
        if check_types(node["a"], types) != "bool":
            raise ExprError(tr("'not' needs a condition, like not (a > 1)"), start)
        return "bool"
    if kind in ("and", "or"):
        for arg in node["args"]:
            if check_types(arg, types) != "bool":
                raise ExprError(tr("'{op}' joins conditions, like a > 1 {op} b == 'x'", op=kind),
                                arg["at"][0])
        return "bool"
    if kind == "cmp":
        found_types = [check_types(arg, types) for arg in node["args"]]
        for i, op in enumerate(node["ops"]):
            left, right = found_types[i], found_types[i + 1]
            if "bool" in (left, right):
                raise ExprError(tr("compare numbers or texts, not conditions"), start)
            if left != right:
                raise ExprError(_compares(left, right), start)
            if left == "text" and op not in ("==", "!="):
                raise ExprError(tr("texts can only be compared with == and !="), start)
        return "bool"
    if kind == "call":
        for arg in node["args"]:
            if check_types(arg, types) != "number":
                raise ExprError(tr("{fn}() works on numbers only", fn=node["fn"]), arg["at"][0])
        return "number"
    raise ExprError(tr("unknown expression"), start)  # pragma: no cover


def _compares(left: str, right: str) -> str:
    """A comparison of a number with a text (conditions are refused before): one whole message
    each way, as a language may put the two in different cases."""
    if (left, right) == ("number", "text"):
        return tr("this compares a number with a text")
    return tr("this compares a text with a number")


# -- evaluation ---------------------------------------------------------------------------------

Value = float | str | bool


def snippet(source: str, node: Node) -> str:
    start, end = node["at"]
    return source[start:end]


def describe_values(node: Node, env: Mapping[str, Value]) -> str:
    """``average_deal_size = 0, revenue_target = 1200000``: the values an expression part uses."""
    shown = []
    for name in names(node):
        value = env.get(name)
        if isinstance(value, float | int) and not isinstance(value, bool):
            shown.append(f"{name} = {numbers.plain(float(value))}")
        elif isinstance(value, str):
            shown.append(f"{name} = '{value}'")
    return ", ".join(shown)


class Evaluator:
    """Interprets a tree with values; the JavaScript twin is ``evaluate`` in sla-form.js."""

    def __init__(self, source: str, env: Mapping[str, Value]) -> None:
        self.source = source
        self.env = env

    def error(self, code: str, node: Node) -> EvalError:
        return EvalError(code, snippet(self.source, node), describe_values(node, self.env))

    def bounded(self, value: float, node: Node) -> float:
        if not math.isfinite(value) or abs(value) > numbers.MAX_ABS:
            raise self.error("out_of_range", node)
        return value

    def number(self, node: Node) -> float:
        value = self.value(node)
        assert isinstance(value, float) and not isinstance(value, bool)
        return value

    def value(self, node: Node) -> Value:
        kind = node["k"]
        if kind == "num":
            return float(node["v"])
        if kind == "str":
            return str(node["v"])
        if kind == "name":
            found = self.env[node["v"]]
            return float(found) if isinstance(found, int) and not isinstance(found, bool) else found
        if kind == "bin":
            return self.binary(node)
        if kind == "neg":
            return -self.number(node["a"])
        if kind == "pos":
            return self.number(node["a"])
        if kind == "not":
            return not self.value(node["a"])
        if kind == "and":
            return all(self.value(arg) for arg in node["args"])
        if kind == "or":
            return any(self.value(arg) for arg in node["args"])
        if kind == "cmp":
            return self.compare(node)
        if kind == "call":
            return self.call(node)
        raise ValueError(f"unknown node {kind!r}")  # pragma: no cover

    def floor_div(self, a: float, b: float, node: Node) -> float:
        if b == 0:
            raise self.error("division_by_zero", node["b"])
        return numbers.round_to(self.bounded(a / b, node), 0, "floor")

    def binary(self, node: Node) -> float:
        op = node["op"]
        a = self.number(node["a"])
        b = self.number(node["b"])
        if op == "+":
            return self.bounded(a + b, node)
        if op == "-":
            return self.bounded(a - b, node)
        if op == "*":
            return self.bounded(a * b, node)
        if op == "/":
            if b == 0:
                raise self.error("division_by_zero", node["b"])
            return self.bounded(a / b, node)
        if op == "//":
            return self.floor_div(a, b, node)
        if op == "%":
            quotient = self.floor_div(a, b, node)
            return self.bounded(a - self.bounded(b * quotient, node), node)
        if op == "**":
            if b != math.floor(b) or abs(b) > MAX_POWER:
                raise self.error("bad_power", node["b"])
            result = 1.0
            for _ in range(int(abs(b))):
                result = self.bounded(result * a, node)
            if b < 0:
                if result == 0:
                    raise self.error("division_by_zero", node["a"])
                result = self.bounded(1 / result, node)
            return result
        raise ValueError(f"unknown operator {op!r}")  # pragma: no cover

    def compare(self, node: Node) -> bool:
        values = [self.value(arg) for arg in node["args"]]
        for i, op in enumerate(node["ops"]):
            a, b = values[i], values[i + 1]
            if op == "==":
                ok = a == b
            elif op == "!=":
                ok = a != b
            else:
                assert isinstance(a, float) and isinstance(b, float)
                ok = {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]
            if not ok:
                return False
        return True

    def call(self, node: Node) -> float:
        fn = node["fn"]
        args = [self.number(arg) for arg in node["args"]]
        if fn == "ceil":
            return numbers.round_to(args[0], 0, "ceil")
        if fn == "floor":
            return numbers.round_to(args[0], 0, "floor")
        if fn == "round":
            places = args[1] if len(args) > 1 else 0.0
            if places != math.floor(places) or not 0 <= places <= 9:
                raise self.error("bad_round", node["args"][1])
            return self.bounded(numbers.round_to(args[0], int(places), "nearest"), node)
        if fn == "abs":
            return abs(args[0])
        if fn == "min":
            return min(args)
        if fn == "max":
            return max(args)
        raise ValueError(f"unknown function {fn!r}")  # pragma: no cover


def evaluate(node: Node, source: str, env: Mapping[str, Value]) -> Value:
    """The value of a parsed expression; :class:`EvalError` when it cannot be computed."""
    return Evaluator(source, env).value(node)

"""The expression language: what it refuses, what it computes, and the funnel arithmetic."""

from __future__ import annotations

from typing import Any

import pytest

from generator.sla import expr


def run(source: str, **env: Any) -> expr.Value:
    return expr.evaluate(expr.parse(source), source, {k: v for k, v in env.items()})


@pytest.mark.parametrize(
    ("source", "message", "offset"),
    [
        ("a.__class__", "attribute access (a.b) is not allowed in an expression", 0),
        ("x[0]", "subscripts (a[b]) are not allowed in an expression", 0),
        ("__import__('os')", "'__import__' is not a function you can call here", 0),
        ("open('x')", "'open' is not a function you can call here", 0),
        ("(lambda: 1)()", "'this' is not a function you can call here", 0),
        ("2 + (lambda: 1)", "lambda is not allowed in an expression", 5),
        ("[x for x in y]", "comprehensions are not allowed in an expression", 0),
        ("a if b else c", "'x if c else y' is not allowed in an expression", 0),
        ("f'{a}'", "f-strings are not allowed in an expression", 0),
        ("True", "True is not allowed: use numbers and text in quotes", 0),
        ("1e400", "this number is too large (at most 1e15)", 0),
        ("10000000000000001", "this number is too large (at most 1e15)", 0),
        ("round(x, ndigits=2)", "write the arguments without names, like round(x, 2)", 0),
        ("min(a)", "min() takes 2 to 20 arguments, but 1 is given", 0),
        ("ceil", "'ceil' is a function: call it, like ceil(x)", 0),
        ("a ~ b", "this is not a valid expression (invalid syntax)", 2),
        ("a +", "this is not a valid expression (invalid syntax)", 3),
        ("a\n+ b", "write the expression on one line", 0),
        ("~a", "the operator '~' is not allowed", 0),
        ("a @ b", "this operator is not allowed: use + - * / // % **", 0),
        ("x := 1", "this is not a valid expression (invalid syntax)", 2),
    ],
)
def test_parse_refuses(source: str, message: str, offset: int) -> None:
    with pytest.raises(expr.ExprError) as caught:
        expr.parse(source)
    assert caught.value.message.startswith(message)
    assert caught.value.offset == offset


def test_parse_limits() -> None:
    with pytest.raises(expr.ExprError, match="too long"):
        expr.parse("a + " * 200 + "a")
    with pytest.raises(expr.ExprError, match="nested too deeply"):
        expr.parse("-(" * 40 + "a" + ")" * 40)


def test_tree_is_json_with_character_offsets() -> None:
    tree = expr.parse("ceil(przychód / średnia)")
    assert tree["k"] == "call" and tree["fn"] == "ceil"
    division = tree["args"][0]
    assert division == {
        "k": "bin", "op": "/", "at": [5, 23],
        "a": {"k": "name", "v": "przychód", "at": [5, 13]},
        "b": {"k": "name", "v": "średnia", "at": [16, 23]},
    }
    assert expr.names(tree) == ["przychód", "średnia"]


@pytest.mark.parametrize(
    ("source", "types", "message"),
    [
        ("a + 'x'", {"a": "number"}, "'+' works on numbers only"),
        ("a == 1", {"a": "text"}, "this compares a text with a number"),
        ("a < 'x'", {"a": "text"}, "texts can only be compared with == and !="),
        ("a and b > 1", {"a": "number", "b": "number"}, "'and' joins conditions"),
        ("ceil(a)", {"a": "text"}, "ceil() works on numbers only"),
        ("a + 1", {"a": "list"}, "'a' is a list: a list cannot be used in an expression"),
        ("not a", {"a": "number"}, "'not' needs a condition"),
    ],
)
def test_types(source: str, types: dict[str, str], message: str) -> None:
    with pytest.raises(expr.ExprError) as caught:
        expr.check_types(expr.parse(source), types)
    assert caught.value.message.startswith(message)


@pytest.mark.parametrize(
    ("source", "env", "expected"),
    [
        ("7 // 2", {}, 3.0),
        ("-7 // 2", {}, -4.0),
        ("7 % 3", {}, 1.0),
        ("-7 % 3", {}, 2.0),
        ("2 ** 10", {}, 1024.0),
        ("2 ** -2", {}, 0.25),
        ("round(2.5)", {}, 3.0),
        ("round(1.005, 2)", {}, 1.01),
        ("ceil(0.1 * 3 * 10)", {}, 3.0),  # 3.0000000000000004 in binary
        ("floor(70 / 0.07)", {}, 1000.0),  # 999.9999999999999 in binary
        ("max(a, b, 3)", {"a": 1, "b": 7.5}, 7.5),
        ("min(a, b)", {"a": 1, "b": 7.5}, 1.0),
        ("abs(a - b)", {"a": 1, "b": 7.5}, 6.5),
        ("size == 'large' and rate > 10", {"size": "large", "rate": 40}, True),
        ("size != 'none' or rate > 50", {"size": "none", "rate": 40}, False),
        ("1 < rate <= 40", {"rate": 40}, True),
        ("not (rate > 50)", {"rate": 40}, True),
    ],
)
def test_evaluate(source: str, env: dict[str, Any], expected: expr.Value) -> None:
    assert run(source, **env) == expected


@pytest.mark.parametrize(
    ("source", "env", "code", "expr_text", "values"),
    [
        ("revenue / deal", {"revenue": 1000, "deal": 0}, "division_by_zero", "deal", "deal = 0"),
        ("revenue / (rate / 100)", {"revenue": 1000, "rate": 0}, "division_by_zero",
         "rate / 100", "rate = 0"),
        ("a // b", {"a": 1, "b": 0}, "division_by_zero", "b", "b = 0"),
        ("a % (b - b)", {"a": 1, "b": 3}, "division_by_zero", "b - b", "b = 3"),
        ("a * b", {"a": 1e10, "b": 1e10}, "out_of_range", "a * b", "a = 10000000000, b = 10000000000"),
        ("a ** 64", {"a": 10}, "out_of_range", "a ** 64", "a = 10"),
        ("a ** 0.5", {"a": 10}, "bad_power", "0.5", ""),
        ("0 ** -1", {}, "division_by_zero", "0", ""),
        ("round(a, 12)", {"a": 1}, "bad_round", "12", ""),
    ],
)
def test_errors_name_the_part_and_the_values(source: str, env: dict[str, Any], code: str,
                                             expr_text: str, values: str) -> None:
    with pytest.raises(expr.EvalError) as caught:
        run(source, **env)
    assert (caught.value.code, caught.value.expr, caught.value.values) == (code, expr_text, values)


MQLS = ("ceil(revenue_target / average_deal_size / (sql_to_won_rate / 100) / "
        "(mql_to_sql_rate / 100) / 3)")


@pytest.mark.parametrize(
    ("revenue", "deal", "sql_to_won", "mql_to_sql", "deals", "sqls", "mqls"),
    [
        # 1 200 000 / 30 000 = 40 deals; 40 / 25% = 160 SQLs; 160 / 40% = 400 MQLs a quarter;
        # 400 / 3 = 133.33 -> 134 a month.
        (1_200_000, 30_000, 25, 40, 40, 160, 134),
        # 1 000 000 / 45 000 = 22.22 -> 23 deals; 22.22 / 30% = 74.07 -> 75 SQLs;
        # 74.07 / 35% = 211.64 MQLs a quarter; / 3 = 70.55 -> 71 a month.
        (1_000_000, 45_000, 30, 35, 23, 75, 71),
        # 630 000 / 30 000 = 21 deals; 21 / 35% = 60 SQLs exactly (60.00000000000001 in binary:
        # a naive ceil says 61); 60 / 50% = 120 MQLs a quarter; / 3 = 40 a month exactly.
        (630_000, 30_000, 35, 50, 21, 60, 40),
        # 500 000 / 500 000 = 1 deal; 1 / 100% = 1 SQL; 1 / 100% = 1 MQL a quarter;
        # 1 / 3 = 0.33 -> 1 a month.
        (500_000, 500_000, 100, 100, 1, 1, 1),
        # 2 400 000 / 12 500 = 192 deals; 192 / 12.5% = 1536 SQLs; 1536 / 20% = 7680 MQLs;
        # 7680 / 3 = 2560 a month exactly.
        (2_400_000, 12_500, 12.5, 20, 192, 1536, 2560),
    ],
)
def test_funnel(revenue: float, deal: float, sql_to_won: float, mql_to_sql: float, deals: int,
                sqls: int, mqls: int) -> None:
    env = {"revenue_target": revenue, "average_deal_size": deal, "sql_to_won_rate": sql_to_won,
           "mql_to_sql_rate": mql_to_sql}
    assert run("ceil(revenue_target / average_deal_size)", **env) == deals
    assert run("ceil(revenue_target / average_deal_size / (sql_to_won_rate / 100))", **env) == sqls
    assert run(MQLS, **env) == mqls

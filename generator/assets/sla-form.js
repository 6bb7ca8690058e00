/* The SLA form: live preview, checks and downloads, from the template's compiled JSON document.
 *
 * Every function of the "engine" part mirrors a Python function of generator/sla/ with the same
 * name in snake_case (numbers.py, expr.py, schema.py, body.py, fill.py, values.py, wording.py);
 * the browser tests run both on the same values and compare the results character by character.
 * This file never parses a template or an expression: the document carries the expression trees
 * and the clause bodies already split into literal segments and placeholders. Values are only
 * ever inserted escaped (mdEscape, htmlEscape). No network, no storage: it works offline.
 */
(function () {
  "use strict";

  var MAX_ABS = 1e15;
  var NBSP = "\u00a0";
  var FORMAT = 2;
  // Where this script was loaded from: js-yaml lies beside it, in vendor/ (read when needed).
  var SCRIPT_URL = (document.currentScript && document.currentScript.src) || "";

  // -- numbers.py --------------------------------------------------------------------------------

  function parts(x) {
    if (x === 0 || !isFinite(x)) return [false, "0", ""];
    var text = Math.abs(x).toExponential(); // shortest digits: "1.2345e+6"
    var split = text.split("e");
    var digits = split[0].replace(".", "").replace(/0+$/, "");
    var point = parseInt(split[1], 10) + 1;
    var whole, frac;
    if (point <= 0) {
      whole = "0";
      frac = repeat("0", -point) + digits;
    } else if (point >= digits.length) {
      whole = digits + repeat("0", point - digits.length);
      frac = "";
    } else {
      whole = digits.slice(0, point);
      frac = digits.slice(point);
    }
    return [x < 0, whole, frac];
  }

  function repeat(text, n) {
    var out = "";
    for (var i = 0; i < n; i++) out += text;
    return out;
  }

  function increment(digits) {
    var out = digits.split("");
    var i = out.length - 1;
    while (i >= 0) {
      if (out[i] === "9") {
        out[i] = "0";
        i -= 1;
      } else {
        out[i] = String(parseInt(out[i], 10) + 1);
        return out.join("");
      }
    }
    return "1" + out.join("");
  }

  function padEnd(text, n) {
    while (text.length < n) text += "0";
    return text;
  }

  function roundParts(p, decimals, mode) {
    var negative = p[0], whole = p[1], frac = p[2];
    var keep = padEnd(frac.slice(0, decimals), decimals);
    var rest = frac.slice(decimals);
    var up = false;
    if (mode === "nearest") {
      up = rest.length > 0 && rest.charAt(0) >= "5";
    } else if (rest.replace(/0/g, "") !== "") {
      up = (mode === "ceil") !== negative;
    }
    if (up) {
      var both = increment(whole + keep);
      whole = both.slice(0, both.length - decimals);
      keep = both.slice(both.length - decimals);
    }
    whole = whole.replace(/^0+/, "") || "0";
    if (whole.replace(/0/g, "") === "" && keep.replace(/0/g, "") === "") negative = false;
    return [negative, whole, keep];
  }

  function toText(p) {
    return (p[0] ? "-" : "") + p[1] + (p[2] ? "." + p[2] : "");
  }

  function toFloat(p) {
    return Number(toText(p));
  }

  function roundTo(x, decimals, mode) {
    mode = mode || "nearest";
    if (mode !== "nearest") {
      var snapped = roundParts(parts(x), 9, "nearest");
      return toFloat(roundParts(snapped, decimals, mode));
    }
    return toFloat(roundParts(parts(x), decimals, "nearest"));
  }

  function decimalPlaces(x) {
    return parts(x)[2].length;
  }

  function plain(x) {
    return toText(parts(x));
  }

  function group(whole, sep, minimum) {
    if (whole.length < minimum) return whole;
    var groups = [];
    while (whole.length > 3) {
      groups.unshift(whole.slice(-3));
      whole = whole.slice(0, -3);
    }
    groups.unshift(whole);
    return groups.join(sep);
  }

  function formatNumber(x, lang, decimals, trim) {
    var p = roundParts(parts(x), decimals, "nearest");
    var frac = trim ? p[2].replace(/0+$/, "") : p[2];
    var text = lang === "pl"
      ? group(p[1], NBSP, 5) + (frac ? "," + frac : "")
      : group(p[1], ",", 4) + (frac ? "." + frac : "");
    return (p[0] ? "-" : "") + text;
  }

  function formatMoney(amount, currency, lang) {
    var p = roundParts(parts(amount), 2, "nearest");
    var number = formatNumber(amount, lang, p[2] === "00" ? 0 : 2, false);
    if (lang === "pl") return number + NBSP + (currency === "PLN" ? "zł" : currency);
    return currency + NBSP + number;
  }

  function pluralCategory(shown, lang) {
    if (lang !== "pl") return shown.replace(/^-/, "") === "1" ? "one" : "other";
    var digits = shown.split(NBSP).join("").replace(/^-/, "");
    if (!/^[0-9]+$/.test(digits)) return "other";
    var n = parseInt(digits, 10);
    if (n === 1) return "one";
    if (n % 10 >= 2 && n % 10 <= 4 && !(n % 100 >= 12 && n % 100 <= 14)) return "few";
    return "many";
  }

  function pluralForm(forms, shown, lang) {
    return forms[pluralCategory(shown, lang)] || forms.other || "";
  }

  function daysInMonth(year, month) {
    if (month === 2) {
      var leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
      return leap ? 29 : 28;
    }
    return [4, 6, 9, 11].indexOf(month) >= 0 ? 30 : 31;
  }

  function isRealDate(text) {
    if (text.length !== 10 || text.charAt(4) !== "-" || text.charAt(7) !== "-") return false;
    var y = text.slice(0, 4), m = text.slice(5, 7), d = text.slice(8);
    if (!/^[0-9]+$/.test(y + m + d)) return false;
    var year = parseInt(y, 10), month = parseInt(m, 10), day = parseInt(d, 10);
    return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  }

  // -- expr.py: the interpreter (the parser is Python's) ----------------------------------------

  function EvalError(code, expr, values) {
    this.code = code;
    this.expr = expr;
    this.values = values;
  }

  function walk(node, out) {
    out.push(node);
    if (node.a) walk(node.a, out);
    if (node.b) walk(node.b, out);
    (node.args || []).forEach(function (child) { walk(child, out); });
    return out;
  }

  function names(node) {
    var seen = [];
    walk(node, []).forEach(function (item) {
      if (item.k === "name" && seen.indexOf(item.v) < 0) seen.push(item.v);
    });
    return seen;
  }

  function snippet(source, node) {
    return Array.from(source).slice(node.at[0], node.at[1]).join("");
  }

  function describeValues(node, env) {
    var shown = [];
    names(node).forEach(function (name) {
      var value = env[name];
      if (typeof value === "number") shown.push(name + " = " + plain(value));
      else if (typeof value === "string") shown.push(name + " = '" + value + "'");
    });
    return shown.join(", ");
  }

  function evaluate(tree, source, env) {
    function error(code, node) {
      return new EvalError(code, snippet(source, node), describeValues(node, env));
    }
    function bounded(value, node) {
      if (!isFinite(value) || Math.abs(value) > MAX_ABS) throw error("out_of_range", node);
      return value;
    }
    function floorDiv(a, b, node) {
      if (b === 0) throw error("division_by_zero", node.b);
      return roundTo(bounded(a / b, node), 0, "floor");
    }
    function binary(node) {
      var op = node.op;
      var a = value(node.a);
      var b = value(node.b);
      if (op === "+") return bounded(a + b, node);
      if (op === "-") return bounded(a - b, node);
      if (op === "*") return bounded(a * b, node);
      if (op === "/") {
        if (b === 0) throw error("division_by_zero", node.b);
        return bounded(a / b, node);
      }
      if (op === "//") return floorDiv(a, b, node);
      if (op === "%") {
        var quotient = floorDiv(a, b, node);
        return bounded(a - bounded(b * quotient, node), node);
      }
      if (op === "**") {
        if (b !== Math.floor(b) || Math.abs(b) > 64) throw error("bad_power", node.b);
        var result = 1;
        for (var i = 0; i < Math.abs(b); i++) result = bounded(result * a, node);
        if (b < 0) {
          if (result === 0) throw error("division_by_zero", node.a);
          result = bounded(1 / result, node);
        }
        return result;
      }
      throw new Error("unknown operator " + op);
    }
    function compare(node) {
      var values = node.args.map(value);
      for (var i = 0; i < node.ops.length; i++) {
        var a = values[i], b = values[i + 1], op = node.ops[i], ok;
        if (op === "==") ok = a === b;
        else if (op === "!=") ok = a !== b;
        else if (op === "<") ok = a < b;
        else if (op === "<=") ok = a <= b;
        else if (op === ">") ok = a > b;
        else ok = a >= b;
        if (!ok) return false;
      }
      return true;
    }
    function call(node) {
      var args = node.args.map(value);
      var fn = node.fn;
      if (fn === "ceil") return roundTo(args[0], 0, "ceil");
      if (fn === "floor") return roundTo(args[0], 0, "floor");
      if (fn === "round") {
        var places = args.length > 1 ? args[1] : 0;
        if (places !== Math.floor(places) || places < 0 || places > 9) throw error("bad_round", node.args[1]);
        return bounded(roundTo(args[0], places, "nearest"), node);
      }
      if (fn === "abs") return Math.abs(args[0]);
      var best = args[0];
      for (var i = 1; i < args.length; i++) {
        if (fn === "min" ? args[i] < best : args[i] > best) best = args[i];
      }
      return best;
    }
    function value(node) {
      switch (node.k) {
        case "num": return node.v;
        case "str": return node.v;
        case "name": return env[node.v];
        case "bin": return binary(node);
        case "neg": return -value(node.a);
        case "pos": return value(node.a);
        case "not": return !value(node.a);
        case "and":
          for (var i = 0; i < node.args.length; i++) if (!value(node.args[i])) return false;
          return true;
        case "or":
          for (var j = 0; j < node.args.length; j++) if (value(node.args[j])) return true;
          return false;
        case "cmp": return compare(node);
        case "call": return call(node);
      }
      throw new Error("unknown node " + node.k);
    }
    return value(tree);
  }

  // -- schema.py: the validator -----------------------------------------------------------------

  function jsonType(value) {
    if (value === null || value === undefined) return "null";
    if (typeof value === "boolean") return "boolean";
    if (typeof value === "number") return "number";
    if (typeof value === "string") return "string";
    if (Array.isArray(value)) return "array";
    if (typeof value === "object") return "object";
    return "other";
  }

  function isType(value, wanted) {
    var found = jsonType(value);
    if (wanted === "integer") return found === "number" && isFinite(value) && value === Math.floor(value);
    if (wanted === "number") return found === "number" && isFinite(value);
    return found === wanted;
  }

  var regexCache = {};
  function regex(pattern) {
    if (!regexCache[pattern]) regexCache[pattern] = new RegExp(pattern, "u");
    return regexCache[pattern];
  }

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  // What JSON Schema compares for uniqueItems (schema.py's _same): keys unordered, 1 and 1.0 one.
  function same(value) {
    if (jsonType(value) === "object") {
      return "{" + Object.keys(value).sort().map(function (k) { return JSON.stringify(k) + ":" + same(value[k]); }).join(",") + "}";
    }
    if (Array.isArray(value)) return "[" + value.map(same).join(",") + "]";
    return JSON.stringify(value);
  }

  // Each item given again after its first time (schema.py's _repeated).
  // E-mail addresses differing only in upper/lower case are one mailbox (Anna@ACME.pl).
  function repeated(value, path, emails) {
    var seen = {}, problems = [];
    value.forEach(function (item, index) {
      var key = emails && typeof item === "string" ? same(item.toLowerCase()) : same(item);
      if (has(seen, key)) problems.push([path.concat([index]), "uniqueItems", {got: item}]);
      seen[key] = true;
    });
    return problems;
  }

  function validate(schema, value, path) {
    path = path || [];
    var problems = [];
    if (schema.anyOf) {
      for (var b = 0; b < schema.anyOf.length; b++) {
        if (isType(value, schema.anyOf[b].type)) return validate(schema.anyOf[b], value, path);
      }
      return [[path, "type", {kind: schema["x-kind"] || "", got: value}]];
    }
    if (schema.type !== undefined && !isType(value, schema.type)) {
      var found = {kind: schema["x-kind"] || schema.type, got: value};
      if (schema["enum"]) found.allowed = schema["enum"];  // a choice given as a number
      return [[path, "type", found]];
    }
    var kind = schema["x-kind"] || "";
    if (schema["enum"] && schema["enum"].indexOf(value) < 0) {
      problems.push([path, "enum", {kind: kind, got: value, allowed: schema["enum"]}]);
    }
    if (jsonType(value) === "number") {
      if (has(schema, "minimum") && value < schema.minimum) problems.push([path, "minimum", {limit: schema.minimum, got: value}]);
      if (has(schema, "maximum") && value > schema.maximum) problems.push([path, "maximum", {limit: schema.maximum, got: value}]);
      if (has(schema, "x-decimals") && decimalPlaces(value) > schema["x-decimals"]) {
        problems.push([path, "decimals", {limit: schema["x-decimals"], got: value}]);
      }
    }
    if (typeof value === "string") {
      var length = Array.from(value).length;
      if (has(schema, "minLength") && length < schema.minLength) problems.push([path, "minLength", {kind: kind, limit: schema.minLength, got: value}]);
      if (has(schema, "maxLength") && length > schema.maxLength) {
        problems.push([path, "maxLength", {kind: kind, limit: schema.maxLength, length: length, got: value}]);
      }
      if (schema.not && regex(schema.not.pattern).test(value)) {
        // A one-line text's only fault may be its line break: say so, not "a control character".
        var broken = kind === "text" && !regex(schema.not.pattern).test(value.replace(/[\n\r]/g, ""));
        problems.push([path, broken ? "line_break" : "control", {kind: kind, got: value}]);
      }
      else if (schema.pattern && !regex(schema.pattern).test(value)) problems.push([path, "pattern", {kind: kind, got: value}]);
      else if (schema.format === "date" && !isRealDate(value)) problems.push([path, "date", {got: value}]);
    }
    if (Array.isArray(value)) {
      if (has(schema, "minItems") && value.length < schema.minItems) problems.push([path, "minItems", {limit: schema.minItems}]);
      if (has(schema, "maxItems") && value.length > schema.maxItems) problems.push([path, "maxItems", {limit: schema.maxItems}]);
      if (schema.items) {
        value.forEach(function (item, index) {
          problems = problems.concat(validate(schema.items, item, path.concat([index])));
        });
      }
      if (schema.uniqueItems) problems = problems.concat(repeated(value, path, (schema.items || {})["x-kind"] === "email"));
    }
    if (jsonType(value) === "object") {
      var properties = schema.properties || {};
      var required = schema.required || [];
      Object.keys(properties).forEach(function (name) {
        if (has(value, name)) problems = problems.concat(validate(properties[name], value[name], path.concat([name])));
        else if (required.indexOf(name) >= 0) problems.push([path.concat([name]), "required", {name: name}]);
      });
      if (schema.additionalProperties === false) {
        Object.keys(value).forEach(function (key) {
          if (!has(properties, key)) problems.push([path.concat([key]), "additional", {kind: schema["x-kind"] || "", name: key, known: Object.keys(properties)}]);
        });
      }
    }
    return problems;
  }

  // -- wording.py -------------------------------------------------------------------------------

  function describe(value) {
    if (value === null || value === undefined) return "empty";
    if (typeof value === "boolean") return "true/false (" + (value ? "true" : "false") + ")";
    if (typeof value === "number") return "a number (" + plain(value) + ")";
    if (typeof value === "string") return "text ('" + shorten(value) + "')";
    if (Array.isArray(value)) return "a list";
    if (typeof value === "object") return "a group of fields";
    return typeof value;
  }

  function shorten(text) {
    var chars = Array.from(text);
    return chars.length <= 40 ? text : chars.slice(0, 37).join("") + "...";
  }

  function quotedValue(value) {
    if (typeof value === "string") return "'" + shorten(value) + "'";
    if (typeof value === "number") return plain(value);
    return describe(value);
  }

  function message(table, code, kind, args, counted, lang) {
    args = args || {};
    var template = table[code + ":" + kind] || table[code] || code;
    if (code === "type" && !table["type:" + kind] && ["number", "decimal", "percent", "duration", "amount"].indexOf(kind) >= 0) {
      template = table["type:number"];
    }
    var limit = args.limit;
    var fields = {
      got: code === "type" ? describe(args.got) : quotedValue(args.got),
      limit: typeof limit === "number" ? plain(limit) : (limit === undefined || limit === null ? "" : String(limit)),
      length: args.length === undefined ? "" : String(args.length),
      allowed: (args.allowed || []).join(", "),
      name: args.name === undefined ? "" : String(args.name),
      label: args.label === undefined ? "" : String(args.label),
      hint: args.hint || "",
      target: args.target === undefined ? "" : String(args.target),
      expr: args.expr === undefined ? "" : String(args.expr),
      values: args.values ? String(args.values) : table.no_values,
      id: args.id === undefined ? "" : String(args.id)
    };
    // "{length:characters}": the form of the noun that goes with the number in {length}.
    template = template.replace(/\{([a-z]+):([a-z]+)\}/g, function (whole, key, noun) {
      return counted && has(counted, noun) && fields[key] ? pluralForm(counted[noun], fields[key], lang) : whole;
    });
    return substitute(template, fields);
  }

  // "{name}" in a template replaced by args.name (a name args does not have stays as it is).
  function substitute(template, args) {
    return template.replace(/\{([a-z]+)\}/g, function (whole, key) { return has(args, key) ? args[key] : whole; });
  }

  // -- body.py: escaping values -----------------------------------------------------------------

  function strip(text, chars) {
    var start = 0, end = text.length;
    while (start < end && chars.indexOf(text.charAt(start)) >= 0) start++;
    while (end > start && chars.indexOf(text.charAt(end - 1)) >= 0) end--;
    return text.slice(start, end);
  }

  var MD_WORDS = {"<": "&lt;", "&": "&amp;", "~": "&#126;"};
  function mdLine(line) {
    line = strip(line, " \t");
    line = line.replace(/[\\`*_{}\[\]|~]|&(?=#?[A-Za-z0-9]+;)|<(?=[A-Za-z\/!?])/g,
      function (c) { return MD_WORDS[c] || "\\" + c; });
    if (line.charAt(0) === "=") return "&#61;" + line.slice(1);
    line = line.replace(/^([#>]|[+-](?![0-9]))/, "\\$1");
    return line.replace(/^([0-9]+)([.)])(?=[ \t]|$)/, "$1\\$2");
  }

  function mdEscape(text, table, indent) {
    var lines = text.split("\n").map(mdLine);
    return table ? lines.join("<br>") : lines.join("<br>\n" + (indent || ""));
  }

  function htmlEscape(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#x27;").replace(/\n/g, "<br>\n");
  }

  function normaliseText(text) {
    return strip(text.replace(/\r\n/g, "\n").replace(/\r/g, "\n"), " \t\n");
  }

  // -- fill.py ----------------------------------------------------------------------------------

  function present(raw) {
    if (jsonType(raw) !== "object") return raw;
    var out = {};
    Object.keys(raw).forEach(function (key) {
      if (raw[key] !== null && raw[key] !== undefined && raw[key] !== "") out[key] = raw[key];
    });
    return out;
  }

  function money(value, rules) {
    if (jsonType(value) === "object") return [value.amount, value.currency || rules.currency];
    return [value, rules.currency];
  }

  function roundDerived(value, item) {
    var mode = {up: "ceil", down: "floor", nearest: "nearest"}[item.round];
    return mode ? roundTo(value, item.decimals, mode) : value;
  }

  function checkCurrencies(tree, currency) {
    var used = names(tree).filter(function (name) { return has(currency, name); });
    var codes = [];
    used.forEach(function (name) { if (codes.indexOf(currency[name]) < 0) codes.push(currency[name]); });
    if (codes.length > 1) {
      throw new EvalError("mixed_currency", "", used.map(function (n) { return n + " = " + currency[n]; }).join(", "));
    }
  }

  function evalArgs(error, target, tree) {
    return {target: target, expr: error.expr, values: error.values, names: names(tree)};
  }

  function fill(spec, raw) {
    var data = present(raw);
    if (data === null || data === undefined) data = {};
    var problems = validate(spec.schema, data, []);
    if (problems.length) return {filled: null, problems: problems};
    var values = {}, env = {}, currency = {}, shown = {}, units = {};
    spec.params.forEach(function (param) {
      var name = param.id;
      var value = has(data, name) ? data[name] : param["default"];
      values[name] = value;
      if (value === null || value === undefined || param.type === "list") return;
      if (param.type === "money") {
        var pair = money(value, param);
        env[name] = pair[0];
        currency[name] = pair[1];
      } else {
        env[name] = value;
      }
    });
    spec.params.forEach(function (param) { shown[param.id] = formatValue(param, values[param.id], spec); });
    var inline = {};
    spec.params.forEach(function (param) {
      var text = formatValue(param, values[param.id], spec, true);
      if (text !== shown[param.id]) inline[param.id] = text;
    });
    for (var i = 0; i < spec.derived.length; i++) {
      var item = spec.derived[i];
      var result;
      try {
        checkCurrencies(item.expr, currency);
        result = evaluate(item.expr, item.source, env);
      } catch (error) {
        if (!(error instanceof EvalError)) throw error;
        return {filled: null, problems: [[["derived", item.id], error.code,
          evalArgs(error, {kind: "derived", id: item.id, label: item.label}, item.expr)]]};
      }
      var rounded = roundDerived(result, item);
      env[item.id] = rounded;
      shown[item.id] = formatNumber(rounded, spec.lang, item.decimals, false);
      if (item.unit) units[item.id] = pluralForm(item.unit, shown[item.id], spec.lang);
    }
    var clauses = [];
    for (var c = 0; c < spec.clauses.length; c++) {
      var clause = spec.clauses[c];
      if (clause.when !== null) {
        var keep;
        try {
          keep = evaluate(clause.when, clause.when_source, env);
        } catch (error) {
          if (!(error instanceof EvalError)) throw error;
          return {filled: null, problems: [[["when", clause.id], error.code,
            evalArgs(error, {kind: "when", id: clause.id, label: clause.title}, clause.when)]]};
        }
        if (keep !== true) continue;
      }
      clauses.push(clause);
    }
    return {filled: {spec: spec, values: values, env: env, shown: shown, clauses: clauses, units: units,
      inline: inline},
      problems: []};
  }

  function formatDate(value, spec) {
    var year = parseInt(value.slice(0, 4), 10), month = parseInt(value.slice(5, 7), 10), day = parseInt(value.slice(8, 10), 10);
    return day + " " + spec.months[month - 1] + " " + year;
  }

  // inSentence: as words inside a sentence (a choice's text, not its label), as in fill.py.
  function formatValue(rules, value, spec, inSentence) {
    var lang = spec.lang;
    var missing = spec.words.missing;
    if (value === null || value === undefined) return missing;
    var kind = rules.type;
    if (kind === "list") {
      if (!value.length) return missing;
      return value.map(function (item) { return formatValue(rules.item, item, spec, inSentence); }).join(", ");
    }
    if (kind === "text") return normaliseText(value);
    if (kind === "email") return value;
    if (kind === "date") return formatDate(value, spec);
    if (kind === "choice") {
      for (var i = 0; i < rules.choices.length; i++) {
        if (rules.choices[i].value === value) return inSentence ? rules.choices[i].text : rules.choices[i].label;
      }
      return value;
    }
    if (kind === "money") {
      var pair = money(value, rules);
      return formatMoney(pair[0], pair[1], lang);
    }
    if (kind === "integer") return formatNumber(value, lang, 0, false);
    if (kind === "decimal") return formatNumber(value, lang, rules.decimals, false);
    if (kind === "percent") return formatNumber(value, lang, rules.decimals, true) + "%";
    if (kind === "duration") {
      var shown = formatNumber(value, lang, rules.decimals, true);
      return shown + NBSP + pluralForm(spec.units[rules.unit], shown, lang);
    }
    return String(value);
  }

  // Filled.empty: a parameter left without a value (optional, or an empty list).
  function isEmpty(filled, name) {
    if (!has(filled.values, name)) return false;
    var value = filled.values[name];
    return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
  }

  // Filled.text: what a placeholder shows (inside a sentence, "m", its words there); with "u"
  // (``{{ name with unit }}``) its unit too.
  function placeholderText(filled, s) {
    if (s.u && has(filled.units, s.p)) return filled.shown[s.p] + NBSP + filled.units[s.p];
    if (s.m && has(filled.inline, s.p)) return filled.inline[s.p];
    return filled.shown[s.p];
  }

  function segmentsMd(segments, filled) {
    return segments.map(function (s) {
      if (typeof s === "string") return s;
      if (has(s, "if")) return isEmpty(filled, s["if"]) ? "" : segmentsMd(s.s, filled);
      return mdEscape(placeholderText(filled, s), Boolean(s.t), s.i);
    }).join("");
  }

  function segmentsHtml(segments, filled) {
    return segments.map(function (s) {
      if (typeof s === "string") return s;
      if (has(s, "if")) return isEmpty(filled, s["if"]) ? "" : segmentsHtml(s.s, filled);
      return inLang(htmlEscape(placeholderText(filled, s)), valueLang(filled, s.p));
    }).join("");
  }

  // fill.in_lang and Filled.value_lang: a chosen choice whose label is another language's
  // keeps its lang.
  function inLang(html, lang) {
    return lang ? '<span lang="' + lang + '">' + html + "</span>" : html;
  }

  function valueLang(filled, name) {
    var params = filled.spec.params;
    for (var i = 0; i < params.length; i++) {
      if (params[i].id !== name || params[i].type !== "choice") continue;
      var choices = params[i].choices, chosen = filled.values[name];
      for (var j = 0; j < choices.length; j++) if (choices[j].value === chosen) return choices[j].lang || null;
      return null;
    }
    return null;
  }

  // The placeholders the document shows (fill._shown_names): a label line left out shows none.
  function shownNames(segments, filled, out) {
    segments.forEach(function (s) {
      if (typeof s === "string") return;
      if (has(s, "if")) {
        if (!isEmpty(filled, s["if"])) shownNames(s.s, filled, out);
      } else {
        out[s.p] = true;
      }
    });
    return out;
  }

  // The names an expression uses (expr.names).
  function exprNames(node, out) {
    out = out || {};
    if (node && node.k === "name") out[node.v] = true;
    ["a", "b", "args"].forEach(function (key) {
      var child = node && node[key];
      if (Array.isArray(child)) child.forEach(function (c) { exprNames(c, out); });
      else if (child && typeof child === "object") exprNames(child, out);
    });
    return out;
  }

  // The values the agreement uses: shown or decided on by its clauses, and what the derived
  // ones among them are computed from (fill.agreed).
  function agreed(filled) {
    var used = {};
    filled.clauses.forEach(function (clause) {
      shownNames(clause.md, filled, used);
      if (clause.when) Object.assign(used, exprNames(clause.when));
    });
    filled.spec.derived.slice().reverse().forEach(function (item) {
      if (used[item.id]) Object.assign(used, exprNames(item.expr));
    });
    return used;
  }

  function annexRows(filled) {
    var used = agreed(filled);
    var rows = filled.spec.params.filter(function (p) { return used[p.id]; })
      .map(function (p) { return [p, filled.shown[p.id]]; });
    filled.spec.derived.filter(function (item) { return used[item.id]; }).forEach(function (item) {
      rows.push([item, placeholderText(filled, {p: item.id, u: 1})]);
    });
    return rows;
  }

  function markdown(filled) {
    var spec = filled.spec, words = spec.words;
    var out = ["# " + spec.title_md, ""];
    filled.clauses.forEach(function (clause, index) {
      out.push("## " + (index + 1) + ". " + clause.title_md, "", segmentsMd(clause.md, filled), "");
    });
    out.push("## " + words.annex_md, "",
      "| " + mdEscape(words.name, true) + " | " + mdEscape(words.value, true) + " |", "| --- | --- |");
    annexRows(filled).forEach(function (row) {
      out.push("| " + row[0].label_cell + " | " + mdEscape(row[1], true) + " |");
    });
    return out.join("\n") + "\n";
  }

  function htmlBody(filled) {
    var spec = filled.spec, words = spec.words;
    var titleLang = spec.title_lang ? ' lang="' + spec.title_lang + '"' : "";
    var out = ['<article class="sla-doc" lang="' + spec.lang + '">', "<h1" + titleLang + ">" + spec.title_html + "</h1>"];
    filled.clauses.forEach(function (clause, index) {
      out.push('<section class="sla-clause" id="sla-' + clause.id + '">',
        "<h2>" + (index + 1) + ". " + clause.title_html + "</h2>",
        segmentsHtml(clause.html, filled), "</section>");
    });
    out.push('<section class="sla-annex">', "<h2>" + words.annex_html + "</h2>", "<table>",
      "<thead><tr><th>" + htmlEscape(words.name) + "</th><th>" + htmlEscape(words.value) + "</th></tr></thead>",
      "<tbody>");
    annexRows(filled).forEach(function (row) {
      out.push("<tr><td>" + row[0].label_html + "</td><td>" + inLang(htmlEscape(row[1]), valueLang(filled, row[0].id)) + "</td></tr>");
    });
    out.push("</tbody>", "</table>", "</section>", "</article>");
    return out.join("\n") + "\n";
  }

  function standaloneHtml(filled) {
    var spec = filled.spec;
    return [
      "<!DOCTYPE html>",
      '<html lang="' + spec.lang + '">',
      "<head>",
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      "<title>" + spec.title_html + "</title>",
      "<style>",
      spec.css.replace(/\n+$/, ""),
      "</style>",
      "</head>",
      "<body>",
      htmlBody(filled).replace(/\n+$/, ""),
      "</body>",
      "</html>"
    ].join("\n") + "\n";
  }

  // -- values.py: writing a values file ---------------------------------------------------------

  var ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"};

  function needsEscape(ch) {
    var o = ch.codePointAt(0);
    return o < 0x20 || (o >= 0x7f && o <= 0x9f) || o === 0x2028 || o === 0x2029 || o === 0xfeff ||
      o === 0xfffe || o === 0xffff || (o >= 0xd800 && o <= 0xdfff);
  }

  function hex4(n) {
    return ("0000" + n.toString(16)).slice(-4);
  }

  function quoted(text) {
    var out = '"';
    Array.from(text).forEach(function (ch) {
      if (has(ESCAPES, ch)) out += ESCAPES[ch];
      else if (needsEscape(ch)) out += "\\u" + hex4(ch.codePointAt(0));
      else out += ch;
    });
    return out + '"';
  }

  function blockOk(text) {
    if (text.indexOf("\n") < 0 || text.charAt(0) === " " || text.charAt(0) === "\n" || text.slice(-1) === "\n") return false;
    var chars = Array.from(text);
    for (var i = 0; i < chars.length; i++) {
      if ((needsEscape(chars[i]) && chars[i] !== "\n") || chars[i] === "\t") return false;
    }
    return text.split("\n").every(function (line) { return line === line.replace(/ +$/, ""); });
  }

  function yamlScalar(value, indent) {
    indent = indent || "";
    if (value === null || value === undefined) return "";
    if (typeof value === "boolean") return value ? " true" : " false";
    if (typeof value === "number") return " " + plain(value);
    if (typeof value === "string") {
      if (blockOk(value)) {
        return " |-\n" + value.split("\n").map(function (line) { return line ? indent + "  " + line : ""; }).join("\n");
      }
      return " " + quoted(value);
    }
    if (Array.isArray(value)) {
      if (!value.length) return " []";
      return value.map(function (item) { return "\n" + indent + "  -" + yamlScalar(item, indent + "    "); }).join("");
    }
    return Object.keys(value).map(function (key) {
      return "\n" + indent + "  " + key + ":" + yamlScalar(value[key], indent + "  ");
    }).join("");
  }

  function comment(text) {
    return text.split("\n").map(function (line) { return ("# " + line).replace(/ +$/, ""); });
  }

  function valuesFile(spec, values) {
    var words = spec.words;
    var lines = comment(words.values_intro + ": " + spec.title + " (" + spec.id + ")");
    lines = lines.concat(comment(words.values_from_form), comment(words.values_howto));
    lines.push("#   playbook sla fill " + spec.id + " --values FILE.yaml --format pdf --out " + spec.id + ".pdf");
    spec.params.forEach(function (param) {
      lines.push("");
      lines = lines.concat(comment(param.label + " (" + (param.required ? words.required : words.optional) + ")"));
      if (param.default_translated && has(values, param.id) && values[param.id] === param["default"]) {
        // An unchanged default written per language stays the default (values.values_file):
        // the agreement in the other language gets its own text, not this page's.
        lines = lines.concat(comment(words.values_default_text));
        lines = lines.concat(String(param["default"]).split("\n").map(function (l) { return ("#   " + l).replace(/ +$/, ""); }));
        lines.push(param.id + ":");
      } else if (has(values, param.id)) lines.push(param.id + ":" + yamlScalar(values[param.id], ""));
      else lines.push(param.id + ":");
    });
    return lines.join("\n") + "\n";
  }

  // -- the form ---------------------------------------------------------------------------------

  var NUMERIC_TYPES = ["integer", "decimal", "percent", "duration", "money"];

  function controls(app, name) {
    return Array.prototype.filter.call(app.querySelectorAll("[data-param]"), function (el) {
      return el.getAttribute("data-param") === name;
    });
  }

  // -- numbers as people type them ----------------------------------------------------------------
  // Number fields are text fields (Chromium's type="number" silently dropped "," and spaces while
  // typing: 1200000,50 became 120000050). A number is read the page's way or not at all; what
  // cannot be read for sure is an error saying how to write it, never a guess.
  //   pl: 1 200 000,50  1200000,50  1200000.50  (a point only where it cannot be thousands:
  //       1.200 and 1.200.000 are refused)
  //   en: 1,200,000.50  1200000.50  (a comma only between groups of three digits)
  // Both: groups of three digits may be split by a space, a no-break or thin space; a leading
  // "-" (or U+2212); in a percent field a trailing "%". No units, words, "+", ".5" or "5,".
  var SPACES = /[\u00a0\u2007\u2009\u202f]/g;

  function readNumber(text, lang, kind) {
    var t = strip(text.replace(SPACES, " "), " \t\r\n");
    if (t === "") return {};
    if (kind === "percent") t = t.replace(/ ?%$/, "");
    var negative = /^[-\u2212]/.test(t);
    if (negative) t = t.slice(1);
    if (!/^[0-9 .,]+$/.test(t) || !/[0-9]/.test(t)) return {error: "number_format"};
    var dots = t.split(".").length - 1, commas = t.split(",").length - 1;
    var point = lang === "pl" ? (commas ? "," : ".") : ".";
    var at = t.indexOf(point);
    var whole = at < 0 ? t : t.slice(0, at);
    var frac = at < 0 ? null : t.slice(at + 1);
    if (lang === "pl") {
      // Two separators, or "1.200": thousands or a fraction? Ask, do not guess.
      if (dots + commas > 1 || (dots && /^[1-9][0-9]{0,2}$/.test(whole) && /^[0-9]{3}$/.test(frac))) {
        return {error: "number_ambiguous"};
      }
    } else {
      if (dots > 1 || (frac !== null && frac.indexOf(",") >= 0)) return {error: "number_ambiguous"};
      if (commas) {
        if (!/^[0-9]{1,3}(?:,[0-9]{3})+$/.test(whole)) return {error: "number_ambiguous"};
        whole = whole.replace(/,/g, "");
      }
    }
    if (frac !== null && !/^[0-9]+$/.test(frac)) return {error: "number_format"};
    if (!/^(?:[0-9]+|[0-9]{1,3}(?: [0-9]{3})+)$/.test(whole)) return {error: "number_format"};
    whole = whole.replace(/ /g, "").replace(/^0+(?=[0-9])/, "");
    frac = (frac || "").replace(/0+$/, "");
    var digits = whole + (frac ? "." + frac : "");
    var value = Number(digits);
    if (negative && value !== 0) {
      value = -value;
      digits = "-" + digits;
    }
    // More digits than a double keeps (or than the CLI reads) would be changed silently.
    if (Math.abs(value) >= MAX_ABS || plain(value) !== digits) return {error: "number_digits"};
    return {value: value};
  }

  // A number as the field shows it (page.py's _number_text): the page's way, no decimal dropped.
  function shownNumber(x, lang, isMoney) {
    var decimals = parts(x)[2].length;
    if (isMoney && decimals === 1) decimals = 2;
    return formatNumber(x, lang, decimals, false);
  }

  function numberProblem(spec, path, error, text) {
    return [path, "input", {text: substitute(spec.words[error], {got: quotedValue(strip(text, " \t\r\n"))})}];
  }

  // The form's values, and what could not be read from it (problems with the code "input").
  function readInputs(app, spec) {
    var raw = {}, problems = [];
    spec.params.forEach(function (param) {
      var found = controls(app, param.id);
      if (!found.length) return;
      var el = found[0];
      var value;
      if (param.type === "list") {
        if (param.item.type === "choice") {
          value = found.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
          if (!value.length) value = undefined;
        } else {
          value = el.value.split("\n").map(function (line) { return strip(line, " \t\r"); })
            .filter(function (line) { return line !== ""; })
            .map(function (line, index) {
              if (NUMERIC_TYPES.indexOf(param.item.type) < 0) return line;
              var item = readNumber(line, spec.lang, param.item.type);
              if (item.error) problems.push(numberProblem(spec, [param.id, index], item.error, line));
              return item.error ? line : item.value;
            });
          if (!value.length) value = undefined;
        }
      } else if (NUMERIC_TYPES.indexOf(param.type) >= 0) {
        var read = readNumber(el.value, spec.lang, param.type);
        if (read.error) problems.push(numberProblem(spec, [param.id], read.error, el.value));
        value = read.value; // nothing when it cannot be read: the problem says why
        if (param.type === "money" && typeof value === "number") {
          var select = app.querySelector('select[name="' + param.id + '__currency"]');
          if (select && select.value !== param.currency) value = {amount: value, currency: select.value};
        }
      } else {
        value = el.value === "" ? undefined : el.value;
      }
      if (value !== undefined) raw[param.id] = value;
    });
    return {raw: raw, problems: problems};
  }

  function readForm(app, spec) {
    return readInputs(app, spec).raw;
  }

  function download(name, text, type) {
    var blob = new Blob([text], {type: type + ";charset=utf-8"});
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.style.display = "none";
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(url); link.remove(); }, 1000);
  }

  // -- loading a values file into the form -------------------------------------------------------

  function withYaml(done, failed) {
    if (window.jsyaml) { done(window.jsyaml); return; }
    var script = document.createElement("script");
    script.src = new URL("vendor/js-yaml.min.js", SCRIPT_URL || document.baseURI).href;
    script.onload = function () { if (window.jsyaml) done(window.jsyaml); else failed(); };
    script.onerror = failed;
    document.head.appendChild(script);
  }

  // The values file is read as the CLI reads it, so that the form gets the very data
  // `playbook sla fill` gets, and the type rules the two then apply are one: the JSON Schema's
  // (validate above, schema.validate in Python). The CLI's reader (generator/yamlfile.py) is YAML
  // 1.2's core schema, narrowed: only a plain (unquoted) `true`/`false` (and True, TRUE...), a
  // decimal whole number without leading zeros (`12`, `-3`, not `012`), a decimal number with a
  // point (`1.5`, not `.5`, `1.` or `1e3`) and `~`/`null`/nothing are not text; a quoted or block
  // scalar is always text; an explicit tag is obeyed (`!!int "12"` is 12, `!!str 12` is text, and
  // the non-specific `! 12` is text, as YAML says and js-yaml does).
  // js-yaml applies implicit types to plain scalars only, and looks explicit tags up in the schema,
  // so a schema made of the failsafe one (text, lists, groups) plus these five types is that
  // reader. The reading used before (failsafe only: everything text, each field guessing the type)
  // took `revenue_target: "1200000"` for a number, which the CLI refuses as text.
  var MAX_DIGITS = 15;
  // Characters the CLI refuses anywhere in a file, or in a value written as an escape
  // (FORBIDDEN_CHARS in yamlfile.py; the "u" flag makes the surrogate range match lone halves only).
  var FORBIDDEN = /[\u{0}-\u{8}\u{b}\u{c}\u{e}-\u{1f}\u{7f}-\u{9f}\u{2028}\u{2029}\u{202a}-\u{202e}\u{2066}-\u{2069}\u{d800}-\u{dfff}\u{fffe}\u{ffff}]/u;

  function yamlShown(text) { // yamlfile.shorten: repr() of the text, cut to 40 characters
    var shown = "'" + text + "'";
    return shown.length > 40 ? shown.slice(0, 36) + "...'" : shown;
  }

  function codePoint(ch) {
    return "U+" + hex4(ch.codePointAt(0)).toUpperCase();
  }

  // A number as the CLI reads it, refused as it refuses it (yamlfile._Builder._scalar).
  function yamlNumber(text, whole, words) {
    var number = Number(text) + 0; // + 0: -0 is 0
    if (whole ? text.replace(/^[-+]/, "").length > MAX_DIGITS : !isFinite(number) || Math.abs(number) >= 1e15) {
      throw new Error(substitute(words.load_big_number, {number: yamlShown(text), digits: MAX_DIGITS}));
    }
    if (!whole && text.length > 2 * MAX_DIGITS + 2) {
      throw new Error(substitute(words.load_long_number, {number: yamlShown(text), digits: 2 * MAX_DIGITS}));
    }
    return number;
  }

  // Made for each file read (a rare event), with the words of the page its numbers' messages use.
  function cliSchema(jsyaml, words) {
    function number(whole) { return function (t) { return yamlNumber(t, whole, words); }; }
    function scalar(tag, pattern, construct) {
      return new jsyaml.Type("tag:yaml.org,2002:" + tag, {
        kind: "scalar",
        resolve: function (text) { return text === null ? tag === "null" : pattern.test(text); },
        construct: construct
      });
    }
    var nil = scalar("null", /^(?:~|null|Null|NULL|)$/, function () { return null; });
    var bool = scalar("bool", /^(?:true|True|TRUE|false|False|FALSE)$/, function (t) { return t.toLowerCase() === "true"; });
    return jsyaml.FAILSAFE_SCHEMA.extend({
      // Plain scalars (_resolve in yamlfile.py).
      implicit: [nil, bool,
        scalar("int", /^[-+]?(?:0|[1-9][0-9]*)$/, number(true)),
        scalar("float", /^[-+]?(?:0|[1-9][0-9]*)\.[0-9]+$/, number(false))],
      // Explicit tags, looked up after the implicit types: !!int and !!float take more forms.
      explicit: [
        scalar("int", /^[-+]?[0-9]+$/, number(true)),
        scalar("float", /^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/, number(false))]
    });
  }

  // A file's bytes as text, as the CLI reads them: UTF-8, a byte-order mark dropped; or an Error
  // saying how to save it. (readAsText would read Notepad's "ANSI" file with "?" for every Polish
  // letter, and fill the form with them.)
  function fileText(buffer, words) {
    var bytes = new Uint8Array(buffer);
    if (bytes.indexOf(0) >= 0) return new Error(words.load_utf16);  // Notepad's "Unicode"
    try {
      return new TextDecoder("utf-8", {fatal: true}).decode(bytes);
    } catch (e) {
      return new Error(words.load_encoding);
    }
  }

  // The file's data as the CLI reads it, or an exception saying why it cannot be read, in the
  // page's words (spec.words: the CLI's sentences on the English page).
  function readValues(jsyaml, text, name, words) {
    if (text instanceof Error) throw text;  // not UTF-8 (fileText)
    var schema = cliSchema(jsyaml, words);
    var bad = FORBIDDEN.exec(text);
    if (bad) throw new Error(substitute(words.load_char, {char: codePoint(bad[0])}));
    try {
      return jsyaml.load(text, {schema: schema, filename: name, listener: function (event, state) {
        if (event !== "close") return;
        if (state.anchor !== null) { // an alias needs an anchor first, so no alias gets through either
          throw new Error(substitute(words.load_anchor, {name: state.anchor}));
        }
        var found = typeof state.result === "string" && FORBIDDEN.exec(state.result);
        if (found) throw new Error(substitute(words.load_escaped_char, {char: codePoint(found[0])}));
      }});
    } catch (e) {
      if (e instanceof jsyaml.YAMLException) throw new Error(yamlSyntax(e, text, words));
      throw e;
    }
  }

  // js-yaml's own reasons for refusing a file (its English, with the snippet), matched to the
  // words of the page: on the English page the CLI's plain words (yamlfile._PLAIN_WORDS) where
  // they say the same. First match wins; anything else is "not valid YAML here".
  var YAML_REASONS = [
    ["duplicated mapping key", "yaml_duplicate"], ["single document", "yaml_documents"],
    ["tab characters", "yaml_tab"],
    ["directive", "yaml_directive"], ["YAML version", "yaml_directive"],
    ["alias", "yaml_alias"], ["anchor", "yaml_alias"],
    ["tag", "yaml_tag"],
    ["quoted scalar", "yaml_quote"],
    ["flow collection", "yaml_bracket"], ["but found ','", "yaml_bracket"],
    ["escape sequence", "yaml_escape"], ["hexadecimal character", "yaml_escape"],
    ["a colon is missed", "yaml_colon"], ["may not be an implicit key", "yaml_colon"],
    ["a key node is missed", "yaml_colon"],
    ["indentation", "yaml_indent"], ["document separator is expected", "yaml_indent"]
  ];

  function yamlSyntax(e, text, words) {
    var reason = String(e.reason || ""), key = "yaml_other";
    for (var i = 0; i < YAML_REASONS.length; i++) {
      if (reason.indexOf(YAML_REASONS[i][0]) >= 0) { key = YAML_REASONS[i][1]; break; }
    }
    if (!e.mark) return words[key === "yaml_documents" ? key : "yaml_other"]; // no place to name
    // The key given twice starts where js-yaml points: it is shown up to its ':'.
    var line = text.split(/\r\n|\r|\n/)[e.mark.line] || "";
    var shown = line.slice(e.mark.column).split(/:(?:\s|$)/)[0].trim();
    if (key === "yaml_duplicate" && !shown) key = "yaml_other";
    return substitute(words.yaml_at, {
      line: e.mark.line + 1, column: e.mark.column + 1,
      reason: substitute(words[key], {key: yamlShown(shown)})
    });
  }

  // A problem with its place in a list ("[2] ") and its sentence in the page's language.
  function problemAt(spec, problem) {
    var prefix = problem[0].slice(1).map(function (p) { return typeof p === "number" ? "[" + (p + 1) + "] " : ""; }).join("");
    return prefix + problemText(spec, problem);
  }

  // The document lists the chosen items of a list of choices in the order given (the file's, or
  // the default's), and readForm reads the boxes in the page's order: so the chosen ones move
  // first, in that order, then the others in the template's order.
  function orderChoices(app, param, chosen) {
    var boxes = controls(app, param.id);
    var known = boxes.map(function (box) { return box.value; });
    var rest = param.item.choices.map(function (c) { return c.value; }).filter(function (v) { return chosen.indexOf(v) < 0; });
    chosen.concat(rest).forEach(function (v) {
      var box = boxes[known.indexOf(v)];
      if (!box) return;
      var label = box.closest("label") || box;
      label.parentNode.appendChild(label);
    });
  }

  function defaultOrder(app, spec) {
    spec.params.forEach(function (param) {
      if (param.type === "list" && param.item.type === "choice") orderChoices(app, param, param["default"] || []);
    });
  }

  function setChoices(app, param, items) {
    var boxes = controls(app, param.id);
    var known = boxes.map(function (box) { return box.value; });
    // An item the template does not offer, or one given twice (which boxes cannot show).
    if (items.some(function (item, i) { return known.indexOf(item) < 0 || items.indexOf(item) !== i; })) return false;
    orderChoices(app, param, items);
    boxes.forEach(function (box) { box.checked = items.indexOf(box.value) >= 0; });
    return true;
  }

  // Put one parameter's value, already of the type its rules want, into its controls; false when
  // they cannot hold it exactly as the file has it (a choice not offered, a date that is not one,
  // a line break in a one-line field...), so the form never shows something the CLI would not fill.
  function setParam(app, param, value, lang) {
    var el = controls(app, param.id)[0];
    if (param.type === "list") {
      if (!value.length && param["default"] && param["default"].length) return false; // [] is not the default
      if (param.item.type === "choice") return setChoices(app, param, value);
      var lines = value.map(function (item) { return typeof item === "number" ? shownNumber(item, lang, false) : item; });
      if (lines.some(function (line) { return line === "" || strip(line, " \t\r\n") !== line; })) return false;
      value = lines.join("\n"); // one item a line, set below
    }
    if (param.type === "money") {
      var select = app.querySelector('select[name="' + param.id + '__currency"]');
      var currency = param.currency; // as fill.money: a plain amount, or one without a currency
      if (jsonType(value) === "object") {
        if (Object.keys(value).some(function (k) { return k !== "amount" && k !== "currency"; })) return false;
        if (has(value, "currency")) currency = value.currency;
        value = value.amount;
      }
      if (typeof value !== "number") return false;
      if (select) {
        if (!Array.prototype.some.call(select.options, function (o) { return o.value === currency; })) return false;
        select.value = currency;
      } else if (currency !== param.currency) {
        return false;
      }
    }
    var text = typeof value === "number" ? shownNumber(value, lang, param.type === "money") : value;
    el.value = text;
    return el.value === text;
  }

  // A value that does not fit is not put into the field at all (not glued, not the default).
  function clearParam(app, param) {
    controls(app, param.id).forEach(function (el) {
      if (el.type === "checkbox") el.checked = false;
      else if (el.tagName === "SELECT") el.selectedIndex = -1;
      else el.value = "";
    });
  }

  function loadValues(app, spec, name, text, report) {
    var words = spec.words;
    withYaml(function (jsyaml) {
      var data;
      try {
        data = readValues(jsyaml, text, name, words);
      } catch (e) {
        report(substitute(words.load_failed, {file: name, error: String(e.message || e).split("\n")[0]}), false);
        return;
      }
      if (data === null || data === undefined) data = {};
      if (typeof data !== "object" || Array.isArray(data)) {
        report(substitute(words.load_not_values, {file: name}), false);
        return;
      }
      app.querySelector("form").reset(); // what the file leaves out is "not given": the defaults
      defaultOrder(app, spec);
      var ids = spec.params.map(function (param) { return param.id; });
      var unknown = Object.keys(data).filter(function (key) { return ids.indexOf(key) < 0; });
      var unfit = [], unfitIds = [], reasons = {};
      spec.params.forEach(function (param) {
        var value = data[param.id];
        // Empty (`name:`) or "" is "not given", as fill.present has it.
        if (!has(data, param.id) || value === null || value === "" || !controls(app, param.id).length) return;
        // A value of the wrong type (text where a number belongs, "12" in quotes...) is refused
        // with the CLI's words; any other problem (out of range...) the form shows in the field,
        // unless its controls cannot hold the value at all.
        var problems = validate(spec.schema.properties[param.id], value, [param.id]);
        var wrong = problems.filter(function (p) { return p[1] === "type"; });
        if (wrong.length || !setParam(app, param, value, spec.lang)) {
          clearParam(app, param);
          var why = (wrong.length ? wrong : problems).map(function (p) { return problemAt(spec, p); }).join(" ");
          why = why ? " (" + why.replace(/\.$/, "") + ")" : "";
          var shown = shorten(JSON.stringify(value));
          unfit.push(param.label + ": " + shown + why);
          unfitIds.push(param.id);
          // The field is marked invalid with this until the user changes it.
          reasons[param.id] = substitute(words.load_unfit_field, {value: shown, why: why});
        }
      });
      var lines = [substitute(words.loaded, {file: name})];
      if (unknown.length) lines.push(substitute(words.load_unknown, {names: unknown.join(", ")}));
      if (unfit.length) lines.push(substitute(words.load_unfit, {items: unfit.join("; ")}));
      report(lines.join(" "), !unknown.length && !unfit.length, {unknown: unknown, unfit: unfitIds, reasons: reasons});
    }, function () {
      report(substitute(words.load_failed, {file: name, error: "js-yaml"}), false);
    });
  }

  function problemText(spec, problem) {
    var path = problem[0], code = problem[1], args = Object.assign({}, problem[2]);
    var table = spec.messages;
    if (args.target) {
      var target = args.target;
      args.target = message(table, "target_" + target.kind, "", {id: target.id, label: target.label},
                            spec.counted, spec.lang);
      return message(table, code, "", args, spec.counted, spec.lang);
    }
    if (code === "input") return args.text; // said by the form itself (readNumber, a loaded file)
    if (code === "required" && args.label === undefined) { // as the CLI says it: with the label
      spec.params.forEach(function (param) { if (param.id === path[0]) args.label = param.label; });
    }
    var kind = args.kind || "";
    delete args.kind;
    return message(table, code, kind, args, spec.counted, spec.lang);
  }

  function init(app) {
    var spec;
    try {
      spec = JSON.parse(app.getAttribute("data-sla"));
    } catch (e) {
      return;
    }
    if (!spec || spec.format !== FORMAT) return;
    var form = app.querySelector("form");
    var preview = app.querySelector(".sla-preview");
    var summary = app.querySelector(".sla-summary");
    var emptyText = spec.words.preview_empty;
    // Said above a preview left from the last valid values (dimmed), for every reader: dimming
    // alone tells a screen reader nothing, and dims the text below readable contrast.
    var staleNote = document.createElement("p");
    staleNote.className = "sla-preview-stale";
    staleNote.textContent = spec.words.preview_stale;
    staleNote.hidden = true;
    preview.parentNode.insertBefore(staleNote, preview);
    var touched = {};
    // Fields whose value in a loaded file did not fit: id -> the error shown until the user edits it.
    var pending = {};
    var showAll = false;
    var last = null;
    // The preview is NOT a live region: it is the whole agreement, drawn again at every key
    // pressed, and a screen reader would read it out each time. It is a labelled region
    // (sla.md.j2) the reader can move to; the errors speak through the fields and the summary.

    function fieldOf(name) {
      return app.querySelector("#sla-" + spec.id + "-" + name + "-field");
    }

    function showErrors(problems) {
      var byField = {};
      var general = [];
      problems.forEach(function (problem) {
        var path = problem[0];
        var text = problemAt(spec, problem);
        if (path[0] === "derived" || path[0] === "when") {
          general.push(text);
          (problem[2].names || []).forEach(function (name) {
            (byField[name] = byField[name] || []);
          });
          return;
        }
        var name = String(path[0]);
        (byField[name] = byField[name] || []).push(text);
      });
      var shownCount = 0;
      spec.params.forEach(function (param) {
        var field = fieldOf(param.id);
        if (!field) return;
        var box = field.querySelector(".sla-error");
        var list = byField[param.id];
        var visible = list && (showAll || touched[param.id]);
        field.classList.toggle("sla-invalid", Boolean(visible));
        // The unit shown after a field (%, PLN, hours) is part of what a screen reader says of it.
        var unit = field.querySelector(".sla-suffix");
        if (unit && !unit.id) unit.id = field.id.replace(/-field$/, "-unit");
        controls(app, param.id).forEach(function (el) {
          if (visible) el.setAttribute("aria-invalid", "true");
          else el.removeAttribute("aria-invalid");
          el.setAttribute("aria-describedby", [
            unit && el.getAttribute("data-param") ? unit.id : "",
            param.help ? field.id.replace(/-field$/, "-help") : "",
            box.id
          ].filter(Boolean).join(" "));
        });
        box.textContent = visible ? list.join(" ") : "";
        box.hidden = !visible || !list.length;
        if (visible && list.length) shownCount++;
      });
      var messages = general.slice();
      if (showAll && shownCount) messages.unshift(spec.words.errors_title);
      // The summary is an alert: written again with the same words at every key pressed, it would
      // be announced again each time. Only a change of its words is news.
      var said = messages.join(" ");
      if (summary.textContent !== said) summary.textContent = said;
      summary.hidden = messages.length === 0;
    }

    function update() {
      var read = readInputs(app, spec);
      Object.keys(pending).forEach(function (id) { read.problems.push([[id], "input", {text: pending[id]}]); });
      var result = fill(spec, read.raw);
      if (read.problems.length) {
        // A field that could not be read has no value: the document and the downloads wait for it,
        // and its own error replaces what the rules say of the value left out ("required"...).
        var unread = read.problems.map(function (p) { return String(p[0][0]); });
        result = {filled: null, unread: true, problems: read.problems.concat(result.problems.filter(function (p) {
          return p[0][0] !== "derived" && p[0][0] !== "when" && unread.indexOf(String(p[0][0])) < 0;
        }))};
      }
      last = result;
      showErrors(result.problems);
      app.classList.toggle("sla-has-errors", result.problems.length > 0);
      if (result.filled) {
        preview.innerHTML = htmlBody(result.filled);
        // The agreement's headings sit under the page's own (its h1 is the agreement's title, in a
        // section under the form's h2): a screen reader's outline keeps the page's one h1.
        Array.prototype.forEach.call(preview.querySelectorAll("h1, h2, h3, h4"), function (h) {
          h.setAttribute("aria-level", String(Number(h.tagName.charAt(1)) + 2));
        });
        preview.classList.remove("sla-stale");
        staleNote.hidden = true;
      } else if (!preview.querySelector(".sla-doc")) {
        preview.innerHTML = "";
        var p = document.createElement("p");
        p.className = "sla-preview-empty";
        p.textContent = emptyText;
        preview.appendChild(p);
      } else {
        preview.classList.add("sla-stale");
        staleNote.hidden = false;
      }
      return result;
    }

    function focusInvalid() {
      var first = app.querySelector(".sla-invalid input, .sla-invalid select, .sla-invalid textarea");
      if (first) first.focus();
    }

    function whenValid(action) {
      showAll = true;
      var result = update();
      if (result.filled) action(result.filled);
      else focusInvalid();
    }

    function paramOf(name) {
      for (var i = 0; i < spec.params.length; i++) if (spec.params[i].id === name) return spec.params[i];
      return null;
    }

    function edited(event) {
      var name = event.target.getAttribute("data-param") || (event.target.name || "").replace(/__currency$/, "");
      if (!name) return;
      touched[name] = true;
      // The user's own value now (a currency alone does not give the amount that did not fit).
      if (event.target.getAttribute("data-param")) delete pending[name];
      var param = paramOf(name);
      // Left with a number it reads, the field shows it back the page's way (1 200 000,50).
      if (event.type === "change" && param && NUMERIC_TYPES.indexOf(param.type) >= 0 && event.target.getAttribute("data-param")) {
        var read = readNumber(event.target.value, spec.lang, param.type);
        if (typeof read.value === "number") event.target.value = shownNumber(read.value, spec.lang, param.type === "money");
      }
    }

    form.addEventListener("input", function (event) {
      edited(event);
      update();
    });
    form.addEventListener("change", function (event) {
      edited(event);
      update();
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      whenValid(function () {
        summary.textContent = spec.words.ok;
        summary.hidden = false;
      });
    });
    app.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("button[data-action]") : null;
      if (!button) return;
      var action = button.getAttribute("data-action");
      if (action === "check") return; // the form's submit
      event.preventDefault();
      if (action === "load-values") {
        if (picker) picker.click();
        return;
      }
      if (action === "download-values") {
        // A file may be saved half filled, but not with a field the form could not read: the file
        // would leave it out or carry something the user did not write.
        if (update().unread) {
          showAll = true;
          update();
          focusInvalid();
          return;
        }
        download(spec.id + ".values.yaml", valuesFile(spec, readForm(app, spec)), "application/yaml");
      } else if (action === "download-md") {
        whenValid(function (filled) { download(spec.id + ".md", markdown(filled), "text/markdown"); });
      } else if (action === "download-html") {
        whenValid(function (filled) { download(spec.id + ".html", standaloneHtml(filled), "text/html"); });
      } else if (action === "print") {
        whenValid(function () {
          document.body.classList.add("sla-printing");
          window.print();
        });
      }
    });
    window.addEventListener("afterprint", function () { document.body.classList.remove("sla-printing"); });
    // The browser's own Print (Ctrl+P) prints the agreement too, as the Print button does, when
    // the values make one; otherwise the page prints as a form to fill in by hand (sla-form.css).
    window.addEventListener("beforeprint", function () {
      if (last && last.filled) document.body.classList.add("sla-printing");
    });
    // A values file loaded by the reader: every field is checked and the summary says what was
    // loaded. ``carried``: the values the reader typed on this page in the other language
    // (language.js): only the fields that hold a value are checked, as they were on that page,
    // and the summary speaks only if something could not be carried over.
    function applyValues(name, text, carried) {
      loadValues(app, spec, name, text, function (message, clean, fields) {
        if (fields) pending = fields.reasons; // a file that cannot be read changes nothing
        var values = carried ? readForm(app, spec) : {};
        spec.params.forEach(function (param) {
          var unfit = fields && fields.unfit.indexOf(param.id) >= 0;
          if (!carried || unfit || has(values, param.id)) touched[param.id] = true;
        });
        if (!carried) showAll = true;
        update();
        if (!carried || !clean) {
          if (!clean || !summary.hidden) message = [message, summary.textContent].filter(Boolean).join(" ");
          summary.textContent = message;
          summary.hidden = false;
        }
        // Which fields were left out or could not be filled (for scripts and the tests).
        app.dispatchEvent(new CustomEvent("sla-loaded", {detail: {
          clean: clean, carried: carried, unknown: fields ? fields.unknown : [], unfit: fields ? fields.unfit : []}}));
      });
    }
    app.slaCarry = function (text) { applyValues(spec.id + ".values.yaml", text, true); };
    var picker = app.querySelector("input.sla-values-file");
    if (picker) {
      picker.addEventListener("change", function (event) {
        event.stopPropagation();
        var file = picker.files && picker.files[0];
        if (!file) return;
        var reader = new FileReader();
        reader.onload = function () {
          picker.value = "";
          applyValues(file.name, fileText(reader.result, spec.words), false);
        };
        reader.onerror = function () {
          picker.value = "";
          summary.textContent = substitute(spec.words.load_failed, {file: file.name, error: String(reader.error)});
          summary.hidden = false;
        };
        reader.readAsArrayBuffer(file);
      });
    }
    app.slaState = function () { return {spec: spec, raw: readForm(app, spec), result: last}; };
    // Phones show a keypad with the decimal separator (a minus is typed only where it may be).
    spec.params.forEach(function (param) {
      if (NUMERIC_TYPES.indexOf(param.type) < 0) return;
      controls(app, param.id).forEach(function (el) {
        el.setAttribute("inputmode", param.min !== null && param.min >= 0 ? "decimal" : "text");
        el.setAttribute("autocomplete", "off");
      });
    });
    defaultOrder(app, spec);
    update();
  }

  window.PlaybookSla = {
    parts: parts, roundTo: roundTo, plain: plain, formatNumber: formatNumber, formatMoney: formatMoney,
    pluralCategory: pluralCategory, pluralForm: pluralForm, isRealDate: isRealDate, evaluate: evaluate, validate: validate,
    fill: fill, formatValue: formatValue, markdown: markdown, htmlBody: htmlBody,
    standaloneHtml: standaloneHtml, mdEscape: mdEscape, htmlEscape: htmlEscape, message: message,
    describe: describe, quoted: quoted, yamlScalar: yamlScalar, valuesFile: valuesFile,
    readForm: readForm, problemText: problemText, EvalError: EvalError, loadValues: loadValues,
    readValues: readValues, readNumber: readNumber, shownNumber: shownNumber
  };

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".sla-app[data-sla]"), init);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

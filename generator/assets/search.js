/*
 * Playbook search: Material's search box and result list, answered by Pagefind.
 *
 * Why not Material's own search: its lunr index is one JSON file holding every page, fetched on
 * every page load; at thousands of pages that is megabytes before the first result, and it has no
 * Polish stemming nor diacritic folding. Pagefind's index is split into small chunks: a query
 * downloads only the chunks of its words and the details of the hits it shows.
 *
 * What this script adds on top of Pagefind (see generator/search/ for the index side):
 * - the query is cut to word stems with the Polish endings the page receives from Python
 *   (generator/search/polish.py), because Pagefind matches prefixes: "umowy" -> "umow" finds
 *   "umowa", "umowie"; "kwartale" -> "kwartal" finds "kwartał";
 * - "ł" is searched as "ľ" (how the index stores it, so that "l" and "ł" meet), and "ľ" in titles
 *   and excerpts is shown as "ł" again;
 * - words of one or two letters are left out of a query that has longer ones ("sp. z o.o."), and a
 *   word the index does not have finds nothing (Pagefind would search the longest indexed word
 *   the typed one starts with instead: "salesforce" -> "sales", "zażółć" -> "za");
 * - a query that is exactly a glossary name or a page's title (give or take endings, case and
 *   diacritics: "leady" is "Lead", "kwoty sprzedażowej" is "Kwota sprzedażowa") lists that term's
 *   page first, then the pages so titled: the index holds a hidden word for each name and title
 *   (generator/search/words.py and index.py make them, nameKey here makes the query's the same
 *   way), looked up with Pagefind's quoted search, which matches whole words only;
 * - a Polish word whose consonant softened before "-e" ("o kwocie") is searched again by its other
 *   stem ("kwot") when the best hit lacks the first; on the English site, a word the site lacks is
 *   searched as a site word of the same Polish stem ("marka" -> "marki", a glossary name), and a
 *   Polish word that finds something ("markę", "umowie") by its Polish stem too, first, or by its
 *   other stem when its own begins no word there ("źródeł", "zrodel", "kwocie": "źródł", "zrodl", "kwot");
 * - a query of one Polish word also lists the pages having its forms that its stem does not begin
 *   ("rynku": "rynek"; "dnia": "dzień"), through the same hidden stem words; a longer query adds,
 *   after its results, those of one more search with such words as their stem words;
 * - a Polish query of one word, cut to a stem that begins longer words, lists the pages having a
 *   word of that stem first ("marka": the pages saying "marki", "markę" before those saying only "marketing");
 * - ranking of the glossary fields (a term's own page, then pages about it, then mentions), and
 *   excerpts always in the page's own words: a page found only by a glossary name shows the
 *   sentence where the page names that term (or, on a term's page, its definition);
 * - kind and team of each hit, filters by kind, team and tag, each value with the number of the
 *   results listed that have it (the list merges several searches: see countsOf);
 * - "did you mean": when a query finds nothing, or its best hit lacks one of its words, the site's
 *   vocabulary (a small file written beside the index, fetched only then) offers the query with each
 *   word the site does not know replaced by the nearest one ("kampnia" -> "kampania"); the rules are
 *   generator/search/suggest.py's, which a test checks this script follows;
 * - keyboard: "/", "s" or "f" opens search, arrows move through results, Enter opens, Escape closes;
 * - the words searched for are highlighted on the page a result leads to (?h=...).
 */
(() => {
  "use strict";

  const configScript = document.getElementById("pb-search-config");
  const form = document.forms.namedItem("pb-search");
  const materialConfig = (() => {
    try {
      return JSON.parse(document.getElementById("__config").textContent);
    } catch (_) {
      return { base: ".", features: [], translations: {} };
    }
  })();
  const config = (() => {
    try {
      return JSON.parse(configScript ? configScript.textContent : "{}") || {};
    } catch (_) {
      return {};
    }
  })();
  const labels = config.labels || {};
  const translations = materialConfig.translations || {};
  const base = String(materialConfig.base || ".");
  const siteRoot = new URL(base.endsWith("/") ? base : base + "/", location.href);

  // -- words: folding and stemming (the same rules as generator/search/polish.py) ------------------
  const EXTRA_FOLDS = { "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "s" };

  const folds = new Map();

  function foldChar(ch) {
    if (EXTRA_FOLDS[ch]) return EXTRA_FOLDS[ch];
    let folded = folds.get(ch);
    if (folded === undefined) {
      const base = ch.normalize("NFD").replace(/\p{M}/gu, "");
      folded = base ? Array.from(base)[0] : ch;
      folds.set(ch, folded);
    }
    return folded;
  }

  function fold(text) {
    return Array.from(text.normalize("NFC"), foldChar).join("");
  }

  const stemmer = config.stemmer || null;

  /** A word without its ending by ``rules`` (the Polish stemmer's), lower case; as typed without. */
  function stemBy(rules, word) {
    const chars = Array.from(word.normalize("NFC").toLowerCase());
    const lower = chars.join("");
    if (!rules) return lower;
    const folded = chars.map(foldChar).join("");
    for (const [old, replacement] of rules.rewrites || []) {
      if (folded.endsWith(old) && folded.length - old.length >= rules.min) {
        return chars.slice(0, chars.length - old.length).join("") + replacement;
      }
    }
    for (const suffix of rules.suffixes || []) {
      if (folded.endsWith(suffix) && folded.length - suffix.length >= rules.min) {
        return chars.slice(0, chars.length - suffix.length).join("");
      }
    }
    return lower;
  }

  /** The site's stemmer: Polish on the Polish site, none on the English one. */
  function stem(word) {
    return stemBy(stemmer, word);
  }

  function words(text) {
    return text.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
  }

  /** The other stem by ``rules`` (the Polish stemmer's) of a word whose consonant softened before
   * "-e" ("kwocie" -> "kwot", "marce" -> "mark"), or whose vowel the other forms lack ("źródeł" ->
   * "źródł"; typed without Polish letters, "zrodel" -> "zrodl"), or null (alternative in
   * generator/search/polish.py). */
  function alternativeBy(rules, word) {
    if (!rules) return null;
    const chars = Array.from(word.normalize("NFC").toLowerCase());
    const folded = chars.map(foldChar).join("");
    const lower = chars.join("");
    for (const [written, other] of rules.writtenAlternations || []) {
      // a word typed without Polish letters ("zrodel") may have its ending typed so too ("eł")
      const [ending, instead] = lower === folded ? [fold(written), fold(other)] : [written, other];
      if (lower.endsWith(ending) && folded.length - ending.length + instead.length >= rules.min) {
        return chars.slice(0, chars.length - ending.length).join("") + instead;
      }
    }
    for (const [ending, instead] of rules.alternations || []) {
      if (folded.endsWith(ending) && folded.length - ending.length + instead.length >= rules.min) {
        return chars.slice(0, chars.length - ending.length).join("") + instead;
      }
    }
    return null;
  }

  /** The other stem of a word on the Polish site (see alternativeBy); null on the English one. */
  function alternative(word) {
    return alternativeBy(stemmer, word);
  }

  /** The query with each word that has another stem written as that stem ("o kwocie" -> "kwot"),
   * or null when no word has one: searched when the query itself finds nothing. */
  function alternativeQuery(text) {
    let changed = false;
    const out = queryWords(text).map((word) => {
      const other = alternative(word);
      if (other) changed = true;
      return other || word;
    });
    return changed ? out.join(" ") : null;
  }

  /** The stem all the forms of a Polish word share, folded, by ``rules`` (word_key in
   * generator/search/words.py): "marki" -> "mark", "rynek" and "rynku" -> "rynk", "dzień" and
   * "dnia" -> "dni", "handlowiec" and "handlowca" -> "handlowc". */
  function polishKey(rules, word) {
    const lower = word.normalize("NFC").toLowerCase();
    const folded = fold(lower);
    const letters = Array.from(folded);
    for (const [whole, key] of rules.irregular || []) if (folded === whole) return key;
    for (const [old, replacement] of rules.mobileE || []) {
      if (lower.endsWith(old) && letters.length - old.length >= rules.min) {
        return letters.slice(0, letters.length - old.length).join("") + replacement;
      }
    }
    return fold(stemBy(rules, lower));
  }

  /** One word of an exact-match key (word_key in generator/search/words.py): folded, without its
   * Polish ending ("handlowiec" and "handlowca" -> "handlowc") or its English plural. */
  function wordKey(word) {
    const lower = word.normalize("NFC").toLowerCase();
    if (!stemmer) return fold(Array.from(lower).length > 3 ? lower.replace(/(es|s)$/, "") : lower);
    return polishKey(stemmer, lower);
  }

  /** The exact-match key of a name, a title or a query (name_key in generator/search/words.py). */
  function nameKey(text) {
    return words(text).map(wordKey).join(" ");
  }

  /** The index's hidden word for a key: a term's name (``kind`` "n") or a title ("t"); see
   * exact_word in generator/search/index.py. */
  function exactWord(key, kind) {
    return `qx${key.split(" ").join("0")}0${kind}`;
  }

  /** The words searched for: one- and two-letter words only when there is nothing longer. */
  function queryWords(text) {
    const all = words(text);
    const long = all.filter((w) => Array.from(w).length >= (config.minWord || 3));
    return long.length ? long : all;
  }

  /** The query as Pagefind should see it: stems, with "ł" written as the index stores it. */
  function pagefindQuery(text) {
    return queryWords(text).map(stem).map((w) => w.replace(/ł/g, "ľ")).join(" ");
  }

  /** The last letters of an English word that no ending Pagefind's English (Porter 2) stemmer
   * removes ends in: such a word is its own stem, and every word Pagefind finds for it begins so. */
  const KEPT_END = /[abfhjkopquvwxz]$/;

  /** What a word of a found page must start with (folded) to count as this query word: the stem
   * less up to three letters, since Pagefind stems the query word again (English "quotas" finds
   * "quota"), and less a "y" left at its end, which Pagefind's English stemmer writes "i"
   * ("qualifying" finds "qualified", "qualifies"). A word the index lacks is matched by Pagefind
   * to a much shorter one. On the English site, a word ending in a letter that Pagefind's English
   * stemmer removes no ending in (see KEPT_END) must be there whole: "marka", which a Polish reader
   * types, is not "marked". */
  function needed(word) {
    const folded = fold(stem(word));
    if (!stemmer && KEPT_END.test(folded)) return folded;
    const cut = folded.slice(0, Math.max(3, folded.length - 3));
    return cut.length > 3 && cut.endsWith("y") ? cut.slice(0, -1) : cut;
  }

  /** Whether a found page has every query word (in its text or its searchable metadata, but not
   * in the hidden exact-match words). */
  function hasEveryWord(data, query) {
    const found = pageWords(data);
    return queryWords(query).map(needed).every((key) => {
      for (const w of found) if (w.startsWith(key)) return true;
      return false;
    });
  }

  /** Whether a word of a found page's text that Pagefind matched (its ``locations``) begins as a
   * query word must (see needed); true for a page found by its metadata only (no locations). */
  function matchesWhole(data, query) {
    const at = data.locations || [];
    if (!at.length) return true;
    const tokens = (data.content || "").split(/\s+/);
    const keys = queryWords(query).map(needed);
    return at.some((i) => words(fold(tokens[i] || "")).some((w) => keys.some((key) => w.startsWith(key))));
  }

  /** Whether a found page has, for each query word with another stem (see alternative), a word
   * beginning with the word's own stem: "prace" on a page saying "pracy", not "kwocie" on one
   * saying only "kwota". */
  function hasOwnStems(data, query) {
    const found = pageWords(data);
    return queryWords(query).filter((word) => alternative(word)).every((word) => {
      const key = fold(stem(word));
      for (const w of found) if (w.startsWith(key)) return true;
      return false;
    });
  }

  /** The words of a found page, folded (or, ``folded`` false, as written, lower case): its text and
   * searchable metadata (not the hidden words). */
  function pageWords(data, folded = true) {
    const hidden = [config.exactField, config.stemField];
    const meta = Object.entries(data.meta || {}).filter(([field]) => !hidden.includes(field));
    const text = [data.content || "", ...meta.map(([, value]) => value)].join(" ");
    return new Set(words(folded ? fold(text) : unfoldL(text)));
  }

  // -- "did you mean" (the rules of generator/search/suggest.py) -----------------------------------
  const suggestRules = config.suggest || null;

  /** How many mistakes a word of ``length`` letters may have and still get a suggestion. */
  function maxDistance(length) {
    let allowed = 0;
    for (const [atLeast, distance] of suggestRules.distances) if (length >= atLeast) allowed = distance;
    return allowed;
  }

  /** Damerau-Levenshtein distance (optimal string alignment) of two arrays of letters, or
   * ``limit + 1`` as soon as it is sure to be more. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    let before = [];
    let previous = [];
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      [before, previous, row] = [previous, row, [i]];
      let least = i;
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let best = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2] + 1);
        row[j] = best;
        if (best < least) least = best;
      }
      if (least > limit) return limit + 1;
    }
    return Math.min(row[b.length], limit + 1);
  }

  /** The vocabulary file's words as written, and folded in lower case. */
  function readVocabulary(text) {
    const written = text.split("\n").filter(Boolean);
    return { written, folded: written.map((w) => fold(w.toLowerCase())) };
  }

  /** Whether a query word is among some words (folded): one begins with it as the search cuts it,
   * or it begins with one at most ``ending`` letters shorter. */
  function isKnown(word, folded) {
    const cut = fold(stem(word));
    const plain = fold(word.toLowerCase());
    const shortest = Math.max(suggestRules.minLength, Array.from(plain).length - suggestRules.ending);
    for (const w of folded) {
      if (w.startsWith(cut) || (Array.from(w).length >= shortest && plain.startsWith(w))) return true;
    }
    return false;
  }

  /** The words of a query that may be corrected: those searched, of letters, neither too short
   * nor too long. */
  function correctable(text) {
    return queryWords(text).filter((word) => {
      const length = Array.from(word).length;
      return length >= suggestRules.minLength && length <= suggestRules.maxLength && /^\p{L}+$/u.test(word);
    });
  }

  /** The word of the vocabulary nearest to ``word``, as written (the first of equals), or null. */
  function nearest(word, vocabulary) {
    const plain = Array.from(fold(word.toLowerCase()));
    const joined = plain.join("");
    let limit = maxDistance(plain.length);
    let best = null;
    for (let i = 0; i < vocabulary.folded.length; i++) {
      const candidate = vocabulary.folded[i];
      if (candidate === joined) continue;
      const found = distance(plain, Array.from(candidate), limit);
      if (found <= limit) {
        best = vocabulary.written[i];
        limit = found - 1;
        if (found <= 1) break;
      }
    }
    return best;
  }

  /** The query with each word the site does not know replaced by its nearest word, or null. */
  function suggestion(text, vocabulary) {
    const mended = correctable(text);
    let changed = false;
    const out = words(text).map((word) => {
      const better = mended.includes(word) && !isKnown(word, vocabulary.folded) ? nearest(word, vocabulary) : null;
      if (better) changed = true;
      return better || word;
    });
    return changed ? out.join(" ") : null;
  }

  function unfoldL(text) {
    return String(text).replace(/ľ/g, "ł").replace(/Ľ/g, "Ł");
  }

  // Exposed for tests and for the curious: the browser and Python must cut words alike.
  window.playbookSearch = {
    fold, stem, pagefindQuery, queryWords, nameKey, exactWord, alternative, alternativeQuery,
    hasStemWord, stemWordQuery,
    suggestion: (text, written) => suggestion(text, readVocabulary(written.join("\n"))),
  };

  // -- highlighting the searched words on the page a result leads to -------------------------------
  function highlight() {
    if (!(materialConfig.features || []).includes("search.highlight")) return;
    const query = new URLSearchParams(location.search).get("h");
    const article = document.querySelector("article.md-content__inner");
    if (!query || !article) return;
    const wanted = queryWords(query)
      .map((w) => fold(stemmer ? stem(w) : w.length > 3 ? w.replace(/(es|s)$/, "") : w))
      .filter((w) => w.length >= 2);
    if (!wanted.length) return;
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
      acceptNode(node) {
        const parent = node.parentElement;
        if (!parent || parent.closest("script, style, svg, mark, .headerlink, .mermaid")) {
          return NodeFilter.FILTER_REJECT;
        }
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    const wordRe = /[\p{L}\p{N}]+/gu;
    for (const node of nodes) {
      const text = node.nodeValue;
      let match;
      let last = 0;
      const parts = [];
      wordRe.lastIndex = 0;
      while ((match = wordRe.exec(text))) {
        const folded = fold(match[0].toLowerCase());
        if (wanted.some((w) => folded.startsWith(w))) {
          parts.push(document.createTextNode(text.slice(last, match.index)));
          const mark = document.createElement("mark");
          mark.setAttribute("data-md-highlight", "");
          mark.textContent = match[0];
          parts.push(mark);
          last = match.index + match[0].length;
        }
      }
      if (parts.length) {
        parts.push(document.createTextNode(text.slice(last)));
        node.replaceWith(...parts);
      }
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", highlight);
  } else {
    highlight();
  }

  if (!form || !configScript) return;

  // -- the search box ------------------------------------------------------------------------------
  const toggle = document.getElementById("__search");
  const input = form.elements.namedItem("query");
  const root = form.closest(".md-search");
  const output = root.querySelector(".md-search__output");
  const filtersBox = root.querySelector(".pb-search-filters");
  const meta = root.querySelector(".md-search-result__meta");
  const list = root.querySelector(".md-search-result__list");
  const more = root.querySelector(".pb-search-more");
  const pageSize = config.pageSize || 10;
  const EXCERPT_WORDS = 24;
  const minChars = config.minChars || 2;

  let pagefind = null;
  let results = [];
  let shown = 0;
  let sequence = 0;
  let timer = 0;
  let lastQuery = "";
  let shownQuery = ""; // what the results shown are for: the query, or another form of it

  function setMeta(text) {
    if (meta.textContent !== text) meta.textContent = text; // a live region: said again only when it changes
  }

  /** The count, and "Did you mean: <better>?" with a button that searches ``better``: in the live
   * region, so that it is said with the count. */
  function showMeta(text, better) {
    if (!better) return setMeta(text);
    const said = `${text}. ${labels.suggest || ""} `;
    if (meta.textContent === `${said}${better}?`) return;
    const button = el("button", "pb-search-suggest", better);
    button.type = "button";
    button.addEventListener("click", () => {
      input.value = better;
      input.focus();
      schedule(0);
    });
    meta.replaceChildren(said, button, "?");
  }

  let vocabulary = null;

  /** The site's words (fetched once, when a query first needs a suggestion); null without them. */
  function loadVocabulary() {
    if (!vocabulary) {
      vocabulary = fetch(new URL(suggestRules.file, siteRoot).href)
        .then((response) => (response.ok ? response.text() : ""))
        .then((text) => (text ? readVocabulary(text) : null))
        .catch(() => null);
    }
    return vocabulary;
  }

  /** On the English site, the query with each word it lacks written as a word of the site that
   * is another Polish form of it (the same stem by the Polish stemmer, config.polishForms), or
   * null: the glossary's Polish names are in the English site's index too, as written ("Świadomość
   * marki"), and a Polish reader types "marka". Reads the vocabulary (see loadVocabulary). */
  async function polishForms(text) {
    const rules = config.polishForms;
    if (stemmer || !rules || !suggestRules) return null;
    const siteWords = await loadVocabulary();
    if (!siteWords) return null;
    let changed = false;
    const out = queryWords(text).map((word) => {
      const key = fold(stemBy(rules, word));
      if (Array.from(key).length <= rules.min || key === fold(word.toLowerCase())) return word;
      const at = siteWords.folded.findIndex((w) => w.startsWith(key) && fold(stemBy(rules, w)) === key);
      if (at < 0) return word;
      changed = true;
      return siteWords.written[at];
    });
    return changed ? out.join(" ") : null;
  }

  /** On the English site, the query with each word that is recognisably Polish written as its
   * Polish stem ("markę" -> "mark", "umowie" -> "umow": ``stems``) and as the site's commonest
   * word of that stem ("marki", "umowa": ``forms``, null without the vocabulary), or null when no
   * word is Polish. A word is Polish when it has a Polish ending (or a Polish stem another than
   * its beginning: "dzień") and a letter English lacks ("ę", "ó"...), or when it is no word of
   * the site (the best hit lacks it, and the vocabulary too) while a word of the site has its
   * Polish stem ("umowie": "umowa"). An English word of the site ("quota") is searched as typed,
   * and the vocabulary is fetched only for a word that may be Polish.
   * A word having another stem by the Polish rules (see alternativeBy: "źródeł", "zrodel" ->
   * "źródł", "zrodl"; "kwocie" -> "kwot"), whose own stem the best hit lacks (or that found
   * nothing), is taken by that other stem when a word of the site has it ("źródło"), as the
   * Polish site searches it again: ``typed`` is the query with that stem in the word's place,
   * whose keys the exact matches and the stem words look up ("zrodel" has none, "zrodl" is the
   * key of "Źródło"). With no ``hits``, only such a word makes the query Polish: a word the site
   * lacks is otherwise written as a word of the site below (polishForms: "marka" -> "marki"). */
  async function polishQuery(text, hits) {
    const rules = config.polishForms;
    if (stemmer || !rules) return null;
    if (!hits.length && !queryWords(text).some((word) => alternativeBy(rules, word))) return null;
    const letters = new RegExp(`[${rules.letters || ""}]`, "iu");
    let seen = null;
    let best = null;
    let siteWords;
    let changed = false;
    let other = false;
    const stems = [];
    const forms = [];
    const typed = [];
    const vocabularyOnce = async () => {
      if (siteWords === undefined) siteWords = suggestRules ? await loadVocabulary() : null;
      return siteWords;
    };
    for (const word of queryWords(text)) {
      const plain = fold(word.toLowerCase());
      let cut = stemBy(rules, word);
      let key = polishKey(rules, word);
      let as = word;
      const alt = alternativeBy(rules, word);
      if (alt) {
        // the best hit's words, folded: has it one beginning with the word's own stem?
        if (best === null) best = hits.length ? pageWords(await dataOf(hits[0])) : new Set();
        const own = fold(cut);
        const altKey = polishKey(rules, alt);
        if (!Array.from(best).some((w) => w.startsWith(own)) && (await vocabularyOnce())
            && siteWords.folded.some((w) => w.charAt(0) === altKey.charAt(0) && polishKey(rules, w) === altKey)) {
          [cut, key, as, other] = [stemBy(rules, alt), altKey, alt, true];
        }
      }
      let polish = false;
      let form = null;
      if ((fold(cut) !== plain || key !== fold(cut)) && Array.from(key).length >= rules.min) {
        polish = !!rules.letters && letters.test(word);
        if (!polish && Array.from(key).length > rules.min) {
          if (seen === null) seen = hits.length ? pageWords(await dataOf(hits[0]), false) : new Set();
          // "klientow": the best hit has it only with its Polish letters ("klientów")
          polish = !seen.has(plain);
        }
        if (polish) {
          await vocabularyOnce();
          const first = plain.charAt(0);
          const at = siteWords ? siteWords.folded.findIndex((w) => w.charAt(0) === first && polishKey(rules, w) === key) : -1;
          // not Polish: a word of the site as typed (the vocabulary writes each word as most
          // often written: "klientów", never "klientow"), or one whose stem no word of the site has
          if (!letters.test(word) && (!siteWords || at < 0 || siteWords.written.some((w) => w.toLowerCase() === plain))) polish = false;
          if (at >= 0) form = siteWords.written[at];
        }
      }
      changed = changed || polish;
      stems.push(polish ? cut : word);
      forms.push(polish ? form || cut : word);
      typed.push(polish ? as : word);
    }
    if (!changed || (!hits.length && !other)) return null;
    return { stems: stems.join(" "), forms: siteWords ? forms.join(" ") : null, typed: typed.join(" ") };
  }

  /** What to offer for ``text``, whose results are ``found``: nothing when the best hit has every
   * word that could be corrected (see isKnown: as typed, or its stem); else the suggestion, if any
   * (the vocabulary is fetched only then). */
  async function suggestionFor(text, found) {
    const mended = suggestRules ? correctable(text) : [];
    if (!mended.length) return null;
    if (found.length) {
      const seen = pageWords(await dataOf(found[0]));
      if (mended.every((word) => isKnown(word, seen))) return null;
    }
    const siteWords = await loadVocabulary();
    return siteWords ? suggestion(text, siteWords) : null;
  }

  function countText(n) {
    if (n === 0) return translations["search.result.none"] || "0";
    if (n === 1) return translations["search.result.one"] || "1";
    return (translations["search.result.other"] || "#").replace("#", String(n));
  }

  function loadPagefind() {
    if (!pagefind) {
      if (location.protocol === "file:") {
        pagefind = Promise.reject(new Error(labels.file));
      } else {
        pagefind = import(new URL("pagefind/pagefind.js", siteRoot).href).then(async (pf) => {
          await pf.options({
            baseUrl: siteRoot.pathname,
            excerptLength: EXCERPT_WORDS,
            ranking: { metaWeights: config.metaWeights || {} },
          });
          await pf.init();
          return pf;
        });
      }
      pagefind.catch(() => {});
    }
    return pagefind;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** Pagefind's excerpt escapes the page text and adds <mark>; allow nothing else. */
  function excerptHtml(excerpt) {
    return unfoldL(excerpt || "").replace(/<(?!\/?mark>)/g, "&lt;");
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  /** Folded stems of a glossary name's words ("Kwoty sprzedażowej" -> ["kwot", "sprzedaz"]). */
  function nameKeys(name) {
    return words(name).map((w) => fold(stemmer ? stem(w) : w.replace(/(es|s)$/, "")));
  }

  /**
   * The excerpt of a page found only through its glossary metadata (no word of its text matched):
   * the page's own words where it names the term the query found, in the page's language, with
   * the term marked; on a term's own page (or when the page's text does not name it), its
   * beginning without the repeated title: the summary. Never the list of names itself.
   */
  function glossaryExcerpt(data, query) {
    const content = unfoldL(data.content || "");
    const title = unfoldL(data.meta.title || "");
    const keys = queryWords(query).map(needed);
    const matches = (value) => words(fold(unfoldL(value || ""))).some((w) => keys.some((k) => w.startsWith(k)));
    if (!data.meta.names || !matches(data.meta.names)) {
      // the names of the terms the query found, from the fields "about" and "synonyms" (a term's
      // names are joined by " · ", terms by " ¦ ", see generator/search/index.py)
      const terms = [data.meta.about, data.meta.synonyms]
        .flatMap((field) => unfoldL(field || "").split(" ¦ "))
        .filter(matches)
        .flatMap((term) => term.split(" · "));
      const tokens = content.split(/\s+/).filter(Boolean);
      const folded = tokens.map((t) => words(fold(t))[0] || "");
      for (const name of terms) {
        const parts = nameKeys(name);
        if (!parts.length) continue;
        for (let at = 0; at + parts.length <= tokens.length; at++) {
          if (!parts.every((p, i) => folded[at + i].startsWith(p))) continue;
          const start = Math.max(0, at - Math.floor((EXCERPT_WORDS - parts.length) / 2));
          const shown = tokens.slice(start, start + EXCERPT_WORDS).map((t, i) => {
            const here = start + i;
            return here >= at && here < at + parts.length ? `<mark>${escapeHtml(t)}</mark>` : escapeHtml(t);
          });
          return (start > 0 ? "… " : "") + shown.join(" ");
        }
      }
    }
    let text = content;
    if (title && text.startsWith(title)) text = text.slice(title.length).replace(/^[\s.:]+/, "");
    const tokens = text.split(/\s+/).filter(Boolean);
    return escapeHtml(tokens.slice(0, EXCERPT_WORDS).join(" ")) + (tokens.length > EXCERPT_WORDS ? " …" : "");
  }

  /** The excerpt shown under a hit's title. */
  function excerptOf(data, query) {
    return (data.locations || []).length ? excerptHtml(data.excerpt) : glossaryExcerpt(data, query);
  }

  function withHighlight(url) {
    const query = input.value.trim();
    if (!query) return url;
    const hash = url.indexOf("#");
    const path = hash === -1 ? url : url.slice(0, hash);
    const anchor = hash === -1 ? "" : url.slice(hash);
    return `${path}${path.includes("?") ? "&" : "?"}h=${encodeURIComponent(query)}${anchor}`;
  }

  function facetsOf(data) {
    const nav = el("nav", "md-tags pb-search-facets");
    const kind = data.meta.kind;
    const team = data.meta.team;
    if (kind) nav.append(el("span", "md-tag pb-search-kind", kind));
    if (team) nav.append(el("span", "md-tag pb-search-team", team));
    return nav;
  }

  function render(data) {
    const item = el("li", "md-search-result__item");
    const title = unfoldL(data.meta.title || data.url);
    const link = el("a", "md-search-result__link");
    link.href = withHighlight(data.url);
    link.tabIndex = -1;
    const article = el("article", "md-search-result__article md-search-result__article--document md-typeset");
    article.append(el("div", "md-search-result__icon md-icon"));
    // A title or text in another language than the site's (no translation yet) is marked as
    // such, as on the page, so that a screen reader reads it in that language's voice.
    const heading = el("h1", "", title);
    if (data.meta.title_lang) heading.lang = data.meta.title_lang;
    article.append(heading);
    article.append(facetsOf(data));
    const excerpt = el("p");
    if (data.meta.text_lang) excerpt.lang = data.meta.text_lang;
    excerpt.innerHTML = excerptOf(data, shownQuery);
    article.append(excerpt);
    link.append(article);
    item.append(link);
    const sections = (data.sub_results || [])
      .filter((sub) => sub.url.includes("#") && unfoldL(sub.title) !== title)
      .slice(0, 3);
    for (const sub of sections) {
      const subLink = el("a", "md-search-result__link");
      subLink.href = withHighlight(sub.url);
      subLink.tabIndex = -1;
      const subArticle = el("article", "md-search-result__article md-typeset");
      if (data.meta.text_lang) subArticle.lang = data.meta.text_lang;
      subArticle.append(el("h2", "", unfoldL(sub.title)));
      const subExcerpt = el("p");
      subExcerpt.innerHTML = excerptHtml(sub.excerpt);
      subArticle.append(subExcerpt);
      subLink.append(subArticle);
      item.append(subLink);
    }
    return item;
  }

  /** The pages with the query's key (see nameKey) as a term's name (``kind`` "n") or as their
   * title ("t"): the hidden word exact_word in generator/search/index.py makes, searched quoted
   * (a whole word; only the index chunk holding it is read). None without a key. */
  function exactSearch(pf, key, kind, filters) {
    if (!key || !config.exactField) return Promise.resolve(null);
    return pf.search(`"${exactWord(key, kind)}"`, { filters });
  }

  /** ``results`` with the exact matches first: the terms so named, then the pages so titled, each
   * group in the order ``results`` has them (a page missing from it comes after those). */
  function exactFirst(results, exact) {
    const rank = new Map(results.map((r, i) => [r.id, i]));
    const order = (r) => (rank.has(r.id) ? rank.get(r.id) : results.length);
    const first = [];
    const seen = new Set();
    for (const found of exact) {
      if (!found) continue;
      for (const hit of found.results.slice().sort((a, b) => order(a) - order(b))) {
        if (seen.has(hit.id)) continue;
        seen.add(hit.id);
        first.push(rank.has(hit.id) ? results[rank.get(hit.id)] : hit);
      }
    }
    return first.length ? [...first, ...results.filter((r) => !seen.has(r.id))] : results;
  }

  /** The pages having a word *of the stem* of each query word (Polish): Pagefind finds the words
   * that begin with the stem, so "marka" (cut to "mark") also finds "marketing" and "targi" finds
   * "target". The index holds a hidden word for a stem that begins longer ones (add_stem_words in
   * generator/search/index.py), on the pages having a word of that stem ("marki", "markę");
   * looked up quoted, like exactSearch. A query of one word only: in a longer one ("jak przekazać
   * leada") the other words say what is meant, and a related word of another stem (our stemmer
   * cuts "przekazać" to "przekaz", "przekazanie" to "przekazan") must not push a page down. */
  function stemSearch(pf, text, filters, rules) {
    const found = queryWords(text);
    if (!rules || !config.stemField || found.length !== 1) return Promise.resolve(null);
    return pf.search(`"${exactWord(polishKey(rules, found[0]), "f")}"`, { filters });
  }

  /** Whether the forms of a Polish query word may not all begin with its stem key, so that the
   * index has them under a stem word (add_stem_words in generator/search/index.py): the word
   * itself does not begin with it ("rynek": "rynk"; "dzień": "dni"; "klienci": "klient"), or the
   * key is one that such a form gives ("rynku": "rynk", from "rynek"; "dnia"; "handlowca";
   * "klienta"). Decided from the word alone: no download. */
  function hasStemWord(word) {
    const key = polishKey(stemmer, word);
    if (key.length < 3 || !/^[a-z]+$/.test(key)) return false; // MIN_STEM_WORD, letters (index.py)
    if (!fold(word.normalize("NFC").toLowerCase()).startsWith(key)) return true;
    if ((stemmer.irregular || []).some(([, k]) => k === key)) return true;
    const ends = (tail) => key.endsWith(tail) && key.length - tail.length >= stemmer.min;
    // the vowel drops between two consonants: "rynek" -> "rynk", not "prac" ("pracy")
    if ((stemmer.mobileE || []).some(([, tail]) => ends(tail) && !/[aeiouy]/.test(key[key.length - tail.length - 1]))) {
      return true;
    }
    return (stemmer.rewrites || []).some(([, tail]) => ends(tail));
  }

  /** A query of several Polish words with each word that has a stem word (see hasStemWord)
   * written as that word ("rynek pracy" -> "qxrynk0f prac"), which finds the pages saying
   * "rynku pracy"; null when no word has one (or for a single word: see stemSearch). */
  function stemWordQuery(text) {
    if (!stemmer || !config.stemField) return null;
    const found = queryWords(text);
    if (found.length < 2 || !found.some(hasStemWord)) return null;
    return found.map((w) => (hasStemWord(w) ? exactWord(polishKey(stemmer, w), "f") : pagefindQuery(w))).join(" ");
  }

  /** ``results`` with the pages having a word of the query word's stem first, in the order
   * ``results`` has them, then those ``results`` lacks: a form the stem does not begin ("rynek"
   * for "rynku", "dzień" for "dnia"). Unchanged when no page has that stem as a stem word. */
  function ownStemFirst(results, found, order) {
    if (!found || !found.results.length) return results;
    const own = new Set(found.results.map((r) => r.id));
    const listed = new Set(results.map((r) => r.id));
    const first = [...results.filter((r) => own.has(r.id)), ...found.results.filter((r) => !listed.has(r.id))];
    if (order) {
      // in the order of a search for the site's own form of the word ("marki" for "markę")
      const rank = new Map(order.results.map((r, i) => [r.id, i]));
      const at = (r) => (rank.has(r.id) ? rank.get(r.id) : order.results.length);
      first.sort((a, b) => at(a) - at(b));
    }
    return [...first, ...results.filter((r) => !own.has(r.id))];
  }

  /** A result's details (fetched once: the first result is read before it is shown). */
  function dataOf(result) {
    if (!result.pbData) result.pbData = result.data();
    return result.pbData;
  }

  async function showMore(mine) {
    const batch = results.slice(shown, shown + pageSize);
    const data = await Promise.all(batch.map(dataOf));
    if (mine !== sequence) return;
    for (const d of data) list.append(render(d));
    shown += batch.length;
    more.hidden = shown >= results.length;
  }

  function chosenFilters() {
    const chosen = {};
    for (const select of filtersBox.querySelectorAll("select")) {
      if (select.value) chosen[select.name] = [select.value];
    }
    return chosen;
  }

  let filtersReady = null;

  function buildFilters() {
    if (!filtersReady) {
      filtersReady = loadPagefind()
        .then((pf) => pf.filters())
        .then((all) => {
          for (const name of config.filters || []) {
            const values = all[name] || {};
            const names = Object.keys(values).sort((a, b) => unfoldL(a).localeCompare(unfoldL(b), config.lang));
            if (!names.length) continue;
            const label = el("label", "pb-search-filter");
            label.append(el("span", "pb-search-filter__name", labels[name] || name));
            const select = el("select");
            select.name = name;
            select.dataset.filter = name;
            select.append(new Option(labels.any || "—", ""));
            for (const value of names) {
              const option = new Option(`${value} (${values[value]})`, value);
              option.dataset.value = value;
              select.append(option);
            }
            select.addEventListener("change", () => schedule(0));
            label.append(select);
            filtersBox.append(label);
          }
          filtersBox.setAttribute("aria-label", labels.filters || "");
          filtersBox.hidden = !filtersBox.children.length;
        })
        .catch(() => {});
    }
    return filtersReady;
  }

  /** The number of the results listed, ``hits``, for each filter value. The list merges the
   * results of several of Pagefind's ``answers`` (the query, its exact matches, its stem words,
   * another form of it...), and one answer's counts (``filters``: Pagefind counts all its
   * results, downloading nothing) missed the pages the others added ("dzień" lists pages saying
   * only "dni", "rynek pracy" those saying "rynku pracy") or counted pages dropped (a best hit
   * lacking a query word). A page's own filters come with its details (``data()``, one small
   * download each, which the first ten results shown need anyway). So: the counts of the largest
   * answer listed whole, then for each further one, whichever means fewer details to download,
   * not counting those shown: its pages not counted yet, added one by one, or its counts, less
   * its pages counted already. A listed page that no answer lists whole is added by its details. */
  async function countsOf(hits, answers) {
    const listed = new Map(hits.map((r) => [r.id, r]));
    const whole = answers
      .filter((a) => a && a.results.length && a.results.every((r) => listed.has(r.id)))
      .sort((a, b) => b.results.length - a.results.length);
    const shownFirst = new Set(hits.slice(0, pageSize).map((r) => r.id));
    const cost = (pages) => pages.filter((r) => !shownFirst.has(r.id)).length;
    const counts = {};
    const add = (name, value, n) => {
      const values = counts[name] || (counts[name] = {});
      values[value] = (values[value] || 0) + n;
    };
    const counted = new Set();
    const read = []; // [a listed result, +1 or -1]
    for (const answer of whole) {
      const fresh = answer.results.filter((r) => !counted.has(r.id));
      if (!fresh.length) continue;
      const known = answer.results.filter((r) => counted.has(r.id));
      if (cost(known) <= cost(fresh)) {
        for (const [name, values] of Object.entries(answer.filters || {})) {
          for (const [value, n] of Object.entries(values)) add(name, value, n);
        }
        for (const r of known) read.push([listed.get(r.id), -1]);
      } else {
        for (const r of fresh) read.push([listed.get(r.id), 1]);
      }
      for (const r of fresh) counted.add(r.id);
    }
    for (const r of hits) if (!counted.has(r.id)) read.push([r, 1]);
    const data = await Promise.all(read.map(([r]) => dataOf(r)));
    data.forEach((d, i) => {
      for (const [name, values] of Object.entries(d.filters || {})) {
        for (const value of values) add(name, value, read[i][1]);
      }
    });
    return counts;
  }

  function updateCounts(counts) {
    for (const select of filtersBox.querySelectorAll("select")) {
      const values = (counts && counts[select.name]) || {};
      for (const option of select.options) {
        if (!option.value) continue;
        const n = values[option.value] || 0;
        option.textContent = `${option.value} (${n})`;
      }
    }
  }

  async function search() {
    const mine = ++sequence;
    const text = input.value.trim();
    const query = pagefindQuery(text);
    const filters = chosenFilters();
    const filtered = Object.keys(filters).length > 0;
    lastQuery = text;
    if (!query && !filtered) {
      list.replaceChildren();
      more.hidden = true;
      setMeta(translations["search.result.placeholder"] || "");
      done(text);
      return;
    }
    if (!filtered && text.length < minChars) {
      list.replaceChildren();
      more.hidden = true;
      setMeta(labels.short || "");
      done(text);
      return;
    }
    try {
      const pf = await loadPagefind();
      // Pagefind counts a search's results by filter only for the filters it has loaded
      await buildFilters();
      let searched = text;
      let [answers, hits] = await lookup(pf, text, query, filters);
      // "o kwocie" has no page as "kwoc" (Pagefind then answers a shorter word, "kwo"): a
      // softened consonant, searched again as "kwot" when the best hit lacks the first stem
      const other = query ? alternativeQuery(text) : null;
      if (other && mine === sequence && !(hits.length && hasOwnStems(await dataOf(hits[0]), text))) {
        const [otherAnswers, otherHits] = await lookup(pf, other, pagefindQuery(other), filters);
        if (otherHits.length) [answers, hits, searched] = [otherAnswers, otherHits, other];
      }
      // "markę" on the English site: Pagefind's English stemmer finds "marketing" and "marked";
      // a Polish word is searched by its Polish stem too, the pages having a word of that stem
      // ("marki", a glossary name) first, then the rest; one that finds nothing there ("źródeł",
      // "zrodel") or whose own stem the best hit lacks, by its other Polish stem ("źródł", "zrodl")
      let excerpts = searched;
      const polish = query && mine === sequence ? await polishQuery(text, hits) : null;
      if (polish && mine === sequence) {
        const [polishAnswers, polishHits] = await lookup(pf, polish.stems, pagefindQuery(polish.stems), filters,
                                                         config.polishForms, polish.typed, polish.forms);
        if (polishHits.length) {
          const ids = new Set(polishHits.map((r) => r.id));
          hits = [...polishHits, ...hits.filter((r) => !ids.has(r.id))];
          [answers, excerpts] = [[...polishAnswers, ...answers], polish.stems];
        }
      }
      // "marka" on the English site: the glossary's Polish names are there, as "marki"
      const forms = query && !hits.length && mine === sequence ? await polishForms(text) : null;
      if (forms && mine === sequence) {
        const [formsAnswers, formsHits] = await lookup(pf, forms, pagefindQuery(forms), filters);
        if (formsHits.length) [answers, hits, searched, excerpts] = [formsAnswers, formsHits, forms, forms];
      }
      if (mine !== sequence) return;
      results = hits;
      shownQuery = excerpts;
      const better = query ? await suggestionFor(excerpts, results) : null;
      if (mine !== sequence) return;
      shown = 0;
      list.replaceChildren();
      const count = countText(results.length);
      showMeta(searched === text || searched === other ? count : `${count} (${labels.forms || ""} ${searched})`, better);
      const counting = countsOf(results, answers); // beside the first results' details, which it may share
      await showMore(mine);
      const counts = await counting;
      if (mine !== sequence) return;
      updateCounts(counts);
      done(text);
    } catch (error) {
      if (mine !== sequence) return;
      list.replaceChildren();
      more.hidden = true;
      setMeta(location.protocol === "file:" ? labels.file : labels.failed);
      done(text);
    }
  }

  /** Pagefind's answers for ``text`` (``query``: as pagefindQuery makes it: the search itself,
   * the exact matches, the stem words; see countsOf), and the results in the order shown: the
   * exact matches, then the pages having the word's own stem, then the rest.
   * ``rules``: the Polish stemmer of the stem words (on the English site, for a Polish word);
   * ``typed``: the query as typed, when ``text`` is its stems; ``forms``: the query in the site's
   * own words ("marki" for "markę"), whose results order the pages having the word's stem. */
  async function lookup(pf, text, query, filters, rules = stemmer, typed = text, forms = null) {
    // a Polish word on the English site: the Polish names' keys (see exact_words in index.py)
    const key = !query ? "" : rules && !stemmer ? words(typed).map((w) => polishKey(rules, w)).join(" ") : nameKey(typed);
    // "rynek pracy": the pages saying "rynku pracy" too, through the stem word of "rynek"
    const byStems = query && rules === stemmer ? stemWordQuery(typed) : null;
    const [found, byName, byTitle, byStem, byForms, other] = await Promise.all([
      pf.search(query || null, { filters }),
      exactSearch(pf, key, "n", filters),
      exactSearch(pf, key, "t", filters),
      query ? stemSearch(pf, typed, filters, rules) : null,
      forms ? pf.search(pagefindQuery(forms), { filters }) : null,
      byStems ? pf.search(byStems, { filters }) : null,
    ]);
    let hits = found.results;
    // Pagefind answers a word it does not have with the longest indexed word that the typed one
    // starts with ("salesforce" -> "sales"): if the best hit lacks a word, no page has it.
    if (query && hits.length && !hasEveryWord(await dataOf(hits[0]), text)) hits = [];
    // nor when every word of the best hit's text that Pagefind matched is far shorter than the
    // query's ("sprzdaz", which Pagefind's Polish stemmer cuts to "sp": "ACME sp. z o.o.")
    if (query && hits.length && !matchesWhole(await dataOf(hits[0]), text)) hits = [];
    const shown = exactFirst(ownStemFirst(hits, byStem, byForms), [byName, byTitle]);
    // the pages that only the stem words find come after the others; the best of them must have
    // the stem words and the other words (Pagefind answers a word it lacks with a shorter one)
    let more = other ? other.results : [];
    if (more.length) {
      const data = await dataOf(more[0]);
      const have = new Set(((data.meta || {})[config.stemField] || "").split(" "));
      const rest = queryWords(typed).filter((w) => !hasStemWord(w)).join(" ");
      const stems = queryWords(typed).filter(hasStemWord).map((w) => exactWord(polishKey(stemmer, w), "f"));
      if (!stems.every((w) => have.has(w)) || (rest && !hasEveryWord(data, rest))) more = [];
    }
    const answers = [found, byName, byTitle, byStem, other];
    if (!more.length) return [answers, shown];
    const listed = new Set(shown.map((r) => r.id));
    return [answers, [...shown, ...more.filter((r) => !listed.has(r.id))]];
  }

  /** Results for ``text`` are on screen (tests and scripts wait for this). */
  function done(text) {
    root.dataset.query = text;
    root.dispatchEvent(new CustomEvent("pb-search-results", { detail: { query: text } }));
  }

  function schedule(delay) {
    clearTimeout(timer);
    timer = setTimeout(search, delay);
  }

  function open() {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    input.focus();
    buildFilters();
  }

  function close() {
    if (toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
    input.blur();
  }

  input.addEventListener("focus", () => {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    buildFilters();
  });
  input.addEventListener("input", () => {
    if (input.value.trim() !== lastQuery) schedule(120);
  });
  toggle.addEventListener("change", () => {
    if (toggle.checked && document.activeElement !== input) input.focus();
  });
  // Tabbing through the page passes the search box, which opens the search: leaving it with the
  // keyboard for the page closes it again. Left open, it dimmed the page and took every key typed
  // further on (a tick box's Space, the SLA form's fields) into the search box.
  root.addEventListener("focusout", (event) => {
    const next = event.relatedTarget;
    if (toggle.checked && next instanceof Node && !root.contains(next)) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = list.querySelector(".md-search-result__link");
    if (first) first.click();
  });
  form.addEventListener("reset", () => {
    setTimeout(() => {
      schedule(0);
      input.focus();
    });
  });
  more.textContent = labels.more || "…";
  more.addEventListener("click", () => showMore(sequence));

  function links() {
    return Array.from(output.querySelectorAll(".pb-search-suggest, .md-search-result__link"));
  }

  document.addEventListener("keydown", (event) => {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    const active = document.activeElement;
    if (toggle.checked) {
      if (event.key === "Escape") {
        event.preventDefault();
        close();
      } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        const all = links();
        if (!all.length || (active && active.tagName === "SELECT")) return;
        event.preventDefault();
        const at = all.indexOf(active);
        const next = event.key === "ArrowDown" ? at + 1 : at - 1;
        if (next < 0) input.focus();
        else all[Math.min(next, all.length - 1)].focus();
      } else if (event.key === "Enter" && active && active.classList.contains("md-search-result__link")) {
        event.preventDefault();
        active.click();
      } else if (active !== input && event.key.length === 1 && !(active && /^(SELECT|BUTTON)$/.test(active.tagName))) {
        input.focus(); // typing while a result has focus goes on typing the query
      }
      return;
    }
    const typing = active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName));
    if (typing) return;
    if (event.key === "/" || event.key === "s" || event.key === "S" || event.key === "f" || event.key === "F") {
      event.preventDefault();
      open();
    }
  });
})();

/* Checklist pages: tick boxes remembered in this browser, a "clear" button, and the printed
   page's footer and page numbers.

   A checklist's ticks are kept in localStorage under "playbook:checklist:<id>@<version>" as a
   list of item numbers ("2-3": section 2, item 3). The version is the start of the YAML file's
   hash, so when the checklist changes, the old ticks (which may point at other items) are
   dropped instead of being shown on the wrong rows. Loaded on every page; does nothing where
   there is no [data-checklist]. */
(function () {
  "use strict";

  var PREFIX = "playbook:checklist:";

  function store() {
    try {
      var s = window.localStorage;
      s.getItem(PREFIX);
      return s;
    } catch (e) {
      return null; /* storage blocked (private mode, file:// in some browsers): ticks live only until reload */
    }
  }

  function read(s, key) {
    if (!s) return [];
    try {
      var value = JSON.parse(s.getItem(key) || "[]");
      return Array.isArray(value) ? value : [];
    } catch (e) {
      return [];
    }
  }

  function forgetOtherVersions(s, id, key) {
    if (!s) return;
    for (var i = s.length - 1; i >= 0; i--) {
      var k = s.key(i);
      if (k && k !== key && k.indexOf(PREFIX + id + "@") === 0) s.removeItem(k);
    }
  }

  function cssString(text) {
    return '"' + String(text).replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/[\r\n<]/g, " ") + '"';
  }

  function isoToday() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  /* The printed page's margin boxes: "Strona 1 z 3" and "id · version · printed <today>". */
  function pageStyle(root) {
    var footer = root.querySelector(".pb-print-footer");
    var label = root.querySelector(".pb-page-label");
    var style = document.getElementById("pb-page-style") || document.createElement("style");
    style.id = "pb-page-style";
    var counter = 'counter(page) " / " counter(pages)';
    if (label && label.textContent.indexOf("{page}") >= 0 && label.textContent.indexOf("{pages}") >= 0) {
      var text = label.textContent.trim();
      var a = text.split("{page}");
      var b = a[1].split("{pages}");
      counter = cssString(a[0]) + " counter(page) " + cssString(b[0]) + " counter(pages) " + cssString(b[1]);
    }
    var rules = "@bottom-right { content: " + counter + "; }";
    if (footer) {
      rules += " @bottom-left { content: " + cssString(footer.textContent.trim() + " " + isoToday()) + "; }";
    }
    style.textContent = "@media print { @page { " + rules + " } }";
    if (!style.parentNode) document.head.appendChild(style);
  }

  function setup(root) {
    if (root.getAttribute("data-pb-ready")) return;
    root.setAttribute("data-pb-ready", "1");
    var ref = root.getAttribute("data-checklist") || "";
    var id = ref.split("@")[0];
    var key = PREFIX + ref;
    var s = store();
    var boxes = Array.prototype.slice.call(root.querySelectorAll("input.pb-tick"));
    var ticked = read(s, key);
    forgetOtherVersions(s, id, key);

    boxes.forEach(function (box) {
      box.checked = ticked.indexOf(box.getAttribute("data-item")) >= 0;
      box.addEventListener("change", function () {
        var now = boxes.filter(function (b) { return b.checked; })
                       .map(function (b) { return b.getAttribute("data-item"); });
        if (!s) return;
        try {
          if (now.length) s.setItem(key, JSON.stringify(now));
          else s.removeItem(key);
        } catch (e) { /* storage full or blocked: the ticks stay on the page only */ }
      });
    });

    Array.prototype.forEach.call(root.querySelectorAll('[data-action="clear-checklist"]'), function (button) {
      button.addEventListener("click", function () {
        var ticked = boxes.filter(function (b) { return b.checked; }).length;
        /* A new hire's progress is not lost to one stray click: the button says what it clears. */
        if (ticked && !window.confirm((button.getAttribute("data-confirm") || "").replace("{count}", ticked))) return;
        boxes.forEach(function (b) { b.checked = false; });
        if (s) s.removeItem(key);
      });
    });

  }

  function init() {
    var roots = document.querySelectorAll("[data-checklist]");
    Array.prototype.forEach.call(roots, setup);
    var style = document.getElementById("pb-page-style");
    if (roots.length) pageStyle(roots[0]);
    else if (style) style.parentNode.removeChild(style); /* left by the previous page */
  }

  window.addEventListener("beforeprint", function () { /* the date printed is today's */
    var root = document.querySelector("[data-checklist]");
    if (root) pageStyle(root);
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init); /* Material's instant navigation swaps pages without a reload */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

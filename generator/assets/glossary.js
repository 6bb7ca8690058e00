/* Glossary marks on pages (abbr.pb-term, added by generator/search/glossary.py) without a mouse:
   the first mark of each term on a page becomes a tab stop, so its definition (the title, which
   Material shows as a tooltip on focus as on hover, and a screen reader reads as the mark's
   description) reaches keyboard users too. Only the first: every mark would be dozens of tab
   stops on a long page. Loaded on every page; does nothing where no term is marked. */
(function () {
  "use strict";

  function init() {
    var seen = {};
    Array.prototype.forEach.call(document.querySelectorAll("abbr.pb-term[data-pb-term]"), function (mark) {
      var term = mark.getAttribute("data-pb-term");
      if (seen[term]) return;
      seen[term] = true;
      if (!mark.hasAttribute("tabindex")) mark.tabIndex = 0;
    });
    /* The same for the badge of a text shown in another language ("PL", generator/render.py):
       its title says what is missing. Each one: a page rarely has more than a few. */
    Array.prototype.forEach.call(document.querySelectorAll(".md-content .pb-fallback"), function (badge) {
      if (!badge.hasAttribute("tabindex")) badge.tabIndex = 0;
    });
    /* A definition with no translation (data-pb-tooltip-lang, generator/search/glossary.py):
       Material moves the title into a tooltip of its own at the end of the page, which the mark
       names in aria-describedby while it shows; that tooltip gets the definition's language, so
       a screen reader reads it with the right voice. */
    if (!window.MutationObserver) return;
    Array.prototype.forEach.call(document.querySelectorAll("abbr.pb-term[data-pb-tooltip-lang]"), function (mark) {
      if (mark.pbTooltipLang) return;
      mark.pbTooltipLang = new MutationObserver(function () { tooltipLang(mark); });
      mark.pbTooltipLang.observe(mark, {attributes: true, attributeFilter: ["aria-describedby"]});
      tooltipLang(mark);
    });
  }

  function tooltipLang(mark) {
    var id = mark.getAttribute("aria-describedby");
    var tip = id && document.getElementById(id);
    if (tip) tip.setAttribute("lang", mark.getAttribute("data-pb-tooltip-lang"));
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init); /* Material's instant navigation swaps pages without a reload */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

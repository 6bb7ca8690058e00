/*
 * The language switcher keeps the reader on the same page.
 *
 * The switcher's links already point at the same page in the other language (the theme override
 * partials/alternate.html). Material's script would replace that with the other language's home
 * page unless the site has a sitemap with absolute addresses (it needs site_url): stop the click
 * from reaching it, and let the browser follow the link.
 */
document.addEventListener(
  "click",
  (event) => {
    if (event.target instanceof Element && event.target.closest("a.pb-alternate")) {
      event.stopPropagation();
    }
  },
  true,
);

/*
 * An SLA form's values go along to the other language (a reload would lose what the reader typed):
 * on the switch they are kept as a values file in the tab's sessionStorage, and the same form on
 * the other language's page loads them through the form's own "load values" path (which reads
 * numbers and translated defaults the other language's way), quietly: no "Loaded ..." message
 * unless something could not be carried over, no marks on required fields still left empty.
 * Only a form the reader changed; the stored copy is removed as soon as it is read.
 */
(function () {
  "use strict";
  var KEY = "pb-sla-carry";

  function changed(app) {
    return Array.prototype.some.call(app.querySelectorAll("[data-param]"), function (el) {
      if (el.type === "checkbox" || el.type === "radio") return el.checked !== el.defaultChecked;
      if (el.tagName === "SELECT") {
        return Array.prototype.some.call(el.options, function (o) { return o.selected !== o.defaultSelected; });
      }
      return el.value !== el.defaultValue;
    });
  }

  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a.pb-alternate") : null;
    var sla = window.PlaybookSla;
    if (!link || !sla) return;
    var carried = [];
    Array.prototype.forEach.call(document.querySelectorAll(".sla-app[data-sla]"), function (app) {
      if (!app.slaState || !changed(app)) return;
      var state = app.slaState();
      carried.push({id: state.spec.id, values: sla.valuesFile(state.spec, state.raw)});
    });
    try {
      if (carried.length) sessionStorage.setItem(KEY, JSON.stringify({to: link.href, forms: carried}));
    } catch (e) { /* storage refused (private mode): the switch goes on without the values */ }
  }, true);

  window.addEventListener("load", function () {
    var stored = null;
    try {
      stored = JSON.parse(sessionStorage.getItem(KEY) || "null");
      sessionStorage.removeItem(KEY);
    } catch (e) {
      return;
    }
    if (!stored || stored.to.split("#")[0] !== location.href.split("#")[0]) return;
    stored.forms.forEach(function (form) {
      Array.prototype.forEach.call(document.querySelectorAll(".sla-app[data-sla]"), function (app) {
        if (app.slaState && app.slaCarry && app.slaState().spec.id === form.id) app.slaCarry(form.values);
      });
    });
  });
})();

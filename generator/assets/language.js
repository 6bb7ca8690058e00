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

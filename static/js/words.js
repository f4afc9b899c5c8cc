/*
 * The site's words in scripts: one function that every script builds its `t` from.
 *
 *   var t = window.BidayaWords(strings, language);
 *   t("saved", { size: "1.2" })          -> "Saved (1.2 MB)"
 *   t("waiting", { counter: 3 })         -> the plural form of 3 in the page's language
 *
 * `strings` maps names to Django-style sentences ("%(size)s MB", "%%" for a percent
 * sign); a counted sentence is an object keyed by Intl.PluralRules' category names
 * ("zero", "one", "two", "few", "many", "other"), chosen by `values.counter`.
 * A name with no sentence is shown as itself, so a missing string is visible.
 */
(function () {
  "use strict";

  window.BidayaWords = function (strings, language) {
    strings = strings || {};
    language = language || document.documentElement.lang || "ar";
    var rules = null;
    try {
      rules = new Intl.PluralRules(language);
    } catch (error) {
      rules = null;
    }
    return function t(name, values) {
      var text = strings[name] || name;
      if (typeof text === "object") {
        var category = rules && values ? rules.select(Number(values.counter)) : "other";
        text = text[category] || text.other;
      }
      if (values) {
        text = text.replace(/%\((\w+)\)s/g, function (match, key) {
          return values[key] === undefined ? match : String(values[key]);
        });
      }
      return text.replace(/%%/g, "%");
    };
  };
})();

/*
 * The Arabic admin lays every field out right to left, so the English or French text
 * of a translated page reads backwards around its punctuation. On the editor of a page
 * (or translatable snippet) whose locale is not Arabic, each text field takes the
 * direction of what is typed in it (dir="auto"): a Latin title or summary reads left to
 * right. An Arabic page keeps the admin's right-to-left fields. Objects without a
 * locale (reference data with a field per language) get dir="auto" too. Fields that set
 * their own direction (addresses, slugs) keep it; fields added later (StreamField
 * blocks) get it when they are first focused.
 *
 * The page's locale comes from the admin's own configuration (ACTIVE_CONTENT_LOCALE in
 * the "wagtail-config" script), which Wagtail fills in on every edit and create view.
 */
(function () {
  "use strict";
  var SELECTOR = "input[type=text], input:not([type]), textarea";

  function contentLocale() {
    var config = document.getElementById("wagtail-config");
    if (!config) {
      return "";
    }
    try {
      return JSON.parse(config.textContent).ACTIVE_CONTENT_LOCALE || "";
    } catch (error) {
      return "";
    }
  }

  function follow(field) {
    if (field && field.matches && field.matches(SELECTOR) && !field.hasAttribute("dir")) {
      field.setAttribute("dir", "auto");
    }
  }

  function start() {
    if (document.documentElement.dir !== "rtl") {
      return;
    }
    if (contentLocale().split("-")[0] === "ar") {
      return;
    }
    document.querySelectorAll(SELECTOR).forEach(follow);
    document.addEventListener("focusin", function (event) {
      follow(event.target);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

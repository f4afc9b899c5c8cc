/*
 * The Arabic admin lays every field out right to left, so the English or French text
 * of a translated page reads backwards around its punctuation. Each text field of the
 * editor takes the direction of what is typed in it (dir="auto"): Arabic stays right to
 * left, a Latin title or summary reads left to right. Fields that set their own
 * direction (addresses, slugs) keep it; fields added later (StreamField blocks) get it
 * when they are first focused.
 */
(function () {
  "use strict";
  var SELECTOR = "input[type=text], input:not([type]), textarea";

  function follow(field) {
    if (field && field.matches && field.matches(SELECTOR) && !field.hasAttribute("dir")) {
      field.setAttribute("dir", "auto");
    }
  }

  function start() {
    if (document.documentElement.dir !== "rtl") {
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

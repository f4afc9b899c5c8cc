// Copy buttons of the marketplace kit on a badge page. Without JavaScript the
// buttons stay hidden and the read-only fields can be selected and copied by hand.
(function () {
  "use strict";

  var status = document.querySelector(".badge-copy__status");

  function announce(button) {
    var text = status ? status.getAttribute("data-copied-text") : "";
    if (status) {
      status.textContent = "";
      window.setTimeout(function () { status.textContent = text; }, 50);
    }
    var label = button.getAttribute("data-label") || button.textContent;
    button.setAttribute("data-label", label);
    button.textContent = text || label;
    button.classList.add("badge-copy--done");
    window.setTimeout(function () {
      button.textContent = label;
      button.classList.remove("badge-copy--done");
    }, 2000);
  }

  function fallbackCopy(field) {
    field.focus();
    field.select();
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  function copy(button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) {
      return;
    }
    var text = field.value;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { announce(button); },
        function () { if (fallbackCopy(field)) { announce(button); } }
      );
    } else if (fallbackCopy(field)) {
      announce(button);
    }
  }

  document.querySelectorAll(".badge-copy").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { copy(button); });
  });
})();

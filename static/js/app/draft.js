/*
 * An assignment draft written without a connection: the workspace form would post
 * into the void, so its text and link go to the outbox (static/js/app/outbox.js) as a
 * PUT to the draft API, sent when the connection returns (a later draft replaces an
 * earlier one, as saving twice does). Handing in needs the connection: the draft is
 * kept and the learner is told to hand it in once back online. A file cannot wait in
 * the outbox; it is attached online.
 */
(function () {
  "use strict";

  var form = document.querySelector("form[data-offline-draft]");
  var outbox = window.BidayaOutbox;
  var stringsElement = document.getElementById("app-strings");
  if (!form || !outbox || !stringsElement) {
    return;
  }
  var strings = JSON.parse(stringsElement.textContent);
  var notice = form.querySelector("[data-draft-queued]");

  form.addEventListener("submit", function (event) {
    if (navigator.onLine !== false) {
      return;
    }
    event.preventDefault();
    var body = {};
    ["text", "link"].forEach(function (name) {
      var field = form.elements.namedItem(name);
      if (field) {
        body[name] = field.value;
      }
    });
    outbox.add({ kind: "draft", method: "PUT", url: form.getAttribute("data-offline-draft"), body: body })
      .then(function () {
        notice.textContent = strings.draftQueued;
        notice.hidden = false;
      });
  });
})();

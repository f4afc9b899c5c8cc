/* Live status and progress of videos being processed (admin listing and detail page). */
(function () {
  "use strict";

  var POLL_MS = 3000;

  function pending() {
    return Array.prototype.filter.call(
      document.querySelectorAll("[data-video-status]"),
      function (el) {
        var status = el.getAttribute("data-status");
        return status === "uploaded" || status === "processing";
      }
    );
  }

  function update(el, info) {
    var label = el.querySelector("[data-video-status-label]");
    var bar = el.querySelector("[data-video-status-progress]");
    var percent = el.querySelector("[data-video-status-percent]");
    if (label) label.textContent = info.label;
    if (bar) bar.value = info.progress;
    if (percent) percent.textContent = info.progress + "%";
    var before = el.getAttribute("data-status");
    el.setAttribute("data-status", info.status);
    el.className = el.className.replace(/video-status--\w+/g, "").trim() +
      " video-status--" + info.status + (info.stale ? " video-status--stale" : "");
    if (before !== info.status && (info.status === "ready" || info.status === "failed")) {
      if (bar) bar.remove();
      if (percent) percent.remove();
      if (document.querySelector("[data-video-detail]")) window.location.reload();
    }
  }

  function poll() {
    var els = pending();
    if (!els.length) return;
    var url = els[0].getAttribute("data-status-url");
    var query = els.map(function (el) {
      return "id=" + encodeURIComponent(el.getAttribute("data-video-status"));
    }).join("&");
    var xhr = new XMLHttpRequest();
    xhr.open("GET", url + "?" + query);
    xhr.setRequestHeader("X-Requested-With", "XMLHttpRequest");
    xhr.onload = function () {
      if (xhr.status === 200) {
        var data = JSON.parse(xhr.responseText).videos || {};
        els.forEach(function (el) {
          var info = data[el.getAttribute("data-video-status")];
          if (info) update(el, info);
        });
      }
      window.setTimeout(poll, POLL_MS);
    };
    xhr.onerror = function () { window.setTimeout(poll, POLL_MS * 3); };
    xhr.send();
  }

  document.addEventListener("DOMContentLoaded", function () {
    window.setTimeout(poll, POLL_MS);
  });
})();

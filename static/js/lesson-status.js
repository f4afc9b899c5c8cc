// The lesson's status box follows what the learner just did: when the player reports
// the lesson or a video done, or a quiz is passed, the box reads the lesson's state
// again and ticks what is done, without a reload. When the lesson is done it asks what
// there is to celebrate (a badge just earned, awarded by a task a moment later, so it
// asks again a few times) and shows the panel the server renders.
(function () {
  "use strict";

  var panel = document.querySelector("[data-lesson-status]");
  var configNode = document.getElementById("lms-config");
  if (!panel || !configNode) {
    return;
  }
  var config = JSON.parse(configNode.textContent);
  if (!config.tracking || !config.stateUrl) {
    return;
  }

  function showDone() {
    ["lesson-status--not_started", "lesson-status--started"].forEach(function (name) {
      panel.classList.remove(name);
    });
    panel.classList.add("lesson-status--done");
    var state = panel.querySelector("[data-lesson-state]");
    if (state) {
      state.textContent = "";
      var pill = document.createElement("span");
      pill.className = "pill pill--done";
      pill.textContent = panel.getAttribute("data-done-pill");
      state.appendChild(pill);
      state.appendChild(document.createTextNode(" " + panel.getAttribute("data-done-text")));
    }
    var todo = panel.querySelector(".lesson-status__todo");
    if (todo) {
      todo.remove();
    }
  }

  var celebrations = document.querySelector("[data-celebrations]");
  var RETRY_MS = [0, 1500, 4000, 9000];

  function celebrate(attempt) {
    if (!celebrations || !config.celebrationsUrl || attempt >= RETRY_MS.length) {
      return;
    }
    window.setTimeout(function () {
      fetch(config.celebrationsUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-CSRFToken": config.csrfToken, Accept: "text/html" }
      })
        .then(function (response) { return response.ok ? response.text() : ""; })
        .then(function (html) {
          if (!html.trim()) {
            celebrate(attempt + 1);
            return;
          }
          celebrations.insertAdjacentHTML("beforeend", html);
          var panel = celebrations.querySelector("[data-celebration]");
          if (panel) {
            panel.focus();
          }
        })
        .catch(function () { /* the next lesson page shows it */ });
    }, RETRY_MS[attempt]);
  }

  function apply(state) {
    (state.components || []).forEach(function (component) {
      var item = panel.querySelector('[data-component="' + component.id + '"]');
      if (item && component.done) {
        item.classList.add("is-done");
      }
    });
    if (state.status === "done") {
      showDone();
      celebrate(0);
    }
  }

  function refresh() {
    fetch(config.stateUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) { if (state) { apply(state); } })
      .catch(function () { /* the box stays as it was; the next page load shows the truth */ });
  }

  if (window.location.hash === "#lesson-done") {
    // Just marked as done by the form: the page came back from that POST.
    celebrate(0);
  }
  document.addEventListener("learning:lesson-done", refresh);
  document.addEventListener("learning:quiz-passed", refresh);

  // A video done in a lesson that asks for more (a quiz, an assignment) finishes no
  // lesson, so no event comes; the player then says so in its live region, after the
  // server has saved the heartbeat. Read the state again whenever that region speaks.
  var lastSaid = new WeakMap();
  function onPlayerStatus(mutations) {
    mutations.forEach(function (mutation) {
      var node = mutation.target.nodeType === 1 ? mutation.target : mutation.target.parentElement;
      var region = node && node.closest(".player-tools__status");
      if (region && region.textContent && lastSaid.get(region) !== region.textContent) {
        lastSaid.set(region, region.textContent);
        refresh();
      }
    });
  }
  var observer = new MutationObserver(onPlayerStatus);
  document.querySelectorAll("figure.video").forEach(function (figure) {
    observer.observe(figure, { childList: true, subtree: true, characterData: true });
  });
})();

/*
 * The installable app on every page: registers the service worker (/sw.js), offers a
 * new version when one is waiting, and tells the learner about progress made offline:
 * "3 updates waiting to sync", then when they went through (or what the server could
 * not count). The words come from <script id="app-strings" type="application/json">,
 * with plural forms keyed as Intl.PluralRules names them.
 *
 * It also hands the outbox (static/js/app/outbox.js) the session's CSRF token, for
 * the service worker to send with, and flushes the outbox on load and when the
 * connection returns: the fallback where Background Sync is missing.
 */
(function () {
  "use strict";

  var bar = document.querySelector("[data-app-bar]");
  var stringsElement = document.getElementById("app-strings");
  var outbox = window.BidayaOutbox;
  if (!bar || !stringsElement) {
    return;
  }
  var strings = {};
  try {
    strings = JSON.parse(stringsElement.textContent);
  } catch (error) {
    strings = {};
  }
  var language = document.documentElement.lang || "ar";
  var syncLine = bar.querySelector("[data-sync-line]");
  var updateLine = bar.querySelector("[data-update-line]");
  var updateButton = bar.querySelector("[data-update-button]");
  var closeButton = bar.querySelector("[data-sync-close]");
  var reloading = false;
  var LOGOUT_WAIT_MS = 4000;

  var t = window.BidayaWords(strings, language);

  function clock(when) {
    try {
      return new Intl.DateTimeFormat(language + "-u-nu-latn", { hour: "2-digit", minute: "2-digit" }).format(when);
    } catch (error) {
      return new Date(when).toISOString().slice(11, 16);
    }
  }

  function showBar() {
    var visible = !syncLine.hidden || !updateLine.hidden;
    bar.hidden = !visible;
  }

  function say(text, tone) {
    syncLine.hidden = !text;
    syncLine.querySelector("[data-sync-text]").textContent = text || "";
    syncLine.setAttribute("data-tone", tone || "");
    showBar();
  }

  /* ------------------------------------------------------------------ sync status */

  var lastReport = null;

  function refresh(detail) {
    if (!outbox) {
      return;
    }
    if (detail && detail.synced) {
      lastReport = detail.synced;
    }
    outbox.count().then(function (waiting) {
      if (waiting) {
        var line = t("waiting", { counter: waiting });
        say(navigator.onLine === false ? line + " " + t("offline") : line, "waiting");
        return;
      }
      if (lastReport && Date.now() - lastReport.at < 10 * 60 * 1000) {
        var parts = [];
        if (lastReport.sent) {
          parts.push(t("synced", { time: clock(lastReport.at) }));
        }
        (lastReport.refused || []).forEach(function (refusal) {
          parts.push(t("refused", { detail: refusal.detail }));
        });
        say(parts.join(" "), lastReport.refused && lastReport.refused.length ? "refused" : "done");
        return;
      }
      say(navigator.onLine === false ? t("offline") : "", "offline");
    }).catch(function () {
      /* no IndexedDB (a private window in some browsers): nothing can wait here */
    });
  }

  function csrfFromCookie() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function flush() {
    if (!outbox) {
      return;
    }
    outbox.flush().catch(function () {}).then(function () {
      refresh();
    });
  }

  /* Saved lessons are pages as one account saw them (her name, her progress): they go
     when she logs out, or when another account signs in on this device first. */
  function forgetSavedLessons() {
    return outbox ? outbox.forgetSaved() : Promise.resolve();
  }

  /* A signed-in page records its account (only logging out clears it: the offline page,
     stored without cookies, shows a signed-out header whoever is signed in). */
  function recordAccount() {
    return outbox.account().then(function (current) {
      if (!current) {
        return null;
      }
      return outbox.getMeta("account").then(function (previous) {
        var switched = previous && previous !== current;
        return (switched ? forgetSavedLessons() : Promise.resolve()).then(function () {
          return outbox.setMeta("account", current);
        });
      });
    });
  }

  /* Logging out: send what waits while the session still stands, forget the account
     and the saved lessons, then let the form go (within a few seconds whatever
     happens: the learner asked to leave). */
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-logout]") || form.hasAttribute("data-leaving")) {
      return;
    }
    event.preventDefault();
    form.setAttribute("data-leaving", "");
    var leave = function () {
      form.submit();
    };
    var steps = outbox ? outbox.flush().catch(function () {}).then(function () {
      return outbox.setMeta("account", null);
    }) : Promise.resolve();
    var cleared = steps.catch(function () {}).then(forgetSavedLessons);
    Promise.race([cleared, new Promise(function (resolve) {
      window.setTimeout(resolve, LOGOUT_WAIT_MS);
    })]).then(leave, leave);
  });

  if (outbox) {
    var token = csrfFromCookie();
    var stored = Promise.all([token ? outbox.setMeta("csrfToken", token) : null, recordAccount()]);
    stored.catch(function () {}).then(function () {
      // A previous session's report, when it is recent, is still worth a line.
      return outbox.getMeta("lastSync").then(function (report) {
        lastReport = report || null;
      });
    }).catch(function () {}).then(flush);
    if (outbox.channel) {
      // Another tab or the worker sent something: tell this page's scripts too.
      outbox.channel.addEventListener("message", function (event) {
        document.dispatchEvent(new CustomEvent("bidaya:outbox", { detail: event.data }));
      });
    }
    document.addEventListener("bidaya:outbox", function (event) {
      refresh(event.detail);
    });
    window.addEventListener("online", flush);
    window.addEventListener("offline", function () {
      refresh();
    });
  }

  if (closeButton) {
    closeButton.addEventListener("click", function () {
      lastReport = null;
      if (outbox) {
        outbox.setMeta("lastSync", null).catch(function () {});
      }
      say("", "");
    });
  }

  /* --------------------------------------------------------------- service worker */

  if (!("serviceWorker" in navigator)) {
    return;
  }

  function versionOf(worker) {
    return new Promise(function (resolve) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) {
        resolve(event.data && event.data.version);
      };
      worker.postMessage({ type: "version" }, [channel.port2]);
      setTimeout(resolve, 3000);
    });
  }

  function offerUpdate(registration, worker) {
    // Only a worker that installed and waits can be a new version; one whose install
    // failed (a lost connection while it precached) takes its offer back.
    var active = navigator.serviceWorker.controller;
    if (!worker || registration.waiting !== worker || !active) {
      return;
    }
    Promise.all([versionOf(worker), versionOf(active)]).then(function (versions) {
      if (versions[0] && versions[0] === versions[1]) {
        // The same version reinstalled (a check while offline can do that): nothing to offer.
        worker.postMessage({ type: "skip-waiting" });
        return;
      }
      updateLine.hidden = false;
      showBar();
    });
    updateButton.onclick = function () {
      reloading = true;
      worker.postMessage({ type: "skip-waiting" });
    };
    worker.addEventListener("statechange", function () {
      if (worker.state === "redundant") {
        updateLine.hidden = true;
        showBar();
      }
    });
  }

  function watch(registration) {
    offerUpdate(registration, registration.waiting);
    registration.addEventListener("updatefound", function () {
      var installing = registration.installing;
      if (!installing) {
        return;
      }
      installing.addEventListener("statechange", function () {
        // With a controller this is an update (the first install takes over by itself).
        if (installing.state === "installed") {
          offerUpdate(registration, installing);
        }
      });
    });
  }

  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (reloading) {
      window.location.reload();
    }
  });

  function register() {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(watch).catch(function () {
      /* an insecure origin or a blocked worker: the site works without it */
    });
  }

  if (document.readyState === "complete") {
    register();
  } else {
    window.addEventListener("load", register);
  }
})();

/*
 * The outbox: progress made without a connection, kept in IndexedDB until the server
 * has answered it. Runs in pages and in the service worker (which imports it).
 *
 * What waits here: heartbeats (the player hands over a beat whose request failed, and
 * every later one until the outbox is empty, so the order is kept), quiz answers and
 * assignment drafts. Each item keeps the event id it was made with, so a resend after
 * a request whose answer was lost is recognised by the server; a heartbeat also keeps
 * when it was made, and is sent with its age (how long it waited here, on this
 * device's clock), which the server uses to count it as if it had arrived on time.
 *
 * Sending: in order, one at a time, under a Web Lock so that two tabs and the worker
 * never send the same item together. A run of up to MERGE_LIMIT heartbeats of one
 * video is sent as one (ranges joined, the newest position and time), rewritten in
 * the database first so that a resend carries the same id: hours of offline watching
 * then pass the heartbeat rate limit in a few requests. A beat without ranges (the one
 * that opens a video on the server) is never merged. A refusal for good (4xx with a
 * problem code, except 429) drops the item and keeps the server's explanation for the
 * learner; anything else (no network, 5xx, 429, a stale CSRF token) stops the run and
 * keeps everything for the next try.
 *
 * Triggers: Background Sync where the browser has it (the worker's "sync" event),
 * otherwise, and as well, every page load and "online" event (static/js/app/shell.js).
 *
 * Shared devices (an internet café): every item is stamped with the account it was made
 * under, and only the signed-in account's items are sent or counted. Pages record that
 * account in the meta store (the worker has no page to ask); logging out clears it, so
 * one learner's waiting progress is never sent as another's, and goes out when she
 * signs in on this device again.
 */
(function (scope) {
  "use strict";

  var DB_NAME = "bidaya";
  var DB_VERSION = 1;
  var OUTBOX = "outbox";
  var META = "meta";
  var SAVED = "saved";
  var SAVED_CACHE = "bidaya-saved"; // the saved lessons' files (static/js/app/saved.js)
  var SYNC_TAG = "bidaya-outbox";
  var MERGE_LIMIT = 16;
  var MAX_INTERVALS = 500;
  var channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("bidaya-outbox") : null;
  var opening = null;
  var running = null;

  function open() {
    if (!opening) {
      opening = new Promise(function (resolve, reject) {
        var request = scope.indexedDB.open(DB_NAME, DB_VERSION);
        request.onupgradeneeded = function () {
          var db = request.result;
          if (!db.objectStoreNames.contains(OUTBOX)) {
            db.createObjectStore(OUTBOX, { keyPath: "id", autoIncrement: true });
          }
          if (!db.objectStoreNames.contains(META)) {
            db.createObjectStore(META);
          }
          if (!db.objectStoreNames.contains(SAVED)) {
            db.createObjectStore(SAVED, { keyPath: "lessonId" });
          }
        };
        request.onsuccess = function () {
          resolve(request.result);
        };
        request.onerror = function () {
          opening = null;
          reject(request.error);
        };
      });
    }
    return opening;
  }

  /* Run fn(store…) in one transaction; resolves with what fn's last request gave. */
  function transact(names, mode, fn) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(names, mode);
        var stores = [].concat(names).map(function (name) {
          return tx.objectStore(name);
        });
        var result;
        var request = fn.apply(null, stores);
        if (request && "onsuccess" in request) {
          request.onsuccess = function () {
            result = request.result;
          };
        }
        tx.oncomplete = function () {
          resolve(result);
        };
        tx.onerror = tx.onabort = function () {
          reject(tx.error);
        };
      });
    });
  }

  function uuid() {
    if (scope.crypto && scope.crypto.randomUUID) {
      return scope.crypto.randomUUID();
    }
    var bytes = scope.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) {
      return (b + 0x100).toString(16).slice(1);
    }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" +
      hex.slice(16, 20) + "-" + hex.slice(20);
  }

  function changed(detail) {
    var message = Object.assign({ type: "changed" }, detail || {});
    if (channel) {
      channel.postMessage(message);
    }
    if (scope.document) {
      scope.document.dispatchEvent(new CustomEvent("bidaya:outbox", { detail: message }));
    }
  }

  function requestSync() {
    var nav = scope.navigator;
    if (!scope.document || !nav.serviceWorker || !("SyncManager" in scope)) {
      return Promise.resolve(false);
    }
    return nav.serviceWorker.ready.then(function (registration) {
      return registration.sync.register(SYNC_TAG).then(function () {
        return true;
      });
    }).catch(function () {
      return false;
    });
  }

  /* The signed-in account: from the page's header when there is one (its log-out form
     names the account; no form, nobody signed in), else as the last page recorded it. */
  function account() {
    var doc = scope.document;
    var header = doc && doc.querySelector(".site-account");
    if (header) {
      var form = header.querySelector("form[data-account]");
      return Promise.resolve((form && form.getAttribute("data-account")) || null);
    }
    return getMeta("account").then(function (value) {
      return value || null;
    });
  }

  /* The items of this account (items from before accounts were stamped belong to all). */
  function mine(items, owner) {
    return items.filter(function (item) {
      return item.account === undefined || (owner !== null && item.account === owner);
    });
  }

  /* item: {kind: "heartbeat"|"quiz"|"draft", url, method?, body, madeAt?} */
  function add(item) {
    return account().then(function (owner) {
      var entry = Object.assign({ method: "POST", madeAt: Date.now(), account: owner }, item);
      return transact(OUTBOX, "readwrite", function (store) {
        return store.add(entry);
      });
    }).then(function (id) {
      changed();
      requestSync();
      return id;
    });
  }

  function all() {
    return transact(OUTBOX, "readonly", function (store) {
      return store.getAll();
    }).then(function (items) {
      return items || [];
    });
  }

  /* How many items of the signed-in account wait. */
  function count() {
    return Promise.all([all(), account()]).then(function (found) {
      return mine(found[0], found[1]).length;
    });
  }

  function setMeta(key, value) {
    return transact(META, "readwrite", function (store) {
      return store.put(value, key);
    });
  }

  function getMeta(key) {
    return transact(META, "readonly", function (store) {
      return store.get(key);
    });
  }

  function joinRanges(ranges) {
    var merged = [];
    ranges.slice().sort(function (a, b) {
      return a[0] - b[0];
    }).forEach(function (range) {
      var last = merged[merged.length - 1];
      if (last && range[0] <= last[1]) {
        last[1] = Math.max(last[1], range[1]);
      } else {
        merged.push([range[0], range[1]]);
      }
    });
    return merged.slice(Math.max(0, merged.length - MAX_INTERVALS));
  }

  function sameVideo(a, b) {
    return a.kind === "heartbeat" && b.kind === "heartbeat" && a.url === b.url &&
      a.body.lesson_id === b.body.lesson_id && a.body.component_id === b.body.component_id &&
      a.body.intervals.length && b.body.intervals.length;
  }

  /* The first item to send; a run of heartbeats of one video becomes one, stored. */
  function nextItem(items) {
    var first = items[0];
    var run = [first];
    while (first.kind === "heartbeat" && run.length < MERGE_LIMIT && run.length < items.length &&
        sameVideo(first, items[run.length])) {
      run.push(items[run.length]);
    }
    if (run.length === 1) {
      return Promise.resolve({ item: first, taken: 1 });
    }
    var last = run[run.length - 1];
    var merged = Object.assign({}, last, {
      id: first.id,
      body: Object.assign({}, last.body, {
        event_id: uuid(),
        intervals: joinRanges([].concat.apply([], run.map(function (item) {
          return item.body.intervals;
        }))),
      }),
    });
    return transact(OUTBOX, "readwrite", function (store) {
      run.slice(1).forEach(function (item) {
        store.delete(item.id);
      });
      return store.put(merged);
    }).then(function () {
      return { item: merged, taken: run.length };
    });
  }

  /* Every saved lesson gone: its files and its records (at log-out, from any page). */
  function forgetSaved() {
    var gone = scope.caches ? scope.caches.delete(SAVED_CACHE) : Promise.resolve();
    return gone.then(function () {
      return transact(SAVED, "readwrite", function (store) {
        return store.clear();
      });
    });
  }

  function remove(id) {
    return transact(OUTBOX, "readwrite", function (store) {
      return store.delete(id);
    });
  }

  function send(item, token) {
    var body = Object.assign({}, item.body);
    if (item.kind === "heartbeat") {
      body.age = Math.max(0, (Date.now() - item.madeAt) / 1000);
    }
    return fetch(item.url, {
      method: item.method || "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": token || "" },
      body: JSON.stringify(body),
    }).then(function (response) {
      if (response.ok) {
        return response.json().catch(function () {
          return {};
        }).then(function (data) {
          return { outcome: "sent", data: data };
        });
      }
      return response.json().then(function (problem) {
        var forGood = response.status !== 429 && response.status !== 401 && response.status < 500 &&
          problem && problem.code;
        return { outcome: forGood ? "refused" : "later", problem: problem, status: response.status };
      }, function () {
        // Not a problem document: Django's CSRF page (a stale token) or a proxy's error.
        return { outcome: "later", status: response.status };
      });
    }, function () {
      return { outcome: "later", status: 0 };
    });
  }

  function run() {
    var sent = [];
    var refused = [];
    var stop = false;
    return Promise.all([getMeta("csrfToken"), account()]).then(function (found) {
      var token = found[0];
      var owner = found[1];
      function step() {
        return all().then(function (everything) {
          var items = mine(everything, owner);
          if (!items.length || stop) {
            return null;
          }
          return nextItem(items).then(function (next) {
            return send(next.item, token).then(function (result) {
              if (result.outcome === "later") {
                stop = true;
                return null;
              }
              if (result.outcome === "sent") {
                sent.push({ kind: next.item.kind, count: next.taken, data: result.data, url: next.item.url });
              } else {
                refused.push({ kind: next.item.kind, detail: (result.problem && result.problem.detail) || "" });
              }
              return remove(next.item.id).then(step);
            });
          });
        });
      }
      return step();
    }).then(function () {
      if (!sent.length && !refused.length) {
        return { sent: sent, refused: refused };
      }
      var report = { at: Date.now(), sent: sent.length, refused: refused };
      return setMeta("lastSync", report).then(function () {
        changed({ synced: report, results: sent });
        return { sent: sent, refused: refused };
      });
    });
  }

  /* Send what waits, once at a time per context and under a lock across contexts. */
  function flush() {
    if (scope.navigator && scope.navigator.onLine === false) {
      return Promise.resolve({ sent: [], refused: [] });
    }
    if (!running) {
      var locks = scope.navigator && scope.navigator.locks;
      var work = locks ? locks.request("bidaya-outbox", run) : run();
      running = work.then(function (result) {
        running = null;
        return result;
      }, function (error) {
        running = null;
        throw error;
      });
    }
    return running;
  }

  scope.BidayaOutbox = {
    account: account,
    add: add,
    all: all,
    count: count,
    flush: flush,
    forgetSaved: forgetSaved,
    getMeta: getMeta,
    setMeta: setMeta,
    transact: transact,
    uuid: uuid,
    channel: channel,
    SAVED: SAVED,
    SAVED_CACHE: SAVED_CACHE,
  };
})(self);

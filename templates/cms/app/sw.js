/*
 * Bidaya's service worker (rendered by cms.app.service_worker at /sw.js).
 *
 * - The app shell (styles, fonts, scripts, icon, the offline page in each language)
 *   is precached under this version's name and served from there.
 * - Pages are network first; without a network a saved lesson or course page comes
 *   from the saved cache, anything else shows the offline page of its language.
 * - Other static files are cached as they are first used (their names are hashed in
 *   production, so a cached copy is never stale); earlier versions' copies are
 *   deleted when a new version takes over.
 * - Video playlists are network first and segments cache first, from what the learner
 *   saved for offline (static/js/app/saved.js writes the saved-lessons cache, which
 *   no update touches).
 * - The API is never cached. Progress made offline waits in IndexedDB
 *   (static/js/app/outbox.js) and is sent on a Background Sync event where the
 *   browser has them, otherwise by the next page that opens.
 * - A new version waits until the learner accepts the "new version" prompt; the
 *   first one takes over at once, as there is no older page to keep consistent.
 */
"use strict";

var VERSION = {{ version|safe }};
var PRECACHE = {{ precache|safe }};
var OFFLINE_PAGES = {{ offline_pages|safe }};
var LANGUAGES = {{ languages|safe }};
var SHELL = "bidaya-shell-" + VERSION;
var STATIC = "bidaya-static-" + VERSION;
var SYNC_TAG = "bidaya-outbox";

importScripts({{ outbox_url|safe }});
var SAVED = self.BidayaOutbox.SAVED_CACHE;

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(SHELL).then(function (cache) {
      // Without cookies: the cached offline pages are the same for everyone. One file
      // that fails (a page that errors, a dropped request) does not cost the others:
      // it is fetched, and kept, when first used.
      return Promise.all(PRECACHE.map(function (url) {
        return cache.add(new Request(url, { credentials: "omit" })).catch(function () {
          return null;
        });
      }));
    }).then(function () {
      if (!self.registration.active) {
        return self.skipWaiting();
      }
      return undefined;
    })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return (name.indexOf("bidaya-shell-") === 0 && name !== SHELL) ||
          (name.indexOf("bidaya-static-") === 0 && name !== STATIC);
      }).map(function (name) {
        return caches.delete(name);
      }));
    }).then(function () {
      return self.clients.claim();
    })
  );
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type === "skip-waiting") {
    self.skipWaiting();
  } else if (data.type === "version" && event.ports && event.ports[0]) {
    event.ports[0].postMessage({ version: VERSION });
  }
});

self.addEventListener("sync", function (event) {
  if (event.tag === SYNC_TAG) {
    event.waitUntil(self.BidayaOutbox.flush());
  }
});

function offlinePage(url) {
  var language = url.pathname.split("/")[1];
  var index = LANGUAGES.indexOf(language);
  return caches.match(OFFLINE_PAGES[index >= 0 ? index : 0], { cacheName: SHELL });
}

function page(request) {
  return fetch(request).catch(function () {
    var url = new URL(request.url);
    return caches.match(request, { cacheName: SAVED, ignoreSearch: true }).then(function (saved) {
      return saved || offlinePage(url).then(function (fallback) {
        return fallback || Response.error();
      });
    });
  });
}

function networkFirst(request) {
  return fetch(request).catch(function () {
    return caches.match(request, { cacheName: SAVED }).then(function (saved) {
      return saved || Response.error();
    });
  });
}

function cacheFirst(request, keep) {
  return caches.match(request).then(function (cached) {
    if (cached) {
      return cached;
    }
    return fetch(request).then(function (response) {
      if (keep && response.ok && response.type === "basic") {
        var copy = response.clone();
        caches.open(STATIC).then(function (cache) {
          return cache.put(request, copy);
        }).catch(function () {
          /* a full disk: the file is simply fetched again next time */
        });
      }
      return response;
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") {
    return;
  }
  var url = new URL(request.url);
  var here = url.origin === self.location.origin;
  if (here && (url.pathname.indexOf("/api/") === 0 || url.pathname.indexOf("/admin/") === 0 ||
      url.pathname === "/sw.js")) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(page(request));
    return;
  }
  if (/\.m3u8$/.test(url.pathname)) {
    event.respondWith(networkFirst(request));
    return;
  }
  if (request.headers.has("range")) {
    return;
  }
  event.respondWith(cacheFirst(request, here && url.pathname.indexOf("{{ static_url }}") === 0));
});

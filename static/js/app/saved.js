/*
 * Save for offline: a lesson or a whole course, in one chosen quality, into Cache
 * Storage ("bidaya-saved"), where the service worker finds it without a network.
 *
 * The plan (GET /api/v1/offline/lessons/<id> or /courses/<id>) names the pages and,
 * for each video, the rung saved for each quality with its real size. Before anything
 * is downloaded the learner sees that size, and it is checked against the space the
 * browser grants (navigator.storage.estimate). Saved per lesson: its page, the
 * course page, the poster, the captions, the chosen rung's playlist and segments (with
 * the sound playlist a picture rung takes its sound from), the player library, the
 * page's styles and scripts, and the master playlist cut down to the saved rung, so
 * the same player plays it offline. A lesson that cannot be saved whole (no space, a
 * dropped connection) leaves nothing behind. Each saved lesson is listed in IndexedDB
 * (the outbox's database, store "saved") with its size and files, so it can be
 * removed one by one, or all at once, and marked on the course page and dashboard.
 */
(function () {
  "use strict";

  var outbox = window.BidayaOutbox;
  var stringsElement = document.getElementById("app-strings");
  if (!outbox || !("caches" in window) || !stringsElement) {
    return;
  }
  var strings = JSON.parse(stringsElement.textContent);
  var language = document.documentElement.lang || "ar";
  var CACHE = outbox.SAVED_CACHE;
  var MB = 1e6;
  var mbFormat = new Intl.NumberFormat(language + "-u-nu-latn", { maximumFractionDigits: 1, minimumFractionDigits: 1 });

  var t = window.BidayaWords(strings, language);

  function mb(bytes) {
    return mbFormat.format(Math.max(0.1, bytes / MB));
  }

  function records() {
    return outbox.transact(outbox.SAVED, "readonly", function (store) {
      return store.getAll();
    }).then(function (all) {
      return all || [];
    });
  }

  function putRecord(record) {
    return outbox.transact(outbox.SAVED, "readwrite", function (store) {
      return store.put(record);
    });
  }

  function deleteRecord(lessonId) {
    return outbox.transact(outbox.SAVED, "readwrite", function (store) {
      return store.delete(lessonId);
    });
  }

  function absolute(url, base) {
    return new URL(url, base || window.location.href).href;
  }

  function isQuota(error) {
    return error && (error.name === "QuotaExceededError" || error.code === 22);
  }

  /* ------------------------------------------------------------------- downloading */

  function fetchOk(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response;
    });
  }

  function mediaFiles(playlistUrl) {
    return fetchOk(playlistUrl).then(function (response) {
      return response.text();
    }).then(function (text) {
      var files = [];
      text.split(/\r?\n/).forEach(function (line) {
        var map = line.match(/^#EXT-X-MAP:.*URI="([^"]+)"/);
        if (map) {
          files.push(absolute(map[1], playlistUrl));
        } else if (line && line.charAt(0) !== "#") {
          files.push(absolute(line.trim(), playlistUrl));
        }
      });
      return { text: text, files: files };
    });
  }

  /* The master playlist with only the saved rung (and the sound group it needs). */
  function cutMaster(text, masterUrl, keepUrl, audioOnly) {
    var lines = text.split(/\r?\n/);
    var out = [];
    for (var i = 0; i < lines.length; i += 1) {
      var line = lines[i];
      if (line.indexOf("#EXT-X-STREAM-INF:") === 0) {
        var uri = (lines[i + 1] || "").trim();
        if (absolute(uri, masterUrl) === keepUrl) {
          out.push(line, uri);
        }
        i += 1;
      } else if (line.indexOf("#EXT-X-MEDIA:") === 0) {
        if (!audioOnly) {
          out.push(line);
        }
      } else if (line) {
        out.push(line);
      }
    }
    return out.join("\n") + "\n";
  }

  function Saver(cache, onProgress) {
    this.cache = cache;
    this.onProgress = onProgress;
    this.done = 0;
    this.total = 0;
    this.bytes = 0;
    this.written = [];
  }

  Saver.prototype.store = function (url, response) {
    var self = this;
    return response.blob().then(function (blob) {
      self.bytes += blob.size;
      var copy = new Response(blob, { status: 200, headers: response.headers });
      return self.cache.put(url, copy);
    }).then(function () {
      self.written.push(url);
      self.done += 1;
      self.onProgress(self.done, self.total);
    });
  };

  Saver.prototype.get = function (url) {
    var self = this;
    return this.cache.match(url).then(function (cached) {
      if (cached) {
        self.done += 1;
        self.onProgress(self.done, self.total);
        return null;
      }
      return fetchOk(url).then(function (response) {
        return self.store(url, response);
      });
    });
  };

  /* One after another: a weak link does better with one request at a time. */
  Saver.prototype.getAll = function (urls) {
    var self = this;
    this.total += urls.length;
    return urls.reduce(function (chain, url) {
      return chain.then(function () {
        return self.get(url);
      });
    }, Promise.resolve());
  };

  function pageAssets(html, pageUrl) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var urls = [];
    doc.querySelectorAll('link[rel="stylesheet"][href], script[src]').forEach(function (node) {
      var url = absolute(node.getAttribute("href") || node.getAttribute("src"), pageUrl);
      if (new URL(url).origin === window.location.origin) {
        urls.push(url);
      }
    });
    return urls;
  }

  function saveVideo(saver, video, quality) {
    var choice = video.choices[quality];
    if (!choice) {
      return Promise.resolve([]);
    }
    var master = absolute(video.master_url);
    var rung = absolute(choice.playlist_url);
    var audioOnly = !video.audio_playlist_url || absolute(video.audio_playlist_url) === rung;
    var own = [master];
    var extras = [video.poster_url].concat(video.caption_urls).filter(Boolean).map(function (url) {
      return absolute(url);
    });
    var playlists = [rung].concat(audioOnly ? [] : [absolute(video.audio_playlist_url)]);
    return fetchOk(master).then(function (response) {
      return response.text();
    }).then(function (text) {
      var cut = new Response(cutMaster(text, master, rung, audioOnly), {
        headers: { "Content-Type": "application/vnd.apple.mpegurl" },
      });
      saver.total += 1;
      return saver.store(master, cut);
    }).then(function () {
      return playlists.reduce(function (chain, playlist) {
        return chain.then(function () {
          return mediaFiles(playlist).then(function (media) {
            own.push(playlist);
            own.push.apply(own, media.files);
            saver.total += 1;
            return saver.store(playlist, new Response(media.text, {
              headers: { "Content-Type": "application/vnd.apple.mpegurl" },
            })).then(function () {
              return saver.getAll(media.files);
            });
          });
        });
      }, Promise.resolve());
    }).then(function () {
      return saver.getAll(extras);
    }).then(function () {
      return own.concat(extras);
    });
  }

  /* Save one lesson of the plan; resolves with its record, or rejects after undoing. */
  function saveLesson(cache, plan, lesson, quality, onProgress) {
    var saver = new Saver(cache, onProgress);
    var pageUrl = absolute(lesson.url);
    var own = [pageUrl];
    var shared = [];
    return fetchOk(pageUrl).then(function (response) {
      return response.clone().text().then(function (html) {
        saver.total += 1;
        return saver.store(pageUrl, response).then(function () {
          return pageAssets(html, pageUrl);
        });
      });
    }).then(function (assets) {
      shared = [absolute(plan.course_url)].concat(plan.assets.map(function (url) {
        return absolute(url);
      }), assets);
      return saver.getAll(shared);
    }).then(function () {
      return lesson.videos.reduce(function (chain, video) {
        return chain.then(function () {
          return saveVideo(saver, video, quality).then(function (urls) {
            own.push.apply(own, urls);
          });
        });
      }, Promise.resolve());
    }).then(function () {
      var record = {
        lessonId: lesson.id,
        courseId: plan.course_id,
        title: lesson.title,
        url: pageUrl,
        quality: lesson.videos.length ? quality : "",
        bytes: saver.bytes,
        urls: own,
        savedAt: Date.now(),
      };
      return putRecord(record).then(function () {
        return record;
      });
    }, function (error) {
      // Nothing half-saved stays: every file this lesson wrote but the shared ones.
      return Promise.all(saver.written.filter(function (url) {
        return shared.indexOf(url) < 0;
      }).map(function (url) {
        return cache.delete(url);
      })).then(function () {
        throw error;
      });
    });
  }

  function removeLessons(lessonIds) {
    return records().then(function (all) {
      var keep = {};
      all.forEach(function (record) {
        if (lessonIds.indexOf(record.lessonId) < 0) {
          record.urls.forEach(function (url) {
            keep[url] = true;
          });
        }
      });
      return caches.open(CACHE).then(function (cache) {
        return Promise.all(all.filter(function (record) {
          return lessonIds.indexOf(record.lessonId) >= 0;
        }).map(function (record) {
          return Promise.all(record.urls.filter(function (url) {
            return !keep[url];
          }).map(function (url) {
            return cache.delete(url);
          })).then(function () {
            return deleteRecord(record.lessonId);
          });
        }));
      });
    }).then(changed);
  }

  function removeAll() {
    return outbox.forgetSaved().then(changed);
  }

  function changed() {
    document.dispatchEvent(new CustomEvent("bidaya:saved"));
  }

  function freeSpace() {
    if (!navigator.storage || !navigator.storage.estimate) {
      return Promise.resolve(Infinity);
    }
    return navigator.storage.estimate().then(function (estimate) {
      return Math.max(0, (estimate.quota || 0) - (estimate.usage || 0));
    }, function () {
      return Infinity;
    });
  }

  window.BidayaSaved = {
    records: records,
    removeLessons: removeLessons,
    removeAll: removeAll,
    saveLesson: saveLesson,
    freeSpace: freeSpace,
    isQuota: isQuota,
    mb: mb,
    t: t,
    CACHE: CACHE,
  };
})();

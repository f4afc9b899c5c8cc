/*
 * Lesson video player: adaptive streaming with hls.js, resume, speed, captions, a
 * quality menu with a sound-only "data saver", and heartbeats that report what was
 * really played.
 *
 * It enhances the plain <video data-master-url data-video-id> that the lesson page
 * renders; without this script (or before it loads) that element still plays through
 * the browser's own HLS or the MP4 fallback. Configuration comes from the JSON in
 * <script id="lms-config" type="application/json"> (no inline script: the site's CSP
 * is script-src 'self'). Before the learner presses play only the poster loads: hls.js
 * (its light build, unless the ladder keeps its sound in a separate playlist, which only
 * the full build plays) and the playlists are fetched on the first press, so the page
 * shows no loading spinner and costs no data until then.
 *
 * Resume: the saved position comes from the lesson-state API (the server restarts a video
 * only once it is done); a position in the last seconds resumes a little before the end,
 * so there is still something to play. "Auto" starts at the rung that the bandwidth
 * measured in the previous session (kept in localStorage) or by the browser allows,
 * instead of the lowest one.
 *
 * Heartbeats: one with no ranges when playback first starts (it opens the video on the
 * server, whose clock bounds what later beats may add), then every `heartbeatSeconds`
 * while playing, and on pause, at the end, when the tab is hidden and when the page goes
 * away. Each carries a fresh event id, the ranges played since the previous beat, the
 * position and its age (how long it waited here, so the server can order beats by its
 * own clock). While the page is open they go out one at a time with fetch (X-CSRFToken
 * header, keepalive) so failures are retried with the same event id; when the tab is
 * hidden or closing they go out with navigator.sendBeacon, which cannot set headers, so
 * the beacon endpoint takes a form body with the CSRF token in it. No beat is dropped
 * before the server has answered it: a long time offline fills the queue, and then its
 * oldest beats that are not being sent are merged (the ranges are kept, the server
 * credits what its cap allows), and beats wait for the connection instead of going out
 * as beacons that cannot arrive.
 *
 * Bad networks: a fatal network error of hls.js is retried with a growing delay (2 s,
 * 4 s, … up to a minute) while the learner is told what is happening; a refused
 * video.play() (autoplay rules, a load that interrupted it) asks the learner to press
 * play instead of failing silently.
 *
 * The player is five plain scripts, loaded in this order with defer and sharing the
 * window.BidayaPlayer namespace (no bundler; each file gets its own hashed name):
 * core.js (configuration and helpers), heartbeats.js (played ranges and beats),
 * player.js (the controls), engine.js (hls.js, native HLS or the MP4) and boot.js.
 */
(function () {
  "use strict";

  var configElement = document.getElementById("lms-config");
  if (!configElement) {
    return;
  }
  var config;
  try {
    config = JSON.parse(configElement.textContent);
  } catch (error) {
    return;
  }
  var strings = config.strings || {};
  var language = document.documentElement.lang || "ar";
  var SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2];
  var STORAGE_QUALITY = "bidaya.player.quality";
  var STORAGE_SPEED = "bidaya.player.speed";
  var STORAGE_BANDWIDTH = "bidaya.player.bandwidth";
  var END_LEAD_SECONDS = 3; // a resume point in the last seconds moves back this far
  var MIN_ESTIMATE = 1e5;
  var MAX_ESTIMATE = 2e7;
  var MAX_QUEUE = 40;
  var MAX_INTERVALS = 500; // what the API takes in one beat
  var RETRY_FIRST_SECONDS = 2;
  var RETRY_MAX_SECONDS = 60;

  var t = window.BidayaWords(strings, language);

  // Latin digits with the page language's separators, as the rest of the site shows numbers.
  var numberFormat = new Intl.NumberFormat(language + "-u-nu-latn", { maximumFractionDigits: 1 });
  // Speeds are shown exactly: 0.75×, 1.25×.
  var speedFormat = new Intl.NumberFormat(language + "-u-nu-latn", { maximumFractionDigits: 2 });

  function megabytes(bytes) {
    var size = bytes / 1e6;
    if (size > 0 && size < 0.1) {
      size = 0.1;
    }
    return t("megabytes", { size: numberFormat.format(size >= 10 ? Math.round(size) : size) });
  }

  function clock(seconds) {
    seconds = Math.max(0, Math.floor(seconds || 0));
    var h = Math.floor(seconds / 3600);
    var m = Math.floor((seconds % 3600) / 60);
    var s = seconds % 60;
    var mm = h ? String(m).padStart(2, "0") : String(m);
    return (h ? h + ":" : "") + mm + ":" + String(s).padStart(2, "0");
  }

  function uuid() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") {
      return window.crypto.randomUUID();
    }
    var bytes = window.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map
      .call(bytes, function (b) {
        return b.toString(16).padStart(2, "0");
      })
      .join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  function stored(key, fallback) {
    try {
      return window.localStorage.getItem(key) || fallback;
    } catch (error) {
      return fallback;
    }
  }

  function store(key, value) {
    try {
      window.localStorage.setItem(key, value);
    } catch (error) {
      /* private mode: the choice lasts for this page only */
    }
  }

  /* The time asked for in the address: #t=95 or ?t=95 ("continue where you left off"). */
  function requestedStart() {
    var match = /(?:^|[#&])t=(\d+(?:\.\d+)?)/.exec(window.location.hash) ||
      /[?&]t=(\d+(?:\.\d+)?)/.exec(window.location.search);
    return match ? parseFloat(match[1]) : null;
  }

  /* The bandwidth to start "Auto" from, in bits per second: what hls.js measured in the
     previous session, else the browser's own estimate; null when neither is known. */
  function startingEstimate() {
    var saved = parseFloat(stored(STORAGE_BANDWIDTH, ""));
    if (!(saved > 0)) {
      var connection = navigator.connection;
      saved = connection && connection.downlink > 0 ? connection.downlink * 1e6 : 0;
    }
    return saved > 0 ? Math.min(Math.max(saved, MIN_ESTIMATE), MAX_ESTIMATE) : null;
  }

  /* The quality to start with: the account's data saver wins (it follows the learner from
     device to device); otherwise what this browser chose last. */
  function preferredQuality() {
    var saved = stored(STORAGE_QUALITY, "auto");
    if (config.dataSaver === true) {
      return "audio";
    }
    return config.dataSaver === false && saved === "audio" ? "auto" : saved;
  }

  /* Remember data saver on the account when the learner turns it on or off in the player. */
  function saveDataSaver(on) {
    if (!config.dataSaverUrl || config.dataSaver === on) {
      return;
    }
    config.dataSaver = on;
    fetch(config.dataSaverUrl, {
      method: "PUT",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": config.csrfToken },
      body: JSON.stringify({ data_saver: on }),
    }).catch(function () {
      /* offline: this browser remembers it meanwhile */
    });
  }

  var hlsLoading = {};
  /* One script per build; the full one (which also plays separate audio) wins once loaded. */
  function loadHls(full) {
    var url = full ? config.hlsFullUrl : config.hlsUrl;
    if (window.Hls && (!full || hlsLoading[url])) {
      return hlsLoading[url] || Promise.resolve(window.Hls);
    }
    if (!hlsLoading[url]) {
      hlsLoading[url] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = url;
        script.async = true;
        script.onload = function () {
          resolve(window.Hls);
        };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return hlsLoading[url];
  }

  function mseAvailable() {
    return Boolean(window.MediaSource || window.ManagedMediaSource);
  }

  /* video.play() returns a promise that rejects when the browser refuses to play. */
  function play(video, player) {
    var playing;
    try {
      playing = video.play();
    } catch (error) {
      playing = Promise.reject(error);
    }
    if (playing && playing.catch) {
      playing.catch(function (error) {
        // AbortError: a new source interrupted this call, and playback follows it.
        if (player && (!error || error.name !== "AbortError")) {
          player.announce(t("playBlocked"));
        }
      });
    }
    return playing;
  }

  /* The init segment and the media segment holding second ``at`` of a media playlist. */
  function startParts(text, at) {
    var parts = [];
    var elapsed = 0;
    var length = null;
    var lines = text.split(/\r?\n/);
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i].trim();
      var map = /^#EXT-X-MAP:.*URI="([^"]+)"/.exec(line);
      if (map) {
        parts.push(map[1]);
      } else if (line.indexOf("#EXTINF:") === 0) {
        length = parseFloat(line.slice(8));
      } else if (line && line.charAt(0) !== "#" && length !== null) {
        elapsed += length;
        if (elapsed > at) {
          parts.push(line);
          break;
        }
        length = null;
      }
    }
    return parts;
  }

  /* The largest picture rung worth its bytes in ``video``, as hls.js's
     capLevelToPlayerSize decides: the first one at least as wide or as tall as the
     player's device pixels (``pictures`` smallest first). */
  function largestShown(pictures, video) {
    var ratio = window.devicePixelRatio || 1;
    var width = video.clientWidth * ratio;
    var height = video.clientHeight * ratio;
    var last = pictures[pictures.length - 1];
    if (!width || !height) {
      return last;
    }
    return pictures.filter(function (rendition) {
      return rendition.width >= width || rendition.height >= height;
    })[0] || last;
  }

  window.BidayaPlayer = {
    config: config,
    t: t,
    megabytes: megabytes,
    clock: clock,
    uuid: uuid,
    stored: stored,
    store: store,
    requestedStart: requestedStart,
    startingEstimate: startingEstimate,
    preferredQuality: preferredQuality,
    saveDataSaver: saveDataSaver,
    loadHls: loadHls,
    mseAvailable: mseAvailable,
    play: play,
    startParts: startParts,
    largestShown: largestShown,
    speedFormat: speedFormat,
    SPEEDS: SPEEDS,
    STORAGE_QUALITY: STORAGE_QUALITY,
    STORAGE_SPEED: STORAGE_SPEED,
    STORAGE_BANDWIDTH: STORAGE_BANDWIDTH,
    END_LEAD_SECONDS: END_LEAD_SECONDS,
    MAX_QUEUE: MAX_QUEUE,
    MAX_INTERVALS: MAX_INTERVALS,
    RETRY_FIRST_SECONDS: RETRY_FIRST_SECONDS,
    RETRY_MAX_SECONDS: RETRY_MAX_SECONDS,
  };
})();

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

  function t(name, values) {
    var text = strings[name] || name;
    if (values) {
      text = text.replace(/%\((\w+)\)s/g, function (match, key) {
        return values[key] === undefined ? match : String(values[key]);
      });
    }
    return text.replace(/%%/g, "%");
  }

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

  /* ------------------------------------------------------------------ watched ranges */

  function PlayedRanges(video) {
    this.video = video;
    this.closed = [];
    this.start = null;
    this.last = null;
  }

  PlayedRanges.prototype.open = function () {
    if (this.video.paused || this.video.seeking) {
      return;
    }
    this.start = this.last = this.video.currentTime;
  };

  PlayedRanges.prototype.tick = function () {
    var now = this.video.currentTime;
    if (this.video.paused || this.video.seeking) {
      return;
    }
    if (this.start === null) {
      this.start = this.last = now;
      return;
    }
    var step = now - this.last;
    // timeupdate comes every ~250 ms; a bigger jump is a seek the events did not flag.
    if (step < 0 || step > 2 * Math.max(1, this.video.playbackRate) + 1) {
      this.close();
      this.start = this.last = now;
      return;
    }
    this.last = now;
  };

  PlayedRanges.prototype.close = function () {
    if (this.start !== null && this.last - this.start > 0.05) {
      this.closed.push([round(this.start), round(this.last)]);
    }
    this.start = this.last = null;
  };

  /* Ranges played since the last call; an open range carries on from where it was cut. */
  PlayedRanges.prototype.take = function () {
    var ranges = this.closed;
    this.closed = [];
    if (this.start !== null && this.last - this.start > 0.05) {
      ranges.push([round(this.start), round(this.last)]);
      this.start = this.last;
    }
    return ranges;
  };

  function round(value) {
    return Math.round(value * 1000) / 1000;
  }

  /* The union of played ranges, sorted: what two merged beats report together. */
  function union(ranges) {
    var merged = [];
    ranges
      .slice()
      .sort(function (a, b) {
        return a[0] - b[0];
      })
      .forEach(function (range) {
        var last = merged[merged.length - 1];
        if (last && range[0] <= last[1]) {
          last[1] = Math.max(last[1], range[1]);
        } else {
          merged.push([range[0], range[1]]);
        }
      });
    return merged;
  }

  /* Older and newer beat as one: every range of both, the newer position and age. A beat
     whose earlier request may have reached the server is safe to fold in: ranges already
     counted add nothing the second time. */
  function mergeBeats(older, newer) {
    var intervals = union(older.payload.intervals.concat(newer.payload.intervals));
    return {
      madeAt: newer.madeAt,
      payload: Object.assign({}, newer.payload, {
        event_id: uuid(),
        intervals: intervals.slice(Math.max(0, intervals.length - MAX_INTERVALS)),
      }),
    };
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

  /* ---------------------------------------------------------------------- heartbeats */

  function Heartbeats(player) {
    this.player = player;
    this.queue = [];
    // The entry whose request is out: never merged nor dropped before it is answered.
    this.inFlight = null;
    this.pausedUntil = 0;
    this.stopped = !config.tracking || !player.settings.tracked;
    this.lastPosition = null;
  }

  Heartbeats.prototype.beat = function (reason) {
    if (this.stopped) {
      return;
    }
    var video = this.player.video;
    var intervals = this.player.ranges.take();
    var position = round(Math.min(video.currentTime || 0, this.player.settings.duration || Infinity));
    var moved = this.lastPosition === null || Math.abs(position - this.lastPosition) >= 1;
    if (!intervals.length && !moved) {
      this.flush(reason);
      return;
    }
    this.lastPosition = position;
    this.push({ position: position, intervals: intervals });
    this.flush(reason);
  };

  Heartbeats.prototype.open = function (position) {
    if (this.stopped) {
      return;
    }
    this.lastPosition = round(position);
    this.push({ position: this.lastPosition, intervals: [] }, true);
    this.flush("open");
  };

  Heartbeats.prototype.push = function (fields, opening) {
    this.queue.push({
      opening: Boolean(opening),
      madeAt: Date.now(),
      payload: Object.assign(
        {
          event_id: uuid(),
          lesson_id: config.lessonId,
          component_id: this.player.settings.componentId,
          sent_at: new Date().toISOString(),
        },
        fields
      ),
    });
    this.trim();
  };

  /* Keep the queue bounded by merging its two oldest beats that are not being sent (nor
     the opening one, which must reach the server on its own to start its clock). */
  Heartbeats.prototype.trim = function () {
    var first = 0;
    while (first < this.queue.length && (this.queue[first] === this.inFlight || this.queue[first].opening)) {
      first += 1;
    }
    while (this.queue.length > MAX_QUEUE && first + 1 < this.queue.length) {
      this.queue.splice(first, 2, mergeBeats(this.queue[first], this.queue[first + 1]));
    }
  };

  Heartbeats.prototype.remove = function (entry) {
    var index = this.queue.indexOf(entry);
    if (index >= 0) {
      this.queue.splice(index, 1);
    }
  };

  /* The beat as sent: with how long it has waited here, on this device's own clock. */
  function outgoing(entry) {
    return Object.assign({}, entry.payload, { age: Math.max(0, (Date.now() - entry.madeAt) / 1000) });
  }

  Heartbeats.prototype.flush = function (reason) {
    if (reason === "leave") {
      this.sendBeacons();
      return;
    }
    if (this.inFlight || !this.queue.length || Date.now() < this.pausedUntil) {
      return;
    }
    var self = this;
    var entry = this.queue[0];
    this.inFlight = entry;
    fetch(config.heartbeatUrl, {
      method: "POST",
      credentials: "same-origin",
      keepalive: true,
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        "X-CSRFToken": config.csrfToken,
      },
      body: JSON.stringify(outgoing(entry)),
    })
      .then(function (response) {
        self.inFlight = null;
        if (response.ok) {
          self.remove(entry);
          return response.json().then(function (state) {
            self.player.onSaved(state);
            self.flush("next");
          });
        }
        if (response.status === 429) {
          var wait = parseInt(response.headers.get("Retry-After") || "15", 10);
          self.pausedUntil = Date.now() + Math.max(1, wait) * 1000;
          return null;
        }
        if (response.status >= 400 && response.status < 500) {
          // Refused for good (not enrolled, out of range…): resending would not help.
          self.remove(entry);
          if (response.status === 403 || response.status === 401) {
            self.stopped = true;
          }
          self.flush("next");
          return null;
        }
        self.player.announce(t("saveFailed"));
        return null;
      })
      .catch(function () {
        self.inFlight = null;
        self.player.announce(t("saveFailed"));
      });
  };

  Heartbeats.prototype.sendBeacons = function () {
    if (!this.queue.length || navigator.onLine === false) {
      // Offline, a beacon is lost: the beats wait here for the connection to return.
      return;
    }
    var pending = this.queue;
    this.queue = [];
    pending.forEach(function (entry) {
      var body = new URLSearchParams();
      body.set("csrfmiddlewaretoken", config.csrfToken);
      body.set("payload", JSON.stringify(outgoing(entry)));
      var queued = navigator.sendBeacon && navigator.sendBeacon(config.beaconUrl, body);
      if (!queued) {
        fetch(config.beaconUrl, { method: "POST", body: body, credentials: "same-origin", keepalive: true })
          .catch(function () {});
      }
    });
  };

  /* -------------------------------------------------------------------------- player */

  function Player(video, settings) {
    this.video = video;
    this.settings = settings;
    this.figure = video.closest("figure") || video.parentNode;
    this.hls = null;
    this.engine = null; // "hls", "native" or "file"
    this.mode = "auto"; // "auto", a rung height, or "audio"
    this.ranges = new PlayedRanges(video);
    this.heartbeats = new Heartbeats(this);
    this.started = false;
    this.asked = requestedStart();
    this.resumeAt = this.asked !== null ? this.resumePoint(this.asked) : 0;
    this.resumeAnnounced = this.resumeAt > 0;
    this.holdSources();
    this.build();
    this.listen();
  }

  /* hls.js will drive the element: its <source> children would make a play press fetch
     the MP4 or the playlist on their own. They come back if hls.js cannot run. */
  Player.prototype.holdSources = function () {
    if (!mseAvailable()) {
      return;
    }
    this.heldSources = Array.prototype.slice.call(this.video.querySelectorAll("source"));
    this.heldSources.forEach(function (source) {
      source.remove();
    });
    if (this.heldSources.length) {
      // Forget a source the browser may have picked (not fetched: preload is none).
      this.video.load();
    }
  };

  Player.prototype.restoreSources = function () {
    var held = this.heldSources;
    this.heldSources = null;
    if (!held || !held.length) {
      return;
    }
    var video = this.video;
    var first = video.firstChild;
    held.forEach(function (source) {
      video.insertBefore(source, first);
    });
    video.load();
  };

  /* The learner's saved position, from the lesson state (the page itself may be cached). */
  Player.prototype.useState = function (component) {
    if (!component) {
      return;
    }
    if (this.asked === null && !this.started && component.position > 0) {
      this.resumeAt = this.resumePoint(component.position);
      this.resumeAnnounced = true;
    }
  };

  /* Where to resume a saved position: there, unless it is in the last seconds of the video,
     then a few seconds before the end (resuming at the very end would end at once). */
  Player.prototype.resumePoint = function (position) {
    var duration = this.video.duration || this.settings.duration || 0;
    if (duration && position > duration - END_LEAD_SECONDS) {
      return Math.max(0, duration - END_LEAD_SECONDS);
    }
    return Math.max(0, position);
  };

  Player.prototype.build = function () {
    var video = this.video;
    // A timeline runs left to right in every language.
    video.setAttribute("dir", "ltr");
    video.setAttribute("aria-keyshortcuts", "k j l m f c");
    var tools = document.createElement("div");
    tools.className = "player-tools";
    tools.setAttribute("role", "group");
    tools.setAttribute("aria-label", t("playerTools"));

    this.qualitySelect = this.select(tools, "quality", t("quality"));
    this.speedSelect = this.select(tools, "speed", t("speed"));
    SPEEDS.forEach(
      function (speed) {
        this.option(this.speedSelect, String(speed), speedFormat.format(speed) + "×");
      }.bind(this)
    );
    this.speedSelect.value = stored(STORAGE_SPEED, "1");
    if (!this.speedSelect.value) {
      this.speedSelect.value = "1";
    }

    var tracks = Array.prototype.filter.call(video.textTracks || [], function (track) {
      return track.kind === "captions" || track.kind === "subtitles";
    });
    if (tracks.length) {
      this.captionSelect = this.select(tools, "captions", t("captions"));
      this.option(this.captionSelect, "", t("captionsOff"));
      tracks.forEach(
        function (track, index) {
          this.option(this.captionSelect, String(index), track.label || track.language);
          if (track.mode === "showing") {
            this.captionSelect.value = String(index);
          }
        }.bind(this)
      );
      this.tracks = tracks;
    }

    this.status = document.createElement("p");
    this.status.className = "player-tools__status";
    this.status.setAttribute("role", "status");
    this.status.setAttribute("aria-live", "polite");

    var frame = video.closest(".video__frame") || video;
    frame.insertAdjacentElement("afterend", tools);
    tools.insertAdjacentElement("afterend", this.status);
    this.tools = tools;
    this.fillQualities(null);
  };

  Player.prototype.select = function (parent, name, label) {
    var wrapper = document.createElement("label");
    wrapper.className = "player-tools__field player-tools__field--" + name;
    var text = document.createElement("span");
    text.textContent = label;
    var select = document.createElement("select");
    select.setAttribute("data-player-" + name, "");
    wrapper.appendChild(text);
    wrapper.appendChild(select);
    parent.appendChild(wrapper);
    return select;
  };

  Player.prototype.option = function (select, value, label) {
    var option = document.createElement("option");
    option.value = value;
    option.textContent = label;
    select.appendChild(option);
    return option;
  };

  /* The quality menu: Auto, each picture rung with its data cost, then data saver. */
  Player.prototype.fillQualities = function (levels) {
    var select = this.qualitySelect;
    var renditions = this.settings.renditions || [];
    select.textContent = "";
    this.option(select, "auto", t("auto"));
    var pictureRungs = renditions.filter(function (r) {
      return !r.audio;
    });
    // Before play the rungs come from the page (nothing is fetched yet); once hls.js has
    // read the playlist, only the ones it can play.
    if ((this.engine === "hls" && levels) || (!this.engine && mseAvailable())) {
      pictureRungs.forEach(
        function (rendition) {
          var available = !levels || levels.some(function (level) {
            return level.height === rendition.height;
          });
          if (available) {
            this.option(select, String(rendition.height), rendition.name + " · " + megabytes(rendition.bytes));
          }
        }.bind(this)
      );
    }
    var audio = renditions.filter(function (r) {
      return r.audio;
    })[0];
    if (audio && this.settings.audioUrl) {
      this.option(select, "audio", t("dataSaver") + " · " + megabytes(audio.bytes));
    }
    select.value = this.mode;
    if (select.value !== String(this.mode)) {
      select.value = "auto";
    }
  };

  Player.prototype.listen = function () {
    var self = this;
    var video = this.video;
    video.addEventListener("play", function () {
      self.startLoading();
    });
    video.addEventListener("playing", function () {
      self.ranges.open();
    });
    video.addEventListener("timeupdate", function () {
      self.ranges.tick();
    });
    video.addEventListener("seeking", function () {
      self.ranges.close();
    });
    video.addEventListener("seeked", function () {
      // The new position goes out with the next beat; scrubbing must not flood the server.
      self.ranges.open();
    });
    video.addEventListener("pause", function () {
      self.ranges.close();
      self.heartbeats.beat("pause");
    });
    video.addEventListener("ended", function () {
      self.ranges.close();
      self.heartbeats.beat("ended");
    });
    video.addEventListener("ratechange", function () {
      if (self.speedSelect.value !== String(video.playbackRate)) {
        self.speedSelect.value = String(video.playbackRate);
      }
    });
    video.addEventListener("loadedmetadata", function () {
      video.playbackRate = parseFloat(self.speedSelect.value) || 1;
    });
    this.qualitySelect.addEventListener("change", function () {
      self.setQuality(self.qualitySelect.value);
    });
    this.speedSelect.addEventListener("change", function () {
      video.playbackRate = parseFloat(self.speedSelect.value) || 1;
      store(STORAGE_SPEED, self.speedSelect.value);
    });
    if (this.captionSelect) {
      this.captionSelect.addEventListener("change", function () {
        self.setCaptions(self.captionSelect.value);
      });
    }
    this.figure.addEventListener("keydown", function (event) {
      self.onKey(event);
    });
    window.setInterval(function () {
      if (!video.paused) {
        self.heartbeats.beat("tick");
      } else {
        self.heartbeats.flush("retry");
      }
    }, Math.max(5, config.heartbeatSeconds || 15) * 1000);
    window.addEventListener("online", function () {
      self.heartbeats.flush("online");
    });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") {
        self.heartbeats.beat("leave");
      }
    });
    window.addEventListener("pagehide", function () {
      self.ranges.close();
      self.heartbeats.beat("leave");
    });
  };

  /* Attach the stream (not the media: nothing downloads before play). */
  Player.prototype.attach = function () {
    if (this.engine) {
      return Promise.resolve();
    }
    var self = this;
    var video = this.video;
    var master = video.getAttribute("data-master-url");
    if (mseAvailable()) {
      return loadHls(this.settings.separateAudio).then(
        function (Hls) {
          if (self.engine) {
            return;
          }
          if (!Hls || !Hls.isSupported()) {
            self.attachNative();
            return;
          }
          self.engine = "hls";
          self.Hls = Hls;
          var preferred = stored(STORAGE_QUALITY, "auto");
          if (preferred === "audio" && self.settings.audioUrl) {
            self.loadHlsSource(self.settings.audioUrl, "audio");
          } else {
            self.loadHlsSource(master, "auto");
            if (preferred !== "auto" && preferred !== "audio") {
              self.pendingQuality = preferred;
            }
          }
        },
        function () {
          self.attachNative();
        }
      );
    }
    this.attachNative();
    return Promise.resolve();
  };

  Player.prototype.attachNative = function () {
    var video = this.video;
    this.restoreSources();
    this.engine = video.canPlayType("application/vnd.apple.mpegurl") ? "native" : "file";
    var self = this;
    video.addEventListener(
      "loadedmetadata",
      function () {
        self.seekToResume();
      },
      { once: true }
    );
    if (stored(STORAGE_QUALITY, "auto") === "audio" && this.engine === "native" && this.settings.audioUrl) {
      this.mode = "audio";
      video.src = this.settings.audioUrl;
      this.figure.classList.add("is-audio-only");
    }
    this.fillQualities(null);
  };

  Player.prototype.loadHlsSource = function (url, mode) {
    var self = this;
    var Hls = this.Hls;
    var video = this.video;
    if (this.hls) {
      this.hls.destroy();
    }
    var options = {
      autoStartLoad: false,
      startPosition: this.resumeAt || -1,
      capLevelToPlayerSize: true,
      // From the static manifest: file names carry a content hash in production.
      workerPath: config.hlsWorkerUrl,
      maxBufferLength: 30,
    };
    var estimate = startingEstimate();
    if (estimate) {
      // "Auto" starts at the best rung this bandwidth carries, not at the lowest.
      options.abrEwmaDefaultEstimate = estimate;
    }
    var hls = new Hls(options);
    this.hls = hls;
    this.mode = mode;
    this.figure.classList.toggle("is-audio-only", mode === "audio");
    if (mode === "audio" && this.settings.poster) {
      video.poster = this.settings.poster;
    }
    hls.on(Hls.Events.MANIFEST_PARSED, function (event, data) {
      if (mode !== "audio") {
        self.fillQualities(data.levels);
        if (self.pendingQuality) {
          self.setQuality(self.pendingQuality, true);
          self.pendingQuality = null;
        }
      } else {
        self.fillQualities(null);
        self.qualitySelect.value = "audio";
      }
      if (self.started) {
        hls.startLoad(self.resumeAt || -1);
      }
    });
    hls.on(Hls.Events.ERROR, function (event, data) {
      if (!data.fatal) {
        return;
      }
      if (data.type === Hls.ErrorTypes.NETWORK_ERROR) {
        self.retryNetwork(hls, url);
      } else if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
        hls.recoverMediaError();
      } else {
        self.announce(t("playbackFailed"));
      }
    });
    hls.on(Hls.Events.FRAG_LOADED, function () {
      if (hls.bandwidthEstimate > 0) {
        store(STORAGE_BANDWIDTH, String(Math.round(hls.bandwidthEstimate)));
      }
      if (self.networkRetries) {
        self.networkRetries = 0;
        self.retryDelays = [];
        self.announce(t("networkBack"));
      }
    });
    video.addEventListener(
      "loadedmetadata",
      function () {
        self.seekToResume();
      },
      { once: true }
    );
    hls.loadSource(url);
    hls.attachMedia(video);
  };

  /* A fatal network error: try again after a delay that doubles each time (capped), and
     say so, rather than hammering a connection that is down. */
  Player.prototype.retryNetwork = function (hls, url) {
    var self = this;
    var delay = Math.min(RETRY_MAX_SECONDS, RETRY_FIRST_SECONDS * Math.pow(2, this.networkRetries || 0));
    this.networkRetries = (this.networkRetries || 0) + 1;
    this.retryDelays = (this.retryDelays || []).concat([delay]);
    this.announce(t("networkRetry"));
    window.clearTimeout(this.retryTimer);
    this.retryTimer = window.setTimeout(function () {
      if (self.hls !== hls) {
        return; // replaced meanwhile (another quality)
      }
      if (!hls.levels || !hls.levels.length) {
        hls.loadSource(url); // the playlist itself never arrived
      } else {
        hls.startLoad(self.video.currentTime || self.resumeAt || -1);
      }
    }, delay * 1000);
  };

  Player.prototype.seekToResume = function () {
    var target = this.resumeAt > 0 ? this.resumePoint(this.resumeAt) : 0;
    if (target > 0 && Math.abs(this.video.currentTime - target) > 0.5) {
      this.video.currentTime = target;
    }
    if (target > 0 && this.resumeAnnounced) {
      this.announce(t("resumed", { time: clock(target) }));
      this.resumeAnnounced = false;
    }
  };

  /* First play: start downloading media, from the resume point. */
  Player.prototype.startLoading = function () {
    if (this.started || this.starting) {
      return;
    }
    this.starting = true;
    var self = this;
    // Wait (briefly) for the saved position, so playback starts where the learner was.
    stateReady.then(function () {
      self.started = true;
      // Open the video on the server, at the resume point: its clock starts counting
      // what later beats may add.
      self.heartbeats.open(self.resumeAt || self.video.currentTime || 0);
      return self.attach();
    }).then(function () {
      if (self.hls) {
        self.hls.startLoad(self.resumeAt || -1);
        play(self.video, self);
      }
    });
  };

  Player.prototype.setQuality = function (value, quiet) {
    var video = this.video;
    var wasPlaying = !video.paused;
    var at = video.currentTime || this.resumeAt || 0;
    store(STORAGE_QUALITY, value === "audio" ? "audio" : value);
    if (this.engine === "native") {
      var src = value === "audio" ? this.settings.audioUrl : video.getAttribute("data-master-url");
      this.mode = value === "audio" ? "audio" : "auto";
      this.figure.classList.toggle("is-audio-only", this.mode === "audio");
      this.resumeAt = at;
      video.src = src;
      video.addEventListener("loadedmetadata", this.seekToResume.bind(this), { once: true });
      if (wasPlaying) {
        play(video, this);
      }
      this.announceMode();
      return;
    }
    if (this.engine !== "hls") {
      // Not attached yet: the choice applies when playback starts.
      this.mode = value;
      if (value === "audio") {
        this.figure.classList.add("is-audio-only");
      }
      return;
    }
    var leavingAudio = this.mode === "audio" && value !== "audio";
    if (value === "audio" || leavingAudio) {
      this.ranges.close();
      this.resumeAt = at;
      this.started = wasPlaying || this.started;
      this.loadHlsSource(value === "audio" ? this.settings.audioUrl : video.getAttribute("data-master-url"), value === "audio" ? "audio" : "auto");
      if (leavingAudio && value !== "auto") {
        this.pendingQuality = value;
      }
      if (wasPlaying) {
        var self = this;
        var resume = function () {
          play(video, self);
        };
        video.addEventListener("loadedmetadata", resume, { once: true });
      }
      if (!quiet) {
        this.announceMode();
      }
      return;
    }
    this.mode = value;
    if (value === "auto") {
      this.hls.currentLevel = -1;
      return;
    }
    var height = parseInt(value, 10);
    var index = this.hls.levels.findIndex(function (level) {
      return level.height === height;
    });
    if (index >= 0) {
      this.hls.currentLevel = index;
    }
  };

  Player.prototype.announceMode = function () {
    if (this.mode === "audio") {
      this.announce(t("dataSaverOn"));
    }
  };

  Player.prototype.setCaptions = function (value) {
    (this.tracks || []).forEach(function (track, index) {
      track.mode = String(index) === value ? "showing" : "disabled";
    });
  };

  Player.prototype.onKey = function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (target && (target.tagName === "SELECT" || target.tagName === "INPUT" || target.tagName === "TEXTAREA")) {
      return;
    }
    var video = this.video;
    var key = event.key;
    var handled = true;
    // Space on the video itself is the browser's own toggle, except before the first
    // play: the video has no source until then, and the browser's toggle would do nothing.
    if (key === "k" || (key === " " && (target !== video || !this.started))) {
      if (video.paused) {
        play(video, this);
      } else {
        video.pause();
      }
    } else if (key === "j") {
      video.currentTime = Math.max(0, video.currentTime - 10);
    } else if (key === "l") {
      video.currentTime = Math.min(video.duration || Infinity, video.currentTime + 10);
    } else if (key === "m") {
      video.muted = !video.muted;
    } else if (key === "f") {
      if (document.fullscreenElement) {
        document.exitFullscreen();
      } else if (this.figure.requestFullscreen) {
        this.figure.requestFullscreen();
      }
    } else if (key === "c" && this.captionSelect) {
      var next = this.captionSelect.value === "" ? "0" : "";
      this.captionSelect.value = next;
      this.setCaptions(next);
    } else if (key === ">" || key === "<") {
      var index = SPEEDS.indexOf(video.playbackRate);
      index = Math.min(SPEEDS.length - 1, Math.max(0, (index < 0 ? 1 : index) + (key === ">" ? 1 : -1)));
      video.playbackRate = SPEEDS[index];
      this.speedSelect.value = String(SPEEDS[index]);
    } else {
      handled = false;
    }
    if (handled) {
      event.preventDefault();
    }
  };

  Player.prototype.onSaved = function (state) {
    // The page may be a cached copy from before this visit: show the lesson as started.
    var panel = document.querySelector("[data-lesson-status].lesson-status--not_started");
    var pill = panel && panel.querySelector("[data-lesson-state] .pill");
    if (pill) {
      panel.classList.replace("lesson-status--not_started", "lesson-status--started");
      pill.textContent = t("inProgress");
    }
    if (state && state.video_done && !this.doneAnnounced) {
      this.doneAnnounced = true;
      this.announce(state.lesson_done ? t("lessonDone") : t("videoDone"));
      if (state.lesson_done) {
        document.dispatchEvent(new CustomEvent("learning:lesson-done", { detail: state }));
      }
    }
  };

  Player.prototype.announce = function (message) {
    this.status.textContent = message;
  };

  /* ---------------------------------------------------------------------------- boot */

  var players = [];

  /* One request for the learner's state in this lesson: resume positions, and the share
     of each video already watched for the progress panel. Never blocks playback for long. */
  function fetchState() {
    if (!config.tracking || !config.stateUrl) {
      return Promise.resolve(null);
    }
    var request = fetch(config.stateUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .catch(function () {
        return null;
      });
    var timeout = new Promise(function (resolve) {
      window.setTimeout(resolve, 2000, null);
    });
    return Promise.race([request, timeout]);
  }

  function applyState(state) {
    if (!state || !state.components) {
      return;
    }
    state.components.forEach(function (component) {
      players.forEach(function (player) {
        if (player.settings.componentId === component.id) {
          player.useState(component);
        }
      });
      var coverage = document.querySelector('[data-coverage="' + CSS.escape(component.id) + '"]');
      if (coverage && component.coverage && !component.done) {
        coverage.textContent = "(" + Math.round(component.coverage * 100) + "%)";
      }
    });
  }

  var stateReady = fetchState().then(applyState);

  function boot(video) {
    var settings = (config.videos || {})[video.getAttribute("data-video-id")];
    if (!settings || video.hasAttribute("data-player-ready")) {
      return;
    }
    video.setAttribute("data-player-ready", "");
    var player = new Player(video, settings);
    players.push(player);
    if (requestedStart() !== null && players.length === 1) {
      (video.closest("figure") || video).scrollIntoView({ block: "center" });
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll("video[data-master-url][data-video-id]"), boot);
  window.bidayaPlayers = players;
})();

/* Lesson player, part 4 of 5 (see core.js): the stream behind the player (hls.js, the
   browser's own HLS or the MP4), qualities and data saver. */
(function () {
  "use strict";

  var P = window.BidayaPlayer;
  if (!P) {
    return;
  }
  var Player = P.Player;
  var t = P.t;
  var clock = P.clock;
  var store = P.store;
  var startingEstimate = P.startingEstimate;
  var preferredQuality = P.preferredQuality;
  var saveDataSaver = P.saveDataSaver;
  var loadHls = P.loadHls;
  var mseAvailable = P.mseAvailable;
  var play = P.play;
  var config = P.config;
  var STORAGE_QUALITY = P.STORAGE_QUALITY;
  var STORAGE_BANDWIDTH = P.STORAGE_BANDWIDTH;
  var RETRY_FIRST_SECONDS = P.RETRY_FIRST_SECONDS;
  var RETRY_MAX_SECONDS = P.RETRY_MAX_SECONDS;
  var startParts = P.startParts;
  var largestShown = P.largestShown;
  // "Auto" starts on a rung whose peak rate is at most this share of the estimate.
  var START_SHARE = 0.8;

  /* Attach the stream (not the media: nothing downloads before play). */
  Player.prototype.attach = function () {
    if (this.engine) {
      return Promise.resolve();
    }
    var self = this;
    var video = this.video;
    var master = video.getAttribute("data-master-url");
    if (mseAvailable()) {
      this.startRung = this.chooseStartRung(preferredQuality());
      this.warm(this.startRung && this.startRung.audio ? null : master, this.startRung);
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
          var preferred = preferredQuality();
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

  /* The rung playback starts on: the learner's choice (data saver, a fixed quality),
     else the best picture rung that the measured bandwidth carries with room to spare
     and the player's size can show, else the lowest. hls.js is told to start there too,
     so what warm() fetched is what it plays. */
  Player.prototype.chooseStartRung = function (preferred) {
    var renditions = this.settings.renditions || [];
    if (preferred === "audio" && this.settings.audioUrl) {
      return renditions.filter(function (r) {
        return r.audio;
      })[0] || null;
    }
    var pictures = renditions.filter(function (r) {
      return !r.audio;
    });
    var chosen = pictures[0] || null;
    var estimate = startingEstimate();
    var largest = largestShown(pictures, this.video);
    pictures.forEach(function (rendition) {
      var fits = estimate && rendition.bandwidth <= estimate * START_SHARE && rendition.bandwidth <= largest.bandwidth;
      if (preferred !== "auto" ? String(rendition.height) === preferred : fits) {
        chosen = rendition;
      }
    });
    return chosen;
  };

  /* Fetch what hls.js asks for first while its script is still on the way: the master
     playlist, the start rung's playlist, then its init segment and the segment playback
     starts in. On a slow link each of those is a round trip (400 ms at weak 3G) that
     would otherwise only begin once the script has arrived; fetched now, they wait in
     the HTTP cache (segments are immutable, playlists cacheable for a minute) for
     hls.js, whose requests match these (CORS, cookies only to the same origin). */
  Player.prototype.warm = function (master, rung) {
    if (!rung || !rung.url || !window.fetch || !window.URL) {
      return;
    }
    var get = function (url) {
      return fetch(url, { mode: "cors", credentials: "same-origin" });
    };
    var ignore = function () {};
    if (master) {
      get(master).catch(ignore);
    }
    var at = this.resumeAt || 0;
    var base = new URL(rung.url, document.baseURI); // storage may give a path alone
    get(base.href)
      .then(function (response) {
        return response.ok ? response.text() : "";
      })
      .then(function (text) {
        startParts(text, at).forEach(function (uri) {
          get(new URL(uri, base).href).catch(ignore);
        });
      })
      .catch(ignore);
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
    if (preferredQuality() === "audio" && this.engine === "native" && this.settings.audioUrl) {
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
      // The ladder is fragmented MP4, which hls.js passes to the browser as it is:
      // there is nothing to transmux in a worker, whose script (118 KB) would cost a
      // weak link more than a second before the first frame.
      enableWorker: false,
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
      var start = self.startRung;
      var index = start && mode !== "audio" ? data.levels.findIndex(function (level) {
        return level.height === start.height;
      }) : -1;
      if (index >= 0) {
        hls.startLevel = index;
      }
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
    P.stateReady.then(function () {
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
    if (!quiet) {
      saveDataSaver(value === "audio");
    }
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
      this.figure.classList.toggle("is-audio-only", value === "audio");
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

  /* The rung playing now, by its ladder name ("240p", "audio"), for the data-used figure;
     null when the browser plays the stream itself and does not say. */
  Player.prototype.currentRung = function () {
    if (this.mode === "audio") {
      return this.settings.audioUrl ? "audio" : null;
    }
    var level = this.engine === "hls" && this.hls && this.hls.levels[this.hls.currentLevel];
    if (!level) {
      return null;
    }
    var rung = (this.settings.renditions || []).filter(function (r) {
      return !r.audio && r.height === level.height;
    })[0];
    return rung ? rung.rung : null;
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
})();

/* Lesson player, part 3 of 5 (see core.js): the player and its controls. */
(function () {
  "use strict";

  var P = window.BidayaPlayer;
  if (!P) {
    return;
  }
  var config = P.config;
  var t = P.t;
  var megabytes = P.megabytes;
  var stored = P.stored;
  var store = P.store;
  var requestedStart = P.requestedStart;
  var mseAvailable = P.mseAvailable;
  var speedFormat = P.speedFormat;
  var SPEEDS = P.SPEEDS;
  var STORAGE_SPEED = P.STORAGE_SPEED;
  var END_LEAD_SECONDS = P.END_LEAD_SECONDS;
  var PlayedRanges = P.PlayedRanges;
  var Heartbeats = P.Heartbeats;

  /* -------------------------------------------------------------------------- player */

  function Player(video, settings) {
    this.video = video;
    this.settings = settings;
    this.figure = video.closest("figure") || video.parentNode;
    this.hls = null;
    this.engine = null; // "hls", "native" or "file"
    // "auto", a rung height, or "audio" (data saver, shown in the menu before play too)
    this.mode = P.preferredQuality() === "audio" && settings.audioUrl ? "audio" : "auto";
    this.ranges = new PlayedRanges(video);
    this.heartbeats = new Heartbeats(this);
    this.started = false;
    this.asked = requestedStart();
    this.resumeAt = this.asked !== null ? this.resumePoint(this.asked) : 0;
    this.resumeAnnounced = this.resumeAt > 0;
    this.holdSources();
    this.build();
    this.figure.classList.toggle("is-audio-only", this.mode === "audio");
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

  P.Player = Player;
})();

/* Lesson player, part 5 of 5 (see core.js): keys, saved progress, the lesson state, and
   the start of every player on the page. */
(function () {
  "use strict";

  var P = window.BidayaPlayer;
  if (!P) {
    return;
  }
  var Player = P.Player;
  var config = P.config;
  var t = P.t;
  var play = P.play;
  var requestedStart = P.requestedStart;
  var SPEEDS = P.SPEEDS;

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
  P.stateReady = stateReady;

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

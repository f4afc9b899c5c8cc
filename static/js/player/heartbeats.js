/* Lesson player, part 2 of 5 (see core.js): the ranges really played and the heartbeats
   that report them. */
(function () {
  "use strict";

  var P = window.BidayaPlayer;
  if (!P) {
    return;
  }
  var config = P.config;
  var t = P.t;
  var uuid = P.uuid;
  var MAX_QUEUE = P.MAX_QUEUE;
  var MAX_INTERVALS = P.MAX_INTERVALS;

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

  /* ---------------------------------------------------------------------- heartbeats */

  function Heartbeats(player) {
    this.player = player;
    this.queue = [];
    // The entry whose request is out: never merged nor dropped before it is answered.
    this.inFlight = null;
    this.pausedUntil = 0;
    this.stopped = !config.tracking || !player.settings.tracked;
    this.lastPosition = null;
    // Without a connection beats go to the outbox (static/js/app/outbox.js), which keeps
    // them in IndexedDB across reloads; later beats follow them there until it is empty,
    // so they reach the server in the order they were made.
    this.parked = false;
  }

  /* Hand every beat not being sent to the outbox; true when there is one to take them. */
  Heartbeats.prototype.park = function () {
    var outbox = window.BidayaOutbox;
    if (!outbox) {
      return false;
    }
    var self = this;
    this.parked = true;
    var waiting = this.queue.filter(function (entry) {
      return entry !== self.inFlight;
    });
    this.queue = this.queue.filter(function (entry) {
      return entry === self.inFlight;
    });
    waiting.reduce(function (chain, entry) {
      return chain.then(function () {
        return outbox.add({ kind: "heartbeat", url: config.heartbeatUrl, body: entry.payload, madeAt: entry.madeAt });
      });
    }, Promise.resolve()).then(function () {
      return navigator.onLine === false ? null : outbox.flush();
    }).then(function () {
      return outbox.count();
    }).then(function (count) {
      self.parked = count > 0;
    }).catch(function () {});
    return true;
  };

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
    var fields = { position: position, intervals: intervals };
    var rung = intervals.length ? this.player.currentRung() : null;
    if (rung) {
      fields.rung = rung;
    }
    this.push(fields);
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
    if ((this.parked || navigator.onLine === false) && this.queue.length && this.park()) {
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
        if (!self.park()) {
          self.player.announce(t("saveFailed"));
        }
      });
  };

  Heartbeats.prototype.sendBeacons = function () {
    if (!this.queue.length || navigator.onLine === false || this.parked) {
      // Offline, a beacon is lost: the beats wait in the outbox for the connection.
      this.park();
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

  P.PlayedRanges = PlayedRanges;
  P.Heartbeats = Heartbeats;
  P.round = round;
})();

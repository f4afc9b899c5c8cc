/*
 * What the learner sees of saved lessons (the saving itself is static/js/app/saved.js):
 * the "Save for offline" box of a lesson or a course with each quality's size, the
 * "Saved for offline" marks in the syllabus and on the dashboard, and the list on the
 * offline page where saved lessons are removed one by one or all at once.
 */
(function () {
  "use strict";

  var saved = window.BidayaSaved;
  if (!saved) {
    return;
  }
  var t = saved.t;
  var mb = saved.mb;
  var supported = "serviceWorker" in navigator;

  function qualityLabel(quality) {
    return quality === "audio" ? t("audio") : quality;
  }

  function pill(text) {
    var node = document.createElement("span");
    node.className = "pill pill--saved";
    node.setAttribute("data-saved-pill", "");
    node.textContent = text;
    return node;
  }

  /* ------------------------------------------------------------------- save box */

  function SaveBox(box) {
    this.box = box;
    this.form = box.querySelector("[data-save-form]");
    this.status = box.querySelector("[data-save-status]");
    this.sizeLine = box.querySelector("[data-size-line]");
    this.saveButton = box.querySelector("[data-save-button]");
    this.removeButton = box.querySelector("[data-remove-button]");
    this.plan = null;
    this.form.addEventListener("submit", this.save.bind(this));
    this.form.addEventListener("change", this.showSize.bind(this));
    this.removeButton.addEventListener("click", this.remove.bind(this));
    document.addEventListener("bidaya:saved", this.showSaved.bind(this));
    this.load();
  }

  SaveBox.prototype.quality = function () {
    var checked = this.form.querySelector("input[name=quality]:checked");
    return checked ? checked.value : "240p";
  };

  SaveBox.prototype.say = function (text, tone) {
    this.status.textContent = text;
    this.status.setAttribute("data-tone", tone || "");
  };

  SaveBox.prototype.load = function () {
    var self = this;
    fetch(this.box.getAttribute("data-plan-url"), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    }).then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    }).then(function (plan) {
      self.plan = plan;
      var qualities = Object.keys(plan.sizes);
      self.form.querySelectorAll("input[name=quality]").forEach(function (input) {
        var size = plan.sizes[input.value];
        var label = input.closest("label");
        label.hidden = size === undefined;
        var slot = label.querySelector("[data-size-of]");
        slot.textContent = size === undefined ? "" : "~" + t("megabytes", { size: mb(size) });
      });
      var fieldset = self.form.querySelector("fieldset");
      fieldset.hidden = !qualities.length;
      var checked = self.form.querySelector("input[name=quality]:checked");
      if (qualities.length && (!checked || checked.closest("label").hidden)) {
        self.form.querySelector('input[name=quality][value="' + qualities[0] + '"]').checked = true;
      }
      self.box.hidden = false;
      self.showSize();
      self.showSaved();
    }).catch(function () {
      // Offline or refused: nothing can be saved now, but a saved lesson still shows
      // that it is saved, and can be removed.
      self.form.querySelector("fieldset").hidden = true;
      self.saveButton.hidden = true;
      self.showSaved();
    });
  };

  SaveBox.prototype.need = function () {
    return (this.plan && this.plan.sizes[this.quality()]) || 0;
  };

  SaveBox.prototype.showSize = function () {
    this.sizeLine.textContent = this.plan && this.need() ? t("sizeLine", { size: mb(this.need()) }) : "";
  };

  SaveBox.prototype.lessonIds = function () {
    return this.plan ? this.plan.lessons.map(function (lesson) {
      return lesson.id;
    }) : [Number(this.box.getAttribute("data-lesson-id"))].filter(Boolean);
  };

  SaveBox.prototype.showSaved = function () {
    var self = this;
    var ids = this.lessonIds();
    saved.records().then(function (all) {
      var mine = all.filter(function (record) {
        return ids.indexOf(record.lessonId) >= 0;
      });
      self.removeButton.hidden = !mine.length;
      if (!mine.length) {
        return;
      }
      self.box.hidden = false;
      var bytes = mine.reduce(function (sum, record) {
        return sum + record.bytes;
      }, 0);
      var quality = mine[0].quality;
      self.say(quality ? t("savedAt", { quality: qualityLabel(quality), size: mb(bytes) }) : t("saved", { size: mb(bytes) }), "done");
    }).catch(function () {});
  };

  SaveBox.prototype.save = function (event) {
    event.preventDefault();
    if (!this.plan) {
      return;
    }
    var self = this;
    var plan = this.plan;
    var quality = this.quality();
    var need = this.need();
    this.saveButton.disabled = true;
    saved.freeSpace().then(function (free) {
      // Room for the videos, the pages and what the browser keeps beside them.
      if (need * 1.1 + 2 * 1e6 > free) {
        var error = new Error("no space");
        error.space = { need: need, free: free };
        throw error;
      }
      if (navigator.storage && navigator.storage.persist) {
        navigator.storage.persist().catch(function () {});
      }
      return caches.open(saved.CACHE);
    }).then(function (cache) {
      return plan.lessons.reduce(function (chain, lesson, index) {
        return chain.then(function () {
          return saved.saveLesson(cache, plan, lesson, quality, function (done, total) {
            var files = t("saving", { done: done, total: total });
            self.say(plan.lessons.length > 1 ? (index + 1) + "/" + plan.lessons.length + " · " + files : files, "busy");
          });
        });
      }, Promise.resolve());
    }).then(function () {
      document.dispatchEvent(new CustomEvent("bidaya:saved"));
    }).catch(function (error) {
      if (error && error.space) {
        self.say(t("noSpace", { need: mb(error.space.need), free: mb(error.space.free) }), "error");
      } else if (saved.isQuota(error)) {
        self.say(t("quotaFull"), "error");
      } else {
        self.say(t("saveFailed"), "error");
      }
    }).then(function () {
      self.saveButton.disabled = false;
    });
  };

  SaveBox.prototype.remove = function () {
    var self = this;
    saved.removeLessons(this.lessonIds()).then(function () {
      self.say(t("removed"), "");
    });
  };

  /* ----------------------------------------------------------------------- marks */

  function mark() {
    saved.records().then(function (all) {
      var lessons = {};
      var courses = {};
      var bytes = 0;
      all.forEach(function (record) {
        lessons[record.lessonId] = true;
        courses[record.courseId] = (courses[record.courseId] || 0) + 1;
        bytes += record.bytes;
      });
      document.querySelectorAll("[data-saved-pill]").forEach(function (node) {
        node.remove();
      });
      document.querySelectorAll("[data-offline-lesson]").forEach(function (item) {
        if (lessons[item.getAttribute("data-offline-lesson")]) {
          var slot = item.querySelector(".syllabus__meta") || item;
          slot.appendChild(pill(t("savedPill")));
        }
      });
      document.querySelectorAll("[data-course]").forEach(function (card) {
        var count = courses[card.getAttribute("data-course")];
        if (count) {
          var title = card.querySelector(".dashboard-course__title") || card;
          title.insertAdjacentElement("afterend", pill(t("savedLessons", { counter: count })));
        }
      });
      document.querySelectorAll("[data-saved-summary]").forEach(function (summary) {
        summary.hidden = !all.length;
        var text = summary.querySelector("[data-saved-summary-text]");
        if (text) {
          text.textContent = t("savedLessons", { counter: all.length }) + " · " + t("megabytes", { size: mb(bytes) });
        }
      });
    }).catch(function () {});
  }

  /* ---------------------------------------------------------------- offline page */

  function OfflinePage(section) {
    this.list = section.querySelector("[data-saved-list]");
    this.empty = section.querySelector("[data-saved-empty]");
    this.usage = section.querySelector("[data-saved-usage]");
    this.removeAll = section.querySelector("[data-remove-all]");
    this.status = section.querySelector("[data-saved-status]");
    var notSaved = section.querySelector("[data-not-saved]");
    if (window.location.pathname !== section.getAttribute("data-offline-url")) {
      notSaved.textContent = t("notSaved");
      notSaved.hidden = false;
    }
    var self = this;
    this.removeAll.addEventListener("click", function () {
      saved.removeAll().then(function () {
        self.status.textContent = t("removed");
      });
    });
    document.addEventListener("bidaya:saved", this.draw.bind(this));
    this.draw();
  }

  OfflinePage.prototype.draw = function () {
    var self = this;
    saved.records().then(function (all) {
      self.list.textContent = "";
      var bytes = 0;
      all.sort(function (a, b) {
        return b.savedAt - a.savedAt;
      }).forEach(function (record) {
        bytes += record.bytes;
        var item = document.createElement("li");
        item.className = "saved-list__item";
        item.setAttribute("data-saved-lesson", record.lessonId);
        var link = document.createElement("a");
        link.href = record.url;
        link.textContent = record.title;
        var meta = document.createElement("span");
        meta.className = "saved-list__meta";
        meta.textContent = (record.quality ? qualityLabel(record.quality) + " · " : "") + t("megabytes", { size: mb(record.bytes) });
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "link-button";
        remove.textContent = t("remove");
        remove.setAttribute("aria-label", t("remove") + ": " + record.title);
        remove.addEventListener("click", function () {
          saved.removeLessons([record.lessonId]).then(function () {
            self.status.textContent = t("removed");
          });
        });
        item.append(link, " ", meta, " ", remove);
        self.list.appendChild(item);
      });
      self.empty.hidden = Boolean(all.length);
      self.removeAll.hidden = !all.length;
      self.usage.textContent = all.length ? t("usage", { used: mb(bytes) }) : "";
    }).catch(function () {});
  }

  if (supported) {
    document.querySelectorAll("[data-save-offline]").forEach(function (box) {
      new SaveBox(box);
    });
  }
  var page = document.querySelector("[data-offline-page]");
  if (page) {
    new OfflinePage(page);
  }
  document.addEventListener("bidaya:saved", mark);
  mark();
})();

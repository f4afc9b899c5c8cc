/*
 * Quizzes without a page reload. The lesson's quiz form already works on its own (it
 * posts to the server and shows a result page); this script sends the same answers
 * to the API instead and shows the score, each question's verdict and explanation in
 * place. The server scores: the page never knows the right answers before that.
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
  if (!config.csrfToken) {
    return;
  }
  var strings = config.strings || {};
  var language = document.documentElement.lang || "ar";

  var t = window.BidayaWords(strings, language);

  function uuid() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    return window.BidayaOutbox ? window.BidayaOutbox.uuid() : undefined;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function when(iso) {
    try {
      return new Intl.DateTimeFormat(language + "-u-nu-latn", {
        hour: "2-digit",
        minute: "2-digit",
        day: "numeric",
        month: "short",
      }).format(new Date(iso));
    } catch (error) {
      return iso;
    }
  }

  function Quiz(form) {
    this.form = form;
    this.url = config.apiBase + "lessons/" + form.getAttribute("data-lesson-id") + "/quizzes/" +
      form.getAttribute("data-quiz-id") + "/attempts";
    this.body = form.querySelector(".quiz__body") || form;
    this.summary = element("div", "quiz__summary");
    this.summary.setAttribute("role", "status");
    this.summary.setAttribute("tabindex", "-1");
    form.insertBefore(this.summary, form.firstChild);
    form.addEventListener("submit", this.submit.bind(this));
    this.loadHistory();
  }

  Quiz.prototype.request = function (method, body) {
    return fetch(this.url, {
      method: method,
      credentials: "same-origin",
      headers: {
        Accept: "application/json",
        "Content-Type": "application/json",
        "X-CSRFToken": config.csrfToken,
      },
      body: body ? JSON.stringify(body) : undefined,
    }).then(function (response) {
      return response.json().then(
        function (data) {
          return { ok: response.ok, status: response.status, data: data };
        },
        function () {
          return { ok: false, status: response.status, data: {} };
        }
      );
    });
  };

  Quiz.prototype.loadHistory = function () {
    var self = this;
    this.request("GET").then(function (result) {
      if (!result.ok || !result.data.attempts || !result.data.attempts.length) {
        return;
      }
      self.showPolicy(result.data.policy, true);
    }, function () {});
  };

  Quiz.prototype.answers = function () {
    var answers = {};
    Array.prototype.forEach.call(this.form.querySelectorAll("[data-question-id]"), function (fieldset) {
      var chosen = Array.prototype.map.call(fieldset.querySelectorAll("input:checked"), function (input) {
        return input.value;
      });
      if (chosen.length) {
        answers[fieldset.getAttribute("data-question-id")] = chosen;
      }
    });
    return answers;
  };

  Quiz.prototype.submit = function (event) {
    event.preventDefault();
    var self = this;
    var button = this.form.querySelector("button[type=submit]");
    if (button) {
      button.disabled = true;
    }
    this.clearMarks();
    this.summary.textContent = t("sending");
    // The event id makes a resend (after a lost answer, or from the offline outbox)
    // count as this one submission.
    var body = { answers: this.answers(), event_id: uuid() };
    this.request("POST", body).then(
      function (result) {
        if (button) {
          button.disabled = false;
        }
        if (result.ok) {
          self.showResult(result.data);
        } else {
          self.showProblem(result.data);
        }
      },
      function () {
        if (button) {
          button.disabled = false;
        }
        var outbox = window.BidayaOutbox;
        if (!outbox) {
          self.summary.textContent = t("networkError");
          return;
        }
        // No connection: the answers wait on this device and are scored on arrival.
        outbox.add({ kind: "quiz", url: self.url, body: body }).then(function () {
          self.summary.textContent = t("quizQueued");
        }, function () {
          self.summary.textContent = t("networkError");
        });
      }
    );
  };

  Quiz.prototype.clearMarks = function () {
    Array.prototype.forEach.call(this.form.querySelectorAll(".quiz__feedback, .quiz__right"), function (node) {
      node.remove();
    });
    Array.prototype.forEach.call(this.form.querySelectorAll(".is-correct, .is-wrong"), function (node) {
      node.classList.remove("is-correct", "is-wrong");
    });
  };

  Quiz.prototype.showResult = function (attempt) {
    var self = this;
    if (attempt.passed) {
      // The lesson's status box reads the new state (static/js/lesson-status.js).
      document.dispatchEvent(new CustomEvent("learning:quiz-passed", { detail: attempt }));
    }
    this.summary.textContent = "";
    var verdict = element("p", "quiz__verdict quiz__verdict--" + (attempt.passed ? "passed" : "failed"));
    verdict.appendChild(element("strong", "", attempt.passed ? t("passed") : t("notPassed")));
    verdict.appendChild(document.createTextNode(" " + t("scoreLine", {
      score: attempt.score,
      correct: attempt.correct,
      total: attempt.total,
      mark: attempt.pass_mark,
    })));
    this.summary.appendChild(verdict);
    this.showPolicy(attempt.policy, false);

    attempt.results.forEach(function (result) {
      var fieldset = self.form.querySelector('[data-question-id="' + CSS.escape(result.question_id) + '"]');
      if (!fieldset) {
        return;
      }
      fieldset.classList.add(result.correct ? "is-correct" : "is-wrong");
      var feedback = element("div", "quiz__feedback");
      feedback.appendChild(element("p", "quiz__feedback-verdict", result.correct ? t("correctAnswer") : t("wrongAnswer")));
      if (result.explanation) {
        feedback.appendChild(element("p", "quiz__explanation", result.explanation));
      }
      fieldset.appendChild(feedback);
      (result.correct_choices || []).forEach(function (choiceId) {
        var input = fieldset.querySelector('input[value="' + CSS.escape(choiceId) + '"]');
        var label = input && input.closest("label");
        if (label) {
          label.appendChild(element("span", "pill pill--done quiz__right", t("rightChoice")));
        }
      });
    });
    this.summary.focus();
  };

  Quiz.prototype.showPolicy = function (policy, history) {
    if (!policy) {
      return;
    }
    var line = element("p", "quiz__policy");
    var parts = [];
    if (history && policy.best_score !== null && policy.best_score !== undefined) {
      parts.push(t("bestScore", { score: policy.best_score }) + (policy.passed ? " " + t("passed") : ""));
    }
    if (policy.max_attempts) {
      parts.push(policy.attempts_left ? t("attemptsLeft", { counter: policy.attempts_left }) : t("noAttemptsLeft"));
    }
    if (policy.next_attempt_at && !policy.passed) {
      parts.push(t("nextAttemptAt", { time: when(policy.next_attempt_at) }));
    }
    if (!parts.length) {
      return;
    }
    line.textContent = parts.join(" ");
    this.summary.appendChild(line);
    var locked = policy.max_attempts && !policy.attempts_left;
    this.body.disabled = Boolean(locked);
  };

  Quiz.prototype.showProblem = function (problem) {
    this.summary.textContent = "";
    this.summary.appendChild(element("p", "quiz__problem", problem.detail || t("networkError")));
    if (problem.code === "attempts_exhausted") {
      this.body.disabled = true;
    }
    this.summary.focus();
  };

  var quizzes = [];
  Array.prototype.forEach.call(document.querySelectorAll("form[data-quiz][data-lesson-id][data-quiz-id]"), function (form) {
    if (!form.querySelector("fieldset[disabled]")) {
      quizzes.push(new Quiz(form));
    }
  });

  // Answers sent from the outbox while this page is open: show their score here.
  document.addEventListener("bidaya:outbox", function (event) {
    ((event.detail && event.detail.results) || []).forEach(function (result) {
      quizzes.forEach(function (quiz) {
        if (result.kind === "quiz" && new URL(result.url, window.location.href).href === new URL(quiz.url, window.location.href).href) {
          quiz.showResult(result.data);
        }
      });
    });
  });
})();

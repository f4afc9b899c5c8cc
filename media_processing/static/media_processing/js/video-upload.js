/* Upload a video with a progress bar. Without JavaScript the form posts normally. */
(function () {
  "use strict";

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_m, key) { return values[key]; });
  }

  function humanSize(bytes) {
    var units = ["B", "KB", "MB", "GB"];
    var value = bytes;
    var unit = 0;
    while (value >= 1000 && unit < units.length - 1) { value /= 1000; unit += 1; }
    return (unit < 2 ? value.toFixed(0) : value.toFixed(1)) + " " + units[unit];
  }

  function showErrors(box, messages) {
    box.innerHTML = "";
    var list = document.createElement("ul");
    messages.forEach(function (message) {
      var item = document.createElement("li");
      item.textContent = message;
      list.appendChild(item);
    });
    box.appendChild(list);
    box.classList.add("help-block", "help-critical");
    box.hidden = false;
  }

  function init(form) {
    var input = form.querySelector('input[type="file"]');
    var submit = form.querySelector("[data-video-upload-submit]");
    var errors = form.querySelector("[data-video-upload-errors]");
    var progress = form.querySelector("[data-video-upload-progress]");
    var bar = form.querySelector("[data-video-upload-bar]");
    var statusText = form.querySelector("[data-video-upload-status]");
    if (!input || !submit || !window.FormData || !window.XMLHttpRequest) return;

    var maxBytes = parseInt(input.getAttribute("data-max-bytes"), 10);

    function tooLarge() {
      var file = input.files && input.files[0];
      return file && maxBytes && file.size > maxBytes;
    }

    input.addEventListener("change", function () {
      if (tooLarge()) {
        showErrors(errors, [input.getAttribute("data-too-large")]);
      } else {
        errors.hidden = true;
      }
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (tooLarge()) {
        showErrors(errors, [input.getAttribute("data-too-large")]);
        return;
      }
      errors.hidden = true;
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.getAttribute("action") || window.location.href);
      xhr.setRequestHeader("X-Requested-With", "XMLHttpRequest");
      xhr.setRequestHeader("Accept", "application/json");
      submit.disabled = true;
      progress.hidden = false;
      bar.value = 0;
      statusText.textContent = submit.getAttribute("data-uploading-label");

      xhr.upload.addEventListener("progress", function (e) {
        if (!e.lengthComputable) return;
        var percent = Math.floor((e.loaded / e.total) * 100);
        bar.value = percent;
        statusText.textContent = format(submit.getAttribute("data-progress-label"), {
          sent: humanSize(e.loaded), total: humanSize(e.total), percent: percent
        });
      });
      xhr.upload.addEventListener("load", function () {
        bar.value = 100;
        statusText.textContent = submit.getAttribute("data-processing-label");
      });
      xhr.addEventListener("load", function () {
        var data = null;
        try { data = JSON.parse(xhr.responseText); } catch (e) { data = null; }
        if (data && data.success && data.redirect) {
          window.location.assign(data.redirect);
          return;
        }
        submit.disabled = false;
        progress.hidden = true;
        var messages = [];
        if (xhr.status === 413) {
          // Refused from its announced size, before the server read it.
          messages.push(input.getAttribute("data-too-large"));
        } else if (data && data.errors) {
          Object.keys(data.errors).forEach(function (field) {
            messages = messages.concat(data.errors[field]);
          });
        }
        showErrors(errors, messages.length ? messages : [submit.getAttribute("data-failed-label")]);
      });
      xhr.addEventListener("error", function () {
        submit.disabled = false;
        progress.hidden = true;
        showErrors(errors, [submit.getAttribute("data-failed-label")]);
      });
      xhr.send(new FormData(form));
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-video-upload]"), init);
  });
})();

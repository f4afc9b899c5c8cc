/* Admin preview of a ready video: native HLS where the browser has it, hls.js elsewhere. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-video-preview]"), function (video) {
      var url = video.getAttribute("data-master-url");
      if (!url) return;
      if (video.canPlayType("application/vnd.apple.mpegurl")) {
        video.src = url;
      } else if (window.Hls && window.Hls.isSupported()) {
        var hls = new window.Hls({ capLevelToPlayerSize: true });
        hls.loadSource(url);
        hls.attachMedia(video);
      }
    });
  });
})();

/*
 * Tells the server the browser's time zone (an IANA name in the bidaya_tz cookie), so
 * that times on the pages are shown in the reader's zone rather than the server's. A
 * zone chosen in the account profile takes precedence on the server.
 */
(function () {
  "use strict";
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (error) {
    return;
  }
  if (!zone) {
    return;
  }
  var value = encodeURIComponent(zone);
  if (document.cookie.split("; ").indexOf("bidaya_tz=" + value) < 0) {
    document.cookie = "bidaya_tz=" + value + "; path=/; max-age=31536000; samesite=lax";
  }
})();

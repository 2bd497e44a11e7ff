// The top of the site: go to the reader's language if the site has it, else to English.
// Only the browser's own preference is read; nothing is stored or sent anywhere.
(function () {
  "use strict";
  var available = ["en", "es"];
  var preferred = navigator.languages && navigator.languages.length
    ? navigator.languages
    : [navigator.language || "en"];
  var chosen = "en";
  for (var i = 0; i < preferred.length; i++) {
    var code = String(preferred[i]).toLowerCase().split("-")[0];
    if (available.indexOf(code) !== -1) {
      chosen = code;
      break;
    }
  }
  window.location.replace(chosen + "/index.html" + window.location.hash);
})();

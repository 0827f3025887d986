// Tells the server how far a signed-in member has read: one small request per new step.
// With the service worker in charge (HTTPS or localhost) it goes through fetch, so a note
// made with no signal is kept on the phone and sent once the phone is online again.
(function () {
  var box = document.getElementById("hoc-xong");
  if (!box || !("IntersectionObserver" in window)) return;
  var worker = navigator.serviceWorker && navigator.serviceWorker.controller;
  if (!worker && !navigator.sendBeacon) return;
  var furthest = 0;
  function send(step) {
    // tai_khoan: a note kept offline is sent only while the same account is signed in.
    var fields = {
      step: step, lang: box.dataset.lang, csrf_token: box.dataset.csrf, tai_khoan: box.dataset.account
    };
    if (navigator.serviceWorker && navigator.serviceWorker.controller) {
      // Form-encoded, so the service worker can keep it and send it again later.
      fetch(box.dataset.progressUrl, {
        method: "POST", body: new URLSearchParams(fields), keepalive: true, credentials: "same-origin"
      }).catch(function () { /* a courtesy: never bother the reader */ });
    } else {
      var data = new FormData();
      Object.keys(fields).forEach(function (name) { data.append(name, fields[name]); });
      navigator.sendBeacon(box.dataset.progressUrl, data);
    }
  }
  var seen = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      var step = parseInt(entry.target.id.replace("buoc-", ""), 10);
      if (entry.isIntersecting && step > furthest) {
        furthest = step;
        send(step);
      }
    });
  }, { threshold: 0.6 });
  document.querySelectorAll(".step[id^='buoc-']").forEach(function (el) { seen.observe(el); });
})();

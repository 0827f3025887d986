// Tells the server how far a signed-in member has read: one small request per new step.
(function () {
  var box = document.getElementById("hoc-xong");
  if (!box || !("IntersectionObserver" in window) || !navigator.sendBeacon) return;
  var furthest = 0;
  function send(step) {
    var data = new FormData();
    data.append("step", step);
    data.append("lang", box.dataset.lang);
    data.append("csrf_token", box.dataset.csrf);
    navigator.sendBeacon(box.dataset.progressUrl, data);
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

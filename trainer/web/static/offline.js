/* Over HTTPS or on localhost, from the pages that need it (a topic page, the visit log):
   the service worker that keeps downloaded topics and, once registered, serves every page
   and sends later what was filled in with no signal. Plain HTTP skips all this. */
(function () {
  "use strict";
  if (!window.isSecureContext || !("serviceWorker" in navigator)) return;
  var script = document.currentScript;
  var CHECK_EVERY = 3600 * 1000; // look for changed topics at most once an hour

  navigator.serviceWorker.register(script.dataset.worker, { scope: "/" }).catch(function () {});

  function tell(type) {
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.active) registration.active.postMessage({ type: type });
    });
  }

  window.addEventListener("online", function () { tell("send-queue"); });
  if (navigator.onLine) {
    tell("send-queue");
    var last = 0;
    try { last = Number(localStorage.getItem("goi-kiem-tra") || 0); } catch (e) { /* private mode */ }
    if (Date.now() - last > CHECK_EVERY) {
      try { localStorage.setItem("goi-kiem-tra", String(Date.now())); } catch (e) { /* private mode */ }
      tell("check-updates");
    }
  }

  // "Cài lên màn hình chính": shown once the browser says the site can be installed.
  var offer = null;
  window.addEventListener("beforeinstallprompt", function (event) {
    event.preventDefault();
    offer = event;
    document.querySelectorAll("[data-install]").forEach(function (button) { button.hidden = false; });
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-install]");
    if (!button || !offer) return;
    offer.prompt();
    offer.userChoice.then(function () { button.hidden = true; offer = null; });
  });
})();

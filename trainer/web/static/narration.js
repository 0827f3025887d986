/* The speaker buttons on a lesson page: play a step in the page, normal or slow.
   The chosen speed is remembered on this device. Without this script each button is
   a plain link to the step's MP3, so it still plays. Each press that starts a step sends
   one tiny anonymous count (no cookie), so instructors know what to record first. */
(function () {
  "use strict";
  var KEY = "toc-do-doc";
  var player = new Audio();
  player.preload = "none";
  var playing = null;
  var toggles = document.querySelectorAll(".speed button");

  function speed() {
    try { return localStorage.getItem(KEY) === "cham" ? "cham" : "thuong"; } catch (e) { return "thuong"; }
  }

  function showSpeed() {
    toggles.forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.speed === speed()));
    });
  }

  function mark(button, on) {
    if (!button) return;
    if (!on) button.classList.remove("playing");
    button.setAttribute("aria-pressed", String(on));
  }

  function count(url) {
    if (!url) return;
    try {
      if (navigator.sendBeacon) navigator.sendBeacon(url);
      else fetch(url, { method: "POST", keepalive: true, credentials: "omit" });
    } catch (e) { /* counting never stops the sound */ }
  }

  function play(button, pressed) {
    var slow = speed() === "cham";
    var src = slow ? button.dataset.slow : button.getAttribute("href");
    if (player.getAttribute("src") !== src) player.setAttribute("src", src);
    player.playbackRate = slow ? parseFloat(button.dataset.slowRate || "1") : 1;
    mark(playing, false);
    playing = button;
    mark(button, true);
    if (pressed) count(button.dataset.count);
    // A play() aborted by a later press fails after that press: undo only if nothing plays.
    player.play().catch(function () { if (player.paused) mark(button, false); });
  }

  document.querySelectorAll("a.speak").forEach(function (button) {
    button.setAttribute("role", "button");
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("keydown", function (event) {
      if (event.key === " ") { event.preventDefault(); button.click(); } // a button answers Space too
    });
    button.addEventListener("click", function (event) {
      event.preventDefault();
      if (playing === button && !player.paused) {
        player.pause();
        mark(button, false);
      } else {
        play(button, true);
      }
    });
  });

  player.addEventListener("ended", function () { mark(playing, false); });
  player.addEventListener("pause", function () { mark(playing, false); });
  player.addEventListener("playing", function () { if (playing) playing.classList.add("playing"); });

  toggles.forEach(function (button) {
    button.addEventListener("click", function () {
      try { localStorage.setItem(KEY, button.dataset.speed); } catch (e) { /* private mode */ }
      showSpeed();
      if (playing && !player.paused) play(playing);
    });
  });
  document.querySelectorAll(".speed").forEach(function (group) { group.hidden = false; });
  showSpeed();
})();

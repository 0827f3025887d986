/* Listen mode: one part of the lesson at a time, read aloud, moving on by itself.
   Buttons: back, play/pause, again, next. Keys: Space or K play/pause, ← → back/next,
   R again. The reading speed is shared with the lesson page and kept on this device.
   Each part, once it starts from its beginning, sends one tiny anonymous play count. */
(function () {
  "use strict";
  var KEY = "toc-do-doc";
  var PAUSE_MS = 800;
  var parts = Array.prototype.slice.call(document.querySelectorAll(".part"));
  var controls = document.querySelector(".controls");
  if (!controls || !parts.length) return;
  var playButton = controls.querySelector(".play");
  var status = document.querySelector(".status");
  var finished = document.querySelector(".finished");
  var toggles = document.querySelectorAll(".speed button");
  var player = new Audio();
  player.preload = "none";
  var at = 0;
  var wanted = false; // the listener asked to hear: keep going part after part
  var timer = null;
  // Each play() asked for; a pause or a later play() makes earlier ones stale. On a slow
  // connection a clip still loading is aborted by → or Space, and its play() fails later:
  // that failure must not undo what the listener asked for since.
  var asked = 0;

  function speed() {
    try { return localStorage.getItem(KEY) === "cham" ? "cham" : "thuong"; } catch (e) { return "thuong"; }
  }

  function showSpeed() {
    toggles.forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.speed === speed()));
    });
  }

  function showPlaying(on) {
    playButton.classList.toggle("playing", on);
    playButton.setAttribute("aria-label", on ? playButton.dataset.pause : playButton.dataset.play);
    if (!on) parts[at].classList.remove("reading");
  }

  function show(index, announce) {
    at = Math.max(0, Math.min(parts.length - 1, index));
    parts.forEach(function (part, i) {
      part.hidden = i !== at;
      part.classList.remove("reading");
      if (i === at) part.setAttribute("aria-current", "step"); else part.removeAttribute("aria-current");
    });
    finished.hidden = true;
    var title = parts[at].querySelector(".part-title");
    if (!announce) return;
    status.textContent = parts[at].dataset.label + ": " + title.textContent;
    // A new part starts at the top, under the controls, wherever the last one was scrolled to.
    if (controls.getBoundingClientRect().top < 0) window.scrollTo(0, 0);
  }

  function count(url) {
    if (!url) return;
    try {
      if (navigator.sendBeacon) navigator.sendBeacon(url);
      else fetch(url, { method: "POST", keepalive: true, credentials: "omit" });
    } catch (e) { /* counting never stops the sound */ }
  }

  function play() {
    clearTimeout(timer);
    var part = parts[at];
    var slow = speed() === "cham";
    var src = slow ? part.dataset.slow : part.dataset.normal;
    if (!src) { advance(); return; }
    if (player.getAttribute("src") !== src) player.setAttribute("src", src);
    if (player.currentTime === 0) count(part.dataset.count); // a new start, not a resume
    player.playbackRate = slow ? parseFloat(part.dataset.slowRate || "1") : 1;
    wanted = true;
    showPlaying(true);
    var mine = ++asked;
    player.play().catch(function () {
      if (mine !== asked) return; // stopped on purpose since: nothing to undo
      wanted = false;
      showPlaying(false);
    });
  }

  function pause() {
    clearTimeout(timer);
    asked++;
    wanted = false;
    player.pause();
    showPlaying(false);
  }

  function go(index) {
    var keepPlaying = wanted;
    pause();
    player.removeAttribute("src");
    show(index, true);
    if (keepPlaying) play();
  }

  function advance() {
    showPlaying(false);
    if (at + 1 < parts.length) {
      show(at + 1, true);
      timer = setTimeout(play, PAUSE_MS);
    } else {
      wanted = false;
      finished.hidden = false;
      status.textContent = finished.textContent;
    }
  }

  player.addEventListener("ended", function () { if (wanted) advance(); });
  // The highlight follows the sound itself: on only while this part is really being read.
  player.addEventListener("playing", function () { parts[at].classList.add("reading"); });
  player.addEventListener("pause", function () { parts[at].classList.remove("reading"); });

  playButton.addEventListener("click", function () { if (wanted) pause(); else play(); });
  controls.querySelector(".back").addEventListener("click", function () { go(at - 1); });
  controls.querySelector(".next").addEventListener("click", function () { go(at + 1); });
  controls.querySelector(".again").addEventListener("click", function () {
    pause();
    player.currentTime = 0;
    play();
  });

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var onButton = event.target.closest && event.target.closest("button, a");
    if ((event.key === " " || event.key === "k") && !onButton) {
      event.preventDefault();
      playButton.click();
    } else if (event.key === "ArrowLeft") {
      go(at - 1);
    } else if (event.key === "ArrowRight") {
      go(at + 1);
    } else if (event.key === "r" || event.key === "R") {
      controls.querySelector(".again").click();
    }
  });

  toggles.forEach(function (button) {
    button.addEventListener("click", function () {
      try { localStorage.setItem(KEY, button.dataset.speed); } catch (e) { /* private mode */ }
      showSpeed();
      if (wanted) play();
    });
  });

  document.querySelectorAll(".no-script").forEach(function (el) { el.hidden = true; });
  document.querySelectorAll(".controls, .speed, .keys").forEach(function (el) { el.hidden = false; });
  var start = parseInt((location.hash.match(/^#phan-(\d+)$/) || [])[1] || "0", 10);
  show(start, false);
  showSpeed();
})();

// Projector mode, presenter view and class quiz: keys a presenter's clicker sends, a blank
// screen, and two windows of one laptop kept on the same step. Works with no network.
(function () {
  "use strict";
  var NEXT = ["ArrowRight", "ArrowDown", "PageDown", " ", "n", "N"];
  var PREV = ["ArrowLeft", "ArrowUp", "PageUp", "Backspace", "p", "P"];
  var BLANK = ["b", "B", "."];
  var blank = document.querySelector(".blank");
  var blankButtons = document.querySelectorAll("[data-action=blank]");
  var deck = document.querySelector("[data-deck]");
  var notes = document.querySelector("[data-presenter]");
  var slug = (deck && deck.dataset.deck) || (notes && notes.dataset.presenter);
  var channel = slug && window.BroadcastChannel ? new BroadcastChannel("trinh-chieu:" + slug) : null;
  var playing = null;
  document.documentElement.classList.add("js");
  var mover = deck ? slidesOf(deck) : notes ? notesOf(notes) : linksOfPage();

  function setBlank(on, quiet) {
    blank.hidden = !on;
    blankButtons.forEach(function (button) { button.setAttribute("aria-pressed", String(on)); });
    if (!quiet) announce();
  }

  // Tell the other window of this laptop, and the server for a presenter's phone.
  var remote = document.querySelector("meta[name=slide-position]");
  var token = document.querySelector("meta[name=csrf-token]");
  var seen = null;
  function announce() {
    if (!mover || !mover.now) return;
    var state = { at: mover.now(), blank: !blank.hidden };
    if (channel) channel.postMessage(state);
    if (!remote) return;
    fetch(remote.content, {
      method: "POST", credentials: "same-origin", body: JSON.stringify(state),
      headers: { "Content-Type": "application/json", "X-CSRFToken": token ? token.content : "" },
    }).then(function (r) { return r.json(); }).then(function (s) { seen = s.seq; }).catch(function () {});
  }
  function listen() {
    fetch(remote.content, { cache: "no-store", credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        if (seen !== null && s.seq !== seen) { mover.to(s.at, true); setBlank(s.blank, true); }
        seen = s.seq;
      }).catch(function () {});
  }

  function counter(at, count) {
    document.querySelectorAll(".counter").forEach(function (el) {
      el.textContent = at + 1 + " / " + count;
    });
  }

  function slidesOf(root) {
    var slides = root.querySelectorAll(".slide");
    var at = 0;
    function show(index, quiet) {
      at = Math.max(0, Math.min(slides.length - 1, index));
      slides.forEach(function (slide, i) { slide.hidden = i !== at; });
      counter(at, slides.length);
      history.replaceState(null, "", "#" + slides[at].id);
      if (playing) playing.pause();
      if (!quiet) announce();
    }
    var start = Array.prototype.findIndex.call(slides, function (s) { return "#" + s.id === location.hash; });
    show(start < 0 ? 0 : start, true);
    return { go: function (step) { show(at + step); }, to: show, now: function () { return at; } };
  }

  function notesOf(root) {
    var parts = root.querySelectorAll(".note");
    var at = 0;
    function show(index, quiet) {
      at = Math.max(0, Math.min(parts.length - 1, index));
      parts.forEach(function (part, i) { part.hidden = i !== at; });
      counter(at, parts.length);
      if (!quiet) announce();
    }
    show(0, true);
    if (channel) channel.postMessage({ hello: true });
    return { go: function (step) { show(at + step); }, to: show, now: function () { return at; } };
  }

  function linksOfPage() {
    function follow(selector) {
      var link = document.querySelector(selector);
      if (link) location.href = link.href;
    }
    return {
      go: function (step) { follow(step > 0 ? "a[rel=next]" : "a[rel=prev]"); },
      reveal: function () { follow("a[data-reveal]"); },
    };
  }

  function play(button) {
    var audio = button.audio;
    if (!audio) {
      audio = button.audio = new Audio(button.dataset.audio);
      var pressed = function (on) { button.setAttribute("aria-pressed", String(on)); };
      audio.addEventListener("playing", function () { pressed(true); });
      audio.addEventListener("pause", function () { pressed(false); });
      audio.addEventListener("ended", function () { pressed(false); });
    }
    if (playing && playing !== audio) playing.pause();
    playing = audio;
    if (audio.paused) audio.play(); else audio.pause();
  }

  function playShown() {
    var button = document.querySelector(".slide:not([hidden]) [data-audio]");
    if (button) play(button);
  }

  if (remote && mover.to) { listen(); setInterval(listen, 1000); }

  if (channel) {
    channel.onmessage = function (event) {
      var said = event.data || {};
      if (typeof said.at === "number" && mover.to) mover.to(said.at, true);
      if (typeof said.blank === "boolean") setBlank(said.blank, true);
      if (said.hello && deck) channel.postMessage({ at: mover.now(), blank: !blank.hidden });
    };
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-action], [data-audio]");
    if (!button) return;
    var action = button.dataset.action;
    if (button.dataset.audio) play(button);
    else if (action === "next") mover.go(1);
    else if (action === "prev") mover.go(-1);
    else if (action === "blank") setBlank(blank.hidden);
    else if (action === "fullscreen" && document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(function () {});
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    var onControl = event.target.closest && event.target.closest("a, button, input, textarea, select");
    if (onControl && (event.key === " " || event.key === "Enter")) return; // let it press the control
    var key = event.key;
    if (BLANK.indexOf(key) >= 0) setBlank(blank.hidden);
    else if (!blank.hidden && key === "Escape") setBlank(false);
    else if (NEXT.indexOf(key) >= 0) mover.go(1);
    else if (PREV.indexOf(key) >= 0) mover.go(-1);
    else if ((key === "d" || key === "D") && mover.reveal) mover.reveal();
    else if (key === "a" || key === "A") playShown();
    else if ((key === "f" || key === "F") && document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(function () {});
    } else if (key === "Home" && mover.to) mover.to(0);
    else if (key === "End" && mover.to) mover.to(1e9);
    else return;
    event.preventDefault();
  });
})();

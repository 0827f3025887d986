// Projector mode, presenter view and class quiz: keys a presenter's clicker sends, a blank
// screen, and two windows of one laptop kept on the same step. Works with no network.
(function () {
  "use strict";
  var NEXT = ["ArrowRight", "ArrowDown", "PageDown", " ", "n", "N"];
  var PREV = ["ArrowLeft", "ArrowUp", "PageUp", "Backspace", "p", "P"];
  var BLANK = ["b", "B", "."];
  var layer = document.querySelector(".blank");
  var notices = document.querySelectorAll(".blanked-notice");
  var blankButtons = document.querySelectorAll("[data-action=blank]:not(.blanked-notice)");
  var joinCode = document.querySelector("[data-join]");
  var deck = document.querySelector("[data-deck]");
  var notes = document.querySelector("[data-presenter]");
  var root = deck || notes;
  var slug = root && (root.dataset.deck || root.dataset.presenter);
  var channel = slug && window.BroadcastChannel ? new BroadcastChannel("trinh-chieu:" + slug) : null;
  var playing = null;
  var blanked = !!root && root.dataset.blank === "true";
  var codeAsked = null; // the instructor pressed M: show or hide the code whatever happens
  var presenters = joinCode ? Number(deck.dataset.presenters || 0) : 0;
  var remote = document.querySelector("meta[name=slide-position]");
  var token = document.querySelector("meta[name=csrf-token]");
  var seen = root && root.dataset.seq ? Number(root.dataset.seq) : null;
  document.documentElement.classList.add("js");
  var mover = deck ? slidesOf(deck) : notes ? notesOf(notes) : linksOfPage();
  if (blanked) setBlank(true, true);
  if (mover.moved) announce();
  showCode();

  // The projector goes black; a presenter's own screen says so and offers to turn it back on.
  function setBlank(on, quiet) {
    blanked = on;
    if (layer) layer.hidden = !on;
    notices.forEach(function (notice) { notice.hidden = !on; });
    blankButtons.forEach(function (button) { button.setAttribute("aria-pressed", String(on)); });
    if (!quiet) announce();
  }

  // On the opening slide until a presenter's phone has joined; or whenever M asks for it.
  function showCode() {
    if (!joinCode) return;
    var first = mover && mover.now && mover.now() === 0;
    joinCode.hidden = codeAsked === null ? !(first && presenters === 0) : !codeAsked;
  }

  // M shows the code or hides it. A code a phone has used up opens nothing any more: showing
  // it again asks the server for a new one.
  var newCode = document.querySelector("meta[name=new-code]");
  function toggleCode() {
    codeAsked = joinCode.hidden;
    showCode();
    if (!codeAsked || !newCode || joinCode.dataset.joinable !== "false") return;
    fetch(newCode.content, {
      method: "POST", credentials: "same-origin",
      headers: { "X-CSRFToken": token ? token.content : "" },
    }).then(function (r) { return r.json(); }).then(function (s) {
      joinCode.querySelector(".code").textContent = s.code.slice(0, 3) + " " + s.code.slice(3);
      joinCode.dataset.joinable = "true";
    }).catch(function () {});
  }

  // Tell the other window of this laptop, and the server for a presenter's phone. One move
  // is sent at a time (the newest when it is done), so the server never ends on an older one.
  var sending = false;
  var pending = false;
  function announce() {
    if (!mover || !mover.now) return;
    if (channel) channel.postMessage({ at: mover.now(), blank: blanked });
    if (!remote) return;
    if (sending) { pending = true; return; }
    sending = true;
    pending = false;
    fetch(remote.content, {
      method: "POST", credentials: "same-origin",
      body: JSON.stringify({ at: mover.now(), blank: blanked }),
      headers: { "Content-Type": "application/json", "X-CSRFToken": token ? token.content : "" },
    }).then(function (r) { return r.json(); }).then(function (s) {
      if (seen === null || s.seq > seen) seen = s.seq;
    }).catch(function () {}).then(function () {
      sending = false;
      if (pending) announce();
    });
  }
  function listen() {
    if (sending || pending) return; // our own move is on its way: the answer would be older
    fetch(remote.content, { cache: "no-store", credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        // Moves only count forward: an answer that left before our own move is older news.
        if (sending || pending) return;
        if (seen === null || s.seq > seen) { mover.to(s.at, true); setBlank(s.blank, true); seen = s.seq; }
        presenters = s.presenters;
        if (joinCode && typeof s.joinable === "boolean") {
          if (joinCode.dataset.joinable === "true" && !s.joinable) codeAsked = null; // a phone joined
          joinCode.dataset.joinable = String(s.joinable);
        }
        showCode();
      }).catch(function () {});
  }

  // "Mở đầu", then "1 / N" on step 1 (N steps), then "Hết bài": the numbers the slides show.
  function counter(at, count) {
    var steps = count - 2;
    var label = at === 0 ? "Mở đầu" : at > steps ? "Hết bài" : at + " / " + steps;
    document.querySelectorAll(".counter").forEach(function (el) { el.textContent = label; });
  }

  function startAt(root, count) {
    var at = Number(root.dataset.at || 0);
    return at >= 0 && at < count ? at : 0;
  }

  function slidesOf(root) {
    var slides = root.querySelectorAll(".slide");
    var at = 0;
    function show(index, quiet) {
      at = Math.max(0, Math.min(slides.length - 1, index));
      slides.forEach(function (slide, i) { slide.hidden = i !== at; });
      counter(at, slides.length);
      history.replaceState(null, "", "#" + slides[at].id);
      showCode();
      if (playing) playing.pause();
      if (!quiet) announce();
    }
    var asked = Array.prototype.findIndex.call(slides, function (s) { return "#" + s.id === location.hash; });
    var kept = startAt(root, slides.length);
    // A slide named in the address wins (and the presenters follow); else where the hall was.
    show(asked < 0 ? kept : asked, true);
    return {
      go: function (step) { show(at + step); }, to: show, now: function () { return at; },
      moved: asked >= 0 && asked !== kept,
    };
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
    show(startAt(root, parts.length), true);
    if (channel) channel.postMessage({ hello: true });
    return { go: function (step) { show(at + step); }, to: show, now: function () { return at; } };
  }

  function linksOfPage() {
    function follow(selector) {
      var link = document.querySelector(selector);
      if (link && link.href) location.href = link.href;
      else if (link) link.click(); // a button of the live class quiz's form
    }
    return {
      go: function (step) { follow(step > 0 ? "a[rel=next], [data-go=next]" : "a[rel=prev]"); },
      reveal: function () { follow("a[data-reveal], [data-go=reveal]"); },
    };
  }

  // The live class quiz on the projector: the count per choice, asked every 1.5 s; when
  // another window of the laptop moved the quiz on, show where it is.
  var live = document.querySelector("[data-live]");
  var liveCount = document.querySelector("meta[name=live-count]");
  if (live && liveCount) {
    setInterval(function () {
      fetch(liveCount.content, { cache: "no-store", credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (s) {
          if (String(s.seq) !== live.dataset.live) { location.reload(); return; }
          var answered = live.querySelector("[data-answered]");
          if (answered) answered.textContent = s.answered;
          live.querySelectorAll("[data-joined]").forEach(function (el) { el.textContent = s.joined; });
          live.querySelectorAll("[data-count]").forEach(function (el) {
            el.textContent = s.per_choice[Number(el.dataset.count)];
          });
        }).catch(function () {});
    }, 1500);
  }

  // A class quiz question and its explanation fit the projector's screen: shrink, not scroll.
  var hall = document.querySelector(".quiz-hall");
  function fitToScreen() {
    if (!hall) return;
    hall.style.fontSize = "";
    var bar = hall.querySelector(".controls");
    var barHeight = bar ? bar.offsetHeight : 0;
    hall.style.paddingBottom = barHeight + "px"; // room for the bar, and not a pixel to scroll
    var room = window.innerHeight - barHeight - 8;
    var parts = Array.prototype.filter.call(hall.children, function (el) { return el !== bar; });
    function bottom() {
      return Math.max.apply(null, parts.map(function (el) { return el.getBoundingClientRect().bottom; }));
    }
    var size = parseFloat(getComputedStyle(hall).fontSize);
    while (size > 20 && bottom() > room) {
      size -= 1;
      hall.style.fontSize = size + "px";
    }
  }
  fitToScreen();
  window.addEventListener("resize", fitToScreen);

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
      if (said.hello && deck) channel.postMessage({ at: mover.now(), blank: blanked });
    };
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-action], [data-audio]");
    if (!button) return;
    var action = button.dataset.action;
    if (button.dataset.audio) play(button);
    else if (action === "next") mover.go(1);
    else if (action === "prev") mover.go(-1);
    else if (action === "blank") setBlank(!blanked);
    else if (action === "code" && joinCode) toggleCode();
    else if (action === "fullscreen" && document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(function () {});
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    var onControl = event.target.closest && event.target.closest("a, button, input, textarea, select");
    if (onControl && (event.key === " " || event.key === "Enter")) return; // let it press the control
    var key = event.key;
    if (BLANK.indexOf(key) >= 0) setBlank(!blanked);
    else if (blanked && key === "Escape") setBlank(false);
    else if ((key === "m" || key === "M") && joinCode) toggleCode();
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

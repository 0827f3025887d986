// A phone in a class quiz: every 1.5 s ask whether the question changed; if so, show it.
// An answer is sent without reloading the page (the form works without this script too).
(function () {
  "use strict";
  var status = document.querySelector("meta[name=quiz-status]");
  var page = document.querySelector("[data-seq]");
  if (!status || !page) return;
  var seq = Number(page.dataset.seq);
  setInterval(function () {
    fetch(status.content, { cache: "no-store", credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (s) { if (s.seq !== seq) location.reload(); })
      .catch(function () {});
  }, 1500);

  var form = page.querySelector("form[data-answer]");
  if (!form || !window.FormData) return;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var chosen = Array.prototype.map.call(form.querySelectorAll("input:checked"), function (input) {
      return input.parentNode.querySelector(".letter").textContent;
    });
    form.querySelector("button[type=submit]").disabled = true;
    fetch(form.action, {
      method: "POST", body: new FormData(form), credentials: "same-origin",
      headers: { "X-Requested-With": "phone" },
    }).then(function (r) { return r.json(); }).then(function (answer) {
      var said = document.createElement("p");
      said.setAttribute("role", "status");
      said.textContent = answer.said + (answer.kept && chosen.length ? " Bạn đã chọn: " + chosen.join(", ") + "." : "");
      if (answer.kept) form.replaceWith(said);
      else { form.before(said); form.querySelector("button[type=submit]").disabled = false; }
    }).catch(function () { form.submit(); });
  });
})();

/* The visit log form: a fresh key for each entry (so a double tap or a replay is stored
   once), and the entries kept on the phone while there is no signal. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-visit-log]");
  var key = form && form.querySelector("input[name=khoa]");
  if (key && window.crypto && crypto.randomUUID) {
    window.addEventListener("pageshow", function () { key.value = crypto.randomUUID(); });
  }
  // Only the outcomes of the skills ticked: fewer boxes to look through at the door.
  if (form) {
    var topics = form.querySelectorAll("input[name=chu_de]");
    var showOutcomes = function () {
      form.querySelectorAll(".outcome-group[data-topic]").forEach(function (group) {
        var chosen = form.querySelector("input[name=chu_de][value='" + group.dataset.topic + "']");
        group.hidden = !(chosen && chosen.checked);
        if (group.hidden) group.querySelectorAll("input[type=checkbox]").forEach(function (box) { box.checked = false; });
      });
    };
    topics.forEach(function (box) { box.addEventListener("change", showOutcomes); });
    showOutcomes();
  }
  var box = document.querySelector("[data-waiting]");
  if (!box || !window.isSecureContext || !window.offlineStore || !("serviceWorker" in navigator)) return;
  var store = window.offlineStore.store;
  var villages = {};
  document.querySelectorAll("select[name=thon] option").forEach(function (option) {
    villages[option.value] = option.textContent;
  });

  function describe(item) {
    var params = new URLSearchParams(item.body);
    var day = (params.get("ngay") || "").split("-").reverse().join("/");
    return day + " · " + (villages[params.get("thon")] || "thôn, bản") + " · " +
      (params.get("so_nguoi") || "?") + " người, " + (params.get("so_ho") || "?") + " hộ";
  }

  async function show(message) {
    var items = (await store.all("queue")).filter(function (item) { return item.kind === "visit"; });
    var list = box.querySelector("ul");
    list.textContent = "";
    items.forEach(function (item) {
      var line = document.createElement("li");
      if (item.state === "dropped") {
        line.textContent = "Một buổi ghi khi tài khoản khác đăng nhập: đã bỏ, không gửi dưới tên bạn.";
      } else {
        line.textContent = describe(item) + (item.state === "refused" ? " — không gửi được: " + item.reason : " — chờ gửi");
      }
      if (item.state === "refused" || item.state === "dropped") {
        var drop = document.createElement("button");
        drop.type = "button";
        drop.className = "button secondary";
        drop.textContent = "Bỏ";
        drop.addEventListener("click", async function () { await store.remove("queue", item.id); show(); });
        line.append(" ", drop);
      }
      list.append(line);
    });
    var waiting = items.filter(function (item) { return item.state === "waiting"; }).length;
    var status = box.querySelector("[role=status]");
    var dropped = items.filter(function (item) { return item.state === "dropped"; }).length;
    if (dropped) {
      status.textContent = "Đã bỏ " + dropped + " lần ghi của tài khoản khác trên máy này; " +
        "chúng không được gửi dưới tên bạn.";
    } else if (message && message.signedOut && waiting) {
      status.textContent = "Còn " + waiting + " buổi chờ gửi: hãy đăng nhập lại để gửi.";
    } else if (waiting) {
      status.textContent = "Đã lưu trên máy " + waiting + " buổi. Khi có mạng, máy sẽ tự gửi.";
    } else if (box.dataset.seen) {
      status.textContent = "Đã gửi hết các buổi lưu trên máy.";
    }
    box.dataset.waitingCount = String(waiting);
    if (items.length) box.dataset.seen = "1";
    box.hidden = !items.length && !box.dataset.seen;
  }

  navigator.serviceWorker.addEventListener("message", function (event) {
    if (event.data && event.data.type === "queue-changed") show(event.data);
  });
  show();
})();

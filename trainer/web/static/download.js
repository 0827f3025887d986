/* "Tải chủ đề về máy" on a topic page: say how many MB first, check free space keeping a
   reserve, ask to keep the files, download with a progress bar, go on after a lost
   signal, and list what is on the phone with a "Xóa" button. */
(function () {
  "use strict";
  var box = document.querySelector("[data-offline-topic]") || document.querySelector("[data-offline-list]");
  if (!box || !window.isSecureContext || !("serviceWorker" in navigator) || !window.caches) return;
  var store = window.offlineStore;
  if (!box.dataset.offlineTopic) {
    listDownloaded();
    return;
  }
  var RESERVE = 100 * 1024 * 1024; // left free for the phone itself, whatever the browser allows
  var packUrl = box.dataset.pack;
  var button = box.querySelector("[data-download]");
  var slowBox = box.querySelector("[data-slow]");
  var videoBox = box.querySelector("[data-video]");
  var bar = box.querySelector("[data-progress]");
  var status = box.querySelector("[data-status]");
  var sizeLine = box.querySelector("[data-size]");
  var pack = null;
  var running = false;

  box.querySelector("[data-plain-http]").hidden = true;
  box.querySelector("[data-secure]").hidden = false;

  function say(text) { if (status) status.textContent = text; }
  function mb(bytes) { return store.sizeText(bytes); }
  function needed() {
    return pack.size + (slowBox.checked ? pack.size_with_slow - pack.size : 0) +
      (videoBox.checked ? pack.size_of_video || 0 : 0);
  }

  function showSize() {
    button.textContent = "Tải chủ đề về máy (" + mb(needed()) + ")";
    sizeLine.textContent = "Bài học, hình và giọng đọc thường: " + mb(pack.size) + "." +
      (pack.size_with_slow > pack.size ? " Giọng đọc chậm thêm " + mb(pack.size_with_slow - pack.size) + "." : "") +
      (pack.size_of_video ? " Video cho nhóm Zalo thêm " + mb(pack.size_of_video) + "." : "");
    videoBox.disabled = !pack.size_of_video;
    var connection = navigator.connection;
    if (connection && (connection.type === "cellular" || connection.saveData)) {
      sizeLine.textContent += " Bạn đang dùng dữ liệu di động: nên tải khi có Wi-Fi.";
    }
    button.disabled = false;
  }

  async function roomFor(bytes) {
    if (!navigator.storage || !navigator.storage.estimate) return true;
    var estimate = await navigator.storage.estimate();
    var free = estimate.quota - estimate.usage;
    if (free - bytes >= RESERVE) return true;
    say("Máy chỉ còn trống khoảng " + mb(Math.max(0, free)) + ". Tải chủ đề này (" + mb(bytes) +
      ") sẽ để lại dưới " + mb(RESERVE) + " cho máy chạy, nên chưa tải. Hãy xóa bớt ảnh, video " +
      "hoặc chủ đề đã tải, rồi thử lại.");
    return false;
  }

  async function start() {
    if (running || !pack) return;
    running = true;
    button.disabled = true;
    try {
      if (!(await roomFor(needed()))) return;
      var kept = navigator.storage && navigator.storage.persist ? await navigator.storage.persist() : false;
      bar.hidden = false;
      box.dataset.fetched = "0";
      var done = await store.downloadPack(pack, {
        slow: slowBox.checked, video: videoBox.checked, url: packUrl, onProgress: progress
      });
      box.dataset.state = "done";
      say("Đã tải xong " + mb(done.size) + ". Không có sóng vẫn mở được các bài của chủ đề này." +
        (kept ? "" : " Khi máy đầy bộ nhớ, trình duyệt có thể xóa bớt: khi đó hãy tải lại."));
      button.textContent = "Tải lại chủ đề (" + mb(needed()) + ")";
    } catch (error) {
      box.dataset.state = "paused";
      if (error && error.name === "QuotaExceededError") {
        say("Máy hết chỗ trống nên dừng tải. Hãy xóa bớt rồi bấm “Tải tiếp”.");
      } else {
        say("Mất kết nối khi đang tải (" + (bar.value | 0) + "%). Máy sẽ tải tiếp khi có mạng, " +
          "hoặc bấm “Tải tiếp”.");
        window.addEventListener("online", start, { once: true });
      }
      button.textContent = "Tải tiếp";
    } finally {
      running = false;
      button.disabled = false;
      listDownloaded();
    }
  }

  function progress(state) {
    bar.value = state.total ? Math.round(state.have * 100 / state.total) : 100;
    box.dataset.fetched = String(state.fetched);
    say("Đang tải: " + mb(state.have) + " trên " + mb(state.total) + ".");
  }

  async function listDownloaded() {
    var list = box.querySelector("[data-downloaded]");
    var packs = await store.store.all("packs");
    list.textContent = "";
    box.querySelector("[data-none]").hidden = packs.length > 0;
    packs.forEach(function (record) {
      var item = document.createElement("li");
      var name = document.createElement("a");
      name.href = record.files.length ? record.files[0].url : "/";
      name.textContent = record.title;
      var size = " · " + mb(record.size) + (record.complete ? "" : " (chưa tải xong)");
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "button secondary";
      remove.textContent = "Xóa";
      remove.setAttribute("aria-label", "Xóa " + record.title + " khỏi máy");
      remove.addEventListener("click", async function () {
        await store.removePack(record.topic);
        say("Đã xóa “" + record.title + "” khỏi máy.");
        listDownloaded();
      });
      item.append(name, size, " ", remove);
      list.append(item);
    });
  }

  button.addEventListener("click", start);
  slowBox.addEventListener("change", function () { if (pack) showSize(); });
  videoBox.addEventListener("change", function () { if (pack) showSize(); });
  fetch(packUrl, { credentials: "same-origin" })
    .then(function (answer) { if (!answer.ok) throw new Error(String(answer.status)); return answer.json(); })
    .then(function (data) { pack = data; showSize(); })
    .catch(function () { say("Chưa lấy được danh sách tệp; hãy thử lại khi có mạng."); });
  listDownloaded();
})();

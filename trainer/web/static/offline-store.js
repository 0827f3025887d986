/* Topics kept on the phone and forms waiting for a signal: shared by the pages and the
   service worker (sw.js loads it with importScripts). Downloaded files live in the Cache
   API, one cache per topic; what was downloaded, and the forms to send later, in IndexedDB. */
(function (scope) {
  "use strict";
  var DB_NAME = "trainer-offline";
  var TOPIC_CACHE = "trainer-topic-";
  var MB = 1024 * 1024;

  function openDb() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore("packs", { keyPath: "topic" });
        request.result.createObjectStore("queue", { keyPath: "id" });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function withStore(name, mode, work) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var transaction = db.transaction(name, mode);
        var request = work(transaction.objectStore(name));
        transaction.oncomplete = function () { db.close(); resolve(request && request.result); };
        transaction.onerror = transaction.onabort = function () { db.close(); reject(transaction.error); };
      });
    });
  }

  var store = {
    all: function (name) { return withStore(name, "readonly", function (s) { return s.getAll(); }); },
    get: function (name, key) { return withStore(name, "readonly", function (s) { return s.get(key); }); },
    put: function (name, value) { return withStore(name, "readwrite", function (s) { return s.put(value); }); },
    remove: function (name, key) { return withStore(name, "readwrite", function (s) { return s.delete(key); }); }
  };

  function path(url) {
    var parsed = new URL(url, scope.location.href);
    return parsed.pathname + parsed.search;
  }

  /* "240 KB", "3,4 MB": as a Vietnamese reader writes sizes, precise to a few percent. */
  function sizeText(bytes) {
    if (bytes < MB) return Math.max(1, Math.round(bytes / 1024)) + " KB";
    return (bytes / MB).toFixed(1).replace(".", ",") + " MB";
  }

  /* The files of a pack that are wanted: the slow audio and the videos only when asked for. */
  function wantedFiles(pack, slow, video) {
    return pack.files.filter(function (file) {
      return (slow || file.kind !== "slow-audio") && (video || file.kind !== "video");
    });
  }

  function total(files) {
    return files.reduce(function (sum, file) { return sum + file.size; }, 0);
  }

  /* Read a response to the end, telling onBytes about each chunk; a Blob of the body. */
  async function readAll(response, onBytes) {
    if (!response.body || !response.body.getReader) {
      var whole = await response.blob();
      onBytes(whole.size);
      return whole;
    }
    var reader = response.body.getReader();
    var chunks = [];
    for (;;) {
      var part = await reader.read();
      if (part.done) break;
      chunks.push(part.value);
      onBytes(part.value.byteLength);
    }
    return new Blob(chunks);
  }

  /* Download (or bring up to date) a topic pack. Files already stored with the same hash
     are kept, so a download cut off by a lost signal goes on where it stopped, and an
     update fetches only what changed. onProgress gets {have, total, fetched} in bytes. */
  async function downloadPack(pack, options) {
    options = options || {};
    var slow = Boolean(options.slow);
    var video = Boolean(options.video);
    var onProgress = options.onProgress || function () {};
    var files = wantedFiles(pack, slow, video);
    var old = (await store.get("packs", pack.topic)) || { done: {} };
    var alternates = Object.assign({}, pack.alternates, slow ? {} : pack.slow_alternates);
    var record = {
      topic: pack.topic, title: pack.title, version: pack.version, url: options.url || old.url,
      slow: slow, video: video, files: files, alternates: alternates, size: total(files),
      done: old.done || {}, complete: false, savedAt: Date.now()
    };
    await store.put("packs", record);
    var cache = await caches.open(TOPIC_CACHE + pack.topic);
    var progress = { have: 0, total: record.size, fetched: 0 };
    onProgress(progress);
    for (var i = 0; i < files.length; i++) {
      var file = files[i];
      if (record.done[file.url] === file.hash && await cache.match(file.url, { ignoreVary: true })) {
        progress.have += file.size;
        onProgress(progress);
        continue;
      }
      // Marked as a download: keeping a lesson on the phone is not opening it.
      var response = await fetch(file.url, {
        credentials: "same-origin", headers: { "X-Trainer-Download": "1" }
      });
      if (!response.ok || response.redirected) throw new Error("server answered " + response.status);
      var start = progress.have;
      var body = await readAll(response, function (bytes) {
        progress.fetched += bytes;
        progress.have = Math.min(start + file.size, progress.have + bytes);
        onProgress(progress);
      });
      var type = response.headers.get("Content-Type") || "application/octet-stream";
      await cache.put(file.url, new Response(body, { headers: { "Content-Type": type } }));
      progress.have = start + file.size;
      record.done[file.url] = file.hash;
      await store.put("packs", record);
      onProgress(progress);
    }
    var keep = {};
    files.forEach(function (file) { keep[file.url] = true; });
    var stored = await cache.keys();
    for (var j = 0; j < stored.length; j++) {
      var url = path(stored[j].url);
      if (!keep[url]) {
        await cache.delete(stored[j]);
        delete record.done[url];
      }
    }
    record.complete = true;
    record.savedAt = Date.now();
    await store.put("packs", record);
    return record;
  }

  async function removePack(topic) {
    await caches.delete(TOPIC_CACHE + topic);
    await store.remove("packs", topic);
  }

  /* A downloaded file, or the file standing in for it (a smaller picture, normal speed). */
  async function storedFile(url) {
    var hit = await caches.match(url, { ignoreVary: true });
    if (hit) return hit;
    var packs = await store.all("packs");
    for (var i = 0; i < packs.length; i++) {
      var standIn = packs[i].alternates && packs[i].alternates[path(url)];
      if (standIn) return caches.match(standIn, { ignoreVary: true });
    }
    return undefined;
  }

  /* Forms sent with no signal: kept, then sent once the phone is online again. Each
     carries its key ("khoa"), so the server stores it once however often it arrives. */
  async function queueForm(url, body, kind) {
    var params = new URLSearchParams(body);
    if (!params.get("khoa")) params.set("khoa", scope.crypto.randomUUID());
    var item = {
      id: params.get("khoa"), url: path(url), body: params.toString(), kind: kind,
      account: params.get("tai_khoan") || "", savedAt: Date.now(), state: "waiting", reason: ""
    };
    await store.put("queue", item);
    return item;
  }

  var sending = null;

  /* Send every waiting form with a fresh anti-forgery token. Stops at the first network
     failure (still offline) and leaves the rest waiting; a form the server refuses is
     kept as refused with the server's reason, for the member to see. A form written while
     another account was signed in is never sent as this one: it is dropped, and counted
     in `dropped` for the page to say so. */
  function sendQueue(tokenUrl) {
    if (!sending) {
      sending = sendWaiting(tokenUrl).finally(function () { sending = null; });
    }
    return sending;
  }

  async function sendWaiting(tokenUrl) {
    var items = (await store.all("queue")).filter(function (item) { return item.state === "waiting"; });
    if (!items.length) return { sent: 0, left: 0 };
    var token;
    try {
      var answer = await fetch(tokenUrl, {
        credentials: "same-origin", redirect: "manual", headers: { Accept: "application/json" }
      });
      if (!answer.ok) return { sent: 0, left: items.length, signedOut: true };
      var signedIn = await answer.json();
      token = signedIn.csrf_token;
    } catch (error) {
      return { sent: 0, left: items.length };
    }
    var dropped = 0;
    var own = [];
    for (var k = 0; k < items.length; k++) {
      var item0 = items[k];
      if (item0.account && item0.account !== String(signedIn.account)) {
        // Nothing of it is kept: a visit leaves only a note that one was dropped.
        if (item0.kind === "visit") {
          await store.put("queue", {
            id: item0.id, kind: "visit", state: "dropped", body: "", account: "", reason: "",
            savedAt: item0.savedAt
          });
        } else {
          await store.remove("queue", item0.id);
        }
        dropped += 1;
      } else {
        own.push(items[k]);
      }
    }
    items = own;
    var sent = 0;
    for (var i = 0; i < items.length; i++) {
      var item = items[i];
      var params = new URLSearchParams(item.body);
      params.set("csrf_token", token);
      var response;
      try {
        response = await fetch(item.url, {
          method: "POST", body: params, credentials: "same-origin", redirect: "manual",
          headers: { Accept: "application/json", "Idempotency-Key": item.id }
        });
      } catch (error) {
        return { sent: sent, left: items.length - sent, dropped: dropped };
      }
      if (response.ok || response.type === "opaqueredirect") {
        await store.remove("queue", item.id);
        sent += 1;
      } else if (response.status >= 400 && response.status < 500 && response.status !== 401) {
        item.state = "refused";
        item.reason = await reasonOf(response);
        await store.put("queue", item);
      } else {
        return { sent: sent, left: items.length - sent, dropped: dropped };
      }
    }
    return { sent: sent, left: 0, dropped: dropped };
  }

  /* On signing out: forget every stored page (a page holds its reader's name, and the
     field guide and visit log are a member's own), keep the pictures, audio and styles,
     which are named by content and the same for everyone. Downloaded topics are marked
     incomplete, so their pages come back as anyone sees them at the next update. */
  async function forgetPersonal(keepPattern) {
    var names = await caches.keys();
    for (var i = 0; i < names.length; i++) {
      var cache = await caches.open(names[i]);
      var keys = await cache.keys();
      for (var j = 0; j < keys.length; j++) {
        if (!keepPattern.test(new URL(keys[j].url).pathname)) await cache.delete(keys[j]);
      }
    }
    var packs = await store.all("packs");
    for (var p = 0; p < packs.length; p++) {
      var record = packs[p];
      Object.keys(record.done || {}).forEach(function (url) {
        if (!keepPattern.test(url.split("?")[0])) delete record.done[url];
      });
      record.complete = false;
      await store.put("packs", record);
    }
  }

  async function reasonOf(response) {
    try {
      var data = await response.json();
      var errors = data.errors || {};
      return Object.keys(errors).map(function (key) { return errors[key]; }).join(" ") || data.message || "";
    } catch (error) {
      return "Máy chủ không nhận (mã " + response.status + ").";
    }
  }

  scope.offlineStore = {
    store: store, downloadPack: downloadPack, removePack: removePack, storedFile: storedFile,
    queueForm: queueForm, sendQueue: sendQueue, forgetPersonal: forgetPersonal,
    wantedFiles: wantedFiles, total: total,
    sizeText: sizeText, TOPIC_CACHE: TOPIC_CACHE
  };
})(self);

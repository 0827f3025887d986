/* The service worker: serves downloaded topics with no signal, and sends later what was
   filled in offline. Hand-written and small. The server puts `self.TRAINER` (the shell's
   files and version, the addresses below) in front of this file, so a change to any of
   them changes this file and the browser installs the new worker. */
/* global TRAINER, offlineStore */
"use strict";
importScripts(TRAINER.store);

var SHELL_CACHE = "trainer-shell-" + TRAINER.version;
var FILES = /^\/(media|am-thanh|static)\//;

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(SHELL_CACHE)
      .then(function (cache) { return cache.addAll(TRAINER.shell); })
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("trainer-shell-") === 0 && name !== SHELL_CACHE;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST") {
    if (url.pathname === TRAINER.logout) event.respondWith(signOut(request));
    else if (queued(url.pathname)) event.respondWith(sendOrKeep(request));
    return;
  }
  if (request.method !== "GET") return;
  if (FILES.test(url.pathname)) {
    event.respondWith(storedFirst(request));
  } else if (request.mode === "navigate") {
    event.respondWith(networkFirst(request, event));
  }
});

self.addEventListener("message", function (event) {
  var kind = event.data && event.data.type;
  if (kind === "send-queue") event.waitUntil(sendAndTell());
  if (kind === "check-updates") event.waitUntil(updatePacks());
});

self.addEventListener("sync", function (event) {
  if (event.tag === "send-queue") event.waitUntil(sendAndTell());
});

function queued(pathname) {
  return TRAINER.queued.some(function (prefix) { return pathname.indexOf(prefix) === 0; });
}

/* Pictures, audio and styles are named by content: a stored copy is always right. Audio
   asked for in part (HTTP Range, as players seek and resume) gets just those bytes. */
async function storedFirst(request) {
  var hit = await offlineStore.storedFile(request.url);
  if (!hit) {
    try {
      return await fetch(request);
    } catch (error) {
      return new Response("", { status: 504, statusText: "offline" });
    }
  }
  var range = request.headers.get("Range");
  return range ? await part(hit, range) : hit;
}

async function part(response, range) {
  var blob = await response.blob();
  var size = blob.size;
  var match = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  var start = 0;
  var end = size - 1;
  if (match && match[1]) {
    start = Number(match[1]);
    if (match[2]) end = Math.min(Number(match[2]), size - 1);
  } else if (match && match[2]) {
    start = Math.max(0, size - Number(match[2]));
  }
  if (!match || start >= size || start > end) {
    return new Response("", { status: 416, headers: { "Content-Range": "bytes */" + size } });
  }
  return new Response(blob.slice(start, end + 1), {
    status: 206,
    headers: {
      "Content-Type": response.headers.get("Content-Type") || "audio/mpeg",
      "Content-Range": "bytes " + start + "-" + end + "/" + size,
      "Content-Length": String(end - start + 1),
      "Accept-Ranges": "bytes"
    }
  });
}

/* Pages come fresh from the server when there is a signal (and refresh the stored copy
   of a downloaded page); with none, the stored copy, else the offline page. */
async function networkFirst(request, event) {
  try {
    var response = await fetch(request);
    if (response.ok && !response.redirected) event.waitUntil(refresh(request.url, response.clone()));
    event.waitUntil(sendAndTell());
    return response;
  } catch (error) {
    var hit = (await caches.match(request.url, { ignoreVary: true })) ||
      (await caches.match(request.url, { ignoreVary: true, ignoreSearch: true }));
    return hit || (await caches.match(TRAINER.offline)) ||
      new Response("Không có mạng.", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}

async function refresh(url, response) {
  var names = await caches.keys();
  for (var i = 0; i < names.length; i++) {
    if (names[i].indexOf(offlineStore.TOPIC_CACHE) !== 0) continue;
    var cache = await caches.open(names[i]);
    if (await cache.match(url, { ignoreVary: true })) {
      var body = await response.clone().blob();
      await cache.put(url, new Response(body, { headers: { "Content-Type": response.headers.get("Content-Type") } }));
    }
  }
}

/* A form sent with no signal is kept and sent later; the member sees the log page
   saying so (a form page), or the page's script gets 202 Accepted (a progress note). */
async function sendOrKeep(request) {
  var copy = request.clone();
  try {
    return await fetch(request);
  } catch (error) {
    var kind = new URL(request.url).pathname.indexOf(TRAINER.log) === 0 ? "visit" : "progress";
    await offlineStore.queueForm(request.url, await copy.text(), kind);
    if (self.registration.sync) self.registration.sync.register("send-queue").catch(function () {});
    tell({ type: "queue-changed" });
    if (request.mode === "navigate") return Response.redirect(TRAINER.log + "?cho-gui=1", 303);
    return new Response(null, { status: 202 });
  }
}

/* Signing out empties the phone of what was the member's own before the server is told,
   so nothing personal stays even when the answer never arrives. */
async function signOut(request) {
  try {
    await offlineStore.forgetPersonal(FILES);
  } catch (error) { /* never keep someone from signing out */ }
  var answer = await fetch(request);
  // The shell's pages again, as anyone gets them now the cookie is gone.
  caches.open(SHELL_CACHE).then(function (cache) { return cache.addAll(TRAINER.shell); })
    .catch(function () {});
  tell({ type: "packs-changed" });
  return answer;
}

async function sendAndTell() {
  var result = await offlineStore.sendQueue(TRAINER.token);
  if (result.sent || result.left || result.signedOut || result.dropped) tell(Object.assign({ type: "queue-changed" }, result));
}

async function tell(message) {
  var pages = await self.clients.matchAll({ includeUncontrolled: true });
  pages.forEach(function (page) { page.postMessage(message); });
}

/* Bring every downloaded topic up to date when its content has changed on the server. */
async function updatePacks() {
  var packs = await offlineStore.store.all("packs");
  for (var i = 0; i < packs.length; i++) {
    var record = packs[i];
    if (!record.url) continue;
    try {
      var answer = await fetch(record.url, { credentials: "same-origin" });
      if (!answer.ok) continue;
      var pack = await answer.json();
      if (pack.version !== record.version || !record.complete) {
        await offlineStore.downloadPack(pack, { slow: record.slow, video: record.video, url: record.url });
        tell({ type: "packs-changed", topic: record.topic });
      }
    } catch (error) {
      return; // no signal: try again next time
    }
  }
}

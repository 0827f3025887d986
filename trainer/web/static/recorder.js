/* Record a step with the microphone, in the browser, and send it as a WAV file.
   Shown only where the browser allows the microphone (https or this computer). Stops by
   itself before two minutes. The server checks and shrinks the file to a small MP3. */
(function () {
  "use strict";
  var RATE = 16000;
  var LIMIT_SECONDS = 115;
  // The microphone works only over https:// or on this computer (a secure context); the
  // page then keeps its note that a phone's own recorder, through "Chọn tệp", works.
  if (!window.isSecureContext || !navigator.mediaDevices || !window.AudioContext || !window.fetch) return;
  document.querySelectorAll(".recorder-unavailable").forEach(function (note) { note.hidden = true; });

  function wav(chunks, inputRate) {
    var step = inputRate / RATE, total = 0;
    chunks.forEach(function (c) { total += c.length; });
    var count = Math.floor(total / step), samples = new Int16Array(count), all = new Float32Array(total), at = 0;
    chunks.forEach(function (c) { all.set(c, at); at += c.length; });
    for (var i = 0; i < count; i++) {
      var s = Math.max(-1, Math.min(1, all[Math.floor(i * step)]));
      samples[i] = s < 0 ? s * 0x8000 : s * 0x7fff;
    }
    var buffer = new ArrayBuffer(44 + samples.length * 2), view = new DataView(buffer);
    function text(offset, value) { for (var j = 0; j < value.length; j++) view.setUint8(offset + j, value.charCodeAt(j)); }
    text(0, "RIFF"); view.setUint32(4, 36 + samples.length * 2, true); text(8, "WAVE");
    text(12, "fmt "); view.setUint32(16, 16, true); view.setUint16(20, 1, true); view.setUint16(22, 1, true);
    view.setUint32(24, RATE, true); view.setUint32(28, RATE * 2, true); view.setUint16(32, 2, true);
    view.setUint16(34, 16, true); text(36, "data"); view.setUint32(40, samples.length * 2, true);
    new Int16Array(buffer, 44).set(samples);
    return new Blob([buffer], { type: "audio/wav" });
  }

  document.querySelectorAll(".voice-upload").forEach(function (form) {
    var box = form.querySelector(".recorder");
    var button = box.querySelector(".record");
    var state = box.querySelector(".recorder-state");
    var session = null;
    box.hidden = false;

    function stop() {
      var s = session;
      session = null;
      clearTimeout(s.timer);
      s.processor.disconnect();
      s.source.disconnect();
      s.stream.getTracks().forEach(function (t) { t.stop(); });
      s.context.close();
      button.classList.remove("on");
      button.textContent = "Ghi âm bằng micro";
      state.textContent = "Đang gửi…";
      var data = new FormData();
      data.append("csrf_token", form.querySelector("[name=csrf_token]").value);
      data.append("tep", wav(s.chunks, s.context.sampleRate), "ghi-am.wav");
      var reader = form.querySelector("[name=nguoi_doc]");
      if (reader) data.append("nguoi_doc", reader.value);
      fetch(form.action, { method: "POST", body: data, credentials: "same-origin",
                           headers: { "X-Requested-With": "recorder" } })
        .then(function () {
          history.replaceState(null, "", "#" + form.closest("li").id);
          location.reload();
        })
        .catch(function () { state.textContent = "Chưa gửi được. Hãy thử lại."; });
    }

    button.addEventListener("click", function () {
      if (session) { stop(); return; }
      navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
        var context = new AudioContext();
        var source = context.createMediaStreamSource(stream);
        var processor = context.createScriptProcessor(4096, 1, 1);
        var chunks = [];
        processor.onaudioprocess = function (e) { chunks.push(new Float32Array(e.inputBuffer.getChannelData(0))); };
        source.connect(processor);
        processor.connect(context.destination);
        session = { stream: stream, context: context, source: source, processor: processor, chunks: chunks,
                    timer: setTimeout(function () { if (session) stop(); }, LIMIT_SECONDS * 1000) };
        button.classList.add("on");
        button.textContent = "Dừng và gửi";
        state.textContent = "Đang ghi… đọc to, rõ.";
      }).catch(function () {
        state.textContent = "Không mở được micro. Hãy cho phép dùng micro, hoặc chọn tệp.";
      });
    });
  });
})();

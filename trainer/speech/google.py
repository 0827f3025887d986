"""Google's voice through gTTS: the best Vietnamese there is, when the network allows.

Always with a short timeout (gTTS waits forever by default). The audio is collected in
memory and only written (temp file, then rename) by the cache once it is whole, so a failed
request never leaves an empty file behind. Any network failure marks the engine down.
"""

from __future__ import annotations

import io

from gtts import gTTS, gTTSError
from gtts.lang import tts_langs

from trainer.speech.errors import EngineDown, SpeechError


class Google:
    name = "google"
    voice = "gtts"

    def __init__(self, timeout: float = 5.0):
        self.timeout = timeout

    def speaks(self, language: str) -> bool:
        return language in tts_langs()  # a static table: no network call

    def speak(self, text: str, language: str, speed: float) -> bytes:
        if not self.speaks(language):
            raise SpeechError(f"Google has no voice for `{language}`")
        buffer = io.BytesIO()
        try:
            gTTS(text, lang=language, slow=speed < 1, timeout=self.timeout).write_to_fp(buffer)
        except gTTSError as error:
            raise EngineDown(f"Google's voice is out of reach: {error}") from error
        if not buffer.getvalue():
            raise SpeechError("Google sent no audio")
        return buffer.getvalue()

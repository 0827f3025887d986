"""The offline voice: espeak-ng, loaded from the espeakng-loader wheel through ctypes.

The wheel ships the library and its Vietnamese data, so it needs neither apt nor the
network. espeak-ng keeps global state and is not thread-safe: one lock guards it.
espeak-ng is GPL-3.0-or-later, like this project.

Its Vietnamese rules switch to the English voice for words that look English ("play",
"micro", "camera"), and no setting turns that off: `foreign_words` finds them, so the
pronunciation table can give them a Vietnamese spelling.
"""

from __future__ import annotations

import ctypes
import re
import threading

from trainer.speech import mp3
from trainer.speech.errors import EngineDown, SpeechError

VOICES = {"vi": b"vi"}  # language code -> espeak-ng voice; no H'Mông or Thái voice exists
NORMAL_RATE = 175  # words per minute, espeak-ng's default
SYNCHRONOUS = 0x02
UTF8 = 1
RATE = 1  # espeakRATE

_CALLBACK = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
)
_lock = threading.Lock()
_state: dict = {}


class Espeak:
    name = "espeak"

    def __init__(self, bitrate: int = 24):
        self.bitrate = bitrate

    @property
    def voice(self) -> str:
        return f"espeak-ng {_library()['version']} {self.bitrate}kbps"

    def speaks(self, language: str) -> bool:
        return language in VOICES

    def foreign_words(self, text: str, language: str) -> list[str]:
        """The words of text this voice would read with another language's rules."""
        if not self.speaks(language):
            return []
        words = sorted(set(re.findall(r"[^\W\d_]+", text)))
        with _lock:
            return [word for word in words if _switches(word, VOICES[language])]

    def speak(self, text: str, language: str, speed: float) -> bytes:
        if not self.speaks(language):
            raise SpeechError(f"espeak-ng has no voice for `{language}`")
        with _lock:
            pcm, rate = _synthesize(text, VOICES[language], round(NORMAL_RATE * speed))
        if not pcm:
            raise SpeechError("espeak-ng produced no sound")
        return mp3.encode(pcm, rate, self.bitrate)


def _library() -> dict:
    """Load and initialise espeak-ng once per process."""
    if _state:
        return _state
    try:
        import espeakng_loader

        lib = ctypes.CDLL(espeakng_loader.get_library_path())
        data = espeakng_loader.get_data_path().encode()
    except (ImportError, OSError) as error:
        raise EngineDown(f"espeak-ng cannot be loaded: {error}") from error
    lib.espeak_Info.restype = ctypes.c_char_p
    rate = lib.espeak_Initialize(SYNCHRONOUS, 0, data, 0)
    if rate <= 0:
        raise EngineDown("espeak-ng did not start: its data folder is missing")
    pcm = bytearray()

    @_CALLBACK
    def on_audio(samples, count, events):
        if count > 0:
            pcm.extend(ctypes.string_at(samples, count * 2))
        return 0

    lib.espeak_SetSynthCallback(on_audio)
    version = (lib.espeak_Info(None) or b"?").decode().split()[0]
    _state.update(lib=lib, rate=rate, pcm=pcm, callback=on_audio, version=version)
    return _state


def _synthesize(text: str, voice: bytes, words_per_minute: int) -> tuple[bytes, int]:
    state = _library()
    lib, pcm = state["lib"], state["pcm"]
    if lib.espeak_SetVoiceByName(voice) != 0:
        raise SpeechError(f"espeak-ng has no voice `{voice.decode()}`")
    lib.espeak_SetParameter(RATE, words_per_minute, 0)
    pcm.clear()
    data = text.encode() + b"\0"
    lib.espeak_Synth(data, len(data), 0, 0, 0, UTF8, None, None)
    lib.espeak_Synchronize()
    return bytes(pcm), state["rate"]


def _switches(word: str, voice: bytes) -> bool:
    """Whether espeak-ng reads the word with another language: its phonemes say "(en)"."""
    lib = _library()["lib"]
    if lib.espeak_SetVoiceByName(voice) != 0:
        raise SpeechError(f"espeak-ng has no voice `{voice.decode()}`")
    lib.espeak_TextToPhonemes.restype = ctypes.c_char_p
    lib.espeak_TextToPhonemes.argtypes = [
        ctypes.POINTER(ctypes.c_char_p),
        ctypes.c_int,
        ctypes.c_int,
    ]
    text = ctypes.c_char_p(word.encode() + b"\0")
    phonemes = lib.espeak_TextToPhonemes(ctypes.byref(text), UTF8, 0) or b""
    return b"(" in phonemes

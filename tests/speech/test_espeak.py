from pathlib import Path

from trainer.speech import mp3
from trainer.speech.engines import Voices
from trainer.speech.espeak import Espeak

SENTENCE = "Mở ứng dụng vê nê ai đi, bấm đăng nhập, rồi nhập mật khẩu của bạn."


def test_the_offline_voice_speaks_vietnamese_into_a_small_mono_mp3():
    data = Espeak(bitrate=24).speak(SENTENCE, "vi", 1.0)

    stream = mp3.info(data).info
    assert stream.channels == 1
    assert stream.bitrate == 24000
    assert 2.5 < stream.length < 8  # sixteen words at a normal pace
    assert 2400 <= len(data) / stream.length <= 3500  # 24-35 KB per 10 seconds


def test_the_slow_version_lasts_about_a_quarter_longer():
    voice = Espeak()

    normal = mp3.seconds(voice.speak(SENTENCE, "vi", 1.0))
    slow = mp3.seconds(voice.speak(SENTENCE, "vi", 0.8))

    assert 1.1 < slow / normal < 1.45


def test_there_is_no_offline_voice_for_hmong(tmp_path: Path):
    voices = Voices([Espeak()], tmp_path)

    assert voices.synthesize("Nyob zoo", "hmn") is None
    assert list(tmp_path.iterdir()) == []


def test_the_offline_voice_names_the_words_it_would_read_with_english_rules():
    voice = Espeak()

    assert voice.foreign_words("Mở CH Play, giữ nút micro.", "vi") == ["Play", "micro"]
    assert voice.foreign_words("Mở xê hát pờ lây, giữ nút mi cờ rô.", "vi") == []

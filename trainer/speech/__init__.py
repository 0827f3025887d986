"""Speech: turning lesson text into small MP3 files, offline first.

`text` makes speech-ready text, `engines` tries the voices in the configured order
(`espeak` offline, `google` when the network allows) and caches by content hash, `mp3`
encodes and measures. Nothing here imports Flask or SQLAlchemy.
"""

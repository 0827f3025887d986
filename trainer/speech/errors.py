"""What can go wrong when a voice speaks."""


class SpeechError(Exception):
    """This engine could not say this text; the next engine may."""


class EngineDown(SpeechError):
    """This engine cannot work now (no network, library missing): skip it for the whole build."""

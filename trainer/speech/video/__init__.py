"""A lesson as a short portrait video for a Zalo group: cards, pictures, captions, voice.

`plan` decides what is shown when (timed to each part's narration) and names the file by a
hash of everything in it; `captions` wraps words into caption lines and writes WebVTT;
`stills` draws each screen once (Pillow, pictures rasterised by resvg in Be Vietnam Pro);
`encode` has FFmpeg turn the stills and the clips into H.264 + AAC; `maker` writes each
video once; `jobs` makes them one at a time for a server; `stage` for `trainer build`.
"""

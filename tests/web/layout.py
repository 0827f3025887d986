"""What a reader sees, measured in the real browser: words broken across lines, things off
the screen, one thing covering another's text. Each returns what is wrong (empty is right)."""

from __future__ import annotations

from pathlib import Path

CONTENT = Path(__file__).resolve().parents[1] / "data" / "content"
# A 360 × 640 phone, and the same phone at 200 % zoom: a 180 CSS px layout drawn at 2×.
SCREENS = {
    "phone": ({"width": 360, "height": 640}, 1),
    "phone at 200 %": ({"width": 180, "height": 320}, 2),
}

# Every word of every label (links, buttons, summaries, form labels), drawn on one line:
# a word's characters whose boxes sit on two lines were broken inside the word.
BROKEN_LABEL_WORDS = """() => {
  const labels = document.querySelectorAll('a, button, summary, label, legend');
  const broken = [];
  for (const label of labels) {
    if (!label.checkVisibility() || label.getBoundingClientRect().width <= 1) continue;  // hidden
    const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement.checkVisibility()) continue;
      for (const word of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const rects = [...range.getClientRects()].filter(r => r.width > 0);
        const lines = rects.map(r => r.top).filter((top, i, all) =>
          all.findIndex(other => Math.abs(other - top) < 4) === i);
        if (lines.length > 1) broken.push(label.textContent.trim().replace(/\\s+/g, ' '));
      }
    }
  }
  return [...new Set(broken)];
}"""

# Everything drawn lies between the screen's left and right edges, and the page itself
# does not scroll sideways.
OFF_SCREEN = """() => {
  const width = document.documentElement.clientWidth;
  const wrong = [];
  if (document.documentElement.scrollWidth > width) {
    wrong.push(`page is ${document.documentElement.scrollWidth} px wide on a ${width} px screen`);
  }
  for (const el of document.body.querySelectorAll('*')) {
    if (!el.checkVisibility()) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.left < -0.5 || box.right > width + 0.5) {
      const name = `${el.tagName.toLowerCase()}.${el.className}`;
      wrong.push(`${name}: ${Math.round(box.left)}..${Math.round(box.right)}`);
    }
  }
  return wrong;
}"""

# No line of text under `selector` shares a point of the screen with the element `cover`.
TEXT_UNDER = """([cover, selector]) => {
  const bar = document.querySelector(cover).getBoundingClientRect();
  const under = [];
  for (const root of document.querySelectorAll(selector)) {
    if (!root.checkVisibility()) continue;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.data.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        if (r.right > bar.left && r.left < bar.right && r.bottom > bar.top && r.top < bar.bottom) {
          under.push(node.data.trim().slice(0, 40));
        }
      }
    }
  }
  return under;
}"""


def broken_label_words(page) -> list[str]:
    """Labels on the page with a word broken across two lines."""
    return page.evaluate(BROKEN_LABEL_WORDS)


def off_screen(page) -> list[str]:
    """Elements reaching past the screen's sides, and sideways scrolling."""
    return page.evaluate(OFF_SCREEN)


def text_under(page, cover: str, selector: str) -> list[str]:
    """Text inside `selector` that the element `cover` is drawn over."""
    return page.evaluate(TEXT_UNDER, [cover, selector])


def open_every_panel(page) -> None:
    """Open every <details>, as a reader tapping each control would."""
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")


def build_voiced(out: Path) -> Path:
    """Build the test lessons with audio from the offline voice into out."""
    from trainer.content.build import build
    from trainer.speech.stage import audio_stage

    build(CONTENT, out, [audio_stage({"CONTENT_DIR": str(CONTENT), "SPEECH_ENGINES": "espeak"})])
    return out

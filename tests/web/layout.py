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

# Every word of every label (links, buttons, summaries, form labels, table headings), drawn
# on one line: a word's characters whose boxes sit on two lines were broken inside the word.
# A word wider than its label's whole line (a long web address) has to break, so it may.
BROKEN_LABEL_WORDS = """() => {
  const labels = document.querySelectorAll('a, button, summary, label, legend, th');
  const broken = [];
  for (const label of labels) {
    if (!label.checkVisibility() || label.getBoundingClientRect().width <= 1) continue;  // hidden
    const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement.checkVisibility()) continue;
      // A word ends at a space, or just after a hyphen or slash, where lines may break.
      for (const word of node.data.matchAll(/[^\\s\\-\\/]+[\\-\\/]?|[\\-\\/]/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const rects = [...range.getClientRects()].filter(r => r.width > 0);
        const lines = rects.map(r => r.top).filter((top, i, all) =>
          all.findIndex(other => Math.abs(other - top) < 4) === i);
        const wide = rects.reduce((sum, r) => sum + r.width, 0);
        const style = getComputedStyle(label);
        const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
        const line = label.clientWidth - padding;
        if (lines.length > 1 && wide <= line) {
          broken.push(label.textContent.trim().replace(/\\s+/g, ' '));
        }
      }
    }
  }
  return [...new Set(broken)];
}"""

# Everything drawn lies between the screen's left and right edges, and the page itself
# does not scroll sideways. A wide table may scroll inside its own box that fits the screen.
OFF_SCREEN = """() => {
  const width = document.documentElement.clientWidth;
  const wrong = [];
  if (document.documentElement.scrollWidth > width) {
    wrong.push(`page is ${document.documentElement.scrollWidth} px wide on a ${width} px screen`);
  }
  const scrolls = el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  for (const el of document.body.querySelectorAll('*')) {
    if (!el.checkVisibility()) continue;
    let holder = el.parentElement;
    while (holder && holder !== document.body && !scrolls(holder)) holder = holder.parentElement;
    if (holder && holder !== document.body) continue;  // inside a box that scrolls sideways
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


# Text its box cuts off: a box that hides what overflows it and holds more than it shows,
# and a drop-down whose chosen option is wider than the drop-down ("— C" for "— Chọn thôn").
CLIPPED_TEXT = """() => {
  const clipped = [];
  const name = el => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${el.className}`;
  for (const el of document.body.querySelectorAll('*')) {
    if (!el.checkVisibility() || el.clientWidth <= 1 || el.clientHeight <= 1) continue;
    if (el.closest('.visually-hidden, svg')) continue;
    const style = getComputedStyle(el);
    const hides = v => v === 'hidden' || v === 'clip';
    const text = el.textContent.trim();
    if (!text) continue;
    if ((hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1) ||
        (hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1) ||
        (style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1)) {
      clipped.push(`${name(el)}: «${text.slice(0, 30)}»`);
    }
  }
  const ruler = document.createElement('span');
  ruler.style.cssText = 'position:absolute;visibility:hidden;white-space:pre';
  document.body.append(ruler);
  // A drop-down given at least half the page's column may still be too narrow for a very
  // long name; one squeezed narrower than that, and too narrow for its choice, is wrong.
  const column = document.querySelector('main') || document.body;
  for (const select of document.querySelectorAll('select')) {
    if (!select.checkVisibility() || select.selectedIndex < 0) continue;
    if (select.getBoundingClientRect().width >= column.clientWidth / 2) continue;
    const style = getComputedStyle(select);
    ruler.style.font = style.font;
    ruler.textContent = select.options[select.selectedIndex].text;
    const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    const room = select.clientWidth - padding - 16;  // the arrow
    if (ruler.getBoundingClientRect().width > room) {
      clipped.push(`${name(select)}: «${ruler.textContent}»`);
    }
  }
  ruler.remove();
  return clipped;
}"""

# Every control a finger taps is at least 44 × 44 CSS px. A link inside running text is
# exempt (WCAG 2.5.8 exempts it too): it sits in a sentence, as a word among words.
SMALL_CONTROLS = r"""() => {
  const small = [];
  const controls = document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]');
  for (const el of controls) {
    if (!el.checkVisibility() || el.closest('.visually-hidden, .skip')) continue;
    const box = el.getBoundingClientRect();
    if (box.width <= 1 && box.height <= 1) continue;  // hidden until focused
    if (el.tagName === 'A' && getComputedStyle(el).display === 'inline') {
      const around = [...el.parentElement.childNodes].filter(n => n !== el)
        .map(n => n.textContent).join('').trim();
      if (around) continue;  // a link in a sentence
    }
    if (box.width < 43.5 || box.height < 43.5) {
      const label = (el.textContent || el.value || el.name || el.type || '').trim();
      const size = `${Math.round(box.width)}×${Math.round(box.height)}`;
      small.push(`${el.tagName.toLowerCase()} «${label.slice(0, 30)}» ${size}`);
    }
  }
  return small;
}"""


def clipped_text(page) -> list[str]:
    """Text that its box or drop-down cuts off."""
    return page.evaluate(CLIPPED_TEXT)


def small_controls(page) -> list[str]:
    """Controls smaller than 44 × 44 CSS px, links in running text aside."""
    return page.evaluate(SMALL_CONTROLS)


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

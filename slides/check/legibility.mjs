// What the lecture hall sees: font sizes and overflow on the current slide, measured in the page
// (MEASURE runs in the browser), and the smallest label of a PlantUML diagram (read from its SVG).
import { readFileSync } from 'node:fs';

/**
 * On the current slide: the font size, in CSS pixels on the screen, of every element of a code
 * block or table that holds text; for each SVG image its shown width over its natural width; and
 * what overflows: content outside the slide, a code line wider than its box, a table wider than
 * the slide.
 */
export function MEASURE() {
  const scale = Reveal.getScale();
  const slide = Reveal.getCurrentSlide();
  const title = (slide.querySelector('h1, h2, h3') || slide).textContent.trim().slice(0, 50);
  const visible = (el) => !el.closest('aside.notes') && el.getClientRects().length > 0;
  const hasText = (el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
  const sizes = [];
  for (const el of slide.querySelectorAll('pre, pre *, table, table *')) {
    if (!visible(el) || !hasText(el)) continue;
    sizes.push({ kind: el.closest('pre') ? 'code' : 'table', text: el.textContent.trim().slice(0, 40),
      px: parseFloat(getComputedStyle(el).fontSize) * scale });
  }
  for (const img of slide.querySelectorAll('img')) {
    if (!visible(img) || !/\.svg$/i.test(img.getAttribute('src'))) continue;
    // object-fit: contain - the picture is scaled by the smaller of the two ratios.
    const r = img.getBoundingClientRect();
    sizes.push({ kind: 'diagram', src: img.getAttribute('src'), ratio: Math.min(r.width / img.naturalWidth, r.height / img.naturalHeight) });
  }
  const overflow = [];
  const screen = document.querySelector('.reveal .slides').getBoundingClientRect();
  const box = { left: screen.left, top: screen.top,
    right: screen.left + Reveal.getConfig().width * scale, bottom: screen.top + Reveal.getConfig().height * scale };
  for (const el of slide.children) {
    if (!visible(el)) continue;
    const r = el.getBoundingClientRect();
    const out = r.top < box.top - 1 || r.bottom > box.bottom + 1 || r.left < box.left - 1 || r.right > box.right + 1;
    if (out) overflow.push(`"${el.textContent.trim().slice(0, 40)}" goes past the slide's edge (${Math.round(r.left)},${Math.round(r.top)} to ${Math.round(r.right)},${Math.round(r.bottom)})`);
  }
  for (const pre of slide.querySelectorAll('pre, pre > code')) {
    if (visible(pre) && pre.scrollWidth > pre.clientWidth + 1) {
      const longest = pre.textContent.split('\n').reduce((a, b) => (b.length > a.length ? b : a), '');
      overflow.push(`a code line is clipped: "${longest.trim()}"`);
    }
    if (visible(pre) && pre.scrollHeight > pre.clientHeight + 1) overflow.push(`a code block is cut at the bottom: "${pre.textContent.trim().slice(0, 40)}"`);
  }
  for (const table of slide.querySelectorAll('table')) {
    const r = table.getBoundingClientRect();
    if (visible(table) && (r.right > box.right + 1 || r.left < box.left - 1)) overflow.push(`a table is wider than the slide: "${table.textContent.trim().slice(0, 40)}"`);
  }
  return { title, sizes, overflow };
}

/** The smallest font-size of the SVG's text, and that text; null when it has none. */
export function smallestSvgFont(file) {
  let svg;
  try {
    svg = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  let smallest = null;
  for (const match of svg.matchAll(/<text\b([^>]*)>([^<]*)</g)) {
    const size = /font-size=['"]([\d.]+)(?:px)?['"]/.exec(match[1]) || /font-size:\s*([\d.]+)px/.exec(match[1]);
    if (!size) continue;
    const px = Number(size[1]);
    if (!smallest || px < smallest.size) smallest = { size: px, text: match[2].trim().slice(0, 40) };
  }
  return smallest;
}

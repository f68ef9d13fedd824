// Checks the built decks and writes their PDF handouts. Run from anywhere, after
// `./mvnw -q -Pslides -pl slides package`:
//   node slides/check/decks.mjs --print                 PDF handouts only
//   node slides/check/decks.mjs --check --print [--screenshots DIR]
// --check fails (exit 1) unless, for every deck: reveal.js starts with its notes plugin, every
// slide but the title has speaker notes, the page requests nothing but local files, every
// local file it asks for exists, no code line is wider than its box,
// no slide is taller than the screen, every included excerpt matches its source, and
// index.html links every deck.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Browser } from './browser.mjs';
import { codeBlocksOf, excerptsOf, shows } from './excerpts.mjs';

const SLIDES = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = resolve(SLIDES, '..');
const DECKS = join(SLIDES, 'src', 'decks');
const BUILT = join(SLIDES, 'target', 'slides');
const LOCAL = /^(file|data|blob|about):/;

const args = process.argv.slice(2);
const wantCheck = args.includes('--check');
const wantPrint = args.includes('--print');
const shotsAt = args.includes('--screenshots') ? resolve(args[args.indexOf('--screenshots') + 1]) : null;

const problems = [];
let speakerViewSeen = false;
const problem = (text) => problems.push(text);

function deckNames() {
  if (!existsSync(join(BUILT, 'index.html'))) {
    console.error('error: no decks in slides/target/slides - build them first: '
      + './mvnw -q -Pslides -pl slides package');
    process.exit(1);
  }
  // A deck is src/decks/NAME.adoc; files starting with _ are partials and templates.
  return readdirSync(DECKS).filter((f) => f.endsWith('.adoc') && !f.startsWith('_'))
    .map((f) => basename(f, '.adoc')).sort();
}

/** Every deck is linked from index.html, and every page the index links exists. */
function checkIndex(names) {
  const html = readFileSync(join(BUILT, 'index.html'), 'utf8');
  const links = new Set([...html.matchAll(/href="([^":#?]+\.html)"/g)].map((m) => m[1]));
  for (const name of names) {
    if (!links.has(`${name}.html`)) problem(`index.html: no link to ${name}.html (add it to src/index/index.adoc)`);
  }
  for (const link of links) {
    if (!existsSync(join(BUILT, link))) problem(`index.html links ${link}, which was not built`);
  }
}

/** What the built files would load from the network: script/img src, link href, CSS url()/@import. */
function checkNoRemoteReferences() {
  const loaders = [
    /<(?:script|img|iframe|source|video|audio|embed|object)\b[^>]*?\b(?:src|data)\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi,
    /<link\b[^>]*?\bhref\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi,
    /url\(\s*["']?((?:https?:)?\/\/[^"')\s]+)/gi,
    /@import\s+["']((?:https?:)?\/\/[^"']+)/gi,
  ];
  let files = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(html|css|svg)$/.test(entry.name)) {
        files++;
        // Comments load nothing: the default stylesheet mentions a web font in one.
        const text = readFileSync(path, 'utf8')
          .replace(/\/\*[\s\S]*?\*\//g, '').replace(/<!--[\s\S]*?-->/g, '');
        for (const loader of loaders) {
          for (const match of text.matchAll(loader)) {
            problem(`${path.slice(BUILT.length + 1)} loads ${match[1]} from the network`);
          }
        }
      }
    }
  };
  walk(BUILT);
  return files;
}

/** Each excerpt included by a deck shows, line for line, in that deck's HTML. */
function checkExcerpts(names) {
  const attributes = { rootdir: ROOT, diagramsdir: join(SLIDES, 'src', 'diagrams') };
  let count = 0;
  for (const name of names) {
    const blocks = codeBlocksOf(readFileSync(join(BUILT, `${name}.html`), 'utf8'));
    let excerpts;
    try {
      excerpts = excerptsOf(join(DECKS, `${name}.adoc`), attributes);
    } catch (error) {
      problem(error.message);
      continue;
    }
    for (const excerpt of excerpts) {
      if (excerpt.target.endsWith('.puml')) continue; // a diagram, not a code excerpt
      count++;
      if (!shows(blocks, excerpt.text)) {
        problem(`${excerpt.where}: the excerpt from ${excerpt.target.slice(ROOT.length + 1)} `
          + `does not show as in its source in ${name}.html`);
      }
    }
  }
  return count;
}

async function checkInBrowser(browser, name) {
  const url = pathToFileURL(join(BUILT, `${name}.html`)).href;
  const { requests, failures } = await browser.open(url);
  if (!(await browser.waitFor(`!!document.querySelector('.reveal.ready')`))) {
    problem(`${name}.html: reveal.js did not start (no class "ready" on .reveal)`);
    return 0;
  }
  for (const request of requests.filter((r) => !LOCAL.test(r))) {
    problem(`${name}.html asked the network for ${request}`);
  }
  for (const failure of failures) problem(`${name}.html: could not load ${failure}`);
  // `s` opens the speaker view only when the notes plugin is there.
  if (!(await browser.evaluate(`Reveal.hasPlugin('notes')`))) {
    problem(`${name}.html: the speaker notes plugin did not load`);
  }
  const silent = await browser.evaluate(`Reveal.getSlides().slice(1)
    .filter(s => !s.querySelector('aside.notes'))
    .map(s => (s.querySelector('h1, h2, h3') || s).textContent.trim().slice(0, 60))`);
  for (const title of silent) problem(`${name}.html: the slide "${title}" has no speaker notes`);
  const total = await browser.evaluate('Reveal.getTotalSlides()');
  if (name === 'intro') {
    // One deck is enough to prove that `s` opens the speaker view, offline, with the notes.
    await browser.evaluate('Reveal.slide(1); true');
    const expected = await browser.evaluate(
      `Reveal.getCurrentSlide().querySelector('aside.notes').textContent.trim().split(/\\s+/).join(' ')`);
    const notes = await browser.speakerNotes();
    if (!notes || notes.split(/\s+/).join(' ') !== expected) {
      problem(`${name}.html: \`s\` opened no speaker view showing the slide's notes`);
    } else {
      speakerViewSeen = true;
    }
  }
  return total;
}

async function screenshots(browser, name) {
  mkdirSync(shotsAt, { recursive: true });
  await browser.evaluate(`Reveal.configure({ transition: 'none', backgroundTransition: 'none',
    controls: false, progress: true }); true`);
  const indices = await browser.evaluate(`Reveal.getSlides().map(s => Reveal.getIndices(s))`);
  let n = 0;
  for (const { h, v } of indices) {
    await browser.evaluate(`Reveal.slide(${h}, ${v}); new Promise(r =>
      requestAnimationFrame(() => requestAnimationFrame(r))).then(() => true)`);
    writeFileSync(join(shotsAt, `${name}-${String(++n).padStart(2, '0')}.png`), await browser.screenshot());
  }
}

/** Print view: one page per slide; also where code boxes too narrow for their lines show. */
async function printView(browser, name) {
  const url = pathToFileURL(join(BUILT, `${name}.html`)).href + '?print-pdf';
  await browser.open(url);
  const ready = await browser.waitFor(`document.querySelectorAll('.pdf-page').length > 0
    && document.querySelectorAll('.pdf-page').length === Reveal.getTotalSlides()`);
  if (!ready) {
    problem(`${name}.html?print-pdf: reveal.js did not lay out its print pages`);
    return null;
  }
  if (wantCheck) {
    const clipped = await browser.evaluate(`[...document.querySelectorAll('.reveal pre, .reveal pre > code')]
      .filter(p => p.scrollWidth > p.clientWidth + 1)
      .map(p => p.textContent.split('\\n').reduce((a, b) => b.length > a.length ? b : a, ''))`);
    for (const line of clipped) problem(`${name}.html: a code line is clipped: "${line.trim()}"`);
    const tooTall = await browser.evaluate(`[...document.querySelectorAll('.pdf-page > section')]
      .filter(s => s.scrollHeight > Reveal.getConfig().height)
      .map(s => (s.querySelector('h1, h2, h3') || s).textContent.trim().slice(0, 60))`);
    for (const title of tooTall) problem(`${name}.html: the slide "${title}" is taller than a slide`);
  }
  await new Promise((r) => setTimeout(r, 300)); // reveal's last layout pass after the pages
  return browser.pdf();
}

async function main() {
  const started = Date.now();
  const names = deckNames();
  let excerpts = 0;
  let files = 0;
  if (wantCheck) {
    checkIndex(names);
    files = checkNoRemoteReferences();
    excerpts = checkExcerpts(names);
  }
  let slides = 0;
  let pdfs = 0;
  const browser = await Browser.launch();
  try {
    for (const name of names) {
      if (wantCheck || shotsAt) slides += await checkInBrowser(browser, name);
      if (shotsAt) await screenshots(browser, name);
      if (wantPrint || wantCheck) {
        const pdf = await printView(browser, name);
        if (pdf && wantPrint) {
          writeFileSync(join(BUILT, `${name}.pdf`), pdf);
          pdfs++;
        }
      }
    }
  } finally {
    await browser.close();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  for (const text of problems) console.error(`error: ${text}`);
  const parts = [`${names.length} decks`];
  if (wantCheck) {
    parts.push(`${slides} slides`, speakerViewSeen ? 'speaker view opened' : 'no speaker view',
      `${excerpts} excerpts compared with their sources`,
      `${files} files scanned and every request watched for the network`);
  }
  if (wantPrint) parts.push(`${pdfs} PDFs`);
  if (shotsAt) parts.push(`screenshots in ${shotsAt}`);
  const verdict = problems.length ? `FAILED (${problems.length} problems)` : 'ok';
  console.log(`slides: ${verdict}: ${parts.join(', ')} (${seconds} s)`);
  process.exit(problems.length ? 1 : 0);
}

main().catch((error) => {
  console.error(`error: ${error.message}`);
  process.exit(1);
});

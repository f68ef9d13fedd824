// Checks the built decks and writes their PDF handouts. Run from anywhere, after
// `./mvnw -q -Pslides -pl slides package` (add -Dinstructor for the instructor's decks too):
//   node slides/check/decks.mjs --print                      PDF handouts only
//   node slides/check/decks.mjs --check --print [--screenshots DIR]
// Works on every build found in slides/target: slides/ (the lecture decks) and, when built,
// slides-instructor/ (the same decks with the solutions). --check fails (exit 1) unless, for every
// deck of every build: reveal.js starts with its notes plugin, every slide but the title has
// speaker notes, the page requests nothing but local files that exist, at 1920x1080 every code
// block, table and diagram label is at least MIN_PX pixels high and no slide overflows the
// screen, every included excerpt matches its source and every quote stands in its file, and
// index.html links every deck; every exercise of a step's exercises.txt has a contract slide in
// its deck, and a solution slide in the instructor build. The lecture build must not show a
// solution: no excerpt or quote from inside a solution region, and none of a region's distinctive
// lines anywhere in its HTML; in the instructor build, every slide that shows a solution is marked
// as one.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch } from './chromium.mjs';
import { codeBlocksOf, decode, excerptsOf, quoteLines, shows } from './excerpts.mjs';
import { MEASURE, smallestSvgFont } from './legibility.mjs';
import { normalize, regionAt, solutionsOf } from './solutions.mjs';

/** The smallest font a code block, table or diagram label may have, in CSS pixels at 1920x1080. */
const MIN_PX = 28;
const SLIDES = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = resolve(SLIDES, '..');
const DECKS = join(SLIDES, 'src', 'decks');
const BUILDS = [
  { name: 'lecture', dir: join(SLIDES, 'target', 'slides'), attributes: {}, pdf: (deck) => `${deck}.pdf` },
  { name: 'instructor', dir: join(SLIDES, 'target', 'slides-instructor'), attributes: { solutions: '' },
    pdf: (deck) => `${deck}-instructor.pdf` },
];
const LOCAL = /^(file|data|blob|about):/;

const args = process.argv.slice(2);
const wantCheck = args.includes('--check');
const wantPrint = args.includes('--print');
const shotsAt = args.includes('--screenshots') ? resolve(args[args.indexOf('--screenshots') + 1]) : null;

const problems = [];
const problem = (text) => problems.push(text);
const stats = { slides: 0, exercises: 0, excerpts: 0, quotes: 0, files: 0, pdfs: 0, secrets: 0, speakerView: false };
let smallest = { px: Infinity };

function deckNames() {
  // A deck is src/decks/NAME.adoc; files starting with _ are partials and templates.
  return readdirSync(DECKS).filter((f) => f.endsWith('.adoc') && !f.startsWith('_'))
    .map((f) => basename(f, '.adoc')).sort();
}

/** Every deck is linked from index.html, and every page the index links exists. */
function checkIndex(build, names) {
  const html = readFileSync(join(build.dir, 'index.html'), 'utf8');
  const links = new Set([...html.matchAll(/href="([^":#?]+\.html)"/g)].map((m) => m[1]));
  for (const name of names) {
    if (!links.has(`${name}.html`)) problem(`${build.name}: index.html has no link to ${name}.html (add it to src/index/index.adoc)`);
  }
  for (const link of links) {
    if (!existsSync(join(build.dir, link))) problem(`${build.name}: index.html links ${link}, which was not built`);
  }
}

/** What the built files would load from the network: script/img src, link href, CSS url()/@import. */
function checkNoRemoteReferences(build) {
  const loaders = [
    /<(?:script|img|iframe|source|video|audio|embed|object)\b[^>]*?\b(?:src|data)\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi,
    /<link\b[^>]*?\bhref\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi,
    /url\(\s*["']?((?:https?:)?\/\/[^"')\s]+)/gi,
    /@import\s+["']((?:https?:)?\/\/[^"']+)/gi,
  ];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(html|css|svg)$/.test(entry.name)) {
        stats.files++;
        // Comments load nothing: the default stylesheet mentions a web font in one.
        const text = readFileSync(path, 'utf8')
          .replace(/\/\*[\s\S]*?\*\//g, '').replace(/<!--[\s\S]*?-->/g, '');
        for (const loader of loaders) {
          for (const match of text.matchAll(loader)) {
            problem(`${relative(SLIDES, path)} loads ${match[1]} from the network`);
          }
        }
      }
    }
  };
  walk(build.dir);
}

/**
 * Each excerpt included by a deck shows, line for line, in that deck's HTML; each quote stands in
 * its file. Where a solution region is concerned: never in the lecture build, and only on a slide
 * marked `[.solution]` in the instructor build.
 */
function checkExcerpts(build, names, regions) {
  const attributes = { rootdir: ROOT, diagramsdir: join(SLIDES, 'src', 'diagrams'), ...build.attributes };
  for (const name of names) {
    const blocks = codeBlocksOf(readFileSync(join(build.dir, `${name}.html`), 'utf8'));
    let excerpts;
    try {
      excerpts = excerptsOf(join(DECKS, `${name}.adoc`), attributes);
    } catch (error) {
      problem(error.message);
      continue;
    }
    for (const excerpt of excerpts) {
      if (excerpt.target.endsWith('.puml')) continue; // a diagram, not a code excerpt
      const from = relative(ROOT, excerpt.target);
      let numbers;
      if (excerpt.kind === 'quote') {
        stats.quotes++;
        numbers = quoteLines(excerpt.text, readFileSync(excerpt.target, 'utf8'));
        if (!numbers) problem(`${excerpt.where}: the quote's lines do not stand, one after another, in ${from} - copy them again`);
      } else {
        stats.excerpts++;
        numbers = excerpt.lines.map((l) => l.n);
        if (!shows(blocks, excerpt.text)) {
          problem(`${excerpt.where}: the excerpt from ${from} does not show as in its source in ${build.name}/${name}.html`);
        }
      }
      const region = (numbers || []).map((n) => regionAt(regions, excerpt.target, n)).find(Boolean);
      if (!region) continue;
      if (build.name === 'lecture') {
        problem(`${excerpt.where}: the lecture decks show solution-${region.id} (${from}:${region.from}-${region.to}) `
          + 'on the slide "' + excerpt.slide.title + '" - put it inside ifdef::solutions[], on a [.solution] slide');
      } else if (!excerpt.slide.roles.includes('solution')) {
        problem(`${excerpt.where}: the slide "${excerpt.slide.title}" shows solution-${region.id} but is not marked [.solution]`);
      }
    }
  }
}

/** The exercise ids of a step deck (`stepN`), read from its module's exercises.txt; null for other decks. */
function exercisesOf(name) {
  const step = /^step(\d+)$/.exec(name);
  if (!step) return null;
  const module = readdirSync(ROOT).find((dir) => dir.startsWith(`step${step[1]}-`));
  const file = module && join(ROOT, module, 'src', 'test', 'resources', 'exercises.txt');
  if (!file || !existsSync(file)) return null;
  // Exercise lines only (`ID | points | title | hint`): not comments, nor a directive like `step: bonus`.
  return readFileSync(file, 'utf8').split('\n').filter((line) => /^\s*\d+\.\d+\s*\|/.test(line))
    .map((line) => line.split('|')[0].trim());
}

/**
 * Every exercise of a step's exercises.txt has a contract slide in that step's deck (titled
 * "... (exercise N.k)", not a solution, with a [.contract] list) and, in the instructor build, at
 * least one solution slide; no slide names an exercise that exercises.txt does not have.
 */
function checkExerciseSlides(build, names) {
  for (const name of names) {
    const ids = exercisesOf(name);
    if (!ids) continue;
    const html = readFileSync(join(build.dir, `${name}.html`), 'utf8');
    const slides = html.split(/(?=<section\b)/).slice(1).map((part) => ({
      solution: /^<section\b[^>]*\bclass="[^"]*\bsolution\b/.test(part),
      contract: /class="[^"]*\bcontract\b/.test(part),
      title: decode((/<h2>([\s\S]*?)<\/h2>/.exec(part)?.[1] || '').replace(/<[^>]+>/g, '')),
    }));
    const exercise = (slide) => /\(exercise (\d+\.\d+)\)\s*$/.exec(slide.title)?.[1];
    const label = `${build.name}/${name}.html`;
    for (const id of ids) {
      if (!slides.some((s) => !s.solution && s.contract && exercise(s) === id)) {
        problem(`${label}: no contract slide for exercise ${id} (a slide titled "... (exercise ${id})" with a [.contract] list)`);
      }
      if (build.name === 'instructor' && !slides.some((s) => s.solution && exercise(s) === id)) {
        problem(`${label}: no [.solution] slide for exercise ${id}`);
      }
    }
    for (const slide of slides.filter((s) => exercise(s) && !ids.includes(exercise(s)))) {
      problem(`${label}: the slide "${slide.title}" names exercise ${exercise(slide)}, which is not in exercises.txt`);
    }
    stats.exercises += build.name === 'lecture' ? ids.length : 0;
  }
}

/** The lecture build, every file's text: none of a solution region's distinctive lines in it. */
function checkNoSolutionText(build, distinctive) {
  const walk = (dir, found = []) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, found);
      else if (/\.(html|svg)$/.test(entry.name)) found.push(path);
    }
    return found;
  };
  for (const file of walk(build.dir)) {
    const html = readFileSync(file, 'utf8');
    // Rouge cuts a code line into spans (tags go, nothing in between); prose puts tags between
    // words (tags become spaces): look in both readings.
    const text = normalize(decode(html.replace(/<[^>]+>/g, ' ')));
    const squeezed = normalize(decode(html.replace(/<[^>]+>/g, '')));
    for (const [line, where] of distinctive) {
      stats.secrets++;
      if (text.includes(line) || squeezed.includes(line)) {
        problem(`${relative(SLIDES, file)} shows a line of ${where}: '${line}'`);
      }
    }
  }
}

async function open(page, url) {
  const requests = [];
  const failures = [];
  const onRequest = (request) => requests.push(request.url());
  const onFailure = (request) => failures.push(`${request.url()}: ${request.failure()?.errorText}`);
  page.on('request', onRequest);
  page.on('requestfailed', onFailure);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 30000 });
    await page.waitForFunction(() => document.querySelector('.reveal.ready'), null, { timeout: 20000 });
    await page.waitForTimeout(300); // late requests: fonts, lazy images, plugins
    return { requests, failures, ready: true };
  } catch {
    return { requests, failures, ready: false };
  } finally {
    page.off('request', onRequest);
    page.off('requestfailed', onFailure);
  }
}

/** `s` opens the speaker view: it must show the current slide's notes. */
async function checkSpeakerView(context, page, label) {
  await page.evaluate(() => Reveal.slide(1));
  const expected = await page.evaluate(() => Reveal.getCurrentSlide().querySelector('aside.notes')
    .textContent.trim().split(/\s+/).join(' '));
  try {
    const [view] = await Promise.all([context.waitForEvent('page', { timeout: 15000 }), page.keyboard.press('s')]);
    const handle = await view.waitForFunction(() => document.title.includes('Speaker View')
      && document.querySelector('.speaker-controls-notes .value')?.textContent.trim(), null, { timeout: 15000 });
    const notes = (await handle.jsonValue()).split(/\s+/).join(' ');
    await view.close();
    if (notes === expected) {
      stats.speakerView = true;
      return;
    }
  } catch {
    // no speaker view: reported below
  }
  problem(`${label}: \`s\` opened no speaker view showing the slide's notes`);
}

/** Every slide at 1920x1080: font sizes, overflow; a screenshot of each when asked. */
async function measureSlides(page, build, name, label) {
  await page.evaluate(() => Reveal.configure({ transition: 'none', backgroundTransition: 'none', controls: false }));
  const indices = await page.evaluate(() => Reveal.getSlides().map((s) => Reveal.getIndices(s)));
  let n = 0;
  for (const { h, v } of indices) {
    n++;
    await page.evaluate(([x, y]) => new Promise((done) => {
      Reveal.slide(x, y);
      requestAnimationFrame(() => requestAnimationFrame(done));
    }), [h, v]);
    const found = await page.evaluate(MEASURE);
    const where = `${label} slide ${n} "${found.title}"`;
    for (const text of found.overflow) problem(`${where}: ${text}`);
    for (const item of found.sizes) {
      let px = item.px;
      let what = `${item.kind} "${item.text}"`;
      if (item.kind === 'diagram') {
        const svg = smallestSvgFont(join(build.dir, decodeURIComponent(item.src)));
        if (!svg) continue;
        px = svg.size * item.ratio;
        what = `diagram label "${svg.text}" (${basename(item.src)})`;
      }
      if (px < smallest.px) smallest = { px, where: `${where}: ${what}` };
      if (px < MIN_PX - 0.05) problem(`${where}: ${what} is ${px.toFixed(1)} px high; at least ${MIN_PX} px`);
    }
    if (shotsAt) {
      const dir = join(shotsAt, build.name);
      mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: join(dir, `${name}-${String(n).padStart(2, '0')}.png`) });
    }
  }
  return indices.length;
}

async function checkDeck(context, page, build, name) {
  const label = `${build.name}/${name}.html`;
  const url = pathToFileURL(join(build.dir, `${name}.html`)).href;
  const { requests, failures, ready } = await open(page, url);
  for (const request of requests.filter((r) => !LOCAL.test(r))) problem(`${label} asked the network for ${request}`);
  for (const failure of failures) problem(`${label}: could not load ${failure}`);
  if (!ready) {
    problem(`${label}: reveal.js did not start (no class "ready" on .reveal)`);
    return;
  }
  if (!(await page.evaluate(() => Reveal.hasPlugin('notes')))) problem(`${label}: the speaker notes plugin did not load`);
  const silent = await page.evaluate(() => Reveal.getSlides().slice(1)
    .filter((s) => !s.querySelector('aside.notes'))
    .map((s) => (s.querySelector('h1, h2, h3') || s).textContent.trim().slice(0, 60)));
  for (const title of silent) problem(`${label}: the slide "${title}" has no speaker notes`);
  // One deck is enough to prove that `s` opens the speaker view, offline, with the notes.
  if (name === 'intro' && build.name === 'lecture') await checkSpeakerView(context, page, label);
  stats.slides += await measureSlides(page, build, name, label);
}

/** The PDF handout: reveal.js's print view, one slide per page, no notes. */
async function printDeck(page, build, name) {
  const label = `${build.name}/${name}.html?print-pdf`;
  await page.goto(pathToFileURL(join(build.dir, `${name}.html`)).href + '?print-pdf', { waitUntil: 'load' });
  try {
    await page.waitForFunction(() => document.querySelectorAll('.pdf-page').length > 0
      && document.querySelectorAll('.pdf-page').length === Reveal.getTotalSlides(), null, { timeout: 20000 });
  } catch {
    problem(`${label}: reveal.js did not lay out its print pages`);
    return;
  }
  await page.waitForTimeout(300); // reveal's last layout pass after the pages
  await page.pdf({ path: join(build.dir, build.pdf(name)), printBackground: true, preferCSSPageSize: true });
  stats.pdfs++;
}

async function main() {
  const started = Date.now();
  const names = deckNames();
  const builds = BUILDS.filter((b) => existsSync(join(b.dir, 'index.html')));
  if (!builds.some((b) => b.name === 'lecture')) {
    console.error('error: no decks in slides/target/slides - build them first: ./mvnw -q -Pslides -pl slides package');
    process.exit(1);
  }
  const { regions, distinctive } = solutionsOf(ROOT);
  if (wantCheck) {
    for (const build of builds) {
      checkIndex(build, names);
      checkNoRemoteReferences(build);
      checkExcerpts(build, names, regions);
      checkExerciseSlides(build, names);
      if (build.name === 'lecture') checkNoSolutionText(build, distinctive);
    }
  }
  const { browser, context, page } = await launch();
  try {
    for (const build of builds) {
      for (const name of names) {
        if (wantCheck || shotsAt) await checkDeck(context, page, build, name);
        if (wantPrint) await printDeck(page, build, name);
      }
    }
  } finally {
    await browser.close();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  for (const text of problems) console.error(`error: ${text}`);
  const parts = [`${builds.map((b) => b.name).join(' and ')} builds of ${names.length} decks`];
  if (wantCheck) {
    parts.push(`${stats.slides} slides at 1920x1080`,
      `smallest code/table/diagram text ${smallest.px.toFixed(1)} px (${smallest.where})`,
      stats.speakerView ? 'speaker view opened' : 'no speaker view',
      `${stats.exercises} exercises' contract (and solution) slides looked for`,
      `${stats.excerpts} excerpts and ${stats.quotes} quotes compared with their sources`,
      `${distinctive.size} solution lines looked for in the lecture build`,
      `${stats.files} files scanned and every request watched for the network`);
  }
  if (wantPrint) parts.push(`${stats.pdfs} PDFs`);
  if (shotsAt) parts.push(`screenshots in ${shotsAt}`);
  const verdict = problems.length ? `FAILED (${problems.length} problems)` : 'ok';
  console.log(`slides: ${verdict}: ${parts.join(', ')} (${seconds} s)`);
  process.exit(problems.length ? 1 : 0);
}

main().catch((error) => {
  console.error(`error: ${error.message}`);
  process.exit(1);
});

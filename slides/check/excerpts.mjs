// Re-extracts every code excerpt a deck includes (include::FILE[tag=...] or [lines=...]) the
// way Asciidoctor does, so the check can compare it with what the built HTML shows; and every
// quote (`// quote: PATH` right above a listing: lines typed on the slide that must stand, one
// after another, in PATH - an exercise's signature, say). Follows ifdef/ifndef/endif with the
// build's attributes, and notes the slide (its title and roles) each excerpt is on.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const INCLUDE = /^include::([^\[]+)\[(.*)\]\s*$/;
// Asciidoctor's tag directive: tag::NAME[] or end::NAME[], anywhere on a line.
const TAG_DIRECTIVE = /\b(tag|end)::(\S+?)\[\](?=$|[ \r])/;
const CONDITION = /^(ifdef|ifndef)::([\w-]+)\[\]\s*$/;

/**
 * Every excerpt and quote of deckFile, as { kind: 'excerpt'|'quote', where, target, slide, text,
 * lines: [{ n, text }] }; partials (.adoc) are followed. `attributes` holds the build's
 * attributes (rootdir, diagramsdir, and `solutions` in the instructor build).
 */
export function excerptsOf(deckFile, attributes) {
  const found = [];
  const state = { slide: { title: '(title slide)', roles: [] }, roles: [] };
  collect(deckFile, { ...attributes, docdir: dirname(deckFile) }, found, state);
  return found;
}

function collect(file, attributes, found, state) {
  const lines = readFileSync(file, 'utf8').split('\n');
  let inComment = false;
  let listing = null; // the open listing block: { quote, lines }
  let quote = null; // the PATH of a `// quote: PATH` line waiting for its listing
  const skipping = []; // one entry per open ifdef/ifndef: true when its content is left out
  lines.forEach((line, index) => {
    const where = `${file}:${index + 1}`;
    const condition = CONDITION.exec(line);
    if (!inComment && !listing && condition) {
      const defined = condition[2] in attributes;
      skipping.push(condition[1] === 'ifdef' ? !defined : defined);
      return;
    }
    if (!inComment && !listing && /^endif::[\w-]*\[\]\s*$/.test(line)) {
      skipping.pop();
      return;
    }
    if (skipping.includes(true)) return;
    if (line.trim() === '////') {
      inComment = !inComment;
      return;
    }
    if (inComment) return;
    // Code shows in listing blocks (---- or ....); an include elsewhere is not an excerpt.
    if (/^(-{4,}|\.{4,})\s*$/.test(line)) {
      if (listing?.quote) {
        found.push({ kind: 'quote', where: listing.where, target: listing.quote, slide: state.slide,
          text: listing.lines.join('\n') });
      }
      listing = listing ? null : { quote, where, lines: [] };
      quote = null;
      return;
    }
    if (listing?.quote) {
      listing.lines.push(line);
      return;
    }
    const quoted = /^\/\/ quote: (\S+)\s*$/.exec(line);
    if (quoted && !listing) {
      quote = resolve(dirname(file), substitute(quoted[1], attributes, where));
      if (!existsSync(quote)) throw new Error(`${where}: quoted file not found: ${quote}`);
      return;
    }
    const roles = /^\[([^\]]*)\]\s*$/.exec(line);
    if (roles && !listing) state.roles = [...roles[1].matchAll(/\.([\w-]+)/g)].map((m) => m[1]);
    const heading = /^==\s+(.*)$/.exec(line);
    if (heading && !listing) {
      state.slide = { title: heading[1].trim(), roles: state.roles };
      state.roles = [];
      return;
    }
    if (line.trim() === '') return; // roles apply to the block right after them, blank lines aside
    if (!roles && !line.startsWith('//')) state.roles = [];
    const entry = /^:([\w-]+):\s*(.*)$/.exec(line);
    // Asciidoctor expands the references in a value when the entry is read: so does the check.
    if (entry) attributes[entry[1]] = expandKnown(entry[2], attributes);
    const include = INCLUDE.exec(line);
    if (!include) return;
    const target = resolve(dirname(file), substitute(include[1], attributes, where));
    if (target.endsWith('.adoc')) {
      collect(target, attributes, found, state);
      return;
    }
    if (!listing) return; // a table's data, say: not shown as code
    if (!existsSync(target)) throw new Error(`${where}: include file not found: ${target}`);
    const options = parseAttributes(include[2]);
    const picked = extract(readFileSync(target, 'utf8'), options, where);
    found.push({ kind: 'excerpt', where, target, slide: state.slide, lines: picked,
      text: picked.map((l) => l.text).join('\n') });
  });
}

/** The value with every reference to a known attribute expanded; unknown ones stay as written. */
function expandKnown(text, attributes) {
  return text.replace(/\{([\w-]+)\}/g, (whole, name) => (name in attributes ? attributes[name] : whole));
}

function substitute(text, attributes, where) {
  return text.replace(/\{([\w-]+)\}/g, (_, name) => {
    if (!(name in attributes)) throw new Error(`${where}: unknown attribute {${name}}`);
    return attributes[name];
  });
}

function parseAttributes(list) {
  const options = {};
  for (const match of list.matchAll(/([\w-]+)\s*=\s*("([^"]*)"|[^,]*)/g)) {
    options[match[1]] = match[3] ?? match[2].trim();
  }
  return options;
}

/** The lines Asciidoctor includes from source for these include options: [{ n, text }]. */
export function extract(source, options, where) {
  let lines = source.replace(/\r\n/g, '\n').split('\n').map((text, i) => ({ n: i + 1, text }));
  if (lines.at(-1).text === '') lines.pop();
  if (options.lines) {
    lines = selectLines(lines, options.lines);
  } else if (options.tag || options.tags) {
    lines = selectTags(lines, (options.tag || options.tags).split(/[;,]/), where);
  }
  if (options.indent !== undefined) {
    const texts = reindent(lines.map((l) => l.text), Number(options.indent));
    lines = lines.map((l, i) => ({ n: l.n, text: texts[i] }));
  }
  return lines;
}

function selectLines(lines, spec) {
  const picked = [];
  for (const range of spec.split(/[;,]/)) {
    const [from, to = from] = range.split('..').map(Number);
    const last = to === -1 ? lines.length : to;
    for (let n = from; n <= last && n <= lines.length; n++) picked.push(lines[n - 1]);
  }
  return picked;
}

function selectTags(lines, tags, where) {
  for (const tag of tags) {
    if (/[*!]/.test(tag)) throw new Error(`${where}: the check supports plain tag names only, not '${tag}'`);
  }
  const wanted = new Set(tags);
  const open = new Set();
  const picked = [];
  for (const line of lines) {
    const directive = TAG_DIRECTIVE.exec(line.text);
    if (directive) {
      // A directive line never shows; it opens or closes a region.
      if (directive[1] === 'tag') open.add(directive[2]);
      else open.delete(directive[2]);
      continue;
    }
    if ([...open].some((tag) => wanted.has(tag))) picked.push(line);
  }
  return picked;
}

/** Removes the indentation the lines share, then indents them by `indent` spaces. */
export function reindent(lines, indent = 0) {
  const widths = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)[0].length);
  const common = widths.length ? Math.min(...widths) : 0;
  return lines.map((l) => (l.trim() === '' ? '' : ' '.repeat(indent) + l.slice(common)));
}

/** The text of every <pre> block in html, tags removed and entities decoded. */
export function codeBlocksOf(html) {
  const blocks = [];
  for (const match of html.matchAll(/<pre\b[^>]*>([\s\S]*?)<\/pre>/g)) {
    blocks.push(decode(match[1].replace(/<[^>]+>/g, '')));
  }
  return blocks;
}

export function decode(text) {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** True when the excerpt's lines appear, in order and together, in one of the blocks. */
export function shows(blocks, excerpt) {
  const wanted = normalise(excerpt.split('\n'));
  if (wanted.length === 0) return false; // an empty excerpt is a mistake, not a match
  return blocks.some((block) => {
    const lines = block.split('\n').map((l) => l.trimEnd());
    for (let start = 0; start + wanted.length <= lines.length; start++) {
      const window = normalise(lines.slice(start, start + wanted.length));
      if (window.join('\n') === wanted.join('\n')) return true;
    }
    return false;
  });
}

function normalise(lines) {
  const trimmed = lines.map((l) => l.trimEnd());
  while (trimmed.length && trimmed[0] === '') trimmed.shift();
  while (trimmed.length && trimmed.at(-1) === '') trimmed.pop();
  return reindent(trimmed, 0);
}

/**
 * The source line numbers where a quote's lines stand, one after another, in source (indentation
 * aside; the last line may leave out the " {" that opens a method's body) - as test-support's
 * ReadmeQuotes does for a lesson; null when they do not.
 */
export function quoteLines(quote, source) {
  const wanted = normalise(quote.split('\n')).map((l) => l.trim());
  const lines = source.replace(/\r\n/g, '\n').split('\n').map((l) => l.trim());
  if (wanted.length === 0) return null;
  for (let start = 0; start + wanted.length <= lines.length; start++) {
    const fits = wanted.every((w, i) => lines[start + i] === w
      || (i === wanted.length - 1 && lines[start + i] === `${w} {`));
    if (fits) return wanted.map((_, i) => start + i + 1);
  }
  return null;
}

// Re-extracts every code excerpt a deck includes (include::FILE[tag=...] or [lines=...]) the
// way Asciidoctor does, so the check can compare it with what the built HTML shows.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const INCLUDE = /^include::([^\[]+)\[(.*)\]\s*$/;
// Asciidoctor's tag directive: tag::NAME[] or end::NAME[], anywhere on a line.
const TAG_DIRECTIVE = /\b(tag|end)::(\S+?)\[\](?=$|[ \r])/;

/** Every excerpt of deckFile: { deck, line, target, text }; partials (.adoc) are followed. */
export function excerptsOf(deckFile, attributes) {
  const found = [];
  collect(deckFile, { ...attributes, docdir: dirname(deckFile) }, deckFile, found);
  return found;
}

function collect(file, attributes, deck, found) {
  const lines = readFileSync(file, 'utf8').split('\n');
  let inComment = false;
  let inListing = false;
  lines.forEach((line, index) => {
    if (line.trim() === '////') {
      inComment = !inComment;
      return;
    }
    // Code shows in listing blocks (---- or ....); an include elsewhere is not an excerpt.
    if (!inComment && /^(-{4,}|\.{4,})\s*$/.test(line)) {
      inListing = !inListing;
      return;
    }
    const entry = /^:([\w-]+):\s*(.*)$/.exec(line);
    // Asciidoctor expands the references in a value when the entry is read: so does the check.
    if (entry && !inComment) attributes[entry[1]] = expandKnown(entry[2], attributes);
    const include = INCLUDE.exec(line);
    if (!include || inComment) return; // not an include, or commented out
    const where = `${file}:${index + 1}`;
    const target = resolve(dirname(file), substitute(include[1], attributes, where));
    if (target.endsWith('.adoc')) {
      collect(target, attributes, deck, found);
      return;
    }
    if (!inListing) return; // a table's data, say: not shown as code
    if (!existsSync(target)) throw new Error(`${where}: include file not found: ${target}`);
    const options = parseAttributes(include[2]);
    const text = extract(readFileSync(target, 'utf8'), options, where);
    found.push({ deck, where, target, text });
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

/** The lines Asciidoctor includes from source for these include options, as one string. */
export function extract(source, options, where) {
  let lines = source.replace(/\r\n/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (options.lines) {
    lines = selectLines(lines, options.lines);
  } else if (options.tag || options.tags) {
    lines = selectTags(lines, (options.tag || options.tags).split(/[;,]/), where);
  }
  if (options.indent !== undefined) lines = reindent(lines, Number(options.indent));
  return lines.join('\n');
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
    const directive = TAG_DIRECTIVE.exec(line);
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

function decode(text) {
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

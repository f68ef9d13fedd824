// The solution regions of the course (`// tag::solution-N.k[]` ... `// end::solution-N.k[]` in a
// step's src/main/java) and their distinctive lines: the same rule as the student edition's leak
// check (student-edition LeakCheck): a line of a region, 20 characters or more once its spaces
// are squeezed, that appears nowhere else in the course's Java code.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const DISTINCTIVE_LENGTH = 20;
const REGION = /^\s*\/\/\s*(tag|end)::solution-([\w.-]+)\[\]\s*$/;
const TAG_LINE = /^\/\/\s*(tag|end)::.*\[\]$/;

export const normalize = (line) => line.trim().replace(/\s+/g, ' ');

function javaFiles(dir, found = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['target', 'node_modules', '.git'].includes(entry.name) || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) javaFiles(path, found);
    else if (entry.name.endsWith('.java')) found.push(path);
  }
  return found;
}

/**
 * Every region of the course under root: { id, file, from, to } (1-based line numbers of the tag
 * lines), and the distinctive lines: Map normalized line -> "solution-N.k (file:line)".
 */
export function solutionsOf(root) {
  const regions = [];
  const inside = new Map(); // normalized line -> where, for lines inside a region
  const outside = new Set();
  for (const file of javaFiles(root)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    let open = null;
    lines.forEach((line, index) => {
      const tag = REGION.exec(line);
      if (tag && tag[1] === 'tag') {
        open = { id: tag[2], file, from: index + 1 };
      } else if (tag && open) {
        regions.push({ ...open, to: index + 1 });
        open = null;
      } else if (open) {
        const text = normalize(line);
        const where = `solution-${open.id} (${relative(root, file)}:${index + 1})`;
        if (text.length >= DISTINCTIVE_LENGTH && !TAG_LINE.test(text) && !inside.has(text)) inside.set(text, where);
      } else {
        outside.add(normalize(line));
      }
    });
  }
  const distinctive = new Map([...inside].filter(([text]) => !outside.has(text)));
  return { regions, distinctive };
}

/** The region of `file` that line number `n` lies in, or undefined. */
export function regionAt(regions, file, n) {
  return regions.find((r) => r.file === file && r.from < n && n < r.to);
}

// Fails when Baton's source has an import cycle between files or between folders (src/<folder>,
// each feature its own folder). Type-only imports are left out: they vanish when the types are
// stripped. Run by `npm run lint` (decision 0012).
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** The files a file imports at run time (static and dynamic imports of relative paths). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  const patterns = [
    /^\s*import\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"](\.[^'"]+)['"]/gm,
    /^\s*export\s+(?!type\b)[^'";]*?\sfrom\s+['"](\.[^'"]+)['"]/gm,
  ];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.push(path.resolve(path.dirname(file), match[1]!));
  return found;
}

/** Strongly connected components with more than one member (Tarjan). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, indices.get(next)!));
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return found;
}

const files = sourceFiles(src);
const fileGraph = new Map(files.map((file) => [file, new Set(importsOf(file).filter((target) => target.startsWith(src)))]));
/** A file's folder: src/<top>/ (and src/features/<feature>/ as its own folder). */
const folderOf = (file: string) => {
  const parts = path.relative(src, file).split(path.sep);
  return parts.length === 1 ? '.' : parts[0] === 'features' && parts.length > 2 ? `features/${parts[1]}` : parts[0]!;
};
const folderGraph = new Map<string, Set<string>>();
for (const [file, targets] of fileGraph) {
  const from = folderOf(file);
  const edges = folderGraph.get(from) ?? new Set<string>();
  for (const target of targets) if (folderOf(target) !== from) edges.add(folderOf(target));
  folderGraph.set(from, edges);
}

const fileCycles = cycles(fileGraph).map((c) => c.map((f) => path.relative(root, f)));
const folderCycles = cycles(folderGraph);
for (const cycle of fileCycles) console.error(`Import cycle between files: ${cycle.join(' ↔ ')}`);
for (const cycle of folderCycles) console.error(`Import cycle between folders: ${cycle.join(' ↔ ')}`);
if (fileCycles.length || folderCycles.length) process.exit(1);
console.log(`No import cycles between the ${files.length} files, nor the ${folderGraph.size} folders, of src/.`);

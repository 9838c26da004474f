import * as fs from 'fs';
import * as path from 'path';
import { errorSummary, LoadProblem } from './loaded';

/** Extensions read when a folder is given; files named explicitly are read whatever their name. */
const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/**
 * The files to read for the given paths: files as given, folders walked recursively in name
 * order for manifest extensions, each file once. What cannot be listed or read is added to `problems`.
 */
export function findManifestFiles(paths: readonly string[], problems: LoadProblem[]): string[] {
  // A file reached twice (a folder and a file in it, a repeated argument, a link to it) is read once.
  const seen = new Set<string>();
  return paths.flatMap((input) => (input === STDIN ? [STDIN] : expandPath(input, problems))).filter((file) => {
    const key = file === STDIN ? STDIN : realPath(file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function expandPath(input: string, problems: LoadProblem[]): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(input);
  } catch (e) {
    problems.push({ file: input, message: describeFsError(e, 'cannot read'), fatal: true });
    return [];
  }
  if (stat.isFile()) return [input];
  if (!stat.isDirectory()) {
    // Devices and pipes: /dev/zero never ends, a FIFO may block forever.
    problems.push({ file: input, message: 'cannot read: not a regular file or folder', fatal: true });
    return [];
  }
  const found: string[] = [];
  walk(input, found, problems);
  if (found.length === 0) {
    problems.push({
      file: input,
      message: `folder holds no ${MANIFEST_EXTENSIONS.map((e) => '*' + e).join(', ')} file`,
      fatal: false,
    });
  }
  return found;
}

function walk(dir: string, found: string[], problems: LoadProblem[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    problems.push({ file: dir, message: describeFsError(e, 'cannot list folder'), fatal: true });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      walk(full, found, problems);
    } else if (!MANIFEST_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
      continue;
    } else if (entry.isFile()) {
      found.push(full);
    } else if (entry.isSymbolicLink()) {
      // Links to files are read; links to folders are not followed, so that a loop cannot recur forever.
      const target = safeStat(full);
      if (target?.isFile()) found.push(full);
      else problems.push({ file: full, message: 'skipped: a symbolic link to something other than a file', fatal: false });
    } else {
      problems.push({ file: full, message: 'skipped: not a regular file', fatal: false });
    }
  }
}

/** The path argument that means standard input (`helm template … | cdk8s-netpol validate -`). */
export const STDIN = '-';

/** How standard input is named in messages. */
export function displayName(file: string): string {
  return file === STDIN ? '<stdin>' : file;
}

function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

function safeStat(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

export function describeFsError(e: unknown, what: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${what}: no such file or folder`;
  if (code === 'EACCES' || code === 'EPERM') return `${what}: permission denied`;
  if (code === 'EISDIR') return `${what}: is a folder`;
  return `${what}: ${errorSummary(e)}`;
}

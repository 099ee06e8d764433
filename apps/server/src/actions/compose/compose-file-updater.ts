import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { KeyedMutex } from '../common/concurrency';
import {
  ComposeGit,
  type GitCommitResult,
  type GitFileState,
  type GitOptions,
} from './compose-git';
import {
  ComposeEditError,
  planComposeEdit,
  type ComposeImageChange,
  type ComposeImageEdit,
} from './compose-image-edit';
import {
  locateComposeService,
  type ComposeServiceLocation,
  type LocateInput,
} from './compose-locator';

export interface ComposeFileUpdaterOptions {
  /** Default compose file (the trigger's FILE setting). */
  file?: string;
  /** Host → local path prefixes for compose labels (when Tidewatch runs in a container). */
  pathMappings?: Array<{ from: string; to: string }>;
  /**
   * Copy the file before writing: true (default) writes `<file>.<UTC timestamp>.bak` beside it;
   * a function names the copy; false writes none.
   */
  backup?: boolean | ((file: string, at: Date) => string);
  /** Commit the change in the file's git repository (after a successful redeploy). */
  git?: false | GitOptions;
}

/** One rewrite of one file, with what is needed to undo it. */
export interface ComposeRewrite {
  file: string;
  edits: ComposeImageEdit[];
  /** The file's bytes before and after the rewrite. */
  previous: Buffer;
  written: Buffer;
  backupFile?: string;
  /** Git state of the file taken before writing (git mode). */
  git?: GitFileState | null;
}

const BOM = '\uFEFF';

/**
 * Edits compose files in place: only the tag (or digest) characters of the chosen services'
 * `image:` change, a backup is taken first, the write is atomic (temporary file in the same
 * directory, fsync, rename, same mode and owner), and a rewrite can be reverted byte for byte.
 */
export class ComposeFileUpdater {
  private readonly locks = new KeyedMutex();
  private readonly git: ComposeGit | null;

  constructor(private readonly options: ComposeFileUpdaterOptions = {}) {
    this.git = options.git ? new ComposeGit(options.git) : null;
  }

  /** The file and service of a container. */
  locate(container: LocateInput): ComposeServiceLocation {
    return locateComposeService(container, {
      file: this.options.file,
      pathMappings: this.options.pathMappings,
      readFile: (file) => fs.readFileSync(file, 'utf8'),
      exists: (file) => fs.existsSync(file),
    });
  }

  /** What a rewrite would do, without writing. */
  plan(
    file: string,
    changes: ComposeImageChange[],
  ): { text: string; edits: ComposeImageEdit[]; previous: string } {
    const previous = fs.readFileSync(file);
    const { text, bom } = decode(previous);
    const plan = planComposeEdit(text, changes);
    return { text: bom + plan.text, edits: plan.edits, previous: bom + text };
  }

  /** Rewrites the services' images (several services of one file in one write). */
  async rewrite(file: string, changes: ComposeImageChange[]): Promise<ComposeRewrite> {
    return this.locks.run(path.resolve(file), async () => {
      const previous = fs.readFileSync(file);
      const { text, bom } = decode(previous);
      const plan = planComposeEdit(text, changes);
      const written = Buffer.from(bom + plan.text, 'utf8');
      const rewrite: ComposeRewrite = { file, edits: plan.edits, previous, written };
      if (written.equals(previous)) return rewrite;
      if (this.git) rewrite.git = await this.git.state(file);
      const backup = this.backupName(file);
      if (backup) {
        fs.copyFileSync(file, backup, fs.constants.COPYFILE_EXCL);
        rewrite.backupFile = backup;
      }
      atomicWrite(file, written, previous);
      return rewrite;
    });
  }

  /**
   * Restores the bytes the file had before `rewrite` (or, with `keep`, the original plus only
   * the edits of those services). Refuses when someone else changed the file since.
   */
  async revert(rewrite: ComposeRewrite, keep: ComposeImageChange[] = []): Promise<ComposeRewrite> {
    return this.locks.run(path.resolve(rewrite.file), () => {
      const current = fs.readFileSync(rewrite.file);
      if (!current.equals(rewrite.written)) {
        throw new ComposeEditError(
          `${rewrite.file} changed since Tidewatch wrote it: not reverting over someone else's edit (backup: ${rewrite.backupFile ?? 'none'})`,
        );
      }
      let target = rewrite.previous;
      let edits: ComposeImageEdit[] = [];
      if (keep.length > 0) {
        const { text, bom } = decode(rewrite.previous);
        const plan = planComposeEdit(text, keep);
        target = Buffer.from(bom + plan.text, 'utf8');
        edits = plan.edits;
      }
      if (!target.equals(current)) atomicWrite(rewrite.file, target, current);
      return Promise.resolve({ ...rewrite, edits, written: target });
    });
  }

  /** Commits the rewrite in git mode (no-op otherwise or when nothing changed). */
  async commit(rewrite: ComposeRewrite): Promise<GitCommitResult | null> {
    if (
      !this.git ||
      !rewrite.git ||
      rewrite.edits.length === 0 ||
      rewrite.written.equals(rewrite.previous)
    )
      return null;
    return this.git.commit(rewrite.git, commitMessage(rewrite.edits));
  }

  private backupName(file: string): string | null {
    const backup = this.options.backup ?? true;
    if (backup === false) return null;
    const at = new Date();
    if (typeof backup === 'function') return backup(file, at);
    const stamp = at
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.(\d{3})Z$/, '$1Z');
    return `${file}.${stamp}.bak`;
  }
}

export function commitMessage(edits: ComposeImageEdit[]): string {
  const tagOf = (image: string) => {
    const at = image.indexOf('@');
    const name = at >= 0 ? image.slice(0, at) : image;
    const colon = name.lastIndexOf(':');
    const tag = colon > name.lastIndexOf('/') ? name.slice(colon + 1) : '';
    return tag || image.slice(at + 1, at + 20);
  };
  if (edits.length === 1)
    return `chore(tidewatch): update ${edits[0].service} image to ${tagOf(edits[0].to)}`;
  const lines = edits.map((edit) => `- ${edit.service}: ${edit.from} -> ${edit.to}`);
  return `chore(tidewatch): update images of ${edits.map((edit) => edit.service).join(', ')}\n\n${lines.join('\n')}`;
}

function decode(bytes: Buffer): { text: string; bom: string } {
  const text = bytes.toString('utf8');
  return text.startsWith(BOM) ? { text: text.slice(1), bom: BOM } : { text, bom: '' };
}

/**
 * Temp file in the same directory, same mode (and owner when permitted), fsync, then rename over
 * the original and fsync the directory: readers see the old or the new file, never half of one.
 * Refuses if the file changed after it was read.
 */
function atomicWrite(file: string, bytes: Buffer, expected: Buffer): void {
  const dir = path.dirname(file);
  const stat = fs.statSync(file);
  const temp = path.join(
    dir,
    `.${path.basename(file)}.tidewatch-${randomBytes(4).toString('hex')}.tmp`,
  );
  const fd = fs.openSync(temp, 'wx', stat.mode & 0o7777);
  try {
    fs.writeSync(fd, bytes);
    fs.fchmodSync(fd, stat.mode & 0o7777);
    try {
      fs.fchownSync(fd, stat.uid, stat.gid);
    } catch {
      // not permitted (not root): the file keeps Tidewatch's owner
    }
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  if (!fs.readFileSync(file).equals(expected)) {
    fs.rmSync(temp, { force: true });
    throw new ComposeEditError(`${file} changed while Tidewatch was editing it: not overwriting`);
  }
  fs.renameSync(temp, file);
  const dirFd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(dirFd);
  } finally {
    fs.closeSync(dirFd);
  }
}

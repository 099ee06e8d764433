import { execFile } from 'node:child_process';
import * as path from 'node:path';

export interface GitOptions {
  /** Push after committing (default false). */
  push?: boolean;
  /** Default `origin`. */
  remote?: string;
  /** Branch to push to (default: the current branch's name). */
  branch?: string;
  /** Author and committer of Tidewatch's commits (default Tidewatch <tidewatch@localhost>). */
  author?: { name: string; email: string };
  timeoutMs?: number;
}

export interface GitCommitResult {
  repository: string;
  commit?: string;
  pushed: boolean;
  /** Why nothing was committed (not a repository, untracked file, local edits). */
  skipped?: string;
  pushError?: string;
}

/** Where a file sits in git, and whether it can be committed alone. */
export interface GitFileState {
  repository: string;
  relative: string;
  /** Why a commit would not be made, if so. */
  blocked?: string;
}

/** The git CLI, for the compose file's repository. */
export class ComposeGit {
  constructor(private readonly options: GitOptions = {}) {}

  /** null when the file is not inside a git work tree. */
  async state(file: string): Promise<GitFileState | null> {
    const dir = path.dirname(file);
    const top = await this.git(dir, ['rev-parse', '--show-toplevel']).catch(() => null);
    if (!top) return null;
    const repository = top.trim();
    const relative = path.relative(repository, file);
    const tracked = await this.git(repository, [
      'ls-files',
      '--error-unmatch',
      '--',
      relative,
    ]).then(
      () => true,
      () => false,
    );
    if (!tracked)
      return { repository, relative, blocked: `${relative} is not tracked in ${repository}` };
    const status = await this.git(repository, ['status', '--porcelain', '--', relative]);
    if (status.trim())
      return {
        repository,
        relative,
        blocked: `${relative} had uncommitted changes: not committing them in Tidewatch's name`,
      };
    return { repository, relative };
  }

  /** Commits exactly this file (whatever else is staged stays staged), then pushes if asked. */
  async commit(state: GitFileState, message: string): Promise<GitCommitResult> {
    if (state.blocked)
      return { repository: state.repository, pushed: false, skipped: state.blocked };
    await this.git(state.repository, [
      'commit',
      '--only',
      '--no-verify',
      '-m',
      message,
      '--',
      state.relative,
    ]);
    const commit = (await this.git(state.repository, ['rev-parse', 'HEAD'])).trim();
    const result: GitCommitResult = { repository: state.repository, commit, pushed: false };
    if (this.options.push) {
      try {
        const branch =
          this.options.branch ??
          (await this.git(state.repository, ['rev-parse', '--abbrev-ref', 'HEAD'])).trim();
        await this.git(state.repository, [
          'push',
          this.options.remote ?? 'origin',
          `HEAD:refs/heads/${branch}`,
        ]);
        result.pushed = true;
      } catch (error) {
        result.pushError = error instanceof Error ? error.message : String(error);
      }
    }
    return result;
  }

  private git(cwd: string, args: string[]): Promise<string> {
    const author = this.options.author ?? { name: 'Tidewatch', email: 'tidewatch@localhost' };
    return new Promise((resolve, reject) => {
      execFile(
        'git',
        args,
        {
          cwd,
          timeout: this.options.timeoutMs ?? 60_000,
          env: {
            ...process.env,
            GIT_TERMINAL_PROMPT: '0',
            GIT_AUTHOR_NAME: author.name,
            GIT_AUTHOR_EMAIL: author.email,
            GIT_COMMITTER_NAME: author.name,
            GIT_COMMITTER_EMAIL: author.email,
          },
        },
        (error, stdout, stderr) => {
          if (error)
            reject(new Error(`git ${args[0]} failed: ${(stderr || error.message).trim()}`));
          else resolve(stdout);
        },
      );
    });
  }
}

/** Command-line usage error (exit code 2 with the message and the usage). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ParsedArgs {
  flags: Set<string>;
  options: Map<string, string>;
  positionals: string[];
}

/**
 * A small, strict argument parser: `--flag`, `--option value` / `--option=value`, positionals,
 * `--` ends options. Anything not declared is a usage error.
 */
export function parseArgs(
  argv: readonly string[],
  spec: { flags?: readonly string[]; options?: readonly string[]; maxPositionals?: number },
): ParsedArgs {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const positionals: string[] = [];
  const knownFlags = new Set(spec.flags ?? []);
  const knownOptions = new Set(spec.options ?? []);
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--') {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
      if (knownFlags.has(name)) {
        if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
        flags.add(name);
        continue;
      }
      if (knownOptions.has(name)) {
        const value = inline ?? argv[++index];
        if (value === undefined || (inline === undefined && value.startsWith('--')))
          throw new UsageError(`--${name} needs a value`);
        options.set(name, value);
        continue;
      }
      throw new UsageError(`unknown option --${name}`);
    }
    positionals.push(arg);
  }
  if (positionals.length > (spec.maxPositionals ?? 0))
    throw new UsageError(`unexpected argument "${positionals[spec.maxPositionals ?? 0]}"`);
  return { flags, options, positionals };
}

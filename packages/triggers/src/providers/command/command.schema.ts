import { z } from 'zod';
import { integerField, optionalString, requiredString } from '../../schema/fields';
import { splitArgs } from './split-args';

export const commandSchema = z
  .object({
    cmd: requiredString({
      help: 'Executable to run (absolute path or a name on PATH). With SHELL set, a command line for that shell instead.',
      example: '/scripts/on-update.sh',
    }),
    args: optionalString({
      help: 'Arguments, split like a shell would ("quotes" and \'quotes\' group words) but never expanded. With SHELL, passed as $1, $2, …',
      example: '--notify "ops team"',
    }),
    shell: optionalString({
      help: 'Run CMD through this shell (e.g. /bin/sh) with -c. Empty = no shell (safer).',
      example: '/bin/sh',
      max: 256,
    }),
    timeout: integerField(60000, {
      help: 'Milliseconds before the process (and its children) is killed.',
      min: 100,
      max: 3600000,
    }),
  })
  .superRefine((config, ctx) => {
    try {
      splitArgs(config.args);
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        path: ['args'],
        message: `cannot be split: ${(error as Error).message}`,
      });
    }
    if (!config.shell && /\s/.test(config.cmd)) {
      ctx.addIssue({
        code: 'custom',
        path: ['cmd'],
        message:
          'contains spaces but no SHELL is set: put arguments in ARGS, or set SHELL to run a command line',
      });
    }
  });

export type CommandConfig = z.infer<typeof commandSchema>;

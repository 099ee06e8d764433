/** Container labels that shape an update (see the actions README). */
export const UPDATE_LABELS = {
  /** Command run with `docker exec` in the old container before the pull; non-zero aborts. */
  preHook: 'tidewatch.update.pre',
  /** Command run with `docker exec` in the new container once it is healthy. */
  postHook: 'tidewatch.update.post',
  /** Command run in a one-off container of the new image (no network); must exit 0. */
  test: 'tidewatch.update.test',
  /** Health probe when the image has no HEALTHCHECK: an HTTP URL polled from Tidewatch… */
  probeHttp: 'tidewatch.update.probe.http',
  /** …or a command run with `docker exec` in the new container until it exits 0. */
  probeCmd: 'tidewatch.update.probe.cmd',
  /** Seconds the new container must keep running when there is neither healthcheck nor probe. */
  stable: 'tidewatch.update.stable',
  /** Marks the container Tidewatch runs in: never updated in place. */
  self: 'tidewatch.self',
} as const;

export type HealthProbe =
  | { kind: 'http'; url: string }
  | { kind: 'command'; command: string[] }
  | { kind: 'stable'; seconds: number };

export interface UpdateLabelSettings {
  preHook?: string[];
  postHook?: string[];
  testCommand?: string[];
  probe?: HealthProbe;
  stableSeconds?: number;
  self: boolean;
  /** Labels present with values that cannot be used (reported, never fatal). */
  problems: string[];
}

/**
 * A command label: a JSON array is the exec form (`["nginx","-t"]`), anything else runs through
 * `sh -c`, like a Dockerfile's shell form.
 */
export function commandFromLabel(value: string): string[] | undefined {
  const text = value.trim();
  if (!text) return undefined;
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (
        Array.isArray(parsed) &&
        parsed.length > 0 &&
        parsed.every((part) => typeof part === 'string')
      )
        return parsed;
    } catch {
      // not JSON after all: shell form
    }
  }
  return ['sh', '-c', text];
}

export function readUpdateLabels(
  labels: Record<string, string> | null | undefined,
): UpdateLabelSettings {
  const get = (key: string): string | undefined => labels?.[key];
  const problems: string[] = [];
  const settings: UpdateLabelSettings = {
    self: get(UPDATE_LABELS.self)?.trim().toLowerCase() === 'true',
    problems,
  };
  const command = (key: string): string[] | undefined => {
    const value = get(key);
    return value === undefined ? undefined : commandFromLabel(value);
  };
  settings.preHook = command(UPDATE_LABELS.preHook);
  settings.postHook = command(UPDATE_LABELS.postHook);
  settings.testCommand = command(UPDATE_LABELS.test);
  const stable = get(UPDATE_LABELS.stable);
  if (stable !== undefined) {
    const seconds = Number(stable);
    if (Number.isFinite(seconds) && seconds >= 0) settings.stableSeconds = seconds;
    else problems.push(`${UPDATE_LABELS.stable}=${stable} is not a number of seconds`);
  }
  const http = get(UPDATE_LABELS.probeHttp)?.trim();
  const probeCommand = command(UPDATE_LABELS.probeCmd);
  if (http) {
    if (/^https?:\/\/[^\s]+$/.test(http)) settings.probe = { kind: 'http', url: http };
    else problems.push(`${UPDATE_LABELS.probeHttp}=${http} is not an http(s) URL`);
  }
  if (!settings.probe && probeCommand) settings.probe = { kind: 'command', command: probeCommand };
  for (const key of ['preHook', 'postHook', 'testCommand'] as const)
    if (!settings[key]) delete settings[key];
  if (!settings.probe) delete settings.probe;
  return settings;
}

/**
 * One rule for every command: 0 when it did what was asked, 2 when the command line or a setting
 * must be fixed first (nothing was tried), 1 when it was tried and failed.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Failures that come from how the command or the settings were written, whatever the engine says. */
const USAGE = [
  /^terminal\.args\./,
  /^common\.config\./,
  /^lab\.parse\./,
  /^lab\.host\./,
  /^lab\.file\.(empty|nul|tooLong|path|hidden|chars|extension)$/,
  /^lab\.save\.gzipName$/,
];

export const exitCodeOf = (failureId: string): number => (USAGE.some((usage) => usage.test(failureId)) ? EXIT.usage : EXIT.failed);

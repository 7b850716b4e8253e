import { describe, expect, it } from 'vitest';
import { EXIT, exitCodeOf } from '../../bot/core/exit-code.js';

describe('the exit code of a failure', () => {
  it.each(['terminal.args.option', 'common.config.invalid', 'lab.parse.flag', 'lab.host.unknown', 'lab.file.path', 'lab.save.gzipName'])('is 2 for %s: the command or a setting must change', (id) => {
    expect(exitCodeOf(id)).toBe(EXIT.usage);
  });

  it.each(['lab.engine.unreachable', 'lab.load.truncated', 'lab.file.missing', 'lab.save.exists', 'lab.load.declined', 'lab.audit.unwritable'])('is 1 for %s: it was tried and did not work', (id) => {
    expect(exitCodeOf(id)).toBe(EXIT.failed);
  });
});

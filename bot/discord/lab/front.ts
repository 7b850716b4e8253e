import { Routes, type Client } from 'discord.js';
import type { i18n } from 'i18next';
import { fileAuditLog, type AuditLog } from '../../audit.js';
import type { Config } from '../../config.js';
import { langFromLocale } from '../../core/lang.js';
import { translator, type Translate } from '../../i18n.js';
import type { GapLog } from '../../knowledge/gaps.js';
import { adminPolicy, type AdminPolicy } from '../../lab/authorize.js';
import type { LabServices } from '../../lab/run.js';
import type { Logger } from '../../log.js';
import { clamp } from '../fit.js';
import { LIMITS } from '../limits.js';
import { Confirmations } from './confirm.js';
import { PageStore } from './pages.js';

/** What the Discord front needs for lab actions; built once in startDiscord. */
export interface LabFront {
  readonly services: LabServices;
  readonly policy: AdminPolicy;
  readonly audit: AuditLog;
  readonly gaps: GapLog;
  readonly pages: PageStore;
  readonly confirmations: Confirmations;
  /** How long a load waits for its Confirm before counting silence as a no. */
  readonly confirmTimeoutMs: number;
  /** Aborted at shutdown: a save or load in flight stops cleanly instead of leaving a temporary file. */
  readonly signal: AbortSignal;
  /** Posts one line (newlines folded) about a run to GORAE_AUDIT_CHANNEL, when set, in that server's language. */
  readonly announce: (line: (t: Translate) => string) => void;
}

/** A load's question waits this long for Confirm; silence is a no. The host is not held meanwhile: it is taken after the yes. */
const CONFIRM_TIMEOUT_MS = 3 * 60_000;

export interface LabFrontDeps {
  readonly client: Client;
  readonly config: Config;
  readonly i18n: i18n;
  readonly logger: Logger;
  readonly services: LabServices;
  readonly gaps: GapLog;
}

/** The lab front, and `stop`, which cancels what is in flight and answers open questions with no. */
export function createLabFront({ client, config, i18n, logger, services, gaps }: LabFrontDeps): { front: LabFront; stop: () => void } {
  const shutdown = new AbortController();
  const confirmations = new Confirmations();
  const announce = (line: (t: Translate) => string): void => {
    const channelId = config.GORAE_AUDIT_CHANNEL;
    if (!channelId) return;
    const channel = client.channels.cache.get(channelId);
    const lang = config.GORAE_LANG ?? langFromLocale(channel && 'guild' in channel ? channel.guild.preferredLocale : undefined);
    const content = clamp(line(translator(i18n, lang)).replace(/\s+/g, ' '), LIMITS.content);
    client.rest
      .post(Routes.channelMessages(channelId), { body: { content, allowed_mentions: { parse: [] } } })
      .catch((error: unknown) => logger.warn({ err: error, channel: channelId }, 'could not post to the audit channel'));
  };
  const front: LabFront = {
    services,
    policy: adminPolicy(config),
    audit: fileAuditLog(config.GORAE_AUDIT_LOG),
    gaps,
    pages: new PageStore(),
    confirmations,
    confirmTimeoutMs: CONFIRM_TIMEOUT_MS,
    signal: shutdown.signal,
    announce,
  };
  return {
    front,
    stop() {
      shutdown.abort();
      confirmations.declineAll();
    },
  };
}

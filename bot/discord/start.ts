import { Events } from 'discord.js';
import type { i18n } from 'i18next';
import type { Config } from '../config.js';
import type { Explainer } from '../explain/explainer.js';
import type { HealthReporter } from '../health.js';
import type { GapLog } from '../knowledge/gaps.js';
import type { Asker } from '../knowledge/asker.js';
import type { Feedback } from '../knowledge/feedback.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { LabServices } from '../lab/run.js';
import { createLogger, type Logger } from '../log.js';
import { createClient } from './client.js';
import type { DiscordContext } from './command.js';
import { handleInteraction } from './interactions.js';
import { createLabFront } from './lab/front.js';
import { handleMessage } from './messages.js';
import { syncCommands } from './register.js';

export interface DiscordDeps {
  readonly config: Config;
  readonly i18n: i18n;
  readonly knowledge: Knowledge;
  readonly ask: Asker;
  /** Where 👍 / 👎 on answers are recorded. */
  readonly feedback: Feedback;
  readonly explainer: Explainer;
  readonly health: HealthReporter;
  /** The lab's engines and exchange folder, as labServices builds them. */
  readonly lab: LabServices;
  /** Where the knowledge side records questions and votes, for `/lab gaps`. */
  readonly gaps: GapLog;
  readonly logger?: Logger;
}

export interface DiscordFront {
  /** Stops taking new events, lets in-flight replies finish, then closes the gateway. */
  stop(): Promise<void>;
}

const HEALTH_REFRESH_MS = 30_000;
/** Signals must end the process within 5 s: in-flight work gets most of it, closing the socket the rest. */
const DRAIN_MS = 3_500;
const EXIT_DEADLINE_MS = 4_700;

/**
 * Connects to Discord and serves `/ask`, `/lab`, autocomplete, buttons, mentions and DMs until SIGTERM or
 * SIGINT, which drain in-flight replies and exit 0. Once connected, commands are registered if they changed.
 */
export async function startDiscord(deps: DiscordDeps): Promise<DiscordFront> {
  const { config, health } = deps;
  const token = config.DISCORD_TOKEN;
  if (!token) throw new Error('startDiscord needs DISCORD_TOKEN');
  const logger = (deps.logger ?? createLogger({ level: config.GORAE_LOG_LEVEL, secrets: [token] })).child({ front: 'discord' });
  const ask: Asker = async (question, options) => {
    const outcome = await deps.ask(question, options);
    const topic = outcome.status === 'answer' ? outcome.topic.id : undefined;
    logger.info({ via: options.via, status: outcome.status, lang: outcome.lang, topic }, 'question handled');
    return outcome;
  };
  const client = createClient(config.DISCORD_API_URL);
  const lab = createLabFront({ client, config, i18n: deps.i18n, logger, services: deps.lab, gaps: deps.gaps });
  const context: DiscordContext = { knowledge: deps.knowledge, ask, feedback: deps.feedback, explainer: deps.explainer, i18n: deps.i18n, logger, lab: lab.front };

  const inFlight = new Set<Promise<void>>();
  let closing = false;
  const track = (work: Promise<void>): void => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };
  client.on(Events.InteractionCreate, (interaction) => {
    if (!closing) track(handleInteraction(interaction, context));
  });
  client.on(Events.MessageCreate, (message) => {
    if (!closing) track(handleMessage(message, context));
  });

  let refresh: NodeJS.Timeout | undefined;
  const ready = (): void => {
    health.update({ gateway: 'ready' });
    refresh ??= setInterval(() => health.update({}), HEALTH_REFRESH_MS).unref();
  };
  const notReady = (gateway: 'connecting' | 'disconnected'): void => {
    clearInterval(refresh);
    refresh = undefined;
    health.update({ gateway });
  };
  client.once(Events.ClientReady, (connected) => {
    logger.info({ user: connected.user.tag, guilds: connected.guilds.cache.size }, 'connected to Discord');
    ready();
    syncCommands(connected.rest, connected.application.id, config.GORAE_GUILD_ID).then(
      ({ written, count }) =>
        logger.info({ count, guild: config.GORAE_GUILD_ID ?? 'global' }, written ? 'slash commands registered' : 'slash commands already up to date'),
      (error: unknown) => logger.error({ err: error }, 'slash command registration failed; mentions and DMs still work'),
    );
  });
  client.on(Events.ShardReady, ready);
  client.on(Events.ShardResume, () => {
    logger.info('gateway session resumed');
    ready();
  });
  client.on(Events.ShardReconnecting, () => {
    if (closing) return; // Shutting down closes the socket on purpose; that is not a lost connection.
    logger.warn('gateway connection lost; reconnecting');
    notReady('connecting');
  });
  client.on(Events.ShardDisconnect, (event) => {
    logger.error({ code: event.code }, 'gateway closed for good');
    notReady('disconnected');
  });
  client.on(Events.ShardError, (error) => logger.warn({ err: error }, 'gateway error'));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn(message));

  const stop = async (): Promise<void> => {
    if (closing) return;
    closing = true;
    lab.stop();
    const drained = await Promise.race([
      Promise.allSettled([...inFlight]).then(() => true),
      new Promise<false>((resolve) => setTimeout(resolve, DRAIN_MS, false).unref()),
    ]);
    if (!drained) logger.warn({ pending: inFlight.size }, 'some replies did not finish before shutdown');
    await client.destroy();
    notReady('disconnected');
    logger.info('disconnected from Discord');
  };

  const onSignal = (signal: NodeJS.Signals): void => {
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(0), EXIT_DEADLINE_MS).unref();
    void stop()
      .catch((error: unknown) => logger.error({ err: error }, 'shutdown failed'))
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);

  health.update({ gateway: 'connecting' });
  try {
    await client.login(token);
  } catch (error) {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    notReady('disconnected');
    logger.error({ err: error }, 'could not connect to Discord');
    throw error;
  }
  return { stop };
}

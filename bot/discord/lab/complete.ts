import type { AutocompleteInteraction } from 'discord.js';
import { authorize } from '../../lab/authorize.js';
import { ALL_HOSTS, DEFAULT_HOST } from '../../lab/hosts.js';
import { humanSize } from '../../lab/humanize.js';
import { resources } from '../../i18n.js';
import type { DiscordContext } from '../command.js';
import { clamp } from '../fit.js';
import { LIMITS } from '../limits.js';
import { originOf } from './origin.js';

const names = resources.en.discord.commands.lab;

interface Choice {
  readonly name: string;
  readonly value: string;
}

/** Discord drops an autocomplete answer after 3 s; a slow engine gets no choices rather than an error. */
const DEADLINE_MS = 2_500;

/**
 * Choices for `/lab` options: image tags from the engine, archives from the exchange folder, host
 * names. Behind the same gate as the actions: outside an admin channel, or for anyone but an
 * admin, there are no choices at all, so not even names leak.
 */
export async function completeLab(interaction: AutocompleteInteraction, { lab }: DiscordContext): Promise<void> {
  const origin = originOf(interaction, interaction.user);
  if (!authorize(lab.policy, origin.place, origin.person).ok) {
    await interaction.respond([]);
    return;
  }
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value);
  const host = interaction.options.getString(names.options.host.name) ?? DEFAULT_HOST;
  const lookup = async (): Promise<Choice[]> => {
    switch (focused.name) {
      case names.save.options.image.name:
        return (await tags(host)).filter((tag) => tag.includes(typed.trim().toLowerCase())).map((tag) => ({ name: tag, value: tag }));
      case names.save.options.more.name: {
        const words = typed.split(/\s+/);
        const last = (words.pop() ?? '').toLowerCase();
        const before = words.filter(Boolean).join(' ');
        return (await tags(host))
          .filter((tag) => tag.includes(last) && !words.includes(tag))
          .map((tag) => (before ? `${before} ${tag}` : tag))
          .map((value) => ({ name: value, value }));
      }
      case names.load.options.file.name: {
        const files = await lab.services.exchange.list();
        if (!files.ok) return [];
        return files.value
          .filter((file) => file.name.toLowerCase().includes(typed.trim().toLowerCase()))
          .map((file) => ({ name: `${file.name} · ${humanSize(file.bytes)}`, value: file.name }));
      }
      case names.options.host.name: {
        // ps and images may look at every host at once; a save or load moves an archive on one.
        const listing = [names.ps.name, names.images.name].includes(interaction.options.getSubcommand(false) ?? '');
        const hosts = [...lab.services.engines.keys(), ...(listing ? [ALL_HOSTS] : [])];
        return hosts.filter((name) => name.includes(typed.trim())).map((name) => ({ name, value: name }));
      }
      default:
        return [];
    }
  };
  const tags = async (name: string): Promise<string[]> => {
    const listed = await lab.services.engines.get(name)?.listImages({ all: false, dangling: false });
    if (!listed?.ok) return [];
    return [...new Set(listed.value.flatMap((image) => image.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>'))].sort();
  };
  const choices = await Promise.race([lookup(), new Promise<Choice[]>((resolve) => setTimeout(resolve, DEADLINE_MS, []).unref())]);
  await interaction.respond(
    choices
      .filter((choice) => choice.value.length <= LIMITS.choiceValue)
      .slice(0, LIMITS.choices)
      .map((choice) => ({ name: clamp(choice.name, LIMITS.choiceName), value: choice.value })),
  );
}

import type { Message } from 'discord.js';
import { decodeButton } from './custom-id.js';

type Node = { readonly custom_id?: string; readonly components?: readonly Node[]; readonly accessory?: Node };

/** The topic one of Gorae's answers is about, read from its 👍 button; undefined for anything else. */
export function answeredTopic(message: Message): string | undefined {
  if (message.author.id !== message.client.user.id) return undefined;
  const ids = (nodes: readonly Node[]): string[] =>
    nodes.flatMap((node) => [...(node.custom_id ? [node.custom_id] : []), ...ids(node.components ?? []), ...ids(node.accessory ? [node.accessory] : [])]);
  const found = ids(message.components.map((component) => component.toJSON() as Node))
    .map(decodeButton)
    .find((intent) => intent?.action === 'up');
  return found?.topicId;
}

/** The topic of the Gorae answer `message` replies to, if it replies to one. */
export async function previousTopic(message: Message): Promise<string | undefined> {
  if (!message.reference?.messageId) return undefined;
  const replied = await message.fetchReference().catch(() => undefined);
  return replied && answeredTopic(replied);
}

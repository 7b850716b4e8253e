/**
 * `@` followed by a zero-width space: echoed text such as "@everyone" or "<@&123>" still reads the
 * same but can never ping, even if a message were sent without empty `allowedMentions`.
 */
export const withoutPings = (text: string): string => text.replace(/@/g, '@\u200b');

/** The companion file's text, exactly as `sha256sum NAME > NAME.sha256` would write it. */
export const sidecarText = (sha256: string, name: string): string => `${sha256}  ${name}\n`;

/**
 * The digest a companion file declares for `name`. Accepts what `sha256sum` writes in text or
 * binary mode (`<hex>  NAME`, `<hex> *NAME`) and a bare digest. A line naming `name` wins; a
 * file renamed together with its companion still has its one digest honoured.
 */
export function sidecarDigest(text: string, name: string): string | undefined {
  const lines = text
    .split(/\r?\n/)
    .map((line) => /^([0-9a-fA-F]{64})(?:\s+\*?(.+))?$/.exec(line.trim()))
    .filter((match) => match !== null);
  const chosen = lines.find((match) => match[2] === name) ?? lines[0];
  return chosen?.[1]?.toLowerCase();
}

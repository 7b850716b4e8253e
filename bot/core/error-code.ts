/** What went wrong with a file or socket, for messages and decisions: its errno code, else its message. */
export function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? (error instanceof Error ? error.message : 'EUNKNOWN');
}

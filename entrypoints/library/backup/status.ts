/** A message shown under a section after the user did something. */
export type Status = { tone: 'success' | 'error' | 'info'; text: string } | undefined;

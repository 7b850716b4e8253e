/** Discord's documented message limits; render.ts and layout.ts keep every reply within them. */
export const LIMITS = {
  content: 2_000,
  embedTitle: 256,
  embedDescription: 4_096,
  embedTotal: 6_000,
  fields: 25,
  fieldName: 256,
  fieldValue: 1_024,
  rows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  /** Components V2: every component counts, nested ones too; text is the sum over all text displays. */
  components: 40,
  componentText: 4_000,
  sectionTexts: 3,
} as const;

/** Replies never ping anyone: no @everyone, roles, users, nor the author of the message replied to. */
export const NO_MENTIONS = Object.freeze({ parse: [] as const, repliedUser: false as const });

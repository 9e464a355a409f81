// Every command id the extension contributes, in one place. A unit test checks that package.json's
// `contributes.commands` lists exactly these.
export const CommandIds = {
  showLog: 'proofOfFix.showLog',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];

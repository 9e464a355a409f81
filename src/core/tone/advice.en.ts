// The advice the phrase rules (rules.en.ts, rules.en.manner.ts) and the construction rules
// (rules.en.constructions.ts) share: a category explains and suggests the same whichever rule finds
// it, and a rewording is made in one place.
import type { Advice } from './model';

export const ADVICE_EN = {
  guessedBlame: {
    reason: 'Guessing that the client (or their people) changed something turns them against you and is not proven.',
    suggestion: 'Say what changed, when and in which commit; if you do not know yet, say what you will check.',
    alternative: 'The history shows a change on [date] in [where]; I am checking whether it is the cause.',
  },
  ownWorkDefended: {
    reason: 'Justifying yourself puts the client on the defensive and tells them neither what happened nor what comes next.',
    suggestion: 'State the facts the history shows and the next step, without defending yourself.',
    alternative: 'I am checking what changed since the delivery and will send you what the history shows by [date].',
  },
  scopeAsShield: {
    reason: 'Pointing at the contract or the client\'s sign-off reads as a defence; the client wants to know what happens now.',
    suggestion: 'Say what you will do about it now; if it is outside the agreed work, offer it plainly, with a price or a date.',
    alternative: 'I can [what] by [date]; if it is outside the agreed work, I will send you an estimate first.',
  },
  playedDown: {
    reason: 'Playing down what worries the client tells them their problem does not count.',
    suggestion: 'Acknowledge the trouble and say what you are doing; how serious it is is for the person who lives with it to judge.',
    alternative: 'I understand the trouble this causes; [what is being done] by [date].',
  },
  noWhen: {
    reason: 'It sounds like "we\'ll see": it says neither what was checked nor when there will be news.',
    suggestion: 'Say what you checked and the next step with a date.',
    alternative: 'I am checking [what] and will send you the result by [date].',
  },
  outcomePromised: {
    reason: 'A promise about the outcome that the evidence cannot back; if it fails again it weighs double.',
    suggestion: 'Say what you checked and what you will watch; promise only what is in your hands.',
    alternative: 'I have checked the fix in [version] and will check [what] again on [date].',
  },
  toldBefore: {
    reason: 'Reminding them they were told, or implying it is obvious, reads as a reproach: it treats the client as someone who did not listen.',
    suggestion: 'Give the fact again plainly, as if for the first time, or point to the date you sent it.',
    alternative: 'Here are the steps: [steps].',
  },
  agentless: {
    reason: 'An agentless passive ("an oversight happened") avoids saying who did it; if it was you, the client notices.',
    suggestion: 'If the change was yours, say so in the first person, and how and when you will correct it.',
    alternative: 'This was my mistake: [what happened]. I will correct it by [date].',
  },
} as const satisfies Record<string, Advice>;

// `node out/test/bench/toneFirstCheck.js <es|en>` (after `npm run compile-tests`): the tone check's
// cost on first use in a fresh process, the way the extension host meets it. Prints the time to load
// the check, then to check a calm reply, a reply with findings, the calm one with a two-byte character
// (V8 compiles an expression once per string representation), and the calm one again; wall clock and
// the process's CPU time, which a loaded machine inflates less. One language per process: the second
// language of a process would find shared work done.
import { performance } from 'node:perf_hooks';
import type { Language } from '../../src/core/store/model';
import type * as Check from '../../src/core/tone/check';

const REPLIES: Record<Language, { calm: string; bad: string }> = {
  es: {
    calm:
      'Hola Marta:\n\nGracias por avisar. Revisé el historial: la corrección de PAY-12 (commit a1b2c3d, 3 de noviembre) está en la versión 2.4.0, que es la que tienes desplegada, y sus líneas siguen intactas. El fallo que describes debe de tener otra causa; para buscarla, ¿me mandas la hora exacta en que apareció y una captura del error?\n\nEl jueves a las 10 te envío lo que encuentre.\n\nUn saludo,\nAna',
    bad: 'Hola Marta:\n\nSeguramente tu informático tocó el servidor. Te lo garantizo, no volverá a pasar. Lo estamos mirando.\n\nUn saludo,\nAna',
  },
  en: {
    calm:
      'Hi Mark,\n\nThanks for letting me know. I checked the history: the fix for PAY-12 (commit a1b2c3d, 3 November) is in release 2.4.0, which is the version you run, and its lines are intact. What you describe must have another cause; to find it, could you send me the exact time it appeared and a screenshot of the error?\n\nI will send you what I find on Thursday at 10.\n\nBest,\nAna',
    bad: 'Hi Mark,\n\nYour plugin update probably broke it. I guarantee it will never happen again. We are looking into it.\n\nBest,\nAna',
  },
};

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function timed<T>(label: string, run: () => T): T {
  const wall = performance.now();
  const cpu = cpuMs();
  const result = run();
  console.log(`${label}: ${(performance.now() - wall).toFixed(0)} ms (CPU ${(cpuMs() - cpu).toFixed(0)} ms)`);
  return result;
}

const language: Language = process.argv[2] === 'en' ? 'en' : 'es';
// Loaded here, not imported above, so that loading is measured too.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkTone } = timed('load', () => require('../../src/core/tone/check') as typeof Check);
const { calm, bad } = REPLIES[language];
for (const [label, text] of [['calm reply', calm], ['reply with findings', bad], ['calm reply, two-byte', calm.replace(/:/gu, '：')], ['calm reply again', calm]] as const) {
  const findings = timed(`${language} ${label}`, () => checkTone(text, language));
  console.log(`  ${findings.map((f) => f.ruleId).join(', ') || 'no findings'}`);
}

// Los consejos que comparten las reglas de frases (rules.es.ts, rules.es.manner.ts) y las de construcción
// (rules.es.constructions.ts): cada categoría explica y propone lo mismo la detecte una u otra regla, y
// un cambio de redacción se hace en un solo sitio.
import type { Advice } from './model';

export const ADVICE_ES = {
  guessedBlame: {
    reason: 'Culpar al cliente, o conjeturar que fue él (o su gente), lo pone en tu contra y no está probado.',
    suggestion: 'Di qué cambió, cuándo y en qué commit; si aún no lo sabes, di qué vas a comprobar.',
    alternative: 'El historial muestra un cambio el [fecha] en [dónde]; estoy comprobando si es la causa.',
  },
  ownWorkDefended: {
    reason: 'Justificarse pone al cliente a la defensiva y no le dice ni qué pasó ni qué viene ahora.',
    suggestion: 'Cuenta lo que muestra el historial y el siguiente paso, sin defenderte.',
    alternative: 'Estoy revisando qué cambió desde la entrega; el [fecha] enviaré lo que muestra el historial.',
  },
  scopeAsShield: {
    reason: 'Señalar el contrato, lo que el cliente pidió o su visto bueno suena a defensa; el cliente quiere saber qué pasa ahora.',
    suggestion: 'Di qué harás ahora; si queda fuera de lo acordado, ofrécelo sin rodeos, con precio o fecha.',
    alternative: 'Puedo [qué] el [fecha]; si queda fuera de lo acordado, antes envío un presupuesto.',
  },
  playedDown: {
    reason: 'Quitarle importancia a lo que preocupa al cliente le dice que su problema no cuenta.',
    suggestion: 'Reconoce la molestia y di qué estás haciendo; cuánto importa lo decide quien lo sufre.',
    alternative: 'Entiendo la molestia que causa; [qué se está haciendo] el [fecha].',
  },
  noWhen: {
    reason: 'Suena a «ya veremos»: no dice qué se revisó ni cuándo habrá novedades.',
    suggestion: 'Cuenta qué revisaste y el siguiente paso con una fecha.',
    alternative: 'Estoy revisando [qué]; el [fecha] enviaré el resultado.',
  },
  outcomePromised: {
    reason: 'Una promesa sobre el resultado que la evidencia no puede respaldar; si vuelve a fallar, pesa el doble.',
    suggestion: 'Di qué comprobaste y qué vas a vigilar; promete solo lo que depende de ti.',
    alternative: 'He comprobado la corrección en [versión] y revisaré [qué] el [fecha].',
  },
  toldBefore: {
    reason: 'Recordar que ya se dijo, o dar a entender que es obvio, suena a reproche: trata al cliente como si no atendiera.',
    suggestion: 'Repite el dato sin más, como si fuera la primera vez, o remite a la fecha en que lo enviaste.',
    alternative: 'Estos son los pasos: [pasos].',
  },
  agentless: {
    reason: 'Una pasiva sin sujeto («se cometió un error») esquiva quién lo hizo; si fue tuyo, el cliente lo nota.',
    suggestion: 'Si el cambio fue tuyo, dilo en primera persona y cuenta cómo y cuándo lo corriges.',
    alternative: 'Fue un error mío: [qué pasó]. Lo corrijo el [fecha].',
  },
} as const satisfies Record<string, Advice>;

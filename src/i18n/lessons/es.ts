// Spanish of src/i18n/lessons/en.ts: what a lesson's reveal says after a run. Names, hashes, codes, transactions
// and the tutorial's messages are values and stay as they are.
import type { lessonsEn } from './en';

export const lessonsEs: typeof lessonsEn = {
  lessonReveal: {
    common: {
      yes: 'sí',
      no: 'no',
      blocks_one: '{{count, number}} bloque',
      blocks_other: '{{count, number}} bloques',
      confirmations_one: '{{count, number}} confirmación',
      confirmations_other: '{{count, number}} confirmaciones',
    },
    'first-block': {
      warmUp:
        'Calentamiento: y = {{y}} es la primera y con la que sha256(str({{x}} × y)) termina en 0 ({{hash}}).',
      block_one:
        'Bloque {{index}}: prueba {{proof}} tras {{count, number}} intento (se esperaban unos {{expected, number}} con {{difficulty, number}} ceros iniciales), {{seconds, number}} s de cálculo de hashes simulado.',
      block_other:
        'Bloque {{index}}: prueba {{proof}} tras {{count, number}} intentos (se esperaban unos {{expected, number}} con {{difficulty, number}} ceros iniciales), {{seconds, number}} s de cálculo de hashes simulado.',
      transactions:
        'Sus transacciones, en orden: {{transactions}}. /mine añade la recompensa al final, así que el minero cobra en el mismo bloque que forja.',
      noBlock: 'No se minó ningún bloque.',
    },
    'two-miners-race': {
      fork: 'Bifurcación: {{blocks}}.',
      forkBlock: 'el bloque 2 de {{name}} es {{hash}}',
      ties: 'Ambos resolvieron con la misma longitud: {{answers}} — una cadena igual de larga nunca reemplaza (el gestor de incidencias del tutorial, incidencias #64–#89).',
      tie: '{{name}} respondió "{{message}}"',
      winner_one:
        '{{winner}} encontró primero el bloque 3; {{loser}} resolvió, lo adoptó y abandonó {{count, number}} bloque.',
      winner_other:
        '{{winner}} encontró primero el bloque 3; {{loser}} resolvió, lo adoptó y abandonó {{count, number}} bloques.',
      noWinner: 'En esta ejecución nadie adoptó la otra cadena.',
      returned_one:
        'De vuelta en la lista de pendientes de {{loser}}: {{transactions}}. Se volverá a minar. (Con el interruptor del laboratorio de fallos "Transacciones pendientes sin conciliar", fallo #23, se perdería).',
      returned_other:
        'De vuelta en la lista de pendientes de {{loser}}: {{transactions}}. Se volverán a minar. (Con el interruptor del laboratorio de fallos "Transacciones pendientes sin conciliar", fallo #23, se perderían).',
      noneReturned: 'Ninguna transacción volvió a pendientes.',
    },
    'partition-heal': {
      split: 'División: {{sides}}; minaron {{first, number}} y {{second, number}} bloques por separado.',
      kept: 'El lado de {{side}} conservó su historia: la cadena más larga cuando todos resolvieron.',
      keptNeither: 'Cuando todos resolvieron, la historia de ninguno de los dos lados ganó del todo.',
      noneLost: 'No se perdió ningún bloque.',
      lost_one: 'Perdido con la rama de {{side}}: {{count, number}} bloque ({{blocks}}).',
      lost_other: 'Perdidos con la rama de {{side}}: {{count, number}} bloques ({{blocks}}).',
      lostBlock: 'el bloque {{index}} de {{name}}',
      stale_one: '{{count, number}} bloque más quedó obsoleto en una carrera dentro de un lado.',
      stale_other: '{{count, number}} bloques más quedaron obsoletos en carreras dentro de un lado.',
      returned_one: '{{count, number}} transacción volvió a pendientes.',
      returned_other: '{{count, number}} transacciones volvieron a pendientes.',
      converged: 'Todos los nodos en una misma cadena: sí.',
      notConverged: 'Todos los nodos en una misma cadena: no.',
    },
    'majority-attack': {
      secret_one:
        'Durante la minería secreta Carol encontró {{count, number}} bloque, Alice y Bob {{honest, number}}.',
      secret_other:
        'Durante la minería secreta Carol encontró {{count, number}} bloques, Alice y Bob {{honest, number}}.',
      replaced:
        'Al reconectarse, Alice adoptó la cadena más larga de {{from}} y abandonó {{blocks}}: su pago tenía {{confirmations}} y ya no está en la cadena.',
      kept: 'En esta ejecución Alice conservó su cadena.',
      payments:
        'El pago de Carol a sí misma está en la cadena: {{doubleSpend}}. El pago a Alice vuelve a estar pendiente: {{pending}} — este simulador, como el tutorial, no comprueba saldos; Bitcoin lo rechazaría ahora por entrar en conflicto.',
      chance:
        'Probabilidad de que un atacante llegue a alcanzar la cadena desde z bloques por detrás (artículo de Bitcoin, §11): con {{share}}: z=1: {{q1}}, z=2: {{q2}}, z=6: {{q6}}; con 30 %: z=1: {{t1}}, z=2: {{t2}}, z=6: {{t6}}.',
    },
    tampering: {
      detected:
        'Alice editó el bloque {{edited}}. Cuando {{detector}} resolvió, su cadena falló en el bloque {{failing}} con {{code}}: el previous_hash del bloque {{failing}} ya no coincide con el hash del bloque editado.',
      remined_one:
        'Tras volver a minar, Carol consideró {{verdict}} la cadena de Alice, con {{count, number}} bloque, pero la cadena honesta de Bob tenía {{honest, number}}: Carol adoptó la de {{adopted}}.',
      remined_other:
        'Tras volver a minar, Carol consideró {{verdict}} la cadena de Alice, con {{count, number}} bloques, pero la cadena honesta de Bob tenía {{honest, number}}: Carol adoptó la de {{adopted}}.',
      valid: 'válida',
      unseen: 'Tras volver a minar, Carol nunca pidió la cadena de Alice.',
      abandoned_one:
        'Luego Alice resolvió y abandonó {{count, number}} bloque: la edición no sobrevive en ninguna parte. Para ganar, un falsificador tiene que rehacer el trabajo más rápido que todos los demás (mira el ataque de mayoría).',
      abandoned_other:
        'Luego Alice resolvió y abandonó {{count, number}} bloques: la edición no sobrevive en ninguna parte. Para ganar, un falsificador tiene que rehacer el trabajo más rápido que todos los demás (mira el ataque de mayoría).',
    },
    difficulty: {
      level_one:
        'D = {{difficulty}}: {{count, number}} bloque, {{attempts, number}} intentos de media ({{expected, number}} esperados), {{seconds, number}} s por bloque ({{expectedSeconds, number}} s esperados a {{rate, number}} hashes/s).',
      level_other:
        'D = {{difficulty}}: {{count, number}} bloques, {{attempts, number}} intentos de media ({{expected, number}} esperados), {{seconds, number}} s por bloque ({{expectedSeconds, number}} s esperados a {{rate, number}} hashes/s).',
      slowdown:
        'Ralentización medida en esta ejecución: {{slowdown, number}}×. Cada bloque es una lotería: unos pocos bloques varían mucho en torno a 16×.',
      noSlowdown: 'Esta ejecución minó con una sola dificultad, así que no hay ralentización que medir.',
    },
    'flaw-claimed-length': {
      adopted_one:
        'Carol declaró {{claimed, number}} bloques y envió {{real, number}}. Alice ({{own}}) comparó lo declarado, vio que la cadena de Carol era válida y la adoptó de {{from}}: {{count, number}} bloque tirado.',
      adopted_other:
        'Carol declaró {{claimed, number}} bloques y envió {{real, number}}. Alice ({{own}}) comparó lo declarado, vio que la cadena de Carol era válida y la adoptó de {{from}}: {{count, number}} bloques tirados.',
      notAdopted:
        'Carol declaró {{claimed, number}} bloques y envió {{real, number}}. Alice ({{own}}) no adoptó ninguna otra cadena.',
      off: 'Con el interruptor apagado, Bob contó los bloques él mismo: la cadena de Carol fue "{{verdict}}" y adoptó la de {{from}}.',
      offKept:
        'Con el interruptor apagado, Bob contó los bloques él mismo: la cadena de Carol fue "{{verdict}}" y no adoptó nada.',
    },
    'flaw-copied-proof': {
      copied_one:
        'Alice necesitó {{source, number}} intentos para la prueba {{proof}}. Bob forjó su bloque con la prueba {{copied}} tras {{count, number}} intento, y el bloque le pagó la recompensa: {{paid}}.',
      copied_other:
        'Alice necesitó {{source, number}} intentos para la prueba {{proof}}. Bob forjó su bloque con la prueba {{copied}} tras {{count, number}} intentos, y el bloque le pagó la recompensa: {{paid}}.',
      notCopied:
        'Alice necesitó {{source, number}} intentos para la prueba {{proof}}. Bob no forjó ningún bloque con ella.',
      header:
        'Con la regla de cabecera la copia fue rechazada: {{refused}} ({{code}}) — la cabecera liga las transacciones y el minero.',
      headerNoCode:
        'Con la regla de cabecera la copia fue rechazada: {{refused}} (sin código) — la cabecera liga las transacciones y el minero.',
    },
    'flaw-greedy-reward': {
      tutorial_one:
        'Alice adoptó la cadena de {{from}}: en su cadena Carol tiene ahora {{count, number}} moneda.',
      tutorial_other:
        'Alice adoptó la cadena de {{from}}: en su cadena Carol tiene ahora {{count, number}} monedas.',
      tutorialKept_one: 'Alice no adoptó nada: en su cadena Carol tiene {{count, number}} moneda.',
      tutorialKept_other: 'Alice no adoptó nada: en su cadena Carol tiene {{count, number}} monedas.',
      strict:
        'Con la validación estricta Bob adoptó la cadena de {{from}}: el bloque {{block}} falló con {{code}}.',
      strictKept: 'Con la validación estricta Bob no adoptó nada: el bloque {{block}} falló con {{code}}.',
    },
    'flaw-mempool': {
      swap_one:
        'Bob adoptó la cadena de {{from}} y abandonó {{blocks}}; {{count, number}} transacción volvió a pendientes.',
      swap_other:
        'Bob adoptó la cadena de {{from}} y abandonó {{blocks}}; {{count, number}} transacciones volvieron a pendientes.',
      noSwap: 'Bob no adoptó ninguna otra cadena.',
      lost_one: '{{tx}}: en la cadena de Bob {{count, number}} vez, pendiente: {{pending}} — perdida.',
      lost_other: '{{tx}}: en la cadena de Bob {{count, number}} veces, pendiente: {{pending}} — perdida.',
      doubled_one: '{{tx}}: en la cadena de Bob {{count, number}} vez — pagada una vez.',
      doubled_other: '{{tx}}: en la cadena de Bob {{count, number}} veces — pagada dos veces.',
    },
    'flaw-no-timeout': {
      alice:
        'El resolve de Alice terminó: {{finished}}, tras esperar al menos {{seconds, number}} s a {{offline}}. Nada más se detuvo: los otros nodos y esta página siguieron funcionando.',
      bob: 'Con el tiempo de espera activado, el resolve de Bob terminó: {{finished}}, en {{seconds, number}} s, marcando a {{offline}} como {{code}}.',
      bobWaiting: 'Con el tiempo de espera activado, el resolve de Bob terminó: {{finished}}.',
    },
    'flaw-equal-length': {
      noPeers: 'Sin pares: {{note}}',
      hadPeers: 'Sin pares: Alice tenía pares.',
      self: 'El registro de Carol a sí misma fue rechazado con {{code}}.',
      equal:
        'Longitudes iguales: Alice {{own, number}}, Bob {{bob, number}} — veredicto "{{verdict}}", "{{message}}". Solo una cadena estrictamente más larga reemplaza.',
    },
  },
};

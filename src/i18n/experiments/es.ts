// The Experiments panel's texts in Spanish (the English, and why it is keyed this way: ./en.ts).
import type { experimentsEn } from './en';

export const experimentsEs: typeof experimentsEn = {
  experimentText: {
    'stale-rate': {
      title: 'Bloques huérfanos y retardo de propagación',
      summary:
        'n mineros iguales ejecutan el nodo del tutorial en modo de eventos sobre el motor; cada bloque llega a los demás exactamente d después de encontrarse (lo lleva la política de retransmisión). Huérfanos: la fracción de bloques minados que quedan fuera de la cadena final — el motor frente a la fórmula de retardo fijo, cuyo límite para n → ∞, (d/T)/(1 + d/T), es la cota de Sompolinsky y Zohar (2015); en primer orden es la tasa de bifurcaciones d/T de Decker y Wattenhofer (2013). Gana el primero encontrado: en las alturas donde compitieron dos bloques, con qué frecuencia se quedó el que se encontró antes — el motor frente a un modelo de referencia de la misma red, escrito aparte de él (no existe una forma cerrada); esta cifra sí ve cómo se deshacen los empates.',
      trialUnit: 'ejecuciones del motor por retardo',
      fields: {
        miners: 'Mineros',
        blocks: 'Bloques por ejecución',
      },
      lists: {
        delay: 'Retardos d/T',
      },
      columns: {
        metric: 'cifra',
        delayOverInterval: 'd/T',
        simulated: 'motor',
        se: '± EE',
        theory: 'teoría',
        deviation: '|Δ|/EE',
        source: 'origen de la teoría',
      },
      cells: {
        metric: {
          stale: 'huérfanos',
          'first-found wins': 'gana el primero encontrado',
        },
        source: {
          'fixed-delay formula': 'fórmula de retardo fijo',
          'reference model': 'modelo de referencia',
        },
      },
      said: {
        run: 'd/T = {{d}}, ejecución {{run}} de {{trials}}',
        reference: 'd/T = {{d}}: el modelo de referencia',
      },
    },
    'selfish-mining': {
      title: 'Minería egoísta',
      summary:
        'Un nodo del motor (modo de eventos: nodos honestos del tutorial, el bus, la retransmisión, la elección de bifurcación del tutorial) retiene sus bloques como lo hace el pool de Eyal y Sirer (2014, algoritmo 1). γ no es una entrada: se mide, como la proporción de los bloques honestos encontrados durante un empate que se construyen sobre el bloque del pool, y depende de quién oye primero cada bloque — un pool más cerca de todos de lo que están entre sí (latencia del pool por debajo de la mitad de la latencia honesta) llega primero a cerca de 1 − 1/n de ellos; uno lento, a ninguno. Motor: la parte del pool en la cadena final. Fórmula: la R(α, γ) del artículo con la γ medida. Por encima de α > (1 − γ)/(3 − 2γ), el pool gana más que α.',
      trialUnit: 'ejecuciones del motor por fila',
      fields: {
        honest: 'Nodos honestos',
        blocks: 'Bloques por ejecución',
        interval: 'Intervalo entre bloques (s)',
        'honest-latency': 'Latencia honesta (s)',
      },
      lists: {
        alpha: 'Partes del pool α',
        'pool-latency': 'Latencias del pool (s)',
      },
      columns: {
        poolLatency: 'latencia del pool',
        gammaMeasured: 'γ medida',
        revenue: 'motor',
        se: '± EE',
        theory: 'R(α, γ)',
        deviation: '|Δ|/EE',
        threshold: 'umbral',
      },
      said: {
        run: 'latencia del pool {{latency}} s, α = {{alpha}}, ejecución {{run}} de {{trials}}',
      },
      notes: {
        profitable: 'Es rentable cuando α > (1 − γ)/(3 − 2γ) con la γ medida (la columna «umbral»).',
      },
    },
    'double-spend': {
      title: 'Doble gasto',
      summary:
        'Un nodo atacante con una parte q del hash paga a un nodo comerciante, mina una rama privada desde el bloque anterior al pago y la publica en cuanto el comerciante tiene z confirmaciones y la rama es al menos igual de larga. Motor (modo de eventos, la elección de bifurcación del tutorial): la proporción de ataques tras los cuales todos los nodos honestos tienen la rama del atacante. Fórmula: la probabilidad exacta de esa carrera (Rosenfeld 2014 con la regla del motor): «estrictamente más larga» — el tutorial solo adopta una cadena más larga — o «alcanzar», donde un bloque minado antes de pagar hace que baste con igualar (la cifra de Rosenfeld; el §11 de Nakamoto la aproxima). El atacante se rinde a k bloques por detrás, (q/p)^k ≤ 10⁻⁴, y la fórmula lo tiene en cuenta. La fórmula supone que los bloques viajan al instante: con una latencia honesta (el atacante está bien conectado), las bifurcaciones honestas desperdician trabajo honesto y el motor muestra al atacante con más éxito — y entonces --check falla, como debe: la fórmula ya no vale.',
      trialUnit: 'ataques por fila',
      fields: {
        honest: 'Mineros honestos',
        interval: 'Intervalo entre bloques (s)',
        latency: 'Latencia honesta (s)',
      },
      lists: {
        q: 'Partes del atacante q',
        z: 'Confirmaciones z',
      },
      columns: {
        rule: 'regla',
        successRate: 'motor',
        se: '± EE',
        theory: 'fórmula',
        deviation: '|Δ|/EE',
        nakamoto: 'Nakamoto §11',
      },
      cells: {
        rule: {
          'strictly-longer': 'estrictamente más larga',
          'catch-up': 'alcanzar',
        },
      },
      said: {
        row: '{{rule}}, q = {{q}}, z = {{z}}',
      },
    },
    retarget: {
      title: 'Reajuste de la dificultad',
      summary:
        'El motor en modo de eventos, un minero, la regla de cabecera, su cadena empezando en el objetivo; cuando la cadena tiene «Bloques antes del salto» bloques, la tasa de hash salta ×k o ÷k. La regla de Bitcoin (un objetivo nuevo en cada ventana, limitado a ×4, midiendo ventana − 1 intervalos), LWMA-1 (zawy12, con su 0,99) y ASERT (aserti3-2d) la reajustan como parte de la validez de la cadena. De la propia cadena de cada ejecución: el intervalo medio antes del salto, y los bloques hasta que el tiempo de bloque esperado medio vuelve a quedar para siempre dentro de ±10 % del objetivo, con el sobreimpulso y el estado estacionario posterior. Teoría: los primeros periodos exactos de Bitcoin y su respuesta de campo medio; el calendario de campo medio de ASERT y su respuesta exponencial. LWMA-1 no tiene forma cerrada: sus filas se muestran, no se comprueban.',
      trialUnit: 'ejecuciones del motor por regla y salto',
      fields: {
        step: 'Salto de tasa de hash k',
        stepAt: 'Bloques antes del salto',
        after: 'Bloques después del salto',
        bitcoinWindow: 'Ventana de Bitcoin (bloques)',
        lwmaWindow: 'Ventana de LWMA (bloques)',
        asertHalfLife: 'Vida media de ASERT (bloques)',
      },
      columns: {
        rule: 'regla',
        step: 'salto',
        figure: 'cifra',
        simulated: 'motor',
        se: '± EE',
        theory: 'teoría',
        deviation: '|Δ|/EE',
        overshoot: 'sobreimpulso',
        overshootSe: '± EE',
        timeOff: 'tiempo fuera del objetivo (T)',
        steadyMean: 'media estacionaria',
      },
      cells: {
        rule: {
          bitcoin: 'bitcoin',
          lwma: 'lwma',
          asert: 'asert',
        },
        figure: {
          before: 'antes',
          settle: 'estabilización',
        },
      },
      said: {
        run: '{{rule}}, tasa de hash {{step}}, ejecución {{run}} de {{trials}}',
        ruleBitcoin: 'Bitcoin (ventana de {{window}} bloques)',
        ruleLwma: 'LWMA-1 ({{window}} bloques)',
        ruleAsert: 'ASERT (vida media de {{halfLife}} bloques)',
      },
      notes: {
        figures:
          'antes: intervalo medio de los bloques anteriores al salto / T. estabilización: bloques tras el salto hasta que el tiempo de bloque esperado medio se mantiene dentro de ±10 % de T (EE: bootstrap sobre las ejecuciones). LWMA-1 no tiene teoría (no se comprueba).',
      },
    },
  },
  experimentWords: {
    seed: 'La semilla debe ser un número entero de 0 a 4294967295.',
    trials: 'Los ensayos ({{unit}}) deben ser un número entero de {{min}} a {{max}}.',
    field: '{{label}} debe ser un número de {{min}} a {{max}}.',
    fieldWhole: '{{label}} debe ser un número entero de {{min}} a {{max}}.',
    list: '{{label}}: de 1 a {{items}} números de {{min}} a {{max}}, separados por punto y coma.',
    listWhole:
      '{{label}}: de 1 a {{items}} números enteros de {{min}} a {{max}}, separados por punto y coma.',
    nakamoto: 'Nakamoto §11 q = {{q}}',
    chartsScroll: 'Gráficos, desplazable',
    loadingCharts: 'Cargando los gráficos…',
    loadingExperiments: 'Cargando los experimentos…',
  },
  experiments: {
    title: 'Experimentos',
    intro:
      'Resultados conocidos de la teoría de blockchain, ejecutados en el motor de simulación — los nodos, la red y la elección de bifurcación del aula, en modo de eventos — y dibujados sobre las fórmulas publicadas. Cada descripción dice qué cifra sale del motor y cuál de una fórmula o de un modelo de referencia.',
    sourceStale:
      'Bloques huérfanos: ejecuciones del motor frente a la fórmula de retardo fijo; gana el primero encontrado: el motor frente a un modelo de referencia de la misma red.',
    sourceSelfish:
      'Minería egoísta: el pool es un nodo del motor y γ se mide allí; R(α, γ) es la fórmula de Eyal y Sirer con esa γ.',
    sourceDouble:
      'Doble gasto: atacante, comerciante y nodos honestos se ejecutan en el motor; la tasa de éxito de al lado es la fórmula exacta de la carrera que ejecuta la elección de bifurcación del motor.',
    sourceRetarget:
      'Reajuste: tiempos de bloque de las propias cadenas del motor; la teoría de campo medio es una fórmula, donde existe.',
    experiment: 'Experimento',
    trials: 'Ensayos',
    commas: 'separados por comas',
    semicolons: 'separados por punto y coma',
    seed: 'Semilla',
    run: 'Ejecutar',
    cancel: 'Cancelar',
    progress: 'Progreso del experimento',
    starting: 'Empezando…',
    done: 'Hecho en {{time}}',
    cancelled: 'Cancelado; el último resultado terminado sigue abajo.',
    agree:
      '<b>{{within}} de {{checked}}</b> puntos simulados quedan a menos de 3 errores estándar de la teoría (con pocos ensayos, el cuantil t con la misma cola). Barras de error: ± 2 errores estándar.',
    agreeOutside:
      '<b>{{within}} de {{checked}}</b> puntos simulados quedan a menos de 3 errores estándar de la teoría (con pocos ensayos, el cuantil t con la misma cola); las filas de fuera están marcadas en la tabla. Barras de error: ± 2 errores estándar.',
    caption: '{{title}}: simulación junto a la teoría',
  },
  expCharts: {
    within: '{{ok}} de {{n}} puntos simulados quedan a menos de 3 errores estándar de la teoría.',
    staleTitle: 'Bloques huérfanos, {{n}} mineros',
    delayAxis: 'retardo de propagación / intervalo medio entre bloques (d/T)',
    staleAxis: 'fracción de bloques huérfanos',
    fixedDelay: 'teoría (retardo fijo)',
    firstOrder: 'primer orden d/T·(n−1)/n',
    engine: 'motor (modo de eventos)',
    racesTitle: 'Carreras ganadas por el bloque encontrado primero, {{n}} mineros',
    racesAxis: 'proporción de carreras que ganó el bloque encontrado primero',
    reference: 'modelo de referencia (la misma red, escrito aparte)',
    selfishTitle: 'Parte de la cadena final del pool egoísta',
    alphaAxis: 'parte del hash del pool α',
    revenueAxis: 'ingreso relativo',
    selfishTheory: 'R(α, γ = {{gamma}} medida), latencia del pool {{latency}} s',
    honest: 'minería honesta (α)',
    selfishEngine: 'motor, latencia del pool {{latency}} s',
    attackTitle: 'Éxito del atacante según las confirmaciones ({{rule}})',
    confirmationsAxis: 'confirmaciones z',
    attackAxis: 'probabilidad de que el ataque tenga éxito',
    formula: 'fórmula q = {{q}}',
    engineQ: 'motor q = {{q}}',
    rateTitle: 'Tasa de hash {{step}}',
    sinceStepAxis: 'bloques desde el salto de tasa de hash',
    meanOverTarget: 'tiempo medio de bloque / objetivo',
    backWithin: '{{rule}} vuelve a estar dentro de ±10 % tras {{n}} bloques',
  },
};

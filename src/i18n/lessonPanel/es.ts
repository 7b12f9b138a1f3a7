// The Lessons view's texts (lessons, bug lab, each lesson's question and each flaw's note) in Spanish (the keys of ./en.ts).
import type { lessonPanelEn } from './en';

export const lessonPanelEs: typeof lessonPanelEn = {
  lessons: {
    title: 'Lecciones',
    lesson: 'Lección',
    flaw: 'Fallo',
    flaws: 'Los fallos del tutorial, uno a uno',
    running: 'Ejecutar esta lección',
    resetting: 'Volver al inicio de esta lección',
    watch: 'Qué observar:',
    predict: 'Predice:',
    run: 'Ejecutar',
    reset: 'Reiniciar',
    predictFirst: 'Predice primero y luego ejecuta.',
    runHint:
      'Ejecutar reemplaza la red por la de esta lección, con su propia semilla, y la reproduce: cada panel muestra lo que pasa. Arrastra la línea de tiempo para volver atrás; la respuesta aparece al final.',
    playing: 'La lección se está reproduciendo…',
    skip: 'Saltar al final',
    reveal: 'Resultado',
    predicted: 'Tu predicción: <b>{{choice}}</b>.',
    agrees: 'La ejecución coincide.',
    shows: 'La ejecución muestra: {{choice}}.',
  },
  bugLab: {
    title: 'Laboratorio de fallos',
    intro:
      'Los fallos conocidos del nodo del tutorial, como interruptores. La regla de prueba del tutorial está activada por defecto porque es la regla que se enseña; las demás están desactivadas salvo que las actives.',
    allOn: 'Fiel al tutorial: todos los fallos activados',
    allOff: 'Todos los fallos desactivados',
    builtIn: 'integrado en «gana la cadena más larga»',
    showing: 'Mostrar este fallo',
    showMe: 'Muéstramelo',
    showMeLabel: 'Muéstramelo: {{title}}',
    whatHappened: 'Qué pasó: {{title}}',
    misbehave: 'Hacer que {{name}} se porte mal',
    greedy: 'Pagarse 1 000 por bloque',
    honest: 'Recompensa honesta (1)',
    claim: 'Declarar 1 000 bloques',
    truth: 'Decir la verdad',
    copyFrom: 'Copiar la última prueba de',
    copy: 'Copiar la prueba',
  },
  lessonText: {
    'first-block': {
      title: 'El primer bloque',
      watch:
        'Un nodo, Alice. Primero el acertijo de calentamiento del tutorial, luego GET /mine: la búsqueda de la prueba cuenta desde 0 y el bloque se forja con el pago pendiente y la recompensa.',
      question: '¿Qué transacción es la última del bloque 2?',
      choices: {
        reward: 'La recompensa: el remitente "0" paga 1 moneda a Alice',
        payment: 'El pago Bob → Alice',
        none: 'Ninguna: en el tutorial los mineros no cobran',
      },
    },
    'two-miners-race': {
      title: 'Dos mineros compiten',
      watch:
        'Alice y Bob tienen la misma potencia de hash y cada uno tiene un pago pendiente distinto. Ambos minan el bloque 2 antes de saber del otro: una bifurcación. Luego ambos resuelven, y después llega la carrera por el bloque 3.',
      question:
        'Cuando el perdedor adopta la cadena más larga del ganador, ¿qué pasa con el pago de su propio bloque 2?',
      choices: {
        pending: 'Vuelve a las transacciones pendientes del perdedor',
        lost: 'Se pierde',
        kept: 'Sigue en la cadena junto al bloque del ganador',
      },
    },
    'partition-heal': {
      title: 'Partición y reconexión',
      watch:
        'Cuatro nodos minan juntos, la red se divide en dos lados que minan por separado, luego se reconecta y todos resuelven.',
      question:
        'Tras la reconexión, ¿qué pasa con los bloques que minó el lado perdedor durante la división?',
      choices: {
        abandoned: 'Se abandonan; gana la historia del otro lado',
        merged: 'Las dos historias se fusionan',
        split: 'Los dos lados conservan cadenas distintas para siempre',
      },
    },
    'majority-attack': {
      title: 'Ataque de mayoría (doble gasto)',
      watch:
        'Carol tiene el 70 % de la potencia de hash. Paga a Alice y luego mina en secreto una cadena en la que las mismas monedas van a su propia cartera. Alice espera 2 confirmaciones y entonces Carol se reconecta.',
      question: '¿Habría protegido a Alice esperar 6 confirmaciones en lugar de 2?',
      choices: {
        no: 'No: con la mayor parte de la potencia de hash, Carol alcanza cualquier ventaja',
        yes: 'Sí: 6 confirmaciones siempre son seguras',
      },
    },
    tampering: {
      title: 'Manipular un bloque antiguo',
      watch:
        'Alice cambia una cantidad en el bloque 2 de su copia, ve romperse el siguiente enlace, vuelve a minar desde el bloque 2 y los pares resuelven.',
      question:
        'Después de que Alice vuelva a minar su cadena editada, ¿acaban los demás nodos con su versión?',
      choices: {
        'no-longer': 'No: la cadena honesta creció mientras tanto y gana la cadena más larga',
        yes: 'Sí: todas las pruebas vuelven a ser válidas',
        'no-invalid': 'No: una cadena minada de nuevo siempre es inválida',
      },
    },
    difficulty: {
      title: 'Dificultad y tiempos de bloque',
      watch: 'Un nodo mina bloques con dificultad D y luego la dificultad sube un cero hexadecimal.',
      question: 'Un cero inicial más: ¿cuánto más tarda un bloque de media?',
      choices: {
        '16x': 'Unas 16 veces más',
        '2x': 'Aproximadamente el doble',
        '1.1x': 'Un poco más: un carácter más que coincidir',
      },
    },
    'flaw-claimed-length': {
      title: 'Fallo: fiarse de la longitud declarada (#50)',
      watch:
        'Alice tiene 5 bloques. Carol tiene 2, pero responde a GET /chain con "length": 1000. Alice resuelve.',
      question: '¿Qué hace Alice con el resolve del tutorial?',
      choices: {
        adopt: 'Adopta la cadena de 2 bloques de Carol',
        keep: 'Conserva sus 5 bloques',
        reject: 'Rechaza la cadena de Carol por inválida',
      },
    },
    'flaw-copied-proof': {
      title: 'Fallo: copiar una prueba (#10, #81, #150)',
      watch:
        'Alice mina el bloque 2. Bob toma su prueba y forja con ella su propio bloque 2. Más tarde, con la regla de cabecera, lo vuelve a intentar.',
      question: '¿Es válido el bloque de Bob con la prueba copiada según la regla del tutorial?',
      choices: {
        valid: 'Sí, y Bob cobra la recompensa sin calcular hashes',
        invalid: 'No, la prueba pertenece al bloque de Alice',
      },
    },
    'flaw-greedy-reward': {
      title: 'Fallo: la recompensa no se comprueba',
      watch:
        'Carol se paga 1 000 monedas por bloque. Alice resuelve con la validación del tutorial, Bob con la estricta.',
      question: '¿Acepta Alice la cadena codiciosa de Carol?',
      choices: {
        accept: 'Sí: el tutorial solo comprueba enlaces y pruebas',
        reject: 'No: la recompensa debe ser 1',
      },
    },
    'flaw-mempool': {
      title: 'Fallo: transacciones pendientes tras un cambio de cadena (#23)',
      watch:
        'Bob mina un bloque con su pago; Alice mina dos bloques que contienen otro pago que Bob también tiene pendiente. Bob resuelve y luego mina.',
      question: 'Tras el cambio, ¿qué pasa con los dos pagos de Bob?',
      choices: {
        'lost-doubled': 'Uno se pierde y el otro acaba dos veces en la cadena',
        fine: 'Ambos acaban una vez en la cadena',
      },
    },
    'flaw-no-timeout': {
      title: 'Fallo: sin tiempo de espera (#119)',
      watch:
        'Carol se desconecta. Alice resuelve y espera; tras {{seconds, number}} s se activa el tiempo de espera y Bob resuelve.',
      question: '¿Qué pasa con el resolve de Alice?',
      choices: {
        hangs: 'No termina nunca',
        skips: 'Se salta a Carol al cabo de un rato',
      },
    },
    'flaw-equal-length': {
      title: 'Por qué resolve "nunca reemplaza" (#64–#89)',
      watch:
        'Alice resuelve sin pares; Carol se registra a sí misma; luego Alice y Bob minan un bloque cada uno y Alice resuelve.',
      question: 'Alice y Bob tienen 2 bloques cada uno, distintos. ¿Qué hace el resolve de Alice?',
      choices: {
        keep: 'Nada: una cadena igual de larga no reemplaza la suya',
        adopt: 'Adopta la cadena de Bob',
      },
    },
  },
  flawNote: {
    'flaw-claimed-length': {
      title: 'Se fía de la longitud declarada',
      paragraph:
        'resolve_conflicts lee el campo "length" de la respuesta GET /chain de cada vecino y compara ese número, en lugar de contar los bloques que recibió. Un nodo que declara 1 000 bloques mientras envía 2 parece el más largo, su cadena corta se valida (y es válida) y el nodo honesto tira su propia historia, más larga. La corrección es una línea: usar len(chain).',
    },
    'flaw-copied-proof': {
      title: 'Prueba no ligada al bloque',
      paragraph:
        'La prueba del tutorial solo calcula el hash de la prueba anterior y del hash anterior, nunca de las transacciones ni del minero del propio bloque. Todos los mineros sobre la misma punta buscan el mismo número, y cualquiera que vea una prueba puede ponerla en un bloque propio —con su propia recompensa— sin calcular ningún hash. La regla de cabecera (Ajustes → Regla de prueba) calcula el hash de una cabecera que liga las transacciones y el minero, así que una prueba copiada no sirve de nada.',
    },
    'flaw-greedy-reward': {
      title: 'La recompensa no se comprueba',
      paragraph:
        'valid_chain comprueba que cada bloque enlaza con el anterior y tiene una prueba válida, nada más. Un nodo puede escribir cualquier recompensa en sus bloques, por ejemplo 1 000 monedas en lugar de 1, y todos los nodos del tutorial aceptan la cadena. La validación estricta comprueba que cada bloque tiene exactamente una recompensa de 1, al final (E_REWARD).',
    },
    'flaw-mempool': {
      title: 'Transacciones pendientes sin conciliar',
      paragraph:
        'Cuando resolve reemplaza la cadena de un nodo, el tutorial deja su lista de pendientes como estaba. Las transacciones de los bloques abandonados se pierden salvo que alguien las vuelva a enviar, y las pendientes que la nueva cadena ya contiene se minan por segunda vez. Una conciliación devuelve las primeras a la lista y descarta las segundas.',
    },
    'flaw-no-timeout': {
      title: 'Sin tiempo de espera para pares desconectados',
      paragraph:
        'resolve_conflicts llama a requests.get para cada vecino sin tiempo de espera y sin tratar errores. Un solo vecino desconectado o inalcanzable deja a resolve esperando para siempre (o lo hace fallar), así que el nodo nunca actualiza su cadena. Aquí la espera es solo un evento pendiente, así que la página sigue respondiendo; con un tiempo de espera el par se indica como E_TIMEOUT y se omite.',
    },
    'flaw-equal-length': {
      title: 'Las cadenas de igual longitud nunca reemplazan',
      paragraph:
        'Muchos lectores cuentan que resolve "nunca reemplaza". Normalmente el nodo no tiene pares registrados, se registró a sí mismo, o las cadenas de sus vecinos son igual de largas: resolve_conflicts solo adopta una cadena estrictamente más larga, así que tras una bifurcación de igual longitud ambos nodos conservan su propio bloque hasta que alguien mina el siguiente. El registro de consenso dice de qué caso se trataba.',
    },
  },
};

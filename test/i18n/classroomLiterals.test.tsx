// @vitest-environment jsdom
// The classroom's pages speak the reader's language: the join page, a student's node with its log, and the
// teacher's screen, rendered under the pseudo-locale (every translation wrapped in ⟦…⟧, pseudo.ts), show no text
// that skipped the translation layer; in Spanish each shows a sentence a Spanish-speaking class would read.
// The student's page is a real one (a class of this browser's tabs, with a miner that finds proofs at once);
// the teacher's page talks to the hub's real core (src/server/hub.ts) through a stand-in WebSocket.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { failure } from '../../src/core/errors';
import type { HexHash } from '../../src/core/hash';
import { searchProof, type Found } from '../../src/core/pow';
import type { HubMessage } from '../../src/classroom/hubMessages';
import { lineOf, notRestoredLine, type LogLine } from '../../src/classroom/nodeLog';
import { chooseLanguage, i18n, loadViewTexts } from '../../src/i18n/i18n';
import { createHub, type Hub } from '../../src/server/hub';
import type { SimEvent } from '../../src/sim/events';
import { DEFAULT_PARAMS } from '../../src/sim/params';
import type { MakeMiner } from '../../src/sim/minerPort';
import { JoinPage } from '../../src/ui/classroom/JoinPage';
import { LogText } from '../../src/ui/classroom/LogText';
import { TeacherPage } from '../../src/ui/classroom/TeacherPage';
import { untranslatedTexts, usePseudoLocale } from './pseudo';

/** Finds each proof at once (difficulty 1 takes a few tries) and hands it over on the next turn, as a worker would. */
const instantMiner: MakeMiner = (found) => ({
  start(job) {
    const f = searchProof(job.pow, job.input, job.startNonce) as Found;
    setTimeout(() => found({ nodeId: job.nodeId, jobId: job.jobId, ...f }), 0);
  },
  stop: () => undefined,
  progress: () => null,
  dispose: () => undefined,
});

const untranslated = () => Object.fromEntries(untranslatedTexts(document.body));

beforeAll(async () => {
  await loadViewTexts();
  await usePseudoLocale();
});
afterEach(async () => {
  cleanup();
  localStorage.clear();
  await usePseudoLocale();
});
afterAll(() => i18n.changeLanguage('en'));

describe('a student’s page', () => {
  it('joins, mines and logs with no untranslated literal; in Spanish it says what was mined', async () => {
    render(
      <JoinPage
        base={{
          mode: 'tabs',
          hubUrl: '',
          difficulty: 1,
          storage: null,
          tabsStorage: null,
          miner: instantMiner,
        }}
        storage={null}
      />,
    );
    expect(untranslated()).toEqual({});
    fireEvent.change(screen.getByLabelText('⟦Your name⟧'), { target: { value: 'Alice' } });
    fireEvent.click(screen.getByRole('button', { name: '⟦Join⟧' }));
    await screen.findByTestId('height', undefined, { timeout: 5000 });
    fireEvent.click(screen.getByRole('button', { name: '⟦Mine a block⟧' }));
    await waitFor(() => expect(document.querySelector('.class-log-mined')).not.toBeNull(), { timeout: 5000 });
    expect(screen.getByTestId('height').textContent).toBe('2');
    expect(untranslated()).toEqual({});

    await act(() => chooseLanguage('es'));
    expect(screen.getByRole('button', { name: 'Minar un bloque' })).toBeTruthy();
    expect(document.querySelector('.class-log-mined')?.textContent).toMatch(
      /^Minaste el bloque 2 \([0-9a-f]{8}…\) tras \d+ intentos?\.$/,
    );
    expect(screen.getByRole('heading', { name: 'La clase (1 nodo)' })).toBeTruthy();
  }, 20_000);

  it('refuses a name with nothing readable left, in the reader’s language', async () => {
    await chooseLanguage('de');
    render(
      <JoinPage
        base={{ mode: 'tabs', hubUrl: '', difficulty: 1, storage: null, miner: instantMiner }}
        storage={null}
      />,
    );
    fireEvent.change(screen.getByLabelText('Dein Name'), { target: { value: '🙂🙂' } });
    fireEvent.click(screen.getByRole('button', { name: 'Beitreten' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Ein Name braucht mindestens einen Buchstaben oder eine Ziffer (Akzente gehen: Sie werden weggelassen).',
    );
  });
});

describe('the node log', () => {
  const me = 'alice';
  const names: Record<string, string> = { '127.0.0.1:6002': 'bob' };
  const nameOf = (a: string) => names[a] ?? a;
  const at = 1;
  const events: SimEvent[] = [
    {
      type: 'block-mined',
      at,
      node: me,
      index: 2,
      hash: 'ab'.repeat(32) as HexHash,
      proof: 7,
      attempts: 1,
      seconds: 0.1,
      difficulty: 2,
    },
    {
      type: 'chain-replaced',
      at,
      node: me,
      from: '127.0.0.1:6002',
      oldLength: 4,
      newLength: 5,
      forkPoint: 2,
      droppedBlocks: 2,
      returnedTxs: [],
    },
    {
      type: 'resolve',
      at,
      node: me,
      trigger: 'manual',
      message: 'Our chain is authoritative',
      ownLength: 5,
      adoptedFrom: null,
      lines: [
        {
          peer: '127.0.0.1:6002',
          verdict: 'unavailable',
          length: null,
          code: 'E_TIMEOUT',
          text: '127.0.0.1:6002: no answer — 127.0.0.1:6002 did not answer (E_TIMEOUT)',
          facts: {
            forkChoice: 'longest',
            work: null,
            verdict: { kind: 'unavailable', error: failure('E_TIMEOUT', '127.0.0.1:6002 did not answer.') },
          },
        },
      ],
    },
    {
      type: 'transaction',
      at,
      node: me,
      accepted: false,
      error: failure('E_AMOUNT', 'The amount must be positive.'),
    },
    {
      type: 'transaction',
      at,
      node: me,
      accepted: true,
      tx: { sender: 'alice', recipient: 'bob', amount: 5 },
      blockIndex: 6,
    },
    {
      type: 'peers',
      at,
      node: me,
      added: ['127.0.0.1:6002'],
      rejected: [{ url: 'http://alice:5000', error: failure('E_SELF') }],
    },
    { type: 'chain-loaded', at, node: me, length: 1 },
    {
      type: 'settings',
      at,
      params: { ...DEFAULT_PARAMS, pow: { rule: 'tutorial', difficulty: 5 } },
      changed: ['pow.difficulty'],
    },
    { type: 'error', at, node: me, error: failure('E_STORAGE') },
  ];
  const lines: LogLine[] = [
    ...events.map((ev, i) => ({ id: i, ...(lineOf(ev, me, nameOf) as Omit<LogLine, 'id'>) })),
    { id: 99, ...notRestoredLine(failure('E_JSON')) },
  ];
  const show = () =>
    render(
      <ol>
        {lines.map((l) => (
          <li key={l.id}>
            <LogText line={l} />
          </li>
        ))}
      </ol>,
    );

  it('keeps the English sentence beside its facts', () => {
    expect(lines.map((l) => l.text).slice(0, 3)).toEqual([
      'You mined block 2 (abababab…) after 1 attempt.',
      "Our chain was replaced by bob's: 5 blocks now. Your 2 blocks after block 2 lost the race and were dropped.",
      'Resolve: Our chain is authoritative. bob: 127.0.0.1:6002: no answer — 127.0.0.1:6002 did not answer (E_TIMEOUT)',
    ]);
  });

  it('words every kind of line through the translation layer', () => {
    show();
    expect(untranslated()).toEqual({});
  });

  it('speaks Spanish, with the engine’s failures translated and the data as sent', async () => {
    await chooseLanguage('es');
    show();
    const text = [...document.querySelectorAll('li')].map((li) => li.textContent);
    expect(text).toEqual([
      'Minaste el bloque 2 (abababab…) tras 1 intento.',
      'Nuestra cadena fue sustituida por la de bob: ahora tiene 5 bloques. 2 bloques tuyos posteriores al bloque 2 perdieron la carrera y se descartaron.',
      'Resolver: «Our chain is authoritative» (tu nodo conserva su cadena). bob: El par no respondió a tiempo. E_TIMEOUT',
      'Transacción rechazada: Una cantidad no es un número positivo. E_AMOUNT',
      'La transacción alice → bob (5) irá en el bloque 6.',
      'Registrado: bob. No registrado http://alice:5000: Un nodo no puede registrarse a sí mismo como par. E_SELF',
      'Tu cadena de 1 bloque ha vuelto del almacenamiento de este navegador.',
      'La dificultad de la clase es ahora 5.',
      'El navegador no quiso guardar el autoguardado. E_STORAGE',
      'La cadena que guardaba este navegador no se pudo restaurar: El texto no es JSON válido. E_JSON',
    ]);
  });
});

describe('the teacher’s page', () => {
  const KEY = 'teacher-key-0123456789';
  let hub: Hub;

  /** The browser's WebSocket, carried to the hub's core in-process (as test/classroom/hub.test.ts does). */
  class InProcessSocket {
    onopen: (() => void) | null = null;
    onmessage: ((e: { data: string }) => void) | null = null;
    onclose: (() => void) | null = null;
    private readonly conn = hub.connect({
      remote: '10.0.0.1',
      send: (text) => this.onmessage?.({ data: text }),
      close: () => this.onclose?.(),
      buffered: () => 0,
    });
    constructor() {
      setTimeout(() => this.onopen?.(), 0);
    }
    send(text: string) {
      this.conn.receive(text);
    }
    close() {
      this.conn.closed();
    }
  }

  /**
   * A student's page on the hub, as a plain object (it needs no node to be on the roster); with a tip, it reports
   * its chain once welcomed, without one it is listed as not reported yet.
   */
  async function student(name: string, tip: string | null) {
    const got: HubMessage[] = [];
    const conn = hub.connect({
      remote: '10.0.0.9',
      send: (text) => got.push(JSON.parse(text) as HubMessage),
      close: () => undefined,
      buffered: () => 0,
    });
    const say = (m: unknown) => conn.receive(JSON.stringify(m));
    say({ v: 1, type: 'join', name, token: null });
    await waitFor(() => expect(got.some((m) => m.type === 'welcome')).toBe(true));
    if (tip) say({ v: 1, type: 'status', height: 3, tip, recent: [tip, 'b'.repeat(64)], mining: true });
    return say;
  }

  beforeAll(() => {
    let port = 6000;
    hub = createHub({
      key: KEY,
      difficulty: 3,
      genesisTimestamp: 1_700_000_000,
      publicHost: '127.0.0.1',
      localHosts: ['127.0.0.1'],
      openPort: async () => ({ port: ++port, close: async () => undefined }),
      outbound: async () => ({ error: failure('E_UNREACHABLE') }),
      limits: {},
    });
    vi.stubGlobal('WebSocket', InProcessSocket);
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    await hub.stop();
  });

  it('shows the class, its branches and the hub’s refusals with no untranslated literal; in Spanish too', async () => {
    // Alice and Bob on two branches of block 3; Carol joined but has not reported her chain yet.
    await student('alice', 'a'.repeat(64));
    const bob = await student('bob', 'c'.repeat(64));
    await student('carol', null);
    bob({ v: 1, type: 'heal' }); // a student's page may not command the class
    render(
      <TeacherPage hubUrl="ws://127.0.0.1/hub" teacherKey={KEY} joinUrl="http://127.0.0.1:8080/?join" />,
    );
    await screen.findByText('⟦3 of 3 nodes online⟧', undefined, { timeout: 3000 });
    await waitFor(
      () => expect(document.querySelector('.class-refused code')?.textContent).toBe('E_FORBIDDEN'),
      {
        timeout: 3000,
      },
    );
    expect(screen.getByTestId('branches').textContent).toBe('⟦2 branches⟧');
    expect(untranslated()).toEqual({});

    await act(() => chooseLanguage('es'));
    expect(screen.getByRole('heading', { name: 'Toda la clase' })).toBeTruthy();
    expect(screen.getByText('3 de 3 nodos conectados')).toBeTruthy();
    expect(document.querySelector('.class-refused li')?.textContent).toMatch(
      /^\d\d:\d\d:\d\d · la página de bob: Solo el profesor puede hacer eso, y una página habla solo por su propio nodo\. E_FORBIDDEN$/,
    );
  }, 15_000);
});

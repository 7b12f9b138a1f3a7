// @vitest-environment jsdom
// The consensus log in the reader's language: each verdict's sentence comes from the line's facts
// (src/ui/outcomeText.ts), chain faults by their detail id (src/ui/faultText.ts), and a line saved before the
// facts existed still shows its English.
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CandidateOutcome, ResolvePlan } from '../../src/core/consensus';
import { failure } from '../../src/core/errors';
import type { PowParams } from '../../src/core/pow';
import { validateChain, type ChainFault } from '../../src/core/validate';
import { chooseLanguage, i18n } from '../../src/i18n/i18n';
import { NO_PEERS_NOTE, resolveLines } from '../../src/sim/resolveLog';
import type { ResolveEvent } from '../../src/store/appStore';
import { ResolveEntry } from '../../src/ui/ResolveEntry';
import { mineSimple, tamper } from '../core/helpers';
import { untranslatedTexts, usePseudoLocale } from '../i18n/pseudo';

const POW: PowParams = { rule: 'tutorial', difficulty: 2 };
const good = mineSimple(POW, 4);

function faultOf(chain: ReturnType<typeof mineSimple>): ChainFault {
  const r = validateChain(chain, { pow: POW, strictness: 'tutorial' });
  if (r.ok) throw new Error('expected a fault');
  return r.error;
}

// Block 3's proof no longer meets the difficulty; in the other chain block 3 was edited, so block 4's link breaks.
const powFault = faultOf(tamper(good, 3, (b) => ({ ...b, proof: -1 })));
const linkFault = faultOf(tamper(good, 3, (b) => ({ ...b, timestamp: b.timestamp + 1 })));

const OUTCOMES: CandidateOutcome[] = [
  { peer: 'bob:5000', length: 5, work: 1024, verdict: { kind: 'adopted' } },
  { peer: 'carol:5000', length: 3, work: 512, verdict: { kind: 'not-better', than: 'ours', equal: true } },
  {
    peer: 'dave:5000',
    length: 2,
    work: 256,
    verdict: { kind: 'not-better', than: 'bob:5000', equal: false },
  },
  { peer: 'erin:5000', length: 4, work: 768, verdict: { kind: 'outbid', by: 'bob:5000' } },
  { peer: 'frank:5000', length: 5, work: 1024, verdict: { kind: 'invalid', fault: powFault } },
  { peer: 'grace:5000', length: 5, work: 1024, verdict: { kind: 'invalid', fault: linkFault } },
  {
    peer: 'heidi:5000',
    length: null,
    work: null,
    verdict: {
      kind: 'unavailable',
      error: failure('E_TIMEOUT', 'heidi:5000 did not answer GET /chain within 3 s.'),
    },
  },
];

const plan: ResolvePlan = {
  adopt: { peer: 'bob:5000', chain: good },
  message: 'Our chain was replaced',
  ownLength: 3,
  ownWork: 512,
  outcomes: OUTCOMES,
};

const event = (lines: ResolveEvent['lines']): ResolveEvent => ({
  type: 'resolve',
  at: 12,
  node: 'alice',
  trigger: 'manual',
  message: 'Our chain was replaced',
  ownLength: 3,
  adoptedFrom: 'bob:5000',
  lines,
});

const show = (ev: ResolveEvent) =>
  render(
    <ul>
      <ResolveEntry event={ev} />
    </ul>,
  );

const lineTexts = () => [...document.querySelectorAll('.verdict-text')].map((el) => el.textContent);

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

describe('the consensus log in the reader’s language', () => {
  it('says every verdict through the translation layer, faults and errors included', async () => {
    await usePseudoLocale();
    show({ ...event(resolveLines(plan, 'longest')), note: NO_PEERS_NOTE });
    expect(document.querySelector('.resolve-note')?.textContent).toContain('⟦No peers are registered');
    expect(lineTexts()).toHaveLength(7);
    expect(Object.fromEntries(untranslatedTexts(document.body))).toEqual({});
    expect(lineTexts()[4]).toMatch(
      /^ — ⟦⟦5 blocks⟧ but invalid\. ⟦Block 3: ⟦proof -1 .* leading zeros\.⟧⟧⟧$/,
    );
    cleanup();
    // The check bites: a line without facts is the engine's English, outside the markers.
    show(event(resolveLines(plan, 'longest').map(({ facts: _facts, ...rest }) => rest)));
    expect([...untranslatedTexts(document.body).values()].flat().join(' ')).toContain(
      'but invalid. Block 3: proof -1',
    );
  });

  it('words the same lines in English as the engine does, and in Spanish with the block number and names', async () => {
    const lines = resolveLines(plan, 'longest');
    show(event(lines));
    const english = lineTexts();
    expect(english[2]).toBe(" — 2 blocks, less than Bob's chain; only a longer chain replaces it.");
    expect(english[4]).toBe(
      ' — 5 blocks but invalid. Block 3: proof -1 does not give a hash with 2 leading zeros.',
    );
    expect(english[6]).toBe(' — Heidi did not answer GET /chain within 3 s.');
    cleanup();

    await chooseLanguage('es');
    show(event(lines));
    const spanish = lineTexts();
    expect(spanish[1]).toBe(
      ' — 3 bloques, igual que nuestra cadena; solo una cadena más larga la reemplaza.',
    );
    expect(spanish[2]).toBe(
      ' — 2 bloques, menos que la cadena de Bob; solo una cadena más larga la reemplaza.',
    );
    expect(spanish[3]).toBe(' — válida y más larga que la nuestra, pero Bob tenía una cadena mejor.');
    expect(spanish[4]).toBe(
      ' — 5 bloques, pero no es válida. Bloque 3: la prueba -1 no da un hash con 2 ceros iniciales.',
    );
    const { says, hashesTo } =
      linkFault.detail?.id === 'prevHash' ? linkFault.detail.values : { says: '', hashesTo: '' };
    expect(spanish[5]).toBe(
      ` — 5 bloques, pero no es válida. Bloque 4: previous_hash ya no coincide con el hash del bloque 3 (dice ${says}, el bloque 3 da el hash ${hashesTo}).`,
    );
    expect(spanish[6]).toBe(' — El par no respondió a tiempo.');
  });

  it('under most-work fork choice, sizes are work and the rule is more work', async () => {
    await chooseLanguage('de');
    show(event(resolveLines(plan, 'most-work')));
    expect(lineTexts()[1]).toBe(' — Arbeit 512, gleich viel wie unsere Kette; nur mehr Arbeit ersetzt sie.');
  });

  it('a line saved before the facts existed shows its English sentence', async () => {
    await chooseLanguage('es');
    const old = resolveLines(plan, 'longest').map(({ facts: _facts, ...rest }) => rest);
    show(event(old));
    expect(lineTexts()[4]).toBe(
      ' — 5 blocks but invalid. Block 3: proof -1 does not give a hash with 2 leading zeros.',
    );
    expect(lineTexts()[2]).toBe(" — 2 blocks, less than Bob's chain; only a longer chain replaces it.");
  });
});

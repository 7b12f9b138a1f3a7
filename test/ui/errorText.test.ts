// @vitest-environment jsdom
// Failures on screen (src/ui/errorText.ts): the engine's English as it is for an English reader; for others the
// code's sentence translated, with the English kept aside only when it carries facts.
import { afterEach, describe, expect, it } from 'vitest';
import { failure } from '../../src/core/errors';
import { chooseLanguage, i18n } from '../../src/i18n/i18n';
import { errorText } from '../../src/ui/errorText';

const t = i18n.t.bind(i18n);
const tooLarge = failure('E_TOO_LARGE', 'The input has 300001 characters; at most 300000 are accepted.');
const unreachable = failure('E_UNREACHABLE', 'The hub is stopping.');
const timeout = failure('E_TIMEOUT', 'bob:5000 did not answer within 3 s.');

afterEach(() => i18n.changeLanguage('en'));

describe('a failure in the reader’s language', () => {
  it('in English: the specific sentence as the engine says it', () => {
    expect(errorText(t, tooLarge)).toEqual({ text: tooLarge.message, detail: null });
    expect(errorText(t, failure('E_JSON'))).toEqual({ text: 'The text is not valid JSON.', detail: null });
  });

  it('in Spanish: the code’s sentence, and the English aside only when it has numbers', async () => {
    await chooseLanguage('es');
    expect(errorText(t, failure('E_JSON'))).toEqual({ text: 'El texto no es JSON válido.', detail: null });
    expect(errorText(t, tooLarge)).toEqual({
      text: 'La entrada es más grande de lo permitido.',
      detail: tooLarge.message,
    });
    expect(errorText(t, unreachable)).toEqual({ text: 'No se puede llegar al par.', detail: null });
    // "5000" is part of an address, "3 s" is a fact.
    expect(errorText(t, timeout).detail).toBe(timeout.message);
    expect(errorText(t, failure('E_UNREACHABLE', 'bob:5000 cannot be reached.')).detail).toBeNull();
  });

  it('in German: a chain fault in full, by its detail id', async () => {
    await chooseLanguage('de');
    const fault = {
      code: 'E_BALANCE' as const,
      blockNumber: 7,
      message: 'Block 7: "bob" sends 3 but holds only 0.',
      detail: { id: 'balance' as const, values: { sender: 'bob', amount: '3', had: '0' } },
    };
    expect(errorText(t, fault)).toEqual({ text: 'Block 7: "bob" sendet 3, hat aber nur 0.', detail: null });
    const { detail: _detail, ...old } = fault;
    expect(errorText(t, old).text).toBe('Ein Absender gibt mehr aus, als er hat.');
  });
});

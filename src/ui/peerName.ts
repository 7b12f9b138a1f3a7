// Messages and resolve lines name nodes by netloc ("bob:5000", what the tutorial's register_node keeps);
// people know them as "Bob". A removed node keeps its name; a hand-typed address is shown as typed.
import { CLIENT } from '../sim/world';
import { i18n } from '../i18n/i18n';
import { nodeName } from './format';

/** "bob:5000" → "Bob"; "client" (the browser) → "Client", in the reader's language; "192.168.0.5:5000" stays. */
export function peerName(netloc: string): string {
  if (netloc === CLIENT) return i18n.t('peer.client', { defaultValue: 'Client' });
  const m = /^([a-z][a-z0-9]*):5000$/.exec(netloc);
  return m ? nodeName(m[1] as string) : netloc;
}

/** The netloc a node answers on: its URL without the scheme (register_node, docs/protocol.md "Endpoints"). */
export function netlocOf(url: string): string {
  return url.replace(/^https?:\/\//, '');
}

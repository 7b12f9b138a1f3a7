// A refusal the hub sent (its code and English message, src/server/hub.ts) or a failure of the page itself, in
// the reader's language through the engine's error texts (src/ui/FailureText.tsx). A code those texts do not
// know (a hub of a newer version) is shown with its message as the hub sent it.
import { ERROR_CODES, type Failure } from '../../core/errors';
import { FailureText } from '../FailureText';

export function ProblemText({ error }: { error: { readonly code: string; readonly message: string } }) {
  if (!Object.hasOwn(ERROR_CODES, error.code))
    return (
      <>
        {error.message} <code>{error.code}</code>
      </>
    );
  return <FailureText error={error as Failure} />;
}

// A Failure or chain fault as a student reads it: in their language, with the engine's English kept aside only
// when it carries facts (errorText.ts), and the rule code as code.
import type { Failure } from '../core/errors';
import { useText } from '../i18n/useText';
import { errorText } from './errorText';

export function FailureText({ error }: { error: Failure }) {
  const { t } = useText();
  const shown = errorText(t, error);
  return (
    <>
      {shown.text}
      {shown.detail && (
        <>
          {' '}
          <span lang="en" className="failure-detail">
            ({shown.detail})
          </span>
        </>
      )}{' '}
      <code>{error.code}</code>
    </>
  );
}

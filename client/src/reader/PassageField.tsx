/** The targeted passage: quoted when it comes from a selection, typed when the form was opened from the keyboard. */
import type { MessageKey } from '../i18n/i18n.ts';
import { useT } from '../i18n/i18n.ts';
import { Field } from '../ui/Field.tsx';
import type { ComposerTarget, TargetRange } from './target.ts';

const problems: Record<string, MessageKey> = {
  not_found: 'composer.passageNotFound',
  ambiguous: 'composer.passageAmbiguous',
  gone: 'composer.passageGone',
};

export function PassageField({ target, range, passage, onPassage }: { target: ComposerTarget; range: TargetRange; passage: string; onPassage: (value: string) => void }) {
  const t = useT();
  const problem = 'problem' in range && range.problem !== 'empty' ? t(problems[range.problem] as MessageKey) : null;
  if (target.anchor) {
    return (
      <div class="field">
        <p class="label-like">{t('composer.passage', { number: target.articleNumber })}</p>
        <blockquote class="quote">« {'text' in range ? range.text : target.anchor.quote.exact} »</blockquote>
        {problem && <p class="field-error">{problem}</p>}
      </div>
    );
  }
  return (
    <Field label={t('composer.passage', { number: target.articleNumber })} hint={t('composer.passageHint')} error={problem}>
      {(props) => <input {...props} value={passage} onInput={(e) => onPassage(e.currentTarget.value)} required />}
    </Field>
  );
}

/**
 * The debate on an article, folded under it until opened: arguments pour and contre (each with its "+1"), sources,
 * and questions to the rapporteurs with their official answers. Loaded when opened, kept current by the live stream
 * (the +1 counts by its tallies).
 * Arguments come in the equal-exposure random order (CONTRIB), stable while the panel stays open.
 */
import { useRef, useState } from 'preact/hooks';
import type { ArgumentSide } from '../../../shared/api/arguments.ts';
import { useSession } from '../account/session.ts';
import { addArgument, addSource, askQuestion, listArguments, listQuestions, listSources } from '../api/debate.ts';
import { useT } from '../i18n/i18n.ts';
import { useReloadOn } from '../live/BillEvents.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { useAsync } from '../ui/useAsync.ts';
import { useLoadTallies } from '../votes/tallies.tsx';
import { ArgumentItem, QuestionItem, SourceItem } from './DebateItems.tsx';
import { DebateForm } from './DebateForm.tsx';

function Debate({ billId, articleId, articleNumber }: { billId: string; articleId: string; articleNumber: string }) {
  const t = useT();
  const me = useSession();
  const target = { type: 'article' as const, id: articleId };
  const seed = useRef<string | undefined>(undefined);
  const args = useAsync(async () => {
    const list = await listArguments(billId, target, seed.current);
    seed.current = list.seed ?? undefined;
    return list;
  }, [billId, articleId]);
  const sources = useAsync(() => listSources(billId, target), [billId, articleId]);
  const questions = useAsync(() => listQuestions(billId, articleId), [billId, articleId]);
  useReloadOn(['argument.', 'moderation.'], args.reload);
  useLoadTallies(billId, 'argument', (args.data?.arguments ?? []).map((argument) => argument.id));
  useReloadOn(['source.', 'moderation.'], sources.reload);
  useReloadOn(['question.', 'response.', 'moderation.'], questions.reload);

  const side = (which: ArgumentSide) => (args.data?.arguments ?? []).filter((argument) => argument.side === which);
  return (
    <div class="debate-body">
      <ErrorMessage error={args.error ?? sources.error ?? questions.error} />
      <div class="debate-sides">
        {(['pour', 'contre'] as const).map((which) => (
          <section key={which} aria-label={t(which === 'pour' ? 'debate.pour' : 'debate.contre')}>
            <h4>{t(which === 'pour' ? 'debate.pour' : 'debate.contre')}</h4>
            {side(which).length === 0 && <p class="muted">{t('debate.noArguments')}</p>}
            <ul class="debate-list">
              {side(which).map((argument) => (
                <ArgumentItem key={argument.id} billId={billId} argument={argument} />
              ))}
            </ul>
            {me && (
              <DebateForm
                fields={[{ name: 'body', label: t(which === 'pour' ? 'debate.newPour' : 'debate.newContre'), multiline: true, max: 4000 }]}
                submitLabel={t('debate.addArgument')}
                onSubmit={async ({ body }) => {
                  await addArgument(billId, target, which, body ?? '');
                  args.reload();
                }}
              />
            )}
          </section>
        ))}
      </div>
      <section aria-label={t('debate.sources')}>
        <h4>{t('debate.sources')}</h4>
        {sources.data?.sources.length === 0 && <p class="muted">{t('debate.noSources')}</p>}
        <ul class="debate-list">
          {(sources.data?.sources ?? []).map((source) => (
            <SourceItem key={source.id} billId={billId} source={source} />
          ))}
        </ul>
        {me && (
          <DebateForm
            fields={[
              { name: 'title', label: t('debate.sourceTitle'), max: 200 },
              { name: 'url', label: t('debate.sourceUrl'), type: 'url', max: 2000 },
              { name: 'description', label: t('debate.sourceDescription'), multiline: true, max: 2000, optional: true },
            ]}
            submitLabel={t('debate.addSource')}
            onSubmit={async ({ title, url, description }) => {
              await addSource(billId, target, { title: title ?? '', url: url ?? '', description: description ?? '' });
              sources.reload();
            }}
          />
        )}
      </section>
      <section aria-label={t('debate.questions')}>
        <h4>{t('debate.questions')}</h4>
        {questions.data?.questions.length === 0 && <p class="muted">{t('debate.noQuestions')}</p>}
        <ul class="debate-list">
          {(questions.data?.questions ?? []).map((question) => (
            <QuestionItem key={question.id} billId={billId} question={question} />
          ))}
        </ul>
        {me && (
          <DebateForm
            fields={[{ name: 'body', label: t('debate.newQuestion', { number: articleNumber }), multiline: true, max: 4000 }]}
            submitLabel={t('debate.ask')}
            onSubmit={async ({ body }) => {
              await askQuestion(billId, articleId, body ?? '');
              questions.reload();
            }}
          />
        )}
      </section>
    </div>
  );
}

/** The folded debate of one article. */
export function DebatePanel({ billId, articleId, articleNumber }: { billId: string; articleId: string; articleNumber: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <details class="debate" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('debate.title', { number: articleNumber })}</summary>
      {open && <Debate billId={billId} articleId={articleId} articleNumber={articleNumber} />}
    </details>
  );
}

/** An annotation thread: the quoted passage, the comment, its replies, and a reply form for signed-in readers. */
import { useState } from 'preact/hooks';
import type { AnnotationThread } from '../../../shared/api/annotations.ts';
import { useSession } from '../account/session.ts';
import { replyToAnnotation } from '../api/annotations.ts';
import { useT } from '../i18n/i18n.ts';
import { ReportButton } from '../moderation/ReportButton.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { Field } from '../ui/Field.tsx';
import { AnchorStatusBadge } from './AnchorStatusBadge.tsx';
import { AuthorLine } from './AuthorLine.tsx';

function Body({ body, tombstone }: { body: string | null; tombstone: { reason: string } | null }) {
  const t = useT();
  if (tombstone) return <p class="tombstone">{t('annotations.hidden', { reason: tombstone.reason })}</p>;
  return <p class="comment-body">{body}</p>;
}

function ReplyForm({ billId, threadId, onReplied }: { billId: string; threadId: string; onReplied: () => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await replyToAnnotation(billId, threadId, text);
      setText('');
      onReplied();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="reply-form" onSubmit={(e) => void submit(e)}>
      <Field label={t('annotations.reply')}>
        {(props) => <textarea {...props} rows={2} maxLength={4000} value={text} onInput={(e) => setText(e.currentTarget.value)} />}
      </Field>
      <ErrorMessage error={error} />
      <button type="submit" disabled={busy || !text.trim()}>
        {t('annotations.sendReply')}
      </button>
    </form>
  );
}

export function Thread({
  billId,
  thread,
  articleNumber,
  active,
  onSelect,
  onChanged,
}: {
  billId: string;
  thread: AnnotationThread;
  articleNumber: string | null;
  active: boolean;
  onSelect: () => void;
  onChanged: () => void;
}) {
  const t = useT();
  const me = useSession();
  const headingId = `thread-${thread.id}`;
  return (
    <article class={`thread${active ? ' active' : ''}`} aria-labelledby={headingId} data-thread-id={thread.id}>
      <h4 id={headingId} class="thread-title">
        <button type="button" class="link-button" onClick={onSelect} aria-pressed={active}>
          {articleNumber ? t('reader.article', { number: articleNumber }) : t('annotations.thread')}
        </button>{' '}
        <AnchorStatusBadge status={thread.anchorStatus} />
      </h4>
      {thread.anchor && <blockquote class="quote">« {thread.anchor.quote.exact} »</blockquote>}
      <AuthorLine author={thread.author} at={thread.createdAt} />
      <Body body={thread.body} tombstone={thread.tombstone} />
      {!thread.tombstone && <ReportButton billId={billId} target={{ type: 'annotation', id: thread.id }} authorIds={[thread.author.id]} />}
      {thread.replies.length > 0 && (
        <ul class="replies" aria-label={t('annotations.replies', { count: thread.replies.length })}>
          {thread.replies.map((reply) => (
            <li key={reply.id} class="reply">
              <AuthorLine author={reply.author} at={reply.createdAt} />
              <Body body={reply.body} tombstone={reply.tombstone} />
              {!reply.tombstone && <ReportButton billId={billId} target={{ type: 'annotation', id: reply.id }} authorIds={[reply.author.id]} />}
            </li>
          ))}
        </ul>
      )}
      {me && <ReplyForm billId={billId} threadId={thread.id} onReplied={onChanged} />}
    </article>
  );
}

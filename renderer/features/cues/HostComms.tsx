import { useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostMessage, PinnedQuestion } from '../../../shared/contract/cues.js';
import { useCommand } from '../../lib/useCommand.js';
import { Button } from '../../ui/Button.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { newestFirst } from './cueClock.js';
import { formatTimeOfDay } from './format.js';
import { useCueActions } from './useCue.js';

const SHOWN_MESSAGES = 5;

/** Producer → host: a short message shown big on the host view (newest on top). */
export function HostMessages({ messages }: { messages: readonly HostMessage[] }): ReactNode {
  const { t } = useTranslation();
  const { message } = useCueActions();
  const send = useCommand(message);
  const [text, setText] = useState('');
  const onSubmit = (e: SubmitEvent): void => {
    e.preventDefault();
    if (text.trim() === '') return;
    void send.run(text.trim()).then((r) => {
      if (r.ok) setText('');
    });
  };
  return (
    <section className="cue-box" aria-labelledby="cue-messages-title">
      <h3 id="cue-messages-title">{t('cues.messages.title')}</h3>
      <form className="inline-form" onSubmit={onSubmit}>
        <label htmlFor="cue-message" className="visually-hidden">
          {t('cues.messages.label')}
        </label>
        <input
          id="cue-message"
          data-testid="cue-message-input"
          value={text}
          maxLength={500}
          placeholder={t('cues.messages.placeholder')}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <Button type="submit" variant="primary" data-testid="cue-message-send" disabled={send.pending || text.trim() === ''}>
          {t('cues.messages.send')}
        </Button>
      </form>
      {send.error ? <ErrorMessage error={send.error} title={t('cues.messages.error')} /> : null}
      {messages.length === 0 ? (
        <p className="muted">{t('cues.messages.none')}</p>
      ) : (
        <ul className="plain-list cue-message-list">
          {newestFirst(messages)
            .slice(0, SHOWN_MESSAGES)
            .map((m) => (
              <li key={m.id} data-testid="cue-message">
                <span className="muted">{formatTimeOfDay(m.postedAt)}</span> {m.text}
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}

/** Questions pinned for the host (from chat later; typed here for now), and unpinning them. */
export function PinnedQuestions({ pins }: { pins: readonly PinnedQuestion[] }): ReactNode {
  const { t } = useTranslation();
  const { pin, unpin } = useCueActions();
  const add = useCommand(pin);
  const remove = useCommand(unpin);
  const [text, setText] = useState('');
  const [author, setAuthor] = useState('');
  const onSubmit = (e: SubmitEvent): void => {
    e.preventDefault();
    if (text.trim() === '') return;
    void add.run(text.trim(), author).then((r) => {
      if (r.ok) {
        setText('');
        setAuthor('');
      }
    });
  };
  return (
    <section className="cue-box" aria-labelledby="cue-pins-title">
      <h3 id="cue-pins-title">{t('cues.pins.title')}</h3>
      <form className="inline-form" onSubmit={onSubmit}>
        <label htmlFor="cue-pin" className="visually-hidden">
          {t('cues.pins.label')}
        </label>
        <input id="cue-pin" data-testid="cue-pin-input" value={text} maxLength={500} placeholder={t('cues.pins.placeholder')} onChange={(e) => setText(e.currentTarget.value)} />
        <label htmlFor="cue-pin-author" className="visually-hidden">
          {t('cues.pins.author')}
        </label>
        <input
          id="cue-pin-author"
          className="pin-author"
          value={author}
          maxLength={100}
          placeholder={t('cues.pins.author')}
          onChange={(e) => setAuthor(e.currentTarget.value)}
        />
        <Button type="submit" data-testid="cue-pin-add" disabled={add.pending || text.trim() === ''}>
          {t('cues.pins.add')}
        </Button>
      </form>
      {add.error ? <ErrorMessage error={add.error} title={t('cues.pins.error')} /> : null}
      {remove.error ? <ErrorMessage error={remove.error} title={t('cues.pins.unpinError')} /> : null}
      {pins.length === 0 ? (
        <p className="muted">{t('cues.pins.none')}</p>
      ) : (
        <ol className="cue-pin-list">
          {pins.map((p) => (
            <li key={p.id} data-testid="cue-pin">
              <span>
                {p.text}
                {p.author ? <span className="muted"> — {p.author}</span> : null}
              </span>
              <Button variant="ghost" className="btn-small" data-testid="cue-unpin" aria-label={t('cues.pins.unpinLabel', { text: p.text })} onClick={() => void remove.run(p.id)}>
                {t('cues.pins.unpin')}
              </Button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

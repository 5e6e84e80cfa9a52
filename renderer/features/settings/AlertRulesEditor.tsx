import { useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertRules } from '../../../shared/contract/metrics.js';
import { useApi } from '../../app/ApiContext.js';
import { useCommand } from '../../lib/useCommand.js';
import { Button } from '../../ui/Button.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { useAlertRules } from '../alerts/useAlertRules.js';
import { fieldError, fieldsOf, formOf, RULE_KEYS, rulesOf, type RuleForm, type RuleKey } from './ruleForm.js';

const COMMAND = 'alerts.setRules';

/**
 * Settings → alert rules: each metrics rule's thresholds, on/off and sound. The core validates (its message is
 * shown next to the field it names) and stores; the form then shows what the core stored.
 */
export function AlertRulesEditor(): ReactNode {
  const { t } = useTranslation();
  const { rules, error } = useAlertRules();
  return (
    <section className="panel settings-section" aria-labelledby="alert-rules-title" data-testid="alert-rules">
      <h2 id="alert-rules-title">{t('metricsSettings.rulesTitle')}</h2>
      <p className="note">{t('metricsSettings.rulesNote')}</p>
      {error ? <ErrorMessage error={error} title={t('metricsSettings.rulesLoadError')} /> : null}
      {rules === null ? <p className="muted">{t('common.loading')}</p> : <RulesForm key={JSON.stringify(rules)} stored={rules} />}
    </section>
  );
}

function RulesForm({ stored }: { stored: AlertRules }): ReactNode {
  const { t } = useTranslation();
  const api = useApi();
  const [form, setForm] = useState<RuleForm>(() => formOf(stored));
  const [problem, setProblem] = useState<{ field: string | null; message: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useCommand((r: AlertRules) => api.call(COMMAND, r));

  const update = (key: RuleKey, change: (r: RuleForm[RuleKey]) => RuleForm[RuleKey]): void => {
    setForm((f) => ({ ...f, [key]: change(f[key]) }));
    setSaved(false);
  };

  const submit = (e: SubmitEvent<HTMLFormElement>): void => {
    e.preventDefault();
    setProblem(null);
    setSaved(false);
    // The form's text is sent as typed; the core's schema is the judge (see rulesOf).
    void save.run(rulesOf(form)).then((r) => {
      if (r.ok) {
        setForm(formOf(r.value));
        setSaved(true);
      } else if (r.error.code === 'BAD_INPUT') setProblem(fieldError(r.error.message, COMMAND));
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <div className="settings-rules">
        {RULE_KEYS.map((key) => (
          <fieldset key={key} className="settings-rule" data-testid="alert-rule" data-rule={key}>
            <legend>{t(`metricsSettings.rule.${key}`)}</legend>
            <label className="settings-check">
              <input
                type="checkbox"
                data-testid="rule-enabled"
                checked={form[key].enabled}
                onChange={(ev) => {
                  const on = ev.currentTarget.checked;
                  update(key, (r) => ({ ...r, enabled: on }));
                }}
              />
              {t('metricsSettings.enabled')}
            </label>
            <label className="settings-check">
              <input
                type="checkbox"
                data-testid="rule-sound"
                checked={form[key].sound}
                onChange={(ev) => {
                  const on = ev.currentTarget.checked;
                  update(key, (r) => ({ ...r, sound: on }));
                }}
              />
              {t('metricsSettings.sound')}
            </label>
            {fieldsOf(key).map(({ field: f, path }) => {
              const bad = problem?.field === path;
              const id = `rule-${key}-${f}`;
              return (
                <div key={f} className={bad ? 'field field-invalid' : 'field'}>
                  <label htmlFor={id}>{t(`metricsSettings.field.${path}`)}</label>
                  <input
                    id={id}
                    inputMode="decimal"
                    data-testid={`rule-${key}-${f}`}
                    value={form[key].values[f] ?? ''}
                    aria-invalid={bad ? true : undefined}
                    aria-describedby={bad ? `${id}-problem` : undefined}
                    onChange={(ev) => {
                      const text = ev.currentTarget.value;
                      update(key, (r) => ({ ...r, values: { ...r.values, [f]: text } }));
                    }}
                  />
                  {bad ? (
                    <p className="field-problem" id={`${id}-problem`} data-testid="rule-problem" data-field={path}>
                      {problem.message}
                    </p>
                  ) : null}
                </div>
              );
            })}
          </fieldset>
        ))}
      </div>
      {problem && problem.field === null ? <p className="field-problem" data-testid="rule-problem">{problem.message}</p> : null}
      {save.error && save.error.code !== 'BAD_INPUT' ? <ErrorMessage error={save.error} title={t('metricsSettings.saveError')} /> : null}
      <div className="form-actions">
        {saved ? (
          <span className="muted" data-testid="rules-saved" role="status">
            {t('metricsSettings.saved')}
          </span>
        ) : null}
        <Button variant="primary" type="submit" data-testid="rules-save" disabled={save.pending}>
          {t('metricsSettings.save')}
        </Button>
      </div>
    </form>
  );
}

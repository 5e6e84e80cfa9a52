import type { ReactNode } from 'react';

/** An honest placeholder for a page whose feature is not built yet. */
export function ComingSoon({ title, badge, body }: { title: string; badge: string; body: string }): ReactNode {
  return (
    <section className="page" aria-labelledby="coming-soon-title">
      <header className="page-header">
        <h1 id="coming-soon-title">{title}</h1>
      </header>
      <div className="panel coming-soon">
        <span className="badge">{badge}</span>
        <p>{body}</p>
      </div>
    </section>
  );
}

import { useState, type ReactNode } from 'react';

/** A product's picture, or nothing when it has none or it fails to load (offline studio, dead link). */
export function ProductThumb({ src }: { src: string | null }): ReactNode {
  const [failed, setFailed] = useState<string | null>(null);
  if (src === null || failed === src) return null;
  return (
    <img className="thumb" src={src} alt="" loading="lazy" referrerPolicy="no-referrer" onError={() => setFailed(src)} />
  );
}

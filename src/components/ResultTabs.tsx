// The analyses under the tracks as tabs, one per registered panel (panels/panel.ts): an ARIA tablist whose arrow
// keys, Home and End move between tabs. Every panel stays mounted while hidden, so its inputs keep what was typed.
import { useRef, type KeyboardEvent } from 'react';
import { PANELS, type PanelSpec } from './panels/panel';

export type TabKind = PanelSpec['kind'];

const STEPS: Record<string, (i: number, n: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

export function ResultTabs({ active, onSelect }: { active: TabKind; onSelect(kind: TabKind): void }) {
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = Math.max(
    0,
    PANELS.findIndex((p) => p.kind === active),
  );
  const onKeyDown = (e: KeyboardEvent) => {
    const step = STEPS[e.key];
    if (!step) return;
    e.preventDefault();
    const next = step(current, PANELS.length);
    onSelect(PANELS[next]!.kind);
    tabs.current[next]?.focus();
  };
  return (
    <div className="tabs">
      <div role="tablist" aria-label="Analyses" className="tablist" onKeyDown={onKeyDown}>
        {PANELS.map((p, i) => (
          <button
            key={p.kind}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${p.kind}`}
            aria-selected={i === current}
            aria-controls={`tabpanel-${p.kind}`}
            tabIndex={i === current ? 0 : -1}
            onClick={() => onSelect(p.kind)}
          >
            {p.title}
          </button>
        ))}
      </div>
      {PANELS.map((p, i) => (
        <div
          key={p.kind}
          role="tabpanel"
          id={`tabpanel-${p.kind}`}
          aria-labelledby={`tab-${p.kind}`}
          className="tabpanel"
          tabIndex={0}
          hidden={i !== current}
        >
          <p.Component />
        </div>
      ))}
    </div>
  );
}

/**
 * Choosing one identity provider of metadata that describes several (a federation's aggregate):
 * each with its display name, entity ID and when its signing certificates expire, as the main
 * process read them (shared/config/metadata.ts). A filter narrows a long list; radios and buttons
 * only, so the keyboard does everything.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { MetadataIdp } from '../../../shared/config/types';

/** How many IdPs are listed at once; the filter narrows a federation's thousands. */
const SHOWN = 50;

const day = (iso: string) => iso.slice(0, 10);

/** When each signing certificate expires; expired ones (and none at all) stand out. */
function Certificates({ idp }: { idp: MetadataIdp }) {
  const count = idp.certificates.length;
  if (count === 0)
    return (
      <span className="small idp-certificates">
        <span className="bad">No signing certificate: it cannot be imported</span>
      </span>
    );
  return (
    <span className="small idp-certificates">
      Signing certificate{count === 1 ? '' : 's'}:{' '}
      {idp.certificates.map((c, i) => (
        <span key={i} className={c.expired ? 'bad' : undefined}>
          {i > 0 && ', '}
          {c.expired ? 'expired' : 'expires'} {day(c.notAfter)}
        </span>
      ))}
    </span>
  );
}

export function IdpPicker({
  idps,
  onChoose,
  onCancel,
}: {
  idps: readonly MetadataIdp[];
  onChoose(entityId: string): void;
  onCancel(): void;
}) {
  const [filter, setFilter] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const name = useId();
  const first = useRef<HTMLInputElement>(null);
  // Keyboard users land in the list the import just opened.
  useEffect(() => {
    first.current?.focus();
  }, []);

  const matches = useMemo(() => {
    const wanted = filter.trim().toLowerCase();
    if (!wanted) return idps;
    return idps.filter(
      (idp) =>
        idp.entityId.toLowerCase().includes(wanted) ||
        (idp.displayName ?? '').toLowerCase().includes(wanted),
    );
  }, [idps, filter]);
  const shown = matches.slice(0, SHOWN);
  const choice = idps.find((idp) => idp.entityId === chosen);
  const filtering = idps.length > 5;
  const firstChoosable = shown.findIndex((idp) => idp.certificates.length > 0);

  return (
    <fieldset className="idp-picker">
      <legend>The metadata describes {idps.length} identity providers: choose yours</legend>
      {filtering && (
        <label className="inline-field">
          Filter by name or entity ID
          <input
            ref={first}
            type="search"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        </label>
      )}
      <p className="muted small" role="status" aria-live="polite">
        {matches.length === idps.length
          ? `${idps.length} identity providers`
          : `${matches.length} of ${idps.length} match`}
        {matches.length > SHOWN ? `: the first ${SHOWN} are listed, type to narrow` : ''}
      </p>
      <ul className="idp-choices">
        {shown.map((idp, i) => (
          <li key={`${i} ${idp.entityId}`}>
            <label>
              <input
                ref={!filtering && i === firstChoosable ? first : undefined}
                type="radio"
                name={name}
                value={idp.entityId}
                checked={chosen === idp.entityId}
                disabled={idp.certificates.length === 0}
                onChange={() => setChosen(idp.entityId)}
              />
              <span>
                <strong>{idp.displayName ?? idp.entityId}</strong>
                {idp.displayName && <span className="mono small"> {idp.entityId}</span>}
                <Certificates idp={idp} />
              </span>
            </label>
          </li>
        ))}
      </ul>
      <div className="toolbar">
        <button
          type="button"
          className="primary"
          disabled={!choice}
          onClick={() => choice && onChoose(choice.entityId)}
        >
          {choice ? `Import ${choice.displayName ?? choice.entityId}…` : 'Import the chosen IdP…'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}

/**
 * Repair: find the stuck agents (or one user), review them (filters, checkboxes, export), confirm
 * in a modal that names the org, then follow the job, which belongs to the main process and goes
 * on while the person is elsewhere. The journal reads from disk, org or no org.
 */
import { useMemo, useState } from 'react';
import type {
  JournalJobView,
  OrgStatus,
  PlanFileReview,
  RepairCandidate,
  RepairPreview,
} from '../../../shared/ipc';
import { AppError } from '../../../shared/errors';
import { api, call, errorText } from '../api';
import { ConfirmRepairDialog } from '../components/ConfirmRepairDialog';
import { JournalView } from '../components/JournalView';
import { PlanFileNotes, type OpenedPlan } from '../components/PlanFileNotes';
import { RepairProgressView } from '../components/RepairProgressView';
import { ReviewList } from '../components/ReviewList';
import { UserState } from '../components/UserState';
import { wallNow } from '../model/clock';
import { isActive } from '../model/repair-job';
import {
  ANY,
  applyFilter,
  chosenAmong,
  filterChoices,
  STEP_KIND_WORDS,
  type ReviewFilter,
} from '../model/repair-review';
import { useKeptState } from '../kept-state';
import { showJob, useRepairJob } from '../repair-job-store';

interface Problem {
  text: string;
  /** The configuration has no post-JIT rules: the fix is on the Configuration screen. */
  needsRules: boolean;
}

const CREATED_WITHIN = [1, 2, 4, 8, 24];

export function RepairScreen({
  org,
  onConfigure,
}: {
  /** The org connected now: what was listed from another one is not kept. */
  org: OrgStatus | null;
  onConfigure(): void;
}) {
  const job = useRepairJob();
  const running = isActive(job);
  // The review outlives the screen (reading 2,000 agents takes minutes), per org.
  const scope = org ? `${org.kind}:${org.profileId ?? org.demoStuckAgents}:${org.region}` : '';
  const [query, setQuery] = useKeptState(scope, 'query', '');
  const [found, setFound] = useKeptState<RepairCandidate[] | null>(scope, 'found', null);
  const [chosen, setChosen] = useKeptState<RepairCandidate | null>(scope, 'chosen', null);
  const [sinceHours, setSinceHours] = useKeptState(scope, 'sinceHours', 24);
  const [listed, setListed] = useKeptState<RepairCandidate[] | null>(scope, 'listed', null);
  const [listedAt, setListedAt] = useKeptState(scope, 'listedAt', 0);
  const [listedFrom, setListedFrom] = useKeptState(scope, 'listedFrom', '');
  // The plan file the list came from (its name, and what it lists that will not be written).
  const [planFile, setPlanFile] = useKeptState<OpenedPlan | null>(scope, 'planFile', null);
  const [filter, setFilter] = useKeptState<ReviewFilter>(scope, 'filter', ANY);
  const [selected, setSelected] = useKeptState<ReadonlySet<string>>(scope, 'selected', new Set());
  const [confirming, setConfirming] = useState<{ ids: string[]; preview: RepairPreview } | null>(
    null,
  );
  const [journal, setJournal] = useKeptState<JournalJobView[] | null>(scope, 'journal', null);
  const [problem, setProblem] = useKeptState<Problem | null>(scope, 'problem', null);
  const [busy, setBusy] = useKeptState<string | null>(scope, 'busy', null);

  // Once a job has ended, the agents it repaired (or found right) are no longer to review.
  const pending = useMemo(() => {
    if (!listed || !job || running) return listed;
    const settled = new Set(
      job.results
        .filter((r) => r.outcome === 'repaired' || r.outcome === 'already-right')
        .map((r) => r.userId),
    );
    return listed.filter((c) => !settled.has(c.user.id));
  }, [listed, job, running]);
  const choices = useMemo(() => filterChoices(pending ?? []), [pending]);
  const shown = useMemo(
    () => applyFilter(pending ?? [], filter, listedAt),
    [pending, filter, listedAt],
  );
  const chosenShown = useMemo(() => chosenAmong(shown, selected), [shown, selected]);
  const writes = chosenShown.reduce((n, c) => n + c.plan.steps.length, 0);

  const act = async (label: string, action: () => Promise<void>) => {
    setProblem(null);
    setBusy(label);
    try {
      await action();
    } catch (failure) {
      setProblem({
        text: errorText(failure),
        needsRules: failure instanceof AppError && failure.code === 'config-invalid',
      });
    } finally {
      setBusy(null);
    }
  };

  /** A new list to review: everyone in it starts chosen. */
  const review = (candidates: RepairCandidate[], from: string, plan: OpenedPlan | null = null) => {
    setPlanFile(plan);
    setListed(candidates);
    setListedAt(wallNow());
    setListedFrom(from);
    setFilter(ANY);
    setSelected(new Set(candidates.map((c) => c.user.id)));
  };

  const search = () =>
    act('search', async () => {
      const list = await call(api().searchUsers({ query }));
      setFound(list);
      setChosen(list.length === 1 ? list[0]! : null);
    });

  const findStuck = () =>
    act('find', async () =>
      review(
        await call(api().findStuckAgents({ sinceHours })),
        `created in the last ${sinceHours} h`,
      ),
    );

  const openPlan = () =>
    act('plan', async () => {
      const opened: PlanFileReview | null = await call(api().openRepairPlan());
      if (!opened) return;
      const { candidates, ...plan } = opened;
      review(candidates, `in ${opened.file}`, plan);
    });

  const askToRepair = (ids: string[]) =>
    act('preview', async () =>
      setConfirming({ ids, preview: await call(api().previewRepair({ userIds: ids })) }),
    );

  const start = (ids: string[]) =>
    act('start', async () => {
      setConfirming(null);
      showJob(await call(api().startRepair({ userIds: ids })));
    });

  const exportPlan = (format: 'json' | 'csv') =>
    act('export', async () => {
      await call(api().exportRepairPlan({ userIds: chosenShown.map((c) => c.user.id), format }));
    });

  const readJournal = () =>
    act('journal', async () => setJournal(await call(api().readJournal({ limit: 50 }))));

  const setEvery = (on: boolean) =>
    setSelected((before) => {
      const next = new Set(before);
      for (const c of shown) {
        if (on) next.add(c.user.id);
        else next.delete(c.user.id);
      }
      return next;
    });

  const toggle = (id: string, on: boolean) =>
    setSelected((before) => {
      const next = new Set(before);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <section className="screen repair" aria-labelledby="repair-title">
      <h1 id="repair-title">Repair stuck agents</h1>
      {problem && (
        <div className="alert alert-bad" role="alert">
          {problem.text}{' '}
          {problem.needsRules && (
            <button type="button" className="small-button" onClick={onConfigure}>
              Open Configuration
            </button>
          )}
        </div>
      )}
      {job && (
        <RepairProgressView
          job={job}
          onCancel={() => {
            // "Cancelling…" at once, everywhere; the main process's reply then tells the truth.
            showJob({ ...job, state: 'cancelling' });
            void act('cancel', async () =>
              showJob(await call(api().cancelRepair({ jobId: job.jobId }))),
            );
          }}
        />
      )}
      <section className="card" aria-labelledby="bulk-title">
        <h2 id="bulk-title">Stuck agents</h2>
        <form
          className="form-row"
          onSubmit={(event) => {
            event.preventDefault();
            void findStuck();
          }}
        >
          <label>
            Created in the last (hours)
            <input
              type="number"
              min={1}
              max={720}
              value={sinceHours}
              onChange={(event) => setSinceHours(Number(event.target.value) || 24)}
            />
          </label>
          <button type="submit" disabled={busy !== null}>
            {busy === 'find' ? 'Reading the org…' : 'Find stuck agents'}
          </button>
          <button type="button" disabled={busy !== null} onClick={() => void openPlan()}>
            {busy === 'plan' ? 'Reading the plan’s users…' : 'Apply a plan file…'}
          </button>
        </form>
        {busy === 'find' && (
          <p className="muted" role="status" data-testid="review-reading">
            Reading the org: the users created in the last {sinceHours} h, then each one&apos;s
            skills, phone, station and utilization, paced at the rate limit set in Settings. For
            thousands of agents this takes minutes; other screens can be used meanwhile, and the
            list waits here.
          </p>
        )}
        {planFile && <PlanFileNotes plan={planFile} toApply={pending?.length ?? 0} />}
        {pending && pending.length === 0 && !planFile && (
          <p className="empty-note" data-testid="no-stuck">
            No stuck agent {listedFrom}: every one of them already has what the post-JIT rules give
            it.
          </p>
        )}
        {pending && pending.length > 0 && (
          <>
            <p>
              <strong>{pending.length.toLocaleString('en')}</strong> agents need repair (
              {listedFrom}
              ).
            </p>
            <div className="form-row review-filters" role="search" aria-label="Filter the agents">
              <label>
                Department
                <select
                  value={filter.department}
                  onChange={(event) => setFilter({ ...filter, department: event.target.value })}
                >
                  <option value="">any</option>
                  {choices.departments.map((d) => (
                    <option key={d}>{d}</option>
                  ))}
                </select>
              </label>
              <label>
                Rule
                <select
                  value={filter.rule}
                  onChange={(event) => setFilter({ ...filter, rule: event.target.value })}
                >
                  <option value="">any</option>
                  {choices.rules.map((r) => (
                    <option key={r}>{r}</option>
                  ))}
                </select>
              </label>
              <label>
                Step
                <select
                  value={filter.stepKind}
                  onChange={(event) =>
                    setFilter({
                      ...filter,
                      stepKind: event.target.value as ReviewFilter['stepKind'],
                    })
                  }
                >
                  <option value="">any</option>
                  {choices.stepKinds.map((k) => (
                    <option key={k} value={k}>
                      {STEP_KIND_WORDS[k]}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Created
                <select
                  value={filter.createdWithinHours ?? ''}
                  onChange={(event) =>
                    setFilter({
                      ...filter,
                      createdWithinHours: event.target.value ? Number(event.target.value) : null,
                    })
                  }
                >
                  <option value="">any time</option>
                  {CREATED_WITHIN.map((h) => (
                    <option key={h} value={h}>
                      in the last {h} h
                    </option>
                  ))}
                </select>
              </label>
              <label className="grow">
                Search
                <input
                  type="search"
                  value={filter.text}
                  placeholder="name, email, id or step"
                  onChange={(event) => setFilter({ ...filter, text: event.target.value })}
                />
              </label>
            </div>
            <div className="form-row">
              <button type="button" onClick={() => setEvery(true)}>
                Select all shown
              </button>
              <button type="button" onClick={() => setEvery(false)}>
                Select none
              </button>
              <span className="muted" role="status" data-testid="review-count">
                {chosenShown.length.toLocaleString('en')} of {shown.length.toLocaleString('en')}{' '}
                shown chosen · {writes.toLocaleString('en')} writes
              </span>
            </div>
            {shown.length === 0 ? (
              <p className="empty-note">No agent matches these filters.</p>
            ) : (
              <ReviewList shown={shown} selected={selected} onToggle={toggle} />
            )}
            <div className="input-actions">
              <button
                type="button"
                disabled={chosenShown.length === 0 || busy !== null}
                onClick={() => void exportPlan('csv')}
              >
                Export plan (CSV)
              </button>
              <button
                type="button"
                disabled={chosenShown.length === 0 || busy !== null}
                onClick={() => void exportPlan('json')}
              >
                Export plan (JSON)
              </button>
              <button
                type="button"
                className="primary"
                disabled={chosenShown.length === 0 || running || busy !== null}
                title={running ? 'A repair is running: wait for it or cancel it.' : undefined}
                onClick={() => void askToRepair(chosenShown.map((c) => c.user.id))}
              >
                Repair {chosenShown.length.toLocaleString('en')} chosen…
              </button>
            </div>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="one-title">
        <h2 id="one-title">One user</h2>
        <form
          className="form-row"
          onSubmit={(event) => {
            event.preventDefault();
            void search();
          }}
        >
          <label className="grow">
            Name, email or id
            <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
          </label>
          <button type="submit" disabled={query.trim().length < 2 || busy !== null}>
            Search
          </button>
        </form>
        {found && found.length === 0 && <p className="muted">No user matches.</p>}
        {found && found.length > 1 && (
          <ul className="user-list" aria-label="Matching users">
            {found.map((c) => (
              <li key={c.user.id}>
                <button
                  type="button"
                  aria-pressed={chosen?.user.id === c.user.id}
                  onClick={() => setChosen(c)}
                >
                  {c.user.name} <span className="muted small">{c.user.email}</span> · {c.summary}
                </button>
              </li>
            ))}
          </ul>
        )}
        {chosen && (
          <UserState
            candidate={chosen}
            disabled={running}
            onRepair={() => void askToRepair([chosen.user.id])}
          />
        )}
      </section>
      <section className="card" aria-labelledby="journal-title">
        <h2 id="journal-title">Journal</h2>
        <p>
          <button type="button" onClick={() => void readJournal()}>
            {journal ? 'Refresh the journal' : 'Show the journal'}
          </button>
        </p>
        {journal && (
          <JournalView
            jobs={journal}
            busy={running || busy !== null}
            onExport={(format) =>
              void act('export', async () => {
                await call(api().exportJournal({ format }));
              })
            }
            onResume={(run) =>
              void act('resume', async () =>
                review(await call(api().resumeJob({ run })), 'left by a journaled job'),
              )
            }
          />
        )}
      </section>
      {confirming && (
        <ConfirmRepairDialog
          preview={confirming.preview}
          onClose={() => setConfirming(null)}
          onConfirm={() => void start(confirming.ids)}
        />
      )}
    </section>
  );
}

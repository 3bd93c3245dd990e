import type { Translate } from '../../lib/util/i18n';
import { fmtNodes } from '../fmt-nodes';
import { Name } from '../Bdi';

/** Props of {@link SharedTo}. */
export interface SharedToProps {
  /** Names of the teams the learner shared this capture into (at least one). */
  teams: readonly string[];
  t: Translate;
}

/**
 * "Shared to L&D Guild" on the learner's own copy of a capture they shared into a team ("Shared to
 * A, B" for several), each team name isolated (components/Bdi.tsx). A chip; text only.
 */
export function SharedTo({ teams, t }: SharedToProps) {
  const names = teams.flatMap((n, i) => (i === 0 ? [<Name key={i} name={n} />] : [', ', <Name key={i} name={n} />]));
  return (
    <span class="chip chip--shared" data-testid="shared-to">
      {fmtNodes(t('cardSharedTo'), { team: <>{names}</> })}
    </span>
  );
}

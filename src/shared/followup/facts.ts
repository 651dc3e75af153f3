import type { Day } from '../calendar';
import type { AdoptionStage } from '../contracts/adoptions';

// The facts the follow-up measure reads for one body: dated events only, no conclusions. The
// server gathers them (and stores them per body in the transaction of each event); everything
// that decides a milestone lives in the pure rules beside this file.

/**
 * Bump when the shape changes, or when the rules change what they conclude from the same facts
 * (3: "improved" compares within one framework, baselines restart on a new framework): the
 * server then rebuilds every stored row at start-up.
 */
export const FACTS_SHAPE = 3;

/** A set of indicator levels with an index: an official result or a self-assessment. */
export type LevelSet = {
  source: 'official' | 'self';
  year: number;
  frameworkId: string;
  index: number | null;
  /** Official results may be published as a total only. */
  levels: Record<string, number> | null;
  /** Official: the day it was recorded; self: the day it was submitted (accepted, when it was). */
  date: Day;
  /** Self-assessments: accepted by a reviewer. Official results are always "accepted". */
  accepted: boolean;
};

export type BodyFacts = {
  orgId: string;
  visits: { id: string; hostOrgId: string; date: Day; programmeId: string | null; indicators: number[] }[];
  /** Valid (not revoked) commitment signatures. */
  signatures: { id: string; date: Day; textVersion: number }[];
  programmes: { programmeId: string; date: Day }[];
  /** Every submission of a self-assessment (first submissions and resubmissions). */
  submissions: { date: Day; year: number; frameworkId: string }[];
  /** Each approval of an action plan. */
  approvals: Day[];
  /** Days an action item was finished with evidence, or verified by a mentor (distinct, sorted). */
  acting: Day[];
  adoptions: {
    id: string;
    practiceId: string;
    hostOrgId: string;
    stage: AdoptionStage;
    agreedOn: Day | null;
    liveOn: Day | null;
  }[];
  results: LevelSet[];
  lastActivity: Day | null;
};

export function emptyFacts(orgId: string): BodyFacts {
  return {
    orgId,
    visits: [],
    signatures: [],
    programmes: [],
    submissions: [],
    approvals: [],
    acting: [],
    adoptions: [],
    results: [],
    lastActivity: null,
  };
}

/** The body public facts the measure shows and scopes by. */
export type BodyInfo = {
  orgId: string;
  code: string;
  name: string;
  provinceCode: string | null;
  type: string;
};

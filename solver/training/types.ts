/**
 * The cross-training planner's plain-data interface: who can do what today, and the targets.
 * "Which people should learn which skills so that every covered skill has at least `skillTarget`
 * qualified people and every person masters at least `postTarget` posts, with the fewest trainings."
 */

export interface PlannerSkill {
  id: number;
  /** The zone the skill belongs to; null for hall-wide skills. */
  zoneId: number | null;
  /** True when some window requires this skill, so it must reach `skillTarget` qualified people. */
  needsCover: boolean;
}

export interface PlannerPerson {
  id: number;
  homeZoneId: number;
}

export interface PlannerLevel {
  staffId: number;
  postId: number;
  /** 0 none, 1 learning, 2 independent, 3 can mentor. Missing pairs are level 0. */
  level: 0 | 1 | 2 | 3;
}

export interface PlannerInput {
  skills: PlannerSkill[];
  /** Only people who are employed and available (not departed, not on long leave). */
  people: PlannerPerson[];
  levels: PlannerLevel[];
  skillTarget: number;
  postTarget: number;
  /** At most this many new trainings for one person in one plan. */
  maxTrainingsPerPerson: number;
}

export interface PlannedTraining {
  staffId: number;
  postId: number;
  /** A level-3 person of that skill, other than the trainee; null only if none exists (never planned). */
  mentorId: number | null;
  sameZone: boolean;
  skillShort: { qualified: number; target: number } | null;
  personShort: { mastered: number; target: number } | null;
  alreadyLearning: boolean;
}

export interface SkillShortfall {
  postId: number;
  qualifiedAfter: number;
  target: number;
  shortBy: number;
  reason: 'no_mentor' | 'not_enough_people';
}

export interface PersonShortfallResult {
  staffId: number;
  masteredAfter: number;
  target: number;
  shortBy: number;
}

export interface PlannerResult {
  lines: PlannedTraining[];
  skillShortfalls: SkillShortfall[];
  personShortfalls: PersonShortfallResult[];
}

import { performance } from 'node:perf_hooks';
import type { ChannelArgs } from '../../contract/channels.ts';
import { fieldFailure, type FieldErrors } from '../../contract/errors.ts';
import { QUALIFIED_LEVEL, type BenchStrength, type TrainingPlan } from '../../contract/model.ts';
import type { Queryable } from '../../../data/connection.ts';
import { appendSkillChange, putSkillCell } from '../../../data/repositories/skills.ts';
import { benchStrength } from '../../../solver/skills/bench-strength.ts';
import { planCrossTraining } from '../../../solver/training/plan.ts';
import type { BackendContext } from '../context.ts';
import { todayOf } from '../clock.ts';
import { benchInputOf, isEmployed, loadHall, plannerInputOf, type HallSnapshot } from '../hall-snapshot.ts';

export function trainingHandlers(ctx: BackendContext) {
  return {
    'bench/summary': ({ skillTarget, postTarget }: ChannelArgs<'bench/summary'>): Promise<BenchStrength> =>
      ctx.session.use(async (db) => benchStrength(benchInputOf(await loadHall(db, todayOf(ctx.clock)), skillTarget, postTarget))),

    'training/plan': ({ skillTarget, postTarget, maxPerPerson }: ChannelArgs<'training/plan'>): Promise<TrainingPlan> =>
      ctx.session.use(async (db) => {
        const input = plannerInputOf(await loadHall(db, todayOf(ctx.clock)), skillTarget, postTarget, maxPerPerson);
        const started = performance.now();
        const result = planCrossTraining(input);
        return { skillTarget, postTarget, ...result, solveMs: Math.round(performance.now() - started) };
      }),

    'training/accept': (arg: ChannelArgs<'training/accept'>): Promise<{ recorded: number }> =>
      ctx.session.use((db) =>
        db.transaction(async (tx) => {
          const hall = await loadHall(tx, todayOf(ctx.clock));
          assertPlanStillValid(hall, arg, todayOf(ctx.clock));
          await recordTrainings(tx, ctx, hall, arg);
          return { recorded: arg.lines.length };
        }),
      ),
  };
}

/** The hall may have changed since the plan was drawn: every line is checked again before writing. */
function assertPlanStillValid(hall: HallSnapshot, arg: ChannelArgs<'training/accept'>, today: string): void {
  const errors: FieldErrors = {};
  if (arg.targetDate < today) errors.targetDate = 'out_of_range';
  const level = (staffId: number, postId: number) => hall.cells.find((c) => c.staffId === staffId && c.postId === postId)?.level ?? 0;
  const employed = (staffId: number) => hall.staff.some((person) => person.id === staffId && isEmployed(person));
  arg.lines.forEach((line, index) => {
    const at = `lines.${index}`;
    if (!employed(line.staffId)) errors[`${at}.staffId`] = 'departed';
    else if (!hall.posts.some((post) => post.id === line.postId)) errors[`${at}.postId`] = 'invalid_value';
    else if (level(line.staffId, line.postId) >= QUALIFIED_LEVEL) errors[`${at}.postId`] = 'already_qualified';
    if (line.mentorId !== null && (line.mentorId === line.staffId || !employed(line.mentorId) || level(line.mentorId, line.postId) < 3)) {
      errors[`${at}.mentorId`] = 'not_mentor';
    }
  });
  if (Object.keys(errors).length > 0) throw fieldFailure(errors);
}

/** Each accepted line becomes a learner (level 1) with a mentor and a date to be certified by. */
async function recordTrainings(tx: Queryable, ctx: BackendContext, hall: HallSnapshot, arg: ChannelArgs<'training/accept'>) {
  const now = ctx.clock.now().toISOString();
  const today = todayOf(ctx.clock);
  for (const line of arg.lines) {
    const before = hall.cells.find((c) => c.staffId === line.staffId && c.postId === line.postId);
    await putSkillCell(tx, {
      staffId: line.staffId, postId: line.postId, level: 1, certifiedOn: before?.certifiedOn ?? today,
      mentorId: line.mentorId, targetDate: arg.targetDate, updatedAt: now,
    });
    await appendSkillChange(tx, {
      staffId: line.staffId, postId: line.postId, at: now, actor: ctx.actor, fromLevel: before?.level ?? 0, toLevel: 1,
      certifiedOn: before?.certifiedOn ?? today, note: `培训计划：目标 ${arg.targetDate}`,
    });
  }
}

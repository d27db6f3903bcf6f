import type { AnyStateMachine } from 'xstate';
import type { z } from 'zod';
import type { CampaignCommon, MechanicKind } from '../campaign/campaign-schema.js';
import type { FieldIssue } from '../errors/liebian-error.js';
import type { ReserveMode, ScoreEntry, ScoreIncrement } from '../store/store.js';

/**
 * Who acts. Always built by the integrator from authentication (a session, a verified token),
 * never read from a request body.
 *
 * @example
 * // In the HTTP handler: built from the session, never from the request body.
 * const actor: Actor = { id: session.userId, deviceId: session.deviceId };
 * await engine.start(campaign.id, { actor });
 */
export interface Actor {
  /** Stable user id. Must not start with "@" (reserved for the engine's own actors). */
  readonly id: string;
  /** The integrator says this is a new user (used by new-user boosts and new-users-only policies). */
  readonly newUser?: boolean;
  /** Device fingerprint, if the integrator has one (used by same-device checks). */
  readonly deviceId?: string;
  /** Client IP, if known (used by caps). */
  readonly ip?: string;
  /** Staff or a trusted back-office system, as your authentication decides (may revoke coupons, settle boards). */
  readonly operator?: boolean;
}

/** The actor of events the engine raises itself (deadlines). */
export const TIMER_ACTOR: Actor = { id: '@timer' };

/** The actor of notices one instance sends another (see {@link Mechanic.takenOver}). */
export const NOTICE_ACTOR: Actor = { id: '@notice' };

/** An event one instance's commit owes another instance, with the id that makes its delivery idempotent. */
export interface Notice {
  readonly instanceId: string;
  readonly eventId: string;
  readonly event: { readonly type: string } & Readonly<Record<string, unknown>>;
}

/** An event as a machine sees it: the command plus who, when, and its idempotency key. */
export interface AppliedEvent {
  readonly type: string;
  readonly eventId: string;
  readonly actor: Actor;
  readonly at: number;
  readonly [payload: string]: unknown;
}

/** The fields every event carries besides its type and payload. */
export type EventEnvelope = Pick<AppliedEvent, 'eventId' | 'actor' | 'at'>;

/** Why an event was not applied. Stable strings the UI can map to copy; listed in `docs/errors.md`. */
export const REJECTION_REASONS = [
  'already-helped',
  'held-for-review',
  'review-rejected',
  'self-help',
  'not-initiator',
  'not-operator',
  'not-holder',
  'coupon-not-usable',
  'not-applicable',
  'group-full',
  'not-member',
  'not-payable',
  'proposals-full',
  'already-referred',
  'referred-elsewhere',
  'not-referred',
  'already-converted',
  'window-passed',
  'not-rewardable',
  'already-joined',
  'side-full',
  'flagged',
  'over-limit',
  'not-live',
  'proposal-not-open',
  'item-promised',
  'threshold-not-met',
  'not-purchasable',
  'floor-reached',
  'goal-reached',
  'instance-ended',
  'quota-exhausted',
  'launch-limit',
  'sold-out',
  'sold-out-today',
  'closed-now',
  'budget-exhausted',
  'new-users-only',
  'campaign-not-started',
  'campaign-ended',
  'campaign-paused',
] as const;
/**
 * Why the engine refused a launch or an event: stable codes, safe to branch on and to show (in words) to users.
 *
 * @example
 * const result = await engine.send(id, command, { actor });
 * if (result.status === 'rejected' && result.reason === 'already-helped') showToast('你已经帮砍过了');
 */
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export type Decision = { readonly ok: true } | { readonly ok: false; readonly reason: RejectionReason };
export const ALLOW: Decision = { ok: true };
export const deny = (reason: RejectionReason): Decision => ({ ok: false, reason });

/** A machine state as stored: a flat state value and its context. JSON-serialisable. */
export interface InstanceState<TContext> {
  readonly value: string;
  readonly context: TContext;
}

/** A slice of a shared counter taken before an event applies (stock, budget, per-user quotas). */
export interface Reservation {
  readonly counter: string;
  readonly holder: string;
  readonly qty: number;
  readonly capacity: number;
  /** Reported when the counter has no room. */
  readonly reason: RejectionReason;
  /**
   * A mark, not a limit: taken if there is room, the event applies either way, and it is never given back (another
   * writer may already rely on it).
   */
  readonly optional?: boolean;
  /**
   * None (the usual case, a limit: stock, budget, a quota): the commit takes the units itself, all or nothing with
   * the event. A mode marks an attribution unit that may move between holders (see `ReserveMode`; `hold` there
   * also makes one's own replaceable hold final): it is reserved through `store.reserve` before the commit.
   */
  readonly mode?: ReserveMode;
}

/** An absolute deadline of the current state; the engine turns it into a durable timer. */
export interface Deadline {
  readonly name: string;
  readonly dueAt: number;
}

/**
 * Rules disclosure: generated from the campaign's own fields, one line per rule.
 *
 * @example
 * const rules: Disclosure = engine.disclose('tea-set-bargain', 'zh-CN');
 * for (const line of rules.lines) console.log(line);
 */
export interface Disclosure {
  readonly locale: Locale;
  readonly title: string;
  readonly lines: readonly string[];
  /** The personal-information notice of the lead form (`privacyNotice`); null when the page takes no leads. */
  readonly privacy: { readonly title: string; readonly lines: readonly string[] } | null;
}

/**
 * A language pages and disclosures are written in: simplified Chinese or English.
 *
 * @example
 * const locale: Locale = 'en';
 * engine.disclose(campaign.id, locale);
 */
export type Locale = 'zh-CN' | 'en';

/**
 * A validated campaign of one kind.
 *
 * @example
 * const campaign: Campaign<'bargain', BargainRules> = defineCampaign(json, 'bargain');
 */
export type Campaign<TKind extends MechanicKind = MechanicKind, TRules = unknown> = CampaignCommon & {
  readonly kind: TKind;
  readonly rules: TRules;
};

/** What the engine gives a mechanic to build a new instance. */
export interface StartArgs<TRules> {
  readonly campaign: Campaign<MechanicKind, TRules>;
  readonly instanceId: string;
  readonly initiator: Actor;
  readonly now: number;
  /** A 32-bit seed drawn from the engine's injected random source. */
  readonly seed: number;
  /** What the initiator supplied at launch, validated by `startSchema` (undefined when the mechanic has none). */
  readonly input: unknown;
}

/** Facts about a viewer that live outside the snapshot (claims kept in the store). */
export interface ViewFacts {
  readonly now: number;
  /** The viewer's claims on this instance that are taken, e.g. `helper:<id>`. */
  readonly viewerClaims: ReadonlySet<string>;
  /** For mechanics with a {@link BoardAccess}: what the view asked of the store's board. */
  readonly board?: {
    /** The board's best entries, in board order (flagged members included; the view leaves them out). */
    readonly top: readonly ScoreEntry[];
    /** The entries of the members the view named, with their position on the board. */
    readonly entries: ReadonlyMap<string, ScoreEntry & { readonly rank: number }>;
  };
}

/**
 * For a mechanic whose scores live on a store board (unbounded membership, e.g. a leaderboard season) rather than
 * in its snapshot. The machine stays pure: it records score increments as intents in its context, and the engine
 * posts them to the store after the commit that wrote them (idempotent by key, so posting again after a crash
 * changes nothing), drops them from the next commit, and reads the board for views and for events that need it.
 */
export interface BoardAccess<TContext> {
  /** The instance's board in the store, or null when this instance keeps none (a duel). */
  name(context: TContext): string | null;
  /** Increments the state recorded that the store may not hold yet. */
  intents(context: TContext): readonly ScoreIncrement[];
  /** The context with its intents dropped, once they are posted. */
  withoutIntents(context: TContext): TContext;
  /** How many of the board's best entries an event needs attached as `standings` before it applies (0 = none). */
  standingsFor(state: InstanceState<TContext>, event: AppliedEvent): number;
  /** What a view needs: the top `top` entries and these members' entries. */
  viewReads(
    state: InstanceState<TContext>,
    viewer: Actor | null,
  ): { top: number; members: readonly string[] };
}

/**
 * One mechanic: everything the engine, the HTTP layer and the H5 renderer need, with no I/O.
 * Each mechanic folder exports one object of this type.
 */
export interface Mechanic<
  TKind extends MechanicKind = MechanicKind,
  TRules = unknown,
  TContext = unknown,
  TView = unknown,
> {
  readonly kind: TKind;
  /** The campaign schema of this kind: common fields, `kind`, `rules`, cross-field checks. */
  readonly campaignSchema: z.ZodType<Campaign<TKind, TRules>>;
  /** Commands a client may send (without envelope fields). */
  readonly commandSchema: z.ZodType<{ type: string }>;
  /** What an initiator supplies at launch (e.g. the item a swap lists); omitted when nothing is needed. */
  readonly startSchema?: z.ZodType;
  readonly machine: AnyStateMachine;
  initialState(args: StartArgs<TRules>): InstanceState<TContext>;
  /** Whether `initiator` may start an instance at all (e.g. only an operator opens a board); default: anyone. */
  startDecision?(campaign: Campaign<TKind, TRules>, initiator: Actor): Decision;
  /**
   * What happens to an event refused because the instance is full (a group buy's `whenFull`): `reject` (answer
   * the refusal), `overflow` (try other open instances of the campaign, then open a new one) or `open-new` (open a
   * new instance with the actor as its initiator). Default: reject.
   */
  overflow?(
    campaign: Campaign<TKind, TRules>,
    event: AppliedEvent,
    reason: RejectionReason,
  ): 'reject' | 'overflow' | 'open-new';
  /**
   * For `overflow`: how much the instance wants newcomers now — a group's seats taken while it has seats left, 0
   * when it takes nobody. The engine keeps a campaign-wide listing of it on a store board, so an event that
   * overflows finds open instances of every process, fullest first.
   */
  listing?(state: InstanceState<TContext>): number;
  /** Set when the instance's scores live on a store board. */
  readonly board?: BoardAccess<TContext>;
  /** Who launched the instance (for self-help and same-device checks). */
  initiatorOf(context: TContext): { readonly id: string; readonly deviceId: string | null };
  /** The rejection reported when one of an event's claims is already taken. */
  readonly claimTakenReason: RejectionReason;
  /** Whether the event may apply now, and if not, why. The machine's guards use the same decisions. */
  check(state: InstanceState<TContext>, event: AppliedEvent): Decision;
  /** Keys that may be taken once per instance by this event (e.g. one help per helper). */
  claims(event: AppliedEvent): readonly string[];
  /** Claims a viewer would hold, to tell them what they already did. */
  viewerClaims(viewerId: string): readonly string[];
  /** Counters to reserve before the event applies. */
  reservations(
    state: InstanceState<TContext>,
    event: AppliedEvent,
    campaign: Campaign<TKind, TRules>,
  ): readonly Reservation[];
  /**
   * A committed event took a one-unit counter over from `from` (its reservation found it held, mode `touch`), or
   * could not (then `from` is the event's own holder): the event to tell that holder's instance, if any (a referral
   * link that lost a friend to a later invite). The engine takes the unit over after the commit and answers the event
   * once the notice applied; a process that dies first leaves the take-over in the stored form.
   */
  takenOver?(
    event: AppliedEvent,
    reservation: Reservation,
    from: string,
  ): { readonly instanceId: string; readonly event: Notice['event'] } | null;

  /** Counters the launch takes, in its commit (e.g. launches per user): plain holds, never optional. */
  startReservations(
    campaign: Campaign<TKind, TRules>,
    initiator: Actor,
    instanceId: string,
  ): readonly Reservation[];
  /** Event types sent by a friend rather than the initiator (risk checks apply to these). */
  isFriendAction(type: string): boolean;
  deadlines(state: InstanceState<TContext>): readonly Deadline[];
  view(state: InstanceState<TContext>, viewer: Actor | null, facts: ViewFacts): TView;
  disclose(campaign: Campaign<TKind, TRules>, locale: Locale): Disclosure;
  /**
   * The changes from `previous` to `next` that are worse for consumers, one issue per field (empty: the change is
   * neutral or in their favour). `engine.replaceCampaign` refuses a live campaign's replacement when any is found.
   */
  compareRules(previous: Campaign<TKind, TRules>, next: Campaign<TKind, TRules>): readonly FieldIssue[];
}

/** A mechanic with its type parameters erased, as the engine holds it. */
// biome-ignore lint/suspicious/noExplicitAny: the engine handles every mechanic through one erased type.
export type AnyMechanic = Mechanic<MechanicKind, any, any, any>;

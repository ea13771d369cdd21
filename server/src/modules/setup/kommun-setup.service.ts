/**
 * Creating a kommun: its row, the root of its organisation and its first administratör, in
 * one transaction. The CLI (`pnpm kommun:create`) does it on any database; the set-up page
 * does it once, while no kommun exists, with the one-time token the server logged at start.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { RequestContext } from '../../context.js';
import { recordCreation } from '../audit/record-creation.js';
import { startSession } from '../auth/session.service.js';
import { admitFromAddress, swedishWait } from '../auth/sign-in-throttle.js';
import type { IUser } from '../auth/user.entity.js';
import { createUser, UserInputError } from '../auth/user.service.js';
import type { FieldError } from '../editing/validation.js';
import {
  Kommun,
  OrgUnit,
  type IKommun,
  type IOrgUnit,
  type IPeriod,
} from '../organisation/org-unit.entity.js';
import { openPeriod, type NewPeriod } from '../organisation/period-opening.service.js';
import { keyOfName } from '../organisation/swedish-order.js';
import { koladaKommun } from './kolada-municipalities.js';
import { SetupToken } from './setup-token.entity.js';

export interface NewKommun {
  /** Kolada's four-digit code of a kommun (type K), e.g. "1489". */
  koladaCode: string;
  admin: { name: string; email: string; password: string };
  /** The server runs with NODE_ENV=production (the password rule of createUser). */
  production?: boolean;
}

export interface KommunCreated {
  kommun: IKommun;
  root: IOrgUnit;
  /** The current year, opened as the working period. */
  period: IPeriod;
  admin: IUser;
}

/**
 * The year the kommun starts following up. Every page of a unit shows a period, so a kommun
 * without one has no page to land on; the administratör opens further periods as usual.
 */
export function firstPeriod(today = new Date()): NewPeriod {
  const year = String(today.getFullYear());
  return { key: year, label: year, kind: 'år', start: `${year}-01-01`, end: `${year}-12-31` };
}

/** "Upplands Väsby" → "upplands-vasby": the kommun's key, and its root unit's. */
export const kommunKey = keyOfName;

const duplicate = (name: string, code: string) =>
  new UserInputError('koladaCode', `Kommunen ${name} (${code}) finns redan i installationen.`);

/**
 * Creates the kommun Kolada knows by the code, named as Kolada names it ("Alingsås"), with
 * the root unit "Alingsås kommun", the current year as its working period and its first
 * administratör (through createUser: the same rules and hashing as every user). Throws UserInputError naming the field; nothing is
 * written then. Any set-up token left is deleted: the installation has a kommun now.
 */
export async function createKommun(
  em: EntityManager,
  input: NewKommun,
  audit: { requestId?: string | null } = {},
): Promise<KommunCreated> {
  const code = input.koladaCode.trim();
  const kolada = koladaKommun(code);
  if (!kolada) {
    throw new UserInputError(
      'koladaCode',
      `Kolada har ingen kommun med koden "${code.slice(0, 20)}". Ange en fyrsiffrig kommunkod, till exempel 1489 för Alingsås.`,
    );
  }
  try {
    return await em.transactional(async (tx) => {
      if (await tx.count(Kommun, { koladaCode: code })) throw duplicate(kolada.name, code);
      // A kommun without a Kolada code (the demo's) may hold the plain key already.
      const plain = kommunKey(kolada.name);
      const key = (await tx.count(Kommun, { key: plain })) ? `${plain}-${code}` : plain;
      const kommun = tx.create(Kommun, { key, name: kolada.name, koladaCode: code });
      const root = tx.create(OrgUnit, {
        kommun,
        key,
        name: `${kolada.name} kommun`,
        kind: 'kommun',
        parent: null,
        position: 0,
      });
      await tx.flush();
      root.path = `/${root.id}/`;
      const admin = await createUser(tx, {
        ...input.admin,
        role: 'administratör',
        kommunKey: key,
        production: input.production,
      });
      const spec = firstPeriod();
      const period = await openPeriod(tx, kommun.id, spec);
      // The administratör set the kommun up, so the rows are theirs.
      const requestId = audit.requestId ?? null;
      recordCreation(tx, {
        by: admin.id,
        entity: 'Kommun',
        entityId: kommun.id,
        after: { name: kommun.name, koladaCode: code, root: root.name },
        requestId,
      });
      recordCreation(tx, {
        by: admin.id,
        entity: 'User',
        entityId: admin.id,
        after: { email: admin.email, name: admin.name, role: admin.role, units: [] },
        requestId,
      });
      recordCreation(tx, {
        by: admin.id,
        entity: 'Period',
        entityId: period.id,
        after: { ...spec },
        requestId,
      });
      await tx.nativeDelete(SetupToken, {});
      await tx.flush();
      return { kommun, root, period, admin };
    });
  } catch (error) {
    // Two set-ups of the same kommun at once: the unique code stops the second.
    if (error instanceof UniqueConstraintViolationException && /kolada_code/.test(error.message)) {
      throw duplicate(kolada.name, code);
    }
    throw error;
  }
}

const hashToken = (token: string) => createHash('sha256').update(token).digest();

/** Whether the installation still waits for its first kommun. */
export async function setupNeeded(em: EntityManager): Promise<boolean> {
  return (await em.count(Kommun)) === 0;
}

/**
 * At start: while no kommun exists, a new one-time token replaces any earlier one and the
 * log gets the link to the set-up page. Returns the token, or null when a kommun exists.
 */
export async function offerSetup(em: EntityManager, log: Logger, baseUrl: string): Promise<string | null> {
  if (!(await setupNeeded(em))) {
    await em.nativeDelete(SetupToken, {});
    return null;
  }
  const token = randomBytes(32).toString('base64url');
  await em.upsert(SetupToken, {
    slot: 1,
    tokenHash: hashToken(token).toString('hex'),
    createdAt: new Date(),
  });
  // The token is in the message on purpose: whoever starts the server needs the link, and
  // `token` fields are censored by log.ts. Warn, so it shows at LOG_LEVEL=warn too.
  log.warn(
    `Ingen kommun finns ännu. Öppna ${baseUrl}/installera?token=${token} för att skapa den första kommunen ` +
      'och dess administratör (länken gäller en gång; nästa start ersätter den), ' +
      'eller kör pnpm kommun:create.',
  );
  return token;
}

export type SetupRefusalCode = 'ALREADY_SET_UP' | 'INVALID_TOKEN' | 'THROTTLED';

export type SetUpOutcome =
  | { ok: KommunCreated & { token: string; expiresAt: Date } }
  | { refused: { errorCode: SetupRefusalCode; message: string } }
  | { invalid: FieldError[] };

const ALREADY_SET_UP = {
  refused: {
    errorCode: 'ALREADY_SET_UP',
    message:
      'Installationen är redan gjord: det finns en kommun. Logga in; fler kommuner läggs till med pnpm kommun:create.',
  },
} as const;

const INVALID_TOKEN = {
  refused: {
    errorCode: 'INVALID_TOKEN',
    message:
      'Länken gäller inte. Använd hela länken från serverns logg efter den senaste starten; den gäller en gång.',
  },
} as const;

export interface SetUpInput {
  token: string;
  koladaCode: string;
  name: string;
  email: string;
  password: string;
}

/**
 * The set-up page's one step: with the token of the latest start and while no kommun
 * exists, creates the kommun and its administratör, spends the token and starts the
 * administratör's session. Wrong tokens count against the address like failed sign-ins.
 * A wrong field leaves the token as it was, so the form can be corrected and sent again.
 */
export async function setUpFirstKommun(ctx: RequestContext, input: SetUpInput): Promise<SetUpOutcome> {
  const wait = await admitFromAddress(ctx.em, ctx.address);
  if (wait !== null) {
    return {
      refused: { errorCode: 'THROTTLED', message: `För många försök. Försök igen om ${swedishWait(wait)}.` },
    };
  }
  if (!(await setupNeeded(ctx.em))) return ALREADY_SET_UP;
  const stored = await ctx.em.findOne(SetupToken, { slot: 1 });
  if (!stored || input.token.length > 100) return INVALID_TOKEN;
  if (!timingSafeEqual(hashToken(input.token), Buffer.from(stored.tokenHash, 'hex'))) return INVALID_TOKEN;

  try {
    return await ctx.em.transactional(async (tx) => {
      // Taking the row is what spends the token: of two requests with it, the second waits
      // for the first and then finds nothing to take.
      const taken = await tx.nativeDelete(SetupToken, { slot: 1, tokenHash: stored.tokenHash });
      if (taken !== 1) return INVALID_TOKEN;
      if (!(await setupNeeded(tx))) return ALREADY_SET_UP;
      const created = await createKommun(
        tx,
        {
          koladaCode: input.koladaCode,
          admin: { name: input.name, email: input.email, password: input.password },
          production: ctx.production,
        },
        { requestId: ctx.requestId },
      );
      return { ok: { ...created, ...(await startSession(tx, created.admin, ctx.userAgent)) } };
    });
  } catch (error) {
    if (error instanceof UserInputError) return { invalid: [{ field: error.field, message: error.message }] };
    throw error;
  }
}

export interface SetUpDoneModel {
  kommun: IKommun;
  viewer: IUser;
}

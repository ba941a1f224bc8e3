import type { BidGate } from '@parkbridge/domain/bids';
import { notApprovedSupplier, parkFirstError, retryWrite } from '@parkbridge/domain/bids';
import { notFound, ruleBroken } from '@parkbridge/domain/core';
import { auditStep } from '../core/audit';
import type { Db } from '../core/db';
import type { TxItem } from '../core/transact';
import { needKey } from '../needs/need.keys';
import { heldCertificateKey } from '../orgs/certificate.repository';
import { membershipKey } from '../orgs/membership.repository';

/** An unanswered question extends a need's close once: the flag it sets, and the condition it needs. */
export const QUESTION_EXTENDED = 'questionExtended = :qxTrue';
export const QUESTION_EXTENSION_UNUSED =
  '(attribute_not_exists(questionExtended) OR questionExtended = :qxFalse)';
export const QUESTION_EXTENSION_VALUES = { ':qxTrue': true, ':qxFalse': false };

/**
 * The conditions that make "this supplier may act on this need now" true at the moment of the
 * write: the need is open and before its effective close (and unchanged in its terms), the park-first
 * window is over or the membership checked is the delivery park's, the membership is approved and
 * not suspended, and every required certificate is held. With an extension the need's check becomes
 * the Update that moves its close, conditioned on the close and version that were read.
 */
export function gateItems(db: Db, orgId: string, gate: BidGate, prefix: 'bid' | 'question'): TxItem[] {
  const { need, now } = gate;
  const nowMs = now.getTime();
  const names: Record<string, string> = { '#status': 'status' };
  const values: Record<string, unknown> = {
    ':open': 'open',
    ':now': nowMs,
    ':org': orgId,
    ':amend': need.amendmentCount,
  };
  let condition = '#status = :open AND closesAtMs > :now AND ownerOrgId <> :org AND amendmentCount = :amend';
  if (gate.parkFirstOnNeed) condition += ' AND parkFirstUntilMs <= :now';
  const onNeedFailed = (old: Record<string, unknown> | undefined) => {
    if (!old) return notFound('need');
    if (old.status !== 'open' || Number(old.closesAtMs) <= nowMs) {
      return ruleBroken(
        `${prefix}.need_closed`,
        old.status === 'open'
          ? `The need closed at ${String(old.closesAt)}; nothing is accepted after the close.`
          : `The need is ${String(old.status)}.`,
      );
    }
    if (old.ownerOrgId === orgId) return ruleBroken(`${prefix}.own_need`, 'This is your own need.');
    if (gate.parkFirstOnNeed && Number(old.parkFirstUntilMs) > nowMs) {
      return parkFirstError({ parkFirstUntil: (old.parkFirstUntil as string | null) ?? null });
    }
    return retryWrite();
  };
  const items: TxItem[] = [];
  const byQuestion = gate.extension?.byQuestion === true;
  if (gate.extension) {
    const step = auditStep(db, { ...gate.extension.audit, entityId: need.needId }, need, now);
    const closesAt = new Date(gate.extension.closesAtMs).toISOString();
    items.push(
      {
        item: {
          Update: {
            TableName: db.tableName,
            Key: needKey(need.needId),
            UpdateExpression:
              'SET closesAt = :closesAt, closesAtMs = :closesAtMs, extensionCount = extensionCount + :one, ' +
              `#version = :version, auditHash = :hash, updatedAt = :at${byQuestion ? `, ${QUESTION_EXTENDED}` : ''}`,
            ConditionExpression: `${condition} AND closesAtMs = :seenClose AND #version = :seenVersion${
              byQuestion ? ` AND ${QUESTION_EXTENSION_UNUSED}` : ''
            }`,
            ExpressionAttributeNames: { ...names, '#version': 'version' },
            ExpressionAttributeValues: {
              ...values,
              ...(byQuestion ? QUESTION_EXTENSION_VALUES : {}),
              ':closesAt': closesAt,
              ':closesAtMs': gate.extension.closesAtMs,
              ':one': 1,
              ':version': step.next.version,
              ':hash': step.next.auditHash,
              ':at': now.toISOString(),
              ':seenClose': need.closesAtMs,
              ':seenVersion': need.version,
            },
          },
        },
        onConditionFailed: onNeedFailed,
      },
      step.tx,
    );
  } else {
    items.push({
      item: {
        ConditionCheck: {
          TableName: db.tableName,
          Key: needKey(need.needId),
          ConditionExpression: condition,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
      onConditionFailed: onNeedFailed,
    });
  }
  if (gate.membership) {
    // A firm admitted inside the park-first window as located in the park must still be a tenant there.
    const inPark = gate.membership.inPark ? ' AND contains(#as, :tenant)' : '';
    items.push({
      item: {
        ConditionCheck: {
          TableName: db.tableName,
          Key: membershipKey(gate.membership.parkId, gate.membership.orgId),
          ConditionExpression: `#status = :approved AND suspended = :false AND contains(#as, :supplier)${inPark}`,
          ExpressionAttributeNames: { '#status': 'status', '#as': 'as' },
          ExpressionAttributeValues: {
            ':approved': 'approved',
            ':false': false,
            ':supplier': 'supplier',
            ...(inPark ? { ':tenant': 'tenant' } : {}),
          },
        },
      },
      onConditionFailed: () => notApprovedSupplier(need),
    });
  }
  for (const kind of gate.certificates) {
    items.push({
      item: {
        ConditionCheck: {
          TableName: db.tableName,
          Key: heldCertificateKey(orgId, kind),
          ConditionExpression: 'heldUntil > :now',
          ExpressionAttributeValues: { ':now': nowMs },
        },
      },
      onConditionFailed: () =>
        ruleBroken(
          `${prefix}.certificate_missing`,
          `This need requires a verified, valid ${kind} certificate.`,
          [{ path: 'requiredCertificates', message: `Hold a verified ${kind} certificate.` }],
        ),
    });
  }
  return items;
}

import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { notifyMany, type NotificationInput } from '../supervision/notifications.js';
import { curatorUserIds, officerUserIds } from './alerts.people.js';
import type { SharingAction, SharingStatus } from './model/sharing.js';

/** What the notices need of a request, as it stands after the step. */
export interface NoticeFacts {
  id: string; code: string; status: SharingStatus; accession: string | null; requesterOrganisationId: string; requesterNameZh: string;
  curatorId: string | null; shippedBy: string | null; trackingNo: string | null; carrierZh: string | null; rejectedReasonZh: string | null;
}

/**
 * Who is told of each step of a sharing request: the curators of a new request and of a
 * withdrawal, the officers when their approval is needed (not the curator who gave the first),
 * the approving curator when the officer's approval makes it ready to ship, the requester's
 * organisation of every decision and of the shipment, and whoever shipped of the receipt.
 */
export function sharingNotices() {
  return {
    async after(trx: Transaction<DB>, r: NoticeFacts, action: SharingAction | 'submit') {
      const link = `/strains/requests/${r.id}`;
      const what = `${r.code}（${r.accession ?? ''}）`;
      const list: NotificationInput[] = [];
      const toUsers = (ids: (string | null)[], event: string, titleZh: string, titleEn: string) => {
        for (const userId of new Set(ids.filter((x): x is string => !!x))) list.push({ userId, kind: `strains.sharing.${event}`, link, dedupeKey: `strains.sharing.${event}:${r.id}:${userId}`, titleZh, titleEn });
      };
      const toRequester = (event: string, titleZh: string, titleEn: string) =>
        list.push({ organisationId: r.requesterOrganisationId, kind: `strains.sharing.${event}`, link, dedupeKey: `strains.sharing.${event}:${r.id}:org`, titleZh, titleEn });

      if (action === 'submit') {
        toUsers(await curatorUserIds(trx), 'submitted', `新的菌种共享申请 ${what} 待审核，申请单位：${r.requesterNameZh}`, `New sharing request ${r.code} from ${r.requesterNameZh} awaits review`);
      } else if (action === 'approve' && r.status === 'curatorApproved') {
        toUsers((await officerUserIds(trx)).filter((id) => id !== r.curatorId), 'officer', `共享申请 ${what} 须生物安全负责人审批`, `Sharing request ${r.code} needs a biosafety officer's approval`);
        toRequester('curatorApproved', `您的共享申请 ${what} 已通过管理员审核，待生物安全负责人审批`, `Your sharing request ${r.code} passed the curator; the biosafety officer decides next`);
      } else if (action === 'approve') {
        toRequester('approved', `您的共享申请 ${what} 已批准，待发运`, `Your sharing request ${r.code} is approved and will be shipped`);
        toUsers([r.curatorId], 'toShip', `共享申请 ${what} 已获全部批准，请安排发运`, `Sharing request ${r.code} is fully approved; ship it`);
      } else if (action === 'reject') {
        toRequester('rejected', `您的共享申请 ${what} 未获批准：${(r.rejectedReasonZh ?? '').slice(0, 100)}`, `Your sharing request ${r.code} was rejected; see the reason`);
      } else if (action === 'ship') {
        toRequester('shipped', `您申请的菌种 ${what} 已发运（${r.carrierZh ?? ''} ${r.trackingNo ?? ''}），收到后请确认签收`, `Strain for ${r.code} shipped (${r.trackingNo ?? ''}); confirm receipt when it arrives`);
      } else if (action === 'receive') {
        toUsers([r.shippedBy], 'received', `${r.requesterNameZh} 已签收共享申请 ${what} 的菌种`, `${r.requesterNameZh} received the strain of ${r.code}`);
      } else if (action === 'withdraw') {
        toUsers(r.curatorId ? [r.curatorId] : await curatorUserIds(trx), 'withdrawn', `${r.requesterNameZh} 撤回了共享申请 ${what}`, `${r.requesterNameZh} withdrew sharing request ${r.code}`);
      }
      await notifyMany(trx, list);
    },
  };
}

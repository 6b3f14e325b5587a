import type { ResidentEvent } from '../../../events/catalogue.js';
import type { ResidentCommand } from './commands.js';
import { correctResidenceAddress, notifyResidenceAddress, recordMoveOut, recordResidentRecordEntry } from './decide/address.js';
import { decideApplication, fileApplication } from './decide/applications.js';
import { cancelStatusOfResidence, recordDeath, recordJustifiableReason, recordNaturalisation, serveHearingNotice } from './decide/cancellation.js';
import {
  issueResidenceCard, orderCardReissue, recordCardFound, recordCardReturned, reissueResidenceCard, renewResidenceCard, reportCardLost,
} from './decide/card.js';
import { notifyAffiliation, notifyIdentityChange, reportAcceptingInstitution, reportSswOrganization } from './decide/notifications.js';
import { grantStatusPermission, permitLanding } from './decide/permissions.js';
import { confirmDeparture, extendReentryPermit, grantReentryPermit, recordReentry } from './decide/travel.js';
import type { Resident } from './resident.js';

const unreachable = (value: never): never => {
  throw new Error(`unhandled command ${JSON.stringify(value)}`);
};

/** The resident decider: the events a command adds to the record, or a DomainError saying why not. Pure. */
export const decide = (command: ResidentCommand, state: Resident): ResidentEvent[] => {
  switch (command.type) {
    case 'PermitLanding': return permitLanding(command, state);
    case 'GrantStatusPermission': return grantStatusPermission(command, state);
    case 'IssueResidenceCard': return issueResidenceCard(command, state);
    case 'ReissueResidenceCard': return reissueResidenceCard(command, state);
    case 'RenewResidenceCard': return renewResidenceCard(command, state);
    case 'OrderCardReissue': return orderCardReissue(command, state);
    case 'ReportCardLost': return reportCardLost(command, state);
    case 'RecordCardFound': return recordCardFound(command, state);
    case 'RecordCardReturned': return recordCardReturned(command, state);
    case 'NotifyResidenceAddress': return notifyResidenceAddress(command, state);
    case 'RecordMoveOut': return recordMoveOut(command, state);
    case 'CorrectResidenceAddress': return correctResidenceAddress(command, state);
    case 'RecordResidentRecordEntry': return recordResidentRecordEntry(command, state);
    case 'NotifyIdentityChange': return notifyIdentityChange(command, state);
    case 'NotifyAffiliation': return notifyAffiliation(command, state);
    case 'ReportAcceptingInstitution': return reportAcceptingInstitution(command, state);
    case 'ReportSpecifiedSkilledWorkerOrganization': return reportSswOrganization(command, state);
    case 'FileApplication': return fileApplication(command, state);
    case 'DecideApplication': return decideApplication(command, state);
    case 'ConfirmDeparture': return confirmDeparture(command, state);
    case 'GrantReentryPermit': return grantReentryPermit(command, state);
    case 'ExtendReentryPermit': return extendReentryPermit(command, state);
    case 'RecordReentry': return recordReentry(command, state);
    case 'RecordJustifiableReason': return recordJustifiableReason(command, state);
    case 'ServeHearingNotice': return serveHearingNotice(command, state);
    case 'CancelStatusOfResidence': return cancelStatusOfResidence(command, state);
    case 'RecordDeath': return recordDeath(command, state);
    case 'RecordNaturalisation': return recordNaturalisation(command, state);
    default: return unreachable(command);
  }
};

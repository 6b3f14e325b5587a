/** Every field of `Resident`, as a fragment: a large but legitimate selection. */
export const FULL_RESIDENT = `fragment FullResident on Resident {
  id asOf knownAt
  particulars { name dateOfBirth sex nationality }
  midToLongTermResident { is reason since newlyBy }
  stay {
    kind statusOfResidence periodOfStay expiresOn grantedOn grantedVia bornOn lawfulUntil applicationPending endReason endedOn departBy
    attributes { familyRelation entertainerUnderJapaneseContract hspActivity designatedActivity ordinanceExcluded }
    specialPeriod { applicationId startsOn limit }
    deportable { since article }
  }
  card { ...Card }
  cards { ...Card }
  address { state municipalityCode line postalCode since notifiedOn relayId }
  affiliation { category lastEvent lastEventOn organization { name address corporateNumber } }
  travel { abroad departedOn under returnBy }
  obligations { duty subject clockStartedOn immediately state metOn overdueSince responsible penalty deadline { nominal effective } }
  cancellationGrounds {
    ground from strictFrom clockStartedOn knownSince curedLateOn likelyJustification state
    day90 { nominal effective } justifiableReason { reason decidedOn }
  }
  watches { ground clockStartedOn groundFrom day90 { nominal effective } }
  hints { ground from clockStartedOn applicationPending { kind filedOn } }
  anomalies { code message on }
}
fragment Card on ResidenceCard {
  number issuedOn issue reason printedValidUntil statutoryValidUntil validityBasis validUntil valid reportedLost returnedOn
  invalidity { item since }
}`;
